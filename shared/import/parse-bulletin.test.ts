import { describe, expect, it } from 'vitest';
import { parseBulletin, parseBulletinText } from './parse-bulletin.ts';
import { elementPlainText, textParagraphsOf } from '../model/content.ts';
import { textSource, type SourceDocument } from './source.ts';
import { decodeText } from '../text/decode.ts';
import { issueSchema, paragraphText, type ArticleBlock, type Figure, type NewsBlock, type Table } from '../model/issue.ts';
import { issueToPlainText } from '../text/plain-text.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { expectFacts } from '../../test/expected-facts.ts';
import { missingChars } from '../../test/char-multiset.ts';
import { asPdfExtraction, encodeGbk, encodeUtf16le, withCrlf } from '../../test/bulletin-variants.ts';

const fixtures = bulletinFixtures();

function decoded(bytes: Uint8Array): string {
  const result = decodeText(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const variants: [string, (text: string) => string][] = [
  ['as published', (text) => text],
  ['hard-wrapped at 28 with page numbers', (text) => asPdfExtraction(text)],
  ['hard-wrapped with “－ N －” page marks', (text) => asPdfExtraction(text, 28, 22, (page) => `－ ${page} －`)],
  ['hard-wrapped with “- N -” page marks and a short page', (text) => asPdfExtraction(text, 28, 9, (page) => `- ${page} -`)],
  ['GBK-encoded', (text) => decoded(encodeGbk(text))],
  ['UTF-16 with BOM, CRLF line ends', (text) => decoded(encodeUtf16le(withCrlf(text)))],
  ['hard-wrapped, GBK-encoded, CRLF', (text) => decoded(encodeGbk(withCrlf(asPdfExtraction(text))))],
];

describe.each(fixtures)('fixture $name', (fixture) => {
  it.each(variants)('finds every expected fact when %s', (_label, variant) => {
    const { issue } = parseBulletinText(variant(fixture.text));
    expectFacts(issue, fixture.expected);
  });

  it.each(variants)('drops no character of the body when %s', (_label, variant) => {
    const source = variant(fixture.text);
    const { issue } = parseBulletinText(source);
    expect(missingChars(source, issueToPlainText(issue))).toBe('');
  });

  it('produces an issue that passes the canonical schema', () => {
    const { issue } = parseBulletinText(fixture.text);
    expect(issueSchema.safeParse(issue).success).toBe(true);
  });
});

describe('fixture details', () => {
  it('rejoins the paragraph split over a page break in issue 13 into one paragraph', () => {
    const issue = parseBulletinText(fixtures.find((f) => f.name === 'yiyang-2023-13')!.text).issue;
    const first = issue.blocks.find((block): block is ArticleBlock => block.type === 'article')!;
    expect(first.paragraphs).toHaveLength(3);
    expect(elementPlainText(first.paragraphs[2]!)).toContain('开对“药方”。要以时时放心不下');
  });

  it('reads the bold run-in headlines of the 2020 issue as item heads with their text as the paragraph', () => {
    const issue = parseBulletinText(fixtures.find((f) => f.name === 'yiyang-2020-huitoukan-04')!.text).issue;
    const section = issue.blocks.find((block): block is NewsBlock => block.type === 'news')!;
    expect(section.items[0]!.form).toBe('runIn');
    expect(elementPlainText(section.items[0]!.paragraphs[0]!).startsWith('9月19日19点30时')).toBe(true);
  });

  it('joins the ▲ headline that breaks over two lines in issue 1', () => {
    const issue = parseBulletinText(fixtures.find((f) => f.name === 'yiyang-2023-01')!.text).issue;
    const section = issue.blocks.find((block): block is NewsBlock => block.type === 'news')!;
    expect(section.items[0]!.head).toBe('省第四生态环境保护督察组赴益阳市相关市直单位开展走访');
    expect(section.items[0]!.form).toBe('ownLine');
  });
});

describe('masthead variants', () => {
  const body = '【导读】\n★工作动态\n工作动态\n5月6日，召开会议。\n';

  it('reads yearly numbering with a running total', () => {
    const { issue } = parseBulletinText(`某某工作简报\n2024年第3期 总第15期\n某某办公室 2024年5月6日\n${body}`);
    expect(issue.series.numbering).toBe('yearly-with-total');
    expect([issue.year, issue.number, issue.totalNumber]).toEqual([2024, 3, 15]);
  });

  it('reads a total in brackets and spaces inside the numbers', () => {
    const { issue } = parseBulletinText(`某某工作简报\n2024 年第 3 期（总第 15 期）\n某某办公室\n2024 年 5 月 6 日\n${body}`);
    expect([issue.number, issue.totalNumber, issue.date, issue.series.issuer]).toEqual([3, 15, '2024-05-06', '某某办公室']);
  });

  it('joins a series name broken over two lines', () => {
    const { issue } = parseBulletinText(`益阳市配合第二轮省生态环境保护\n例行督察工作简报\n第 2 期\n联络组 2023年6月28日\n${body}`);
    expect(issue.series.name).toBe('益阳市配合第二轮省生态环境保护例行督察工作简报');
  });

  it('reads a document number standing near the masthead and normalises no digits in it', () => {
    const { issue } = parseBulletinText(`某某工作简报\n第2期\n益简字〔2023〕42号\n联络组 2023年6月28日\n${body}`);
    expect(issue.docNumber).toBe('益简字〔2023〕42号');
    expect(issue.number).toBe(2);
  });

  it('warns and still gives a valid issue when the text has no masthead at all', () => {
    const { issue, warnings } = parseBulletinText('会议召开\n5月6日，召开会议。\n', { today: '2024-05-07' });
    expect(issueSchema.safeParse(issue).success).toBe(true);
    expect(issue.date).toBe('2024-05-07');
    expect(warnings.join()).toContain('期号');
  });
});

describe('body variants', () => {
  const masthead = '某某工作简报\n第1期\n某某办公室 2024年5月6日\n';

  it('finds titles, a subtitle marked with a dash, and numbered sub-headings without a 导读', () => {
    const { issue } = parseBulletinText(
      `${masthead}全市召开防汛工作会议\n——部署今年防汛抗旱工作\n5月5日，全市防汛工作会议召开。\n一、提高思想认识\n要充分认识防汛工作的重要性。\n（一）压实责任\n各地要落实责任。\n`,
    );
    const article = issue.blocks.find((block): block is ArticleBlock => block.type === 'article')!;
    expect(article.title).toBe('全市召开防汛工作会议');
    expect(article.subtitle).toBe('——部署今年防汛抗旱工作');
    expect(textParagraphsOf(article.paragraphs).map((p) => p.heading ?? 0)).toEqual([0, 1, 0, 2, 0]);
  });

  it('reads news items printed without ▲, as “unit：text” lines', () => {
    const { issue } = parseBulletinText(`${masthead}【县市区工作动态】\n安化县：5月5日，安化县召开会议。\n南县：5月5日，南县开展巡查。\n`);
    const section = issue.blocks.find((block): block is NewsBlock => block.type === 'news')!;
    expect(section.items.map((item) => item.head)).toEqual(['安化县', '南县']);
  });

  it('reads news items printed without ▲, as headlines on their own line', () => {
    const { issue } = parseBulletinText(`${masthead}【县市区工作动态】\n安化县召开环保督察整改推进会\n5月5日，安化县召开会议，部署整改。\n南县开展河道专项巡查\n5月5日，南县开展巡查，发现问题三处。\n`);
    const section = issue.blocks.find((block): block is NewsBlock => block.type === 'news')!;
    expect(section.items.map((item) => item.head)).toEqual(['安化县召开环保督察整改推进会', '南县开展河道专项巡查']);
  });

  it('keeps an 编者按 that stands before the first title as a paragraph of the first article', () => {
    const { issue } = parseBulletinText(`${masthead}编者按：近日，全市开展专项行动，现将有关情况刊发如下。\n专项行动启动\n5月5日，专项行动启动。\n`);
    const article = issue.blocks.find((block): block is ArticleBlock => block.type === 'article')!;
    expect(elementPlainText(article.paragraphs[0]!)).toContain('编者按');
    expect(article.title).toBe('专项行动启动');
  });

  it('splits 报/送/发 lists on commas and line breaks, keeping an entry wrapped over two lines whole', () => {
    const { issue } = parseBulletinText(
      `${masthead}会议召开\n5月5日，会议召开。\n报：省委办公厅，省政府办公厅，省生态环境保护督察和整改工作领导小\n组办公室\n送：市委办\n市政府办\n发：各县市区\n某某办公室 2024年5月6日印发\n（共印50份）\n`,
    );
    expect(issue.distribution.report).toEqual(['省委办公厅', '省政府办公厅', '省生态环境保护督察和整改工作领导小组办公室']);
    expect(issue.distribution.send).toEqual(['市委办', '市政府办']);
    expect(issue.distribution.issue).toEqual(['各县市区']);
    expect(issue.printed).toEqual({ by: '某某办公室', date: '2024-05-06' });
    expect(issue.copies).toBe(50);
  });

  it('ends a wrapped recipient list at its short last line, so the issuer on the next line (a PDF’s lines) is not taken for one more recipient', () => {
    const prose = '督导组详细了解环境问题及目前整改推进情况，仔细察看相关养殖场的污染防治设施运行情况，以及认真查阅设施运行台账记录，并要求镇政府加强部门监管，加大执法检查力度。'.repeat(3);
    const wrapped = prose.match(/.{1,24}/gu)!.join('\n');
    const { issue } = parseBulletinText(
      `${masthead}会议召开\n${wrapped}\n送：各县市区委、县市区人民政府，益阳高新区党工委、管\n委会，大通湖区管委会\n益阳市配合第二轮省生态环境保护督察协调联络组\n2024年5月6日印发\n`,
    );
    expect(issue.distribution.send).toEqual(['各县市区委、县市区人民政府', '益阳高新区党工委、管委会', '大通湖区管委会']);
    expect(issue.printed).toEqual({ by: '益阳市配合第二轮省生态环境保护督察协调联络组', date: '2024-05-06' });
  });

  it('ends a paragraph at the gap a PDF reader marks with an empty line, though its last line fills the width, and not at an empty line of plain text', () => {
    // two paragraphs hard-wrapped at 22 characters, the first ending on a full line without punctuation
    const first = '全市开展生态环境问题排查整治专项行动，各地各部门按照统一部署，扎实推进问题整改。'.repeat(3).slice(0, 88);
    const second = '市生态环境局组织专班，对全市重点企业开展了拉网式排查，发现问题二十三处，已整改到位。'.repeat(3);
    const wrap = (paragraph: string) => paragraph.match(/.{1,22}/gu)!.join('\n');
    const text = `${masthead}专项行动推进有力\n${wrap(first)}\n\n${wrap(second)}\n`;
    const articleOf = (issue: ReturnType<typeof parseBulletinText>['issue']) => issue.blocks.find((block): block is ArticleBlock => block.type === 'article')!;
    expect(articleOf(parseBulletin(textSource(text, 'pdf')).issue).paragraphs.map(elementPlainText)).toEqual([first, second]);
    expect(articleOf(parseBulletin(textSource(text, 'text')).issue).paragraphs.map(elementPlainText)).toEqual([first + second]);
  });

  it('puts text found after the colophon into the nearest article instead of dropping it', () => {
    const { issue } = parseBulletinText(`${masthead}会议召开\n5月5日，会议召开。\n报：省委办公厅\n本期责任编辑：张三\n`);
    expect(issueToPlainText(issue)).toContain('本期责任编辑：张三');
  });
});

describe('tables and photos among the lines (a .docx reader’s elements)', () => {
  const table: Table = {
    type: 'table',
    columns: [{ align: 'left' }, { align: 'right' }],
    header: [[{ runs: [{ text: '县市区' }] }, { runs: [{ text: '交办件数' }] }]],
    rows: [[{ runs: [{ text: '赫山区' }] }, { runs: [{ text: '12' }] }]],
    total: [{ runs: [{ text: '合计' }] }, { runs: [{ text: '12' }] }],
  };
  const figure: Figure = { type: 'figure', image: { id: 'a'.repeat(64), format: 'png', width: 800, height: 600 }, caption: '图为会议现场', widthPercent: 60 };
  const lines = (...items: (string | Table | Figure)[]): SourceDocument => ({
    unit: 'paragraphs',
    format: 'docx',
    lines: items.map((item) => (typeof item === 'string' ? { text: item } : { text: '', element: item })),
  });
  const masthead = ['某某工作简报', '第1期', '某某办公室 2024年5月6日'];
  const kinds = (article: ArticleBlock) => article.paragraphs.map((element) => element.type ?? elementPlainText(element));

  it('keeps a table and a photo in the article they stand in: no article starts at them, and the text after them goes on in the same article', () => {
    const { issue } = parseBulletin(lines(...masthead, '全市信访工作推进会召开', '5月5日，全市信访工作推进会召开。', figure, '全市信访件交办情况如下：', table, '会议要求压实责任。', '资阳区开展专项行动', '4月以来，资阳区建立台账。'));
    const articles = issue.blocks.filter((block): block is ArticleBlock => block.type === 'article');
    expect(articles.map((article) => article.title)).toEqual(['全市信访工作推进会召开', '资阳区开展专项行动']);
    expect(kinds(articles[0]!)).toEqual(['5月5日，全市信访工作推进会召开。', 'figure', '全市信访件交办情况如下：', 'table', '会议要求压实责任。']);
    expect(articles[0]!.paragraphs[3]).toEqual(table);
  });

  it('keeps a note printed under a table (数据来源：…) as a paragraph of its article, not the title of a new one', () => {
    const { issue } = parseBulletin(lines(...masthead, '全市信访工作推进会召开', '全市信访件交办情况如下：', table, '数据来源：市信访局', '会议要求，各地要压实责任。'));
    const articles = issue.blocks.filter((block): block is ArticleBlock => block.type === 'article');
    expect(articles.map((article) => article.title)).toEqual(['全市信访工作推进会召开']);
    expect(kinds(articles[0]!)).toEqual(['全市信访件交办情况如下：', 'table', '数据来源：市信访局', '会议要求，各地要压实责任。']);
  });

  it('puts a table standing under a news item into that item, and one among the colophon into the nearest article', () => {
    const { issue } = parseBulletin(lines(...masthead, '【县市区动态】', '▲赫山区：5月5日，赫山区召开调度会。', table, '▲资阳区：5月6日，资阳区召开推进会。', '报：市委办公室', figure, '某某办公室 2024年5月6日印发'));
    const news = issue.blocks.find((block): block is NewsBlock => block.type === 'news')!;
    expect(news.items.map((item) => item.paragraphs.map((element) => element.type ?? 'text'))).toEqual([['text', 'table'], ['text', 'figure']]);
    expect(issue.distribution.report).toEqual(['市委办公室']);
    expect(issue.printed).toEqual({ by: '某某办公室', date: '2024-05-06' });
  });

  it('reads the masthead as if a picture in it (an emblem between the series name and the 期号) were not there, and leaves that picture out', () => {
    const { issue } = parseBulletin(lines('某某工作简报', figure, '第1期', '某某办公室 2024年5月6日', '会议召开', '5月5日，会议召开。'));
    expect({ name: issue.series.name, number: issue.number, date: issue.date }).toEqual({ name: '某某工作简报', number: 1, date: '2024-05-06' });
    expect(issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs.map((element) => element.type ?? 'text') : []))).toEqual(['text']);
  });
});
