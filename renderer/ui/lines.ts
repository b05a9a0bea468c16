// Text edited one entry per line: the entries a text holds, and the lines that do not make an entry yet,
// worded for the clerk ("第2、4行还缺职务").

/** A line that holds something but not yet a whole entry; `line` counts from 1, blank lines included. */
export interface LineProblem {
  line: number;
  /** what the line still needs, e.g. "还缺职务" */
  message: string;
}

export interface ParsedLines<T> {
  entries: T[];
  problems: LineProblem[];
}

/** What one non-blank, trimmed line gives: an entry, or what it still lacks. */
export type LineReading<T> = { entry: T } | { problem: string };

export function parseLines<T>(text: string, readLine: (line: string) => LineReading<T>): ParsedLines<T> {
  const entries: T[] = [];
  const problems: LineProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const reading = readLine(line);
    if ('entry' in reading) entries.push(reading.entry);
    else problems.push({ line: index + 1, message: reading.problem });
  });
  return { entries, problems };
}

/** Plain entries, one a line: every non-blank line is one, trimmed. */
export function parseList(text: string): ParsedLines<string> {
  return parseLines(text, (line) => ({ entry: line }));
}

/** One sentence per kind of problem, its lines together: ["第2、4行还缺职务", "第3行姓名太长"]. */
export function describeProblems(problems: readonly LineProblem[]): string[] {
  const linesByMessage = new Map<string, number[]>();
  for (const { line, message } of problems) linesByMessage.set(message, [...(linesByMessage.get(message) ?? []), line]);
  return [...linesByMessage].map(([message, lines]) => `第${lines.join('、')}行${message}`);
}

/** Splits a line at its first run of spaces (half- or full-width): the head and the rest, or the head alone. */
export function splitHead(line: string): { head: string; rest: string } {
  const match = /\s+/.exec(line);
  if (!match) return { head: line, rest: '' };
  return { head: line.slice(0, match.index), rest: line.slice(match.index + match[0].length).trim() };
}
