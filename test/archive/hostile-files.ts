// Files for import tests: a real .docx made with the docx package from a bulletin's text, and zips
// built byte by byte (deflated with zlib) whose headers may declare sizes that are not true, among them
// gigabyte-sized bombs made without ever holding the gigabytes in memory.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';

export async function docxOfText(text: string): Promise<Buffer> {
  const document = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }] });
  return Packer.toBuffer(document);
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** the uncompressed size the headers claim; the true size unless a test wants them to lie */
  declaredSize?: number;
}

/** An entry whose data is already deflated (raw deflate), with the checksum and size of what it inflates to. */
export interface CompressedZipEntry {
  name: string;
  compressed: Buffer;
  crc: number;
  /** the uncompressed size the headers claim */
  declaredSize: number;
  /** write the sizes as zip64 (0xFFFFFFFF in the headers, the real numbers in the zip64 extra field), as zips over 4 GiB must */
  zip64?: boolean;
}

const ZIP64_MARK = 0xffffffff;

/** A zip byte by byte from deflated entries: local headers, data, central directory, end record. */
export function zipOfCompressed(entries: readonly CompressedZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const extra = Buffer.alloc(entry.zip64 ? 20 : 0);
    if (entry.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(entry.declaredSize), 4);
      extra.writeBigUInt64LE(BigInt(entry.compressed.length), 12);
    }
    const compressedField = entry.zip64 ? ZIP64_MARK : entry.compressed.length;
    const sizeField = entry.zip64 ? ZIP64_MARK : entry.declaredSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(compressedField, 18);
    local.writeUInt32LE(sizeField, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(entry.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(compressedField, 20);
    central.writeUInt32LE(sizeField, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, entry.compressed);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function zipOf(entries: readonly ZipEntry[]): Buffer {
  return zipOfCompressed(
    entries.map((entry) => ({
      name: entry.name,
      compressed: deflateRawSync(entry.data, { level: 9 }),
      crc: crc32(entry.data),
      declaredSize: entry.declaredSize ?? entry.data.length,
    })),
  );
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A .docx-shaped zip whose document part inflates to `bytes` of spaces, claiming `declaredSize`. */
export function bombDocx(bytes: number, declaredSize?: number): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', data: Buffer.alloc(bytes, 0x20), declaredSize },
  ]);
}

const MIB = 1024 * 1024;

/** Raw deflate of `mebibytes` MiB of zeros, made from one flushed 1 MiB segment repeated (about 1 KB each), with its CRC-32. */
export function deflatedZeros(mebibytes: number): { compressed: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MIB);
  // a full flush resets the compressor, so the same input gives the same bytes every time: a segment can be repeated
  const segment = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let index = 0; index < mebibytes; index++) crc = crc32(zeros, crc);
  return { compressed: Buffer.concat([...Array.from({ length: mebibytes }, () => segment), deflateRawSync(Buffer.alloc(0))]), crc, size: mebibytes * MIB };
}

export const DECOY_TEXT = '诱饵正文：这一段不是文件的正文。';

const RELS_TO_BODY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/body.bin"/></Relationships>';

/**
 * A .docx whose main part is word/body.bin (named by _rels/.rels), with a small decoy word/document.xml
 * beside it, as the reported file had: a check for word/document.xml passes, mammoth reads word/body.bin.
 */
export function renamedMainPartDocx(body: CompressedZipEntry): Buffer {
  const plain = (name: string, text: string): CompressedZipEntry => {
    const data = Buffer.from(text);
    return { name, compressed: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
  };
  return zipOfCompressed([
    plain('[Content_Types].xml', CONTENT_TYPES),
    plain('_rels/.rels', RELS_TO_BODY),
    plain('word/document.xml', documentXml(DECOY_TEXT)),
    { ...body, name: 'word/body.bin' },
  ]);
}

/** A Word document body (WordprocessingML) with one paragraph per line. */
export function documentXml(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split('\n').map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`;
}
