// A textarea of entries, one a line, that keeps exactly what the clerk typed — half-typed lines, IME
// input, trailing spaces — and says which lines are not whole entries yet; its text is replaced only
// when the value changes from outside (a load, a restore), i.e. no longer matches what the text reads as.
import { useId, useState } from 'react';
import { describeProblems, type LineProblem, type ParsedLines } from './lines.ts';

const sameEntries = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

export function LinesField<T>({ label, hint, value, format, parse, onChange, disabled = false, rows = 4 }: {
  label: string;
  hint: string;
  value: readonly T[];
  format: (entries: readonly T[]) => string;
  parse: (text: string) => ParsedLines<T>;
  /** the entries the text now holds, and the lines that hold no whole entry yet */
  onChange: (entries: T[], problems: LineProblem[]) => void;
  disabled?: boolean;
  rows?: number;
}) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  const id = useId();
  const problemsId = `${id}-problems`;
  // a new value is checked against what the text reads as: the echo of typing matches and changes
  // nothing; anything else (a load, a restore) replaces the text (state adjusted while rendering)
  let shown = text;
  if (seen !== value) {
    setSeen(value);
    if (!sameEntries(parse(text).entries, value)) {
      shown = format(value);
      setText(shown);
    }
  }
  const problems = describeProblems(parse(shown).problems);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}<small>{hint}</small></label>
      <textarea
        id={id}
        rows={rows}
        value={shown}
        disabled={disabled}
        aria-describedby={problems.length > 0 ? problemsId : undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const parsed = parse(typed);
          onChange(parsed.entries, parsed.problems);
        }}
      />
      {problems.length > 0 && <span id={problemsId} className="field-problems">{problems.join('；')}</span>}
    </div>
  );
}
