// Opens a zip (a .docx or a bundle) only when it is safe to read: a real zip, complete, and not a zip bomb.
// One budget covers every part of the zip: before anything is inflated, the central directory (read by
// yauzl: sizes unsigned, zip64 understood) is checked for too many entries, a declared total over the
// budget and entries whose declared ratio is too high; then every part a reader asks for is inflated as a
// stream whose real bytes are counted against what its header declared (rounded up to a whole megabyte)
// and against what is left of the budget, the stream being destroyed as soon as either is passed, whatever
// the header claimed; a part that ends at any other size than declared is refused as damaged.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ApiError } from '../../../shared/api/errors.ts';

export class RefusedZipError extends ApiError {
  constructor(message: string) {
    super('unreadable', message);
    this.name = 'RefusedZipError';
  }
}

export interface ZipLimits {
  /** the budget: sum of the declared uncompressed sizes of all entries, and of the bytes really inflated from them */
  totalBytes: number;
  /** declared uncompressed size / compressed size of one entry, above which it is a bomb (for entries over 1 MB) */
  ratio: number;
  /** entries in the central directory (folders included); DEFAULT_MAX_ENTRIES when not given */
  entries?: number;
}

export const DEFAULT_MAX_ENTRIES = 5000;
/** Inside a declared part of this size or less, any compression ratio is fine. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** 3840 MB, 1.2 MB, 100 KB */
function sizeText(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return bytes < 10 * MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${Math.round(bytes / MB)} MB`;
}

/** A zip whose central directory passed the checks; its parts are read with `readZipEntry`. */
export class GuardedZip {
  readonly #zipfile: yauzl.ZipFile;
  readonly #entries: ReadonlyMap<string, yauzl.Entry>;
  readonly #budget: number;
  #inflated = 0;

  constructor(zipfile: yauzl.ZipFile, entries: ReadonlyMap<string, yauzl.Entry>, budget: number) {
    this.#zipfile = zipfile;
    this.#entries = entries;
    this.#budget = budget;
  }

  /** the names of its files (folders left out), in the order of the central directory */
  get names(): string[] {
    return [...this.#entries.keys()];
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** bytes inflated so far, over every part read */
  get inflatedBytes(): number {
    return this.#inflated;
  }

  /** Inflates one entry, with at most `maxBytes` of it and of what is left of the zip's budget. */
  async read(name: string, kind: string, maxBytes: number): Promise<Buffer> {
    const entry = this.#entries.get(name);
    if (!entry) throw new RefusedZipError(`${kind}里缺少 ${name}，文件无效`);
    if (!entry.canDecodeFileData()) throw new RefusedZipError(`${kind}中的 ${name} 已加密或使用了不支持的压缩方式，无法读取`);
    const declared = entry.uncompressedSize;
    const allowed = Math.min(maxBytes, this.#budget - this.#inflated);
    if (declared > allowed) {
      throw new RefusedZipError(`${kind}中的 ${name} 解压后将达 ${sizeText(declared)}，超过 ${sizeText(allowed)} 的上限，疑似“压缩炸弹”，已拒绝读取`);
    }
    // a header that lies small is found out within its own size rounded up to a whole megabyte (at least 1 MB)
    const cap = Math.min(allowed, Math.max(MB, Math.ceil(declared / MB) * MB));
    let stream: Readable;
    try {
      stream = await this.#zipfile.openReadStreamPromise(entry);
    } catch {
      throw new RefusedZipError(`${kind}不完整或已损坏（${name} 读不出来）`);
    }
    const content = Buffer.allocUnsafe(declared);
    let size = 0;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: RefusedZipError) => {
        if (settled) return;
        settled = true;
        this.#inflated += size;
        stream.destroy();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        if (size + chunk.length > cap) {
          size += chunk.length;
          const claim = declared < cap ? `（文件头声明只有 ${declared} 字节）` : '';
          fail(new RefusedZipError(`${kind}中的 ${name} 解压后超过 ${sizeText(cap)}，疑似“压缩炸弹”${claim}，已拒绝读取`));
          return;
        }
        if (size + chunk.length <= declared) chunk.copy(content, size);
        size += chunk.length;
      });
      stream.on('error', () => fail(new RefusedZipError(`${kind}不完整或已损坏（${name} 解压失败）`)));
      stream.on('end', () => {
        if (settled) return;
        if (size !== declared) {
          fail(new RefusedZipError(`${kind}已损坏：${name} 解压后是 ${size} 字节，与文件头声明的 ${declared} 字节不符`));
          return;
        }
        settled = true;
        this.#inflated += size;
        resolve(content);
      });
    });
  }
}

/** `kind` names the file in messages: "Word 文档", "档案包". Nothing is inflated here. */
export async function openZip(bytes: Uint8Array, kind: string, limits: ZipLimits): Promise<GuardedZip> {
  if (!ZIP_SIGNATURES.some((signature) => signature.every((byte, index) => bytes[index] === byte))) {
    throw new RefusedZipError(`${kind}的内容不是 zip 压缩格式（可能是其他文件改了扩展名）`);
  }
  const damaged = () => new RefusedZipError(`${kind}不完整或已损坏（压缩结构读不出来，可能没有下载或复制完整）`);
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zipfile: yauzl.ZipFile;
  try {
    // sizes are checked here and counted while inflating, so yauzl's own size check is left off
    zipfile = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: false, decodeStrings: true });
  } catch {
    throw damaged();
  }
  const maxEntries = limits.entries ?? DEFAULT_MAX_ENTRIES;
  if (zipfile.entryCount > maxEntries) {
    throw new RefusedZipError(`${kind}中有 ${zipfile.entryCount} 个部分，超过 ${maxEntries} 个的上限，疑似恶意构造的文件，已拒绝读取`);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entries.has(entry.fileName)) throw new RefusedZipError(`${kind}中有两个同名的部分 ${entry.fileName}，文件无效`);
      const declared = entry.uncompressedSize;
      const compressed = Math.max(1, entry.compressedSize);
      if (declared > RATIO_FLOOR_BYTES && declared / compressed > limits.ratio) {
        throw new RefusedZipError(`${kind}疑似“压缩炸弹”：其中 ${entry.fileName} 解压后将达 ${sizeText(declared)}，是压缩后的 ${Math.round(declared / compressed)} 倍，已拒绝读取`);
      }
      total += declared;
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    if (error instanceof RefusedZipError) throw error;
    throw damaged();
  }
  if (total > limits.totalBytes) {
    throw new RefusedZipError(`${kind}解压后将达 ${sizeText(total)}，超过 ${sizeText(limits.totalBytes)} 的上限，疑似“压缩炸弹”，已拒绝读取`);
  }
  return new GuardedZip(zipfile, entries, limits.totalBytes);
}

/** Inflates one entry, stopping as soon as it passes `maxBytes`, what is left of the zip's budget, or its declared size. */
export async function readZipEntry(zip: GuardedZip, name: string, kind: string, maxBytes: number): Promise<Buffer> {
  return zip.read(name, kind, maxBytes);
}
