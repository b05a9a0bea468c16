// Reads a bulletin file from disk (.txt in any common Chinese encoding, .docx, .doc/.wps, .pdf, or canonical .json) into the
// canonical issue, with reasons in Chinese for anything that cannot be read. These run in the thread that
// calls them: untrusted files are read through import/read-in-worker.ts, whose worker runs these.
import { extname } from 'node:path';
import { decodeText } from '../../../shared/text/decode.ts';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import type { FoundFacts, ReadBulletin } from '../../../shared/import/source.ts';
import { UnreadableFileError, readFileBytes } from '../files/read-file-bytes.ts';


const ALL_FOUND: FoundFacts = { seriesName: true, number: true, date: true, docNumber: true };

export function bulletinFromText(bytes: Uint8Array, path: string): ReadBulletin {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableFileError(`${decoded.reason}：${path}`);
  if (decoded.text.trim().length === 0) throw new UnreadableFileError(`文件是空的：${path}`);
  return { ...parseBulletinText(decoded.text), via: 'text' };
}

export async function bulletinFromJson(bytes: Uint8Array, path: string): Promise<ReadBulletin> {
  // the schema (zod) is built only when a .json is read: a .txt needs none of it
  const [{ issueSchema }, { formatErrors, validate }] = await Promise.all([import('../../../shared/model/issue.ts'), import('../../../shared/model/validate.ts')]);
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

/** What a .doc or .wps file really is when it is not Word's binary format: a .docx (a zip), RTF, or a web page Word saved as .doc. */
function disguisedWordFile(bytes: Uint8Array): 'zip' | 'rtf' | 'html' | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
  if (head.startsWith('PK\x03\x04')) return 'zip';
  if (head.startsWith('{\\rtf')) return 'rtf';
  const text = head.replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').replace(/\x00/g, '').trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|mime-version:)/.test(text)) return 'html';
  return null;
}

/** Reads a bulletin already in memory (an upload), by the extension of its `name`. */
export async function readBulletinBytes(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
  const extension = extname(name).toLowerCase();
  if (extension === '.docx') {
    // the XML reader is loaded only when a Word file is met
    const { bulletinFromDocx, DOCX_FILE_BYTES } = await import('./docx.ts');
    if (bytes.length > DOCX_FILE_BYTES) throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${DOCX_FILE_BYTES / 1048576} MB 的上限：${name}`);
    return bulletinFromDocx(bytes, name);
  }
  if (extension === '.doc' || extension === '.wps') {
    // word-extractor is loaded only when such a file is met
    const { bulletinFromDoc, DOC_FILE_BYTES } = await import('./doc.ts');
    if (bytes.length > DOC_FILE_BYTES) throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${DOC_FILE_BYTES / 1048576} MB 的上限：${name}`);
    const disguise = disguisedWordFile(bytes);
    // a .docx saved or renamed as .doc is read as what it is
    if (disguise === 'zip') return (await import('./docx.ts')).bulletinFromDocx(bytes, name);
    if (disguise === 'rtf') throw new UnreadableFileError(`这个 ${extension} 文件实际上是 RTF 格式，暂不支持读取，请用 Word 或 WPS 打开后另存为 .docx 再导入：${name}`);
    if (disguise === 'html') throw new UnreadableFileError(`这个 ${extension} 文件实际上是网页（HTML/MHT）格式，暂不支持读取，请用 Word 或 WPS 打开后另存为 .docx 再导入：${name}`);
    return bulletinFromDoc(bytes, name, extension);
  }
  if (extension === '.pdf') {
    // pdfjs-dist is loaded only when a PDF is met
    const { bulletinFromPdf, PDF_FILE_BYTES } = await import('./pdf.ts');
    if (bytes.length > PDF_FILE_BYTES) throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${PDF_FILE_BYTES / 1048576} MB 的上限：${name}`);
    return bulletinFromPdf(bytes, name);
  }
  const maxBytes = plainTextMaxBytes(extension);
  if (bytes.length > maxBytes) {
    throw new UnreadableFileError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），超过 ${maxBytes / 1048576} MB 的上限：${name}`);
  }
  if (extension === '.json') return bulletinFromJson(bytes, name);
  return bulletinFromText(bytes, name);
}

/** .json is the canonical issue, read by JSON.parse; anything else goes through the plain-text reader. */
const plainTextMaxBytes = (extension: string) => (extension === '.json' ? ISSUE_LIMITS.textFileBytes : ISSUE_LIMITS.plainTextFileBytes);

/** The size limit of the reader a file goes to: Word files and PDFs may carry photographs. */
async function maxBytesOf(extension: string): Promise<number> {
  if (extension === '.docx') return (await import('./docx.ts')).DOCX_FILE_BYTES;
  if (extension === '.doc' || extension === '.wps') return (await import('./doc.ts')).DOC_FILE_BYTES;
  if (extension === '.pdf') return (await import('./pdf.ts')).PDF_FILE_BYTES;
  return plainTextMaxBytes(extension);
}

export async function readBulletinFile(path: string): Promise<ReadBulletin> {
  const maxBytes = await maxBytesOf(extname(path).toLowerCase());
  return readBulletinBytes(await readFileBytes(path, maxBytes), path);
}
