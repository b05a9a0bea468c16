// Reads a .docx bulletin. mammoth never sees the untrusted zip: the zip is checked first (not a zip,
// truncated, zip bomb), every part mammoth may read (all but pictures and other media, whatever their
// names: a main part may be called word/body.bin) is inflated under the zip's one budget, and those parts
// are put into a clean zip stored without compression, which is what mammoth reads. Its text then goes
// through the same parser as a .txt file. This runs in the reading worker (read-in-worker.ts).
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import { type ReadBulletin } from './read-file.ts';
import { RefusedZipError, openZip, readZipEntry, type ZipLimits } from '../files/zip-guard.ts';

/** A .docx may carry photographs, so it may be larger on disk than a text file. */
export const DOCX_FILE_BYTES = 50 * 1024 * 1024;
const KIND = 'Word 文档';
const DOCX_LIMITS: ZipLimits = { totalBytes: 256 * 1024 * 1024, ratio: 200, entries: 2000 };
/** What mammoth is given to parse (document, styles, numbering, notes, relationships, and anything else not media) */
const TEXT_PARTS_BYTES = 64 * 1024 * 1024;

const MEDIA_FOLDERS = ['word/media/', 'word/embeddings/'];
const MEDIA_EXTENSIONS = /\.(png|jpe?g|jpe|jfif|gif|bmp|dib|emf|emz|wmf|wmz|tiff?|wdp|hdp|jxr|svg|webp|ico|mp3|mp4|m4a|wav|wma|wmv|avi|mov|mpe?g)$/i;

/** Pictures, sounds, videos and embedded objects: mammoth's raw text never reads them, so they are not inflated. */
export function isMediaPart(name: string): boolean {
  return MEDIA_FOLDERS.some((folder) => name.startsWith(folder)) || MEDIA_EXTENSIONS.test(name);
}

/** The parts mammoth may read, inflated under the budget, in a zip with nothing left to inflate. */
async function cleanDocx(bytes: Uint8Array): Promise<Buffer> {
  const zip = await openZip(bytes, KIND, DOCX_LIMITS);
  if (!zip.has('_rels/.rels') && !zip.has('word/document.xml')) throw new RefusedZipError(`${KIND}里没有正文部分（word/document.xml），文件无效`);
  const { default: JSZip } = await import('jszip');
  const clean = new JSZip();
  let left = TEXT_PARTS_BYTES;
  for (const name of zip.names) {
    if (isMediaPart(name)) continue;
    const part = await readZipEntry(zip, name, KIND, left);
    left -= part.length;
    clean.file(name, part);
  }
  return clean.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function docxText(bytes: Uint8Array, path: string): Promise<string> {
  let clean: Buffer;
  try {
    clean = await cleanDocx(bytes);
  } catch (error) {
    if (error instanceof RefusedZipError) throw new UnreadableFileError(`${error.message}：${path}`);
    throw error;
  }
  // loaded only once the zip has passed: a refused file is refused sooner
  const { default: mammoth } = await import('mammoth');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: clean })).value;
  } catch {
    throw new UnreadableFileError(`无法读取 Word 文档的内容，文件可能已损坏：${path}`);
  }
  if (text.length > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`Word 文档的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${path}`);
  if (text.trim().length === 0) throw new UnreadableFileError(`Word 文档里没有文字：${path}`);
  return text;
}

export async function bulletinFromDocx(bytes: Uint8Array, path: string): Promise<ReadBulletin> {
  return { ...parseBulletinText(await docxText(bytes, path)), via: 'docx' };
}
