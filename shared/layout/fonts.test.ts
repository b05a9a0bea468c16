import { describe, expect, it } from 'vitest';
import { chineseFallbackChain, fallbackChainForClass, familyForClass, fontClassOf, isInGb2312, isInGbk, segmentByFont } from './fonts.ts';

describe('fonts of characters', () => {
  it('knows GB 2312 and GBK from the platform’s decoder', () => {
    for (const char of ['中', '简', '报', '，', '。', '“', '—', '…', '★', '▲', 'ǎ']) expect(isInGb2312(char), char).toBe(true);
    for (const char of ['𠮷', '䶮', '镕', '喆']) expect(isInGb2312(char), char).toBe(false);
    for (const char of ['镕', '喆', '中', 'A']) expect(isInGbk(char), char).toBe(true);
    for (const char of ['𠮷', '䶮']) expect(isInGbk(char), char).toBe(false);
  });

  it('agrees with decoding every GBK byte pair on its own: the one-call table misses no character and adds none', () => {
    const decoder = new TextDecoder('gbk');
    const alone = new Set<number>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const text = decoder.decode(new Uint8Array([lead, trail]));
        const codePoint = text.codePointAt(0)!;
        if ([...text].length === 1 && codePoint !== 0xfffd && !(codePoint >= 0xe000 && codePoint <= 0xf8ff)) alone.add(codePoint);
      }
    }
    expect(alone.size).toBeGreaterThan(21_000);
    for (const codePoint of alone) expect(isInGbk(String.fromCodePoint(codePoint)), codePoint.toString(16)).toBe(true);
    let mapped = 0;
    for (let codePoint = 0x80; codePoint < 0x10000; codePoint++) if (!(codePoint >= 0xd800 && codePoint <= 0xdfff) && isInGbk(String.fromCharCode(codePoint))) mapped++;
    expect(mapped).toBe([...alone].filter((codePoint) => codePoint >= 0x80).length);
  });

  it('sets printable ASCII in the Latin font and keeps curly quotes, dashes and ellipses in the Chinese font', () => {
    expect(segmentByFont('PCB产业“燃”—…2023年', 'fangsong', 'office')).toEqual([
      { text: 'PCB', fontClass: 'latin' },
      { text: '产业“燃”—…', fontClass: 'chinese' },
      { text: '2023', fontClass: 'latin' },
      { text: '年', fontClass: 'chinese' },
    ]);
  });

  it('prints GBK characters a GB 2312 family lacks in the office profile’s fuller family, and characters beyond GBK in 宋体', () => {
    expect(segmentByFont('朱镕基𠮷祥村䶮', 'fangsong', 'office')).toEqual([
      { text: '朱', fontClass: 'chinese' },
      { text: '镕', fontClass: 'beyondGb2312' },
      { text: '基', fontClass: 'chinese' },
      { text: '𠮷', fontClass: 'beyondGbk' },
      { text: '祥村', fontClass: 'chinese' },
      { text: '䶮', fontClass: 'beyondGbk' },
    ]);
    expect(familyForClass('beyondGb2312', 'fangsong', 'office')).toBe('仿宋');
    expect(familyForClass('beyondGb2312', 'kaiti', 'office')).toBe('楷体');
    expect(familyForClass('beyondGb2312', 'biaosong', 'office')).toBe('宋体');
    expect(familyForClass('beyondGbk', 'kaiti', 'system')).toBe('宋体');
    expect(fontClassOf('镕', 'fangsong', 'system')).toBe('chinese');
    expect(fontClassOf('镕', 'heiti', 'office')).toBe('chinese');
    expect(fallbackChainForClass('beyondGbk', 'fangsong', 'office').slice(0, 3)).toEqual(['宋体', 'SimSun', 'SimSun-ExtB']);
  });

  it('falls back from the profile’s family through other names of the same face to a generic family', () => {
    const chain = chineseFallbackChain('fangsong', 'office');
    expect(chain[0]).toBe('仿宋_GB2312');
    expect(chain[1]).toBe('仿宋');
    expect(chain).toContain('FangSong');
    expect(chain.at(-1)).toBe('serif');
    expect(new Set(chain).size).toBe(chain.length);
  });
});
