import { describe, expect, it } from 'vitest';
import { statedTotalRule as rule } from './stated-total.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

const found = (...paragraphs: string[]) => runRule(rule, withParagraphs(...paragraphs)).map((finding) => [finding.text, finding.severity]);

describe('stated totals and their parts', () => {
  it('flags the issue’s sentence: a total with its noun and no 共, parts followed by clauses in other units', () => {
    const text = '对交办的第十一批27件信访举报件进行调查处理，其中，已办结8件、阶段性办结17件、未办结3件，责令整改3家，立案处罚8家，问责2人。';
    const [finding] = runRule(rule, withParagraphs(text));
    expect([finding!.text, finding!.severity, finding!.location.offset]).toEqual(['27件', 'error', text.indexOf('27件')]);
    expect(finding!.message).toBe('分项之和28件（8+17+3）与总数27件不符');
  });

  // amounts in 万 are rounded, so a change within their rounding is rightly passed over (tested below)
  it('catches any one count made larger or smaller, in every shape of breakdown, at the total', () => {
    const shapes = [
      '对交办的第十一批27件信访举报件进行调查处理，其中，已办结8件、阶段性办结16件、未办结3件，责令整改3家，问责2人。',
      '共受理信访件27件，其中来信5件、来访12件、网上信访10件。',
      '检查企业46家：国有企业20家；民营企业26家。',
      '督察组交办的36件信访件中，赫山区11件、资阳区9件、安化县16件。',
      '第三批交办件共计48件（赫山区14件、资阳区10件、沅江市13件、南县11件）。',
      '各县市区共上报整改任务64项，已完成45项，正在推进19项。',
      '全区共检修农机具1,520台(套),其中拖拉机1,000台,插秧机520台.',
    ];
    for (const shape of shapes) {
      const [total, ...others] = [...shape.matchAll(/\d[\d,]*(?=([件家项台]))/g)];
      const parts = others.filter((figure) => figure[1] === total![1]);
      expect(flagged(rule, shape), shape).toEqual([]);
      for (const part of parts) {
        const value = Number(part[0].replace(/,/g, ''));
        for (const changed of [value + 1, value - 1, value + 10]) {
          const planted = shape.slice(0, part.index) + changed + shape.slice(part.index + part[0].length);
          const findings = runRule(rule, withParagraphs(planted));
          expect(findings.map((finding) => finding.location.offset), planted).toEqual([total!.index]);
        }
      }
    }
  });

  it('flags the same breakdown after 共…其中', () => {
    expect(found('共受理27件，其中已办结8件、阶段性办结17件、未办结3件。')).toEqual([['27件', 'error']]);
  });

  it('accepts the breakdowns of every shape when they add up', () => {
    expect(
      flagged(
        rule,
        '对交办的第十一批27件信访举报件进行调查处理，其中，已办结8件、阶段性办结16件、未办结3件，责令整改3家，立案处罚8家，问责2人。',
        '共受理信访件27件，其中来信5件、来访12件、网上信访10件。',
        '共出动执法人员30人次：赫山区12人次，资阳区18人次。',
        '检查企业46家：国有企业20家；民营企业26家。',
        '全年共受理信访件395件。其中，来信120件，来访150件，网上信访125件。',
        '共检查企业46家，其中国有企业20家，其中央企5家、省属企业15家，民营企业26家。',
        '来信10件（其中重复件2件、新件8件），来访3件。',
        '共十二件，其中赫山区、资阳区各五件，安化县两件。',
        '全区共检修农机具1,520台(套),其中拖拉机1,000台,插秧机520台.',
        '共投入资金3.5万元，其中市级1.2万元、县级2.3万元。',
      ),
    ).toEqual([]);
  });

  it('flags a wrong part in a colon breakdown, in a nested one, in a bracketed one and in Chinese numerals', () => {
    expect(
      found(
        '检查企业46家：国有企业21家；民营企业26家。',
        '共检查企业46家，其中国有企业20家，其中央企5家、省属企业16家，民营企业26家。',
        '来信10件（其中重复件3件、新件8件），来访3件。',
        '共十二件，其中赫山区、资阳区各五件，安化县三件。',
      ),
    ).toEqual([
      ['46家', 'error'],
      ['20家', 'error'],
      ['10件', 'error'],
      ['十二件', 'error'],
    ]);
  });

  it('warns when the parts add up to less than the total, and says nothing when the text says the rest is not listed', () => {
    const [finding] = runRule(rule, withParagraphs('共收到12件，其中A区5件，B县4件，C市2件。'));
    expect([finding!.text, finding!.severity]).toEqual(['12件', 'warning']);
    expect(finding!.message).toBe('分项之和11件（5+4+2）与总数12件不符；如有未列出的部分，可忽略此条');
    expect(flagged(rule, '共收到12件，其中A区5件，B县4件，其余正在核实。', '共收到12件，其中A区5件、B县4件等。')).toEqual([]);
  });

  it('only warns when the total is guessed from the sentence before', () => {
    expect(found('全年共受理信访件395件。其中，来信120件，来访150件，网上信访135件。')).toEqual([['395件', 'warning']]);
  });

  it('flags a wrong part after 中 and in brackets that hold only the parts', () => {
    expect(found('督察组交办的36件信访件中，赫山区11件、资阳区9件、安化县17件。', '第三批交办件共计48件（赫山区14件、资阳区12件、沅江市13件、南县11件）。')).toEqual([
      ['36件', 'error'],
      ['48件', 'error'],
    ]);
  });

  it('only warns, either way, when a 共 total is followed by parts with no 其中 or colon', () => {
    expect(found('各县市区共上报整改任务64项，已完成46项，正在推进19项。', '各县市区共上报整改任务64项，已完成44项，正在推进19项。', '共收到12件，A区5件，B县4件。')).toEqual([
      ['64项', 'warning'],
      ['64项', 'warning'],
      ['12件', 'warning'],
    ]);
    expect(flagged(rule, '各县市区共上报整改任务64项，已完成45项，正在推进19项。')).toEqual([]);
  });

  it('never takes a range or a batch number for a total', () => {
    expect(flagged(rule, '1-11批：已办结9批、未办结3批。', '第十一批：已办结9批、未办结3批。', '1至3件：来信5件，来访8件。', '2—4人：其中2人、3人。')).toEqual([]);
  });

  it('allows for rounding in 万, names the sum in the total’s scale, and flags a sum beyond the rounding', () => {
    expect(flagged(rule, '共投入资金3.5万元，其中市级1.24万元、县级2.3万元。')).toEqual([]);
    const [finding] = runRule(rule, withParagraphs('共投入资金3.5万元，其中市级1.5万元、县级2.3万元。'));
    expect([finding!.text, finding!.message]).toEqual(['3.5万元', '分项之和3.8万元（1.5万+2.3万）与总数3.5万元不符']);
  });

  it('never gives an error for approximate figures, and warns only when they are far apart', () => {
    expect(flagged(rule, '共受理300余件，其中来信200件、来访150件。', '共受理约30件，其中来信20件、来访12件。', '共受理30件，其中来信约20件、来访12件。')).toEqual([]);
    expect(found('共受理约30件，其中来信30件、来访12件。')).toEqual([['约30件', 'warning']]);
  });

  it('leaves alone what is not clearly a breakdown', () => {
    expect(
      flagged(
        rule,
        '共收到12件，其中信访件5件。',
        '共出动执法人员120人次，其中检查企业45家、发现问题12个。',
        '共12件，其中来信5件（含重复件2件）、来访7件。',
        '受理12件，A区5件，B县4件。',
        '共同整治企业12家，已完成8家，正在整治3家。',
        '全县新设市场主体1,856户，同比增长12.4%。',
      ),
    ).toEqual([]);
  });

  it('ends a breakdown where its list of parts ends, so a later count in the same unit is no part of it', () => {
    expect(
      flagged(
        rule,
        '共排查风险隐患36处，其中重大隐患6处、一般隐患30处，已整改32处。',
        '检查企业46家，其中合格40家、整改6家，处罚3家。',
        '检查企业46家，其中合格40家、整改6家，另有3家企业被立案查处。',
        '共约谈责任人员15人，其中县级干部3人、科级干部12人，问责5人。',
        '共约谈责任人员15人，其中县级干部3人、科级干部12人；问责5人。',
        '共受理信访件27件，其中，已办结8件，阶段性办结16件，未办结3件，另有2件转办。',
      ),
    ).toEqual([]);
    expect(found('共排查36处，其中重大6处、一般31处，已整改32处。')).toEqual([['36处', 'error']]);
    expect(runRule(rule, withParagraphs('共排查36处，其中重大6处、一般31处，已整改32处。'))[0]!.message).toBe('分项之和37处（6+31）与总数36处不符');
    expect(found('共受理信访件27件，其中，已办结8件，阶段性办结17件，未办结3件。')).toEqual([['27件', 'error']]);
    // one part, then a clause that may count something else: worth a look, not certain
    expect(found('共排查隐患36处，其中重大隐患6处，已整改32处。')).toEqual([['36处', 'warning']]);
  });

  it('flags one part larger than its whole, and counts each place named before 各', () => {
    expect(found('检查企业46家，其中合格50家。', '共接访群众685人，其中集体访760人。', '共交办信访件24件，其中赫山区、资阳区、安化县各9件。')).toEqual([
      ['46家', 'error'],
      ['685人', 'error'],
      ['24件', 'error'],
    ]);
    expect(flagged(rule, '共受理信访件30件，其中来信10件。', '共交办信访件27件，其中赫山区、资阳区、安化县各9件。')).toEqual([]);
  });

  it('takes whole amounts in 万 and 亿 as written, and allows for one figure’s rounding but only doubts more', () => {
    expect(found('共投入资金5亿元，其中中央资金2亿元、省级资金1亿元、市县配套3亿元。', '共投入整改资金2.36亿元，其中中央资金8600万元、省级资金6000万元、市县资金1亿元。')).toEqual([
      ['5亿元', 'error'],
      ['2.36亿元', 'error'],
    ]);
    expect(found('投入资金3.5亿元，其中中央资金1.2亿元、省级资金0.8亿元、市县配套1.7亿元。')).toEqual([['3.5亿元', 'warning']]);
    expect(flagged(rule, '投入资金3.5亿元，其中中央资金1.23亿元、省级资金1.14亿元、市县配套1.16亿元。')).toEqual([]);
  });
});
