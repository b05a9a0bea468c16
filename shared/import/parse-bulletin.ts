// Reads the plain text of a published bulletin (extracted from PDF or Word, or typed) into the
// canonical issue: masthead, 导读, articles, news sections and colophon. Text it cannot place goes
// into the nearest article; nothing is dropped but page numbers and structural marks.
import { ISSUE_FORMAT, type ArticleBlock, type Issue, type NewsBlock, type NewsItem, type Paragraph, type Run } from '../model/issue.ts';
import { deriveLead } from '../model/lead.ts';
import { parseChineseDate, todayIso, DOC_NUMBER_PATTERN } from '../format/chinese.ts';
import { cleanLines, detectWrapWidth, endsMidSentence, endsSentence, joinWrapped, visibleLength } from '../text/lines.ts';
import { headingLevelOf } from './heading-level.ts';
import type { ParsedBulletin, SourceDocument, SourceLine } from './source.ts';

export type { ParsedBulletin } from './source.ts';

export interface ParseOptions {
  /** used when the text carries no date */
  today?: string;
}

type LineKind = 'text' | 'item' | 'heading' | 'lead' | 'leadHeading' | 'colophon' | 'printed' | 'copies' | 'docNumber';

export interface Unit {
  kind: LineKind;
  text: string;
  /** the physical lines joined into `text` */
  lines: string[];
  /** the last physical line of the unit filled the wrap width */
  full: boolean;
}

const TITLE_MAX = 40;
const ISSUE_NUMBER_LINE = /^(?:(\d{4})年)?第(\d{1,6})期(?:[（(]?总第(\d{1,7})期[）)]?)?$/;
const LEAD_HEADING = /^[【\[［]?\s*(?:本期)?导\s*读\s*[】\]］]?$/;
const SECTION_HEADING = /^[【［\[]\s*(.+?)\s*[】］\]]$/;
const ITEM_MARK = /^[▲△]\s*/;
const LEAD_MARK = /^(?:[-*•·]\s*)?[★☆]\s*/;
const COLOPHON_FIELD = /^(报送|抄报|抄送|报|送|发)\s*[：:]\s*/;
const PRINTED_LINE = /^(.*?)\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*印\s*发\s*$/;
const COPIES_LINE = /^[（(]?\s*共印\s*(\d+)\s*份\s*[）)]?$/;
const DATE_AT_END = /^(.*?)\s*(\d{4}年\d{1,2}月\d{1,2}日)$/;
const MASTHEAD_EXTRAS = /^(?:内部资料|注意保存|内部刊物|内部资料[，,\s]*注意保存|秘密|机密|绝密)$/;
const UNIT_HEAD = /^([^，。；：:！？、\s]{2,16})[：:]\s*(.+)$/su;
const BOLD_HEAD = /^\*\*(.+?)\*\*[：:]?\s*(.*)$/su;

const squeeze = (text: string) => text.replace(/\s+/g, '');

function classify(line: string): LineKind {
  if (LEAD_HEADING.test(line)) return 'leadHeading';
  if (LEAD_MARK.test(line) && /[★☆]/.test(line.slice(0, 3))) return 'lead';
  if (SECTION_HEADING.test(line)) return 'heading';
  if (ITEM_MARK.test(line)) return 'item';
  if (COLOPHON_FIELD.test(line)) return 'colophon';
  if (PRINTED_LINE.test(line)) return 'printed';
  if (COPIES_LINE.test(line)) return 'copies';
  if (DOC_NUMBER_PATTERN.test(line) && visibleLength(line) <= 30) return 'docNumber';
  return 'text';
}

/** Short and not ending like a clause: a title, a subtitle or a headline rather than prose. */
function titleLike(text: string): boolean {
  return visibleLength(text) <= TITLE_MAX && !/[。；，、：:,;]$/.test(text.trim()) && !/^\*\*/.test(text);
}

/** Runs of a paragraph, with `**bold**` marks (Markdown-style extractions) turned into bold runs. */
export function runsOf(text: string): Run[] {
  if (!text.includes('**')) return [{ text }];
  const runs: Run[] = [];
  const parts = text.split(/\*\*/);
  if (parts.length % 2 === 0) return [{ text }];
  parts.forEach((part, index) => {
    if (part.length === 0) return;
    runs.push(index % 2 === 1 ? { text: part, bold: true } : { text: part });
  });
  return runs.length > 0 ? runs : [{ text: '' }];
}

function paragraphOf(text: string): Paragraph {
  const heading = headingLevelOf(text);
  const paragraph: Paragraph = { runs: runsOf(text) };
  if (heading !== null) paragraph.heading = heading;
  return paragraph;
}

/** Joins physical lines into units: a paragraph wrapped over lines (even over a page) becomes one unit. */
export function buildUnits(lines: readonly string[], wrapWidth: number | null): Unit[] {
  const units: Unit[] = [];
  const isFull = (line: string) => wrapWidth !== null && visibleLength(line) >= wrapWidth - 1;
  for (const line of lines) {
    const kind = classify(line);
    const previous = units.at(-1);
    if (previous && continues(previous, kind, line)) {
      // a colophon list without commas puts one recipient on each line
      const oneALine = previous.kind === 'colophon' && !previous.full && !endsMidSentence(previous.text) && !/[，,；;]/.test(previous.text.replace(COLOPHON_FIELD, ''));
      const separator = oneALine ? '，' : '';
      previous.text = joinWrapped(previous.text + separator, line);
      previous.lines.push(line);
      previous.full = isFull(line);
      // a line wrapped out of `…2023年7月` + `12日印发` only shows what it is once joined
      if (previous.kind === 'text' && PRINTED_LINE.test(previous.text)) previous.kind = 'printed';
      if (previous.kind === 'colophon' && PRINTED_LINE.test(previous.text)) units.splice(-1, 1, ...splitPrinted(previous));
      continue;
    }
    units.push({ kind, text: line, lines: [line], full: isFull(line) });
  }
  return units;
}

/** A headline that exactly filled its line swallows the paragraph under it; returns how many lines were the headline. */
function headlineCut(unit: Unit, leadTitles: readonly string[]): number {
  if (unit.lines.length < 2) return 0;
  if (unit.kind === 'item') {
    if (itemFromLine(unit.text).form !== 'ownLine' || titleLike(unit.text.replace(ITEM_MARK, ''))) return 0;
    let prefix = '';
    for (let k = 1; k < unit.lines.length; k++) {
      prefix = joinWrapped(prefix, unit.lines[k - 1]!);
      const head = prefix.replace(ITEM_MARK, '');
      if (!titleLike(head) || /[。；：，]/.test(head)) return 0;
      if (!titleLike(unit.lines.slice(k).reduce(joinWrapped))) return k;
    }
    return 0;
  }
  if (unit.kind !== 'text') return 0;
  const squeezed = squeeze(unit.text);
  let prefix = '';
  for (let k = 1; k < unit.lines.length && k <= 3; k++) {
    prefix += squeeze(unit.lines[k - 1]!);
    if (leadTitles.some((title) => title === prefix) && squeezed.length > prefix.length) return k;
  }
  return 0;
}

/** A 印发 line wrapped into the recipient list above it: the last lines that still hold the whole date are the 印发 line. */
function splitPrinted(unit: Unit): Unit[] {
  for (let k = unit.lines.length - 1; k > 0; k--) {
    const tail = unit.lines.slice(k).reduce(joinWrapped);
    if (!/\d{4}年\d{1,2}月\d{1,2}日\s*印\s*发$/.test(tail)) continue;
    const head = unit.lines.slice(0, k);
    return [
      { kind: 'colophon', lines: head, text: head.reduce(joinWrapped), full: false },
      { kind: 'printed', lines: unit.lines.slice(k), text: tail, full: false },
    ];
  }
  return [unit];
}

function splitUnit(unit: Unit, cut: number): [Unit, Unit] {
  const head = unit.lines.slice(0, cut);
  const rest = unit.lines.slice(cut);
  return [
    { kind: unit.kind, lines: head, text: head.reduce(joinWrapped), full: true },
    { kind: 'text', lines: rest, text: rest.reduce(joinWrapped), full: unit.full },
  ];
}

function continues(previous: Unit, kind: LineKind, line: string): boolean {
  if (kind !== 'text') return false;
  if (previous.kind === 'colophon') {
    if (previous.full || endsMidSentence(previous.text)) return true;
    // a list without commas has one recipient a line; a line with a colon or full stop is no recipient
    // with commas between recipients a line break is a wrap; without, each line holds one recipient
    return !/[：:。]/.test(line) && (/[，,；;]/.test(previous.text.replace(COLOPHON_FIELD, '')) || visibleLength(line) <= TITLE_MAX);
  }
  if (previous.kind === 'lead') return previous.full;
  if (previous.kind !== 'text' && previous.kind !== 'item') return false;
  if (previous.full) return !endsSentence(previous.text) || endsMidSentence(previous.text);
  if (endsMidSentence(previous.text)) return true;
  if (endsSentence(previous.text)) return false;
  // Unfinished prose carries on; a short unpunctuated line is a title or headline and stands alone.
  const body = previous.kind === 'item' ? previous.text.replace(ITEM_MARK, '') : previous.text;
  return !titleLike(body) && !(previous.kind === 'item' && titleLike(line));
}

interface Masthead {
  seriesName: string;
  issuer: string;
  date: string | null;
  number: number | null;
  year: number | null;
  totalNumber: number | null;
  docNumber: string | null;
  /** index of the first unit after the masthead */
  end: number;
}

function readMasthead(units: Unit[], warnings: string[]): Masthead {
  const masthead: Masthead = { seriesName: '', issuer: '', date: null, number: null, year: null, totalNumber: null, docNumber: null, end: 0 };
  const window = Math.min(units.length, 12);
  let numberAt = -1;
  for (let i = 0; i < window; i++) {
    const match = ISSUE_NUMBER_LINE.exec(squeeze(units[i]!.text));
    if (match) {
      numberAt = i;
      masthead.number = Number(match[2]);
      if (match[1]) masthead.year = Number(match[1]);
      if (match[3]) masthead.totalNumber = Number(match[3]);
      break;
    }
  }
  let cursor: number;
  if (numberAt >= 0) {
    const nameLines = units.slice(0, numberAt).map((unit) => unit.text).filter((text) => !MASTHEAD_EXTRAS.test(squeeze(text)));
    const docLine = nameLines.findIndex((text) => classify(text) === 'docNumber');
    if (docLine >= 0) masthead.docNumber = nameLines.splice(docLine, 1)[0]!.trim();
    masthead.seriesName = nameLines.map((text) => text.trim()).join('');
    cursor = numberAt + 1;
  } else {
    const nameAt = units.slice(0, 5).findIndex((unit) => /简报|动态|快报|通讯|信息|专报/.test(unit.text) && visibleLength(unit.text) <= 40);
    cursor = 0;
    if (nameAt >= 0) {
      masthead.seriesName = units[nameAt]!.text.trim();
      cursor = nameAt + 1;
    }
    warnings.push('未找到期号（如“第13期”），已按第1期处理');
  }
  // issuer and date: on one line, or on two; a document number may stand among them
  for (let i = cursor; i < Math.min(units.length, cursor + 4); i++) {
    const text = units[i]!.text.trim();
    const kind = classify(text);
    if (kind === 'docNumber') {
      masthead.docNumber = text;
      cursor = i + 1;
      continue;
    }
    if (kind !== 'text' || masthead.date !== null) break;
    const dated = DATE_AT_END.exec(text);
    if (dated) {
      if (dated[1]) masthead.issuer = dated[1].trim();
      masthead.date = parseChineseDate(dated[2]!);
      cursor = i + 1;
      break;
    }
    if (masthead.issuer || visibleLength(text) > TITLE_MAX || !titleLike(text)) break;
    const next = units[i + 1]?.text.trim() ?? '';
    if (!DATE_AT_END.test(next)) break;
    masthead.issuer = text;
    cursor = i + 1;
  }
  masthead.end = cursor;
  return masthead;
}

interface LeadRead {
  items: string[];
  end: number;
}

function readLead(units: Unit[], start: number): LeadRead {
  let cursor = start;
  const items: string[] = [];
  if (units[cursor]?.kind === 'leadHeading') cursor++;
  while (units[cursor]?.kind === 'lead') {
    items.push(units[cursor]!.text.replace(LEAD_MARK, '').trim());
    cursor++;
  }
  return { items, end: cursor };
}

/** Matches a run of title-like units against the 导读: which lines form the title, which the subtitle. */
function matchLead(lines: readonly string[], lead: readonly string[]): { title: string; subtitle?: string; used: number; leadIndex: number } | null {
  for (let leadIndex = 0; leadIndex < lead.length; leadIndex++) {
    const item = lead[leadIndex]!;
    const whole = squeeze(item);
    let joined = '';
    for (let count = 1; count <= Math.min(3, lines.length); count++) {
      joined += squeeze(lines[count - 1]!);
      if (joined === whole) return { title: item.trim(), used: count, leadIndex };
      const colon = item.search(/[：:]/);
      if (colon > 0 && squeeze(item.slice(0, colon)) === joined) {
        const wantedSubtitle = squeeze(item.slice(colon + 1));
        let subtitle = '';
        for (let more = count; more < Math.min(count + 2, lines.length); more++) {
          subtitle += squeeze(lines[more]!);
          if (subtitle === wantedSubtitle) {
            return { title: item.slice(0, colon).trim(), subtitle: item.slice(colon + 1).trim(), used: more + 1, leadIndex };
          }
        }
      }
    }
  }
  return null;
}

/** Without a 导读: two short lines are a wrapped title when the second is shorter, else title and subtitle. */
function guessTitle(lines: readonly string[]): { title: string; subtitle?: string; used: number } {
  const first = lines[0]!.trim();
  const second = lines[1]?.trim();
  if (second === undefined) return { title: first, used: 1 };
  if (/^[—－-]{1,2}/.test(second)) return { title: first, subtitle: second, used: 2 };
  if (visibleLength(second) < visibleLength(first) && visibleLength(first) >= 12) {
    const title = joinWrapped(first, second);
    const third = lines[2]?.trim();
    if (third !== undefined && /^[—－-]{1,2}/.test(third)) return { title, subtitle: third, used: 3 };
    return { title, used: 2 };
  }
  return { title: first, subtitle: second, used: 2 };
}

class BodyBuilder {
  readonly blocks: (ArticleBlock | NewsBlock)[] = [];
  private article: ArticleBlock | null = null;
  private section: NewsBlock | null = null;
  private item: NewsItem | null = null;
  /** paragraphs met before any article, kept for the first article (按语, 编者按) */
  private pending: Paragraph[] = [];

  startArticle(title: string, subtitle?: string): void {
    const article: ArticleBlock = { type: 'article', title, paragraphs: [] };
    if (subtitle) article.subtitle = subtitle;
    if (this.pending.length > 0 && this.blocks.every((block) => block.type !== 'article')) {
      article.paragraphs.push(...this.pending.splice(0));
    }
    this.blocks.push(article);
    this.article = article;
    this.section = null;
    this.item = null;
  }

  startSection(heading: string): void {
    this.section = { type: 'news', heading, items: [] };
    this.blocks.push(this.section);
    this.article = null;
    this.item = null;
  }

  get inSection(): boolean {
    return this.section !== null;
  }

  startItem(head: string, form: NewsItem['form'], firstText?: string): void {
    if (!this.section) this.startSection('');
    const item: NewsItem = { head, form, paragraphs: [] };
    if (firstText) item.paragraphs.push(paragraphOf(firstText));
    this.section!.items.push(item);
    this.item = item;
  }

  addParagraph(text: string): void {
    const paragraph = paragraphOf(text);
    if (this.item) this.item.paragraphs.push(paragraph);
    else if (this.article) this.article.paragraphs.push(paragraph);
    else if (this.section) this.startItem('', 'ownLine', text);
    else this.pending.push(paragraph);
  }

  /** Text that stands where nothing can hold it (among the colophon, say) goes to the nearest article. */
  addStray(text: string): void {
    const target = this.item ?? this.article ?? [...this.blocks].reverse().find((block): block is ArticleBlock => block.type === 'article');
    if (target) target.paragraphs.push(paragraphOf(text));
    else this.pending.push(paragraphOf(text));
  }

  finish(): (ArticleBlock | NewsBlock)[] {
    if (this.pending.length > 0) {
      const first = this.blocks.find((block): block is ArticleBlock => block.type === 'article');
      if (first) first.paragraphs.unshift(...this.pending);
      else this.blocks.unshift({ type: 'article', title: '', paragraphs: this.pending });
      this.pending = [];
    }
    return this.blocks;
  }
}

export function itemFromLine(text: string): { head: string; form: NewsItem['form']; rest: string } {
  const body = text.replace(ITEM_MARK, '').trim();
  const bold = BOLD_HEAD.exec(body);
  if (bold) return { head: bold[1]!.trim(), form: 'runIn', rest: bold[2]!.trim() };
  const unit = UNIT_HEAD.exec(body);
  if (unit) return { head: unit[1]!.trim(), form: 'colon', rest: unit[2]!.trim() };
  return { head: body, form: 'ownLine', rest: '' };
}

function splitRecipients(text: string): string[] {
  return text
    .split(/[，,；;]/)
    .map((entry) => entry.trim().replace(/[。.]$/, ''))
    .filter((entry) => entry.length > 0);
}

export function parseBulletinText(input: string, options: ParseOptions = {}): ParsedBulletin {
  const warnings: string[] = [];
  const lines = cleanLines(input);
  const units = buildUnits(lines, detectWrapWidth(lines));
  const masthead = readMasthead(units, warnings);
  const leadRead = readLead(units, masthead.end);
  const lead = leadRead.items;
  const unusedLead = new Set(lead.map((_, index) => index));
  const body = new BodyBuilder();
  const distribution: Issue['distribution'] = { report: [], send: [], issue: [] };
  let printed: Issue['printed'] = null;
  let copies: number | null = null;
  let docNumber = masthead.docNumber;
  let inColophon = false;

  const sectionHasMarks = (from: number) => {
    for (let i = from; i < units.length; i++) {
      const kind = units[i]!.kind;
      if (kind === 'item') return true;
      if (kind === 'heading' || kind === 'colophon') return false;
    }
    return false;
  };
  let sectionMarked = true;

  const leadTitles = lead.map((item) => squeeze(item.split(/[：:]/)[0]!)).concat(lead.map(squeeze));
  for (let i = leadRead.end; i < units.length; i++) {
    const cut = headlineCut(units[i]!, leadTitles);
    if (cut > 0) units.splice(i, 1, ...splitUnit(units[i]!, cut));
    const unit = units[i]!;
    const text = unit.text.trim();
    switch (unit.kind) {
      case 'leadHeading':
      case 'heading': {
        if (inColophon) {
          body.addStray(text);
          break;
        }
        const heading = (SECTION_HEADING.exec(text)?.[1] ?? text).trim();
        body.startSection(heading);
        sectionMarked = sectionHasMarks(i + 1);
        const leadIndex = lead.findIndex((item, index) => unusedLead.has(index) && squeeze(item) === squeeze(heading));
        if (leadIndex >= 0) unusedLead.delete(leadIndex);
        break;
      }
      case 'lead':
        body.addStray(text.replace(LEAD_MARK, ''));
        break;
      case 'item': {
        if (inColophon) {
          body.addStray(text);
          break;
        }
        let { head, form, rest } = itemFromLine(text);
        // a headline on a line of its own may wrap onto a second short line
        while (form === 'ownLine' && units[i + 1]?.kind === 'text' && titleLike(units[i + 1]!.text) && units[i + 2] && !titleLike(units[i + 2]!.text)) {
          head = joinWrapped(head, units[i + 1]!.text.trim());
          i++;
        }
        body.startItem(head, form, rest || undefined);
        break;
      }
      case 'colophon': {
        inColophon = true;
        const match = COLOPHON_FIELD.exec(text)!;
        const field = match[1] === '报' || match[1] === '报送' || match[1] === '抄报' ? 'report' : match[1] === '发' ? 'issue' : 'send';
        distribution[field].push(...splitRecipients(text.slice(match[0].length)));
        break;
      }
      case 'printed': {
        inColophon = true;
        const match = PRINTED_LINE.exec(text)!;
        const date = parseChineseDate(match[2]!);
        if (date) printed = { by: match[1]!.trim() || masthead.issuer, date };
        else body.addStray(text);
        break;
      }
      case 'copies':
        copies = Number(COPIES_LINE.exec(text)![1]);
        break;
      case 'docNumber':
        if (docNumber === null) docNumber = text;
        else body.addStray(text);
        break;
      case 'text': {
        if (inColophon) {
          body.addStray(text);
          break;
        }
        if (!titleLike(text) || headingLevelOf(text) !== null) {
          const unitHead = body.inSection && !sectionMarked ? UNIT_HEAD.exec(text) : null;
          if (unitHead) body.startItem(unitHead[1]!.trim(), 'colon', unitHead[2]!.trim());
          else body.addParagraph(text);
          break;
        }
        // a run of short unpunctuated lines followed by prose: a title (and subtitle) or a headline
        const run: string[] = [];
        for (let j = i; j < units.length && run.length < 3 && units[j]!.kind === 'text' && titleLike(units[j]!.text); j++) {
          run.push(units[j]!.text.trim());
        }
        const followedByProse = units[i + run.length]?.kind === 'text';
        const matched = matchLead(run, lead.filter((_, index) => unusedLead.has(index)));
        if (matched) {
          const leadIndex = [...unusedLead][matched.leadIndex]!;
          unusedLead.delete(leadIndex);
          body.startArticle(matched.title, matched.subtitle);
          i += matched.used - 1;
        } else if (!followedByProse && run.length === 1) {
          body.addParagraph(text);
        } else if (body.inSection) {
          if (lead.length > 0 || !sectionMarked) {
            const used = run.length > 1 && visibleLength(run[1]!) < visibleLength(run[0]!) ? 2 : 1;
            if (sectionMarked) body.addParagraph(text);
            else {
              body.startItem(run.slice(0, used).reduce(joinWrapped), 'ownLine');
              i += used - 1;
            }
          } else body.addParagraph(text);
        } else if (lead.length > 0) {
          body.addParagraph(text);
        } else {
          const guess = guessTitle(run);
          body.startArticle(guess.title, guess.subtitle);
          i += guess.used - 1;
        }
        break;
      }
    }
  }

  const blocks = body.finish();
  const date = masthead.date ?? printed?.date ?? null;
  if (masthead.date === null) warnings.push(date ? '报头未写日期，已取印发日期' : '未找到日期，已取今天的日期');
  const isoDate = date ?? options.today ?? todayIso();
  if (!masthead.seriesName) warnings.push('未找到刊物名称');
  if (unusedLead.size > 0) warnings.push(`导读中有${unusedLead.size}条在正文中找不到对应标题`);

  const yearly = masthead.totalNumber !== null || masthead.year !== null;
  const issue: Issue = {
    format: ISSUE_FORMAT,
    series: { name: masthead.seriesName || '未命名简报', issuer: masthead.issuer, numbering: yearly ? 'yearly-with-total' : 'sequential' },
    number: masthead.number ?? 1,
    year: masthead.year ?? Number(isoDate.slice(0, 4)),
    totalNumber: yearly ? (masthead.totalNumber ?? masthead.number ?? 1) : null,
    date: isoDate,
    docNumber,
    status: 'issued',
    blocks: [{ type: 'lead', items: deriveLead(blocks) }, ...blocks],
    distribution,
    printed,
    copies,
  };
  return { issue, warnings, setAside: [], found: { seriesName: masthead.seriesName !== '', number: masthead.number !== null, date: masthead.date !== null, docNumber: docNumber !== null } };
}

/** Lines as the parser reads them: a bold head run into plain text is marked `**head**`. */
function lineText(line: SourceLine): string {
  const runs = line.runs;
  if (!runs || runs.length < 2 || !runs[0]!.bold || runs.every((run) => run.bold)) return line.text;
  let head = 0;
  while (head < runs.length && (runs[head]!.bold || runs[head]!.text.trim() === '')) head++;
  const bold = runs.slice(0, head).map((run) => run.text).join('');
  const rest = runs.slice(head).map((run) => run.text).join('');
  return bold.trim() && rest.trim() ? `**${bold.trim()}**${rest}` : line.text;
}

/** Reads a bulletin from the lines a file reader gave. */
export function parseBulletin(source: SourceDocument, options: ParseOptions = {}): ParsedBulletin {
  const separator = source.unit === 'paragraphs' ? '\n\n' : '\n';
  return parseBulletinText(source.lines.map(lineText).join(separator), options);
}
