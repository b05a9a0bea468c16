// A list of short texts (报/送/发 recipients, template sections) edited one entry per line.
import { LinesField } from './LinesField.tsx';
import { parseList } from './lines.ts';

const formatList = (entries: readonly string[]) => entries.join('\n');

export function ListField({ label, value, onChange, disabled = false, rows = 4, hint = '每行一项' }: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  rows?: number;
  hint?: string;
}) {
  return <LinesField label={label} hint={hint} value={value} format={formatList} parse={parseList} onChange={(entries) => onChange(entries)} disabled={disabled} rows={rows} />;
}
