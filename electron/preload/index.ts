// The preload bridge: exposes to the page one async function per contract method (window.jianbao) and
// the menu-command subscription (window.jianbaoDesktop) through contextBridge, and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiClient, ApiInput, ApiMethod, ApiOutput, ApiResponse } from '../../shared/api/contract.ts';
import { isMenuCommand, type DesktopBridge } from '../../shared/api/desktop-bridge.ts';
import { apiChannel, MENU_CHANNEL } from '../security/ipc-channels.ts';

/** Errors cross contextBridge as their message only, which is the Chinese sentence the clerk sees. */
function call<M extends ApiMethod>(method: M) {
  return async (input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const response = (await ipcRenderer.invoke(apiChannel(method), input)) as ApiResponse<ApiOutput<M>>;
    if (!response.ok) throw new Error(response.error.message);
    return response.value;
  };
}

const api = {
  'app.info': call('app.info'),
  'series.list': call('series.list'),
  'series.get': call('series.get'),
  'series.create': call('series.create'),
  'series.update': call('series.update'),
  'series.setArchived': call('series.setArchived'),
  'issues.list': call('issues.list'),
  'issues.gaps': call('issues.gaps'),
  'issues.next': call('issues.next'),
  'issues.get': call('issues.get'),
  'issues.save': call('issues.save'),
  'issues.setStatus': call('issues.setStatus'),
  'issues.duplicate': call('issues.duplicate'),
  'issues.delete': call('issues.delete'),
  'issues.discard': call('issues.discard'),
  'issues.restore': call('issues.restore'),
  'issues.recycleBin': call('issues.recycleBin'),
  'revisions.list': call('revisions.list'),
  'revisions.get': call('revisions.get'),
  'revisions.restore': call('revisions.restore'),
  search: call('search'),
  'import.file': call('import.file'),
  'import.read': call('import.read'),
  'import.confirm': call('import.confirm'),
  'export.docx': call('export.docx'),
  'export.pdf': call('export.pdf'),
  'export.json': call('export.json'),
  'backup.create': call('backup.create'),
  'backup.list': call('backup.list'),
  'backup.restore': call('backup.restore'),
  'bundle.export': call('bundle.export'),
  'bundle.import': call('bundle.import'),
} satisfies ApiClient;

const desktop = {
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('jianbao', api);
contextBridge.exposeInMainWorld('jianbaoDesktop', desktop);
