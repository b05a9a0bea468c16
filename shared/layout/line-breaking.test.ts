import { describe, expect, it } from 'vitest';
import { balancedTitleLines, breakIntoLines, textWidthPt, type LineBox } from './line-breaking.ts';
import { pageGeometry } from './profiles.ts';

const width = pageGeometry('gbt9704').typeAreaWidthPt;
const body: LineBox = { widthPt: width, firstLineIndentPt: 32, fontSizePt: 16, letterSpacingPt: -0.25 };
const chars = (text: string) => [...text].length;

describe('breaking body text into lines', () => {
  it('sets 26 characters on an indented first line and 28 on the next', () => {
    const lines = breakIntoLines('督'.repeat(26 + 28 + 5), body);
    expect(lines.map(chars)).toEqual([26, 28, 5]);
  });

  it('never starts a line with closing punctuation: the character before it moves down with it', () => {
    const lines = breakIntoLines(`${'督'.repeat(26)}。察`, body);
    expect(lines).toEqual(['督'.repeat(25), '督。察']);
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

  it('sets a 3,000-character title on lines that all fit, losing no character', () => {
    const title = '省第四生态环境保护督察组召开专题座谈会，“燃”动风采！'.repeat(120).slice(0, 3000);
    const lines = balancedTitleLines(title, width, 22);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidthPt(line, 22)).toBeLessThanOrEqual(width);
    for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[，！”]/);
  });
});
