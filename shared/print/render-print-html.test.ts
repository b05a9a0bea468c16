import { describe, expect, it } from 'vitest';
import { emptyIssue, type Issue } from '../model/issue.ts';
import { escapeHtml, renderPrintHtml } from './render-print-html.ts';
import type { PrintOptions } from '../layout/typeset.ts';

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

  it('prints on A4 with the profile’s margins and `— N —` in the bottom margin, right on odd and left on even pages', () => {
    const html = renderPrintHtml(issue(), standard);
    expect(html).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —";[^}]*text-align: right;[^}]*padding-right: 16pt;/);
    expect(html).toMatch(/@page :left \{ @bottom-left \{ content: "— " counter\(page\) " —";[^}]*text-align: left;[^}]*padding-left: 16pt;/);
    expect(renderPrintHtml(issue(), { ...standard, layoutProfile: 'first-glyph' })).toContain('margin: 34.6mm 26mm 32.6mm 28mm;');
  });

  it('sets text on the exact line pitch with the fonts of the profile and their fallbacks, Western text in Times New Roman', () => {
    const html = renderPrintHtml(issue(), standard);
    expect(html).toMatch(/\.jb-body \{ font-family: "JB Latin", "仿宋_GB2312", "仿宋", "FangSong",[^;]*serif; font-size: 16pt;[^}]*text-indent: 2em; line-height: 28.95pt; letter-spacing: -0.25pt;/);
    expect(html).toMatch(/\.jb-title \{ font-family: "JB Latin", "方正小标宋简体", "宋体"/);
    expect(html).toMatch(/@font-face \{ font-family: "JB Latin"; font-weight: normal; src: local\("Times New Roman"\)[^}]*unicode-range: U\+0020-007E; \}/);
    expect(renderPrintHtml(issue(), { ...standard, fontProfile: 'system' })).toMatch(/\.jb-body \{ font-family: "JB Latin", "仿宋", "FangSong"/);
    expect(html).toContain('正文第一段。<b>加粗的话</b>');
  });

  it('stands the colophon at the foot of the body’s last page, or on an unnumbered page of its own after a blank one', () => {
    expect(renderPrintHtml(issue(), standard)).toMatch(/<main class="jb-flow" style="min-height: calc\(1 \* 225mm - 0.5mm\); padding-bottom: [\d.]+pt">[^]*<div class="jb-colophon-box"/);
    const long = issue({ blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '督'.repeat(26 + 28 * 32) }] }] }] });
    const html = renderPrintHtml(long, { ...standard, colophonOnEvenPage: true });
    expect(html).toMatch(/<\/main><section class="jb-own-page jb-full-page"><\/section><section class="jb-own-page jb-full-page"><div class="jb-colophon-box"/);
    expect(html).toContain('@page jb-unnumbered { @bottom-left { content: none; } @bottom-right { content: none; } }');
    expect(html).toMatch(/\.jb-own-page \{ break-before: page; page: jb-unnumbered;/);
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
    expect(html).toMatch(/<p class="jb-issuerLine jb-two-sided jb-red-rule"[^>]*><span>测试协调联络组<\/span><span>2024年3月5日<\/span><\/p>/);
  });
});
