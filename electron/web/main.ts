// `npm run web [-- --port N --data DIR]`: browser mode. Builds the renderer if needed, opens the
// archive, serves the app on 127.0.0.1 and prints the address to open.
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServices } from '../api/services.ts';
import { createDispatch } from '../api/dispatch.ts';
import { resolveDataDir } from '../services/archive/data-dir.ts';
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
  const services = await openServices({ dataDir });
  const server = await startWebServer({
    dispatch: createDispatch(services.handlers, { onInternalError: (method, error) => console.error(`[${method}]`, error) }),
    staticDir: join(root, 'dist', 'renderer'),
    port,
  });
  console.log(`简报（浏览器模式）已启动：${server.url}/`);
  console.log(`数据文件夹：${dataDir}`);
  console.log('在浏览器中打开上面的地址；按 Ctrl+C 退出。');
  const stop = async () => {
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
