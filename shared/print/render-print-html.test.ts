import { describe, expect, it } from 'vitest';
import { emptyIssue, type Issue } from '../model/issue.ts';
import { escapeHtml, renderPrintHtml } from './render-print-html.ts';
import { typesetIssue, type PrintOptions } from '../layout/typeset.ts';

const standard: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };

function issue(extra: Partial<Issue> = {}): Issue {
  return {
    ...emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' }, 3, '2024-03-05'),
    blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '正文第一段。' }, { text: '加粗的话', bold: true }] }] }],
    distribution: { report: ['市委办公室'], send: ['各县市区'], issue: [] },
    printed: { by: '测试协调联络组', date: '2024-03-05' },
    ...extra,
  };
}

describe('the print view', () => {
  it('is a complete HTML document with no script and nothing fetched from elsewhere', () => {
    const html = renderPrintHtml(issue(), standard);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<\/html>\n$/);
    expect(html).not.toMatch(/<script|https?:\/\/|url\(/i);
  });

  it('escapes every piece of text, so markup typed into an issue prints as text', () => {
    const hostile = '<script>alert("x")</script>&<img src=x>';
    const html = renderPrintHtml(
      issue({ series: { name: hostile, issuer: hostile, numbering: 'sequential' }, blocks: [{ type: 'article', title: hostile, paragraphs: [{ runs: [{ text: hostile }] }] }], distribution: { report: [hostile], send: [], issue: [] } }),
      standard,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml('<script>alert("x")</script>&'));
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('prints one A4 sheet per planned page, the type area at the profile’s margins, `— N —` right on odd and left on even sheets', () => {
    const long = issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '督'.repeat(26 + 28 * 30) }] }] }] });
    const html = renderPrintHtml(long, standard);
    expect(html).toContain('@page jb-sheet-page { margin: 0; }');
    expect(html).toContain('.jb-area { position: absolute; left: 28mm; top: 37mm; width: 156mm; height: 225mm; }');
    expect(html.match(/<section class="jb-sheet"/g)).toHaveLength(typesetIssue(long, standard).pages.totalPages);
    expect(html).toContain('<div class="jb-pageNumber jb-page-number jb-odd">— 1 —</div>');
    expect(html).toContain('<div class="jb-pageNumber jb-page-number jb-even">— 2 —</div>');
    expect(html).toMatch(/\.jb-page-number\.jb-odd \{ right: calc\(26mm \+ 16pt\); \}/);
    expect(renderPrintHtml(issue(), { ...standard, layoutProfile: 'first-glyph' })).toContain('left: 28mm; top: 34.6mm;');
  });

  it('places every line of the plan on its grid row, on one line (white-space: pre), a squeezed line at its tighter spacing', () => {
    const text = `${'督'.repeat(26)}，察`;
    const html = renderPrintHtml(issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text }] }] }] }), standard);
    const typeset = typesetIssue(issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text }] }] }] }), standard);
    const body = typeset.blocks.findIndex((block) => block.kind === 'paragraph' && block.style === 'body');
    const row = typeset.places[body]![0]!.row;
    expect(html).toMatch(/\.jb-line \{ position: absolute; left: 0; right: 0; white-space: pre;/);
    expect(html).toMatch(new RegExp(`<div class="jb-line jb-body" style="top: ${Number((row * 28.95).toFixed(3))}pt; height: 28.95pt; line-height: 28.95pt; padding-left: 32pt; letter-spacing: -0\\.8[0-9]*pt">${'督'.repeat(26)}，</div>`));
    expect(html).toMatch(/<div class="jb-line jb-body" style="top: [\d.]+pt; height: 28.95pt; line-height: 28.95pt">察<\/div>/);
  });

  it('sets text with the fonts of the profile and their fallbacks, Western text in Times New Roman, a quarter em beside digits', () => {
    const html = renderPrintHtml(issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '正文7月第一段。' }, { text: '加粗的话', bold: true }] }] }] }), standard);
    expect(html).toMatch(/\.jb-body \{ font-family: "JB Latin", "仿宋_GB2312", "仿宋", "FangSong",[^;]*serif; font-size: 16pt;[^}]*line-height: 28.95pt; letter-spacing: -0.25pt;/);
    expect(html).toMatch(/\.jb-title \{ font-family: "JB Latin", "方正小标宋简体", "宋体"/);
    expect(html).toMatch(/@font-face \{ font-family: "JB Latin"; font-weight: normal; src: local\("Times New Roman"\)[^}]*unicode-range: U\+0020-007E; \}/);
    expect(renderPrintHtml(issue(), { ...standard, fontProfile: 'system' })).toMatch(/\.jb-body \{ font-family: "JB Latin", "仿宋", "FangSong"/);
    expect(html).toContain('正文<span class="jb-as"></span>7<span class="jb-as"></span>月第一段。<b>加粗的话</b>');
  });

  it('stands the colophon at the foot of the body’s last sheet, or on an unnumbered sheet of its own after a blank one', () => {
    expect(renderPrintHtml(issue(), standard)).toMatch(/<section class="jb-sheet" data-sheet="1"><div class="jb-area">[^]*<div class="jb-colophon-box"[^]*<\/div><div class="jb-pageNumber jb-page-number jb-odd">— 1 —<\/div><\/section>/);
    const long = issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '督'.repeat(26 + 28 * 32) }] }] }] });
    const html = renderPrintHtml(long, { ...standard, colophonOnEvenPage: true });
    expect(html).toMatch(/<section class="jb-sheet" data-sheet="3"><div class="jb-area">\n<\/div><\/section>\n<section class="jb-sheet" data-sheet="4"><div class="jb-area">\n<div class="jb-colophon-box"[^]*<\/div><\/section>/);
    expect(html).not.toContain('— 3 —');
  });

  it('sets characters the family lacks apart in the family that has them, as the .docx does', () => {
    const html = renderPrintHtml(issue({ blocks: [{ type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '朱镕基到𠮷祥村' }] }] }] }), standard);
    expect(html).toContain('朱<span class="jb-beyond-gb2312-fangsong">镕</span>基到<span class="jb-beyond-gbk">𠮷</span>祥村');
    expect(html).toMatch(/\.jb-beyond-gbk \{ font-family: "宋体", "SimSun", "SimSun-ExtB"/);
    expect(html).toMatch(/\.jb-beyond-gb2312-fangsong \{ font-family: "仿宋", "FangSong"/);
  });

  it('draws the red rule under the issuer line and prints the series name in red', () => {
    const html = renderPrintHtml(issue(), standard);
    expect(html).toContain('.jb-red-rule { border-bottom: 1.5pt solid #FF0000; }');
    expect(html).toMatch(/\.jb-masthead \{[^}]*color: #FF0000;/);
    expect(html).toMatch(/<div class="jb-line jb-issuerLine jb-two-sided jb-red-rule"[^>]*><span>测试协调联络组<\/span><span>2024年3月5日<\/span><\/div>/);
  });
});
