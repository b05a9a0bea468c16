// One open issue, outside any screen: its record and base revision, the masthead and colophon being
// edited, a single-flight save queue (autosave, Ctrl+S, leaving), status changes, restores and the
// discard of an untouched new draft. The screen reads its state and draws; it never saves by itself.
import type { ApiClient } from '../../../shared/api/contract.ts';
import type { IssueRecord } from '../../../shared/api/records.ts';
import { STATUS_LABELS, type Issue, type IssueStatus } from '../../../shared/model/issue.ts';
import { issueNumberOf } from '../../../shared/format/chinese.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export const SAVE_STATE_LABELS: Record<SaveState, string> = { saved: '已保存', dirty: '有未保存的修改', saving: '正在保存…', error: '保存失败' };

export type SessionApi = Pick<ApiClient, 'issues.get' | 'issues.save' | 'issues.setStatus' | 'revisions.restore' | 'issues.discard'>;

export interface SessionState {
  record: IssueRecord;
  /** the issue being edited outside the body (masthead, colophon, ignored findings); its blocks are the last reset's */
  meta: Issue;
  saveState: SaveState;
  /** why the last save failed, in Chinese */
  error: string | null;
  /** set when another window or program saved a newer revision: the text on screen is not in the archive */
  conflict: { revision: number } | null;
  /** counts content resets (restore, status change, whole-bulletin paste): the body editor starts again from `meta` */
  resets: number;
}

export type Tone = 'info' | 'error';

export interface SessionOptions {
  /** the whole issue as edited now: the body editor's content over `meta` */
  issueOf: (meta: Issue) => Issue;
  notice: (text: string, tone?: Tone) => void;
  autosaveMs?: number;
}

export const AUTOSAVE_DELAY_MS = 1200;

/** Turns a failure into the Chinese sentence the clerk sees. */
export type ErrorText = (error: unknown) => string;

export class IssueSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private changes = 0;
  private savedChanges = 0;
  private composing = false;
  private afterComposition: (() => void)[] = [];
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private left = false;

  constructor(
    private readonly api: SessionApi,
    record: IssueRecord,
    private readonly options: SessionOptions,
    private readonly errorText: ErrorText,
  ) {
    this.state = { record, meta: record.issue, saveState: 'saved', error: null, conflict: null, resets: 0 };
  }

  // --- reading, for React's useSyncExternalStore ---

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SessionState => this.state;

  get readOnly(): boolean {
    return this.state.record.issue.status === 'issued';
  }

  /** what would be saved now: the body over the fields, with the status the archive holds */
  currentIssue(): Issue {
    return { ...this.options.issueOf(this.state.meta), status: this.state.record.issue.status };
  }

  isComposing(): boolean {
    return this.composing;
  }

  hasUnsavedChanges(): boolean {
    return this.changes !== this.savedChanges;
  }

  // --- editing ---

  /** The body or a field changed: the issue is dirty and autosaves once typing pauses. */
  changed(): void {
    if (this.readOnly || this.left) return;
    this.changes++;
    this.set({ saveState: 'dirty' });
    this.scheduleAutosave();
  }

  updateMeta(meta: Issue): void {
    this.set({ meta });
    this.changed();
  }

  /** New content from outside the body editor (whole-bulletin paste, a proofreading fix across blocks). */
  replaceContent(issue: Issue): void {
    this.set({ meta: issue, resets: this.state.resets + 1 });
    this.changed();
  }

  /** While an IME composes, nothing is saved: the body does not hold the composed text yet. */
  setComposing(composing: boolean): void {
    this.composing = composing;
    if (!composing) for (const resume of this.afterComposition.splice(0)) resume();
  }

  // --- saving: one at a time, each from the revision the previous one made ---

  /** Saves what is on screen after any save already under way; true when everything typed is saved. */
  save(kind: 'manual' | 'auto' = 'manual'): Promise<boolean> {
    this.cancelAutosave();
    const run = this.queue.then(() => this.saveNow(kind));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(kind: 'manual' | 'auto'): Promise<boolean> {
    if (this.readOnly) return true;
    if (this.composing) await new Promise<void>((resume) => this.afterComposition.push(resume));
    if (!this.hasUnsavedChanges()) return true;
    const upTo = this.changes;
    const before = this.state.record;
    this.set({ saveState: 'saving' });
    try {
      const { record } = await this.api['issues.save']({ id: before.id, baseRevision: before.revision, issue: this.currentIssue(), kind });
      this.savedChanges = upTo;
      this.set({ record, meta: { ...this.state.meta, status: record.issue.status }, saveState: this.hasUnsavedChanges() ? 'dirty' : 'saved', error: null, conflict: null });
      if (before.issue.status === 'reviewed' && record.issue.status === 'draft') {
        this.options.notice(`${issueNumberOf(record.issue)}审核后又有修改，已退回草稿，请重新审核`);
      }
      return !this.hasUnsavedChanges();
    } catch (error) {
      const message = this.errorText(error);
      const conflict = await this.newerRevision(before.revision);
      this.set({ saveState: 'error', error: message, conflict });
      if (!conflict) this.options.notice(message, 'error');
      return false;
    }
  }

  /** The archive's revision when it is newer than `base` (saved elsewhere); null otherwise. */
  private async newerRevision(base: number): Promise<{ revision: number } | null> {
    try {
      const latest = await this.api['issues.get']({ id: this.state.record.id });
      return latest.revision > base ? { revision: latest.revision } : null;
    } catch {
      return null;
    }
  }

  /**
   * After a conflict: `mine` saves the text on screen as the newest revision (the other one stays in
   * 修订记录); `theirs` drops the text on screen and loads the archive's.
   */
  async resolveConflict(keep: 'mine' | 'theirs'): Promise<boolean> {
    const latest = await this.api['issues.get']({ id: this.state.record.id });
    if (keep === 'theirs') {
      this.changes = this.savedChanges;
      this.set({ record: latest, meta: latest.issue, saveState: 'saved', error: null, conflict: null, resets: this.state.resets + 1 });
      this.options.notice(`已载入第${latest.revision}版`);
      return true;
    }
    if (latest.issue.status === 'issued') {
      this.options.notice(`${issueNumberOf(latest.issue)}已在别处印发，不能再覆盖；请复制你的修改后载入最新版本`, 'error');
      return false;
    }
    this.set({ record: latest, meta: { ...this.state.meta, status: latest.issue.status }, conflict: null });
    return this.save('manual');
  }

  private scheduleAutosave(): void {
    this.cancelAutosave();
    this.autosaveTimer = setTimeout(() => void this.save('auto'), this.options.autosaveMs ?? AUTOSAVE_DELAY_MS);
  }

  private cancelAutosave(): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  // --- whole-issue actions: each saves first, then starts the body again from the archive's record ---

  async setStatus(status: IssueStatus, reason?: string): Promise<boolean> {
    if (!(await this.save('auto'))) return false;
    return this.replaceRecord(
      () => this.api['issues.setStatus']({ id: this.state.record.id, status, ...(reason ? { reason } : {}) }),
      `状态已改为“${STATUS_LABELS[status]}”`,
    );
  }

  async restoreRevision(revision: number, withMasthead: boolean): Promise<boolean> {
    if (!(await this.save('auto'))) return false;
    return this.replaceRecord(
      () => this.api['revisions.restore']({ issueId: this.state.record.id, revision, withMasthead }),
      (record) => `已恢复第${revision}版的${withMasthead ? '内容和期号、日期、文号' : '内容'}（另存为第${record.revision}版）`,
    );
  }

  private replaceRecord(call: () => Promise<IssueRecord>, done: string | ((record: IssueRecord) => string)): Promise<boolean> {
    const run = this.queue.then(async () => {
      try {
        const record = await call();
        this.changes = this.savedChanges;
        this.set({ record, meta: record.issue, saveState: 'saved', error: null, conflict: null, resets: this.state.resets + 1 });
        this.options.notice(typeof done === 'string' ? done : done(record));
        return true;
      } catch (error) {
        this.options.notice(this.errorText(error), 'error');
        return false;
      }
    });
    this.queue = run;
    return run;
  }

  // --- leaving ---

  /**
   * The clerk leaves the issue: what is unsaved is saved; a new draft nobody touched is discarded so
   * that its number is free again. Resolves when the archive has it: false when what is unsaved could
   * not be saved (the screen should ask before it goes).
   */
  async leave(): Promise<boolean> {
    if (this.left) return this.queue.then(() => !this.hasUnsavedChanges());
    this.left = true;
    if (this.hasUnsavedChanges()) {
      const saved = await this.save('auto');
      // the clerk may stay and put it right (a taken 期号, a newer revision elsewhere)
      if (!saved) this.left = false;
      return saved;
    }
    this.cancelAutosave();
    const { record } = this.state;
    if (this.changes > 0 || record.issue.status !== 'draft') return true;
    await this.queue;
    try {
      const { discarded } = await this.api['issues.discard']({ id: record.id });
      if (discarded) this.options.notice(`${issueNumberOf(record.issue)}没有填写内容，已放弃，期号可再用`);
    } catch {
      // it stays in the archive as an empty draft, which is harmless
    }
    return true;
  }

  /** Leaves without saving what could not be saved (the clerk chose to). */
  abandon(): void {
    this.left = true;
    this.cancelAutosave();
    this.changes = this.savedChanges;
  }

  private set(patch: Partial<SessionState>): void {
    // a keystroke in a dirty issue changes nothing the screen shows: no re-render for it
    if ((Object.keys(patch) as (keyof SessionState)[]).every((key) => patch[key] === this.state[key])) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
