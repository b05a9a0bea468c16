// The About box: version, data folder and runtime versions, with a button that opens the data folder.
import { dialog, shell, type BrowserWindow } from 'electron';

export async function showAbout(window: BrowserWindow, version: string, dataDir: string): Promise<void> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'info',
    title: '关于简报',
    message: '简报：工作简报的编写、归档与排版导出',
    detail: [`版本：${version}`, `数据文件夹：${dataDir}`, `运行环境：Electron ${process.versions.electron}，Chromium ${process.versions.chrome}`].join('\n'),
    buttons: ['确定', '打开数据文件夹'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) await shell.openPath(dataDir);
}
