import { describe, expect, it } from 'vitest';
import { AUTOSPACE_EM, autospaceOffsets, balancedTitleLines, breakIntoLines, breakLines, lineLetterSpacingPt, squeezedSpacingTwips, textWidthPt, titleWords, type LineBox } from './line-breaking.ts';
import { pageGeometry } from './profiles.ts';

const width = pageGeometry('gbt9704').typeAreaWidthPt;
const body: LineBox = { widthPt: width, firstLineIndentPt: 32, fontSizePt: 16, letterSpacingPt: -0.25 };
const chars = (text: string) => [...text].length;

describe('breaking body text into lines', () => {
  it('sets 26 characters on an indented first line and 28 on the next', () => {
    const lines = breakIntoLines('督'.repeat(26 + 28 + 5), body);
    expect(lines.map(chars)).toEqual([26, 28, 5]);
  });

  it('SQUEEZE_CLOSING_MARK: a closing mark after the last cell stays on the line, set tighter, and the next line starts with text', () => {
    const [first, second] = breakLines(`${'督'.repeat(26)}，察`, body);
    expect([first!.text, second!.text]).toEqual([`${'督'.repeat(26)}，`, '察']);
    expect(first!.squeezed).toBe(true);
    // set at its spacing the squeezed line fits its width, in points and in the twips the .docx writes
    const spacing = lineLetterSpacingPt(first!, body, true);
    expect(first!.advancePt + first!.charCount * spacing).toBeCloseTo(first!.availablePt, 5);
    expect(first!.advancePt + (first!.charCount * squeezedSpacingTwips(first!, body)) / 20).toBeLessThan(first!.availablePt);
  });

  it('KINSOKU_NO_LINE_START: two closing marks after the last cell carry the character before them down', () => {
    const lines = breakIntoLines(`${'督'.repeat(26)}。”察`, body);
    expect(lines).toEqual(['督'.repeat(25), '督。”察']);
    for (const mark of '，。、；：？！）》」』】〕’”…—·') {
      const [, next] = breakIntoLines(`${'督'.repeat(26)}${mark}${mark}察`, body);
      expect(next![0], mark).not.toBe(mark);
    }
  });

  it('INSEPARABLE_PAIRS: never splits …… or ——', () => {
    for (const pair of ['……', '——']) {
      const lines = breakIntoLines(`${'督'.repeat(25)}${pair}察察`, body);
      expect(lines.every((line) => !line.startsWith(pair[0]!)), pair).toBe(true);
      expect(lines.some((line) => line.includes(pair)), pair).toBe(true);
    }
  });

  it('AUTOSPACE: a quarter em of space each side of a run of digits next to Chinese text, none at a line end', () => {
    expect(autospaceOffsets('7月11日，共2023件')).toEqual([1, 2, 4, 7, 11]);
    const [line] = breakLines('共2023件', { ...body, firstLineIndentPt: 0 });
    expect(line!.naturalWidthPt).toBeCloseTo(2 * 15.75 + 4 * (8 - 0.25) + 2 * AUTOSPACE_EM * 16, 5);
    // 26 cells of Chinese and a number: the quarter ems push the number's last characters onto the next line
    expect(breakIntoLines(`${'督'.repeat(24)}12督督`, body)[0]).toBe(`${'督'.repeat(24)}12`);
    expect(breakIntoLines(`${'督'.repeat(25)}12督督`, body)[0]).toBe('督'.repeat(25));
  });

  it('never ends a line with opening punctuation', () => {
    const lines = breakIntoLines(`${'督'.repeat(25)}“燃”`, body);
    expect(lines).toEqual(['督'.repeat(25), '“燃”']);
  });

  it('keeps a Western word or number whole and counts digits as half a character', () => {
    const lines = breakIntoLines(`${'督'.repeat(25)}PCB产业`, body);
    expect(lines[0]).toBe('督'.repeat(25));
    expect(lines[1]).toBe('PCB产业');
    expect(textWidthPt('2023', 16)).toBe(32);
  });

  it('breaks a Western word wider than the line between its letters', () => {
    const lines = breakIntoLines('x'.repeat(200), { ...body, firstLineIndentPt: 0 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(200));
  });

  it('takes one line for an empty paragraph', () => {
    expect(breakIntoLines('', body)).toEqual(['']);
  });
});

describe('breaking titles', () => {
  const words = (text: string) => new Set([...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].map((s) => s.index));

  it('keeps a title that fits on one line', () => {
    expect(balancedTitleLines('省第四生态环境保护督察组召开专题座谈会', width, 22)).toEqual(['省第四生态环境保护督察组召开专题座谈会']);
  });

  it('breaks a long title into as few lines as it needs, of even length, between words', () => {
    const title = '益阳市召开全市配合第二轮省生态环境保护督察工作部署会议并要求各地迅速行动起来';
    const lines = balancedTitleLines(title, width, 22);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe(title);
    expect(Math.abs(chars(lines[0]!) - chars(lines[1]!))).toBeLessThanOrEqual(3);
    expect(words(title).has(chars(lines[0]!))).toBe(true);
  });

  it('TITLE_WORDS: breaks 督察组 / 下沉 as printed bulletins do, not inside 督察组', () => {
    expect(titleWords('省第四生态环境保护督察组下沉资阳区调研督察')).toContain('督察组');
    // the segmenter parts 流域/水/环境 and 攻/坚: a lone character is held to its neighbours, a preposition starts the next phrase
    const words = titleWords('全市大气污染防治攻坚行动暨重点流域水环境综合治理推进会议在资阳区召开');
    expect(words.some((word) => word.includes('水环境'))).toBe(true);
    expect(words.some((word) => word.includes('攻坚'))).toBe(true);
    expect(words.some((word) => word.startsWith('在资阳区'))).toBe(true);
    expect(words.join('')).toBe('全市大气污染防治攻坚行动暨重点流域水环境综合治理推进会议在资阳区召开');
    expect(balancedTitleLines('省第四生态环境保护督察组下沉资阳区调研督察', width, 22)).toEqual(['省第四生态环境保护督察组', '下沉资阳区调研督察']);
  });

  it('keeps the clerk’s forced breaks (Shift+Enter) and breaks each part on its own', () => {
    expect(balancedTitleLines('省第四生态环境保护督察组\n下沉资阳区调研督察', width, 22)).toEqual(['省第四生态环境保护督察组', '下沉资阳区调研督察']);
    expect(balancedTitleLines('下沉督察\n直面问题', width, 22)).toEqual(['下沉督察', '直面问题']);
  });

  it('sets a 3,000-character title on lines that all fit, losing no character', () => {
    const title = '省第四生态环境保护督察组召开专题座谈会，“燃”动风采！'.repeat(120).slice(0, 3000);
    const lines = balancedTitleLines(title, width, 22);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidthPt(line, 22)).toBeLessThanOrEqual(width);
    for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[，！”]/);
  });
});
