// Reads a .docx bulletin: the zip is checked first (not a zip, truncated, zip bomb), then mammoth turns
// it into plain text and the same parser as for .txt reads that text into the canonical issue.
import mammoth from 'mammoth';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { UnreadableFileError, type ReadBulletin } from '../read-bulletin-file.ts';
import { RefusedZipError, checkInflatedSize, openZip } from './zip-guard.ts';

/** A .docx may carry photographs, so it may be larger on disk than a text file. */
export const DOCX_FILE_BYTES = 50 * 1024 * 1024;
const KIND = 'Word 文档';
const DOCX_LIMITS = { totalBytes: 256 * 1024 * 1024, ratio: 200 };
/** The XML that mammoth parses (document, styles, numbering, notes, relationships) */
const XML_BYTES = 64 * 1024 * 1024;

async function docxText(bytes: Uint8Array, path: string): Promise<string> {
  try {
    const zip = await openZip(bytes, KIND, DOCX_LIMITS);
    if (!zip.file('word/document.xml')) throw new RefusedZipError(`${KIND}里没有正文部分（word/document.xml），文件无效`);
    await checkInflatedSize(zip, KIND, (name) => /\.(xml|rels)$/i.test(name), XML_BYTES);
  } catch (error) {
    if (error instanceof RefusedZipError) throw new UnreadableFileError(`${error.message}：${path}`);
    throw error;
  }
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch {
    throw new UnreadableFileError(`无法读取 Word 文档的内容，文件可能已损坏：${path}`);
  }
  if (text.length > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`Word 文档的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${path}`);
  if (text.trim().length === 0) throw new UnreadableFileError(`Word 文档里没有文字：${path}`);
  return text;
}

export async function bulletinFromDocx(bytes: Uint8Array, path: string): Promise<ReadBulletin> {
  return parseBulletinText(await docxText(bytes, path));
}
