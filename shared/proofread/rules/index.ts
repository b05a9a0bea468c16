// Every proofreading rule, in the order of the list: punctuation, characters, dates and
// numbers (a table's 合计 among them), names, phrases, structure (tables and figures among it).
import type { Rule } from '../core/rule.ts';
import { halfWidthPunctuationRule } from './half-width-punctuation.ts';
import { unpairedMarksRule } from './unpaired-marks.ts';
import { doubledPunctuationRule } from './doubled-punctuation.ts';
import { straySpaceRule } from './stray-space.ts';
import { traditionalCharactersRule } from './traditional-characters.ts';
import { doubledCharactersRule } from './doubled-characters.ts';
import { impossibleDateRule } from './impossible-date.ts';
import { mastheadDateRule } from './masthead-date.ts';
import { docNumberYearRule } from './doc-number-year.ts';
import { docNumberFormRule } from './doc-number-form.ts';
import { timeFormRule } from './time-form.ts';
import { statedTotalRule } from './stated-total.ts';
import { statedShareRule } from './stated-share.ts';
import { tableTotalRule } from './table-total.ts';
import { leaderTitlesRule } from './leader-titles.ts';
import { fixedPhrasesRule } from './fixed-phrases.ts';
import { emptyArticleRule } from './empty-article.ts';
import { emptyItemRule } from './empty-item.ts';
import { figureCaptionRule } from './figure-caption.ts';
import { emptyTablePartsRule } from './empty-table-parts.ts';
import { leadInStepRule } from './lead-in-step.ts';
import { sectionTemplateRule } from './section-template.ts';
import { emptyReportRule } from './empty-report.ts';

export const RULES: readonly Rule[] = [
  halfWidthPunctuationRule,
  unpairedMarksRule,
  doubledPunctuationRule,
  straySpaceRule,
  traditionalCharactersRule,
  doubledCharactersRule,
  impossibleDateRule,
  mastheadDateRule,
  docNumberYearRule,
  docNumberFormRule,
  timeFormRule,
  statedTotalRule,
  statedShareRule,
  tableTotalRule,
  leaderTitlesRule,
  fixedPhrasesRule,
  emptyArticleRule,
  emptyItemRule,
  figureCaptionRule,
  emptyTablePartsRule,
  leadInStepRule,
  sectionTemplateRule,
  emptyReportRule,
];
