import { describe, expect, it } from 'vitest';
import { unpairedMarksRule as rule } from './unpaired-marks.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('unpaired quotation marks and brackets', () => {
  it('accepts the paired marks of the fixtures and quotations inside quotations', () => {
    expect(
      flagged(
        rule,
        '严格按照督察组开出的“清单”和“药方”，即知即改，立行立改，加快建设现代化新益阳。',
        '亲自推动以党内法规的形式先后出台《中央生态环境保护督察工作规定》《中央生态环境保护督察整改工作的办法》，',
        '他强调：“要严格落实‘党政同责、一岗双责’，确保督察工作顺利进行（见附件）。”',
        'China’s growth',
      ),
    ).toEqual([]);
  });

  it('flags an opening mark never closed, naming the missing mark', () => {
    const [finding] = runRule(rule, withParagraphs('坚决做到“两个维护，以最高的站位狠抓落实。'));
    expect(finding!.text).toBe('“');
    expect(finding!.message).toBe('左双引号“没有对应的右双引号”');
    expect(finding!.severity).toBe('error');
    expect(finding!.location.offset).toBe(4);
  });

  it('flags a closing mark with no opening one, and both of two crossed pairs', () => {
    expect(flagged(rule, '坚决做到两个维护”，狠抓落实。')).toEqual(['”']);
    expect(flagged(rule, '（见《规定）》')).toEqual(['《', '》']);
    expect(flagged(rule, '【县市区工作动态')).toEqual(['【']);
  });

  it('accepts a quotation over several paragraphs, each opening with “ and only the last closing', () => {
    expect(flagged(rule, '“第一，要提高政治站位。', '“第二，要压实整改责任。”')).toEqual([]);
    expect(flagged(rule, '“第一，要提高政治站位。', '第二，要压实整改责任。')).toEqual(['“']);
  });
});
