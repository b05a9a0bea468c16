// Reads pasted HTML (Word, WPS, LibreOffice, Google Docs, WeChat articles and other web pages) into
// lines of text runs that keep one thing of the source's formatting: bold. Block elements and <br> break
// lines; scripts, styles, images, comments, Word's XML islands and <o:p> give no text; fonts, colours and
// every other attribute are dropped. A small tokenizer of its own rather than DOMParser, so that the very
// same code runs in the renderer and in the Node tests.
//
// Bold is the weight the source itself asked for, worked out as CSS would: <b> and <strong> are bolder
// than their parent; `font-weight` (bold, bolder, lighter, normal, 100–900) and the `font` shorthand in a
// style attribute or in a rule of the clipboard's own <style> block (Word, WPS and LibreOffice write their
// paragraph and character styles there: `span.15{font-weight:bold}`, `h2 {font-weight: bold}`) override
// that, an inline style over a rule, a more specific rule over a less specific one; weights of 600 and up
// are bold. `mso-bidi-font-weight` is a property of its own (Word's weight for right-to-left scripts) and
// means nothing here, so `<b style='mso-bidi-font-weight:normal'>` stays bold, while Google Docs' wrapper
// `<b style="font-weight:normal">` is not bold. Headings <h1>–<h6> (and <th>) are NOT bold by their tag
// alone, unlike in a browser: LibreOffice leaves a heading style's weight to the browser's default even
// where the heading is not bold in the document, while Word, WPS and LibreOffice all write
// `font-weight:bold` for headings that are bold, so their rules give the bold the document had.
import type { BulletinText } from './model/types.ts';
import type { PastedCell, PastedHtmlPart } from './model/paste-content.ts';

export type { PastedCell, PastedHtmlPart } from './model/paste-content.ts';

/** One pasted line (a paragraph of the source): its runs, bold ones marked, neighbours of one style joined. */
export type ClipboardLine = BulletinText[];

const BLOCK = new Set([
  'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'table', 'ul', 'ol', 'header', 'footer',
  'hr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'nav', 'aside', 'main', 'address', 'center', 'caption', 'fieldset', 'details', 'summary', 'body',
]);
/** Elements whose content is not text of the document (content dropped, structure still read). */
const SKIP = new Set(['head', 'template', 'object', 'svg', 'math', 'video', 'audio', 'canvas', 'button', 'select', 'datalist', 'xml', 'map']);
/** Elements whose content is raw text up to their end tag, none of it shown. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'style', 'script', 'noscript', 'base', 'template', 'head']);
/** Starting one of these ends an open <p>, as HTML parsing does. */
const CLOSES_P = new Set([...BLOCK, 'form', 'menu', 'dir', 'hgroup', 'dialog'].filter((tag) => tag !== 'body' && tag !== 'tr' && tag !== 'caption'));
const BOLD_TAGS = new Set(['b', 'strong']);
/** HTML's formatting elements, which a browser reopens after a block closed them. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

// ---- tokens ----

type Attributes = Map<string, string>;
type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; tag: string; attributes: Attributes }
  | { kind: 'end'; tag: string }
  | { kind: 'raw'; tag: string; text: string };

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', shy: '\u00ad', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', sect: '§', para: '¶',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', yen: '¥', euro: '€', pound: '£', cent: '¢', micro: 'µ', frac12: '½', frac14: '¼',
  frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', iexcl: '¡', iquest: '¿', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤',
  ge: '≥', ne: '≠', asymp: '≈', infin: '∞', minus: '−', permil: '‰', prime: '′', Prime: '″', loz: '◊', radic: '√', sum: '∑', prod: '∏',
  ordm: 'º', ordf: 'ª', macr: '¯', acute: '´', cedil: '¸', uml: '¨', brvbar: '¦', curren: '¤', not: '¬', hArr: '⇔', rArr: '⇒', star: '☆',
};
/** Entities a browser also reads without their semicolon. */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);
/** Numeric references 128–159 mean the Windows-1252 characters, as in a browser. */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/g, (whole, decimal, hex, name, semicolon) => {
    if (name !== undefined) {
      const value = NAMED[name];
      return value !== undefined && (semicolon || LEGACY.has(name)) ? value : whole;
    }
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex, 16);
    if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80]!;
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

function readAttributes(html: string, from: number): { attributes: Attributes; end: number } | null {
  const attributes: Attributes = new Map();
  let i = from;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '>') return { attributes, end: i + 1 };
    if (/[\s/]/.test(ch)) {
      i++;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < html.length && !/[\s/>=]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    while (i < html.length && /\s/.test(html[i]!)) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && /\s/.test(html[i]!)) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        let valueEnd = i;
        while (valueEnd < html.length && !/[\s>]/.test(html[valueEnd]!)) valueEnd++;
        value = html.slice(i, valueEnd);
        i = valueEnd;
      }
    }
    if (!attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return null;
}

/** The markup as tokens, comments, doctypes and Word's `<![if …]>` markers dropped (what they enclose is read, as a browser shows it). */
function* tokensOf(html: string): Generator<Token> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      yield { kind: 'text', text: html.slice(i) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: html.slice(i, lt) };
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
    } else if (next === '!' || next === '?') {
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? html.length : end + 1;
    } else if (next === '/' && /[a-zA-Z]/.test(html[i + 2] ?? '')) {
      let nameEnd = i + 3;
      while (nameEnd < html.length && !/[\s/>]/.test(html[nameEnd]!)) nameEnd++;
      const close = html.indexOf('>', nameEnd);
      yield { kind: 'end', tag: html.slice(i + 2, nameEnd).toLowerCase() };
      i = close < 0 ? html.length : close + 1;
    } else if (next === '/') {
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? html.length : end + 1;
    } else if (/[a-zA-Z]/.test(next)) {
      let nameEnd = i + 2;
      while (nameEnd < html.length && !/[\s/>]/.test(html[nameEnd]!)) nameEnd++;
      const tag = html.slice(i + 1, nameEnd).toLowerCase();
      const read = readAttributes(html, nameEnd);
      if (!read) return; // a tag cut off by the end of the text is dropped, as a browser drops it
      i = read.end;
      if (RAW_TEXT.has(tag)) {
        const closing = new RegExp(`</${tag}[\\s/>]`, 'ig');
        closing.lastIndex = i;
        const found = tag === 'plaintext' ? null : closing.exec(html);
        const contentEnd = found ? found.index : html.length;
        yield { kind: 'raw', tag, text: html.slice(i, contentEnd) };
        const close = found ? html.indexOf('>', found.index) : -1;
        i = close < 0 ? html.length : close + 1;
      } else {
        yield { kind: 'start', tag, attributes: read.attributes };
      }
    } else {
      yield { kind: 'text', text: '<' };
      i++;
    }
  }
}

// ---- style ----

type Declarations = Map<string, string>;

/** `a:b; c:d` as a map of lower-case properties to values, the last one winning, `!important` dropped. */
function declarationsOf(text: string): Declarations {
  const declarations: Declarations = new Map();
  let start = 0;
  let quote: string | null = null;
  const take = (end: number) => {
    const part = text.slice(start, end);
    const colon = part.indexOf(':');
    if (colon > 0) {
      const property = part.slice(0, colon).trim().toLowerCase();
      const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim();
      if (property && value) declarations.set(property, value);
    }
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ';') {
      take(i);
    }
  }
  take(text.length);
  return declarations;
}

interface StyleRule {
  tag: string | null;
  classes: string[];
  id: string | null;
  specificity: number;
  order: number;
  declarations: Declarations;
}

const SIMPLE_SELECTOR = /^(\*|[a-zA-Z][\w-]*)?((?:[.#][^\s.#:>+~[\]()*,]+)*)$/u;

/** The rules of a style sheet whose selectors are simple (`p.MsoNormal`, `.a1`, `h1`, `span.15`); at-rules and combinators are left out. */
function rulesOf(css: string, firstOrder: number): StyleRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/<!--|-->/g, ' ');
  const rules: StyleRule[] = [];
  let i = 0;
  let order = firstOrder;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // the block's end, nested blocks (@media) counted
    let depth = 1;
    let close = open + 1;
    for (; close < text.length && depth > 0; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}') depth--;
    }
    const body = text.slice(open + 1, close - 1);
    i = close;
    const selectors = prelude.replace(/^(@[a-z-]+[^;{]*;\s*)+/i, '');
    if (selectors.startsWith('@') || selectors === '') continue;
    const declarations = declarationsOf(body);
    for (const selector of selectors.split(',')) {
      const match = SIMPLE_SELECTOR.exec(selector.trim());
      if (!match) continue;
      const parts = match[2]!.match(/[.#][^.#]+/g) ?? [];
      const classes = parts.filter((part) => part.startsWith('.')).map((part) => part.slice(1).toLowerCase());
      const ids = parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1));
      const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
      if (tag === null && classes.length === 0 && ids.length === 0 && match[1] !== '*') continue;
      rules.push({ tag, classes, id: ids[0] ?? null, specificity: ids.length * 100 + classes.length * 10 + (tag ? 1 : 0), order: order++, declarations });
    }
  }
  return rules;
}

/** The declarations that apply to an element: its rules by specificity and order, then its style attribute. */
function cascade(rules: readonly StyleRule[], tag: string, attributes: Attributes): Declarations {
  const classes = (attributes.get('class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const id = attributes.get('id') ?? null;
  const matching = rules
    .filter((rule) => (rule.tag === null || rule.tag === tag) && (rule.id === null || rule.id === id) && rule.classes.every((name) => classes.includes(name)))
    .sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  const declarations: Declarations = new Map();
  const apply = (from: Declarations) => {
    for (const [property, value] of from) {
      declarations.set(property, value);
      // the `font` shorthand sets the weight too, to normal when it names none
      if (property === 'font') declarations.set('font-weight', shorthandWeight(value));
    }
  };
  for (const rule of matching) apply(rule.declarations);
  const style = attributes.get('style');
  if (style) apply(declarationsOf(style));
  return declarations;
}

function shorthandWeight(value: string): string {
  const tokens = value.toLowerCase().replace(/"[^"]*"|'[^']*'/g, ' ').split(/[\s,/]+/);
  if (tokens.length === 1 && ['inherit', 'initial', 'unset', 'revert'].includes(tokens[0]!)) return tokens[0]!;
  return tokens.find((token) => /^(bold|bolder|lighter|[1-9]00)$/.test(token)) ?? 'normal';
}

/** The computed weight for a `font-weight` value, or null when the value is not one (and so ignored). */
function weightOf(value: string, parent: number): number | null {
  const keyword = value.trim().toLowerCase();
  if (keyword === 'normal' || keyword === 'initial') return 400;
  if (keyword === 'bold') return 700;
  if (keyword === 'inherit' || keyword === 'unset' || keyword === 'revert') return parent;
  if (keyword === 'bolder') return parent < 350 ? 400 : parent < 550 ? 700 : Math.max(parent, 900);
  if (keyword === 'lighter') return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  if (/^\d+(\.\d+)?$/.test(keyword)) {
    const number = Number(keyword);
    return number >= 1 && number <= 1000 ? number : null;
  }
  return null;
}

// ---- lines ----

interface Frame {
  tag: string;
  attributes: Attributes;
  weight: number;
  hidden: boolean;
}

const isBold = (weight: number) => weight >= 600;

/** Collapses the line's spaces as plain-text paste always did (a run of spaces or any no-break space is one space), trims it and joins equal runs. */
function finishLine(pieces: readonly { text: string; bold: boolean }[]): ClipboardLine | null {
  let text = '';
  const bold: boolean[] = [];
  for (const piece of pieces) {
    text += piece.text;
    for (let k = 0; k < piece.text.length; k++) bold.push(piece.bold);
  }
  let out = '';
  const outBold: boolean[] = [];
  const spaces = /[ \t\u00a0]+/g;
  let last = 0;
  for (let match = spaces.exec(text); match; match = spaces.exec(text)) {
    for (let k = last; k < match.index; k++) (out += text[k], outBold.push(bold[k]!));
    const space = match[0];
    const kept = space.includes('\u00a0') || space.length > 1 ? ' ' : space;
    out += kept;
    outBold.push(bold[match.index]!);
    last = match.index + space.length;
  }
  for (let k = last; k < text.length; k++) (out += text[k], outBold.push(bold[k]!));
  const start = out.length - out.trimStart().length;
  const end = out.trimEnd().length;
  if (end <= start) return null;
  // white space is bold only between bold characters, so that spaces neither split runs nor trail a bold one
  const boldAround = (k: number) => {
    let before = k - 1;
    while (before >= start && /\s/.test(out[before]!)) before--;
    let after = k + 1;
    while (after < end && /\s/.test(out[after]!)) after++;
    return before >= start && after < end && outBold[before]! && outBold[after]!;
  };
  const runs: ClipboardLine = [];
  for (let k = start; k < end; k++) {
    const style = /\s/.test(out[k]!) ? boldAround(k) : outBold[k]!;
    const previous = runs.at(-1);
    if (previous && (previous.bold === true) === style) previous.text += out[k];
    else runs.push(style ? { text: out[k]!, bold: true } : { text: out[k]! });
  }
  return runs;
}

/** What reading pasted HTML reports, in document order: each line, and the elements shown as they open and close. */
interface HtmlSink {
  line(line: ClipboardLine): void;
  start?(tag: string, attributes: Attributes, bold: boolean): void;
  end?(tag: string): void;
  image?(attributes: Attributes): void;
}

/** The pasted HTML as lines of runs: one line for each paragraph, list item, table cell or <br>-broken line with text. */
export function htmlToLines(html: string): ClipboardLine[] {
  const lines: ClipboardLine[] = [];
  readHtml(html, { line: (line) => lines.push(line) });
  return lines;
}

function readHtml(html: string, sink: HtmlSink): void {
  const tokens = [...tokensOf(html)];
  const rules: StyleRule[] = [];
  for (const token of tokens) if (token.kind === 'raw' && token.tag === 'style') rules.push(...rulesOf(token.text, rules.length));

  let pieces: { text: string; bold: boolean }[] = [];
  const flush = () => {
    const line = finishLine(pieces);
    if (line) sink.line(line);
    pieces = [];
  };
  const stack: Frame[] = [{ tag: '#document', attributes: new Map(), weight: 400, hidden: false }];
  const top = () => stack.at(-1)!;
  /** <b>, <font> and the like closed by a block's end before their own: a browser opens them again for the text that follows. */
  let reopen: Frame[] = [];

  const open = (tag: string, attributes: Attributes) => {
    const parent = top();
    const declarations = cascade(rules, tag, attributes);
    const hidden =
      parent.hidden ||
      SKIP.has(tag) ||
      attributes.get('aria-hidden') === 'true' ||
      attributes.has('hidden') ||
      declarations.get('display')?.toLowerCase() === 'none' ||
      declarations.get('mso-hide')?.toLowerCase() === 'all';
    const declared = declarations.get('font-weight');
    const weight = (declared !== undefined ? weightOf(declared, parent.weight) : null) ?? (BOLD_TAGS.has(tag) ? weightOf('bolder', parent.weight)! : parent.weight);
    stack.push({ tag, attributes, weight, hidden });
    if (!hidden) sink.start?.(tag, attributes, isBold(weight));
  };
  /** Closes the elements from the top down to the one at `index` (itself too); closing a block ends the line. */
  const popTo = (index: number, except?: Frame) => {
    const closed: Frame[] = [];
    while (stack.length > Math.max(index, 1)) {
      const frame = stack.pop()!;
      if (!frame.hidden && (BLOCK.has(frame.tag) || frame.tag === 'td' || frame.tag === 'th')) flush();
      if (!frame.hidden) sink.end?.(frame.tag);
      if (FORMATTING.has(frame.tag) && frame !== except) closed.unshift(frame);
    }
    reopen = [...reopen, ...closed];
  };
  /** The open element named `tags` nearest the top, not looking past a `boundary`, or -1. */
  const openIndex = (tags: readonly string[], boundary: readonly string[]) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (tags.includes(stack[k]!.tag)) return k;
      if (boundary.includes(stack[k]!.tag)) return -1;
    }
    return -1;
  };

  for (const token of tokens) {
    if (token.kind === 'raw') continue;
    if (token.kind === 'text') {
      if (reopen.length > 0 && token.text.trim() !== '') {
        for (const frame of reopen) open(frame.tag, frame.attributes);
        reopen = [];
      }
      if (!top().hidden) pieces.push({ text: decodeEntities(token.text).replace(/[\r\n]+/g, ' '), bold: isBold(top().weight) });
      continue;
    }
    const { tag } = token;
    if (token.kind === 'end') {
      if (tag === 'br') {
        if (!top().hidden) flush();
        continue;
      }
      const pending = reopen.findLastIndex((frame) => frame.tag === tag);
      const index = openIndex([tag], []);
      if (pending >= 0 && (index < 0 || !stack.slice(index).some((frame) => frame.tag === tag))) reopen.splice(pending, 1);
      else if (index > 0) popTo(index, stack[index]);
      else if (tag === 'p' && !top().hidden) flush();
      continue;
    }
    // implied ends, as HTML parsing has them: body content closes the head, a block closes an open <p>, list items and cells close their siblings
    if (top().tag === 'head' && !HEAD_CONTENT.has(tag)) popTo(stack.length - 1);
    if (tag === 'body') {
      const head = openIndex(['head'], []);
      if (head > 0) popTo(head);
    }
    const scope = ['td', 'th', 'table', 'button', 'html', 'body'];
    if (CLOSES_P.has(tag)) {
      const p = openIndex(['p'], scope);
      if (p > 0) popTo(p);
    }
    if (tag === 'li') {
      const li = openIndex(['li'], ['ul', 'ol', ...scope]);
      if (li > 0) popTo(li);
    } else if (tag === 'dt' || tag === 'dd') {
      const item = openIndex(['dt', 'dd'], ['dl', ...scope]);
      if (item > 0) popTo(item);
    } else if (tag === 'td' || tag === 'th' || tag === 'tr') {
      const cell = openIndex(tag === 'tr' ? ['tr', 'td', 'th'] : ['td', 'th'], tag === 'tr' ? ['table'] : ['tr', 'table']);
      if (cell > 0) popTo(cell);
    }
    if (tag === 'br' || tag === 'hr') {
      if (!top().hidden) flush();
      continue;
    }
    // an image is reported where it stands; text beside it in its paragraph still makes that paragraph's line
    if (tag === 'img' && !top().hidden) sink.image?.(token.attributes);
    if (VOID.has(tag)) continue;
    if (BLOCK.has(tag) && !top().hidden) flush();
    open(tag, token.attributes);
  }
  popTo(1);
  flush();
}

// ---- tables and images ----

const spanAttribute = (value: string | undefined, max: number) => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number >= 1 ? Math.min(number, max) : 1;
};

/**
 * The pasted HTML as lines, tables and images, in the order they stand (a table inside a table cell is read as
 * that cell's text; an image inside a table is taken after the table). Lines are read exactly as htmlToLines reads them.
 */
export function htmlToParts(html: string): PastedHtmlPart[] {
  const parts: PastedHtmlPart[] = [];
  let depth = 0;
  let table: PastedCell[][] | null = null;
  let cell: PastedCell | null = null;
  let pendingImages: string[] = [];
  readHtml(html, {
    line: (line) => {
      if (cell) cell.lines.push(line);
      else if (depth === 0) parts.push({ kind: 'line', line });
      // a line in a table outside any cell (a <caption>) stands before it
      else parts.push({ kind: 'line', line });
    },
    start: (tag, attributes) => {
      if (tag === 'table') {
        depth++;
        if (depth === 1) table = [];
      } else if (depth === 1 && tag === 'tr' && table) {
        table.push([]);
      } else if (depth === 1 && (tag === 'td' || tag === 'th') && table) {
        if (table.length === 0) table.push([]);
        cell = { lines: [], heading: tag === 'th', colSpan: spanAttribute(attributes.get('colspan'), 1000), rowSpan: spanAttribute(attributes.get('rowspan'), 1000) };
      }
    },
    end: (tag) => {
      if (tag === 'table') {
        depth--;
        if (depth === 0 && table) {
          const rows = table.filter((row) => row.length > 0);
          if (rows.length > 0) parts.push({ kind: 'table', rows });
          for (const src of pendingImages) parts.push({ kind: 'image', src });
          table = null;
          pendingImages = [];
        }
      } else if (depth === 1 && (tag === 'td' || tag === 'th') && cell) {
        // a cell is a header cell when it is a <th>, or when all of its text is bold
        const runs = cell.lines.flat();
        const allBold = runs.length > 0 && runs.every((run) => run.bold === true || run.text.trim() === '');
        table!.at(-1)!.push({ ...cell, heading: cell.heading || allBold });
        cell = null;
      }
    },
    image: (attributes) => {
      const src = attributes.get('src') ?? '';
      if (src === '') return;
      if (depth > 0) pendingImages.push(src);
      else parts.push({ kind: 'image', src });
    },
  });
  return parts;
}

/** The lines as plain text, one a line: what a whole-bulletin paste reads. */
export function linesToText(lines: readonly ClipboardLine[]): string {
  return lines.map((line) => line.map((run) => run.text).join('')).join('\n');
}

/** Pasted HTML as plain lines, bold dropped. */
export function htmlToText(html: string): string {
  return linesToText(htmlToLines(html));
}
