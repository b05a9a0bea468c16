// The shape of a proofreading rule and what it reads: the issue, its texts and the series' lists.
import type { Issue } from '../../model/issue.ts';
import type { SeriesSettings } from '../../model/series.ts';
import type { Finding } from './finding.ts';
import type { TextUnit } from './text-units.ts';

export type Leader = SeriesSettings['leaders'][number];
export type Phrase = SeriesSettings['phrases'][number];

/** The parts of the series settings that proofreading uses; a whole SeriesSettings will do. */
export interface ProofreadSettings {
  leaders?: readonly Leader[];
  /** the series' own standard wordings and their mistaken forms */
  phrases?: readonly Phrase[];
  /** the built-in list as the user edited it; DEFAULT_PHRASES when absent */
  builtInPhrases?: readonly Phrase[];
  /** the news sections of the series' template */
  sections?: readonly string[];
  docNumberPrefix?: string | null;
}

export interface ProofreadContext {
  issue: Issue;
  units: readonly TextUnit[];
  settings: ProofreadSettings;
}

export interface Rule {
  id: string;
  /** what the rule checks, in Chinese, for the panel and the command line */
  label: string;
  check(context: ProofreadContext): Finding[];
}
