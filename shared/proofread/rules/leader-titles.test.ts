import { describe, expect, it } from 'vitest';
import { leaderTitlesRule as rule } from './leader-titles.ts';
import { runRule, withParagraphs } from '../../../test/proofread/build.ts';

const leaders = [
  { name: '胡安邦', title: '副市长' },
  { name: '肖祥清', title: '省第四生态环境保护督察组组长' },
  { name: '陈竞', title: '市委书记' },
  { name: '熊炜', title: '市委副书记、市长' },
  { name: '刘勇会', title: '市委常委、常务副市长' },
];

const check = (...paragraphs: string[]) => runRule(rule, withParagraphs(...paragraphs), { leaders }).map((finding) => [finding.text, finding.fix, finding.severity]);

describe('leaders’ names and titles', () => {
  it('accepts the fixtures’ sentences, with full and shortened titles', () => {
    expect(
      check(
        '9月19日下午，益阳市副市长胡安邦主持召开约谈会。',
        '省第四生态环境保护督察组组长肖祥清出席并讲话。',
        '督察组组长肖祥清、副组长王盛才及全体督察组成员出席了会议。',
        '市委书记陈竞作动员讲话。会议由市委副书记、市长熊炜主持。',
        '6月20日，市委常委、常务副市长刘勇会主持召开了全市配合第二轮省生态环境保护督察工作部署会。',
        '胡安邦指出，要进一步提高政治站位。',
      ),
    ).toEqual([]);
  });

  it('flags a listed name under a title that drops or adds a rank, offering the listed title', () => {
    expect(check('益阳市市长胡安邦主持召开约谈会')).toEqual([['市长', '副市长', 'error']]);
    expect(check('副市长刘勇会主持召开部署会')).toEqual([['副市长', '常务副市长', 'error']]);
  });

  it('flags a listed name under another office', () => {
    const findings = runRule(rule, withParagraphs('区委书记陈竞作动员讲话'), { leaders });
    expect(findings.map((finding) => [finding.text, finding.fix, finding.severity])).toEqual([['区委书记', '市委书记', 'error']]);
    expect(findings[0]!.message).toContain('市委书记');
  });

  it('warns at a unique listed title followed by another name, offering the listed name where it looks mistyped', () => {
    expect(check('市委书记陈静作动员讲话')).toEqual([['陈静', '陈竞', 'warning']]);
    expect(check('市委书记李明主持会议')).toEqual([['李明', undefined, 'warning']]);
  });

  it('does not take a verb after a title for a name, nor check anything without a list', () => {
    expect(check('市委书记强调，要提高站位', '副市长胡安邦、市委书记陈竞出席')).toEqual([]);
    expect(runRule(rule, withParagraphs('益阳市市长胡安邦主持召开约谈会'))).toEqual([]);
  });

  it('reads what follows a title as words: a verb or adverb the segmenter knows is no name, whether or not any list names it', () => {
    expect(check('市委书记视察了南县', '市委书记调度、督办整改', '会议由市委书记主持。市委书记指导，', '市委书记调度督察整改', '市委书记指导工作', '市委书记高度重视', '市委书记带队检查', '市委书记在会上强调', '市委书记调研')).toEqual([]);
  });

  it('still takes a name whose given name is a word (王建国) for a name after a unique title', () => {
    expect(check('省第四生态环境保护督察组组长王建国出席会议')).toEqual([['王建国', undefined, 'warning']]);
  });
});
