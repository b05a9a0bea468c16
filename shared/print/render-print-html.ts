// The print view: a complete HTML document (string building only, no DOM, no script) that renders a typeset
// issue with the page, grid, fonts and rules of the layout module. The editor's print preview shows it and
// PDF export prints it, so the PDF and the .docx come from the same typeset issue.
import type { Issue } from '../model/issue.ts';
import { chineseFallbackChain, fallbackChainForClass, LATIN_CODE_POINTS, segmentByFont, type FontClass } from '../layout/fonts.ts';
import {
  ELEMENTS,
  LATIN_FONT_FALLBACKS,
  PARAGRAPH_STYLES,
  characterSpacingTwipsFor,
  pageNumberPlacement,
  redRulePlacement,
  type FontRole,
  type PageGeometry,
  type ParagraphStyleName,
} from '../layout/profiles.ts';
import { typesetIssue, type ColophonPlan, type PrintBlock, type PrintOptions, type PrintRun, type TypesetIssue } from '../layout/typeset.ts';
import { cssMm, cssPt, twipsToPt } from '../layout/units.ts';
import type { FontProfileName } from '../model/series.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

const cssString = (text: string) => `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/** Named Western faces tried for printable ASCII only, so curly quotes, dashes and ellipses stay in the Chinese font. */
const LATIN_FAMILY = 'JB Latin';
/** Pages with neither page number: a blank page before the colophon, and a colophon page of its own. */
const UNNUMBERED_PAGE = 'jb-unnumbered';

const styleClass = (name: ParagraphStyleName) => `jb-${name}`;

const familyList = (chain: readonly string[]) => chain.map((name) => (/^(serif|sans-serif)$/.test(name) ? name : cssString(name))).join(', ');

function fontFamily(role: FontRole, profile: FontProfileName, withLatin: boolean): string {
  return [...(withLatin ? [cssString(LATIN_FAMILY)] : []), familyList(chineseFallbackChain(role, profile))].join(', ');
}

/** The class of a span of characters the role's family lacks (beyond GB 2312 or GBK). */
const rareClass = (fontClass: FontClass, role: FontRole) => (fontClass === 'beyondGbk' ? 'jb-beyond-gbk' : `jb-beyond-gb2312-${role}`);

function rareCharacterRules(profile: FontProfileName): string {
  const roles = [...new Set(Object.values(PARAGRAPH_STYLES).map((spec) => spec.font))];
  const rules = roles.map((role) => `.${rareClass('beyondGb2312', role)} { font-family: ${familyList(fallbackChainForClass('beyondGb2312', role, profile))}; }`);
  rules.push(`.${rareClass('beyondGbk', 'songti')} { font-family: ${familyList(fallbackChainForClass('beyondGbk', 'songti', profile))}; }`);
  return rules.join('\n');
}

/** Text as HTML: escaped, with characters the role's family lacks set apart in the family that has them, as in the .docx. */
function textHtml(text: string, role: FontRole, profile: FontProfileName): string {
  return segmentByFont(text, role, profile)
    .map(({ text: piece, fontClass }) =>
      fontClass === 'latin' || fontClass === 'chinese' ? escapeHtml(piece) : `<span class="${rareClass(fontClass, role)}">${escapeHtml(piece)}</span>`,
    )
    .join('');
}

function latinFontFaces(): string {
  const range = `U+${LATIN_CODE_POINTS.first.toString(16).toUpperCase().padStart(4, '0')}-${LATIN_CODE_POINTS.last.toString(16).toUpperCase().padStart(4, '0')}`;
  const face = (weight: string, suffix: string) =>
    `@font-face { font-family: ${cssString(LATIN_FAMILY)}; font-weight: ${weight}; src: ${LATIN_FONT_FALLBACKS.map((name) => `local(${cssString(name + suffix)})`).join(', ')}; unicode-range: ${range}; }`;
  return [face('normal', ''), face('bold', ' Bold')].join('\n');
}

function styleRules(page: PageGeometry, profile: FontProfileName): string {
  return (Object.keys(PARAGRAPH_STYLES) as ParagraphStyleName[])
    .filter((name) => name !== 'pageNumber')
    .map((name) => {
      const spec = PARAGRAPH_STYLES[name];
      const lineHeight = spec.gridLines === null ? ELEMENTS.colophon.linePitchPt : spec.gridLines * page.linePitchPt;
      const rules = [
        `font-family: ${fontFamily(spec.font, profile, true)}`,
        `font-size: ${cssPt(spec.sizePt)}`,
        `font-weight: ${spec.bold ? 'bold' : 'normal'}`,
        `color: #${spec.color}`,
        `text-align: ${spec.align}`,
        `text-indent: ${spec.firstLineIndentChars}em`,
        `line-height: ${cssPt(lineHeight)}`,
        `letter-spacing: ${cssPt(twipsToPt(characterSpacingTwipsFor(spec.sizePt)))}`,
      ];
      if (spec.keepWithNext) rules.push('break-after: avoid');
      return `.${styleClass(name)} { ${rules.join('; ')}; }`;
    })
    .join('\n');
}

function stylesheet(typeset: TypesetIssue): string {
  const { page, options } = typeset;
  const numberPlace = pageNumberPlacement(page);
  const numberSpec = PARAGRAPH_STYLES.pageNumber;
  const numberSide = cssPt(ELEMENTS.pageNumber.sideIndentChars * page.bodyCharPt);
  const pageNumberBox = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font-family: ${fontFamily(numberSpec.font, options.fontProfile, false)}; ` +
    `font-size: ${cssPt(numberSpec.sizePt)}; line-height: ${cssPt(numberPlace.lineHeightPt)}; color: #${numberSpec.color}; ` +
    `vertical-align: top; text-align: ${side}; padding-top: ${cssMm(numberPlace.gapAboveLineMm)}; padding-${side}: ${numberSide}; }`;
  const { widthPt: ruleWidthPt, color: ruleColor } = ELEMENTS.redRule;
  const colophon = ELEMENTS.colophon;
  return `
${latinFontFaces()}
@page { size: ${cssMm(page.paperWidthMm)} ${cssMm(page.paperHeightMm)}; margin: ${cssMm(page.marginTopMm)} ${cssMm(page.marginRightMm)} ${cssMm(page.marginBottomMm)} ${cssMm(page.marginLeftMm)}; }
@page :right { ${pageNumberBox('right')} }
@page :left { ${pageNumberBox('left')} }
@page ${UNNUMBERED_PAGE} { @bottom-left { content: none; } @bottom-right { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; }
p { margin: 0; orphans: 1; widows: 1; overflow-wrap: break-word; text-autospace: no-autospace; text-spacing-trim: space-all; }
b { font-weight: bold; }
.jb-flow { position: relative; box-sizing: border-box; }
.${styleClass('blank')} { height: ${cssPt(page.linePitchPt)}; }
.${styleClass('masthead')} { white-space: nowrap; transform-origin: 0 0; }
.jb-two-sided { display: flex; justify-content: space-between; gap: ${ELEMENTS.issuerLine.gapChars}em; }
.jb-two-sided > span { white-space: nowrap; }
.jb-red-rule { border-bottom: ${cssPt(ruleWidthPt)} solid #${ruleColor}; }
${styleRules(page, options.fontProfile)}
${rareCharacterRules(options.fontProfile)}
.jb-colophon-box { position: absolute; left: 0; right: 0; bottom: 0; border-top: ${cssMm(colophon.outerRuleMm)} solid #000; border-bottom: ${cssMm(colophon.outerRuleMm)} solid #000; break-inside: avoid; }
.jb-colophon-row + .jb-colophon-row { border-top: ${cssMm(colophon.innerRuleMm)} solid #000; }
.jb-colophon-box p { padding: 0 ${colophon.sideIndentChars}em; }
.jb-own-page { break-before: page; page: ${UNNUMBERED_PAGE}; position: relative; }
.jb-full-page { height: calc(${cssMm(page.typeAreaHeightMm)} - ${cssMm(ELEMENTS.fullPage.slackMm)}); }
.jb-running .jb-colophon-box { position: static; break-inside: auto; }
@media screen {
  html { background: #e8e8e8; }
  body { box-sizing: content-box; width: ${cssMm(page.typeAreaWidthMm)}; margin: 6mm auto; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
    padding: ${cssMm(page.marginTopMm)} ${cssMm(page.marginRightMm)} ${cssMm(page.marginBottomMm)} ${cssMm(page.marginLeftMm)}; }
}
`.trim();
}

function runsHtml(runs: readonly PrintRun[], role: FontRole, profile: FontProfileName): string {
  return runs.map((run) => (run.bold ? `<b>${textHtml(run.text, role, profile)}</b>` : textHtml(run.text, role, profile))).join('');
}

function blockHtml(block: PrintBlock, page: PageGeometry, profile: FontProfileName): string {
  if (block.kind === 'issuerLine') {
    const text = (piece: string) => textHtml(piece, PARAGRAPH_STYLES.issuerLine.font, profile);
    const cls = styleClass('issuerLine');
    const size = `font-size: ${cssPt(block.sizePt)}; letter-spacing: ${cssPt(twipsToPt(characterSpacingTwipsFor(block.sizePt)))}`;
    const { spacePt, afterPt } = redRulePlacement(page, block.sizePt);
    const rule = `padding-bottom: ${cssPt(spacePt)}; margin-bottom: ${cssPt(afterPt)}`;
    if (block.sameLine) {
      return `<p class="${cls} jb-two-sided jb-red-rule" style="${size}; ${rule}"><span>${text(block.left)}</span><span>${text(block.right)}</span></p>`;
    }
    return `<p class="${cls}" style="${size}">${text(block.left)}</p><p class="${cls} jb-red-rule" style="${size}; text-align: right; ${rule}">${text(block.right)}</p>`;
  }
  const content = block.lines.map((line) => runsHtml(line, PARAGRAPH_STYLES[block.style].font, profile)).join('<br>');
  const style: string[] = [];
  if (block.keepWithNext !== PARAGRAPH_STYLES[block.style].keepWithNext) style.push(`break-after: ${block.keepWithNext ? 'avoid' : 'auto'}`);
  if (block.style === 'masthead') {
    style.push(`font-size: ${cssPt(block.sizePt)}`);
    // a long series name is condensed: laid out in a box as much wider as it is, then squeezed
    const scale = block.scalePercent / 100;
    if (scale !== 1) style.push(`width: ${cssMm(page.typeAreaWidthMm / scale)}`, `transform: scaleX(${scale})`);
    if (block.gridLines > ELEMENTS.masthead.gridLines) style.push('white-space: normal');
  }
  return `<p class="${styleClass(block.style)}"${style.length > 0 ? ` style="${style.join('; ')}"` : ''}>${content}</p>`;
}

function colophonHtml(colophon: ColophonPlan, profile: FontProfileName): string {
  const { sizePt } = ELEMENTS.colophon;
  const text = (piece: string) => textHtml(piece, PARAGRAPH_STYLES.colophon.font, profile);
  const rows = colophon.rows.map((row) => {
    let content: string;
    if (row.kind === 'recipients') {
      // wrapped lines align after the colon
      const label = `${row.label}：`;
      content = `<p class="${styleClass('colophon')}" style="padding-left: ${ELEMENTS.colophon.sideIndentChars + label.length}em; text-indent: -${label.length}em">${text(label + row.text)}</p>`;
    } else if (row.kind === 'printed') {
      content = row.sameLine
        ? `<p class="${styleClass('colophon')} jb-two-sided"><span>${text(row.left)}</span><span>${text(row.right)}</span></p>`
        : `<p class="${styleClass('colophon')}">${text(row.left)}</p><p class="${styleClass('colophon')}" style="text-align: right">${text(row.right)}</p>`;
    } else {
      content = `<p class="${styleClass('colophon')}" style="text-align: right">${text(row.text)}</p>`;
    }
    return `<div class="jb-colophon-row">${content}</div>`;
  });
  return `<div class="jb-colophon-box" style="font-size: ${cssPt(sizePt)}">${rows.join('')}</div>`;
}

/** Renders a typeset issue as a complete HTML document. */
export function printHtmlOf(typeset: TypesetIssue): string {
  const { page, pages, colophon } = typeset;
  const profile = typeset.options.fontProfile;
  const body = typeset.blocks.map((block) => blockHtml(block, page, profile)).join('\n');
  let flowStyle = '';
  let afterFlow = '';
  if (colophon && pages.colophon === 'same-page') {
    // the flow fills the body's pages exactly, so the colophon, at its foot, sits on the last page's bottom edge
    flowStyle = ` style="min-height: calc(${pages.bodyPages} * ${cssMm(page.typeAreaHeightMm)} - ${cssMm(ELEMENTS.fullPage.slackMm)}); padding-bottom: ${cssPt(colophon.heightPt)}"`;
  } else if (colophon && pages.colophon !== 'none') {
    const blanks = '<section class="jb-own-page jb-full-page"></section>'.repeat(pages.blankPagesBeforeColophon);
    // a colophon taller than a page runs on in the flow instead of standing at the page's foot
    afterFlow = pages.colophon === 'own-page' ? `${blanks}<section class="jb-own-page jb-full-page">${colophonHtml(colophon, profile)}</section>` : `${blanks}<section class="jb-own-page jb-running">${colophonHtml(colophon, profile)}</section>`;
  }
  const inFlow = colophon && pages.colophon === 'same-page' ? colophonHtml(colophon, profile) : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(typeset.documentTitle)}</title>`,
    `<style>\n${stylesheet(typeset)}\n</style>`,
    '</head>',
    '<body>',
    `<main class="jb-flow"${flowStyle}>\n${body}\n${inFlow}</main>${afterFlow}`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The print view of an issue with the series' layout and font profiles. */
export function renderPrintHtml(issue: Issue, options: PrintOptions): string {
  return printHtmlOf(typesetIssue(issue, options));
}
