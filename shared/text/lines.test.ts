import { describe, expect, it } from 'vitest';
import { cleanLines, collapseNumberSpaces, detectWrapWidth, endsSentence, isPageNumberLine } from './lines.ts';

describe('page-number lines', () => {
  it.each(['－ 1 －', '— 2 —', '- 3 -', '—12—', '第 4 页', '第4页 共9页'])('drops %s', (line) => {
    expect(isPageNumberLine(line)).toBe(true);
  });

  it.each(['（2023 年 6 月 26 日—7 月 16 日）', '8:00-20:00', '2023年', '— 未完 —'])('keeps %s', (line) => {
    expect(isPageNumberLine(line)).toBe(false);
  });
});

describe('spaces inside dates and numbers', () => {
  it('are removed', () => {
    expect(collapseNumberSpaces('2023 年 7 月 12 日')).toBe('2023年7月12日');
    expect(collapseNumberSpaces('第 13 期')).toBe('第13期');
    expect(collapseNumberSpaces('进驻时间为 21 天')).toBe('进驻时间为21天');
  });

  it('leave deliberate spaces between phrases and around Latin words alone', () => {
    expect(collapseNumberSpaces('下沉督察 直面问题 真督实查')).toBe('下沉督察 直面问题 真督实查');
    expect(collapseNumberSpaces('调研 PCB 产业')).toBe('调研 PCB 产业');
  });
});

describe('sentence ends', () => {
  it.each(['会议召开。', '要求：', '“药方”。', '他说：“好。”', '是吗？'])('%s ends a paragraph', (line) => {
    expect(endsSentence(line)).toBe(true);
  });

  it.each(['找准“病因”，开对', '建立健全长效管理机制，', '统筹把握好督察方'])('%s carries on', (line) => {
    expect(endsSentence(line)).toBe(false);
  });
});

describe('hard-wrap width', () => {
  it('is found in text wrapped at 28 glyphs and not in free paragraphs', () => {
    const paragraph = '这是一段用来测试自动换行检测的文字，内容没有实际意义，只是为了凑足长度而写成的一句很长很长的话，一直写下去直到足够长为止。'.repeat(4);
    const wrapped = paragraph.match(/.{1,28}/gu)!;
    expect(detectWrapWidth(wrapped)).toBe(28);
    expect(detectWrapWidth([paragraph, '短标题', paragraph.slice(5), paragraph.slice(9)])).toBeNull();
  });

  it('cleanLines drops blanks and page numbers and trims full-width indents', () => {
    expect(cleanLines('\uFEFF第 1 期\r\n\r\n\u3000\u3000正文。\n— 1 —\n')).toEqual(['第1期', '正文。']);
  });
});
