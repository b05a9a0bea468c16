// Reads a Word 97–2003 .doc bulletin, and a WPS 文字 .wps (the same binary format in the same OLE
// container), into paragraphs for the bulletin parser. The container is read by compound-file.ts (strict:
// a broken sector chain is refused, never followed round a loop); the Word text by word-extractor's piece
// table, with two of its faults worked round here: it took any character property whose code ends in
// five zero bits (the −0.25 pt character spacing of 三号 body text among them) for "deleted" and dropped
// that text, and it wrote "undefined" for an optional hyphen. Only the main text is taken, with the text
// boxes anchored in it put before the paragraph they are anchored to; headers, footers (page numbers),
// footnotes, endnotes and comments are not body text. This runs in the reading worker (read-in-worker.ts).
import { parseBulletin } from '../../../shared/import/parse-bulletin.ts';
import type { SourceDocument, SourceLine } from '../../../shared/import/source.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { joinWrapped } from '../../../shared/text/lines.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import { CorruptCompoundFileError, isCompoundFile, readCompoundFile, type CompoundFile } from './compound-file.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';
import type { WordBoundaries, WordPiece } from 'word-extractor/lib/word-ole-extractor.js';

/** Like a .docx, a .doc may carry photographs. */
export const DOC_FILE_BYTES = 50 * 1024 * 1024;

export type DocExtension = '.doc' | '.wps';

const KIND: Record<DocExtension, string> = { '.doc': 'Word 文档', '.wps': 'WPS 文字文档' };
const SAVE_AS = '请用 Word 或 WPS 打开后另存为 .docx 再导入';

/** FIB fields (MS-DOC 2.5): base, then counts of 16-bit and 32-bit words, then the fc/lcb pairs */
const FIB = { wIdent: 0, nFib: 2, flags: 0x0a, csw: 0x20, cslw: 0x3e, cbRgFcLcb: 0x98, fcLcb: 0x9a } as const;
const WORD_97_IDENT = 0xa5ec;
const WORD_95_IDENT = 0xa5dc;
const WORD_97_NFIB = 0xc1;
const F_ENCRYPTED = 0x0100;
/** indices of fc/lcb pairs in FibRgFcLcb97 */
const PAIR = { plcfBteChpx: 12, plcSpaMom: 40, plcftxbxTxt: 56 } as const;
/** sprmCFRMarkDel (text deleted with change tracking on) and sprmCFVanish (hidden text): neither prints */
const SPRM_DELETED = 0x0800;
const SPRM_HIDDEN = 0x083c;
/** operand bytes by the sprm's spra (MS-DOC 2.2.5.1); 6 is variable, given by its first byte */
const OPERAND_BYTES = [1, 1, 2, 4, 2, 2, -1, 3] as const;

class DocRefusal extends Error {}

/** The .doc text as it reads in Word: `\r` ends a paragraph, `\v` breaks a line inside one. */
interface WordText {
  main: string;
  /** each text box's text, with the CP in the main text of the shape that holds it (null when not found) */
  boxes: { anchor: number | null; text: string }[];
}

function pair(word: Buffer, index: number): { fc: number; lcb: number } {
  const at = FIB.fcLcb + index * 8;
  return { fc: word.readUInt32LE(at), lcb: word.readUInt32LE(at + 4) };
}

/** The checks word-extractor does not make, each with its own reason. */
function checkFib(word: Buffer, file: CompoundFile, extension: DocExtension, name: string): string {
  if (word.length < FIB.fcLcb + 93 * 8) throw new DocRefusal(`${KIND[extension]}的格式信息不完整，文件可能已损坏：${name}`);
  const ident = word.readUInt16LE(FIB.wIdent);
  const nFib = word.readUInt16LE(FIB.nFib);
  if (ident === WORD_95_IDENT || (ident === WORD_97_IDENT && nFib < WORD_97_NFIB)) {
    throw new DocRefusal(`这是 Word 95 或更早版本的文档，无法读取，${SAVE_AS}：${name}`);
  }
  if (ident !== WORD_97_IDENT) throw new DocRefusal(`${KIND[extension]}的格式无法识别，文件可能已损坏，${SAVE_AS}：${name}`);
  const flags = word.readUInt16LE(FIB.flags);
  if (flags & F_ENCRYPTED) throw new DocRefusal(`此 ${KIND[extension]}设有打开密码，无法读取，请去掉密码后再导入：${name}`);
  if (word.readUInt16LE(FIB.csw) !== 14 || word.readUInt16LE(FIB.cslw) !== 22 || word.readUInt16LE(FIB.cbRgFcLcb) < 93) {
    throw new DocRefusal(`${KIND[extension]}的格式信息无法识别，文件可能已损坏，${SAVE_AS}：${name}`);
  }
  const table = flags & 0x0200 ? '1Table' : '0Table';
  if (!file.stream(table)) throw new DocRefusal(`${KIND[extension]}缺少文字索引部分，文件可能已损坏：${name}`);
  return table;
}

/** Whether a run's character properties mark it deleted (tracked) or hidden. */
function notPrinted(grpprl: Buffer): boolean {
  for (let at = 0; at + 2 <= grpprl.length; ) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    if ((sprm === SPRM_DELETED || sprm === SPRM_HIDDEN) && at < grpprl.length && (grpprl[at]! & 1) === 1) return true;
    const size = OPERAND_BYTES[sprm >> 13]!;
    at += size >= 0 ? size : (grpprl[at] ?? 0) + 1;
  }
  return false;
}

/** Overwrites with NULs (taken out later) the characters stored at file positions [start, end). */
function blankFilePositions(pieces: WordPiece[], start: number, end: number): void {
  for (const piece of pieces) {
    const from = Math.max(start, piece.startFilePos);
    const to = Math.min(end, piece.startFilePos + piece.size);
    if (from >= to) continue;
    const a = Math.floor((from - piece.startFilePos) / piece.bpc);
    const b = Math.ceil((to - piece.startFilePos) / piece.bpc);
    piece.text = piece.text.slice(0, a) + '\0'.repeat(Math.max(0, Math.min(b, piece.text.length) - a)) + piece.text.slice(b);
  }
}

/** word-extractor's writeCharacterProperties with the property codes compared whole. */
function blankUnprinted(pieces: WordPiece[], word: Buffer, table: Buffer): void {
  const { fc, lcb } = pair(word, PAIR.plcfBteChpx);
  const count = (lcb - 4) / 8;
  if (!Number.isInteger(count) || count <= 0) return;
  const plc = table.subarray(fc, fc + lcb);
  if (plc.length < lcb) throw new Error('character property table outside the table stream');
  for (let i = 0; i < count; i++) {
    const block = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = word.subarray(block * 512, block * 512 + 512);
    if (fkp.length < 512) throw new Error('character property page outside the document');
    const runs = fkp.readUInt8(511);
    for (let j = 0; j < runs; j++) {
      const offset = fkp.readUInt8((runs + 1) * 4 + j) * 2;
      if (offset === 0) continue;
      const size = fkp.readUInt8(offset);
      if (notPrinted(fkp.subarray(offset + 1, offset + 1 + size))) blankFilePositions(pieces, fkp.readUInt32LE(j * 4), fkp.readUInt32LE((j + 1) * 4));
    }
  }
}

/** The text of CPs [start, end) from the piece table. */
function textRange(pieces: readonly WordPiece[], start: number, end: number): string {
  let text = '';
  for (const piece of pieces) {
    if (piece.endCp <= start || piece.startCp >= end) continue;
    text += piece.text.slice(Math.max(0, start - piece.startCp), Math.min(piece.length, end - piece.startCp));
  }
  return text;
}

/** Text boxes of the main text (PlcftxbxTxt) and the CP of the shape each belongs to (PlcSpaMom, by shape id). */
function textBoxes(pieces: readonly WordPiece[], bounds: WordBoundaries, word: Buffer, table: Buffer): WordText['boxes'] {
  if (!bounds.ccpTxbx) return [];
  const storyStart = bounds.ccpText + bounds.ccpFtn + bounds.ccpHdd + bounds.ccpAtn + bounds.ccpEdn;
  const anchors = new Map<number, number>();
  const spa = pair(word, PAIR.plcSpaMom);
  const shapes = (spa.lcb - 4) / 30;
  if (Number.isInteger(shapes) && shapes > 0 && spa.fc + spa.lcb <= table.length) {
    for (let i = 0; i < shapes; i++) anchors.set(table.readInt32LE(spa.fc + (shapes + 1) * 4 + i * 26), table.readUInt32LE(spa.fc + i * 4));
  }
  const txbx = pair(word, PAIR.plcftxbxTxt);
  const count = (txbx.lcb - 4) / 26;
  if (!Number.isInteger(count) || count <= 0 || txbx.fc + txbx.lcb > table.length) {
    return [{ anchor: null, text: textRange(pieces, storyStart, storyStart + bounds.ccpTxbx) }];
  }
  const boxes: WordText['boxes'] = [];
  for (let i = 0; i < count; i++) {
    const from = table.readUInt32LE(txbx.fc + i * 4);
    const to = Math.min(table.readUInt32LE(txbx.fc + (i + 1) * 4), bounds.ccpTxbx);
    const entry = txbx.fc + (count + 1) * 4 + i * 22;
    const reusable = table.readUInt16LE(entry + 8) !== 0;
    if (reusable || from >= to) continue;
    boxes.push({ anchor: anchors.get(table.readInt32LE(entry + 14)) ?? null, text: textRange(pieces, storyStart + from, storyStart + to) });
  }
  return boxes;
}

async function readWordText(bytes: Uint8Array, extension: DocExtension, name: string): Promise<WordText> {
  let file: CompoundFile;
  try {
    file = readCompoundFile(bytes);
  } catch (error) {
    if (error instanceof CorruptCompoundFileError) throw new DocRefusal(`${KIND[extension]}的文件结构已损坏，无法读取：${name}`);
    throw error;
  }
  const word = file.stream('WordDocument');
  if (!word) {
    if (file.stream('EncryptedPackage')) throw new DocRefusal(`此 ${KIND[extension]}设有打开密码，无法读取，请去掉密码后再导入：${name}`);
    throw new DocRefusal(
      extension === '.wps'
        ? `这个 .wps 文件不是能读取的 WPS 文字格式（可能是 Microsoft Works 或早期 WPS 的文件），${SAVE_AS}：${name}`
        : `这个文件里没有 Word 正文，不是 Word 97–2003 文档（可能是其他 Office 文件改了扩展名），${SAVE_AS}：${name}`,
    );
  }
  const tableName = checkFib(word, file, extension, name);
  const { default: WordOleExtractor } = await import('word-extractor/lib/word-ole-extractor.js');
  const extractor = new WordOleExtractor();
  let text: WordText | undefined;
  // the streams come from compound-file.ts (each read once); word-extractor reads the Word structures in them
  const streams = new Map<string, Buffer | null>([['WordDocument', word]]);
  const stream = (streamName: string) => {
    if (!streams.has(streamName)) streams.set(streamName, file.stream(streamName));
    return streams.get(streamName)!;
  };
  extractor.documentStream = (_document, streamName) => Promise.resolve(stream(streamName));
  extractor.streamBuffer = (stream) => (Buffer.isBuffer(stream) ? Promise.resolve(stream) : Promise.reject(new Error('missing stream')));
  extractor.writeCharacterProperties = (wordBuffer, tableBuffer) => blankUnprinted(extractor._pieces, wordBuffer, tableBuffer);
  extractor.buildDocument = () => {
    const pieces = extractor._pieces;
    const bounds = extractor._boundaries;
    text = { main: textRange(pieces, 0, bounds.ccpText), boxes: textBoxes(pieces, bounds, word, stream(tableName)!) };
    return {};
  };
  try {
    await extractor.extractWordDocument(null, word);
  } catch {
    throw new DocRefusal(`无法读取 ${KIND[extension]}的内容，文件可能已损坏：${name}`);
  }
  if (!text) throw new DocRefusal(`无法读取 ${KIND[extension]}的内容，文件可能已损坏：${name}`);
  return text;
}

/** Each text box goes in before the paragraph its shape is anchored in (a masthead box before the first paragraph, a colophon frame before the last); boxes whose shape is not found go last. */
function withTextBoxes({ main, boxes }: WordText): string {
  const inserts = new Map<number, string>();
  let tail = '';
  for (const box of boxes) {
    const text = box.text.endsWith('\r') ? box.text : `${box.text}\r`;
    if (box.anchor === null || box.anchor > main.length) {
      tail += text;
      continue;
    }
    const at = main.lastIndexOf('\r', box.anchor - 1) + 1;
    inserts.set(at, (inserts.get(at) ?? '') + text);
  }
  let result = main;
  for (const at of [...inserts.keys()].sort((a, b) => b - a)) result = result.slice(0, at) + inserts.get(at)! + result.slice(at);
  return tail ? `${result.endsWith('\r') ? result : `${result}\r`}${tail}` : result;
}

/** Field codes out, their results kept (`\x13 PAGE \x14 3 \x15` → `3`), innermost first. */
function withFieldResults(text: string): string {
  let previous;
  let result = text;
  do {
    previous = result;
    result = result.replace(/\x13[^\x13\x14\x15]*(?:\x14([^\x13\x14\x15]*))?\x15/g, (_match, shown: string | undefined) => shown ?? '');
  } while (result !== previous);
  return result.replace(/[\x13\x14\x15]/g, '');
}

/**
 * Word's text as lines, one a paragraph. Paragraph marks, page, section and column breaks and table
 * row ends end a line; a manual line break (`\v`) inside a paragraph is joined like a hard wrap; cell
 * marks and tabs become spaces; Word's other marks (pictures, anchors, note references) are dropped.
 * A paragraph led by two or more spaces (the typed two-character indent) is marked indented; empty
 * paragraphs in a row count as one, none at either end.
 */
export function wordTextLines(raw: string): SourceLine[] {
  const text = withFieldResults(raw)
    .replace(/\x1e/g, '-')
    .replace(/[\x07\t]/g, ' ')
    .replace(/[\x00-\x06\x08\x1f]/g, '');
  const lines: SourceLine[] = [];
  for (const paragraph of text.split(/[\r\n\f\x0e]/)) {
    const parts = paragraph.split('\v').map((part) => part.replace(/[\x00-\x1f]/g, ''));
    const indented = /^[ \u3000\u00a0]{2,}\S/.test(parts[0]!);
    const joined = parts.map((part) => part.trim()).filter((part) => part.length > 0).reduce((left, right) => joinWrapped(left, right), '');
    if (joined.length === 0) {
      if (lines.length > 0 && lines.at(-1)!.text !== '') lines.push({ text: '' });
      continue;
    }
    lines.push(indented ? { text: joined, indented: true } : { text: joined });
  }
  while (lines.at(-1)?.text === '') lines.pop();
  return lines;
}

/** The paragraphs of a .doc (or .wps) for the parser. */
export async function docSource(bytes: Uint8Array, name: string, extension: DocExtension = '.doc'): Promise<SourceDocument> {
  if (!isCompoundFile(bytes)) {
    throw new UnreadableFileError(
      extension === '.wps'
        ? `这个 .wps 文件不是能读取的 WPS 文字格式（可能是早期 WPS 的文件或已损坏），${SAVE_AS}：${name}`
        : `不是有效的 Word 97–2003 文档（.doc），文件可能已损坏或不是 Word 文件：${name}`,
    );
  }
  let text: WordText;
  try {
    text = await readWordText(bytes, extension, name);
  } catch (error) {
    if (error instanceof DocRefusal) throw new UnreadableFileError(error.message);
    throw error;
  }
  const lines = wordTextLines(withTextBoxes(text));
  const characters = lines.reduce((sum, line) => sum + line.text.length, 0);
  if (characters > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`${KIND[extension]}的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${name}`);
  if (characters === 0) throw new UnreadableFileError(`${KIND[extension]}里没有文字：${name}`);
  return { unit: 'paragraphs', format: 'doc', lines };
}

export async function bulletinFromDoc(bytes: Uint8Array, name: string, extension: DocExtension = '.doc'): Promise<ReadBulletin> {
  return { ...parseBulletin(await docSource(bytes, name, extension)), via: 'doc' };
}
