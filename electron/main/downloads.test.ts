import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { isOwnDownload, saveDownloadsWithDialog } from './downloads.ts';

function download(url: string, fileName: string) {
  return {
    cancelled: false,
    dialog: null as unknown,
    getURL: () => url,
    getFilename: () => fileName,
    cancel() {
      this.cancelled = true;
    },
    setSaveDialogOptions(options: unknown) {
      this.dialog = options;
    },
  };
}

describe('exports saved through the native save dialog', () => {
  const session = new EventEmitter();
  saveDownloadsWithDialog(session as unknown as Session, '/home/clerk/文档');

  it('opens 另存为 in Documents with the export name and a filter for its type', () => {
    const item = download('blob:app://jianbao/5d1e', '工作简报第13期.docx');
    session.emit('will-download', {}, item);
    expect(item.cancelled).toBe(false);
    expect(item.dialog).toEqual({
      title: '保存导出的文件',
      buttonLabel: '保存',
      defaultPath: join('/home/clerk/文档', '工作简报第13期.docx'),
      filters: [
        { name: 'Word 文档', extensions: ['docx'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
  });

  it('cancels any download that is not one of our own blob: exports', () => {
    for (const url of ['https://example.com/setup.exe', 'data:application/pdf;base64,JVBERi0=', 'blob:https://example.com/5d1e', 'file:///etc/passwd']) {
      const item = download(url, 'x.pdf');
      session.emit('will-download', {}, item);
      expect(item.cancelled, url).toBe(true);
      expect(item.dialog).toBeNull();
    }
    expect(isOwnDownload('blob:app://jianbao/5d1e')).toBe(true);
  });
});
