// Rule: a share stated as 占x% (已办结151件，占38.2%) that is not the part divided by its total,
// allowing for the rounding (or cutting off) to the decimals written. The total is the part's
// breakdown's (an error when wrong); failing that, an earlier total in the paragraph (a warning, as
// that is a guess). A rate whose name is the verb of the count before it is checked the same way, as a
// warning (23件信访积案已化解19件，化解率82.6%); other rates (办结率96% with no 办结 count) and growth or
// comparison (同比增长12.4%, 提高2个百分点) are no shares.
import { makeFinding, type Finding } from '../core/finding.ts';
import { breakdownsIn, figuresIn, type Breakdown, type Figure } from '../core/figures.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'numbers.share';
/** 占38.2%, 占比38.2%, 占总数的38.2%, 所占比例为38.2%: the share of the total just given */
const SHARE_OF_TOTAL = /占(?:比|比例|比重|总数|总量|总件数|总额|全部)?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$/;
/** 占全市的38.2%, 占同类问题的38.2%: a share of something named, perhaps not the total just given */
const SHARE_OF_NAMED = /占[^，。；：、,;:\d%％]{1,12}?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$/;
/** 化解率82.6%, 办结率为96%: the verb before 率 */
const RATE = /([\u4e00-\u9fff]{2})率(?:为|达|约)?\s*$/;
const COMPARISON = /同比|环比|比上年|较上年|比去年|较去年|增长|下降|提高|降低|减少|上升|增加|百分点/;
const CLAUSE_END = /[，。；：！？,;:!?]/;

interface Share {
  percent: Figure;
  part: Figure;
  /** the part's index among the text's figures */
  partIndex: number;
  /** the share is said to be of the total just given (占38.2%), not of something named (占全市的38.2%) */
  ofTotal: boolean;
  /** 分别占66.7%、33.3%: the place of this percentage in the list, the share of the part in that place of `part`'s breakdown */
  respectiveOrder?: number;
}

/** a share's 占… stands this close after its part at most (已办结151件，所占比例为38.2%) */
const NEAREST = 24;

/** The shares of a text: a percentage after 占 (or a rate named by the part's verb) with the count just before it. */
function sharesIn(text: string, figures: readonly Figure[]): Share[] {
  const shares: Share[] = [];
  let part: Figure | undefined;
  let partIndex = -1;
  let respective: { part: Figure; partIndex: number; order: number } | null = null;
  figures.forEach((figure, index) => {
    if (figure.unit !== '%') {
      part = figure;
      partIndex = index;
      respective = null;
      return;
    }
    if (respective && respective.order > 0) {
      const gap = text.slice(figures[index - 1]!.offset + figures[index - 1]!.length, figure.offset);
      if (/^\s*[、，,]\s*$/.test(gap)) {
        shares.push({ percent: figure, part: respective.part, partIndex: respective.partIndex, ofTotal: true, respectiveOrder: respective.order++ });
        return;
      }
      respective = null;
    }
    if (!part || figure.offset - (part.offset + part.length) > NEAREST) return;
    const percent = figure;
    const between = text.slice(part.offset + part.length, percent.offset);
    const lead = between.replace(/^[，,\s]/, '');
    if (CLAUSE_END.test(lead) || COMPARISON.test(between) || COMPARISON.test(text.slice(percent.offset + percent.length, percent.offset + percent.length + 4))) return;
    const rate = RATE.exec(lead);
    if (/分别/.test(lead)) {
      // 分别占66.7%、33.3%: each percentage is the share of the part in the same place of the breakdown
      shares.push({ percent, part, partIndex, ofTotal: true, respectiveOrder: 0 });
      respective = { part, partIndex, order: 1 };
      return;
    }
    if (SHARE_OF_TOTAL.test(lead)) shares.push({ percent, part, partIndex, ofTotal: true });
    else if (SHARE_OF_NAMED.test(lead)) shares.push({ percent, part, partIndex, ofTotal: false });
    else if (rate) {
      // 属实率 is the share of 属实28件, not of 不属实6件 or 部分属实12件 that may stand last
      const named = countNamedBy(rate[1]!, index, figures, text);
      if (named) shares.push({ percent, part: named.part, partIndex: named.index, ofTotal: false });
    }
  });
  return shares;
}

/** what may stand between the start of a count's clause and the verb a rate is named by (已化解19件) */
const BEFORE_VERB = /(?:^|[已共均累计])$/;

/** The nearest count before figure `before`, in its sentence, whose clause names it by `verb` (化解率: 已化解19件). */
function countNamedBy(verb: string, before: number, figures: readonly Figure[], text: string): { part: Figure; index: number } | null {
  for (let at = before - 1; at >= Math.max(0, before - REACH); at--) {
    const figure = figures[at]!;
    const end = figures[at + 1]!.offset;
    if (/[。！？]/.test(text.slice(figure.offset + figure.length, end))) return null;
    if (figure.unit === '%') continue;
    const head = text.slice(Math.max(0, figure.offset - 12), figure.offset).split(/[，、；：,;:。（(]|其中/).pop()!.trim();
    if (head.endsWith(verb) && BEFORE_VERB.test(head.slice(0, head.length - verb.length))) return { part: figure, index: at };
  }
  return null;
}

/** how many figures back an unnamed total is looked for */
const REACH = 40;

/** The first count in the part's unit, larger than it, among the figures of its sentence before it. */
function earlierLargerCount(partIndex: number, figures: readonly Figure[], text: string): Figure | null {
  const part = figures[partIndex]!;
  let found: Figure | null = null;
  for (let at = partIndex - 1; at >= Math.max(0, partIndex - REACH); at--) {
    const figure = figures[at]!;
    if (/[。！？]/.test(text.slice(figure.offset + figure.length, figures[at + 1]!.offset))) break;
    if (figure.unit === part.unit && figure.value > part.value) found = figure;
  }
  return found;
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  if (!/占|率/.test(text) || !/[%％]|百分之/.test(text)) return [];
  const figures = figuresIn(text);
  const breakdowns = breakdownsIn(text);
  const breakdownOfPart = new Map<number, Breakdown>();
  for (const breakdown of breakdowns) for (const part of breakdown.parts) if (!breakdownOfPart.has(part.offset)) breakdownOfPart.set(part.offset, breakdown);
  const totals = breakdowns.map((breakdown) => breakdown.total).sort((a, b) => a.offset - b.offset);
  const lastTotalIn = new Map<string, Figure>();
  let nextTotal = 0;
  const findings: Finding[] = [];
  const shares = sharesIn(text, figures);
  for (const share of shares) {
    const { percent, partIndex, ofTotal } = share;
    let { part } = share;
    if (share.respectiveOrder !== undefined) {
      // the list of percentages stands for the parts of the breakdown in order, or for nothing certain
      const parts = breakdownOfPart.get(part.offset)?.parts;
      const respectives = shares.filter((other) => other.part === share.part && other.respectiveOrder !== undefined).length;
      if (!parts || parts.length !== respectives) continue;
      part = parts[share.respectiveOrder]!;
    }
    for (; nextTotal < totals.length && totals[nextTotal]!.offset < part.offset; nextTotal++) lastTotalIn.set(totals[nextTotal]!.unit, totals[nextTotal]!);
    const own = breakdownOfPart.get(part.offset)?.total;
    const guessed = lastTotalIn.get(part.unit);
    const total = own ?? (guessed && guessed.value > part.value ? guessed : earlierLargerCount(partIndex, figures, text));
    if (!total || part.approximate || total.approximate || total.value <= 0) continue;
    const certain = own !== undefined && ofTotal;
    const decimals = Math.round(-Math.log10(percent.rounding * 2));
    const step = 10 ** -decimals;
    const lowest = (100 * (part.value - part.rounding)) / (total.value + total.rounding);
    const highest = (100 * (part.value + part.rounding)) / Math.max(total.value - total.rounding, 1e-9);
    if (percent.value > lowest - step - 1e-9 && percent.value < highest + step + 1e-9) continue;
    const computed = ((100 * part.value) / total.value).toFixed(decimals);
    findings.push(
      makeFinding({
        rule: ID,
        severity: certain ? 'error' : 'warning',
        ref: unit.ref,
        fieldText: text,
        offset: percent.offset,
        length: percent.length,
        message: `${part.value}${part.unit}占总数${total.value}${total.unit}的${computed}%，文中写作${percent.value}%${certain ? '' : '；如所占的是别的总数，可忽略此条'}`,
      }),
    );
  }
  return findings;
}

export const statedShareRule: Rule = {
  id: ID,
  label: '占比与分项',
  check: ({ units }) => units.flatMap(checkUnit),
};
