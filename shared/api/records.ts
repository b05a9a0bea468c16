// What the API hands back: the archive's records as the renderer sees them (plain JSON, no classes).
import type { Issue, IssueStatus } from '../model/issue.ts';
import type { SeriesSettings } from '../model/series.ts';
import type { FoundFacts, SourceFormat } from '../import/source.ts';

export interface SeriesRecord {
  id: number;
  settings: SeriesSettings;
  archived: boolean;
  issueCount: number;
  /** every year in which the series has an issue outside the recycle bin, newest first */
  years: number[];
  createdAt: string;
  updatedAt: string;
}

export interface IssueSummary {
  id: number;
  seriesId: number;
  seriesName: string;
  number: number;
  year: number;
  totalNumber: number | null;
  /** as it prints: 第13期, 2024年第3期 总第3期 */
  numberText: string;
  date: string;
  status: IssueStatus;
  /** title of the first article, '' when there is none */
  firstTitle: string;
  updatedAt: string;
  /** set while the issue is in the recycle bin */
  deletedAt: string | null;
}

export interface Reopening {
  at: string;
  reason: string;
}

export interface IssueRecord {
  id: number;
  seriesId: number;
  /** the revision this content is; saving sends it back as baseRevision */
  revision: number;
  issue: Issue;
  updatedAt: string;
  deletedAt: string | null;
  reopenings: Reopening[];
}

/** What made a revision, as the revision list names it. */
export const REVISION_KIND_LABELS = {
  created: '新建',
  duplicated: '复制',
  imported: '导入',
  merged: '合并',
  autosave: '自动保存',
  save: '保存',
  reviewed: '审核',
  returned: '退回',
  issued: '印发',
  reopened: '撤回印发',
  restored: '恢复',
} as const;

export type RevisionKind = keyof typeof REVISION_KIND_LABELS;

export interface RevisionSummary {
  revision: number;
  savedAt: string;
  kind: RevisionKind;
  status: IssueStatus;
  /** characters of body text, to tell revisions apart at a glance */
  chars: number;
  /** what made it: 保存, 恢复自第N版, 导入 … */
  note: string;
}

export interface NumberingGap {
  /** the year for yearly numbering, null for sequential */
  year: number | null;
  missing: number[];
}

export interface SearchHit {
  issueId: number;
  seriesId: number;
  seriesName: string;
  numberText: string;
  date: string;
  status: IssueStatus;
  title: string;
  /** a passage around the match; matched text between SNIPPET_MARK.open and SNIPPET_MARK.close */
  snippet: string;
}

export const SNIPPET_MARK = { open: '\u0002', close: '\u0003' } as const;

export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      issueId: number;
      seriesName: string;
      /** as it prints: 第13期, 2024年第3期 总第3期 */
      numberText: string;
      /** the issue's date as filed */
      date: string;
      warnings: string[];
      /** lines the reader set aside as web-page chrome (empty when it set none aside, or filed a reviewed issue) */
      setAside: string[];
    }
  | { file: string; status: 'skipped'; reason: string }
  | { file: string; status: 'failed'; reason: string };

/** A file read for the clerk to confirm before it is filed (import.read); reading writes nothing. */
export interface ImportPreview {
  /** the name the renderer sent (a folder's relative path included) */
  file: string;
  /** how it was read: a format's structure, or the canonical issue the file carried */
  via: SourceFormat | 'canonical';
  /** the issue as it would be filed (导读 derived) */
  issue: Issue;
  /** what the reader had to guess, in Chinese */
  warnings: string[];
  /** web-page chrome lines the reader set aside */
  setAside: string[];
  /** which masthead facts the text itself gave; the others in `issue` are defaults to check */
  found: FoundFacts;
  /**
   * where it would go as read: the existing series its masthead names (`id` set), else the new series
   * import would create (`id` null; `name` '' when the masthead names none and the clerk must name one)
   */
  series: { id: number; name: string } | { id: null; name: string };
  /** the reason filing it as read would be skipped (that series has this year and number already), else null */
  duplicate: string | null;
}

export interface BundleReport {
  imported: number;
  unchanged: number;
  /** issues changed on both sides: left as they were here, listed for the user */
  conflicts: { seriesName: string; numberText: string; reason: string }[];
  seriesCreated: number;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
  reason: 'manual' | 'daily' | 'migration' | 'restore';
}

export interface ExportedFile {
  fileName: string;
  /** base64 of the file's bytes */
  base64: string;
  /** what the clerk should know before printing it, e.g. fonts this computer lacks */
  warnings?: string[];
}

export interface AppInfo {
  version: string;
  dataDir: string;
  /** a damaged archive opens read-only; the renderer shows why and offers the newest good backup */
  readOnlyReason: string | null;
  /** the large tables are checked just after the archive opens: while true, readOnlyReason may still change (the renderer asks again) */
  checking: boolean;
}

/** An issue a year's volume binds, as its contents list it. */
export interface VolumeEntry {
  id: number;
  /** as it prints: 第13期 */
  numberText: string;
  date: string;
  status: IssueStatus;
  /** its articles' titles */
  titles: string[];
}

export interface VolumePreview {
  seriesName: string;
  /** as the cover prints it: 2023年 第1期—第13期 */
  rangeLabel: string;
  issues: VolumeEntry[];
  /** numbers missing from the range, and issues left out as not issued: 缺第5期 */
  gaps: string[];
}

/** A volume being compiled in the background. */
export interface VolumeJob {
  jobId: string;
  format: 'docx' | 'pdf';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** what it is doing: 正在排版第3期（共13期） */
  stage: string;
  /** issues set so far, of total; done === total while the file is written */
  done: number;
  total: number;
  /** pages of the volume, once set */
  pages: number | null;
  /** why it failed, in Chinese */
  message: string | null;
}

/** What a report carried counts as (信息采用统计): an article, or a ▲ item of a news section. */
export type StatsKind = 'article' | 'item';

/** Where in its issue an article or item stands: the issue's blocks[block], and items[item] of a news section. */
export interface StatsPlace {
  issueId: number;
  /** as it prints: 第13期 */
  numberText: string;
  date: string;
  kind: StatsKind;
  /** the article's title, or the item's head (with the start of its text where the head is only the unit) */
  title: string;
  block: number;
  item: number | null;
}

/** A report counted for a unit. */
export interface StatsEntry extends StatsPlace {
  editorNote: boolean;
  instruction: boolean;
  points: number;
  /** false where it was counted by the suggestion read from the text, not yet confirmed by the clerk */
  confirmed: boolean;
}

/** One unit's line of the 通报. */
export interface StatsRow {
  unit: string;
  group: '县市区' | '市直部门' | '其他';
  articles: number;
  items: number;
  editorNotes: number;
  instructions: number;
  points: number;
  /** equal points share a rank: 1, 1, 3 */
  rank: number;
  /** points in the period before of the same length; null when it was not counted */
  previousPoints: number | null;
  change: number | null;
  entries: StatsEntry[];
}

/** A report the clerk must settle before it counts: no unit found, a name that could be two units, an attribution left unconfirmed, a unit not on the list. */
export interface StatsPending extends StatsPlace {
  why: 'unknown' | 'ambiguous' | 'unconfirmed' | 'unlisted';
  /** the units suggested or stored, for the clerk to start from */
  suggested: string[];
  /** in Chinese: what was found and why it does not count yet */
  reason: string;
}

export interface StatsPeriod {
  from: string;
  to: string;
  /** 2023年7月, 2023年第三季度, 2023年度, 2023年7月1日至9月30日 */
  label: string;
}

/** The 信息采用 count of a series over a period (stats.tally). */
export interface StatsReport {
  seriesName: string;
  issuer: string;
  period: StatsPeriod & { kind: 'month' | 'quarter' | 'year' | 'custom' };
  previousPeriod: StatsPeriod | null;
  /** issued: 已印发 issues only; all: drafts and reviewed ones too */
  status: 'issued' | 'all';
  scoring: { article: number; item: number; editorNote: number; instruction: number };
  /** false when the series has no units list and the units are those the suggestions named */
  unitsListed: boolean;
  /** by rank, then in the office's order */
  rows: StatsRow[];
  pending: StatsPending[];
  totals: {
    issues: number;
    /** the rows summed (a report of two units counts for each) */
    articles: number;
    items: number;
    editorNotes: number;
    instructions: number;
    points: number;
    /** reports counted, each once */
    counted: number;
    /** of them, counted by suggestion, not yet confirmed */
    provisional: number;
    pending: number;
  };
}
