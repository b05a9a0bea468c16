import { describe, expect, it } from 'vitest';
import { statedShareRule as rule } from './stated-share.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

const found = (...paragraphs: string[]) => runRule(rule, withParagraphs(...paragraphs)).map((finding) => [finding.text, finding.severity]);

describe('shares stated as 占x%', () => {
  it('flags a share of a breakdown’s part that is not part ÷ total, naming the right figure', () => {
    const [finding] = runRule(rule, withParagraphs('共受理信访件395件，其中来信120件，占34.5%；来访275件，占69.6%。'));
    expect([finding!.text, finding!.severity]).toEqual(['34.5%', 'error']);
    expect(finding!.message).toBe('120件占总数395件的30.4%，文中写作34.5%');
    expect(found('共受理信访件395件，其中来信120件（占40.4%）、来访275件（占69.6%）。')).toEqual([['40.4%', 'error']]);
  });

  it('accepts shares rounded or cut off to the decimals written, in every way 占 is written', () => {
    expect(
      flagged(
        rule,
        '共受理信访件395件，其中来信120件，占30.4%；来访275件，占比69.6%。',
        '共受理信访件395件，其中来信120件，占30.3%，来访275件，所占比例为70%。',
        '共检查企业46家，其中国有企业20家，占总数的43.5％，民营企业26家，占百分之五十六点五。',
        '共受理信访件395件，其中来信120件（占30.4%）、来访275件（占69.6%）。',
      ),
    ).toEqual([]);
  });

  it('checks a share against the last total of the paragraph, as a warning, when the part is in no breakdown', () => {
    expect(found('全年共受理信访件395件。其中，来信120件，来访150件，网上信访125件。已办结151件，占38.2%。')).toEqual([]);
    expect(found('全年共受理信访件395件。其中，来信120件，来访150件，网上信访125件。已办结151件，占48.2%。')).toEqual([['48.2%', 'warning']]);
    expect(found('检查企业46家，发现问题企业12家，占36.1%。')).toEqual([['36.1%', 'warning']]);
  });

  it('only warns when the share is of something named rather than the total just given', () => {
    expect(found('共受理信访件395件，其中来信120件，占全市来信的50%，来访275件。')).toEqual([['50%', 'warning']]);
  });

  it('checks a rate named by the verb of the count before it, as a warning', () => {
    expect(flagged(rule, '截至4月底，该街道排查出的23件信访积案已化解19件，化解率82.6%。')).toEqual([]);
    expect(found('截至4月底，该街道排查出的23件信访积案已化解20件，化解率82.6%。')).toEqual([['82.6%', 'warning']]);
  });

  it('never checks growth, comparisons, rates of nothing counted or shares of approximate figures', () => {
    expect(
      flagged(
        rule,
        '全县新设市场主体1,856户，同比增长12.4%；其中个体工商户1,200户、企业656户，占比同比提高2个百分点。',
        '受理群众诉求312件，办结率96%。',
        '共受理网上信访事项2,846件，按期受理率99.2%，按期办结率97.8%，群众满意率90.3%。',
        '办结98件，增长率50%。',
        '共受理300余件，其中来信200件，占50%，来访150件。',
        '共受理信访件395件，其中来信120件，比上年下降5%，来访275件。',
      ),
    ).toEqual([]);
  });

  it('reads 分别占 as the shares of the parts in their order, naming the one that is wrong', () => {
    expect(flagged(rule, '处理党员干部12人，其中给予党纪处分8人、政务处分4人，分别占66.7%、33.3%。')).toEqual([]);
    const [finding, ...others] = runRule(rule, withParagraphs('处理党员干部12人，其中给予党纪处分8人、政务处分4人，分别占66.7%、43.3%。'));
    expect(others).toEqual([]);
    expect([finding!.text, finding!.message]).toEqual(['43.3%', '4人占总数12人的33.3%，文中写作43.3%']);
  });

  it('checks a rate against the count its name names, not against a 不… or 部分… count beside it', () => {
    expect(
      flagged(
        rule,
        '受理群众举报46件，其中属实28件、部分属实12件、不属实6件，属实率60.9%。',
        '共抽查样品50批次，其中合格48批次、不合格2批次，合格率96%，不合格率4%。',
      ),
    ).toEqual([]);
    expect(found('共抽查样品50批次，其中合格48批次、不合格2批次，合格率90%。')).toEqual([['90%', 'warning']]);
  });
});
