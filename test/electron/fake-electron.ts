// Small stand-ins for the `electron` module, used only at that boundary (vi.mock('electron')): each
// records what our code asked of Electron so a test can check it, and does nothing else.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions } from 'electron';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly pdfOptions: unknown[] = [];
  pdfBytes = Buffer.from('%PDF-1.7 fake');

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  async printToPDF(options: unknown): Promise<Buffer> {
    this.pdfOptions.push(options);
    return this.pdfBytes;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  readonly progress: number[] = [];
  destroyed = false;
  maximized = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds() {
    return { x: this.options.x ?? 10, y: this.options.y ?? 20, width: this.options.width ?? 1280, height: this.options.height ?? 860 };
  }

  setProgressBar(value: number): void {
    this.progress.push(value);
  }

  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: Listener } | null = null;
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
      this.beforeRequest = { filter, listener };
    },
  };

  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  singleInstance = true;
  sandboxEnabled = false;
  quitCalls = 0;
  exitCodes: number[] = [];
  appPath = '/opt/jianbao/resources/app.asar';
  isPackaged = false;
  ready = Promise.resolve();

  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  getPath(name: string): string {
    let path = this.paths.get(name);
    if (!path) {
      path = mkdtempSync(join(tmpdir(), `jianbao-fake-${name}-`));
      this.paths.set(name, path);
    }
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return '0.1.0';
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  exit(code: number): void {
    this.exitCodes.push(code);
  }
}

const fake = {
  app: new FakeApp(),
  session: { defaultSession: new FakeSession() },
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    privileged: [] as CustomScheme[][],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: CustomScheme[]) {
      fake.protocol.privileged.push(schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      fake.protocol.handlers.set(scheme, handler);
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  Menu: {
    applied: null as MenuItemConstructorOptions[] | null,
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu(menu: MenuItemConstructorOptions[]) {
      fake.Menu.applied = menu;
    },
  },
  dialog: {
    openResult: { canceled: true, filePaths: [] as string[] },
    messages: [] as unknown[],
    errors: [] as [string, string][],
    async showOpenDialog() {
      return fake.dialog.openResult;
    },
    async showMessageBox(_window: unknown, options: unknown) {
      fake.dialog.messages.push(options);
      return { response: 0 };
    },
    showErrorBox(title: string, content: string) {
      fake.dialog.errors.push([title, content]);
    },
  },
  shell: {
    opened: [] as string[],
    async openPath(path: string) {
      fake.shell.opened.push(path);
      return '';
    },
  },
  ipcMain: {
    handlers: new Map<string, Listener>(),
    handle(channel: string, listener: Listener) {
      fake.ipcMain.handlers.set(channel, listener);
    },
  },
  ipcRenderer: Object.assign(new EventEmitter(), {
    invocations: [] as { channel: string; payload: unknown }[],
    reply: (_channel: string, _payload: unknown): unknown => ({ ok: true, value: null }),
    async invoke(channel: string, payload: unknown) {
      fake.ipcRenderer.invocations.push({ channel, payload });
      return fake.ipcRenderer.reply(channel, payload);
    },
  }),
  contextBridge: {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      fake.contextBridge.exposed.set(key, api);
    },
  },
};

export const fakeElectron = fake;
