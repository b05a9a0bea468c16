// Import through the native open dialog: each file the clerk picks goes through the same validated
// 'import.file' call the page makes, with the taskbar showing progress and a Chinese summary at the end.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { MAX_UPLOAD_BASE64 } from '../../shared/api/contract.ts';
import type { ImportOutcome } from '../../shared/api/records.ts';
import type { Dispatch } from '../api/dispatch.ts';

/** the largest file whose base64 still fits the contract's limit */
export const MAX_IMPORT_BYTES = Math.floor(MAX_UPLOAD_BASE64 / 4) * 3;

const IMPORT_FILTERS: FileFilter[] = [
  { name: '简报文件（.txt .docx .json）', extensions: ['txt', 'docx', 'json'] },
  { name: '所有文件', extensions: ['*'] },
];

async function importOne(path: string, dispatch: Dispatch): Promise<ImportOutcome> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_IMPORT_BYTES) {
      return { file, status: 'failed', reason: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，未导入` };
    }
    bytes = await readFile(path);
  } catch {
    return { file, status: 'failed', reason: '无法读取该文件（可能已被移动、删除或没有权限）' };
  }
  const response = await dispatch('import.file', { name: file, base64: bytes.toString('base64') });
  return response.ok ? (response.value as ImportOutcome) : { file, status: 'failed', reason: response.error.message };
}

/** One file at a time, in the order given; a file that fails never stops the rest. */
export async function importFiles(paths: readonly string[], dispatch: Dispatch, onProgress?: (done: number, total: number) => void): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const path of paths) {
    outcomes.push(await importOne(path, dispatch));
    onProgress?.(outcomes.length, paths.length);
  }
  return outcomes;
}

export function summarizeImport(outcomes: readonly ImportOutcome[]): { message: string; detail: string } {
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const message = `导入完成：成功 ${count('imported')} 个，跳过 ${count('skipped')} 个，失败 ${count('failed')} 个。`;
  const detail = outcomes
    .map((outcome) => {
      if (outcome.status === 'imported') return `✓ ${outcome.file}：${outcome.seriesName}${outcome.numberText}`;
      if (outcome.status === 'skipped') return `－ ${outcome.file}：${outcome.reason}`;
      return `✗ ${outcome.file}：${outcome.reason}`;
    })
    .join('\n');
  return { message, detail };
}

/** The menu's 导入文件…: pick files, import them, tell the page to refresh, show the summary. */
export async function importWithDialog(window: BrowserWindow, dispatch: Dispatch, refreshPage: () => void): Promise<void> {
  const picked = await dialog.showOpenDialog(window, { title: '导入简报', properties: ['openFile', 'multiSelections'], filters: IMPORT_FILTERS });
  if (picked.canceled || picked.filePaths.length === 0) return;
  const outcomes = await importFiles(picked.filePaths, dispatch, (done, total) => window.setProgressBar(done / total));
  window.setProgressBar(-1);
  refreshPage();
  const { message, detail } = summarizeImport(outcomes);
  const failed = outcomes.some((outcome) => outcome.status === 'failed');
  await dialog.showMessageBox(window, { type: failed ? 'warning' : 'info', title: '导入文件', message, detail, buttons: ['确定'], noLink: true });
}
