// Exporting the open issue: save first, then the file from the archive's copy, with what the clerk
// should know about it.
import { useCallback } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { downloadFile } from '../files/browser-files.ts';
import type { IssueSession } from './session/issue-session.ts';
import type { ExportKind } from './editor-commands.ts';

export function useExport(session: IssueSession, notice: (text: string, tone?: 'info' | 'error') => void): (kind: ExportKind) => Promise<void> {
  return useCallback(
    async (kind: ExportKind) => {
      if (!(await session.save('auto'))) return;
      try {
        notice(kind === 'pdf' ? '正在生成 PDF…' : '正在导出…');
        const file = await api[`export.${kind}`]({ issueId: session.snapshot().record.id });
        downloadFile(file);
        for (const warning of file.warnings ?? []) notice(warning, 'error');
      } catch (error) {
        notice(errorMessage(error), 'error');
      }
    },
    [session, notice],
  );
}
