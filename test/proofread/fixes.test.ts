// Properties every finding must have for the editor: its location holds exactly its text, its key is
// unique, and applying the fixes one by one leaves a valid issue with nothing more to fix.
import { describe, expect, it } from 'vitest';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { applyFix } from '../../shared/proofread/apply-fix.ts';
import { textAt } from '../../shared/proofread/core/location.ts';
import { issueSchema, type Issue } from '../../shared/model/issue.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { textParagraphsOf } from '../../shared/model/content.ts';
import { article, bulletin, fixtureIssues, news } from './build.ts';
import { generateIssue } from '../generate.ts';

/** A made-up issue with a mistake of every kind the rules know. */
const messy: Issue = bulletin(
  [
    {
      ...article('督察組召开座谈会 部署整改', '9 月 17 日,市委,市政府召开会议。。会议要求:立即整改,坚决做到"两个维护"', '2月30日，共收到12件，其中A区5件，B县4件，C市2件。要认真布署，加强的的建设（见附件。'),
      paragraphs: [
        { runs: [{ text: '9 月 17 日,市委,' }, { text: '市政府', bold: true }, { text: '召开会议。。会议要求:立即整改,坚决做到"两个维护"' }] },
        { runs: [{ text: '2月30日，共收到12件，其中A区5件，B县4件，C市2件。要认真布署，加强的的建设（见附件。' }] },
        { runs: [{ text: '19点30时，益阳市市长胡安邦主持召开约谈会，堅決貫徹落實要求。' }] },
        { runs: [{ text: '共受理信访件10件，其中来信5件，占60%，来访5件。' }] },
      ],
    },
    article('没有正文的文章'),
    news('区县市工作动态', { head: '安化县', text: '7月11日，安化县相关领导率队赴小淹镇碧溪村督导．' }, { head: '桃江县' }),
  ],
  { docNumber: '益简字【2022】第042号', printed: { by: '协调联络组', date: '2023-07-11' }, distribution: { report: [], send: ['市政府办公室'], issue: [] } },
);
const settings = { leaders: [{ name: '胡安邦', title: '副市长' }], sections: ['县市区工作动态'], docNumberPrefix: '益简字' };

const cases: [string, Issue][] = [['a made-up issue with every kind of mistake', messy], ...fixtureIssues().map(({ name, issue }): [string, Issue] => [name, issue]), ['a generated 10-page issue', generateIssue(10)]];

describe('findings the editor can use', () => {
  it.each(cases)('in %s, each location holds exactly the finding’s text and each key is unique', (_name, issue) => {
    const findings = proofreadIssue(issue, settings);
    for (const finding of findings) {
      const { offset, length } = finding.location;
      expect(textAt(issue, finding.location)!.slice(offset, offset + length)).toBe(finding.text);
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(findings.map((finding) => finding.key)).size).toBe(findings.length);
  });

  it('finds a mistake of every rule in the made-up issue', () => {
    const rules = new Set(proofreadIssue(messy, settings).map((finding) => finding.rule));
    expect([...rules].sort()).toEqual(
      [
        'characters.doubled',
        'characters.traditional',
        'dates.doc-number-form',
        'dates.doc-number-year',
        'dates.impossible',
        'dates.masthead-printed',
        'dates.time-form',
        'names.leader-title',
        'numbers.total',
        'numbers.share',
        'phrases.fixed',
        'punctuation.doubled',
        'punctuation.half-width',
        'punctuation.space',
        'punctuation.unpaired',
        'structure.empty-article',
        'structure.empty-item',
        'structure.section',
        'structure.empty-report',
      ].sort(),
    );
  });

  it('applies every fix one at a time to a valid issue that has nothing left to fix', () => {
    let issue = messy;
    let applied = 0;
    for (let fixable = proofreadIssue(issue, settings).find((finding) => finding.fix !== undefined); fixable; fixable = proofreadIssue(issue, settings).find((finding) => finding.fix !== undefined)) {
      issue = applyFix(issue, fixable);
      expect(issueSchema.safeParse(issue).success).toBe(true);
      expect(++applied).toBeLessThan(60);
    }
    // (no fix edits the 导读: it follows the fixed titles, derived)
    expect(applied).toBeGreaterThanOrEqual(20);
    expect(issue.blocks[0]).toEqual(withDerivedLead(issue).blocks[0]);
    const paragraphs = issue.blocks[1]!.type === 'article' ? textParagraphsOf(issue.blocks[1]!.paragraphs) : [];
    expect(paragraphs[0]!.runs).toEqual([{ text: '9月17日，市委，' }, { text: '市政府', bold: true }, { text: '召开会议。会议要求：立即整改，坚决做到“两个维护”' }]);
    expect(paragraphs[2]!.runs[0]!.text).toBe('19时30分，益阳市副市长胡安邦主持召开约谈会，坚决贯彻落实要求。');
    expect(issue.docNumber).toBe('益简字〔2023〕42号');
    expect(messy.docNumber).toBe('益简字【2022】第042号');
  });
});
