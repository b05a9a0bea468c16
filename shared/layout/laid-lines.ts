// A paragraph's text broken into the lines it prints as: the runs of each line, its indent and its spacing.
// The typesetter lays body paragraphs, table cells and captions with it.
import { breakLines, lineLetterSpacingPt, type BrokenLine, type LineBox } from './line-breaking.ts';

export interface PrintRun {
  text: string;
  bold: boolean;
}

/** One line of a paragraph as the typesetter set it: the runs it holds and how it is spaced. */
export interface LaidLine {
  runs: PrintRun[];
  broken: BrokenLine;
  /** the first line's indent */
  indentPt: number;
  /** character spacing that sets the line as decided: justified to its width, or squeezed to hold a closing mark */
  letterSpacingPt: number;
  /** the last line of its paragraph */
  last: boolean;
}

// Characters XML 1.0 cannot carry (and Word refuses), and unpaired surrogates.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it can be printed: no control characters, line breaks and tabs as spaces. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[\t\r\n]+/g, ' ');
}

/** The runs between two offsets of their joined text. */
export function sliceRuns(runs: readonly PrintRun[], start: number, end: number): PrintRun[] {
  const out: PrintRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + run.text.length);
    if (to > from) out.push({ text: run.text.slice(from - offset, to - offset), bold: run.bold });
    offset += run.text.length;
  }
  return out;
}

/** Runs made printable, empty ones left out. */
export function printableRuns(runs: readonly { text: string; bold?: boolean | undefined }[]): PrintRun[] {
  return runs.map((run) => ({ text: printable(run.text), bold: run.bold === true })).filter((run) => run.text.length > 0);
}

/** Printable runs broken by the one line breaker into the box; `justify` spreads every line but the last. */
export function layRuns(runs: readonly PrintRun[], box: LineBox, justify: boolean): LaidLine[] {
  const text = runs.map((run) => run.text).join('');
  const broken = breakLines(text, box);
  return broken.map((line, index): LaidLine => ({
    runs: sliceRuns(runs, line.start, line.end),
    broken: line,
    indentPt: index === 0 ? box.firstLineIndentPt : 0,
    letterSpacingPt: lineLetterSpacingPt(line, box, justify && index < broken.length - 1),
    last: index === broken.length - 1,
  }));
}
