// A list of short texts (报/送/发 recipients, template sections) edited one entry per line.
import { useEffect, useState } from 'react';

export function ListField({ label, value, onChange, disabled = false, rows = 4, hint = '每行一项' }: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  rows?: number;
  hint?: string;
}) {
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    const current = text.split('\n').map((line) => line.trim()).filter(Boolean);
    if (current.join('\n') !== value.join('\n')) setText(value.join('\n'));
    // only outside changes (a restore, a reload) replace what is being typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
          onChange(event.target.value.split('\n').map((line) => line.trim()).filter(Boolean));
        }}
      />
    </label>
  );
}
