// Backups of the archive: make one now, see them all (newest first), restore one after a question in the app.
// Restoring checks the backup's integrity and backs up the current file first (the service does both).
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useNotice } from '../ui/notice.tsx';

const REASONS: Record<BackupInfo['reason'], string> = { manual: '手动', daily: '每日自动', migration: '升级前', restore: '恢复前' };

export function BackupsDialog({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const notice = useNotice();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<BackupInfo | null>(null);

  const load = useCallback(() => api['backup.list']({}).then(setBackups, (error: unknown) => notice(errorMessage(error), 'error')), [notice]);
  useEffect(() => void load(), [load]);

  async function run(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await work();
      notice(done);
      await load();
      return true;
    } catch (error) {
      notice(errorMessage(error), 'error');
      return false;
    } finally {
      setBusy(false);
    }
  }

  const whenOf = (backup: BackupInfo) => new Date(backup.createdAt).toLocaleString('zh-CN');

  async function restore(backup: BackupInfo) {
    setAsking(null);
    const when = whenOf(backup);
    if (await run(() => api['backup.restore']({ name: backup.name }), `已从 ${when} 的备份恢复`)) onRestored();
  }

  return (
    <Dialog title="备份与恢复" onClose={onClose} wide>
      <p className="hint">每天第一次使用时自动备份；也可随时手动备份。恢复前会检查备份是否完好。</p>
      <button type="button" className="primary" disabled={busy} onClick={() => run(() => api['backup.create']({}), '备份完成')}>立即备份</button>
      <ul className="recycle-list" aria-label="备份列表">
        {backups?.map((backup) => (
          <li key={backup.name}>
            <span>{new Date(backup.createdAt).toLocaleString('zh-CN')} · {REASONS[backup.reason]} · {(backup.bytes / 1048576).toFixed(1)} MB</span>
            <button type="button" disabled={busy} onClick={() => setAsking(backup)}>恢复</button>
          </li>
        ))}
        {backups?.length === 0 && <li className="empty">还没有备份。</li>}
      </ul>
      {asking && (
        <ConfirmDialog title="从备份恢复" onCancel={() => setAsking(null)}
          choices={[{ label: '恢复这份备份', run: () => void restore(asking), primary: true }]}>
          <p>用 {whenOf(asking)} 的备份替换当前档案库？</p>
          <p className="hint">当前档案库会先另存一份备份，恢复后仍可找回。</p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
