// Reads the body after the 导读: articles (their titles found through the 导读 where there is one, else
// by their look), news sections and items in every marking offices use, and the colophon at the end.
import type { ArticleBlock, Issue, NewsBlock, NewsItem } from '../model/issue.ts';
import { parseChineseDate } from '../format/chinese.ts';
import { joinWrapped, visibleLength } from '../text/lines.ts';
import { SUBTITLE_DASH } from '../model/lead.ts';
import { BodyBuilder } from './body-builder.ts';
import { headingLevelOf } from './heading-level.ts';
import {
  BRACKETED_HEADING,
  COLOPHON_FIELD,
  COPIES_LINE,
  ITEM_MARK,
  LEAD_MARK,
  NUMBERED_HEADING,
  PRINTED_LINE,
  SOFT_ITEM_MARK,
  SYMBOL_HEADING,
  comparable,
  comparableChar,
  isoDateOf,
  titleLike,
} from './matchers.ts';
import { splitUnit, unitOf, type Unit } from './units.ts';

export interface BodyRead {
  blocks: (ArticleBlock | NewsBlock)[];
  distribution: Issue['distribution'];
  printed: Issue['printed'];
  copies: number | null;
  docNumber: string | null;
  /** 导读 entries no title or section in the body answered */
  unusedLead: number;
}

const UNIT_HEAD = /^([^，。；：:！？、\s]{2,16})[：:]\s*(.+)$/su;
const BOLD_HEAD = /^\*\*(.+?)\*\*([：:]?)\s*(.*)$/su;
/** what is printed under a table or photo about it */
const ELEMENT_NOTE = /^[（(]?(?:注|备注|说明|数据来源|资料来源|来源|单位)\s*[：:]/;

export function itemFromLine(text: string): { head: string; form: NewsItem['form']; rest: string } {
  const body = text.replace(ITEM_MARK, '').replace(SOFT_ITEM_MARK, '').trim();
  const bold = BOLD_HEAD.exec(body);
  if (bold) return { head: bold[1]!.trim(), form: bold[2] ? 'colon' : 'runIn', rest: bold[3]!.trim() };
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

function sectionHeadingOf(text: string): string | null {
  const match = BRACKETED_HEADING.exec(text) ?? SYMBOL_HEADING.exec(text);
  return match ? match[1]!.trim() : null;
}

/** Matches a run of title-like units against the 导读: which lines form the title, which the subtitle. */
function matchLead(lines: readonly string[], lead: readonly string[]): { title: string; subtitle?: string; used: number; leadIndex: number } | null {
  const forms = lines.slice(0, 3).map(comparable);
  for (let leadIndex = 0; leadIndex < lead.length; leadIndex++) {
    const item = lead[leadIndex]!;
    const whole = comparableOf(item);
    // most entries share no start with these lines: skip them without more work
    if (!forms[0] || !whole.startsWith(forms[0])) continue;
    let joined = '';
    for (let count = 1; count <= Math.min(3, lines.length); count++) {
      joined += forms[count - 1]!;
      if (joined === whole) {
        // a subtitle printed under the title but left out of the 导读 entry
        const next = lines[count];
        if (next !== undefined && SUBTITLE_DASH.test(next.trim())) return { title: item.trim(), subtitle: next.trim(), used: count + 1, leadIndex };
        return { title: item.trim(), used: count, leadIndex };
      }
      const colon = item.search(/[：:]/);
      if (colon > 0 && comparableOf(item.slice(0, colon)) === joined) {
        const wantedSubtitle = comparable(item.slice(colon + 1));
        let subtitle = '';
        for (let more = count; more < Math.min(count + 2, lines.length); more++) {
          // the body may print the subtitle after a dash (——关于…的调研) that the 导读 leaves out
          subtitle += comparable(more === count ? lines[more]!.trim().replace(SUBTITLE_DASH, '') : lines[more]!);
          if (subtitle === wantedSubtitle) {
            const printed = lines.slice(count, more + 1).reduce(joinWrapped).trim();
            return { title: item.slice(0, colon).trim(), subtitle: SUBTITLE_DASH.test(printed) ? printed : item.slice(colon + 1).trim(), used: more + 1, leadIndex };
          }
        }
        return { title: item.slice(0, colon).trim(), used: count, leadIndex };
      }
    }
  }
  return null;
}

const comparableForms = new Map<string, string>();
/** comparable(), remembered: the 导读 entries are compared with many lines */
function comparableOf(text: string): string {
  let form = comparableForms.get(text);
  if (form === undefined) {
    if (comparableForms.size > 10_000) comparableForms.clear();
    form = comparable(text);
    comparableForms.set(text, form);
  }
  return form;
}

/** Without a 导读: two short lines are a wrapped title when the second is shorter, else title and subtitle. */
function guessTitle(lines: readonly string[]): { title: string; subtitle?: string; used: number } {
  const first = lines[0]!.trim();
  const second = lines[1]?.trim();
  if (second === undefined) return { title: first, used: 1 };
  if (SUBTITLE_DASH.test(second)) return { title: first, subtitle: second, used: 2 };
  if (visibleLength(second) < visibleLength(first) && visibleLength(first) >= 12) {
    const title = joinWrapped(first, second);
    const third = lines[2]?.trim();
    if (third !== undefined && SUBTITLE_DASH.test(third)) return { title, subtitle: third, used: 3 };
    return { title, used: 2 };
  }
  return { title: first, subtitle: second, used: 2 };
}

/**
 * Where a 导读 title (or its part before the colon) starts a line inside a unit, or is glued after a full
 * stop. Every open title is looked for at line starts; only the next few in 导读 order inside the text.
 */
function titleCut(unit: Unit, titles: ReadonlySet<string>, nextTitles: readonly string[]): { lineCut: number } | { at: number; length: number } | null {
  if (unit.kind !== 'text' && unit.kind !== 'item') return null;
  // at a line boundary: the lines from there on start with a title
  for (let k = 0; k < unit.lines.length; k++) {
    let joined = '';
    for (let count = 1; count <= 3 && k + count <= unit.lines.length; count++) {
      joined += comparable(unit.lines[k + count - 1]!);
      if (titles.has(joined)) {
        if (k > 0) return { lineCut: k };
        if (k + count < unit.lines.length) return { lineCut: count };
      }
    }
  }
  // glued: …贡献。省第四生态环境保护督察组召开专题座谈会7月11日，…
  const chars = [...unit.text];
  const mapped = chars.map(comparableChar);
  const flat = mapped.join('');
  /** for each position in `flat`, the index of the char it came from */
  const origin: number[] = [];
  mapped.forEach((piece, index) => {
    for (let k = 0; k < piece.length; k++) origin.push(index);
  });
  for (const title of nextTitles) {
    const target = [...title].map(comparableChar).join('');
    if ([...target].length < 6) continue;
    for (let found = flat.indexOf(target); found >= 0; found = flat.indexOf(target, found + 1)) {
      const start = origin[found]!;
      const end = origin[found + target.length - 1]! + 1;
      const before = chars.slice(Math.max(0, start - 3), start).join('').trimEnd();
      if (start > 0 && !/[。！？”]$/.test(before)) continue;
      if (start === 0 && end >= chars.length) continue;
      return { at: chars.slice(0, start).join('').length, length: chars.slice(start, end).join('').length };
    }
  }
  return null;
}

export function readBody(units: Unit[], start: number, lead: readonly string[]): BodyRead {
  const unusedLead = new Set(lead.map((_, index) => index));
  const body = new BodyBuilder();
  const distribution: Issue['distribution'] = { report: [], send: [], issue: [] };
  let printed: Issue['printed'] = null;
  let copies: number | null = null;
  let docNumber: string | null = null;
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
  const titleForms = lead.map((entry) => [comparable(entry), comparable(entry.split(/[：:]/)[0]!)]);
  let openTitles: { all: Set<string>; next: string[] } | null = null;
  const leadTitles = () => {
    openTitles ??= {
      all: new Set([...unusedLead].flatMap((index) => titleForms[index]!)),
      next: [...unusedLead].slice(0, 3).flatMap((index) => titleForms[index]!),
    };
    return openTitles;
  };
  const useLead = (index: number) => {
    unusedLead.delete(index);
    openTitles = null;
  };
  const leadIndexOf = (text: string) => {
    const form = comparable(text);
    return [...unusedLead].find((index) => titleForms[index]![0] === form);
  };
  const isSection = (index: number, text: string): string | null => {
    const marked = sectionHeadingOf(text);
    if (marked !== null) return marked;
    const numbered = NUMBERED_HEADING.exec(text);
    if (!numbered || !titleLike(numbered[2]!)) return null;
    // 一、县市区动态 is a section when the 导读 names it or items follow it; else a heading in an article
    if (leadIndexOf(numbered[2]!) !== undefined) return numbered[2]!.trim();
    const next = units[index + 1];
    if (next && (next.kind === 'item' || (next.kind === 'text' && UNIT_HEAD.test(next.text) && !body.inSection))) return numbered[2]!.trim();
    return null;
  };
  /** the mark the current section's heading was printed with */
  let sectionMark = '';
  /** ●安化县… is an item when its section's heading was marked otherwise, or when the 导读 does not name it and no items follow */
  const symbolIsItem = (index: number, text: string, heading: string): boolean => {
    const mark = text.trim()[0]!;
    if (!/[●◆■◎]/.test(mark)) return false;
    if (leadIndexOf(heading) !== undefined) return false;
    const next = units[index + 1];
    const after = units[index + 2];
    // a section heading has an item under it: marked, numbered, or a headline on its own line over its text
    // (an item's own-line head has its text straight under it)
    const itemFollows =
      next !== undefined &&
      (next.kind === 'item' || (next.kind === 'text' && (SOFT_ITEM_MARK.test(next.text) || (titleLike(next.text) && after?.kind === 'text' && !titleLike(after.text)))));
    if (itemFollows) return false;
    if (body.inSection && sectionMark !== mark) return true;
    if (next && next.kind === 'heading' && next.text.trim()[0] !== mark) return false;
    return body.inSection || lead.length > 0;
  };
  const startSection = (heading: string, index: number) => {
    body.startSection(heading);
    sectionMarked = sectionHasMarks(index + 1);
    const leadIndex = leadIndexOf(heading);
    if (leadIndex !== undefined) useLead(leadIndex);
  };

  for (let i = start; i < units.length; i++) {
    if (!inColophon && lead.length > 0) {
      const open = leadTitles();
      const cut = titleCut(units[i]!, open.all, open.next);
      if (cut && 'lineCut' in cut) units.splice(i, 1, ...splitUnit(units[i]!, cut.lineCut));
      else if (cut) {
        const text = units[i]!.text;
        const pieces = [text.slice(0, cut.at), text.slice(cut.at, cut.at + cut.length), text.slice(cut.at + cut.length)].filter((piece) => piece.trim().length > 0);
        units.splice(i, 1, ...pieces.map((piece, index) => unitOf(piece.trim(), index === 0 && cut.at === 0 ? 'text' : undefined)));
      }
    }
    const unit = units[i]!;
    const text = unit.text.trim();
    if (!inColophon && unit.kind === 'text') {
      const heading = isSection(i, text);
      if (heading !== null) {
        startSection(heading, i);
        sectionMark = '一';
        continue;
      }
    }
    switch (unit.kind) {
      case 'element':
        // a table or photo belongs to the article or item it stands in; it never starts or titles one
        if (inColophon) body.addStrayElement(unit.element!);
        else body.addElement(unit.element!);
        break;
      case 'leadHeading':
      case 'heading': {
        if (inColophon) {
          body.addStray(text);
          break;
        }
        const heading = sectionHeadingOf(text) ?? text;
        if (symbolIsItem(i, text, heading)) {
          const { head, form, rest } = itemFromLine(text.replace(/^[●◆■◎]\s*/, ''));
          body.startItem(head, form, rest || undefined);
          break;
        }
        startSection(heading, i);
        sectionMark = text.trim()[0] ?? '';
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
        // an own-line headline that swallowed the start of its text: cut where the head stops being a title
        if (form === 'ownLine' && !titleLike(head) && unit.lines.length > 1) {
          const cut = ownLineHeadCut(unit);
          if (cut > 0) {
            head = unit.lines.slice(0, cut).reduce(joinWrapped).replace(ITEM_MARK, '').trim();
            rest = unit.lines.slice(cut).reduce(joinWrapped);
          }
        }
        body.startItem(head, form, rest || undefined);
        break;
      }
      case 'colophon': {
        inColophon = true;
        const match = COLOPHON_FIELD.exec(text)!;
        // 报、报送、抄报 go up; 发 and 分送 hand the issue out; 送、抄送、主送 send it across
        const field = /报/.test(match[1]!) ? 'report' : match[1] === '发' || match[1] === '分送' ? 'issue' : 'send';
        distribution[field].push(...splitRecipients(text.slice(match[0].length)));
        break;
      }
      case 'printed': {
        inColophon = true;
        const match = PRINTED_LINE.exec(text)!;
        const date = isoDateOf(match[2]!) ?? parseChineseDate(match[2]!);
        if (date) printed = { by: match[1]!.trim(), date };
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
        // a note under a table or photo (数据来源：市信访局) belongs to it, whatever it looks like
        if (units[i - 1]?.kind === 'element' && ELEMENT_NOTE.test(text)) {
          body.addParagraph(text);
          break;
        }
        // in a section whose items carry no ▲: 安化县：… and ● or numbered items
        if (body.inSection && !sectionMarked && (SOFT_ITEM_MARK.test(text) || BOLD_HEAD.test(text))) {
          const { head, form, rest } = itemFromLine(text);
          body.startItem(head, form, rest || undefined);
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
        for (let j = i; j < units.length && run.length < 3 && units[j]!.kind === 'text' && titleLike(units[j]!.text) && headingLevelOf(units[j]!.text) === null; j++) {
          run.push(units[j]!.text.trim());
        }
        const followedByProse = units[i + run.length]?.kind === 'text';
        const open = [...unusedLead];
        const matched = matchLead(run, open.map((index) => lead[index]!));
        if (matched) {
          useLead(open[matched.leadIndex]!);
          body.startArticle(matched.title, matched.subtitle);
          i += matched.used - 1;
        } else if (!followedByProse && run.length === 1 && !unit.styledTitle) {
          body.addParagraph(text);
        } else if (body.inSection) {
          // after a news section: a title in the look of one, or an unmarked title among ▲ items, starts an article
          const unitLedItems = body.sectionItems.length > 0 && body.sectionItems.every((item) => item.form !== 'ownLine');
          const articleAfterNews = lead.length === 0 && (unit.styledTitle || sectionMarked || unitLedItems) && followedByProse && !isItemLike(text, body.sectionItems);
          if (articleAfterNews) {
            const guess = guessTitle(run);
            body.startArticle(guess.title, guess.subtitle);
            i += guess.used - 1;
          } else if (lead.length > 0 || !sectionMarked) {
            const used = run.length > 1 && visibleLength(run[1]!) < visibleLength(run[0]!) ? 2 : 1;
            if (sectionMarked) body.addParagraph(text);
            else {
              body.startItem(run.slice(0, used).reduce(joinWrapped), 'ownLine');
              i += used - 1;
            }
          } else body.addParagraph(text);
        } else if (lead.length > 0 && !(unit.styledTitle && body.articleEmpty === false && followedByProse)) {
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
  // a body that lost its titles: the 导读's unanswered entries title its untitled articles, in order
  const openEntries = [...unusedLead].filter((index) => !blocks.some((block) => block.type === 'news' && comparable(block.heading) === comparable(lead[index]!)));
  for (const block of blocks) {
    if (block.type !== 'article' || block.title.trim() !== '' || openEntries.length === 0) continue;
    const entry = lead[openEntries.shift()!]!;
    unusedLead.delete(lead.indexOf(entry));
    const colon = entry.search(/[：:]/);
    block.title = colon > 0 ? entry.slice(0, colon).trim() : entry.trim();
    if (colon > 0) block.subtitle = entry.slice(colon + 1).trim();
  }
  return { blocks, distribution, printed, copies, docNumber, unusedLead: unusedLead.size };
}

/** Another unit-led item (安化县：…) among items that are all unit-led. */
function isItemLike(text: string, items: readonly NewsItem[]): boolean {
  return items.length > 0 && items.every((item) => item.form === 'colon') && UNIT_HEAD.test(text);
}

/** How many lines of a ▲ unit were its headline, when the headline is followed by text in the same unit. */
function ownLineHeadCut(unit: Unit): number {
  let prefix = '';
  for (let k = 1; k < unit.lines.length; k++) {
    prefix = joinWrapped(prefix, unit.lines[k - 1]!);
    const head = prefix.replace(ITEM_MARK, '');
    // a comma in a headline only when its line ended short of the others (a line end, not a wrap)
    const endedShort = visibleLength(unit.lines[k - 1]!) < Math.max(...unit.lines.map(visibleLength)) - 3;
    if (!titleLike(head) || /[。；：]/.test(head) || (/[，,]/.test(head) && !endedShort)) return 0;
    if (!titleLike(unit.lines.slice(k).reduce(joinWrapped))) return k;
  }
  return 0;
}
