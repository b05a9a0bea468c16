// Reads every fixture's .docx back (unzipped XML) and checks the numbers and traps of docs/format.md: page and
// margins, exact 579-twip lines, −5 twips on 三号 runs, fonts named everywhere and never left to the theme,
// odd/even footers with `— PAGE —`, the red rule, and the colophon table anchored to the foot of the page.
import { sampleFigure, sampleTable } from '../generate.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { typesetIssue, type PrintOptions } from '../../shared/layout/typeset.ts';
import { NO_LINE_START } from '../../shared/layout/line-breaking.ts';
import { isInGb2312 } from '../../shared/layout/fonts.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { bulletinFixtures, squeeze } from '../fixtures.ts';
import { attr, bodyParagraphs, child, readDocx, styleById, styleOf, textOf, w, type DocxParts } from './docx-parts.ts';

const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** docs/format.md's numbers in twips: A4; margins 37/35/28/26 mm (34.6/32.6 mm top/bottom for the first-glyph profile). */
const PAGE = { width: 11906, height: 16838 };
const MARGINS = { gbt9704: { top: 2098, bottom: 1984, left: 1587, right: 1474 }, 'first-glyph': { top: 1962, bottom: 1848, left: 1587, right: 1474 } };
const LINE_PITCH = { gbt9704: 579, 'first-glyph': 592 };
const TYPE_AREA_WIDTH = 8844;
const OFFICE = { body: '仿宋_GB2312', title: '方正小标宋简体', hei: '黑体', rareBody: '仿宋' };
const SYSTEM = { body: '仿宋', title: '宋体', hei: '黑体' };
/** docs/format.md's faces of each profile, by the kind of typeface. */
const FACES = {
  office: { biaosong: '方正小标宋简体', fangsong: '仿宋_GB2312', kaiti: '楷体_GB2312', heiti: '黑体', songti: '宋体' },
  system: { biaosong: '宋体', fangsong: '仿宋', kaiti: '楷体', heiti: '黑体', songti: '宋体' },
} as const;
/** The kind of typeface of each of our styles (docs/format.md): 小标宋 masthead and titles, 黑体 一级标题 and headings of the 导读 and news sections, 楷体 subtitles and 二级标题, 宋体 page numbers, 仿宋 the rest. */
const STYLE_FACE: Record<string, keyof (typeof FACES)['office']> = {
  Normal: 'fangsong',
  JbMasthead: 'biaosong',
  JbIssueNumber: 'fangsong',
  JbDocNumber: 'fangsong',
  JbIssuerLine: 'fangsong',
  JbLeadHeading: 'heiti',
  JbLeadItem: 'fangsong',
  JbBlank: 'fangsong',
  JbTitle: 'biaosong',
  JbSubtitle: 'kaiti',
  JbBody: 'fangsong',
  JbHeading1: 'heiti',
  JbHeading2: 'kaiti',
  JbHeading3: 'fangsong',
  JbHeading4: 'fangsong',
  JbSectionHeading: 'heiti',
  JbNewsItem: 'fangsong',
  JbNewsHead: 'fangsong',
  JbTableTitle: 'heiti',
  JbTableCell: 'fangsong',
  JbFigureCaption: 'kaiti',
  JbColophon: 'fangsong',
  JbPageNumber: 'songti',
};
/** Styles of 三号 text, whose runs are pulled in by 5 twips. */
const SANHAO_STYLES = ['JbBody', 'JbNewsItem', 'JbNewsHead', 'JbLeadItem', 'JbLeadHeading', 'JbSubtitle', 'JbHeading1', 'JbHeading2', 'JbHeading3', 'JbHeading4', 'JbSectionHeading', 'JbIssueNumber'];

interface Case {
  name: string;
  issue: Issue;
  options: PrintOptions;
  parts: DocxParts;
}

const office: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const alternative: PrintOptions = { layoutProfile: 'first-glyph', fontProfile: 'system', colophonOnEvenPage: true };
const cases: Case[] = [];

beforeAll(async () => {
  for (const fixture of bulletinFixtures()) {
    const issue = parseBulletinText(fixture.text).issue;
    cases.push({ name: fixture.name, issue, options: office, parts: await readDocx(await exportDocx(issue, office)) });
    cases.push({ name: `${fixture.name} (first-glyph, system fonts, colophon on even page)`, issue, options: alternative, parts: await readDocx(await exportDocx(issue, alternative)) });
  }
});

const hasAllFonts = (rFonts: Element | undefined) => ['ascii', 'hAnsi', 'eastAsia', 'cs'].every((slot) => (attr(rFonts, slot) ?? '').length > 0);
const runsOf = (paragraph: Element) => w(paragraph, 'r').filter((run) => w(run, 't').length > 0);
const runProperty = (run: Element, name: string) => {
  const properties = child(run, 'rPr');
  return properties && child(properties, name);
};
const sections = (parts: DocxParts) => w(parts.document, 'sectPr');

/** A footer's content as text, with the PAGE field as {PAGE}. */
function footerText(footer: Document): string {
  let text = '';
  for (const node of w(footer, 'r').flatMap((run) => Array.from(run.childNodes) as Element[])) {
    if (node.localName === 't') text += node.textContent;
    if (node.localName === 'instrText' && /\bPAGE\b/.test(node.textContent ?? '')) text += '{PAGE}';
  }
  return text;
}

describe.each(['gbt9704', 'first-glyph'] as const)('every fixture as .docx, %s profile', (profile) => {
  const each = () => cases.filter((entry) => entry.options.layoutProfile === profile);

  it('has A4 pages with the profile’s margins and a line grid of its pitch in every section', () => {
    for (const { parts } of each()) {
      for (const section of sections(parts)) {
        expect(attr(child(section, 'pgSz'), 'w')).toBe(String(PAGE.width));
        expect(attr(child(section, 'pgSz'), 'h')).toBe(String(PAGE.height));
        const margins = child(section, 'pgMar');
        for (const side of ['top', 'bottom', 'left', 'right'] as const) expect(attr(margins, side)).toBe(String(MARGINS[profile][side]));
        expect(attr(child(section, 'docGrid'), 'type')).toBe('lines');
        expect(attr(child(section, 'docGrid'), 'linePitch')).toBe(String(LINE_PITCH[profile]));
      }
    }
  });

  it('sets Normal and every body style to exact line spacing of the pitch, and no body paragraph overrides it', () => {
    for (const { parts } of each()) {
      for (const id of ['Normal', ...SANHAO_STYLES, 'JbTitle', 'JbBlank']) {
        const spacing = child(child(styleById(parts.styles, id)!, 'pPr')!, 'spacing');
        expect(attr(spacing, 'lineRule'), id).toBe('exact');
        expect(attr(spacing, 'line'), id).toBe(String(LINE_PITCH[profile]));
      }
      for (const paragraph of bodyParagraphs(parts.document).filter((p) => SANHAO_STYLES.includes(styleOf(p) ?? ''))) {
        expect(attr(child(child(paragraph, 'pPr')!, 'spacing'), 'line')).toBeNull();
      }
    }
  });

  it('gives every run of 三号 text −5 twips of character spacing at 16 pt, and a line the plan squeezed a tighter spacing ending on its closing mark', () => {
    let squeezedLines = 0;
    for (const { name, parts } of each()) {
      const paragraphs = bodyParagraphs(parts.document).filter((p) => SANHAO_STYLES.includes(styleOf(p) ?? ''));
      expect(paragraphs.flatMap(runsOf).length, name).toBeGreaterThan(20);
      for (const paragraph of paragraphs) {
        let tight = '';
        for (const run of runsOf(paragraph)) {
          const spacing = Number(attr(runProperty(run, 'spacing'), 'val'));
          expect(attr(runProperty(run, 'sz'), 'val')).toBe('32');
          if (spacing === -5) {
            if (tight) {
              expect(NO_LINE_START.has(tight.at(-1)!), `${name}: squeezed line ${tight}`).toBe(true);
              squeezedLines++;
            }
            tight = '';
            continue;
          }
          expect(spacing, textOf(run)).toBeLessThan(-5);
          expect(spacing, textOf(run)).toBeGreaterThan(-40);
          tight += textOf(run);
        }
        if (tight) {
          expect(NO_LINE_START.has(tight.at(-1)!), `${name}: squeezed line ${tight}`).toBe(true);
          squeezedLines++;
        }
      }
    }
    expect(squeezedLines).toBeGreaterThan(0);
  });

  it('indents body paragraphs two characters as firstLineChars 200 with a twips fallback', () => {
    for (const { parts } of each()) {
      const indent = child(child(styleById(parts.styles, 'JbBody')!, 'pPr')!, 'ind');
      expect(attr(indent, 'firstLineChars')).toBe('200');
      expect(attr(indent, 'firstLine')).toBe('640');
    }
  });
});

describe('fonts of every fixture’s .docx', () => {
  it('names all four fonts with an East Asian hint on the document defaults', () => {
    for (const { options, parts } of cases) {
      const rFonts = w(w(parts.styles, 'rPrDefault')[0]!, 'rFonts')[0];
      expect(hasAllFonts(rFonts)).toBe(true);
      expect(attr(rFonts, 'hint')).toBe('eastAsia');
      expect(attr(rFonts, 'eastAsia')).toBe(options.fontProfile === 'office' ? OFFICE.body : SYSTEM.body);
      expect(attr(rFonts, 'ascii')).toBe('Times New Roman');
    }
  });

  it('names all four fonts on every paragraph and character style', () => {
    for (const { parts } of cases) {
      const styles = w(parts.styles, 'style').filter((style) => ['paragraph', 'character'].includes(attr(style, 'type') ?? ''));
      expect(styles.length).toBeGreaterThan(20);
      for (const style of styles) expect(hasAllFonts(w(style, 'rFonts')[0]), attr(style, 'styleId') ?? '').toBe(true);
    }
  });

  it('gives every style its own face: the role’s Chinese face of the profile in eastAsia, Times New Roman in the other three slots', () => {
    for (const { name, options, parts } of cases) {
      const faces = FACES[options.fontProfile];
      const styles = w(parts.styles, 'style').filter((style) => ['paragraph', 'character'].includes(attr(style, 'type') ?? ''));
      // every style of ours is in the table above, so a new one cannot slip by without a stated face
      expect(styles.map((style) => attr(style, 'styleId')!).filter((id) => id === 'Normal' || id.startsWith('Jb')).sort(), name).toEqual(Object.keys(STYLE_FACE).sort());
      for (const style of styles) {
        const id = attr(style, 'styleId')!;
        const rFonts = w(style, 'rFonts')[0];
        // the built-in styles docx writes (Title, Heading1 …, Hyperlink …) are set in the body face
        expect(attr(rFonts, 'eastAsia'), `${name}: ${id}`).toBe(faces[STYLE_FACE[id] ?? 'fangsong']);
        for (const slot of ['ascii', 'hAnsi', 'cs']) expect(attr(rFonts, slot), `${name}: ${id} ${slot}`).toBe('Times New Roman');
      }
    }
  });

  it('names all four fonts on every run of the body, the colophon and the footers', () => {
    for (const { parts } of cases) {
      const runs = [parts.document, ...parts.footers.values()].flatMap((part) => w(part, 'r')).filter((run) => w(run, 't').length > 0);
      for (const run of runs) expect(hasAllFonts(runProperty(run, 'rFonts')), textOf(run)).toBe(true);
    }
  });

  it('leaves no font to the theme anywhere, and sets the theme’s own fonts to the Chinese ones', () => {
    for (const { options, parts } of cases) {
      for (const [path, xml] of parts.raw) expect(xml, path).not.toMatch(/\b(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=/);
      const fonts = options.fontProfile === 'office' ? OFFICE : SYSTEM;
      const scheme = (which: string) => parts.theme.getElementsByTagNameNS(DRAWING, which)[0]!;
      const typeface = (font: Element, tag: string) => font.getElementsByTagNameNS(DRAWING, tag)[0]?.getAttribute('typeface');
      const script = (font: Element, code: string) =>
        Array.from(font.getElementsByTagNameNS(DRAWING, 'font')).find((entry) => entry.getAttribute('script') === code)?.getAttribute('typeface');
      expect(typeface(scheme('majorFont'), 'ea')).toBe(fonts.hei);
      expect(typeface(scheme('minorFont'), 'ea')).toBe(fonts.body);
      expect(script(scheme('majorFont'), 'Hans')).toBe(fonts.hei);
      expect(script(scheme('minorFont'), 'Hans')).toBe(fonts.body);
    }
  });

  it('sets Chinese text in the profile’s faces: 方正小标宋简体 titles and 仿宋_GB2312 body (office), 宋体 and 仿宋 (system)', () => {
    for (const { options, parts } of cases) {
      const fonts = options.fontProfile === 'office' ? OFFICE : SYSTEM;
      const eastAsiaOf = (style: string) => bodyParagraphs(parts.document).filter((p) => styleOf(p) === style).flatMap(runsOf).map((run) => attr(runProperty(run, 'rFonts'), 'eastAsia'));
      expect(new Set(eastAsiaOf('JbTitle'))).toEqual(new Set([fonts.title]));
      expect(new Set(eastAsiaOf('JbBody'))).toEqual(new Set([fonts.body]));
    }
  });

  it('sets the runs of every style in that style’s face (text within GB 2312), in the body and the colophon', async () => {
    // the fixtures have no headings, tables or photos: one issue more, with a heading of every level, a table and a photo's caption, in both profiles
    const issue = parseBulletinText(bulletinFixtures()[2]!.text).issue;
    const headings: Issue = {
      ...issue,
      blocks: [
        {
          type: 'article',
          title: '标题',
          subtitle: '副标题',
          paragraphs: [...[1, 2, 3, 4].map((level) => ({ heading: level as 1 | 2 | 3 | 4, runs: [{ text: `第${level}级标题` }] })), sampleTable(2), sampleFigure({ id: 'c'.repeat(64), format: 'png', width: 400, height: 300 })],
        },
      ],
    };
    const withHeadings = [
      ...cases,
      ...(await Promise.all([office, alternative].map(async (options) => ({ name: `headings (${options.fontProfile})`, options, parts: await readDocx(await exportDocx(headings, options)) })))),
    ];
    const seen = new Set<string>();
    for (const { name, options, parts } of withHeadings) {
      const faces = FACES[options.fontProfile];
      for (const paragraph of w(parts.document, 'p')) {
        const style = styleOf(paragraph);
        if (style === null) continue;
        for (const run of runsOf(paragraph).filter((candidate) => [...textOf(candidate)].every((char) => char.charCodeAt(0) < 0x80 || isInGb2312(char)))) {
          expect(attr(runProperty(run, 'rFonts'), 'eastAsia'), `${name}: ${style} “${textOf(run)}”`).toBe(faces[STYLE_FACE[style]!]);
          seen.add(style);
        }
      }
    }
    // the fixtures reach the styles of every kind of face
    for (const style of Object.keys(STYLE_FACE).filter((id) => !['Normal', 'JbBlank', 'JbPageNumber'].includes(id))) expect(seen, style).toContain(style);
  });

  it('prints digits in Times New Roman and keeps curly quotes in the Chinese font', () => {
    const { parts } = cases.find((entry) => entry.name === 'yiyang-2023-13')!;
    const runs = bodyParagraphs(parts.document).flatMap(runsOf);
    const digits = runs.filter((run) => /^\d+$/.test(textOf(run)));
    expect(digits.length).toBeGreaterThan(3);
    for (const run of digits) expect(attr(runProperty(run, 'rFonts'), 'ascii')).toBe('Times New Roman');
    const quoted = runs.filter((run) => /[“”]/.test(textOf(run)));
    expect(quoted.length).toBeGreaterThan(0);
    for (const run of quoted) {
      const rFonts = runProperty(run, 'rFonts');
      expect(attr(rFonts, 'ascii')).not.toBe('Times New Roman');
      expect(attr(rFonts, 'ascii')).toBe(attr(rFonts, 'eastAsia'));
    }
  });
});

describe('rare characters in a .docx', () => {
  it('sets 𠮷 and 䶮 in 宋体 and the GBK-only 镕 in 仿宋, in every font slot', async () => {
    const issue = parseBulletinText(bulletinFixtures()[2]!.text).issue;
    const rare: Issue = { ...issue, blocks: [{ type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '朱镕基到𠮷祥村察看䶮字' }] }] }] };
    const parts = await readDocx(await exportDocx(rare, office));
    const fontsOf = (text: string) => {
      const run = w(parts.document, 'r').find((candidate) => textOf(candidate) === text)!;
      return ['ascii', 'hAnsi', 'eastAsia', 'cs'].map((slot) => attr(runProperty(run, 'rFonts'), slot));
    };
    expect(fontsOf('𠮷')).toEqual(['宋体', '宋体', '宋体', '宋体']);
    expect(fontsOf('䶮')).toEqual(['宋体', '宋体', '宋体', '宋体']);
    expect(fontsOf('镕')).toEqual(['仿宋', '仿宋', '仿宋', '仿宋']);
    expect(fontsOf('祥村察看')).toEqual(['仿宋_GB2312', '仿宋_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
  });
});

describe('page numbers, masthead and colophon of every fixture’s .docx', () => {
  it('turns on odd/even footers and puts `— PAGE —` right on odd and left on even pages of the body', () => {
    for (const { parts } of cases) {
      expect(w(parts.settings, 'evenAndOddHeaders')).toHaveLength(1);
      const body = sections(parts)[0]!;
      const reference = (type: string) => w(body, 'footerReference').find((ref) => attr(ref, 'type') === type)!;
      for (const [type, align, side] of [['default', 'right', 'right'], ['even', 'left', 'left']] as const) {
        const footer = parts.footers.get(reference(type).getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id')!)!;
        expect(footerText(footer)).toBe('— {PAGE} —');
        const properties = child(w(footer, 'p')[0]!, 'pPr')!;
        expect(attr(child(properties, 'jc'), 'val')).toBe(align);
        expect(attr(child(properties, 'ind'), side)).toBe('320');
        expect(attr(w(footer, 'rFonts')[0], 'eastAsia')).toBe('宋体');
        expect(attr(w(footer, 'sz')[0], 'val')).toBe('28');
      }
    }
  });

  it('prints the series name in red and draws a red 1.5 pt rule under the issuer line', () => {
    for (const { parts } of cases) {
      const masthead = bodyParagraphs(parts.document).find((p) => styleOf(p) === 'JbMasthead')!;
      for (const run of runsOf(masthead)) expect(attr(runProperty(run, 'color'), 'val')).toBe('FF0000');
      const issuerLines = bodyParagraphs(parts.document).filter((p) => styleOf(p) === 'JbIssuerLine');
      const rule = w(child(issuerLines.at(-1)!, 'pPr')!, 'bottom')[0];
      expect(attr(rule, 'val')).toBe('single');
      expect(attr(rule, 'color')).toBe('FF0000');
      expect(attr(rule, 'sz')).toBe('12');
    }
  });

  it('sets the colophon as a type-area-wide table anchored to the bottom of the margin, between 0.35 mm and 0.25 mm rules', () => {
    for (const { name, parts } of cases) {
      const table = w(parts.document, 'tbl').at(-1)!;
      const position = w(table, 'tblpPr')[0];
      expect(attr(position, 'vertAnchor'), name).toBe('margin');
      expect(attr(position, 'tblpYSpec')).toBe('bottom');
      expect(attr(position, 'horzAnchor')).toBe('page');
      expect(attr(position, 'tblpX')).toBe('1587');
      expect(attr(w(table, 'tblW')[0], 'w')).toBe(String(TYPE_AREA_WIDTH));
      const borders = w(table, 'tblBorders')[0]!;
      expect(attr(child(borders, 'top'), 'sz')).toBe('8');
      expect(attr(child(borders, 'bottom'), 'sz')).toBe('8');
      expect(attr(child(borders, 'insideH'), 'sz')).toBe('6');
      expect(textOf(table)).toMatch(/^报：/);
    }
  });

  it('gives the colophon’s cells a line spacing of their own instead of the body’s 28.95 pt', () => {
    for (const { parts } of cases) {
      const cellStyles = new Set(w(w(parts.document, 'tbl').at(-1)!, 'p').map(styleOf));
      expect(cellStyles).toEqual(new Set(['JbColophon']));
      const spacing = child(child(styleById(parts.styles, 'JbColophon')!, 'pPr')!, 'spacing');
      expect(attr(spacing, 'lineRule')).toBe('exact');
      expect(attr(spacing, 'line')).toBe('440');
    }
  });

  it('states every line-filling setting for every paragraph: no widow control or grid snapping, 避头尾 on, hanging allowed, quarter-em spacing beside Western text, no compression of Word’s own', () => {
    for (const { parts } of cases) {
      const defaults = w(w(parts.styles, 'pPrDefault')[0]!, 'pPr')[0]!;
      const expected = { widowControl: '0', snapToGrid: '0', kinsoku: '1', overflowPunct: '1', topLinePunct: '0', autoSpaceDE: '1', autoSpaceDN: '1' };
      for (const [setting, value] of Object.entries(expected)) expect(attr(child(defaults, setting), 'val'), setting).toBe(value);
      const control = w(parts.settings, 'characterSpacingControl')[0];
      expect(attr(control, 'val')).toBe('doNotCompress');
      // CT_Settings puts it before w:compat
      expect(parts.raw.get('word/settings.xml')!.indexOf('characterSpacingControl')).toBeLessThan(parts.raw.get('word/settings.xml')!.indexOf('<w:compat>'));
    }
  });

  it('keeps titles and headings whole and with the next paragraph (keepLines and keepNext on their styles)', () => {
    for (const { parts } of cases) {
      for (const id of ['JbTitle', 'JbSubtitle', 'JbHeading1', 'JbSectionHeading', 'JbNewsHead']) {
        const pPr = child(styleById(parts.styles, id)!, 'pPr')!;
        expect(child(pPr, 'keepNext'), id).toBeDefined();
        expect(child(pPr, 'keepLines'), id).toBeDefined();
      }
    }
  });

  it('leaves the page number off a colophon page of its own and off the blank page before it', () => {
    let unnumberedSections = 0;
    let blankPages = 0;
    for (const { name, issue, options, parts } of cases) {
      const plan = typesetIssue(issue, options).pages;
      const unnumbered = sections(parts).slice(1);
      expect(unnumbered, name).toHaveLength(plan.colophon === 'same-page' ? 0 : 1 + plan.blankPagesBeforeColophon);
      unnumberedSections += unnumbered.length;
      blankPages += plan.blankPagesBeforeColophon;
      for (const section of unnumbered) {
        // each section names footers of its own, odd and even: a section without them takes the numbered ones of the section before
        const references = w(section, 'footerReference');
        expect(references.map((reference) => attr(reference, 'type')).sort(), name).toEqual(['default', 'even']);
        for (const reference of references) {
          const footer = parts.footers.get(reference.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id')!);
          expect(footer, name).toBeDefined();
          expect(footerText(footer!)).toBe('');
        }
      }
    }
    // the fixtures do have colophon pages of their own and blank pages, so the loops above check something
    expect(unnumberedSections).toBeGreaterThan(0);
    expect(blankPages).toBeGreaterThan(0);
  });

  it('carries every title, news heading and recipient of the fixture', () => {
    for (const fixture of bulletinFixtures()) {
      const { parts } = cases.find((entry) => entry.name === fixture.name)!;
      const text = squeeze(bodyParagraphs(parts.document).map(textOf).join('') + w(parts.document, 'tbl').map(textOf).join(''));
      for (const article of fixture.expected.articles) expect(text).toContain(squeeze(article.title));
      for (const section of fixture.expected.news) expect(text).toContain(`【${section.heading}】`);
      for (const recipient of [...fixture.expected.distribution.report, ...fixture.expected.distribution.send]) expect(text).toContain(squeeze(recipient));
    }
  });
});
