// Rule: traditional or variant characters in simplified text, found with OpenCC's tables (Hong Kong
// and Taiwan variants to mainland simplified, phrase by phrase, so 乾隆 and 著名 stay as they are),
// and radicals or compatibility ideographs that PDF extraction leaves in place of real characters.
import { Converter, type ConverterFunction } from 'opencc-js/t2cn';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'characters.traditional';
const HAN_RUN = /\p{Script=Han}+/gu;
/** Kangxi radicals, CJK radicals supplement, compatibility ideographs */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/u;
const LOOKALIKE_ALL = /[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu;

let toSimplified: ConverterFunction | undefined;

function simplified(text: string): string {
  toSimplified ??= Converter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
}

/** The spans where `original` and `converted` differ, as [offset in original, original part, converted part]. */
function differences(original: string, converted: string): [number, string, string][] {
  const a = [...original];
  const b = [...converted];
  const spans: [number, string, string][] = [];
  if (a.length === b.length) {
    let offset = 0;
    let open: [number, string, string] | null = null;
    a.forEach((char, index) => {
      if (char !== b[index]) {
        if (open) {
          open[1] += char;
          open[2] += b[index]!;
        } else {
          open = [offset, char, b[index]!];
          spans.push(open);
        }
      } else open = null;
      offset += char.length;
    });
    return spans;
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [[a.slice(0, head).join('').length, a.slice(head, a.length - tail).join(''), b.slice(head, b.length - tail).join('')]];
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  const findings: Finding[] = [];
  if (simplified(text) !== text) {
    for (const run of text.matchAll(HAN_RUN)) {
      const converted = simplified(run[0]);
      if (converted === run[0]) continue;
      for (const [offset, original, replacement] of differences(run[0], converted)) {
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'error',
            ref: unit.ref,
            fieldText: text,
            offset: run.index + offset,
            length: original.length,
            message: `“${original}”是繁体字或异体字，规范简化字为“${replacement}”`,
            fix: replacement,
          }),
        );
      }
    }
  }
  if (LOOKALIKE.test(text)) {
    for (const match of text.matchAll(LOOKALIKE_ALL)) {
      const normal = match[0].normalize('NFKC');
      if (normal === match[0]) continue;
      findings.push(
        makeFinding({
          rule: ID,
          severity: 'error',
          ref: unit.ref,
          fieldText: text,
          offset: match.index,
          length: match[0].length,
          message: `“${match[0]}”是部首或兼容字符，看似“${normal}”实为另一个字符（多见于从 PDF 复制的文字），应改为“${normal}”`,
          fix: normal,
        }),
      );
    }
  }
  return findings;
}

export const traditionalCharactersRule: Rule = {
  id: ID,
  label: '繁体字、异体字',
  check: ({ units }) => units.flatMap(checkUnit),
};
