// Rule: a photo without its caption (图为…), and a paragraph that reads as a caption with no photo just
// above it (the photo left out, or its caption typed as a paragraph away from it). A caption paragraph
// right under a figure is not flagged here: that figure's own caption, or the lack of it, is.
import { paragraphText } from '../../model/issue.ts';
import { elementPlainText } from '../../model/content.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import { placedContentsOf } from '../core/content-lists.ts';
import { contentRef } from '../core/location.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'structure.figure-caption';

/** 图为…, 上图为…, 图：…, 图1 …, 图一：…, （图为…） */
const CAPTION_START = /^(?:[（(]\s*)?(?:[上下左右]?图为|图\s*[：:]|图\s*[0-9０-９一二三四五六七八九十]{1,3}\s*(?:[：:、．.，,]|为|[ \t\u00a0\u3000]+\S))/;
/** a caption is a line or two; a long paragraph opening with 图为 is running text */
const CAPTION_MAX_CHARS = 100;

export function readsAsCaption(text: string): boolean {
  const trimmed = text.trim();
  return CAPTION_START.test(trimmed) && [...trimmed].length <= CAPTION_MAX_CHARS;
}

export const figureCaptionRule: Rule = {
  id: ID,
  label: '图片与图注',
  check({ issue }) {
    const findings: Finding[] = [];
    for (const { block, item, content } of placedContentsOf(issue)) {
      content.forEach((element, index) => {
        if (element.type === 'figure') {
          if (element.caption.trim() !== '') return;
          findings.push(
            makeFinding({
              rule: ID,
              severity: 'warning',
              ref: contentRef('caption', block, item, index),
              fieldText: element.caption,
              offset: 0,
              length: element.caption.length,
              message: '图片缺少图注：请在图片下写明“图为……”',
            }),
          );
          return;
        }
        if (element.type !== undefined) return;
        const text = paragraphText(element);
        if (!readsAsCaption(text)) return;
        let before = index - 1;
        while (before >= 0 && content[before]!.type === undefined && elementPlainText(content[before]!).trim() === '') before--;
        if (content[before]?.type === 'figure') return;
        const start = text.length - text.trimStart().length;
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'warning',
            ref: contentRef('paragraph', block, item, index),
            fieldText: text,
            offset: start,
            length: text.trim().length,
            message: '图注没有对应的图片：这一段像是图注，上方却没有图片；请插入图片，或把这段移到图片下作为图注',
          }),
        );
      });
    }
    return findings;
  },
};
