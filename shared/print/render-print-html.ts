// The print view: a complete HTML document (string building only, no DOM, no script) that renders the
// typesetter's plan as it is: one sheet per planned page, each line placed on its grid row with the spacing the
// plan gave it and kept on one line (Chromium never breaks a line or a page of its own), the page number on
// each numbered sheet. The editor's print preview shows it and PDF export prints it.
import type { Issue } from '../model/issue.ts';
import { chineseFallbackChain, fallbackChainForClass, LATIN_CODE_POINTS, segmentByFont, type FontClass } from '../layout/fonts.ts';
import {
  ELEMENTS,
  LATIN_FONT_FALLBACKS,
  PARAGRAPH_STYLES,
  characterSpacingTwipsFor,
  ownLinePitchPt,
  pageNumberPlacement,
  redRulePlacement,
  type FontRole,
  type PageGeometry,
  type ParagraphStyleName,
} from '../layout/profiles.ts';
import { typesetIssue, type ColophonPlan, type LaidLine, type LinePlace, type PrintBlock, type PrintOptions, type PrintRun, type TypesetIssue } from '../layout/typeset.ts';
import { AUTOSPACE_EM } from '../layout/line-breaking.ts';
import { cssString, escapeHtml, lineRunsHtml, rareClass, textHtml } from './text-html.ts';
import { figureHtml, figureRules, tableHeaderHtml, tableRowHtml, tableRules, type ImageUrls } from './table-figure-html.ts';

import { cssMm, cssPt, twipsToPt } from '../layout/units.ts';
import type { FontProfileName } from '../model/series.ts';

export { escapeHtml, lineRunsHtml, textHtml } from './text-html.ts';
export { printImageIdOf, printImageUrls, type ImageUrls } from './table-figure-html.ts';

const NO_IMAGES: ImageUrls = () => null;

/** Named Western faces tried for printable ASCII only, so curly quotes, dashes and ellipses stay in the Chinese font. */
const LATIN_FAMILY = 'JB Latin';
/** Pages with neither page number: a blank page before the colophon, and a colophon page of its own. */
const UNNUMBERED_PAGE = 'jb-unnumbered';

const styleClass = (name: ParagraphStyleName) => `jb-${name}`;

const familyList = (chain: readonly string[]) => chain.map((name) => (/^(serif|sans-serif)$/.test(name) ? name : cssString(name))).join(', ');

export function fontFamily(role: FontRole, profile: FontProfileName, withLatin: boolean): string {
  return [...(withLatin ? [cssString(LATIN_FAMILY)] : []), familyList(chineseFallbackChain(role, profile))].join(', ');
}

function rareCharacterRules(profile: FontProfileName, scope: string): string {
  const roles = [...new Set(Object.values(PARAGRAPH_STYLES).map((spec) => spec.font))];
  const rules = roles.map((role) => `${scope}.${rareClass('beyondGb2312', role)} { font-family: ${familyList(fallbackChainForClass('beyondGb2312', role, profile))}; }`);
  rules.push(`${scope}.${rareClass('beyondGbk', 'songti')} { font-family: ${familyList(fallbackChainForClass('beyondGbk', 'songti', profile))}; }`);
  return rules.join('\n');
}

function latinFontFaces(): string {
  const range = `U+${LATIN_CODE_POINTS.first.toString(16).toUpperCase().padStart(4, '0')}-${LATIN_CODE_POINTS.last.toString(16).toUpperCase().padStart(4, '0')}`;
  const face = (weight: string, suffix: string) =>
    `@font-face { font-family: ${cssString(LATIN_FAMILY)}; font-weight: ${weight}; src: ${LATIN_FONT_FALLBACKS.map((name) => `local(${cssString(name + suffix)})`).join(', ')}; unicode-range: ${range}; }`;
  return [face('normal', ''), face('bold', ' Bold')].join('\n');
}

function styleRules(page: PageGeometry, profile: FontProfileName, scope: string): string {
  return (Object.keys(PARAGRAPH_STYLES) as ParagraphStyleName[])
    .map((name) => {
      const spec = PARAGRAPH_STYLES[name];
      const lineHeight = spec.gridLines === null ? ownLinePitchPt(name) : spec.gridLines * page.linePitchPt;
      const rules = [
        `font-family: ${fontFamily(spec.font, profile, name !== 'pageNumber')}`,
        `font-size: ${cssPt(spec.sizePt)}`,
        `font-weight: ${spec.bold ? 'bold' : 'normal'}`,
        `color: #${spec.color}`,
        `text-align: ${spec.align === 'justify' ? 'left' : spec.align}`,
        `line-height: ${cssPt(lineHeight)}`,
        `letter-spacing: ${cssPt(twipsToPt(characterSpacingTwipsFor(spec.sizePt)))}`,
      ];
      return `${scope}.${styleClass(name)} { ${rules.join('; ')}; }`;
    })
    .join('\n');
}

/** The named page of the sheets: no margins, as each sheet places its own type area and page number. */
const SHEET_PAGE = 'jb-sheet-page';
/** Shared by the print view and the preview: the class of one printed sheet. */
export const SHEET_CLASS = 'jb-sheet';

/** The print options of a group of sheets, as the class their rules are scoped to (rules without one: the document's own). */
export const printScopeClass = (options: PrintOptions) => `jb-print-${options.layoutProfile}-${options.fontProfile}`;

/**
 * What a page profile and a font profile decide: the type area, the page numbers' places, the styles' line
 * heights and families. `scope` is '' for the document's own options, else a class selector and a space, so
 * that a document whose sheets were issued with other options (a year's volume) prints each group as issued.
 */
export function profileRules(page: PageGeometry, profile: FontProfileName, scope = ''): string {
  const numberPlace = pageNumberPlacement(page);
  return `
${scope}.jb-area { position: absolute; left: ${cssMm(page.marginLeftMm)}; top: ${cssMm(page.marginTopMm)}; width: ${cssMm(page.typeAreaWidthMm)}; height: ${cssMm(page.typeAreaHeightMm)}; }
${scope}.jb-page-number { position: absolute; top: calc(${cssMm(page.marginTopMm + page.typeAreaHeightMm + numberPlace.gapAboveLineMm)}); white-space: pre; }
${scope}.jb-page-number.jb-odd { right: calc(${cssMm(page.marginRightMm)} + ${cssPt(ELEMENTS.pageNumber.sideIndentChars * page.bodyCharPt)}); }
${scope}.jb-page-number.jb-even { left: calc(${cssMm(page.marginLeftMm)} + ${cssPt(ELEMENTS.pageNumber.sideIndentChars * page.bodyCharPt)}); }
${styleRules(page, profile, scope)}
${rareCharacterRules(profile, scope)}
@media screen {
  ${scope}.jb-running { padding: ${cssMm(page.marginTopMm)} ${cssMm(page.marginRightMm)} ${cssMm(page.marginBottomMm)} ${cssMm(page.marginLeftMm)}; }
}
`.trim();
}

/** The rules every print document has, whatever its profiles (the paper is A4 in every page profile). */
export function commonRules(page: PageGeometry): string {
  const { widthPt: ruleWidthPt, color: ruleColor } = ELEMENTS.redRule;
  const colophon = ELEMENTS.colophon;
  const slack = cssMm(ELEMENTS.fullPage.slackMm);
  return `
${latinFontFaces()}
${tableRules()}
${figureRules()}
@page { size: ${cssMm(page.paperWidthMm)} ${cssMm(page.paperHeightMm)}; margin: ${cssMm(page.marginTopMm)} ${cssMm(page.marginRightMm)} ${cssMm(page.marginBottomMm)} ${cssMm(page.marginLeftMm)}; }
@page ${SHEET_PAGE} { margin: 0; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; }
p { margin: 0; }
b { font-weight: bold; }
.${SHEET_CLASS} { page: ${SHEET_PAGE}; position: relative; box-sizing: border-box; width: ${cssMm(page.paperWidthMm)}; height: calc(${cssMm(page.paperHeightMm)} - ${slack}); overflow: hidden; background: #fff; }
.${SHEET_CLASS} + .${SHEET_CLASS}, .jb-running { break-before: page; }
.jb-line { position: absolute; left: 0; right: 0; white-space: pre; text-autospace: no-autospace; text-spacing-trim: space-all; font-kerning: none; font-variant-ligatures: none; }
.jb-as { display: inline-block; width: ${AUTOSPACE_EM}em; }
.jb-hang { display: inline-block; }
.jb-centered { display: flex; justify-content: center; }
.jb-centered > span { display: inline-block; transform-origin: 50% 50%; }
.jb-two-sided { display: flex; justify-content: space-between; gap: ${ELEMENTS.issuerLine.gapChars}em; }
.jb-two-sided > span { white-space: nowrap; }
.jb-red-rule { border-bottom: ${cssPt(ruleWidthPt)} solid #${ruleColor}; }
.jb-colophon-box { position: absolute; left: 0; right: 0; bottom: 0; border-top: ${cssMm(colophon.outerRuleMm)} solid #000; border-bottom: ${cssMm(colophon.outerRuleMm)} solid #000; }
.jb-colophon-row + .jb-colophon-row { border-top: ${cssMm(colophon.innerRuleMm)} solid #000; }
.jb-colophon-box p { padding: 0 ${colophon.sideIndentChars}em; }
.jb-running p { orphans: 1; widows: 1; overflow-wrap: break-word; }
.jb-colophon-box p { text-autospace: no-autospace; text-spacing-trim: space-all; }
.jb-running .jb-colophon-box { position: static; }
@media screen {
  html { background: #8a8f98; }
  body { padding: 12px 0; }
  .${SHEET_CLASS}, .jb-running { height: ${cssMm(page.paperHeightMm)}; margin: 0 auto 12px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.4); }
  .jb-running { width: ${cssMm(page.paperWidthMm)}; height: auto; box-sizing: border-box; background: #fff; }
}
`.trim();
}

function stylesheet(typeset: TypesetIssue): string {
  return `${commonRules(typeset.page)}\n${profileRules(typeset.page, typeset.options.fontProfile)}`;
}

function runsHtml(runs: readonly PrintRun[], role: FontRole, profile: FontProfileName): string {
  return runs.map((run) => (run.bold ? `<b>${textHtml(run.text, role, profile)}</b>` : textHtml(run.text, role, profile))).join('');
}

const top = (place: LinePlace, page: PageGeometry) => cssPt(place.row * page.linePitchPt);

function laidLineHtml(block: Extract<PrintBlock, { kind: 'paragraph' }>, line: LaidLine, place: LinePlace, page: PageGeometry, profile: FontProfileName): string {
  const spec = PARAGRAPH_STYLES[block.style];
  const height = cssPt((block.gridLines / Math.max(1, block.laid.length)) * page.linePitchPt);
  const style = [`top: ${top(place, page)}`, `height: ${height}`, `line-height: ${height}`];
  if (block.sizePt !== spec.sizePt) style.push(`font-size: ${cssPt(block.sizePt)}`);
  if (line.indentPt) style.push(`padding-left: ${cssPt(line.indentPt)}`);
  const spacing = twipsToPt(characterSpacingTwipsFor(block.sizePt));
  if (Math.abs(line.letterSpacingPt - spacing) > 1e-6) style.push(`letter-spacing: ${cssPt(line.letterSpacingPt)}`);
  let content = lineRunsHtml(line.runs, spec.font, profile);
  let cls = `jb-line ${styleClass(block.style)}`;
  if (spec.align === 'center') {
    cls += ' jb-centered';
    const scale = block.scalePercent / 100;
    content = `<span${scale !== 1 ? ` style="transform: scaleX(${scale})"` : ''}>${content}</span>`;
  }
  return `<div class="${cls}" style="${style.join('; ')}">${content}</div>`;
}

function issuerLineHtml(block: Extract<PrintBlock, { kind: 'issuerLine' }>, place: LinePlace, page: PageGeometry, profile: FontProfileName): string {
  const text = (piece: string) => textHtml(piece, PARAGRAPH_STYLES.issuerLine.font, profile);
  const cls = `jb-line ${styleClass('issuerLine')}`;
  const size = `font-size: ${cssPt(block.sizePt)}; letter-spacing: ${cssPt(twipsToPt(characterSpacingTwipsFor(block.sizePt)))}; white-space: normal`;
  const { spacePt } = redRulePlacement(page, block.sizePt);
  const rule = `padding-bottom: ${cssPt(spacePt)}`;
  const at = `top: ${top(place, page)}`;
  if (block.sameLine) {
    return `<div class="${cls} jb-two-sided jb-red-rule" style="${at}; ${size}; ${rule}"><span>${text(block.left)}</span><span>${text(block.right)}</span></div>`;
  }
  return `<div class="${cls}" style="${at}; ${size}"><p>${text(block.left)}</p><p class="jb-red-rule" style="text-align: right; ${rule}">${text(block.right)}</p></div>`;
}

function colophonHtml(colophon: ColophonPlan, profile: FontProfileName): string {
  const { sizePt } = ELEMENTS.colophon;
  // wrapped by Chromium (its rows are not placed line by line), with AUTOSPACE's quarter ems as the .docx has them
  const text = (piece: string) => lineRunsHtml([{ text: piece, bold: false }], PARAGRAPH_STYLES.colophon.font, profile);
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

export function pageNumberHtml(number: number): string {
  return `<div class="${styleClass('pageNumber')} jb-page-number ${number % 2 === 1 ? 'jb-odd' : 'jb-even'}">— ${number} —</div>`;
}

/**
 * A typeset issue's sheets as HTML sections, one after another, as the plan set them. `pageNumber` gives the
 * number printed on a numbered sheet (a volume numbers its issues' pages on through the volume).
 */
export function sheetsHtml(typeset: TypesetIssue, pageNumber: (planned: number) => number = (planned) => planned, extraClass = '', images: ImageUrls = NO_IMAGES): string[] {
  const { page, colophon, sheets } = typeset;
  const profile = typeset.options.fontProfile;
  const linesOn: string[][] = sheets.map(() => []);
  typeset.blocks.forEach((block, index) => {
    const places = typeset.places[index]!;
    const start = places[0]!;
    const on = linesOn[start.page];
    if (block.kind === 'issuerLine') on?.push(issuerLineHtml(block, start, page, profile));
    else if (block.kind === 'tableHeader') on?.push(tableHeaderHtml(block, start, page, profile));
    else if (block.kind === 'tableRow') on?.push(tableRowHtml(block, start, page, profile));
    else if (block.kind === 'figure') on?.push(figureHtml(block, start, page, profile, images));
    else block.laid.forEach((line, lineIndex) => linesOn[places[lineIndex]!.page]?.push(laidLineHtml(block, line, places[lineIndex]!, page, profile)));
  });
  for (const repeat of typeset.headerRepeats) {
    const header = typeset.blocks[repeat.header];
    if (header?.kind === 'tableHeader') linesOn[repeat.page]?.push(tableHeaderHtml(header, { page: repeat.page, row: 0 }, page, profile));
  }
  const cls = extraClass ? ` ${extraClass}` : '';
  return sheets.map((sheet, index) => {
    if (sheet.kind === 'colophon' && !sheet.colophonAtFoot) {
      // a colophon taller than a page runs on over pages of its own, once
      return index === sheets.findIndex((other) => other.kind === 'colophon') && colophon ? `<section class="jb-running${cls}">${colophonHtml(colophon, profile)}</section>` : '';
    }
    const foot = sheet.colophonAtFoot && colophon ? colophonHtml(colophon, profile) : '';
    const number = sheet.number === null ? '' : pageNumberHtml(pageNumber(sheet.number));
    return `<section class="${SHEET_CLASS}${cls}" data-sheet="${index + 1}"><div class="jb-area">\n${linesOn[index]!.join('\n')}${foot}</div>${number}</section>`;
  });
}

/** A complete print document: its title, its stylesheet, and the sheets. */
export function printDocumentHtml(title: string, css: string, sheets: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    sheets.join('\n'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Renders a typeset issue as a complete HTML document: its sheets, one after another, as the plan set them. */
export function printHtmlOf(typeset: TypesetIssue, images: ImageUrls = NO_IMAGES): string {
  return printDocumentHtml(typeset.documentTitle, stylesheet(typeset), sheetsHtml(typeset, undefined, '', images));
}

/** The print view of an issue with the series' layout and font profiles; `images` gives its photos' URLs. */
export function renderPrintHtml(issue: Issue, options: PrintOptions, images: ImageUrls = NO_IMAGES): string {
  return printHtmlOf(typesetIssue(issue, options), images);
}
