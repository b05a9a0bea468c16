import { describe, expect, it } from 'vitest';
import { chineseFallbackChain, familyForClass, fontClassOf, isInGb2312, segmentByFont } from './fonts.ts';

describe('fonts of characters', () => {
  it('knows GB 2312 from the platform’s decoder: common characters and Chinese punctuation in, 𠮷 䶮 and GBK-only characters out', () => {
    for (const char of ['中', '简', '报', '，', '。', '“', '—', '…', '★', '▲']) expect(isInGb2312(char), char).toBe(true);
    for (const char of ['𠮷', '䶮', '镕', '喆']) expect(isInGb2312(char), char).toBe(false);
  });

  it('sets printable ASCII in the Latin font and keeps curly quotes, dashes and ellipses in the Chinese font', () => {
    expect(segmentByFont('PCB产业“燃”—…2023年', 'fangsong', 'office')).toEqual([
      { text: 'PCB', fontClass: 'latin' },
      { text: '产业“燃”—…', fontClass: 'chinese' },
      { text: '2023', fontClass: 'latin' },
      { text: '年', fontClass: 'chinese' },
    ]);
  });

  it('prints characters beyond GB 2312 in the fuller family of the office profile, not in the system profile', () => {
    expect(segmentByFont('𠮷祥村', 'fangsong', 'office')).toEqual([
      { text: '𠮷', fontClass: 'beyondGb2312' },
      { text: '祥村', fontClass: 'chinese' },
    ]);
    expect(familyForClass('beyondGb2312', 'fangsong', 'office')).toBe('仿宋');
    expect(familyForClass('beyondGb2312', 'kaiti', 'office')).toBe('楷体');
    expect(familyForClass('beyondGb2312', 'biaosong', 'office')).toBe('宋体');
    expect(fontClassOf('䶮', 'fangsong', 'system')).toBe('chinese');
    expect(fontClassOf('䶮', 'heiti', 'office')).toBe('chinese');
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
