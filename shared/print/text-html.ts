// Text of the print view as HTML: escaped, with the characters a role's family lacks set apart in the family
// that has them (as the .docx does), and AUTOSPACE's quarter ems where the plan counted them.
import { segmentByFont, type FontClass } from '../layout/fonts.ts';
import type { FontRole } from '../layout/profiles.ts';
import type { PrintRun } from '../layout/laid-lines.ts';
import { autospaceOffsets } from '../layout/line-breaking.ts';
import type { FontProfileName } from '../model/series.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

export const cssString = (text: string) => `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/** The class of a span of characters the role's family lacks (beyond GB 2312 or GBK). */
export const rareClass = (fontClass: FontClass, role: FontRole) => (fontClass === 'beyondGbk' ? 'jb-beyond-gbk' : `jb-beyond-gb2312-${role}`);

/** Text as HTML: escaped, with characters the role's family lacks set apart in the family that has them, as in the .docx. */
export function textHtml(text: string, role: FontRole, profile: FontProfileName): string {
  return segmentByFont(text, role, profile)
    .map(({ text: piece, fontClass }) =>
      fontClass === 'latin' || fontClass === 'chinese' ? escapeHtml(piece) : `<span class="${rareClass(fontClass, role)}">${escapeHtml(piece)}</span>`,
    )
    .join('');
}

/** A line's runs as HTML, with AUTOSPACE's quarter ems where the plan counted them. */
export function lineRunsHtml(runs: readonly PrintRun[], role: FontRole, profile: FontProfileName): string {
  const text = runs.map((run) => run.text).join('');
  const gaps = new Set(autospaceOffsets(text));
  let offset = 0;
  return runs
    .map((run) => {
      const pieces: string[] = [];
      let from = 0;
      for (let index = 1; index < run.text.length; index++) {
        if (gaps.has(offset + index)) {
          pieces.push(textHtml(run.text.slice(from, index), role, profile), '<span class="jb-as"></span>');
          from = index;
        }
      }
      pieces.push(textHtml(run.text.slice(from), role, profile));
      // a gap where one run ends and the next begins
      const html = (gaps.has(offset) && offset > 0 ? '<span class="jb-as"></span>' : '') + pieces.join('');
      offset += run.text.length;
      return run.bold ? `<b>${html}</b>` : html;
    })
    .join('');
}

