import { describe, expect, it } from 'vitest';
import { halfWidthPunctuationRule as rule } from './half-width-punctuation.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

const fixes = (...paragraphs: string[]) => runRule(rule, withParagraphs(...paragraphs)).map((finding) => [finding.text, finding.fix]);

describe('half-width punctuation in Chinese text', () => {
  it('flags half-width , ; : ! ? after or before Chinese and offers the full-width mark', () => {
    expect(fixes('市委,市政府高度重视;要求:立即整改!是否完成?')).toEqual([
      [',', '，'],
      [';', '；'],
      [':', '：'],
      ['!', '！'],
      ['?', '？'],
    ]);
  });

  it('flags a full stop after Chinese, and a dot after a Chinese numeral heading as 、', () => {
    expect(fixes('确保大气污染防治攻坚战各项工作任务落实落地.')).toEqual([['.', '。']]);
    expect(fixes('一.加强组织领导')).toEqual([['.', '、']]);
    const [ellipsis] = runRule(rule, withParagraphs('有关情况正在核实...'));
    expect([ellipsis!.text, ellipsis!.fix, ellipsis!.message]).toEqual(['...', '……', '中文里用了半角的点“...”，省略号应写作“……”']);
  });

  it('flags both half-width brackets around or beside Chinese, and 1) headings', () => {
    expect(fixes('所涉区县(市)党委、政府')).toEqual([
      ['(', '（'],
      [')', '）'],
    ]);
    expect(flagged(rule, '调研资阳区(PCB)产业发展情况', '(1)加强巡查')).toEqual(['(', ')', '(', ')']);
  });

  it('pairs straight quotes into “ ”, with each other or with a curly quote, and flags a lone one without a fix', () => {
    expect(fixes('坚决做到"两个维护"')).toEqual([
      ['"', '“'],
      ['"', '”'],
    ]);
    expect(fixes('严格落实工地扬尘污染防治"六个百分百要求')).toEqual([['"', undefined]]);
    expect(fixes('坚决做到“两个维护"，“六个百分百"')).toEqual([
      ['"', '”'],
      ['"', '”'],
    ]);
    expect(fixes('他强调：“要落实"党政同责"要求。”')).toEqual([
      ['"', '“'],
      ['"', '”'],
    ]);
  });

  it('leaves clock times, decimals, thousands, abbreviations, apostrophes and third-level headings alone', () => {
    expect(flagged(rule, '督察组受理举报电话时间为每天8:00-20:00。', 'PM2.5浓度同比下降3.5%，投资1,000万元。', '1.加强组织领导', 'No.1号文件和U.S. EPA的标准', "China's economy")).toEqual([]);
  });

  it('leaves web and e-mail addresses alone, but not a comma right after one', () => {
    expect(flagged(rule, '详见http://www.mee.gov.cn/xxgk/index.html?id=1&page=2。', '来信请寄hbdc@yiyang.gov.cn。', '网址www.yiyang.gov.cn,欢迎监督')).toEqual([',']);
  });

  it('does not flag the full-width colon of 报： or sentences of the fixtures', () => {
    expect(
      flagged(
        rule,
        '报：省生态环境保护督察和整改工作领导小组办公室，省第四生态环境保护督察组',
        '7月11日下午，省第四生态环境保护督察组组长肖祥清率队到资阳区现场下沉督导突出生态环境问题整改，并调研资阳区PCB产业发展情况。',
        '进驻期间（2023年6月26日—7月16日）设立专门值班电话：0737—6520087，专门邮政信箱：湖南省益阳市A007信箱。',
      ),
    ).toEqual([]);
  });

  it('points at the exact character in the paragraph', () => {
    const [finding] = runRule(rule, withParagraphs('市委,市政府'));
    expect(finding!.location).toEqual({ field: 'paragraph', block: 1, paragraph: 0, offset: 2, length: 1 });
    expect(finding!.severity).toBe('warning');
  });
});
