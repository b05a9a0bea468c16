// Exports reach the disk through the native save dialog: a download the page starts from one of its
// own blob: URLs (an exported .docx, PDF or JSON) opens 另存为 in the Documents folder; any other is cancelled.
import { join } from 'node:path';
import type { DownloadItem, FileFilter, Session } from 'electron';
import { APP_HOST, APP_SCHEME } from '../security/app-protocol.ts';

const FILTERS: Record<string, FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  json: { name: 'JSON 数据', extensions: ['json'] },
};

export function isOwnDownload(url: string): boolean {
  return url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`);
}

function saveDialogFor(item: Pick<DownloadItem, 'getFilename'>, documentsDir: string) {
  const fileName = item.getFilename();
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const filter = FILTERS[extension];
  return {
    title: '保存导出的文件',
    buttonLabel: '保存',
    defaultPath: join(documentsDir, fileName),
    filters: filter ? [filter, { name: '所有文件', extensions: ['*'] }] : [{ name: '所有文件', extensions: ['*'] }],
  };
}

export function saveDownloadsWithDialog(session: Session, documentsDir: string): void {
  session.on('will-download', (_event, item) => {
    if (!isOwnDownload(item.getURL())) {
      item.cancel();
      return;
    }
    item.setSaveDialogOptions(saveDialogFor(item, documentsDir));
  });
}
