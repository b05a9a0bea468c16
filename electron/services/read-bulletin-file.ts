// Reads a bulletin file from disk (.txt in any common Chinese encoding, .docx, or canonical .json) into the
// canonical issue, with reasons in Chinese for anything that cannot be read. These run in the thread that
// calls them: untrusted files are read through import/read-in-worker.ts, whose worker runs these.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from '../../shared/text/decode.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { issueSchema, type Issue } from '../../shared/model/issue.ts';
import { ISSUE_LIMITS } from '../../shared/model/limits.ts';
import { formatErrors, validate } from '../../shared/model/validate.ts';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

export interface ReadBulletin {
  issue: Issue;
  warnings: string[];
}

export async function readFileBytes(path: string, maxBytes: number = ISSUE_LIMITS.textFileBytes): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件：${path}（${code ?? '未知原因'}）`);
  }
  if (info.isDirectory()) throw new UnreadableFileError(`这是一个文件夹，不是文件：${path}`);
  if (info.size > maxBytes) {
    throw new UnreadableFileError(`文件过大（${(info.size / 1048576).toFixed(1)} MB），超过 ${Math.round(maxBytes / 1048576)} MB 的上限：${path}`);
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new UnreadableFileError(`无法读取文件：${path}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
}

export function bulletinFromText(bytes: Uint8Array, path: string): ReadBulletin {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableFileError(`${decoded.reason}：${path}`);
  if (decoded.text.trim().length === 0) throw new UnreadableFileError(`文件是空的：${path}`);
  return parseBulletinText(decoded.text);
}

export function bulletinFromJson(bytes: Uint8Array, path: string): ReadBulletin {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableFileError(`${decoded.reason}：${path}`);
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch {
    throw new UnreadableFileError(`不是有效的 JSON 文件：${path}`);
  }
  const result = validate(issueSchema, json);
  if (!result.ok) throw new UnreadableFileError(`不是有效的简报 JSON（${formatErrors(result.errors, 3)}）：${path}`);
  return { issue: result.value, warnings: [] };
}

/** Reads a bulletin already in memory (an upload), by the extension of its `name`. */
export async function readBulletinBytes(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
  const extension = extname(name).toLowerCase();
  if (extension === '.docx') {
    // mammoth is loaded only when a Word file is met
    const { bulletinFromDocx, DOCX_FILE_BYTES } = await import('./import/docx.ts');
    if (bytes.length > DOCX_FILE_BYTES) throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${DOCX_FILE_BYTES / 1048576} MB 的上限：${name}`);
    return bulletinFromDocx(bytes, name);
  }
  if (['.doc', '.pdf', '.wps'].includes(extension)) {
    throw new UnreadableFileError(`暂不支持读取 ${extension} 文件，请另存为 .docx 或 .txt 后再导入：${name}`);
  }
  if (bytes.length > ISSUE_LIMITS.textFileBytes) {
    throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB 的上限：${name}`);
  }
  if (extension === '.json') return bulletinFromJson(bytes, name);
  return bulletinFromText(bytes, name);
}

export async function readBulletinFile(path: string): Promise<ReadBulletin> {
  const extension = extname(path).toLowerCase();
  const maxBytes = extension === '.docx' ? (await import('./import/docx.ts')).DOCX_FILE_BYTES : ISSUE_LIMITS.textFileBytes;
  return readBulletinBytes(await readFileBytes(path, maxBytes), path);
}
