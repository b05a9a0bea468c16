// The command line's way into the services: the archive of the data folder (--data), and the same
// handlers as the app's (createServiceHandlers), each call through the same dispatch (the contract's
// validation, the same ApiErrors) by the same typed client the renderer uses. An unexpected error is
// thrown as it is, so main.ts reports it as before (disk failures as one Chinese line, bugs with exit 1).
// The services (SQLite, docx, Chromium's driver, the contract's schemas) are loaded when a command opens
// them, not when its file is loaded: `jianbao help` loads every command's file.
import type { ApiClient, ApiHandlers } from '../../../shared/api/contract.ts';
import type { Archive } from '../../services/archive/index.ts';
import { CliError } from './cli-error.ts';

export interface CliServices {
  /** the contract's methods, as the app calls them */
  api: ApiClient;
  /** for what the contract does not cover (each such use says so where it is) */
  archive: Archive;
}

export interface CliServiceOptions {
  /** the command, named to any other program that tries to open the archive meanwhile: "命令 jianbao search" */
  holder: string;
  /** 'read' for commands that only read, which may run while the app holds the archive */
  access?: 'write' | 'read';
  /** a reading command that records something when it can (bundle export: what it sent), so every table is checked before it opens */
  recordsWhileReading?: boolean;
}

/** A client of the handlers that calls them through the dispatch, throwing what the dispatch would hide. */
export async function dispatchClient(handlers: ApiHandlers): Promise<ApiClient> {
  const [{ createApiClient }, { createDispatch }] = await Promise.all([import('../../../shared/api/client.ts'), import('../../api/dispatch.ts')]);
  return createApiClient(async (method, input) => {
    let unexpected: { error: unknown } | undefined;
    const response = await createDispatch(handlers, { onInternalError: (_method, error) => (unexpected = { error }) })(method, input);
    if (unexpected) throw unexpected.error;
    return response;
  });
}

/** Opens the archive of --data (or the default folder) for one command, with the app's handlers over it, and closes both after. */
export async function withServices<T>(dataFlag: unknown, options: CliServiceOptions, body: (services: CliServices) => Promise<T>): Promise<T> {
  const [{ resolveDataDir, withArchive }, { createServiceHandlers }] = await Promise.all([import('../../services/archive/index.ts'), import('../../api/services.ts')]);
  const dataDir = resolveDataDir({ flag: dataFlag as string | undefined });
  return withArchive(
    dataDir,
    async (archive) => {
      const services = createServiceHandlers(archive);
      try {
        return await body({ api: await dispatchClient(services.handlers), archive });
      } finally {
        await services.close();
      }
    },
    { holder: { name: options.holder, kind: 'cli' }, access: options.access, recordsWhileReading: options.recordsWhileReading },
  );
}

/** The id of the series named `name` (archived ones included), as series.list gives them. */
export async function seriesIdByName(api: ApiClient, name: string): Promise<number> {
  const series = (await api['series.list']({ includeArchived: true })).find((record) => record.settings.name === name.trim());
  if (!series) throw new CliError(`档案库中没有名为“${name}”的刊物`);
  return series.id;
}
