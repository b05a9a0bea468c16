// Opens a zip (a .docx or a bundle) only when it is safe to read: a real zip, complete, and not a zip
// bomb (declared sizes checked before anything is inflated; the parts actually read are inflated with a cap).
import JSZip from 'jszip';

export class RefusedZipError extends Error {
  override name = 'RefusedZipError';
  readonly userFacing = true;
}

export interface ZipLimits {
  /** sum of the declared uncompressed sizes of all entries */
  totalBytes: number;
  /** declared uncompressed size / compressed size of one entry, above which it is a bomb (for entries over 1 MB) */
  ratio: number;
}

/** Inside a declared part of this size or less, any compression ratio is fine. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/** The sizes the zip's central directory declares; JSZip keeps them on an internal field. */
interface DeclaredSizes {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** `kind` names the file in messages: "Word 文档", "档案包". */
export async function openZip(bytes: Uint8Array, kind: string, limits: ZipLimits): Promise<JSZip> {
  if (!ZIP_SIGNATURES.some((signature) => signature.every((byte, index) => bytes[index] === byte))) {
    throw new RefusedZipError(`${kind}的内容不是 zip 压缩格式（可能是其他文件改了扩展名）`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new RefusedZipError(`${kind}不完整或已损坏（压缩结构读不出来，可能没有下载或复制完整）`);
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const declared = (entry as DeclaredSizes)._data;
    const size = declared?.uncompressedSize ?? 0;
    const compressed = Math.max(1, declared?.compressedSize ?? 0);
    total += size;
    if (size > RATIO_FLOOR_BYTES && size / compressed > limits.ratio) {
      throw new RefusedZipError(`${kind}疑似“压缩炸弹”：其中 ${entry.name} 解压后将达 ${(size / MB).toFixed(0)} MB，是压缩后的 ${Math.round(size / compressed)} 倍，已拒绝读取`);
    }
  }
  if (total > limits.totalBytes) {
    throw new RefusedZipError(`${kind}解压后将达 ${(total / MB).toFixed(0)} MB，超过 ${Math.round(limits.totalBytes / MB)} MB 的上限，疑似“压缩炸弹”，已拒绝读取`);
  }
  return zip;
}

/** Inflates one entry, stopping as soon as it passes `maxBytes` whatever its header claimed. */
export async function readZipEntry(zip: JSZip, name: string, kind: string, maxBytes: number): Promise<Buffer> {
  const entry = zip.file(name);
  if (!entry) throw new RefusedZipError(`${kind}里缺少 ${name}，文件无效`);
  const stream = entry.nodeStream('nodebuffer');
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.removeAllListeners('data');
        stream.pause();
        reject(new RefusedZipError(`${kind}中的 ${name} 解压后超过 ${Math.round(maxBytes / MB)} MB，疑似“压缩炸弹”，已拒绝读取`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => reject(new RefusedZipError(`${kind}不完整或已损坏（${name} 解压失败）`)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Inflates every entry whose name matches, with one cap on their sum: what a reader of those parts will meet. */
export async function checkInflatedSize(zip: JSZip, kind: string, matches: (name: string) => boolean, maxBytes: number): Promise<void> {
  let budget = maxBytes;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !matches(entry.name)) continue;
    const content = await readZipEntry(zip, entry.name, kind, budget);
    budget -= content.length;
  }
}
