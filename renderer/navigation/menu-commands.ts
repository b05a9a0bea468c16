// Menu commands from the desktop app's native menu (window.jianbaoDesktop); screens subscribe to the
// ones they handle. In browser mode there is no native menu and nothing arrives.
import { useEffect, useRef } from 'react';
import type { DesktopBridge, MenuCommand } from '../../shared/api/desktop-bridge.ts';

declare global {
  interface Window {
    jianbaoDesktop?: DesktopBridge;
  }
}

export function useMenuCommands(handle: (command: MenuCommand) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => window.jianbaoDesktop?.onMenuCommand((command) => latest.current(command)), []);
}
