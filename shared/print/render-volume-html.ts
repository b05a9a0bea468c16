// The print view of a year's volume (汇编): the cover, the contents with dotted leaders and right-aligned page
// numbers, and every issue's sheets as its own print view draws them, numbered on through the volume. An
// issue issued with other profiles than the volume's keeps them: its sheets carry a class its rules are scoped to.
import { cssPt } from '../layout/units.ts';
import type { ImageUrls } from './table-figure-html.ts';
import { printScopeClass, commonRules, escapeHtml, fontFamily, lineRunsHtml, pageNumberHtml, printDocumentHtml, profileRules, sheetsHtml, SHEET_CLASS } from './render-print-html.ts';
import { ELEMENTS, pageGeometry } from '../layout/profiles.ts';
import type { ContentsLine, CoverLine, TypesetVolume } from '../volume/typeset-volume.ts';
import type { PrintOptions } from '../layout/typeset.ts';

const VOLUME_RULES = `
.jb-contents-line { display: flex; align-items: baseline; }
.jb-contents-text { white-space: pre; }
.jb-leader { flex: 1 1 auto; min-width: 1em; margin: 0 0.25em; border-bottom: ${cssPt(ELEMENTS.volume.leaderDotPt)} dotted #000; }
.jb-contents-page { white-space: pre; }
`.trim();

function coverLineHtml(line: CoverLine, volume: TypesetVolume): string {
  const { page } = volume;
  const height = cssPt(line.rows * page.linePitchPt);
  const style = [`top: ${cssPt(line.row * page.linePitchPt)}`, `height: ${height}`, `line-height: ${height}`, `font-family: ${fontFamily(line.role, volume.options.fontProfile, true)}`, `font-size: ${cssPt(line.sizePt)}`, `color: #${line.color}`];
  return `<div class="jb-line jb-centered jb-cover-line" style="${escapeHtml(style.join('; '))}"><span>${lineRunsHtml([{ text: line.text, bold: false }], line.role, volume.options.fontProfile)}</span></div>`;
}

function contentsLineHtml(line: ContentsLine, row: number, volume: TypesetVolume): string {
  const { page } = volume;
  const profile = volume.options.fontProfile;
  const height = cssPt(page.linePitchPt);
  const style = [`top: ${cssPt(row * page.linePitchPt)}`, `height: ${height}`, `line-height: ${height}`, `font-family: ${fontFamily(line.role, profile, true)}`, `font-size: ${cssPt(line.sizePt)}`];
  if (line.indentPt) style.push(`padding-left: ${cssPt(line.indentPt)}`);
  const text = lineRunsHtml([{ text: line.text, bold: false }], line.role, profile);
  const attribute = escapeHtml(style.join('; '));
  if (line.kind === 'heading') return `<div class="jb-line jb-centered jb-contents-heading" style="${attribute}"><span>${text}</span></div>`;
  const number = line.page === null ? '' : `<span class="jb-leader"></span><span class="jb-contents-page">${line.page}</span>`;
  return `<div class="jb-line jb-contents-line" style="${attribute}"><span class="jb-contents-text">${text}</span>${number}</div>`;
}

const sheet = (content: string, number: number | null) =>
  `<section class="${SHEET_CLASS}"><div class="jb-area">\n${content}</div>${number === null ? '' : pageNumberHtml(number)}</section>`;

const sameProfiles = (a: PrintOptions, b: PrintOptions) => a.layoutProfile === b.layoutProfile && a.fontProfile === b.fontProfile;

/** The volume's stylesheet: the document's own profiles, and those of issues issued with others scoped to their sheets. */
function volumeCss(volume: TypesetVolume): string {
  const scoped = new Map<string, PrintOptions>();
  for (const part of volume.parts) {
    if (!sameProfiles(part.typeset.options, volume.options)) scoped.set(printScopeClass(part.typeset.options), part.typeset.options);
  }
  return [
    commonRules(volume.page),
    profileRules(volume.page, volume.options.fontProfile),
    ...[...scoped].map(([scope, options]) => profileRules(pageGeometry(options.layoutProfile), options.fontProfile, `.${scope} `)),
    VOLUME_RULES,
  ].join('\n');
}

/** The volume's sheets as HTML, in the plan's order; an issue's sheets come as one group (a colophon running over pages is one section). */
function sheetGroups(volume: TypesetVolume, images: ImageUrls | undefined): { html: string[]; pages: number }[] {
  const groups: { html: string[]; pages: number }[] = [];
  volume.sheets.forEach((planned) => {
    if (planned.kind === 'cover') groups.push({ html: [sheet(volume.cover.map((line) => coverLineHtml(line, volume)).join('\n'), null)], pages: 1 });
    else if (planned.kind === 'blank') groups.push({ html: [sheet('', null)], pages: 1 });
    else if (planned.kind === 'contents') groups.push({ html: [sheet(volume.contents[planned.index]!.map((line, row) => contentsLineHtml(line, row, volume)).join('\n'), planned.number)], pages: 1 });
    else if (planned.sheet === 0) {
      const part = volume.parts[planned.part]!;
      const scope = sameProfiles(part.typeset.options, volume.options) ? '' : printScopeClass(part.typeset.options);
      groups.push({ html: sheetsHtml(part.typeset, (number) => part.firstPage + number - 1, scope, images).filter(Boolean), pages: part.typeset.sheets.length });
    }
  });
  return groups;
}

/** The volume as one print document, its sheets in the order the plan numbered them. */
export function printVolumeHtml(volume: TypesetVolume, images?: ImageUrls): string {
  return printDocumentHtml(volume.documentTitle, volumeCss(volume), sheetGroups(volume, images).flatMap((group) => group.html));
}

/**
 * The volume as print documents of about `pagesPerDocument` pages each, cut only between issues, to be printed
 * one by one and joined: Chromium's time to print one document grows faster than its pages.
 */
export function printVolumeHtmlParts(volume: TypesetVolume, pagesPerDocument: number, images?: ImageUrls): { html: string; pages: number }[] {
  const css = volumeCss(volume);
  const parts: { html: string[]; pages: number }[] = [];
  for (const group of sheetGroups(volume, images)) {
    const last = parts[parts.length - 1];
    if (last && last.pages + group.pages <= pagesPerDocument) {
      last.html.push(...group.html);
      last.pages += group.pages;
    } else parts.push({ html: [...group.html], pages: group.pages });
  }
  return parts.map((part) => ({ html: printDocumentHtml(volume.documentTitle, css, part.html), pages: part.pages }));
}
