// What goes with an exported file besides its bytes (the name a clerk recognises, the warning when the
// fonts it prints in are not installed here), and the bytes of the canonical .json.
import type { Issue } from '../../../shared/model/issue.ts';
import type { SeriesSettings } from '../../../shared/model/series.ts';
import { issueNumberOf } from '../../../shared/format/chinese.ts';
import { missingFonts } from './installed-fonts.ts';

/** The canonical issue as a .json file holds it: indented, with a final newline. */
export function issueJsonBytes(issue: Issue): Uint8Array {
  return Buffer.from(`${JSON.stringify(issue, null, 2)}\n`, 'utf8');
}

/** Characters Windows refuses in a file name. */
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;
/** UTF-16 units of a name before its extension: well under the 255 every file system allows. */
const MAX_FILE_NAME = 120;

/**
 * A file name a clerk recognises and every file system accepts: 刊物名第13期.docx. A long series name is cut
 * (between characters, never inside a surrogate pair) so that the 期号 always stays whole.
 */
export function exportFileName(issue: Issue, extension: string): string {
  return fileNameOf(issue.series.name, issueNumberOf(issue), extension);
}

/** The same for what a series' name is followed by (a volume's 汇编2023年第1期—第13期): the series' name is cut, never the rest. */
export function fileNameOf(seriesName: string, what: string, extension: string): string {
  const kept = what.replace(/\s+/g, '').replace(FORBIDDEN_IN_FILE_NAMES, '_');
  let series = '';
  for (const char of seriesName.replace(FORBIDDEN_IN_FILE_NAMES, '_')) {
    if (series.length + char.length + kept.length > MAX_FILE_NAME) break;
    series += char;
  }
  return `${series}${kept}.${extension}`;
}

/**
 * A warning when the fonts the series prints in are not installed here (where the platform can tell):
 * a .docx names them and needs them where it is opened; a PDF carries the faces it was made with, so it
 * looks the same everywhere, but in stand-in faces.
 */
export async function fontWarnings(settings: Pick<SeriesSettings, 'fontProfile'>, kind: 'docx' | 'pdf'): Promise<string[]> {
  const missing = await missingFonts(settings.fontProfile);
  if (!missing || missing.length === 0) return [];
  const fonts = missing.join('、');
  return kind === 'docx'
    ? [`本机未安装字体：${fonts}。Word 文件中仍写明这些字体，在装有它们的电脑上打开和打印才与公文版式一致；也可在刊物设置中改用系统字体。`]
    : [`本机未安装字体：${fonts}。PDF 已嵌入所用字体，在任何电脑上打开都一样，但这些字用的是本机相近的字体；要用正式字体，请在装有它们的电脑上导出 PDF。`];
}
