// Reads the masthead from the first lines: the 期号 line chosen by scoring every candidate (alone or
// inside a line, Arabic or Chinese numerals, with a running total), the series name above it, the issuer
// and date after it (one line or two, glued or spaced), a document number among them, and web-page
// chrome before it set aside.
import { visibleLength } from '../text/lines.ts';
import { chromeDate, isChromeLine, leadingChromeEnd } from './chrome.ts';
import {
  DATE_SOURCE,
  ISSUE_NUMBER,
  LEAD_HEADING,
  MASTHEAD_EXTRAS,
  SERIES_NAME_END,
  STAR_MARK,
  TOTAL_NUMBER,
  TITLE_MAX,
  isDocNumber,
  isoDateOf,
  numberOf,
  squeeze,
  titleLike,
} from './matchers.ts';
import type { Line } from './units.ts';

export interface Masthead {
  seriesName: string;
  issuer: string;
  date: string | null;
  number: number | null;
  year: number | null;
  totalNumber: number | null;
  docNumber: string | null;
  /** index of the first line after the masthead */
  end: number;
  /** lines before the masthead that are no part of the bulletin (web-page chrome, a page title) */
  setAside: string[];
  /** a date the web page states (发布时间), for when the masthead has none */
  pageDate: string | null;
}

const WINDOW = 25;
const DATE_ANYWHERE = new RegExp(DATE_SOURCE);
const DATE_AT_END = new RegExp(`^(.*?)\\s*(${DATE_SOURCE})\\s*(?:编印|编|印发|出版)?$`);
const DATE_AT_START = new RegExp(`^(${DATE_SOURCE})\\s+(\\S.{1,40})$`);
const ISSUER_LABEL = /^(?:主办|编印|编发|主编|承办|编辑单位|编印单位|主办单位)\s*[：:]\s*/;
const ISSUER_SUFFIX = /\s*(?:编印|编发|编|主办|印发)$/;

function isExtra(text: string): boolean {
  return MASTHEAD_EXTRAS.test(squeeze(text)) || /^(?:内部资料|注意保存|秘密|机密)[\s，,、]/.test(text) && MASTHEAD_EXTRAS.test(squeeze(text).replace(/[，,、]/g, ''));
}

interface NumberCandidate {
  index: number;
  number: number;
  year: number | null;
  totalNumber: number | null;
  /** text before and after the 期号 on its line */
  before: string;
  after: string;
  score: number;
}

function numberCandidates(lines: readonly Line[], from: number): NumberCandidate[] {
  const candidates: NumberCandidate[] = [];
  for (let i = from; i < Math.min(lines.length, from + WINDOW); i++) {
    const line = lines[i]!;
    const text = line.text;
    if (STAR_MARK.test(text) || LEAD_HEADING.test(text)) break;
    if (visibleLength(text) > 60) continue;
    const match = ISSUE_NUMBER.exec(text);
    if (!match) continue;
    const number = numberOf(match[2]!);
    if (number === null || number < 1 || number > 100000) continue;
    const before = text.slice(0, match.index).trim();
    const after = text.slice(match.index + match[0].length).trim();
    let score = 0;
    const bareBefore = before.replace(/[（(【［\[]\s*$/, '');
    if (bareBefore === '' && (after === '' || /^[）)】］\]]$/.test(after))) score += 4;
    else if (SERIES_NAME_END.test(bareBefore) || /(?:简报|专报|动态|信息|快报|通讯|要情)/.test(bareBefore)) score += 3;
    else if (bareBefore.length <= 6) score += 1;
    if (DATE_ANYWHERE.test(after)) score += 2;
    else if (after !== '' && !/^[）)】］\]]?$/.test(after)) score -= 1;
    for (let k = i + 1; k <= i + 3 && k < lines.length; k++) if (DATE_ANYWHERE.test(lines[k]!.text) && visibleLength(lines[k]!.text) <= 60) score += 2;
    for (let k = Math.max(from, i - 3); k < i; k++) if (SERIES_NAME_END.test(squeeze(lines[k]!.text)) || lines[k]!.red) score += 1;
    // a page title such as 某某简报（第13期） before the masthead prints the number in brackets
    if (/[（(]\s*$/.test(before)) score -= 2;
    if (/。$/.test(text) || visibleLength(before) > TITLE_MAX) score -= 3;
    const total = match[3] ? numberOf(match[3]) : null;
    candidates.push({ index: i, number, year: match[1] ? numberOf(match[1]) : null, totalNumber: total, before, after, score });
  }
  return candidates;
}

/** Issuer and date from one line: `某某办公室 2023年7月12日`, `某某办公室2023年7月12日`, `2023年7月12日`. */
function issuerAndDate(text: string): { issuer: string; date: string } | null {
  const first = DATE_AT_START.exec(text.trim());
  if (first && titleLike(first[2]!) && !ISSUE_NUMBER.test(first[2]!)) {
    const date = isoDateOf(first[1]!);
    if (date) return { issuer: first[2]!.replace(ISSUER_LABEL, '').replace(ISSUER_SUFFIX, '').trim(), date };
  }
  const match = DATE_AT_END.exec(text.trim());
  if (!match) return null;
  const date = isoDateOf(match[2]!);
  if (!date) return null;
  return { issuer: match[1]!.replace(ISSUER_LABEL, '').replace(ISSUER_SUFFIX, '').trim(), date };
}

function nameIn(text: string): string {
  return text.replace(/[（(【［\[]\s*$/, '').trim();
}

export function readMasthead(lines: readonly Line[], warnings: string[]): Masthead {
  const masthead: Masthead = { seriesName: '', issuer: '', date: null, number: null, year: null, totalNumber: null, docNumber: null, end: 0, setAside: [], pageDate: null };
  const texts = lines.map((line) => line.text);
  const candidates = numberCandidates(lines, 0);
  const best = candidates.reduce<NumberCandidate | null>((chosen, candidate) => (chosen === null || candidate.score > chosen.score ? candidate : chosen), null);
  const usable = best !== null && best.score >= 1 ? best : null;

  const limit = usable ? usable.index : Math.min(lines.length, 8);
  let start = leadingChromeEnd(texts, limit);
  for (let i = 0; i < start; i++) {
    masthead.setAside.push(lines[i]!.raw);
    const pageDate = chromeDate(texts[i]!);
    if (pageDate && masthead.pageDate === null) masthead.pageDate = isoDateOf(pageDate);
  }

  let cursor: number;
  if (usable) {
    masthead.number = usable.number;
    masthead.year = usable.year;
    masthead.totalNumber = usable.totalNumber;
    // the series name: the lines just above the number (up to three), and the words before it on its line
    const above: string[] = [];
    let firstAbove = usable.index;
    for (let i = usable.index - 1; i >= start && above.length < 3; i--) {
      firstAbove = i;
      const text = texts[i]!;
      if (isExtra(text)) continue;
      if (isDocNumber(text)) {
        masthead.docNumber ??= text.trim();
        continue;
      }
      if (isChromeLine(text) || visibleLength(text) > TITLE_MAX + 6 || /[。！？]$/.test(text)) {
        firstAbove = i + 1;
        break;
      }
      // 某某办公室编 or 主办：某某 above the number is the issuer, not the name
      if ((ISSUER_LABEL.test(text) || /(?:编印|编发|编|主办)$/.test(text)) && !SERIES_NAME_END.test(text)) {
        if (!masthead.issuer) masthead.issuer = text.replace(ISSUER_LABEL, '').replace(ISSUER_SUFFIX, '').trim();
        continue;
      }
      // a page title repeating the number (某某简报（第13期）) is no part of the masthead
      if (ISSUE_NUMBER.test(text)) {
        firstAbove = i + 1;
        break;
      }
      above.unshift(text.trim());
    }
    for (let i = leadingChromeEnd(texts, limit); i < usable.index; i++) {
      if (i >= firstAbove) break;
      const text = texts[i]!;
      if (!isExtra(text) && !isDocNumber(text)) masthead.setAside.push(lines[i]!.raw);
    }
    const inLine = nameIn(usable.before);
    masthead.seriesName = [...above.filter((text) => !isExtra(text) && !isDocNumber(text)), inLine].filter(Boolean).join('');
    cursor = usable.index + 1;
    const sameLine = usable.after.replace(/^[）)】］\]]/, '').trim();
    const dated = sameLine ? issuerAndDate(sameLine) : null;
    if (dated) {
      masthead.date = dated.date;
      if (dated.issuer) masthead.issuer = dated.issuer;
    }
  } else {
    const nameAt = lines.slice(start, start + 6).findIndex((line) => (SERIES_NAME_END.test(squeeze(line.text)) || line.red) && visibleLength(line.text) <= TITLE_MAX && !/[。，]/.test(line.text));
    cursor = start;
    if (nameAt >= 0) {
      for (let i = start; i < start + nameAt; i++) if (!isExtra(texts[i]!)) masthead.setAside.push(lines[i]!.raw);
      masthead.seriesName = texts[start + nameAt]!.trim();
      cursor = start + nameAt + 1;
    }
    warnings.push('未找到期号（如“第13期”），已按第1期处理');
  }

  // after the number: a running total, a document number, the issuer and the date (one line or two)
  const issuerLines: string[] = [];
  for (let i = cursor; i < Math.min(lines.length, cursor + 5) && masthead.date === null; i++) {
    const text = texts[i]!.trim();
    if (isExtra(text)) {
      cursor = i + 1;
      continue;
    }
    const total = TOTAL_NUMBER.exec(squeeze(text));
    if (total && masthead.totalNumber === null) {
      masthead.totalNumber = numberOf(total[1]!);
      cursor = i + 1;
      continue;
    }
    if (isDocNumber(text)) {
      masthead.docNumber ??= text;
      cursor = i + 1;
      continue;
    }
    if (STAR_MARK.test(text) || LEAD_HEADING.test(text) || visibleLength(text) > 60) break;
    const dated = issuerAndDate(text);
    if (dated) {
      const issuer = issuerLines.join('') + dated.issuer;
      if (issuer) masthead.issuer = issuer;
      masthead.date = dated.date;
      cursor = i + 1;
      break;
    }
    // the issuer on a line (or two) of its own above the date
    const next = texts[i + 1]?.trim() ?? '';
    const afterNext = texts[i + 2]?.trim() ?? '';
    const labelled = ISSUER_LABEL.test(text);
    if (!labelled && (!titleLike(text) || (issuerLines.length > 0 && !issuerAndDate(next)))) break;
    if (issuerAndDate(next) || labelled || (titleLike(next) && !issuerAndDate(next) && issuerAndDate(afterNext) && visibleLength(next) <= 24)) {
      issuerLines.push(text.replace(ISSUER_LABEL, '').replace(ISSUER_SUFFIX, '').trim());
      masthead.issuer = issuerLines.join('');
      cursor = i + 1;
      continue;
    }
    break;
  }
  masthead.end = cursor;
  return masthead;
}
