// Writes a bulletin as a Word document (.docx, with the docx package) from the typeset issue: named
// styles and runs with explicit fonts, exact 22-line spacing, the red masthead and rule, odd/even page
// numbers `— N —`, and the colophon as a table anchored to the foot of the last page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  OverlapType,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  SectionType,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ICharacterStyleOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import type { Issue } from '../../../shared/model/issue.ts';
import { familyForClass, familyOf, segmentByFont } from '../../../shared/layout/fonts.ts';
import {
  BLACK,
  ELEMENTS,
  FONT_PROFILES_SPEC,
  LATIN_FONT,
  PARAGRAPH_STYLES,
  characterSpacingTwipsFor,
  ownLinePitchPt,
  pageNumberPlacement,
  redRulePlacement,
  type FontRole,
  type PageGeometry,
  type ParagraphStyleName,
} from '../../../shared/layout/profiles.ts';
import { typesetIssue, type ColophonPlan, type PrintBlock, type PrintOptions, type PrintRun, type TypesetIssue } from '../../../shared/layout/typeset.ts';
import { squeezedSpacingTwips } from '../../../shared/layout/line-breaking.ts';
import { addCanonicalPart } from '../import/canonical-part.ts';
import { figureOf, placeholderImageId, tableOf, type ImageSource, type RunWriter } from './docx-tables.ts';
import { compiledParts, partText, zipParts, type PackageParts } from './docx-package.ts';
import { mmToPt, mmToTwips, ptToEighths, ptToHalfPoints, ptToTwips, twipsToPt } from '../../../shared/layout/units.ts';
import type { FontProfileName } from '../../../shared/model/series.ts';

export type ExportOptions = PrintOptions;

type RunFonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: 'eastAsia' };

/** Fonts of a style: Western text in the Latin font, everything else in the role's Chinese family. */
function styleFonts(role: FontRole, profile: FontProfileName): RunFonts {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: familyOf(role, profile), hint: 'eastAsia' };
}

/** Fonts of a run of one font class: all four slots named, so no renderer picks a theme or fallback font. */
export function runFonts(fontClass: ReturnType<typeof segmentByFont>[number]['fontClass'], role: FontRole, profile: FontProfileName): RunFonts {
  const chinese = familyForClass(fontClass === 'latin' ? 'chinese' : fontClass, role, profile);
  const western = fontClass === 'latin' ? LATIN_FONT : chinese;
  return { ascii: western, hAnsi: western, cs: western, eastAsia: chinese, hint: 'eastAsia' };
}

export const styleId = (name: ParagraphStyleName) => `Jb${name[0]!.toUpperCase()}${name.slice(1)}`;

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

const NO_IMAGES: ImageSource = () => null;

export class DocxWriter implements RunWriter {
  readonly profile: FontProfileName;

  /**
   * `stylesPage`: the geometry the document's styles were written for, when it is not this issue's (an issue of
   * a volume issued with another page profile): its paragraphs then state their own line heights.
   */
  constructor(
    readonly page: PageGeometry,
    options: Pick<ExportOptions, 'fontProfile'>,
    private readonly stylesPage: PageGeometry = page,
    readonly images: ImageSource = NO_IMAGES,
  ) {
    this.profile = options.fontProfile;
  }

  styleIdOf(style: ParagraphStyleName): string {
    return styleId(style);
  }

  /**
   * The body's blocks as Word's: paragraphs, each table's header and rows as one table, each photo as a table of
   * its own; a hairline paragraph between two tables (Word would join them into one) and after a last one.
   */
  bodyOf(blocks: readonly PrintBlock[]): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    const addTable = (table: Table) => {
      if (out.at(-1) instanceof Table) out.push(this.tinyParagraph());
      out.push(table);
    };
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!;
      if (block.kind === 'tableHeader' || block.kind === 'tableRow') {
        const pieces: (typeof block)[] = [];
        while (index < blocks.length) {
          const piece = blocks[index]!;
          if ((piece.kind !== 'tableHeader' && piece.kind !== 'tableRow') || piece.table !== block.table) break;
          pieces.push(piece);
          index++;
        }
        index--;
        addTable(tableOf(this, pieces));
      } else if (block.kind === 'figure') {
        addTable(figureOf(this, block, this.images));
      } else {
        out.push(...this.block(block));
      }
    }
    if (out.at(-1) instanceof Table) out.push(this.tinyParagraph());
    return out;
  }

  /** The line height of a paragraph of the style, stated only where the document's styles give another. */
  private ownSpacing(style: ParagraphStyleName): IParagraphOptions['spacing'] {
    return this.page.linePitchTwips === this.stylesPage.linePitchTwips ? undefined : { line: this.lineTwips(style), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  }

  private lineTwips(style: ParagraphStyleName): number {
    const gridLines = PARAGRAPH_STYLES[style].gridLines;
    if (gridLines !== null) return gridLines * this.page.linePitchTwips;
    return ptToTwips(style === 'pageNumber' ? pageNumberPlacement(this.page).lineHeightPt : ownLinePitchPt(style));
  }

  paragraphStyles(): IParagraphStyleOptions[] {
    const normal: IParagraphStyleOptions = {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: styleFonts('fangsong', this.profile), size: ptToHalfPoints(ELEMENTS.body.sizePt), color: BLACK },
      paragraph: { spacing: { line: this.page.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    };
    const named = (Object.keys(PARAGRAPH_STYLES) as ParagraphStyleName[]).map((name): IParagraphStyleOptions => {
      const spec = PARAGRAPH_STYLES[name];
      const charTwips = ptToTwips(spec.sizePt);
      return {
        id: styleId(name),
        name: spec.label,
        basedOn: 'Normal',
        next: name === 'title' || name === 'subtitle' ? styleId('body') : styleId(name),
        quickFormat: true,
        run: {
          font: styleFonts(spec.font, this.profile),
          size: ptToHalfPoints(spec.sizePt),
          bold: spec.bold,
          color: spec.color,
          characterSpacing: characterSpacingTwipsFor(spec.sizePt),
        },
        paragraph: {
          alignment: ALIGNMENTS[spec.align],
          spacing: { line: this.lineTwips(name), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          keepNext: spec.keepWithNext,
          // titles and headings are never parted across pages (the plan keeps them whole too)
          keepLines: spec.keepWithNext && name !== 'blank' ? true : undefined,
          indent: spec.firstLineIndentChars
            ? { firstLineChars: spec.firstLineIndentChars * 100, firstLine: spec.firstLineIndentChars * charTwips }
            : undefined,
        },
      };
    });
    const builtIn = BUILT_IN_PARAGRAPH_STYLES.map(([id, name]): IParagraphStyleOptions => ({ id, name, basedOn: 'Normal', run: { font: styleFonts('fangsong', this.profile) } }));
    return [normal, ...named, ...builtIn];
  }

  characterStyles(): ICharacterStyleOptions[] {
    return BUILT_IN_CHARACTER_STYLES.map(([id, name]) => ({ id, name, run: { font: styleFonts('fangsong', this.profile) } }));
  }

  runs(runs: readonly PrintRun[], style: ParagraphStyleName, sizePt: number, scalePercent = 100, spacingTwips = characterSpacingTwipsFor(sizePt)): TextRun[] {
    const spec = PARAGRAPH_STYLES[style];
    return runs.flatMap((run) =>
      segmentByFont(run.text, spec.font, this.profile).map(
        (segment) =>
          new TextRun({
            text: segment.text,
            font: runFonts(segment.fontClass, spec.font, this.profile),
            size: ptToHalfPoints(sizePt),
            characterSpacing: spacingTwips,
            bold: spec.bold || run.bold || undefined,
            color: spec.color === BLACK ? undefined : spec.color,
            scale: scalePercent === 100 ? undefined : scalePercent,
          }),
      ),
    );
  }

  block(block: Extract<PrintBlock, { kind: 'paragraph' | 'issuerLine' }>): Paragraph[] {
    if (block.kind === 'issuerLine') return this.issuerLine(block);
    const squeezed = block.lines.length === 1 && block.laid.some((line) => line.broken.squeezed);
    const box = { letterSpacingPt: twipsToPt(characterSpacingTwipsFor(block.sizePt)) };
    // a line the plan squeezed to hold a closing mark is set with the tighter spacing in every program; the
    // paragraph stays one ordinary paragraph (no line breaks in body text)
    const children = squeezed
      ? block.laid.flatMap((line) =>
          this.runs(line.runs, block.style, block.sizePt, block.scalePercent, line.broken.squeezed ? squeezedSpacingTwips(line.broken, box) : characterSpacingTwipsFor(block.sizePt)),
        )
      : block.lines.flatMap((line, index) => {
          const runs = this.runs(line, block.style, block.sizePt, block.scalePercent);
          return index === 0 ? runs : [new TextRun({ break: 1 }), ...runs];
        });
    const keepNext = block.keepWithNext === PARAGRAPH_STYLES[block.style].keepWithNext ? undefined : block.keepWithNext;
    return [new Paragraph({ style: styleId(block.style), keepNext, spacing: this.ownSpacing(block.style), children })];
  }

  /** Text flush left and text flush right: on one line at a right tab stop, or the right-hand text on a line of its own. */
  private twoSided(
    left: string,
    right: string,
    sameLine: boolean,
    style: ParagraphStyleName,
    sizePt: number,
    options: { indentTwips: number; last?: Partial<IParagraphOptions> },
  ): Paragraph[] {
    const indent = { left: options.indentTwips, right: options.indentTwips };
    const spacing = this.ownSpacing(style);
    const leftRuns = this.runs([{ text: left, bold: false }], style, sizePt);
    const rightRuns = this.runs([{ text: right, bold: false }], style, sizePt);
    if (sameLine) {
      const tab = new TextRun({ children: [new Tab()], font: styleFonts(PARAGRAPH_STYLES[style].font, this.profile), size: ptToHalfPoints(sizePt) });
      const stop = mmToTwips(this.page.typeAreaWidthMm) - 2 * options.indentTwips;
      return [new Paragraph({ style: styleId(style), indent, spacing, tabStops: [{ type: TabStopType.RIGHT, position: stop }], children: [...leftRuns, tab, ...rightRuns], ...options.last })];
    }
    return [
      new Paragraph({ style: styleId(style), indent, spacing, children: leftRuns }),
      new Paragraph({ style: styleId(style), indent, spacing, alignment: AlignmentType.RIGHT, children: rightRuns, ...options.last }),
    ];
  }

  /** Issuer and date, with the red rule as the last paragraph's bottom border. */
  issuerLine(block: Extract<PrintBlock, { kind: 'issuerLine' }>): Paragraph[] {
    const { widthPt, color } = ELEMENTS.redRule;
    const { spacePt, afterPt } = redRulePlacement(this.page, block.sizePt);
    return this.twoSided(block.left, block.right, block.sameLine, 'issuerLine', block.sizePt, {
      indentTwips: 0,
      last: {
        border: { bottom: { style: BorderStyle.SINGLE, size: ptToEighths(widthPt), color, space: spacePt } },
        spacing: { ...this.ownSpacing('issuerLine'), after: ptToTwips(afterPt) },
      },
    });
  }

  /** `— N —` in 4号 宋体, right on odd pages and left on even pages, one character in from the side. */
  pageNumberFooter(side: 'odd' | 'even'): Footer {
    const sizePt = ELEMENTS.pageNumber.sizePt;
    const family = familyOf('songti', this.profile);
    const indent = ptToTwips(ELEMENTS.pageNumber.sideIndentChars * this.page.bodyCharPt);
    return new Footer({
      children: [
        new Paragraph({
          style: styleId('pageNumber'),
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: indent } : { left: indent },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: { ascii: family, hAnsi: family, eastAsia: family, cs: family, hint: 'eastAsia' },
              size: ptToHalfPoints(sizePt),
            }),
          ],
        }),
      ],
    });
  }

  emptyFooter(): Footer {
    return new Footer({ children: [new Paragraph({ style: styleId('pageNumber') })] });
  }

  /**
   * The colophon: a one-column table between rules as wide as the type area, floating at the foot of the page;
   * one taller than a page is left in the text flow, where it can run on over pages.
   */
  colophonTable(colophon: ColophonPlan, atFoot: boolean): Table {
    const { sizePt, sideIndentChars, outerRuleMm, innerRuleMm } = ELEMENTS.colophon;
    const side = ptToTwips(sideIndentChars * sizePt);
    const width = mmToTwips(this.page.typeAreaWidthMm);
    const rule = (mm: number) => ({ style: BorderStyle.SINGLE, size: ptToEighths(mmToPt(mm)), color: BLACK });
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const cellParagraph = (options: IParagraphOptions) => new Paragraph({ style: styleId('colophon'), ...options });
    const rows = colophon.rows.map((row) => {
      let paragraphs: Paragraph[];
      if (row.kind === 'recipients') {
        const label = `${row.label}：`;
        const labelTwips = ptToTwips(label.length * sizePt);
        paragraphs = [
          cellParagraph({
            indent: { left: side + labelTwips, hanging: labelTwips, right: side },
            children: this.runs([{ text: label + row.text, bold: false }], 'colophon', sizePt),
          }),
        ];
      } else if (row.kind === 'printed') {
        paragraphs = this.twoSided(row.left, row.right, row.sameLine, 'colophon', sizePt, { indentTwips: side });
      } else {
        paragraphs = [cellParagraph({ alignment: AlignmentType.RIGHT, indent: { right: side }, children: this.runs([{ text: row.text, bold: false }], 'colophon', sizePt) })];
      }
      return new TableRow({ cantSplit: atFoot, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: paragraphs })] });
    });
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: { top: rule(outerRuleMm), bottom: rule(outerRuleMm), insideHorizontal: rule(innerRuleMm), left: none, right: none, insideVertical: none },
      // placed horizontally from the paper's edge: LibreOffice keeps a table as wide as the text in the text flow otherwise
      float: atFoot
        ? {
            horizontalAnchor: TableAnchorType.PAGE,
            absoluteHorizontalPosition: mmToTwips(this.page.marginLeftMm),
            verticalAnchor: TableAnchorType.MARGIN,
            relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
            overlap: OverlapType.NEVER,
          }
        : undefined,
      rows,
    });
  }

  /** A section starting on a new page whose pages print no page number. */
  unnumberedSection(): Pick<ISectionOptions, 'properties' | 'footers'> {
    return { properties: { ...pagePropertiesOf(this.page), type: SectionType.NEXT_PAGE }, footers: { default: this.emptyFooter(), even: this.emptyFooter() } };
  }

  /** A blank page with no page number: a section holding one paragraph too short to take a line. */
  blankPageSection(): ISectionOptions {
    return { ...this.unnumberedSection(), children: [this.tinyParagraph()] };
  }

  /**
   * A paragraph as short as Word allows, so it never takes a line of its own: a floating table needs one after
   * it, and a section needs one before its table.
   */
  tinyParagraph(): Paragraph {
    const pt = ELEMENTS.colophon.anchorParagraphPt;
    return new Paragraph({
      style: styleId('colophon'),
      spacing: { line: ptToTwips(pt), lineRule: LineRuleType.EXACT },
      run: { size: ptToHalfPoints(pt) },
    });
  }
}

/** A section's page: the profile's paper and margins, and its line grid. */
export function pagePropertiesOf(page: PageGeometry) {
  return {
    page: {
      size: { width: mmToTwips(page.paperWidthMm), height: mmToTwips(page.paperHeightMm) },
      margin: {
        top: mmToTwips(page.marginTopMm),
        bottom: mmToTwips(page.marginBottomMm),
        left: mmToTwips(page.marginLeftMm),
        right: mmToTwips(page.marginRightMm),
        header: mmToTwips(ELEMENTS.header.distanceMm),
        footer: mmToTwips(pageNumberPlacement(page).footerDistanceMm),
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: page.linePitchTwips },
  };
}

/**
 * A typeset issue as the sections of a document: its body with page numbers, then a blank page and a colophon
 * page of their own where the plan has them. `startsOnNewPage` for an issue after other pages (a volume).
 */
export function issueSections(typeset: TypesetIssue, writer: DocxWriter, startsOnNewPage = false): ISectionOptions[] {
  const { pages, colophon } = typeset;
  const pageProperties = pagePropertiesOf(writer.page);
  const first = startsOnNewPage ? { ...pageProperties, type: SectionType.NEXT_PAGE } : pageProperties;
  const body = writer.bodyOf(typeset.blocks);
  const sections: ISectionOptions[] = [];
  const numbered = { default: writer.pageNumberFooter('odd'), even: writer.pageNumberFooter('even') };
  if (colophon && pages.colophon === 'same-page') {
    sections.push({ properties: first, footers: numbered, children: [...body, writer.colophonTable(colophon, true), writer.tinyParagraph()] });
  } else {
    sections.push({ properties: first, footers: numbered, children: body });
  }
  if (colophon && (pages.colophon === 'own-page' || pages.colophon === 'own-pages')) {
    // a blank page and a colophon page of its own carry no page number (GB/T 9704); each is a section of its own
    // with empty footers, starting with a paragraph (LibreOffice folds a section that starts with a table into the one before)
    for (let blank = 0; blank < pages.blankPagesBeforeColophon; blank++) sections.push(writer.blankPageSection());
    sections.push({ ...writer.unnumberedSection(), children: [writer.tinyParagraph(), writer.colophonTable(colophon, pages.colophon === 'own-page'), writer.tinyParagraph()] });
  }
  return sections;
}

/** A Word document of the sections, with the styles of the writer's profile and the settings every program needs. */
export async function packDocument(
  writer: DocxWriter,
  { title, creator }: { title: string; creator: string },
  sections: ISectionOptions[],
  addParts?: (parts: PackageParts) => void,
): Promise<Uint8Array> {
  const fontSpec = FONT_PROFILES_SPEC[writer.profile].families;
  const document = new Document({
    title,
    creator,
    evenAndOddHeaderAndFooters: true,
    externalStyles: documentDefaultsXml(writer.profile),
    theme: {
      fonts: {
        headings: { latin: LATIN_FONT, eastAsia: fontSpec.heiti, scripts: { Hans: fontSpec.heiti, Hant: fontSpec.heiti } },
        body: { latin: LATIN_FONT, eastAsia: fontSpec.fangsong, scripts: { Hans: fontSpec.fangsong, Hant: fontSpec.fangsong } },
      },
    },
    styles: { paragraphStyles: writer.paragraphStyles(), characterStyles: writer.characterStyles() },
    sections,
  });
  return withTypesettingSettings(await compiledParts(document), writer.images, addParts);
}

/** The issue as a .docx; `images` gives its photos' stored bytes (a photo the archive lacks prints as 图片缺失). */
export async function exportDocx(issue: Issue, options: ExportOptions, images: ImageSource = NO_IMAGES): Promise<Uint8Array> {
  const typeset = typesetIssue(issue, options);
  const writer = new DocxWriter(typeset.page, options, typeset.page, images);
  return packDocument(writer, { title: typeset.documentTitle, creator: issue.series.issuer || issue.series.name }, issueSections(typeset, writer), (parts) => addCanonicalPart(parts, issue));
}

/**
 * Document settings docx cannot write: no punctuation compression of Word's own (the plan decides every
 * squeeze), so Word, WPS and LibreOffice all fill lines as the plan does; and the photos' bytes.
 */
function withTypesettingSettings(parts: PackageParts, images: ImageSource, addParts?: (parts: PackageParts) => void): Uint8Array {
  // the photos' stored bytes in place of their placeholders, stored without compression (JPEG and PNG are compressed already)
  const photos = new Set<string>();
  for (const [name, data] of parts) {
    if (!name.startsWith('word/media/') || typeof data === 'string') continue;
    const id = placeholderImageId(data);
    if (id === null) continue;
    const stored = images(id);
    // the writer that set the figure found these bytes: a document packed with another writer's images is a bug
    if (!stored) throw new Error(`no bytes for the image placeholder ${id}`);
    parts.set(name, stored);
    photos.add(name);
  }
  const settings = partText(parts, 'word/settings.xml');
  if (settings !== undefined && !settings.includes('w:characterSpacingControl')) {
    // CT_Settings orders it before w:compat (Word rejects elements out of order)
    const control = '<w:characterSpacingControl w:val="doNotCompress"/>';
    parts.set('word/settings.xml', settings.includes('<w:compat>') ? settings.replace('<w:compat>', `${control}<w:compat>`) : settings.replace('</w:settings>', `${control}</w:settings>`));
  }
  addParts?.(parts);
  return zipParts(parts, photos);
}

/**
 * The styles docx always writes (headings, captions, TOC, notes …), by id and name. They are written again
 * with fonts named, so that no style in the document leaves its font to the theme.
 */
const BUILT_IN_PARAGRAPH_STYLES: readonly [string, string][] = [
  ['Title', 'Title'],
  ...[1, 2, 3, 4, 5, 6].map((level): [string, string] => [`Heading${level}`, `heading ${level}`]),
  ['Strong', 'Strong'],
  ['ListParagraph', 'List Paragraph'],
  ['Caption', 'caption'],
  ['Bibliography', 'Bibliography'],
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level): [string, string] => [`TOC${level}`, `toc ${level}`]),
  ['FootnoteText', 'footnote text'],
  ['EndnoteText', 'endnote text'],
];
const BUILT_IN_CHARACTER_STYLES: readonly [string, string][] = [
  ['Hyperlink', 'Hyperlink'],
  ['FootnoteReference', 'footnote reference'],
  ['FootnoteTextChar', 'Footnote Text Char'],
  ['EndnoteReference', 'endnote reference'],
  ['EndnoteTextChar', 'Endnote Text Char'],
  ['LineNumber', 'line number'],
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The styles part our styles are added to: instead of docx's built-in styles (which name no fonts), only the
 * document defaults, with the paragraph settings docx cannot write, each stated so no program falls back to a
 * default of its own: no widow control (it breaks the grid); 避头尾 on (w:kinsoku); a closing mark may hang
 * (w:overflowPunct, as Word and WPS print; the plan squeezes such lines so none needs to); no compression at a
 * line start (w:topLinePunct 0); a quarter em between Chinese and Western text and digits (w:autoSpaceDE/DN,
 * the plan's AUTOSPACE, and the only setting every program honours); no snapping to the line grid (every line
 * has an exact height).
 */
function documentDefaultsXml(profile: FontProfileName): string {
  const fonts = styleFonts('fangsong', profile);
  const size = ptToHalfPoints(ELEMENTS.body.sizePt);
  const rFonts = `<w:rFonts w:ascii="${escapeXml(fonts.ascii)}" w:hAnsi="${escapeXml(fonts.hAnsi)}" w:eastAsia="${escapeXml(fonts.eastAsia)}" w:cs="${escapeXml(fonts.cs)}" w:hint="eastAsia"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>',
    `<w:rPrDefault><w:rPr>${rFonts}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/><w:topLinePunct w:val="0"/><w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/><w:snapToGrid w:val="0"/></w:pPr></w:pPrDefault>',
    '</w:docDefaults></w:styles>',
  ].join('');
}
