// Issues at the edges of what export must survive: empty, 200 pages, a 3,000-character title, 200 ▲ items,
// 500 recipients under 送, and characters beyond GB 2312 (𠮷, 䶮), built from the fixtures' real text.
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { emptyIssue, issueSchema, type ArticleBlock, type Issue, type NewsBlock } from '../../shared/model/issue.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';

export interface ExtremeIssue {
  name: string;
  issue: Issue;
}

const checked = (issue: Issue): Issue => issueSchema.parse(issue);

export function extremeIssues(): ExtremeIssue[] {
  const base = parseBulletinText(bulletinFixtures().find((fixture) => fixture.name === 'yiyang-2023-13')!.text).issue;
  const articles = base.blocks.filter((block): block is ArticleBlock => block.type === 'article');
  const news = generateIssue(40).blocks.filter((block): block is NewsBlock => block.type === 'news').flatMap((block) => block.items);

  const longTitle = articles.map((article) => article.title).join('').repeat(200).slice(0, 3000);
  const manyItems: NewsBlock = { type: 'news', heading: '县市区工作动态', items: Array.from({ length: 200 }, (_, index) => news[index % news.length]!) };
  const rareArticle: ArticleBlock = {
    type: 'article',
    title: '𠮷祥村与䶮字地名整治工作',
    paragraphs: [
      { runs: [{ text: '7月11日，督察组来到𠮷祥村，察看䶮（yǎn）字地名标牌更换情况，“𠮷”“䶮”两字均需用字库以外的字体打印。' }] },
      // each on a line of its own, so a test can find where it is printed
      { runs: [{ text: '䶮' }] },
      { runs: [{ text: '𠮷' }] },
    ],
  };

  return [
    { name: 'empty', issue: checked(emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' }, 1, '2024-01-02')) },
    { name: 'generated-200-pages', issue: checked(generateIssue(200)) },
    { name: 'title-3000-chars', issue: checked(withDerivedLead({ ...base, blocks: [{ ...articles[0]!, title: longTitle }, ...articles.slice(1)] })) },
    { name: 'news-200-items', issue: checked(withDerivedLead({ ...base, blocks: [...articles, manyItems] })) },
    {
      name: 'send-500-entries',
      issue: checked({ ...base, distribution: { ...base.distribution, send: Array.from({ length: 500 }, (_, index) => `第${index + 1}协作单位办公室`) } }),
    },
    { name: 'rare-characters', issue: checked(withDerivedLead({ ...base, series: { ...base.series, issuer: '𠮷䶮市督察协调联络组' }, blocks: [rareArticle, ...articles] })) },
  ];
}
