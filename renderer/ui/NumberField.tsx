// A whole-number box that behaves like a text box (it can be emptied and retyped) and takes a value
// only when it is a whole number in range; otherwise it says so beside itself and keeps the last good value.
import { useEffect, useState } from 'react';

export function NumberField({ label, value, onChange, min = 1, max, disabled = false, optional = false, placeholder }: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max: number;
  disabled?: boolean;
  /** an empty box means "none" (印数) rather than "not finished" */
  optional?: boolean;
  placeholder?: string;
}) {
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText((current) => (current.trim() === shown ? current : shown)), [shown]);
  const trimmed = text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  const number = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  const problem = trimmed === '' ? (optional ? null : `请填写${label}`) : !Number.isInteger(number) ? `${label}只能是数字` : number < min || number > max ? `${label}应在 ${min}–${max} 之间` : null;
  return (
    <span className="number-field">
      <input
        type="text"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={problem !== null}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        maxLength={12}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const digits = next.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
          if (digits === '' && optional) onChange(null);
          else if (/^\d+$/.test(digits) && Number(digits) >= min && Number(digits) <= max) onChange(Number(digits));
        }}
        onBlur={() => setText(shown)}
      />
      {problem && <span className="field-problem" role="alert">{problem}</span>}
    </span>
  );
}
