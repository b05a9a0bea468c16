// The walk over a Word document's XML (WordprocessingML, read with xmldom): the body's paragraphs in
// reading order, each with what Word would show of it (bold runs, the largest size, alignment, red, a
// first-line indent), the formatting resolved through docDefaults, paragraph styles (w:basedOn), character
// styles and direct run properties. Paragraphs inside text boxes are read once, where the box is anchored
// (the VML fallback copy is never read), table cells row by row; headers, footers and notes are not read.
// Automatic numbering is rendered as typed text (一、, （一）, 1., ①). Tables are kept as tables (rows of
// cells, each cell its paragraphs; a table nested in a cell read into that cell) and pictures as the
// relationships naming their parts, for docx-content.ts to decide what they are; flattened, the walk is
// the body's lines in reading order, cell by cell. That flat walk gives the fingerprint of the body that a
// Jianbao export stores beside its canonical issue (canonical-part.ts).
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { SourceLine, SourceRun } from '../../../shared/import/source.ts';

/** The XML parts the walk reads, as text. */
export interface DocxXmlParts {
  document: string;
  styles?: string;
  numbering?: string;
}

/** A part that is not XML or not the part it should be. */
export class DocxXmlError extends Error {
  override name = 'DocxXmlError';
}

const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PICTURE = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const WORDPROCESSING_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const VML = 'urn:schemas-microsoft-com:vml';
const MATH_NAMESPACES = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/math', 'http://purl.oclc.org/ooxml/officeDocument/math']);

/** Deeper than any real document nests (tables in text boxes in tables …); a hostile one is cut off here, not in a stack overflow. */
const MAX_DEPTH = 200;
/** a field inside a field inside …: more than this is not a document */
const MAX_FIELD_DEPTH = 64;
const MAX_STYLE_CHAIN = 32;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// ---------------------------------------------------------------------------------------------- XML

export function parseXml(xml: string, part: string): Document {
  let fatal: string | null = null;
  let document: Document | undefined;
  try {
    document = new DOMParser({
      errorHandler: {
        warning: () => undefined,
        error: () => undefined,
        fatalError: (message: unknown) => {
          fatal = String(message);
        },
      },
    }).parseFromString(xml, 'application/xml') as unknown as Document;
  } catch (error) {
    throw new DocxXmlError(`${part} is not XML: ${String(error)}`);
  }
  if (fatal !== null || !document?.documentElement) throw new DocxXmlError(`${part} is not XML${fatal ? `: ${fatal}` : ''}`);
  return document;
}

/** UTF-8 unless a byte-order mark says UTF-16 (XML allows both; Word writes UTF-8). */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function* children(node: Node): Generator<Element> {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) yield child as Element;
}

const isW = (element: Element, name: string) => element.localName === name && W_NAMESPACES.has(element.namespaceURI ?? '');

function wChild(element: Element, name: string): Element | undefined {
  for (const child of children(element)) if (isW(child, name)) return child;
  return undefined;
}

/** An attribute by its local name, whatever its prefix (w:val, or val from a writer that leaves the prefix off). */
function attr(element: Element, name: string): string | null {
  const attributes = element.attributes;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index]!;
    if ((attribute.localName ?? attribute.name) === name) return attribute.value;
  }
  return null;
}

/** The text of a w:t (or m:t): its text nodes. */
function textOf(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += (child as CharacterData).data;
  }
  return text;
}

/** A ST_OnOff value: absent val is on. */
function onOff(element: Element): boolean {
  const value = attr(element, 'val');
  return value === null || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

function integer(value: string | null): number | undefined {
  if (value === null) return undefined;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) ? number : undefined;
}

// ---------------------------------------------------------------------------------------- formatting

interface RunProps {
  bold?: boolean;
  /** the East Asian font named (w:rFonts w:eastAsia) */
  eastAsiaFont?: string;
  sizePt?: number;
  red?: boolean;
  hidden?: boolean;
}

type Align = NonNullable<SourceLine['align']>;

interface ParagraphProps {
  align?: Align;
  /** w:ind attributes, each as the innermost level set it */
  ind: Record<string, number>;
  numId?: string;
  ilvl?: number;
}

/** Red as a masthead is red: hue within 15° of pure red, strongly saturated, not dark (FF0000, E00000, C00000, CC3333). */
export function isClearlyRed(hex: string): boolean {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max !== r || max < 0.5 || (max - min) / max < 0.6) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue <= 15 && hue >= -15;
}

function applyRunProps(into: RunProps, rPr: Element | undefined): RunProps {
  if (!rPr) return into;
  for (const child of children(rPr)) {
    if (!W_NAMESPACES.has(child.namespaceURI ?? '')) continue;
    switch (child.localName) {
      case 'b':
        into.bold = onOff(child);
        break;
      case 'sz': {
        const halfPoints = integer(attr(child, 'val'));
        if (halfPoints !== undefined && halfPoints > 0) into.sizePt = halfPoints / 2;
        break;
      }
      case 'color': {
        const value = attr(child, 'val');
        if (value !== null) into.red = isClearlyRed(value);
        break;
      }
      case 'vanish':
        into.hidden = onOff(child);
        break;
      case 'rFonts': {
        const font = attr(child, 'eastAsia');
        if (font !== null) into.eastAsiaFont = font;
        break;
      }
    }
  }
  return into;
}

const ALIGNMENTS: Record<string, Align> = {
  center: 'center',
  both: 'justify',
  distribute: 'justify',
  mediumKashida: 'justify',
  highKashida: 'justify',
  lowKashida: 'justify',
  thaiDistribute: 'justify',
  right: 'right',
  end: 'right',
  left: 'left',
  start: 'left',
};

function applyParagraphProps(into: ParagraphProps, pPr: Element | undefined): ParagraphProps {
  if (!pPr) return into;
  for (const child of children(pPr)) {
    if (!W_NAMESPACES.has(child.namespaceURI ?? '')) continue;
    if (child.localName === 'jc') {
      const align = ALIGNMENTS[attr(child, 'val') ?? ''];
      if (align) into.align = align;
    } else if (child.localName === 'ind') {
      for (const name of ['firstLine', 'firstLineChars', 'hanging', 'hangingChars']) {
        const value = integer(attr(child, name));
        if (value !== undefined) into.ind[name] = value;
      }
    } else if (child.localName === 'numPr') {
      const numId = wChild(child, 'numId');
      const ilvl = wChild(child, 'ilvl');
      if (numId) into.numId = attr(numId, 'val') ?? undefined;
      if (ilvl) into.ilvl = integer(attr(ilvl, 'val'));
    }
  }
  return into;
}

/** Word's rule: the *Chars form wins over the twips form; a hanging indent is no first-line indent. */
function firstLineIndented(ind: Record<string, number>): boolean {
  if (ind.firstLineChars !== undefined) return ind.firstLineChars > 0;
  if ((ind.hangingChars ?? 0) > 0 || (ind.hanging ?? 0) > 0) return false;
  return (ind.firstLine ?? 0) > 0;
}

interface Style {
  type: string;
  basedOn?: string;
  pPr?: Element;
  rPr?: Element;
}

class Styles {
  readonly #styles = new Map<string, Style>();
  #defaultRun: RunProps = {};
  #defaultParagraph?: Element;
  #defaultParagraphStyle?: string;
  readonly #runCache = new Map<string, RunProps>();
  readonly #paragraphCache = new Map<string, ParagraphProps>();

  constructor(document: Document | null) {
    if (!document) return;
    const root = document.documentElement;
    const defaults = wChild(root, 'docDefaults');
    if (defaults) {
      const rPr = wChild(wChild(defaults, 'rPrDefault') ?? defaults, 'rPr');
      this.#defaultRun = applyRunProps({}, rPr);
      this.#defaultParagraph = wChild(wChild(defaults, 'pPrDefault') ?? defaults, 'pPr');
    }
    for (const element of children(root)) {
      if (!isW(element, 'style')) continue;
      const id = attr(element, 'styleId');
      if (id === null) continue;
      const type = attr(element, 'type') ?? 'paragraph';
      const basedOn = wChild(element, 'basedOn');
      this.#styles.set(`${type}:${id}`, { type, basedOn: basedOn ? (attr(basedOn, 'val') ?? undefined) : undefined, pPr: wChild(element, 'pPr'), rPr: wChild(element, 'rPr') });
      if (type === 'paragraph' && onOffAttr(attr(element, 'default')) && this.#defaultParagraphStyle === undefined) this.#defaultParagraphStyle = id;
    }
  }

  /** a style and those it is based on, the root first */
  #chain(type: string, id: string | undefined): Style[] {
    const chain: Style[] = [];
    const seen = new Set<string>();
    for (let current = id; current !== undefined && chain.length < MAX_STYLE_CHAIN && !seen.has(current); ) {
      seen.add(current);
      const style = this.#styles.get(`${type}:${current}`);
      if (!style) break;
      chain.unshift(style);
      current = style.basedOn;
    }
    return chain;
  }

  paragraphStyleId(pPr: Element | undefined): string | undefined {
    const pStyle = pPr ? wChild(pPr, 'pStyle') : undefined;
    const id = pStyle ? attr(pStyle, 'val') : null;
    return id !== null && this.#styles.has(`paragraph:${id}`) ? id : this.#defaultParagraphStyle;
  }

  /** docDefaults, then the paragraph style's chain, then the character style's chain */
  runBase(paragraphStyle: string | undefined, characterStyle: string | undefined): RunProps {
    const key = `${paragraphStyle ?? ''}\u0000${characterStyle ?? ''}`;
    let props = this.#runCache.get(key);
    if (!props) {
      props = { ...this.#defaultRun };
      for (const style of this.#chain('paragraph', paragraphStyle)) applyRunProps(props, style.rPr);
      for (const style of this.#chain('character', characterStyle)) applyRunProps(props, style.rPr);
      this.#runCache.set(key, props);
    }
    return props;
  }

  paragraphBase(paragraphStyle: string | undefined): ParagraphProps {
    const key = paragraphStyle ?? '';
    let props = this.#paragraphCache.get(key);
    if (!props) {
      props = applyParagraphProps({ ind: {} }, this.#defaultParagraph);
      for (const style of this.#chain('paragraph', paragraphStyle)) applyParagraphProps(props, style.pPr);
      this.#paragraphCache.set(key, props);
    }
    return props;
  }
}

function onOffAttr(value: string | null): boolean {
  return value !== null && ['1', 'true', 'on'].includes(value.toLowerCase());
}

// ------------------------------------------------------------------------------------------ numbering

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  bold?: boolean;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as Word counts, up to 9999) */
function chineseCounting(value: number, digits = CHINESE_DIGITS, units = ['', '十', '百', '千']): string {
  if (value <= 0 || value > 9999) return String(value);
  const zero = '零';
  const places = String(value).split('').map(Number).reverse();
  let text = '';
  let pendingZero = false;
  for (let place = places.length - 1; place >= 0; place--) {
    const digit = places[place]!;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += zero;
    pendingZero = false;
    // 十一, not 一十一, when 十 leads (Simplified legal numerals keep 壹拾)
    text += (digit === 1 && place === 1 && text === '' && digits === CHINESE_DIGITS ? '' : digits[digit]!) + units[place]!;
  }
  return text;
}

function letters(value: number, upper: boolean): string {
  if (value <= 0) return String(value);
  // Word repeats the letter: a … z, aa … zz
  const letter = String.fromCharCode((upper ? 65 : 97) + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number, upper: boolean): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let text = '';
  let left = value;
  for (const [amount, numeral] of table) {
    while (left >= amount) {
      text += numeral;
      left -= amount;
    }
  }
  return upper ? text.toUpperCase() : text;
}

function enclosed(value: number, first: number, count: number): string | null {
  return value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : null;
}

/** A counter in a numFmt, or null for a format this reader does not render. */
export function formatNumber(value: number, format: string): string | null {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(value);
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value <= 20 ? enclosed(value, 0x2460, 20) : value <= 35 ? enclosed(value - 20, 0x3251, 15) : value <= 50 ? enclosed(value - 35, 0x32b1, 15) : String(value);
    case 'decimalEnclosedParen':
      return enclosed(value, 0x2474, 20) ?? `(${value})`;
    case 'decimalEnclosedFullstop':
      return enclosed(value, 0x2488, 20) ?? `${value}.`;
    case 'ideographEnclosedCircle':
      return enclosed(value, 0x3280, 10) ?? chineseCounting(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(value);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(value).replace(/\d/g, (digit) => CHINESE_DIGITS[Number(digit)]!);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(value, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10] ?? String(value);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(value - 1) % 12] ?? String(value);
    case 'lowerLetter':
    case 'upperLetter':
      return letters(value, format === 'upperLetter');
    case 'lowerRoman':
    case 'upperRoman':
      return roman(value, format === 'upperRoman');
    default:
      return null;
  }
}

const isPrivateUse = (char: string) => /[\uE000-\uF8FF]/.test(char);

function readLevel(element: Element): Level {
  const value = (name: string) => {
    const child = wChild(element, name);
    return child ? attr(child, 'val') : null;
  };
  const rPr = wChild(element, 'rPr');
  const bold = rPr ? applyRunProps({}, rPr).bold : undefined;
  return { start: integer(value('start')) ?? 1, format: value('numFmt') ?? 'decimal', text: value('lvlText') ?? '', suffix: value('suff') ?? 'tab', bold };
}

class Numbering {
  /** abstractNumId → levels */
  readonly #abstract = new Map<string, Map<number, Level>>();
  /** numId → its abstract levels with the num's overrides */
  readonly #nums = new Map<string, { levels: Map<number, Level>; restart: Set<number> }>();
  /** numId → the counters of its levels */
  readonly #counters = new Map<string, (number | undefined)[]>();

  constructor(document: Document | null) {
    if (!document) return;
    const root = document.documentElement;
    for (const element of children(root)) {
      if (!isW(element, 'abstractNum')) continue;
      const levels = new Map<number, Level>();
      for (const level of children(element)) if (isW(level, 'lvl')) levels.set(integer(attr(level, 'ilvl')) ?? 0, readLevel(level));
      this.#abstract.set(attr(element, 'abstractNumId') ?? '', levels);
    }
    for (const element of children(root)) {
      if (!isW(element, 'num')) continue;
      const abstractId = wChild(element, 'abstractNumId');
      const base = this.#abstract.get(abstractId ? (attr(abstractId, 'val') ?? '') : '');
      if (!base) continue;
      const levels = new Map(base);
      const restart = new Set<number>();
      for (const override of children(element)) {
        if (!isW(override, 'lvlOverride')) continue;
        const ilvl = integer(attr(override, 'ilvl')) ?? 0;
        const level = wChild(override, 'lvl');
        if (level) levels.set(ilvl, readLevel(level));
        const start = wChild(override, 'startOverride');
        const startValue = start ? integer(attr(start, 'val')) : undefined;
        if (startValue !== undefined) {
          levels.set(ilvl, { ...(levels.get(ilvl) ?? { format: 'decimal', text: `%${ilvl + 1}.`, suffix: 'tab' }), start: startValue });
          restart.add(ilvl);
        }
      }
      this.#nums.set(attr(element, 'numId') ?? '', { levels, restart });
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, counting it; null when it has none this reader can render. */
  next(numId: string, ilvl: number): { text: string; bold?: boolean } | null {
    const num = this.#nums.get(numId);
    const level = num?.levels.get(ilvl);
    if (!num || !level || ilvl < 0 || ilvl > 8) return null;
    let counters = this.#counters.get(numId);
    if (!counters) {
      counters = [];
      this.#counters.set(numId, counters);
    }
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) counters[deeper] = undefined;
    if (level.format === 'none') return null;
    let text: string;
    if (level.format === 'bullet') {
      text = level.text;
      if ([...text].some(isPrivateUse)) return null;
    } else {
      let unknown = false;
      text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
        const at = Number(digit) - 1;
        const shown = num.levels.get(at);
        const rendered = shown ? formatNumber(counters[at] ?? shown.start, shown.format) : null;
        if (rendered === null) unknown = true;
        return rendered ?? '';
      });
      if (unknown) return null;
    }
    if (text.trim() === '') return null;
    // a tab or space after `1.` reads as one space; after `一、` or `（一）` as nothing, as it is typed
    if (level.suffix !== 'nothing' && /[\x21-\x7e]$/.test(text)) text += ' ';
    return { text, bold: level.bold };
  }
}

// ---------------------------------------------------------------------------------------------- walk

/** Symbol fonts put their glyphs at F020–F0FF; the few a bulletin uses, the rest left out. */
const SYMBOL_GLYPHS: Record<string, Record<number, string>> = {
  symbol: { 0xb7: '•', 0xd7: '×', 0xb0: '°', 0xae: '→', 0xac: '←', 0xad: '↑', 0xaf: '↓', 0xb1: '±', 0xa3: '≤', 0xb3: '≥', 0xb9: '≠', 0x2d: '−', 0xe0: '◊', 0xa8: '♦', 0xa9: '♥', 0xaa: '♠', 0xa7: '♣' },
  wingdings: { 0x6c: '●', 0x6e: '■', 0x71: '❑', 0x75: '◆', 0x76: '❖', 0xa7: '▪', 0xa8: '◻', 0xfc: '✓', 0xfb: '✗', 0xd8: '➢', 0xe0: '→', 0x9f: '•', 0xab: '★', 0x4a: '☺' },
  'wingdings 2': { 0x50: '✓', 0xea: '★', 0x97: '●', 0xa3: '□', 0x52: '☑', 0x54: '☒' },
  'wingdings 3': { 0x70: '▲', 0x71: '▼', 0x75: '◀', 0x76: '▶' },
  webdings: { 0x3d: '■', 0x3e: '●' },
};

function symbolText(element: Element): string {
  const code = Number.parseInt(attr(element, 'char') ?? '', 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '';
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const table = SYMBOL_GLYPHS[(attr(element, 'font') ?? '').toLowerCase()];
  if (table) return table[low] ?? '';
  if (code >= 0xf000 && code <= 0xf0ff) return low >= 0x20 && low < 0x7f ? String.fromCharCode(low) : '';
  const char = String.fromCodePoint(code);
  return isPrivateUse(char) || (code >= 0xd800 && code <= 0xdfff) ? '' : char;
}

interface Piece {
  text: string;
  bold: boolean;
  sizePt?: number;
  red: boolean;
  /** set in a 楷体 face (KaiTi, 楷体_GB2312): how captions are printed */
  kai?: boolean;
}

/** A picture in the body: the relationship that names its part, and its size on the page when the file states it. */
export interface DocxPicture {
  relationshipId: string;
  widthEmu?: number;
  heightEmu?: number;
  /** the name or description Word gives it (图片 1, the file it was inserted from) */
  name?: string;
  /** an embedded object (a worksheet, a chart, an equation) shown by its preview, not a picture */
  embeddedObject?: true;
}

/** A paragraph's line as the walk found it, with the paragraph it belongs to (its lines share the number). */
export interface WalkLine {
  kind: 'line';
  line: SourceLine;
  paragraph: number;
  /** every visible character is set in 楷体 */
  kai: boolean;
}

export interface WalkPicture {
  kind: 'picture';
  picture: DocxPicture;
  paragraph: number;
}

export interface WalkCell {
  gridSpan: number;
  /** w:vMerge: the first cell of a vertical merge, a cell it covers, or neither */
  vMerge: 'restart' | 'continue' | null;
  /** its paragraphs and pictures; a table nested in the cell is read into them, row by row */
  items: (WalkLine | WalkPicture)[];
}

export interface WalkRow {
  /** w:tblHeader: the row repeats at the top of each page, a header row */
  header: boolean;
  cells: WalkCell[];
}

export interface WalkTable {
  kind: 'table';
  rows: WalkRow[];
}

export type WalkItem = WalkLine | WalkPicture | WalkTable;

const KAI_FONT = /楷|kai/i;

/** The pieces of a paragraph's text, broken into lines at w:br and w:cr. */
class ParagraphText {
  readonly lines: Piece[][] = [[]];
  /** text boxes anchored in the paragraph, read before it */
  readonly boxes: Element[] = [];
  /** pictures in the paragraph, and whether any text stood before each */
  readonly pictures: { picture: DocxPicture; afterText: boolean }[] = [];

  add(text: string, props: RunProps): void {
    if (text === '' || props.hidden) return;
    this.lines.at(-1)!.push({ text, bold: props.bold === true, sizePt: props.sizePt, red: props.red === true, kai: props.eastAsiaFont !== undefined && KAI_FONT.test(props.eastAsiaFont) });
  }

  get hasText(): boolean {
    return this.lines.some((pieces) => pieces.some((piece) => VISIBLE.test(piece.text)));
  }

  lineBreak(): void {
    this.lines.push([]);
  }
}

const VISIBLE = /[^\s\u200b\ufeff]/;

function lineOf(pieces: readonly Piece[], props: ParagraphProps, first: boolean): SourceLine | null {
  const text = pieces.map((piece) => piece.text).join('');
  if (!VISIBLE.test(text)) return null;
  const runs: SourceRun[] = [];
  for (const piece of pieces) {
    const last = runs.at(-1);
    if (last && (last.bold === true) === piece.bold) last.text += piece.text;
    else runs.push(piece.bold ? { text: piece.text, bold: true } : { text: piece.text });
  }
  const visible = pieces.filter((piece) => VISIBLE.test(piece.text));
  const line: SourceLine = { text, runs, bold: visible.every((piece) => piece.bold) };
  const sizes = visible.map((piece) => piece.sizePt).filter((size): size is number => size !== undefined);
  if (sizes.length > 0) line.sizePt = Math.max(...sizes);
  if (props.align) line.align = props.align;
  line.red = visible.every((piece) => piece.red);
  // a paragraph indented with typed ideographic spaces is indented too
  line.indented = first && (firstLineIndented(props.ind) || /^\u3000{2}/.test(text));
  return line;
}

class Walker {
  readonly items: WalkItem[] = [];
  /** where paragraphs go: the body, or the cell being read */
  #out: WalkItem[] = this.items;
  #inTable = 0;
  #paragraphs = 0;
  readonly #styles: Styles;
  readonly #numbering: Numbering;
  /** open fields, true while in the field code (before w:fldChar separate) */
  readonly #fields: boolean[] = [];
  #inCode = 0;

  constructor(styles: Styles, numbering: Numbering) {
    this.#styles = styles;
    this.#numbering = numbering;
  }

  /** Block content: paragraphs, tables, content controls, inserted and custom-XML wrappers. */
  block(container: Element, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const element of children(container)) {
      if (element.namespaceURI === MC && element.localName === 'AlternateContent') {
        const choice = alternative(element);
        if (choice) this.block(choice, depth + 1);
        continue;
      }
      if (!W_NAMESPACES.has(element.namespaceURI ?? '')) continue;
      switch (element.localName) {
        case 'p':
          this.paragraph(element, depth);
          break;
        case 'tbl':
          this.table(element, depth);
          break;
        case 'sdt': {
          const content = wChild(element, 'sdtContent');
          if (content) this.block(content, depth + 1);
          break;
        }
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'smartTag':
          this.block(element, depth + 1);
          break;
      }
    }
  }

  /**
   * A table, row by row and cell by cell. A table nested in a cell is read into that cell's paragraphs (its
   * cells in order): a bulletin's table holds text and numbers, not tables.
   */
  private table(tbl: Element, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const nested = this.#inTable > 0;
    const table: WalkTable = { kind: 'table', rows: [] };
    if (!nested) this.#out.push(table);
    const out = this.#out;
    this.#inTable++;
    try {
      for (const tr of wrapped(tbl, 'tr', depth)) {
        const trPr = wChild(tr, 'trPr');
        const headerMark = trPr ? wChild(trPr, 'tblHeader') : undefined;
        const row: WalkRow = { header: headerMark !== undefined && onOff(headerMark), cells: [] };
        for (const tc of wrapped(tr, 'tc', depth)) {
          const tcPr = wChild(tc, 'tcPr');
          const span = tcPr ? wChild(tcPr, 'gridSpan') : undefined;
          const merge = tcPr ? wChild(tcPr, 'vMerge') : undefined;
          const cell: WalkCell = {
            gridSpan: Math.max(1, Math.min(64, integer(span ? attr(span, 'val') : null) ?? 1)),
            vMerge: merge === undefined ? null : attr(merge, 'val') === 'restart' ? 'restart' : 'continue',
            items: [],
          };
          // (a cell holds lines and pictures only: a table nested in it is read into them, never pushed)
          if (!nested) this.#out = cell.items as WalkItem[];
          this.block(tc, depth + 2);
          this.#out = out;
          row.cells.push(cell);
        }
        table.rows.push(row);
      }
    } finally {
      this.#out = out;
      this.#inTable--;
    }
  }

  private paragraph(p: Element, depth: number): void {
    const pPr = wChild(p, 'pPr');
    const styleId = this.#styles.paragraphStyleId(pPr);
    const base = this.#styles.paragraphBase(styleId);
    const props = applyParagraphProps({ ...base, ind: { ...base.ind } }, pPr);
    const text = new ParagraphText();
    this.inline(p, text, styleId, depth + 1);
    // a field whose code never ended within the paragraph hides nothing after it
    while (this.#fields.length > 0 && this.#fields.at(-1)) {
      this.#fields.pop();
      this.#inCode--;
    }
    for (const box of text.boxes) this.block(box, depth + 1);
    const paragraph = this.#paragraphs++;
    // a picture before the paragraph's text stands above it (a photo over its caption in one paragraph)
    for (const { picture, afterText } of text.pictures) if (!afterText) this.#out.push({ kind: 'picture', picture, paragraph });

    if (props.numId !== undefined && props.numId !== '0') {
      const label = this.#numbering.next(props.numId, props.ilvl ?? 0);
      const firstLine = text.lines.find((pieces) => pieces.some((piece) => VISIBLE.test(piece.text)));
      if (label && firstLine) {
        const firstPiece = firstLine.find((piece) => VISIBLE.test(piece.text))!;
        firstLine.unshift({ text: label.text, bold: label.bold ?? firstPiece.bold, sizePt: undefined, red: firstPiece.red });
      }
    }
    let first = true;
    for (const pieces of text.lines) {
      const line = lineOf(pieces, props, first);
      if (!line) continue;
      this.#out.push({ kind: 'line', line, paragraph, kai: pieces.filter((piece) => VISIBLE.test(piece.text)).every((piece) => piece.kai) });
      first = false;
    }
    for (const { picture, afterText } of text.pictures) if (afterText) this.#out.push({ kind: 'picture', picture, paragraph });
  }

  /** Paragraph content: runs and what wraps them (links, fields, content controls, insertions, smart tags). */
  private inline(container: Element, text: ParagraphText, styleId: string | undefined, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const element of children(container)) {
      if (element.namespaceURI === MC && element.localName === 'AlternateContent') {
        const choice = alternative(element);
        if (choice) this.inline(choice, text, styleId, depth + 1);
        continue;
      }
      if (MATH_NAMESPACES.has(element.namespaceURI ?? '')) {
        this.math(element, text, depth + 1);
        continue;
      }
      if (!W_NAMESPACES.has(element.namespaceURI ?? '')) continue;
      switch (element.localName) {
        case 'r':
          this.run(element, text, styleId, depth + 1);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'fldSimple':
        case 'dir':
        case 'bdo':
          this.inline(element, text, styleId, depth + 1);
          break;
        case 'sdt': {
          const content = wChild(element, 'sdtContent');
          if (content) this.inline(content, text, styleId, depth + 1);
          break;
        }
        // deleted text and text moved away are not in the document any more
        case 'del':
        case 'moveFrom':
          break;
      }
    }
  }

  private run(r: Element, text: ParagraphText, styleId: string | undefined, depth: number): void {
    const rPr = wChild(r, 'rPr');
    const rStyle = rPr ? wChild(rPr, 'rStyle') : undefined;
    const props = applyRunProps({ ...this.#styles.runBase(styleId, rStyle ? (attr(rStyle, 'val') ?? undefined) : undefined) }, rPr);
    this.runContent(r, text, props, styleId, depth + 1);
  }

  /** The content of a run, or of the mc:Choice of an mc:AlternateContent in it. */
  private runContent(container: Element, text: ParagraphText, props: RunProps, styleId: string | undefined, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const element of children(container)) {
      if (element.namespaceURI === MC && element.localName === 'AlternateContent') {
        const choice = alternative(element);
        if (choice) this.runContent(choice, text, props, styleId, depth + 1);
      } else if (W_NAMESPACES.has(element.namespaceURI ?? '')) this.runElement(element, text, props, styleId, depth);
    }
  }

  private runElement(element: Element, text: ParagraphText, props: RunProps, styleId: string | undefined, depth: number): void {
    const shown = this.#inCode === 0;
    switch (element.localName) {
      case 't':
        if (shown) text.add(textOf(element), props);
        break;
      case 'tab':
      case 'ptab':
        if (shown) text.add(' ', props);
        break;
      case 'br': {
        const type = attr(element, 'type');
        if (shown && type !== 'page' && type !== 'column') text.lineBreak();
        break;
      }
      case 'cr':
        if (shown) text.lineBreak();
        break;
      case 'sym':
        if (shown) text.add(symbolText(element), props);
        break;
      case 'noBreakHyphen':
        if (shown) text.add('-', props);
        break;
      case 'fldChar': {
        const type = attr(element, 'fldCharType');
        if (type === 'begin') {
          if (this.#fields.length >= MAX_FIELD_DEPTH) break;
          this.#fields.push(true);
          this.#inCode++;
        } else if (type === 'separate') {
          if (this.#fields.at(-1) === true) {
            this.#fields[this.#fields.length - 1] = false;
            this.#inCode--;
          }
        } else if (type === 'end' && this.#fields.length > 0) {
          if (this.#fields.pop()) this.#inCode--;
        }
        break;
      }
      case 'drawing':
      case 'pict':
        // text boxes (their paragraphs are read before the anchoring paragraph), and pictures
        if (shown) {
          collectTextBoxes(element, text.boxes, depth + 1);
          const afterText = text.hasText;
          for (const picture of picturesIn(element, depth + 1)) text.pictures.push({ picture, afterText });
        }
        break;
      case 'object':
        // an embedded object (a worksheet, a chart) shows a preview, which is no photo: it is reported, not imported
        if (shown) {
          collectTextBoxes(element, text.boxes, depth + 1);
          text.pictures.push({ picture: { relationshipId: '', embeddedObject: true }, afterText: text.hasText });
        }
        break;
      case 'ruby': {
        const base = wChild(element, 'rubyBase');
        if (base) this.inline(base, text, styleId, depth + 1);
        break;
      }
      // w:instrText (field codes), w:delText, notes and comments references, soft hyphens: nothing shown
    }
  }

  private math(element: Element, text: ParagraphText, depth: number): void {
    if (depth > MAX_DEPTH || this.#inCode > 0) return;
    if (element.localName === 't') {
      text.add(textOf(element), {});
      return;
    }
    for (const child of children(element)) if (MATH_NAMESPACES.has(child.namespaceURI ?? '')) this.math(child, text, depth + 1);
  }
}

/** The content of an mc:AlternateContent that is read: its first mc:Choice (what Word shows), the fallback only when there is no choice. */
function alternative(element: Element): Element | undefined {
  let fallback: Element | undefined;
  for (const child of children(element)) {
    if (child.namespaceURI !== MC) continue;
    if (child.localName === 'Choice') return child;
    if (child.localName === 'Fallback') fallback ??= child;
  }
  return fallback;
}

/** Rows of a table, or cells of a row, also those wrapped in a content control, custom XML or a tracked insertion. */
function* wrapped(container: Element, name: 'tr' | 'tc', depth: number): Generator<Element> {
  if (depth > MAX_DEPTH) return;
  for (const child of children(container)) {
    if (isW(child, name)) yield child;
    else if (isW(child, 'sdt')) {
      const content = wChild(child, 'sdtContent');
      if (content) yield* wrapped(content, name, depth + 1);
    } else if (isW(child, 'customXml') || isW(child, 'ins')) yield* wrapped(child, name, depth + 1);
  }
}

function relationshipAttr(element: Element, name: string): string | null {
  const attributes = element.attributes;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index]!;
    if (attribute.localName === name && (attribute.namespaceURI ?? '').endsWith('/relationships')) return attribute.value;
  }
  return null;
}

/**
 * The elements under `element` that `found` picks, not looking into a text box's content (its paragraphs,
 * pictures among them, are read as paragraphs of their own) nor into a fallback copy.
 */
function descendants(element: Element, depth: number, found: (element: Element) => boolean, into: Element[] = []): Element[] {
  if (depth > MAX_DEPTH) return into;
  for (const child of children(element)) {
    if (found(child)) into.push(child);
    else if (!isW(child, 'txbxContent') && !(child.namespaceURI === MC && child.localName === 'Fallback')) descendants(child, depth + 1, found, into);
  }
  return into;
}

const positive = (value: number | undefined) => (value !== undefined && value > 0 ? value : undefined);

/** A VML length (`width:300pt`, `2.5in`, `8cm`) in EMU. */
function vmlLengthEmu(style: string, property: 'width' | 'height'): number | undefined {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([\\d.]+)\\s*(pt|in|cm|mm|px)?`, 'i').exec(style);
  if (!match) return undefined;
  const value = Number(match[1]);
  const perUnit: Record<string, number> = { pt: 12_700, in: 914_400, cm: 360_000, mm: 36_000, px: 9525 };
  const emu = value * perUnit[(match[2] ?? 'px').toLowerCase()]!;
  return Number.isFinite(emu) && emu > 0 ? Math.round(emu) : undefined;
}

/**
 * The pictures of a w:drawing (DrawingML pic:pic, its a:blip naming the part; its size from wp:extent) or a
 * w:pict (VML v:imagedata); text boxes and shapes without a picture are none. Not those in a fallback copy.
 */
function picturesIn(element: Element, depth: number): DocxPicture[] {
  const pictures: DocxPicture[] = [];
  if (isW(element, 'drawing')) {
    for (const frame of children(element)) {
      if (frame.namespaceURI !== WORDPROCESSING_DRAWING || (frame.localName !== 'inline' && frame.localName !== 'anchor')) continue;
      const extent = [...children(frame)].find((child) => child.localName === 'extent');
      const docPr = [...children(frame)].find((child) => child.localName === 'docPr');
      const blips = descendants(frame, depth + 1, (child) => child.namespaceURI === PICTURE && child.localName === 'pic').flatMap((pic) =>
        descendants(pic, depth + 1, (child) => child.localName === 'blip'),
      );
      for (const blip of blips) {
        // a picture linked to a file outside the document names it with r:link
        const relationshipId = relationshipAttr(blip, 'embed') ?? relationshipAttr(blip, 'link');
        if (!relationshipId) continue;
        const picture: DocxPicture = { relationshipId };
        if (blips.length === 1 && extent) {
          const width = positive(integer(attr(extent, 'cx')));
          const height = positive(integer(attr(extent, 'cy')));
          if (width !== undefined) picture.widthEmu = width;
          if (height !== undefined) picture.heightEmu = height;
        }
        const name = docPr ? (attr(docPr, 'descr') || attr(docPr, 'name')) : null;
        if (name) picture.name = name;
        pictures.push(picture);
      }
    }
    return pictures;
  }
  for (const shape of descendants(element, depth + 1, (child) => child.namespaceURI === VML && (child.localName === 'shape' || child.localName === 'rect' || child.localName === 'image'))) {
    const imageData = descendants(shape, depth + 1, (child) => child.namespaceURI === VML && child.localName === 'imagedata')[0];
    const relationshipId = imageData ? relationshipAttr(imageData, 'id') : null;
    if (!relationshipId) continue;
    const style = shape.getAttribute('style') ?? '';
    const picture: DocxPicture = { relationshipId };
    const width = vmlLengthEmu(style, 'width');
    const height = vmlLengthEmu(style, 'height');
    if (width !== undefined) picture.widthEmu = width;
    if (height !== undefined) picture.heightEmu = height;
    const name = imageData!.getAttribute('o:title') ?? shape.getAttribute('alt');
    if (name) picture.name = name;
    pictures.push(picture);
  }
  return pictures;
}

/** The w:txbxContent elements in a drawing or VML picture, not those nested in another box (read with it), nor a fallback copy. */
function collectTextBoxes(element: Element, into: Element[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of children(element)) {
    if (isW(child, 'txbxContent')) {
      into.push(child);
      continue;
    }
    if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
      const choice = alternative(child);
      if (choice) collectTextBoxes(choice, into, depth + 1);
      continue;
    }
    collectTextBoxes(child, into, depth + 1);
  }
}

/** The body as the walk reads it: paragraphs' lines, pictures and tables, in reading order. */
export function readDocxItems(parts: DocxXmlParts): WalkItem[] {
  const document = parseXml(parts.document, 'word/document.xml');
  const root = document.documentElement;
  if (root.localName !== 'document' || !W_NAMESPACES.has(root.namespaceURI ?? '')) throw new DocxXmlError('the main part is not a WordprocessingML document');
  const optional = (xml: string | undefined, part: string) => {
    if (xml === undefined) return null;
    try {
      return parseXml(xml, part);
    } catch {
      return null;
    }
  };
  const walker = new Walker(new Styles(optional(parts.styles, 'styles')), new Numbering(optional(parts.numbering, 'numbering')));
  const body = wChild(root, 'body');
  if (body) walker.block(body, 0);
  return walker.items;
}

/** The lines of walk items, tables read cell by cell and row by row, pictures left out. */
export function linesOfItems(items: readonly WalkItem[], into: SourceLine[] = []): SourceLine[] {
  for (const item of items) {
    if (item.kind === 'line') into.push(item.line);
    else if (item.kind === 'table') for (const row of item.rows) for (const cell of row.cells) linesOfItems(cell.items, into);
  }
  return into;
}

/** The body's paragraphs in reading order, as lines (a paragraph broken with w:br gives a line for each part); lines with no visible text are left out. */
export function readDocxLines(parts: DocxXmlParts): SourceLine[] {
  return linesOfItems(readDocxItems(parts));
}

/**
 * The fingerprint of a body as the walk reads it: SHA-256 over each line's text without white space, its
 * bold runs marked, lines apart. What the canonical issue is checked against: an edit of the text or of
 * its bold changes it; Word's own rewriting of runs, styles and spacing does not.
 */
export function bodyFingerprint(lines: readonly SourceLine[]): string {
  const hash = createHash('sha256');
  hash.update('jianbao-docx-body@1\n');
  for (const line of lines) {
    const runs = line.runs ?? [{ text: line.text }];
    const text = runs
      .map((run) => {
        const squeezed = run.text.replace(/\s+/g, '');
        return run.bold && squeezed ? `\u0001${squeezed}\u0002` : squeezed;
      })
      .join('')
      .replace(/\u0002\u0001/g, '');
    if (text) hash.update(`${text}\n`);
  }
  return hash.digest('hex');
}
