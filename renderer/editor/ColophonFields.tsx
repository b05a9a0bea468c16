// The colophon (版记) as fields: 报/送/发 lists, the 印发 line and the number of copies.
import type { Issue } from '../../shared/model/issue.ts';
import { isRealDate } from '../../shared/model/issue.ts';
import { ListField } from '../ui/ListField.tsx';
import { NumberField } from '../ui/NumberField.tsx';

export function ColophonFields({ issue, readOnly, onChange }: { issue: Issue; readOnly: boolean; onChange: (issue: Issue) => void }) {
  const distribution = issue.distribution;
  const printed = issue.printed ?? { by: issue.series.issuer, date: issue.date };
  return (
    <section className="colophon" aria-label="版记">
      <h3>版记</h3>
      <ListField label="报" value={distribution.report} disabled={readOnly} onChange={(report) => onChange({ ...issue, distribution: { ...distribution, report } })} hint="每行一个单位" />
      <ListField label="送" value={distribution.send} disabled={readOnly} onChange={(send) => onChange({ ...issue, distribution: { ...distribution, send } })} hint="每行一个单位" />
      <ListField label="发" value={distribution.issue} disabled={readOnly} rows={2} onChange={(list) => onChange({ ...issue, distribution: { ...distribution, issue: list } })} hint="每行一个单位" />
      <div className="colophon-printed">
        <label className="checkbox">
          <input type="checkbox" checked={issue.printed !== null} disabled={readOnly} onChange={(event) => onChange({ ...issue, printed: event.target.checked ? printed : null })} />
          印发行
        </label>
        <input aria-label="印发单位" value={printed.by} disabled={readOnly || issue.printed === null} onChange={(event) => onChange({ ...issue, printed: { ...printed, by: event.target.value } })} />
        <input aria-label="印发日期" type="date" value={printed.date} disabled={readOnly || issue.printed === null}
          onChange={(event) => { if (isRealDate(event.target.value)) onChange({ ...issue, printed: { ...printed, date: event.target.value } }); }} />
        <span>印发</span>
        <label>印数<NumberField label="印数" value={issue.copies} max={1000000} optional disabled={readOnly} placeholder="可不填" onChange={(copies) => onChange({ ...issue, copies })} />份</label>
      </div>
    </section>
  );
}
