// The series' leaders and standard wordings as the settings screen edits them: one a line, the text a
// clerk types read back into entries, and what a line still lacks while it is being typed.
import { leaderSchema, phraseSchema, type SeriesSettings } from '../../shared/model/series.ts';
import { parseLines, splitHead, type ParsedLines } from '../ui/lines.ts';

type Leader = SeriesSettings['leaders'][number];
type Phrase = SeriesSettings['phrases'][number];

const NAME_MAX = leaderSchema.shape.name.maxLength ?? 20;
const TITLE_MAX = leaderSchema.shape.title.maxLength ?? 100;
const PHRASE_MAX = phraseSchema.shape.correct.maxLength ?? 100;

/** "姓名 职务", one leader a line. */
export function formatLeaders(leaders: readonly Leader[]): string {
  return leaders.map((leader) => `${leader.name} ${leader.title}`).join('\n');
}

export function parseLeaders(text: string): ParsedLines<Leader> {
  return parseLines<Leader>(text, (line) => {
    const { head: name, rest } = splitHead(line);
    const title = rest.replace(/\s+/g, ' ');
    if (!title) return { problem: '还缺职务（姓名与职务之间空一格）' };
    if (name.length > NAME_MAX) return { problem: `的姓名超过${NAME_MAX}个字` };
    if (title.length > TITLE_MAX) return { problem: `的职务超过${TITLE_MAX}个字` };
    return { entry: { name, title } };
  });
}

/** "正确写法 错误写法 错误写法…", one wording a line. */
export function formatPhrases(phrases: readonly Phrase[]): string {
  return phrases.map((phrase) => [phrase.correct, ...phrase.wrong].join(' ')).join('\n');
}

export function parsePhrases(text: string): ParsedLines<Phrase> {
  return parseLines<Phrase>(text, (line) => {
    const { head: correct, rest } = splitHead(line);
    const wrong = rest ? rest.split(/\s+/) : [];
    if (wrong.length === 0) return { problem: '还缺常见错误写法（与正确写法之间空一格）' };
    if ([correct, ...wrong].some((word) => word.length > PHRASE_MAX)) return { problem: `有超过${PHRASE_MAX}个字的写法` };
    return { entry: { correct, wrong } };
  });
}
