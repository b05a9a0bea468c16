// Lays out a photo of an article: its printed size (its share of the type area's width, scaled down when it
// would not leave its caption room on a page), the whole grid lines it takes, and its caption's lines.
import type { Figure, ImageRef } from '../model/issue.ts';
import { ELEMENTS, PAGE_PROFILES, PARAGRAPH_STYLES, characterSpacingTwipsFor, pageGeometry, type PageGeometry } from './profiles.ts';
import { layRuns, printableRuns, type LaidLine } from './laid-lines.ts';
import { MM_PER_INCH, twipsToPt } from './units.ts';
import type { LayoutProfileName } from '../model/series.ts';
import type { BlockSource } from './block-source.ts';

/** A photo and its caption, never parted and never split across pages. */
export interface PrintFigure {
  kind: 'figure';
  image: ImageRef;
  widthPt: number;
  heightPt: number;
  /** grid lines the image's row takes (the image centred in them) */
  imageGridLines: number;
  caption: LaidLine[];
  gridLines: number;
  keepWithNext: boolean;
  keepTogether: boolean;
  source?: BlockSource;
}

export function layFigure(figure: Figure, page: PageGeometry, source: BlockSource | undefined): PrintFigure {
  const captionStyle = PARAGRAPH_STYLES.figureCaption;
  const sizePt = captionStyle.sizePt;
  const runs = printableRuns([{ text: figure.caption }]);
  const caption = runs.length === 0 ? [] : layRuns(runs, { widthPt: page.typeAreaWidthPt, firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt: twipsToPt(characterSpacingTwipsFor(sizePt)) }, false);
  const pitch = page.linePitchPt;
  let widthPt = (page.typeAreaWidthPt * figure.widthPercent) / 100;
  let heightPt = (widthPt * figure.image.height) / figure.image.width;
  const maxHeightPt = Math.floor(page.linesPerPage * ELEMENTS.figure.maxHeightShare - caption.length) * pitch - 2;
  if (heightPt > maxHeightPt) {
    widthPt *= maxHeightPt / heightPt;
    heightPt = maxHeightPt;
  }
  // a sliver of room above and below, so the image never touches the lines around it
  const imageGridLines = Math.max(1, Math.ceil((heightPt + 2) / pitch));
  return { kind: 'figure', image: figure.image, widthPt, heightPt, imageGridLines, caption, gridLines: imageGridLines + caption.length, keepWithNext: false, keepTogether: true, ...(source ? { source } : {}) };
}

/**
 * The pixels a photo needs at print resolution at the largest it can print in any page profile: the type area's
 * full width, or the share of its height a photo may take. A photo is stored downscaled to fit inside this box.
 */
export function printPixelBox(): { widthPx: number; heightPx: number } {
  const { printDpi, maxHeightShare } = ELEMENTS.figure;
  const pages = (Object.keys(PAGE_PROFILES) as LayoutProfileName[]).map(pageGeometry);
  const px = (mm: number) => Math.ceil((mm / MM_PER_INCH) * printDpi);
  return { widthPx: Math.max(...pages.map((page) => px(page.typeAreaWidthMm))), heightPx: Math.max(...pages.map((page) => px(page.typeAreaHeightMm * maxHeightShare))) };
}
