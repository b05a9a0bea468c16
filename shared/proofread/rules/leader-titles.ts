// Rule: names and titles of the series' leaders (SeriesSettings.leaders). A listed name written after
// a title that is not his (市长胡安邦 for 副市长胡安邦) is an error; a listed title held by one leader
// followed by another name (市委书记陈静 for 陈竞) is a warning. A shortened title (组长肖祥清 for
// 省第四生态环境保护督察组组长) is fine; dropping or adding a rank (副, 常务) is not. What follows a title is
// read as words by the segmenter: a word of its dictionary (强调, 亲自, 高度) is no name.
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Leader, Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';
import { FUNCTION_CHARACTERS, wordsOf } from '../core/words.ts';

const ID = 'names.leader-title';

const RANK = '(?:常务副|副|代理|代|常务|执行)';
const OFFICE =
  '(?:党组书记|主任委员|秘书长|检察长|督察长|总经理|董事长|总工程师|司令员|巡视员|调研员|市长|县长|区长|镇长|乡长|省长|州长|书记|主任|局长|组长|主席|厅长|部长|处长|科长|院长|会长|所长|站长|队长|委员|常委|经理|行长|政委|校长|社长|馆长|台长|署长|专员)';
const ORG = '(?:(?:省|市|县|区|镇|乡|州)(?:委|政府|人大|政协|纪委|监委)?)';
/** a title at the end of the text: 副市长, 市委书记, 常务副市长 */
const TITLE_AT_END = new RegExp(`${ORG}?${RANK}?${OFFICE}$`);
const OFFICE_AT_END = new RegExp(`${RANK}?${OFFICE}$`);
const ENDS_WITH_RANK = /(?:副|常务|代理|代|执行|第一)$/;
/** characters that begin what follows a title, where the segmenter reads them alone (带队, 率队, 作报告, 调研, 会上) */
const VERB_STARTS = '作带率等到赴说来调会一';
const CLAUSE_MARK = /^[，。、；：！？”）\s]/;

/** text[start, start + length) reads as a name: it begins with a character the segmenter leaves alone, not a word or a function character, and ends where a word ends. */
function looksLikeName(text: string, start: number, length: number): boolean {
  const words = wordsOf(text, start, Math.min(text.length, start + length + 4));
  const first = words[0];
  if (!first || !first.isWord || first.text.length > 1 || FUNCTION_CHARACTERS.has(first.text) || VERB_STARTS.includes(first.text)) return false;
  return words.some((word) => word.end === start + length);
}

/** What comes at `index` ends the name's clause or goes on with a word: the end, a mark, 等, or a word of the dictionary (主持, 出席). */
function endsName(text: string, index: number): boolean {
  if (index >= text.length || CLAUSE_MARK.test(text.slice(index))) return true;
  const next = wordsOf(text, index, Math.min(text.length, index + 6))[0];
  return next !== undefined && next.isWord && (next.text.length > 1 || next.text === '等');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does title `written` fit the listed `title`? Equal, or one a longer form of the other that adds only an organisation, never a rank. */
function fits(written: string, title: string): boolean {
  if (written === title) return true;
  if (title.endsWith(written)) return !ENDS_WITH_RANK.test(title.slice(0, -written.length));
  if (written.endsWith(title)) return !ENDS_WITH_RANK.test(written.slice(0, -title.length));
  return false;
}

interface Lists {
  titlesOf: Map<string, string[]>;
  allTitles: string[];
  names: RegExp;
  /** titles that only one listed leader holds and that name one office (no deputies, no members) */
  uniqueTitles: Map<string, string>;
}

function listsOf(leaders: readonly Leader[]): Lists {
  const titlesOf = new Map<string, string[]>();
  const holders = new Map<string, Set<string>>();
  for (const { name, title } of leaders) {
    titlesOf.set(name, [...(titlesOf.get(name) ?? []), title]);
    holders.set(title, (holders.get(title) ?? new Set()).add(name));
  }
  const uniqueTitles = new Map<string, string>();
  for (const [title, names] of holders) {
    if (names.size === 1 && !/副|委员|常委|成员/.test(title)) uniqueTitles.set(title, [...names][0]!);
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    titlesOf,
    allTitles: [...holders.keys()].sort(byLength),
    names: new RegExp([...titlesOf.keys()].sort(byLength).map(escape).join('|'), 'g'),
    uniqueTitles,
  };
}

/** The title written right before `end`: the longer of a listed title and a common one. */
function titleBefore(text: string, end: number, lists: Lists): { start: number; title: string } | null {
  const before = text.slice(Math.max(0, end - 40), end);
  const listed = lists.allTitles.find((title) => before.endsWith(title));
  const common = TITLE_AT_END.exec(before)?.[0];
  const title = (listed?.length ?? 0) >= (common?.length ?? 0) ? listed : common;
  return title ? { start: end - title.length, title } : null;
}

/** The replacement for a written title: the listed title's office with its rank (副市长), or the listed title (its last part when it lists several). */
function titleFix(written: string, listed: string): { offset: number; length: number; fix: string } {
  const listedOffice = OFFICE_AT_END.exec(listed)?.[0];
  const writtenOffice = OFFICE_AT_END.exec(written)?.[0];
  if (listedOffice && writtenOffice && listedOffice !== writtenOffice) return { offset: written.length - writtenOffice.length, length: writtenOffice.length, fix: listedOffice };
  // the same office of another body (区委书记 for 市委书记): the whole title is wrong
  return { offset: 0, length: written.length, fix: listed.split('、').at(-1)! };
}

function checkUnit(unit: TextUnit, lists: Lists): Finding[] {
  const text = unit.text;
  const findings: Finding[] = [];
  const namedAt = new Set<number>();
  for (const match of text.matchAll(lists.names)) {
    namedAt.add(match.index);
    const name = match[0];
    const written = titleBefore(text, match.index, lists);
    if (!written) continue;
    const titles = lists.titlesOf.get(name)!;
    if (titles.some((title) => fits(written.title, title))) continue;
    const fix = titles.length === 1 ? titleFix(written.title, titles[0]!) : { offset: 0, length: written.title.length, fix: undefined };
    findings.push(
      makeFinding({
        rule: ID,
        severity: 'error',
        ref: unit.ref,
        fieldText: text,
        offset: written.start + fix.offset,
        length: fix.length,
        message: `${name}的职务是“${titles.join('”或“')}”，这里写作“${written.title}”`,
        fix: fix.fix,
      }),
    );
  }
  for (const [title, holder] of lists.uniqueTitles) {
    for (let at = text.indexOf(title); at !== -1; at = text.indexOf(title, at + 1)) {
      const end = at + title.length;
      if (namedAt.has(end)) continue;
      // 市长 inside 副市长 is another title
      const whole = titleBefore(text, end, lists);
      if (whole && !fits(whole.title, title)) continue;
      const candidate = [...text.slice(end, end + holder.length * 2)].slice(0, [...holder].length).join('');
      if (candidate === holder || [...candidate].length < [...holder].length || !/^\p{Script=Han}+$/u.test(candidate) || !looksLikeName(text, end, candidate.length)) continue;
      const looksLikeTypo = [...candidate].some((char, index) => [...holder][index] === char);
      if (!looksLikeTypo && !endsName(text, end + candidate.length)) continue;
      findings.push(
        makeFinding({
          rule: ID,
          severity: 'warning',
          ref: unit.ref,
          fieldText: text,
          offset: end,
          length: candidate.length,
          message: `${title}是${holder}，这里写作“${candidate}”`,
          fix: looksLikeTypo ? holder : undefined,
        }),
      );
    }
  }
  return findings;
}

export const leaderTitlesRule: Rule = {
  id: ID,
  label: '领导姓名与职务',
  check({ units, settings }) {
    const leaders = settings.leaders ?? [];
    if (leaders.length === 0) return [];
    const lists = listsOf(leaders);
    return units.flatMap((unit) => checkUnit(unit, lists));
  },
};
