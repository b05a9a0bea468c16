import { describe, expect, it } from 'vitest';
import { breakdownsIn, figuresIn, sentencesOf } from './figures.ts';

const figures = (text: string) => figuresIn(text).map((figure) => `${text.slice(figure.offset, figure.offset + figure.length)}=${figure.value}${figure.unit}${figure.approximate ? '~' : ''}`);
const breakdowns = (text: string) => breakdownsIn(text).map((breakdown) => `${breakdown.total.value}=${breakdown.parts.map((part) => part.value).join('+')}`);

describe('figures of a text', () => {
  it('reads counts in every unit, the longest unit first, with thousands separators and Chinese numerals', () => {
    expect(figures('出动执法人员215人次，检查经营主体630家，检查车辆1,218台次，共十二件，问责2人')).toEqual(['215人次=215人次', '630家=630家', '1,218台次=1218台次', '十二件=12件', '2人=2人']);
  });

  it('reads amounts in 万 and 亿 in the base unit, and percentages', () => {
    expect(figures('投入资金3.5万元，储备化肥2.3万吨，总投资1.2亿元，办结率96%，占38.2％，占百分之十')).toEqual([
      '3.5万元=35000元', '2.3万吨=23000吨', '1.2亿元=120000000元', '96%=96%', '38.2％=38.2%', '百分之十=10%',
    ]);
  });

  it('takes ordinals, ranges and batch numbers for no count', () => {
    expect(figures('1-11批共交办，第十一批，第3次，3至5件，2—4人，第1批27件')).toEqual(['27件=27件']);
  });

  it('marks approximate figures: 约, 近, 超过, 余, 多, 左右, 以上', () => {
    expect(figures('约30件，近20人，超过5家，300余件，1,200余万元，10多人，10人左右，50家以上').every((figure) => figure.endsWith('~'))).toBe(true);
  });

  it('leaves out what only looks like a count: 3个月, 2个百分点, 一个个, 千家万户, 重点项目', () => {
    expect(figures('3个月内，提高2个百分点，一个个精彩的妙传，千家万户，重点项目')).toEqual([]);
  });
});

describe('sentences and clauses', () => {
  it('splits at full- and half-width marks but not inside 1,520 or 2.3, and not at what brackets hold', () => {
    const [first, second] = sentencesOf('全区共检修农机具1,520台(套，含旧机),培训农机手260人次.储备化肥2.3万吨');
    expect(first!.clauses.map((clause) => clause.figures.map((figure) => figure.value))).toEqual([[1520], [260]]);
    expect(second!.clauses[0]!.figures[0]!.value).toBe(23000);
  });
});

describe('breakdowns', () => {
  it('finds a total with its noun before 其中 without 共, and ends the parts at a clause in another unit', () => {
    expect(breakdowns('对交办的第十一批27件信访举报件进行调查处理，其中，已办结8件、阶段性办结17件、未办结3件，责令整改3家，立案处罚8家，问责2人。')).toEqual(['27=8+17+3']);
  });

  it('finds the total just before 其中 when the sentence has several counts', () => {
    expect(breakdowns('共出动执法人员120人次，检查企业45家，其中国有企业20家、民营企业25家。')).toEqual(['45=20+25']);
  });

  it('reads a colon after a total as a breakdown, and semicolons between the parts', () => {
    expect(breakdowns('检查企业46家：国有企业20家；民营企业26家。')).toEqual(['46=20+26']);
    expect(breakdowns('交办395件信访件：来信120件，来访275件。')).toEqual(['395=120+275']);
    expect(breakdowns('共办理二十七件，其中：已办结八件；阶段性办结十七件；未办结三件。')).toEqual(['27=8+17+3']);
  });

  it('takes the total from the sentence before when a sentence starts with 其中', () => {
    const [breakdown] = breakdownsIn('全年共受理信访件395件。其中，来信120件，来访150件，网上信访125件。');
    expect([breakdown!.total.value, breakdown!.guessed]).toEqual([395, true]);
    expect(breakdowns('全年共受理信访件395件，办结380件。其中，来信120件，来访150件，网上信访125件。')).toEqual(['395=120+150+125']);
  });

  it('finds breakdowns inside breakdowns, ending the inner one at a semicolon or where it reaches its total', () => {
    expect(breakdowns('共检查企业46家，其中国有企业20家，其中央企5家、省属企业15家，民营企业26家。')).toEqual(['20=5+15', '46=20+26']);
    expect(breakdowns('共检查企业46家，其中国有企业20家，其中央企5家、省属企业14家；民营企业26家。')).toEqual(['20=5+14', '46=20+26']);
    expect(breakdowns('来信10件（其中重复件2件、新件8件），来访3件。')).toEqual(['10=2+8']);
  });

  it('counts each of the places named before 各', () => {
    expect(breakdowns('共十二件，其中赫山区、资阳区各五件，安化县两件。')).toEqual(['12=5+5+2']);
  });

  it('says when the text gives the parts as not all of them', () => {
    expect(breakdownsIn('共收到12件，其中A区5件，B县4件，其余正在核实。')[0]!.openEnded).toBe(true);
    expect(breakdownsIn('共收到12件，其中A区5件，B县4件。')[0]!.openEnded).toBe(false);
  });

  it('reads a clause ending in 中 as the whole its next clauses divide, and brackets holding nothing but parts', () => {
    expect(breakdowns('督察组交办的36件信访件中，赫山区11件、资阳区9件、安化县16件。')).toEqual(['36=11+9+16']);
    expect(breakdowns('第三批交办件共计48件（赫山区14件、资阳区10件、沅江市13件、南县11件）。')).toEqual(['48=14+10+13+11']);
    expect(breakdowns('来信10件（含重复件2件、新件8件），在集中整治中，检查企业12家。')).toEqual([]);
  });

  it('guesses a breakdown from 共 and the clauses after it in the same unit, without 其中', () => {
    const [breakdown] = breakdownsIn('各县市区共上报整改任务64项，已完成45项，正在推进19项。');
    expect([breakdown!.total.value, breakdown!.parts.map((part) => part.value), breakdown!.guessed]).toEqual([64, [45, 19], true]);
  });

  it('finds no breakdown in a list without a total word, in a subset of one part, or across units', () => {
    expect(breakdowns('受理12件，A区5件，B县4件。')).toEqual([]);
    expect(breakdowns('共排查企业156家，发现隐患423处，现场整改391处。')).toEqual([]);
    expect(breakdowns('共收到12件，其中信访件5件。')).toEqual([]);
    expect(breakdowns('共出动执法人员120人次，其中检查企业45家、发现问题12个。')).toEqual([]);
    expect(breakdowns('1-11批共交办信访件395件，其中第十一批27件。')).toEqual([]);
  });

  it.each([
    ['openers', '其中1件、'.repeat(20_000)],
    ['names before 各', '其中、'.repeat(33_000)],
    ['bracketed breakdowns', '共3件（其中1件、2件）'.repeat(7_700)],
    ['colons', '共1件：'.repeat(20_000)],
    ['a chain of 其中', Array.from({ length: 12_000 }, (_, i) => `其中${100_000 - i}件`).join('，')],
    ['counts in one long sentence', '检查企业46家，'.repeat(12_500) + '其中1件、2件'],
  ])('reads a 100,000-character paragraph of %s in a few seconds at most, without overflowing the stack', (_name, text) => {
    const start = performance.now();
    expect(() => breakdownsIn(text)).not.toThrow();
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('does not crash on odd text', () => {
    for (const text of ['', '其中', '：', '（其中', '其中）', '共：：：其中，，，', '）（', '其中12件、13件', '１２'.repeat(1000), '（'.repeat(500) + '其中1件、2件']) {
      expect(() => breakdownsIn(text)).not.toThrow();
    }
  });
});
