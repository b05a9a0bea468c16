// Reads a bulletin file from disk (.txt in any common Chinese encoding, .docx, or canonical .json) into the
// canonical issue, with reasons in Chinese for anything that cannot be read. These run in the thread that
// calls them: untrusted files are read through import/read-in-worker.ts, whose worker runs these.
import { extname } from 'node:path';
import { decodeText } from '../../../shared/text/decode.ts';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { issueSchema, type Issue } from '../../../shared/model/issue.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { formatErrors, validate } from '../../../shared/model/validate.ts';
import type { FoundFacts, SourceFormat } from '../../../shared/import/source.ts';
import { UnreadableFileError, readFileBytes } from '../files/read-file-bytes.ts';

/** A file read into the canonical issue, with what the reader had to guess or set aside. */
export interface ReadBulletin {
  issue: Issue;
  warnings: string[];
  /** lines set aside as web-page chrome */
  setAside: string[];
  found: FoundFacts;
  /** how the issue was read: a format's structure, or the canonical issue a file carried (.json, a Jianbao .docx) */
  via: SourceFormat | 'canonical';
}

const ALL_FOUND: FoundFacts = { seriesName: true, number: true, date: true, docNumber: true };

export function bulletinFromText(bytes: Uint8Array, path: string): ReadBulletin {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableFileError(`${decoded.reason}：${path}`);
  if (decoded.text.trim().length === 0) throw new UnreadableFileError(`文件是空的：${path}`);
  return { ...parseBulletinText(decoded.text), via: 'text' };
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
  return { issue: result.value, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical' };
}

/** Reads a bulletin already in memory (an upload), by the extension of its `name`. */
export async function readBulletinBytes(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
  const extension = extname(name).toLowerCase();
  if (extension === '.docx') {
    // mammoth is loaded only when a Word file is met
    const { bulletinFromDocx, DOCX_FILE_BYTES } = await import('./docx.ts');
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
  const maxBytes = extension === '.docx' ? (await import('./docx.ts')).DOCX_FILE_BYTES : ISSUE_LIMITS.textFileBytes;
  return readBulletinBytes(await readFileBytes(path, maxBytes), path);
}
