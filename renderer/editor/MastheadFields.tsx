// The masthead as form fields above the text (期号, 总期号, 日期, 文号), each shown as it will print.
import type { Issue } from '../../shared/model/issue.ts';
import { formatChineseDate, issueNumberOf } from '../../shared/format/chinese.ts';
import { isRealDate } from '../../shared/model/issue.ts';
import { NumberField } from '../ui/NumberField.tsx';

export function MastheadFields({ issue, readOnly, onChange }: { issue: Issue; readOnly: boolean; onChange: (issue: Issue) => void }) {
  const yearly = issue.series.numbering === 'yearly-with-total';
  return (
    <section className="masthead" aria-label="报头">
      <div className="masthead-print">
        <div className="masthead-name" style={{ fontSize: `${Math.min(30, Math.floor(620 / Math.max(1, [...issue.series.name].length)))}px` }}>{issue.series.name}</div>
        <div className="masthead-number">{issueNumberOf(issue)}</div>
        {issue.docNumber && <div className="masthead-doc">{issue.docNumber}</div>}
        <div className="masthead-line"><span>{issue.series.issuer}</span><span>{isRealDate(issue.date) ? formatChineseDate(issue.date) : '日期有误'}</span></div>
      </div>
      <div className="masthead-fields">
        <label>期号<NumberField label="期号" value={issue.number} max={100000} disabled={readOnly} onChange={(value) => value !== null && onChange({ ...issue, number: value })} /></label>
        {yearly && <label>总期号<NumberField label="总期号" value={issue.totalNumber} max={1000000} disabled={readOnly} onChange={(value) => value !== null && onChange({ ...issue, totalNumber: value })} /></label>}
        <label>日期<input type="date" value={issue.date} disabled={readOnly} aria-label="日期"
          onChange={(event) => { if (isRealDate(event.target.value)) onChange({ ...issue, date: event.target.value, year: yearly ? issue.year : Number(event.target.value.slice(0, 4)) }); }} /></label>
        <label>文号<input value={issue.docNumber ?? ''} disabled={readOnly} aria-label="文号" placeholder="可不填，如 益简字〔2024〕3号"
          onChange={(event) => onChange({ ...issue, docNumber: event.target.value.trim() ? event.target.value : null })} /></label>
      </div>
    </section>
  );
}
