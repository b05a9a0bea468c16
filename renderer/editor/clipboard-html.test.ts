import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToLines, htmlToText, type ClipboardLine } from './clipboard-html.ts';
import { libreOfficeSourceDocx } from '../../test/fixtures/clipboard/libreoffice-source.ts';

// The samples are clipboard HTML as the programs put it there: Word 2016 and WPS 2019 as they write it (styles
// in a <style> block, Word's XML islands in conditional comments), LibreOffice 7.4's real output for
// libreoffice-source.ts, Google Docs' and Chrome's (a WeChat article) copied markup.
const samples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'clipboard');
const sample = (name: string) => readFileSync(join(samples, name), 'utf8');

/** Lines with bold runs shown as **x**. */
const marked = (lines: readonly ClipboardLine[]) => lines.map((line) => line.map((run) => (run.bold ? `**${run.text}**` : run.text)).join(''));
const read = (html: string) => marked(htmlToLines(html));

const LIBREOFFICE_LINES = [
  '全市召开环保督察工作推进会',
  '7月12日，全市召开会议，**督察组**通报了整改进展。',
  '**一、总体情况**（不加粗）',
  '▲**安化县：**7月11日，该县召开整改工作部署会。',
  '▲**桃江县抓整改见实效**　该县对交办件逐一销号。',
  '会议要求，2*3=6，**不是粗体**',
];

describe('clipboard HTML from office programs', () => {
  it('reads Word 2016’s paragraphs with bold where Word marks it: <b> (also with mso-bidi-font-weight:normal), a heading style and a character style in its <style> block', () => {
    expect(read(sample('word-2016.html'))).toEqual([
      '全市召开环保督察工作推进会',
      '7月12日，全市召开会议，**督察组**通报了整改进展，各县市区逐一表态发言。',
      '**一、总体情况**',
      '会议强调，要紧盯**重点任务**，压实整改责任。',
      '1. 建立问题清单',
      '**▲安化县：**7月11日，该县召开整改工作部署会，12个交办件全部办结。',
      '**▲桃江县抓整改见实效**　该县对交办件逐一销号，群众满意度明显提升。',
    ]);
  });

  it('does not take Word’s mso-bidi-font-weight:bold for bold, nor a rule in a style block Word hides in a conditional comment', () => {
    const lines = read(sample('word-2016.html'));
    expect(lines[1]).toContain('各县市区');
    expect(lines[1]).not.toContain('**各县市区');
    expect(read('<!--[if gte mso 10]><style>p.MsoNormal{font-weight:bold}</style><![endif]--><p class=MsoNormal>正文</p>')).toEqual(['正文']);
  });

  it('reads WPS 2019’s bold from <b>, from font-weight:bold in a span’s style and from its span.15 rule; an h1 whose spans say font-weight:normal is not bold', () => {
    expect(read(sample('wps-2019.html'))).toEqual([
      '桃江县全面推进督察整改',
      '7月12日，县委召开常委会，**专题研究**督察交办件办理工作。',
      '**一、压实整改责任**',
      '**▲南县：**7月11日，该县对2家养殖场开展**“回头看”**。',
    ]);
  });

  it('reads LibreOffice 7.4’s HTML of a .docx: <b>, its h2.western rule’s bold, font-weight:normal inside it; an h1 of a style that is not bold stays plain', () => {
    expect(read(sample('libreoffice-7.4.html'))).toEqual(LIBREOFFICE_LINES);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('reads what LibreOffice makes of the sample’s .docx now the same as the stored sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-clipboard-'));
    try {
      writeFileSync(join(dir, 'source.docx'), await libreOfficeSourceDocx());
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'html', '--outdir', dir, join(dir, 'source.docx')], { stdio: 'ignore', timeout: 120_000 });
      expect(read(readFileSync(join(dir, 'source.html'), 'utf8'))).toEqual(LIBREOFFICE_LINES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('reads Google Docs’ copy: its <b style="font-weight:normal"> wrapper is not bold, spans of weight 600 and 700 are, 400 and 500 are not', () => {
    expect(read(sample('google-docs.html'))).toEqual(['7月13日，**市生态环境局**召开专题会议。', '会议要求各单位**立行立改**、举一反三。']);
  });

  it('reads a web page copied in Chrome: <strong>, font-weight bold and bolder; a heading of weight 400 is plain; script, image and hidden text dropped', () => {
    expect(read(sample('chrome-web-page.html'))).toEqual([
      '益阳：督察整改见行动',
      '**资阳区：**7月14日，区委书记带队督导**长春镇**污水处理厂整改，要求**9月底前**完成提标改造。',
      '（来源：益阳日报 记者 张三）',
    ]);
  });
});

describe('bold as CSS computes it', () => {
  it.each([
    ['<b>', '<p>甲<b>乙</b></p>', ['甲**乙**']],
    ['<b style="font-weight:normal"> (Google Docs’ wrapper)', '<b style="font-weight:normal;" id="docs-internal-guid-1"><p>甲<b>乙</b></p></b>', ['甲**乙**']],
    ['<strong>', '<p>甲<strong>乙</strong></p>', ['甲**乙**']],
    ['font-weight:bold', '<p>甲<span style="font-weight:bold">乙</span></p>', ['甲**乙**']],
    ['font-weight:600 and 900', '<p><span style="font-weight:600">甲</span><span style="font-weight: 900">乙</span></p>', ['**甲乙**']],
    ['font-weight:500 is not bold', '<p><span style="font-weight:500">甲</span></p>', ['甲']],
    ['bolder on normal', '<p><span style="font-weight:bolder">甲</span></p>', ['**甲**']],
    ['lighter inside bold', '<p><b>甲<span style="font-weight:lighter">乙</span></b></p>', ['**甲**乙']],
    ['font-weight:normal inside <b>', '<p><b>甲<span style="font-weight:normal">乙</span></b></p>', ['**甲**乙']],
    ['the font shorthand', '<p><span style="font: bold 16pt 仿宋">甲</span><b><span style="font:7.0pt &quot;Times New Roman&quot;">乙</span></b></p>', ['**甲**乙']],
    ['mso-bidi-font-weight alone', '<p><span style="mso-bidi-font-weight:bold">甲</span><b style="mso-bidi-font-weight:normal">乙</b></p>', ['甲**乙**']],
    ['a class rule, the more specific rule winning', '<style>.k{font-weight:bold} span.n{font-weight:normal}</style><p><span class="k">甲</span><span class="k n">乙</span></p>', ['**甲**乙']],
    ['an inline style over a class rule', '<style>span.k{font-weight:bold}</style><p><span class=k style="font-weight:normal">甲</span></p>', ['甲']],
    ['class names matched as Word’s quirks mode does, in any case', '<style>span.A5{font-weight:bold}</style><p><span class=a5>甲</span></p>', ['**甲**']],
    ['h1 to h6 and th not bold by their tag', '<h1>甲</h1><h3>乙</h3><table><tr><th>丙</th></tr></table>', ['甲', '乙', '丙']],
    ['a heading bold by a rule', '<style>h1{font-weight:bold}</style><h1>甲</h1>', ['**甲**']],
    ['bold reopened after a block closed it, as a browser does', '<p>甲<b>乙<p>丙</b>丁', ['甲**乙**', '**丙**丁']],
  ])('%s', (_what, html, lines) => {
    expect(read(html)).toEqual(lines);
  });
});

describe('what gives no text', () => {
  it('drops scripts, styles, comments, Word’s XML islands, <o:p>, images, hidden text and the head', () => {
    const html = `<html><head><title>标题栏</title><style>p{color:red}</style><script>var a = "<p>脚本</p>";</script></head><body>
      <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
      <p>正文<o:p></o:p><img src="x.png" alt="图片"><!-- 注释 --></p>
      <p style="display:none">隐藏段</p><p><span hidden>隐藏</span><span aria-hidden="true">图标</span>可见</p>
      <p><o:p>&nbsp;</o:p></p><noscript>请启用脚本</noscript><textarea>输入框</textarea><svg><text>图形</text></svg>
    </body></html>`;
    expect(read(html)).toEqual(['正文', '可见']);
  });

  it('keeps the list numbers Word shows between <![if !supportLists]> markers, as a browser shows them', () => {
    expect(read("<p><![if !supportLists]><span style='mso-list:Ignore'>（一）<span style='font:7.0pt \"Times New Roman\"'>&nbsp; </span></span><![endif]>组织领导</p>")).toEqual(['（一） 组织领导']);
  });
});

describe('lines and characters', () => {
  it('breaks lines at paragraphs, list items, table cells and <br>, and collapses spaces as plain paste always did', () => {
    expect(read('<div>一<br>二</div><ul><li>三<li>四</ul><table><tr><td>五<td>六</tr></table><p>  七 &nbsp; 八\n九\t十  </p>')).toEqual(['一', '二', '三', '四', '五', '六', '七 八 九\t十']);
  });

  it('decodes entities, numeric ones too, and reads &#150; as Windows-1252’s dash, as a browser does', () => {
    expect(read('<p>&lt;&amp;&gt; &ldquo;整改&rdquo;&#12290;&#x4e00;&#150;&unknown;</p>')).toEqual(['<&> “整改”。一–&unknown;']);
  });

  it('gives, as plain text, the same lines the bold runs make', () => {
    expect(htmlToText(sample('word-2016.html')).split('\n')).toEqual(read(sample('word-2016.html')).map((line) => line.replaceAll('**', '')));
  });

  it('does not split a run or trail a bold run with the white space at its edge', () => {
    expect(htmlToLines('<p><b>安化县： </b>7月<b>11 日</b></p>')[0]).toEqual([{ text: '安化县：', bold: true }, { text: ' 7月' }, { text: '11 日', bold: true }]);
  });

  it('reads text cut off by the end of the HTML, and survives markup that never closes', () => {
    expect(read('<p>甲<b>乙<span style="font-weight:normal">丙')).toEqual(['甲**乙**丙']);
    expect(read('<p>甲</p><p')).toEqual(['甲']);
    expect(read('a < b <3 甲')).toEqual(['a < b <3 甲']);
  });
});
