// Runs a screen's commands from the command table, whichever way they come: a key the page owns
// (one window listener, so a key never runs its command twice) or the desktop menu.
import { useEffect, useRef } from 'react';
import { COMMAND_TABLE, pageCommandFor, type CommandId, type CommandSpec } from '../../shared/api/commands.ts';
import { useMenuCommands } from './menu-commands.ts';

export type CommandHandlers = Partial<Record<CommandId, () => void>>;

export interface CommandScope {
  /** whether a key press came from inside the bulletin body (body-only commands run only there) */
  inBody?: (target: EventTarget | null) => boolean;
  /** whether the body has a caret, for body-only commands from the menu */
  bodyHasCaret?: () => boolean;
}

export function useCommands(handlers: CommandHandlers, scope: CommandScope = {}): void {
  const latest = useRef({ handlers, scope });
  latest.current = { handlers, scope };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
      const id = pageCommandFor(event);
      const handler = id && latest.current.handlers[id];
      if (!id || !handler) return;
      const spec: CommandSpec = COMMAND_TABLE[id];
      if (spec.bodyOnly && !latest.current.scope.inBody?.(event.target)) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useMenuCommands((command) => {
    const handler = latest.current.handlers[command];
    const spec: CommandSpec = COMMAND_TABLE[command];
    if (!handler || (spec.bodyOnly && !latest.current.scope.bodyHasCaret?.())) return;
    handler();
  });
}
