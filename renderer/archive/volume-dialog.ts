// What the 汇编 dialog's choices mean: the range the clerk chose as the API's request (or what is still
// missing from it, in Chinese), and the sentences the dialog shows about a preview and a finished volume.
import type { ApiInput } from '../../shared/api/contract.ts';
import type { SeriesRecord, VolumePreview } from '../../shared/api/records.ts';
import type { Numbering } from '../../shared/model/issue.ts';

export type VolumeRangeKind = 'year' | 'dates' | 'numbers';
export type VolumeFormat = 'docx' | 'pdf';
export type VolumeRequest = ApiInput<'volume.preview'>;

/** The dialog's fields as typed: numbers stay text until the request is made, so a box can be emptied and retyped. */
export interface VolumeChoice {
  kind: VolumeRangeKind;
  year: string;
  from: string;
  to: string;
  fromNumber: string;
  toNumber: string;
  /** for a series numbered afresh each year; may stay empty */
  numberYear: string;
  includeDrafts: boolean;
  format: VolumeFormat;
}

export const FORMAT_LABELS: Record<VolumeFormat, string> = { docx: 'Word（.docx）', pdf: 'PDF' };

/** The years and issue numbers the contract accepts. */
export const VOLUME_YEARS = { min: 1949, max: 2200 } as const;
export const VOLUME_NUMBERS = { min: 1, max: 1_000_000 } as const;

/** A whole year of the latest year the series has issues in (or this year), Word, issued issues only. */
export function initialChoice(series: Pick<SeriesRecord, 'years'>, thisYear: number): VolumeChoice {
  const year = series.years.length > 0 ? Math.max(...series.years) : thisYear;
  return {
    kind: 'year',
    year: String(year),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    fromNumber: '1',
    toNumber: '',
    numberYear: '',
    includeDrafts: false,
    format: 'docx',
  };
}

/** Full-width digits (typed with a Chinese input method) read as digits. */
const digitsOf = (text: string) => text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));

type Read<T> = { value: T } | { problem: string };

function readWhole(text: string, label: string, min: number, max: number): Read<number> {
  const digits = digitsOf(text);
  if (digits === '') return { problem: `请填写${label}` };
  if (!/^\d+$/.test(digits)) return { problem: `${label}只能是数字` };
  const value = Number(digits);
  if (value < min || value > max) return { problem: `${label}应在 ${min}–${max} 之间` };
  return { value };
}

const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/**
 * The range the choice names, as volume.preview takes it, or the first thing wrong with the fields. A year
 * for 按期号 is sent only for a series numbered afresh each year.
 */
export function readRange(choice: VolumeChoice, numbering: Numbering): Read<VolumeRequest['range']> {
  if (choice.kind === 'year') {
    const year = readWhole(choice.year, '年份', VOLUME_YEARS.min, VOLUME_YEARS.max);
    return 'problem' in year ? year : { value: { kind: 'year', year: year.value } };
  }
  if (choice.kind === 'dates') {
    if (!isIsoDate(choice.from)) return { problem: '请选择起始日期' };
    if (!isIsoDate(choice.to)) return { problem: '请选择结束日期' };
    if (choice.from > choice.to) return { problem: '起始日期不能晚于结束日期' };
    return { value: { kind: 'dates', from: choice.from, to: choice.to } };
  }
  const from = readWhole(choice.fromNumber, '起始期号', VOLUME_NUMBERS.min, VOLUME_NUMBERS.max);
  if ('problem' in from) return from;
  const to = readWhole(choice.toNumber, '结束期号', VOLUME_NUMBERS.min, VOLUME_NUMBERS.max);
  if ('problem' in to) return to;
  if (from.value > to.value) return { problem: '起始期号不能大于结束期号' };
  if (numbering !== 'yearly-with-total' || digitsOf(choice.numberYear) === '') return { value: { kind: 'numbers', from: from.value, to: to.value } };
  const year = readWhole(choice.numberYear, '年份', VOLUME_YEARS.min, VOLUME_YEARS.max);
  return 'problem' in year ? year : { value: { kind: 'numbers', from: from.value, to: to.value, year: year.value } };
}

/** The request volume.preview (and, with a format, volume.start) takes for the choice, or what is missing. */
export function readRequest(seriesId: number, choice: VolumeChoice, numbering: Numbering): Read<VolumeRequest> {
  const range = readRange(choice, numbering);
  if ('problem' in range) return range;
  return { value: { seriesId, range: range.value, ...(choice.includeDrafts ? { includeDrafts: true } : {}) } };
}

/** Why a preview can not be compiled, or null when it can. */
export function emptyPreviewProblem(preview: VolumePreview, includeDrafts: boolean): string | null {
  if (preview.issues.length > 0) return null;
  return includeDrafts
    ? `“${preview.seriesName}”在所选范围内没有简报，无法汇编`
    : `“${preview.seriesName}”在所选范围内没有已印发的简报，无法汇编；如需收入草稿和已审核的简报，请勾选“收入未印发的简报”`;
}

/** What the dialog says once the file is saved. */
export function exportedMessage(fileName: string, pages: number | null): string {
  return pages === null ? `已导出：${fileName}` : `已导出：${fileName}（共 ${pages} 页）`;
}
