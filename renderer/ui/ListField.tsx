// A list of short texts (报/送/发 recipients, template sections) edited one entry per line.
import { useEffect, useState } from 'react';

const listOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export function ListField({ label, value, onChange, disabled = false, rows = 4, hint = '每行一项' }: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  rows?: number;
  hint?: string;
}) {
  const [text, setText] = useState(value.join('\n'));
  // only a change from outside (a restore, a reload) replaces what is being typed: typing a blank
  // line or trailing spaces gives the same list, so the text stays as typed
  useEffect(() => {
    setText((current) => (listOf(current).join('\n') === value.join('\n') ? current : value.join('\n')));
  }, [value]);
  return (
    <label className="field">
      <span className="field-label">{label}<small>{hint}</small></span>
      <textarea
        rows={rows}
        value={text}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          onChange(listOf(event.target.value));
        }}
      />
    </label>
  );
}
