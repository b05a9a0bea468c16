// Composes the parts of a real fixture bulletin (its masthead facts, 导读, articles, news items and
// colophon, as the parser reads them from the published text) into the other layouts real bulletins use:
// other masthead forms, other 导读, section and item marks, lost titles, web-page chrome, half-width
// punctuation, hard wraps with indented first lines. Each layout says what the reader must then find.
import { paragraphText, type ArticleBlock, type Issue, type NewsBlock } from '../../shared/model/issue.ts';
import { elementPlainText } from '../../shared/model/content.ts';

export interface Layout {
  name: string;
  masthead?: 'number-alone' | 'chinese-numeral' | 'spaced-number' | 'number-in-name-line' | 'yearly-with-total' | 'total-on-own-line';
  issuerDate?: 'spaced' | 'glued' | 'two-lines' | 'issuer-over-two-lines' | 'chinese-date' | 'on-number-line' | 'date-first' | 'issuer-above-number';
  seriesEnding?: string;
  lead?: 'star' | 'numbered' | 'chinese-numbered' | 'bare' | 'none' | 'star-wrapped';
  titles?: 'own-lines' | 'glued-to-previous' | 'glued-to-text';
  sectionMark?: '【】' | '●' | '◆' | '■' | '一、';
  itemMark?: '▲' | '●' | 'number' | 'none';
  itemHead?: 'as-read' | 'run-in-space' | 'own-line';
  chrome?: boolean;
  halfWidth?: boolean;
  articleAfterNews?: boolean;
  /** hard-wrapped at this many glyphs, first lines indented by two (the indent dropped by extraction) */
  wrap?: number;
}

export interface Expected {
  seriesName: string;
  issuer: string;
  number: number;
  totalNumber: number | null;
  date: string;
  /** 导读 entries, or none when the layout prints none */
  lead: string[];
  printLead: boolean;
  articles: { title: string; subtitle?: string; firstParagraph: string }[];
  sections: { heading: string; heads: string[] }[];
  report: number;
  send: number;
  setAside: string[];
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseNumeral(value: number): string {
  if (value <= 10) return CHINESE[value]!;
  if (value < 20) return `十${CHINESE[value - 10]}`;
  return `${CHINESE[Math.floor(value / 10)]}十${CHINESE[value % 10]}`;
}
const DIGITS = '〇一二三四五六七八九';
function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${[...String(year)].map((digit) => DIGITS[Number(digit)]).join('')}年${chineseNumeral(month)}月${chineseNumeral(day)}日`;
}
const arabicDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
};

function toHalfWidth(text: string): string {
  return text.replace(/[：，；（）！？]/g, (char) => ({ '：': ':', '，': ',', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?' })[char]!);
}

function wrapParagraph(line: string, width: number): string[] {
  const chars = [...line];
  const pieces: string[] = [];
  let at = 0;
  let first = true;
  while (at < chars.length) {
    const take = first ? width - 2 : width;
    pieces.push(chars.slice(at, at + take).join(''));
    at += take;
    first = false;
  }
  return pieces;
}

const CHROME_BEFORE = ['首页 > 政务公开 > 工作动态', '发布机构：市生态环境局', '发布时间：2023-07-12 10:21', '字体：【大 中 小】', '打印本页 关闭窗口'];
const CHROME_AFTER = ['【打印本页】【关闭窗口】', '扫一扫在手机打开当前页', '主办单位：市人民政府办公室 网站标识码：4309000001'];

/** The fixture's bulletin, as `issue` holds it, written in `layout`; and what a reader must find in it. */
export function compose(issue: Issue, layout: Layout): { text: string; body: string; expected: Expected } {
  const articles = issue.blocks.filter((block): block is ArticleBlock => block.type === 'article');
  const sections = issue.blocks.filter((block): block is NewsBlock => block.type === 'news');
  const name = layout.seriesEnding ? issue.series.name.replace(/简报$/, layout.seriesEnding) : issue.series.name;
  const total = issue.number + 120;
  const date = layout.issuerDate === 'chinese-date' ? chineseDate(issue.date) : arabicDate(issue.date);
  const out: string[] = [];
  const masthead: string[] = [];
  if (layout.chrome) out.push(...CHROME_BEFORE);
  const numberText =
    layout.masthead === 'chinese-numeral' ? `第${chineseNumeral(issue.number)}期`
    : layout.masthead === 'spaced-number' ? `第 ${issue.number} 期`
    : layout.masthead === 'yearly-with-total' ? `${issue.year}年第${issue.number}期（总第${total}期）`
    : `第${issue.number}期`;
  const withTotal = layout.masthead === 'yearly-with-total' || layout.masthead === 'total-on-own-line';
  if (layout.masthead === 'number-in-name-line') masthead.push(`${name} ${numberText}`);
  else masthead.push(name, numberText);
  if (layout.masthead === 'total-on-own-line') masthead.push(`(总第${total}期)`);
  const issuer = issue.series.issuer;
  switch (layout.issuerDate) {
    case 'glued':
      masthead.push(`${issuer}${date}`);
      break;
    case 'two-lines':
      masthead.push(issuer, date);
      break;
    case 'issuer-over-two-lines': {
      const half = Math.ceil([...issuer].length / 2);
      masthead.push([...issuer].slice(0, half).join(''), [...issuer].slice(half).join(''), date);
      break;
    }
    case 'date-first':
      masthead.push(`${date}    ${issuer}`);
      break;
    case 'issuer-above-number':
      masthead.splice(masthead.length - 1, 0, `${issuer}编`);
      masthead[masthead.length - 1] = `${masthead.at(-1)}        ${date}`;
      break;
    case 'on-number-line':
      masthead[masthead.length - 1] = `${masthead.at(-1)}    ${issuer}    ${date}`;
      break;
    default:
      masthead.push(`${issuer} ${date}`);
  }
  out.push(...masthead);

  const body: string[] = [];
  const order: (ArticleBlock | NewsBlock)[] = layout.articleAfterNews && articles.length > 1 ? [...articles.slice(0, -1), ...sections, articles.at(-1)!] : [...articles, ...sections];
  const leadEntries = order.map((block) => (block.type === 'article' ? (block.subtitle ? `${block.title}：${block.subtitle}` : block.title) : block.heading));
  const leadKind = layout.lead ?? 'star';
  if (leadKind !== 'none') {
    body.push('【导读】');
    leadEntries.forEach((entry, index) => {
      if (leadKind === 'numbered') body.push(`${index + 1}. ${entry}`);
      else if (leadKind === 'chinese-numbered') body.push(`${chineseNumeral(index + 1)}、${entry}`);
      else if (leadKind === 'bare') body.push(entry);
      else if (leadKind === 'star-wrapped' && [...entry].length > 14) body.push(`★${[...entry].slice(0, 12).join('')}`, [...entry].slice(12).join(''));
      else body.push(`★${entry}`);
    });
  }
  const itemMark = layout.itemMark ?? '▲';
  order.forEach((block) => {
    if (block.type === 'article') {
      const paragraphs = block.paragraphs.map(elementPlainText);
      const titleLines = [block.title, ...(block.subtitle ? [block.subtitle] : [])];
      if (layout.titles === 'glued-to-previous' && body.length > 0 && /[。！？]$/.test(body.at(-1)!)) body[body.length - 1] += titleLines.join('');
      else if (layout.titles === 'glued-to-text' && !block.subtitle) paragraphs[0] = `${block.title}${paragraphs[0]}`;
      else body.push(...titleLines);
      if (!(layout.titles === 'glued-to-text' && !block.subtitle) || paragraphs.length === 0) body.push(...paragraphs);
      else body.push(...paragraphs);
      return;
    }
    const mark = layout.sectionMark ?? '【】';
    body.push(mark === '【】' ? `【${block.heading}】` : mark === '一、' ? `${chineseNumeral(order.filter((b) => b.type === 'news').indexOf(block) + 1)}、${block.heading}` : `${mark}${block.heading}`);
    block.items.forEach((item, index) => {
      const marker = itemMark === '▲' ? '▲' : itemMark === '●' ? '●' : itemMark === 'number' ? `${index + 1}.` : '';
      const [first, ...rest] = item.paragraphs.map(elementPlainText);
      const headForm = layout.itemHead === 'own-line' ? 'ownLine' : layout.itemHead === 'run-in-space' ? 'runIn' : item.form;
      if (headForm === 'ownLine' || first === undefined) body.push(`${marker}${item.head}`, ...(first !== undefined ? [first] : []));
      else if (headForm === 'colon') body.push(`${marker}${item.head}：${first}`);
      else body.push(layout.itemHead === 'run-in-space' ? `${marker}${item.head}　${first}` : `${marker}**${item.head}**${first}`);
      body.push(...rest);
    });
  });
  const colophon: string[] = [];
  if (issue.distribution.report.length > 0) colophon.push(`报：${issue.distribution.report.join('，')}`);
  if (issue.distribution.send.length > 0) colophon.push(`送：${issue.distribution.send.join('，')}`);
  if (issue.printed) colophon.push(`${issue.printed.by} ${arabicDate(issue.printed.date)}印发`);

  const wrapped = layout.wrap ? body.flatMap((line) => (/^(?:【|★|\d+\. |[一二三四五六七八九十]、)/.test(line) || [...line].length <= 24 ? [line] : wrapParagraph(line, layout.wrap!))) : body;
  out.push(...wrapped, ...colophon);
  if (layout.chrome) out.push(...CHROME_AFTER);
  let text = out.join('\n');
  // the colophon's recipients are checked by count: their separators are structure
  let bodyText = wrapped.join('\n');
  if (layout.halfWidth) {
    text = toHalfWidth(text);
    bodyText = toHalfWidth(bodyText);
  }

  const expected: Expected = {
    seriesName: name,
    issuer,
    number: issue.number,
    totalNumber: withTotal ? total : null,
    date: issue.date,
    lead: leadKind === 'none' ? [] : leadEntries,
    printLead: leadKind !== 'none',
    articles: order.filter((block): block is ArticleBlock => block.type === 'article').map((article) => ({
      title: article.title,
      ...(article.subtitle ? { subtitle: article.subtitle } : {}),
      firstParagraph: elementPlainText(article.paragraphs[0]!).slice(0, 20),
    })),
    sections: sections.map((section) => ({ heading: section.heading, heads: section.items.map((item) => item.head) })),
    report: issue.distribution.report.length,
    send: issue.distribution.send.length,
    setAside: layout.chrome ? [...CHROME_BEFORE, ...CHROME_AFTER].map((line) => (layout.halfWidth ? toHalfWidth(line) : line)) : [],
  };
  return { text, body: bodyText, expected };
}
