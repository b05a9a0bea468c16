// Imports files with the clerk's confirmation: they are read one by one (progress bar), each shown for
// review before it is filed (归档, 全部归档, 跳过), a file that cannot be read listed with its reason;
// at the end what was imported, skipped and failed. Closing with files still unfiled asks first.
import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../shared/api/records.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ImportReview } from './ImportReview.tsx';
import { useImportQueue } from './use-import-queue.ts';

export function ImportDialog({ files, onClose }: { files: File[]; onClose: (imported: number) => void }) {
  const queue = useImportQueue(files);
  const [asking, setAsking] = useState(false);
  const finish = useRef<HTMLButtonElement>(null);
  const { current, entries, outcomes, done } = queue;
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;

  useEffect(() => {
    if (done) finish.current?.focus();
  }, [done]);

  const close = () => {
    queue.stop();
    onClose(count('imported'));
  };
  const requestClose = () => (done ? close() : setAsking(true));

  const reading = entries.find((entry) => entry.state === 'reading');
  const waiting = entries.filter((entry) => entry.state === 'read' || entry.state === 'waiting' || entry.state === 'reading').length;
  const filing = entries.filter((entry) => entry.state === 'filing').length;
  const status = done
    ? '导入完成：'
    : reading
      ? `正在读取 ${queue.read + 1} / ${files.length}：${reading.name}… `
      : filing > 0 && !current
        ? '正在归档… '
        : `已读取 ${queue.read} / ${files.length} 个文件，待核对 ${waiting} 个。`;

  return (
    <>
      <Dialog title="导入简报" onClose={requestClose} wide>
        <progress max={files.length} value={queue.read} aria-label="导入进度" />
        <p className="import-summary" role="status">
          {status}已导入 {count('imported')} 个，跳过 {count('skipped')} 个，失败 {count('failed')} 个
        </p>

        {current && queue.series && (
          <ImportReview
            key={current.key}
            preview={current.preview}
            draft={current.draft}
            series={queue.series}
            position={current.key + 1}
            total={files.length}
            rest={waiting - 1}
            onDraft={(draft) => queue.setDraft(current.key, draft)}
            onFile={() => queue.file(current.key)}
            onFileAll={queue.fileAll}
            onSkip={() => queue.skip(current.key)}
          />
        )}
        {!current && !done && <p className="import-waiting">{filing > 0 ? '正在归档，请稍候…' : '正在读取文件，读完即可核对…'}</p>}

        {outcomes.length > 0 && (
          <ul className="import-results" aria-label="导入结果">
            {outcomes.map((outcome, index) => (
              <li key={index} className={`import-${outcome.status}`}>
                <span className="import-file">{outcome.file}</span>
                {outcome.status === 'imported' && <span>已导入：{outcome.seriesName} {outcome.numberText}{outcome.warnings.length > 0 && `（${outcome.warnings.join('；')}）`}</span>}
                {outcome.status === 'skipped' && <span>跳过：{outcome.reason}</span>}
                {outcome.status === 'failed' && <span>失败：{outcome.reason}</span>}
              </li>
            ))}
          </ul>
        )}
        {done && (
          <footer className="dialog-actions">
            <button ref={finish} type="button" className="primary" onClick={close}>完成</button>
          </footer>
        )}
      </Dialog>
      {/* beside the dialog, not inside it: Esc in the question must not reach the dialog's own Esc */}
      {asking && (
        <ConfirmDialog
          title="还有文件没有归档"
          cancelLabel="继续导入"
          onCancel={() => setAsking(false)}
          choices={[{ label: '不再归档，关闭', danger: true, run: () => { setAsking(false); close(); } }]}
        >
          <p>还有 {queue.unfiled} 个文件没有归档{filing > 0 ? '（正在归档的会归档完）' : ''}。关闭后它们不会导入，已归档的 {count('imported')} 个留在档案中。</p>
        </ConfirmDialog>
      )}
    </>
  );
}
