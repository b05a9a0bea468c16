// `npm run web [-- --port N --data DIR]`: browser mode. Builds the renderer if needed, opens the
// archive, serves the app on 127.0.0.1 and prints the one-time login address to open (also kept,
// readable by the owner only, in <data>/browser-login.txt).
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUserFacing } from '../../shared/api/errors.ts';
import { openServices } from '../api/services.ts';
import { createDispatch } from '../api/dispatch.ts';
import { resolveDataDir } from '../services/archive/index.ts';
import { buildRenderer, rendererIsStale } from './build-renderer.ts';
import { startWebServer } from './server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runWebMode(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true }));
  } catch {
    console.error('错误：参数不正确。用法：npm run web -- [--port 端口] [--data 数据文件夹]');
    return 2;
  }
  const port = values.port === undefined ? 5170 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`错误：端口号不正确：${values.port}`);
    return 2;
  }
  if (rendererIsStale(root)) {
    console.log('正在构建界面…');
    await buildRenderer(root);
  }
  const dataDir = resolveDataDir({ flag: values.data });
  let services;
  try {
    // the daily backup, as the desktop app takes it
    services = await openServices({ dataDir, holder: { name: '简报（浏览器模式）', kind: 'app' }, dailyBackup: true, checkLargeTables: 'after-open' });
  } catch (error) {
    console.error(`错误：${isUserFacing(error) ? error.message : `无法打开档案库：${String(error)}`}`);
    return 2;
  }
  let server;
  try {
    server = await startWebServer({
      dispatch: createDispatch(services.handlers, { onInternalError: (method, error) => console.error(`[${method}]`, error) }),
      staticDir: join(root, 'dist', 'renderer'),
      dataDir,
      port,
    });
  } catch (error) {
    await services.close();
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    console.error(`错误：${inUse ? `端口 ${port} 已被占用（可能简报已在运行），请关闭占用它的程序，或用 --port 换一个端口` : `无法启动本地服务：${String(error)}`}`);
    return 2;
  }
  console.log(`简报（浏览器模式）已启动：${server.loginUrl()}`);
  console.log(`数据文件夹：${dataDir}`);
  console.log(`在浏览器中打开上面的地址（只能使用一次；之后的新地址见 ${server.loginFile}）；按 Ctrl+C 退出。`);
  const stop = async () => {
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
