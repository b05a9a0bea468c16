// What the review of an imported file works with, apart from React: the clerk's draft (the issue with
// their corrections and the series it goes into), where that draft is filed, and the read-only facts
// the review lists (articles, news sections, colophon counts, facts the text did not give).
import type { ApiInput } from '../../shared/api/contract.ts';
import type { ImportPreview, SeriesRecord } from '../../shared/api/records.ts';
import type { FoundFacts } from '../../shared/import/source.ts';
import { isRealDate, type Issue } from '../../shared/model/issue.ts';

/** The series the clerk chose: an existing one, or a new one of this name. */
export type ReviewTarget = { kind: 'existing'; seriesId: number } | { kind: 'new'; name: string };

export interface ReviewDraft {
  issue: Issue;
  target: ReviewTarget;
}

export const VIA_LABELS: Record<ImportPreview['via'], string> = {
  text: '纯文本',
  docx: 'Word 文档（.docx）',
  doc: 'Word 97–2003 文档（.doc）',
  pdf: 'PDF 文件',
  html: '网页',
  canonical: '简报数据（原样读入）',
};

const NOT_FOUND = '未在文中找到，请核对';

/** The draft a review starts from: the issue as read, into the series the preview names. */
export function draftOf(preview: ImportPreview): ReviewDraft {
  return {
    issue: preview.issue,
    target: preview.series.id !== null ? { kind: 'existing', seriesId: preview.series.id } : { kind: 'new', name: preview.series.name },
  };
}

/** An existing series of this name (the archive's names are unique), for a new name the clerk typed or an earlier file created. */
export function seriesNamed(series: readonly SeriesRecord[], name: string): SeriesRecord | null {
  const wanted = name.trim();
  return wanted ? (series.find((record) => record.settings.name === wanted) ?? null) : null;
}

/** Why the draft cannot be filed yet, in Chinese; null when it can. */
export function draftProblem(draft: ReviewDraft, series: readonly SeriesRecord[]): string | null {
  const { target } = draft;
  if (target.kind === 'new' && !target.name.trim()) return '请填写新刊物的名称，或选择已有的刊物';
  if (target.kind === 'existing' && !series.some((record) => record.id === target.seriesId)) return '所选刊物已不存在，请重新选择';
  if (!isRealDate(draft.issue.date)) return '日期有误，请改正';
  if (draft.issue.series.numbering === 'yearly-with-total' && draft.issue.totalNumber === null) return '请填写总期号';
  return null;
}

/**
 * The import.confirm call for a draft: into the chosen series, or a new one; a new name that an existing
 * series already has (one an earlier file of this import created, say) goes into that series.
 */
export function confirmInput(file: string, draft: ReviewDraft, series: readonly SeriesRecord[]): ApiInput<'import.confirm'> {
  if (draft.target.kind === 'existing') return { file, issue: draft.issue, seriesId: draft.target.seriesId };
  const existing = seriesNamed(series, draft.target.name);
  return existing ? { file, issue: draft.issue, seriesId: existing.id } : { file, issue: draft.issue, newSeriesName: draft.target.name.trim() };
}

/** The preview's skip reason while the draft still goes where the preview looked, with the same year and number. */
export function duplicateNotice(preview: ImportPreview, draft: ReviewDraft, series: readonly SeriesRecord[]): string | null {
  if (!preview.duplicate || preview.series.id === null) return null;
  const input = confirmInput(preview.file, draft, series);
  const same = input.seriesId === preview.series.id && draft.issue.year === preview.issue.year && draft.issue.number === preview.issue.number;
  return same ? preview.duplicate : null;
}

/** The masthead facts the text did not give, each with what the review says beside its field. */
export function notFoundMarks(found: FoundFacts): Partial<Record<keyof FoundFacts, string>> {
  const marks: Partial<Record<keyof FoundFacts, string>> = {};
  for (const fact of ['seriesName', 'number', 'date', 'docNumber'] as const) if (!found[fact]) marks[fact] = NOT_FOUND;
  return marks;
}

export interface IssueOverview {
  articles: { title: string; subtitle?: string }[];
  sections: { heading: string; items: number }[];
  /** 报 n 个单位，送 n 个，发 n 个; null when the colophon names nobody */
  colophon: string | null;
  /** 共印 n 份; null when the file gives no number of copies */
  copies: string | null;
}

export function overviewOf(issue: Issue): IssueOverview {
  const articles: IssueOverview['articles'] = [];
  const sections: IssueOverview['sections'] = [];
  for (const block of issue.blocks) {
    if (block.type === 'article') articles.push(block.subtitle ? { title: block.title, subtitle: block.subtitle } : { title: block.title });
    if (block.type === 'news') sections.push({ heading: block.heading, items: block.items.length });
  }
  const counts = [['报', issue.distribution.report.length], ['送', issue.distribution.send.length], ['发', issue.distribution.issue.length]] as const;
  const named = counts.filter(([, count]) => count > 0);
  return {
    articles,
    sections,
    colophon: named.length > 0 ? named.map(([field, count], index) => `${field} ${count} 个${index === 0 ? '单位' : ''}`).join('，') : null,
    copies: issue.copies !== null ? `共印 ${issue.copies} 份` : null,
  };
}

/** The issue with a new date; for sequential numbering the year follows the date, as in the editor's masthead. */
export function withDate(issue: Issue, date: string): Issue {
  return { ...issue, date, year: issue.series.numbering === 'yearly-with-total' ? issue.year : Number(date.slice(0, 4)) };
}
