// A whole bulletin pasted into an empty issue carries its own 期号, date and 文号: take all of them or none.
import { formatChineseDate, issueNumberOf } from '../../shared/format/chinese.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import type { PastedBulletin } from './whole-bulletin.ts';

export function PasteMastheadDialog({ current, pasted, onChoose, onCancel }: {
  current: Issue;
  pasted: PastedBulletin;
  onChoose: (takeMasthead: boolean) => void;
  onCancel: () => void;
}) {
  const ours = [issueNumberOf(current), formatChineseDate(current.date), ...(current.docNumber ? [current.docNumber] : [])];
  return (
    <ConfirmDialog title="粘贴整期简报" onCancel={onCancel} cancelLabel="不粘贴"
      choices={[
        { label: '保留本期的期号、日期和文号', run: () => onChoose(false) },
        { label: '采用粘贴的期号、日期和文号', run: () => onChoose(true), primary: true },
      ]}>
      <p>粘贴的是一整期简报，正文和版记将填入本期。</p>
      <dl className="masthead-compare">
        <dt>粘贴的报头</dt><dd data-testid="pasted-masthead">{pasted.masthead.join(' · ')}</dd>
        <dt>本期现在</dt><dd>{ours.join(' · ')}</dd>
      </dl>
      <p className="hint">期号、日期和文号一起采用或一起保留，以免报头前后矛盾。</p>
    </ConfirmDialog>
  );
}
