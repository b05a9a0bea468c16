// Imports files one by one with a progress bar, then lists what was imported, skipped and failed.
import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { fileToBase64 } from './file-upload.ts';

export function ImportDialog({ files, seriesId, onClose }: { files: File[]; seriesId: number | null; onClose: (imported: number) => void }) {
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const done = outcomes.length === files.length;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      for (const file of files) {
        if (cancelled) return;
        const name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
        let outcome: ImportOutcome;
        try {
          const base64 = await fileToBase64(file);
          outcome = await api['import.file']({ name, base64, ...(seriesId ? { seriesId } : {}) });
        } catch (error) {
          outcome = { file: name, status: 'failed', reason: errorMessage(error) };
        }
        if (!cancelled) setOutcomes((current) => [...current, outcome]);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [files, seriesId]);

  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  return (
    <Dialog title="导入简报" onClose={() => onClose(count('imported'))} wide>
      <progress max={files.length} value={outcomes.length} aria-label="导入进度" />
      <p className="import-summary">
        {done ? '导入完成：' : `正在导入 ${outcomes.length + 1} / ${files.length}…`}
        已导入 {count('imported')} 个，跳过 {count('skipped')} 个，失败 {count('failed')} 个
      </p>
      <ul className="import-results">
        {outcomes.map((outcome, index) => (
          <li key={index} className={`import-${outcome.status}`}>
            <span className="import-file">{outcome.file}</span>
            {outcome.status === 'imported' && <span>已导入：{outcome.seriesName} {outcome.numberText}{outcome.warnings.length > 0 && `（${outcome.warnings.join('；')}）`}</span>}
            {outcome.status === 'skipped' && <span>跳过：{outcome.reason}</span>}
            {outcome.status === 'failed' && <span>失败：{outcome.reason}</span>}
          </li>
        ))}
      </ul>
      <footer className="dialog-actions">
        <button type="button" className="primary" disabled={!done} onClick={() => onClose(count('imported'))}>完成</button>
      </footer>
    </Dialog>
  );
}
