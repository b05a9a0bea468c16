// Writes a year's volume (汇编) as one Word document from its plan: the cover and its blank back, the contents
// (a right tab stop with a dot leader for each page number), then each issue's own sections (docx.ts), a
// blank page before an issue where it would start on an even page. Word, WPS and LibreOffice number the
// pages on through the sections, as the plan does.
import type { ImageSource } from './docx-tables.ts';
import { AlignmentType, LeaderType, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type ISectionOptions } from 'docx';
import { segmentByFont } from '../../../shared/layout/fonts.ts';
import { BLACK, characterSpacingTwipsFor, type FontRole } from '../../../shared/layout/profiles.ts';
import { mmToTwips, ptToHalfPoints, ptToTwips } from '../../../shared/layout/units.ts';
import type { ContentsLine, CoverLine, TypesetVolume } from '../../../shared/volume/typeset-volume.ts';
import { DocxWriter, issueSections, packDocument, pagePropertiesOf, runFonts, styleId } from './docx.ts';

/** Reports each issue set, and may stop the work between two issues (it throws). */
export type VolumeProgress = (done: number, total: number) => void | Promise<void>;

function textRuns(text: string, role: FontRole, sizePt: number, writer: DocxWriter, color = BLACK): TextRun[] {
  return segmentByFont(text, role, writer.profile).map(
    (segment) =>
      new TextRun({
        text: segment.text,
        font: runFonts(segment.fontClass, role, writer.profile),
        size: ptToHalfPoints(sizePt),
        characterSpacing: characterSpacingTwipsFor(sizePt),
        color: color === BLACK ? undefined : color,
      }),
  );
}

const exactLines = (writer: DocxWriter, rows: number) => ({ line: rows * writer.page.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** The cover's lines at their rows: the rows between them as blank lines of the grid. */
function coverParagraphs(cover: readonly CoverLine[], writer: DocxWriter): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let row = 0;
  for (const line of cover) {
    for (; row < line.row; row++) paragraphs.push(new Paragraph({ style: styleId('blank') }));
    paragraphs.push(
      new Paragraph({
        style: styleId('body'),
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0, firstLineChars: 0 },
        spacing: exactLines(writer, line.rows),
        children: textRuns(line.text, line.role, line.sizePt, writer, line.color),
      }),
    );
    row += line.rows;
  }
  return paragraphs;
}

function contentsParagraph(line: ContentsLine, writer: DocxWriter, pageBreakBefore: boolean): Paragraph {
  const common = { pageBreakBefore: pageBreakBefore || undefined, spacing: exactLines(writer, 1) };
  if (line.kind === 'heading' || line.kind === 'blank') {
    return new Paragraph({ ...common, style: styleId(line.kind === 'heading' ? 'title' : 'blank'), children: line.text ? textRuns(line.text, line.role, line.sizePt, writer) : [] });
  }
  const number = line.page === null ? [] : [new TextRun({ children: [new Tab()], size: ptToHalfPoints(line.sizePt) }), ...textRuns(String(line.page), line.role, line.sizePt, writer)];
  return new Paragraph({
    ...common,
    style: styleId('body'),
    alignment: AlignmentType.LEFT,
    indent: { left: ptToTwips(line.indentPt), firstLine: 0, firstLineChars: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: mmToTwips(writer.page.typeAreaWidthMm), leader: LeaderType.DOT }],
    children: [...textRuns(line.text, line.role, line.sizePt, writer), ...number],
  });
}

/** The volume as a .docx; `progress` is told of each issue written, and may stop the work by throwing. */
export async function exportVolumeDocx(volume: TypesetVolume, { creator, progress, images }: { creator: string; progress?: VolumeProgress; images?: ImageSource | undefined }): Promise<Uint8Array> {
  const writer = new DocxWriter(volume.page, volume.options, volume.page, images);
  const numbered = () => ({ default: writer.pageNumberFooter('odd'), even: writer.pageNumberFooter('even') });
  const sections: ISectionOptions[] = [];
  let lastPart = -1;
  for (const planned of volume.sheets) {
    if (planned.kind === 'cover') {
      sections.push({ properties: pagePropertiesOf(writer.page), footers: { default: writer.emptyFooter(), even: writer.emptyFooter() }, children: coverParagraphs(volume.cover, writer) });
    } else if (planned.kind === 'blank') {
      sections.push(writer.blankPageSection());
    } else if (planned.kind === 'contents') {
      if (planned.index > 0) continue;
      const children = volume.contents.flatMap((page, pageIndex) => page.map((line, index) => contentsParagraph(line, writer, pageIndex > 0 && index === 0)));
      sections.push({ ...writer.unnumberedSection(), footers: numbered(), children });
    } else if (planned.part !== lastPart) {
      lastPart = planned.part;
      const part = volume.parts[planned.part]!;
      sections.push(...issueSections(part.typeset, new DocxWriter(part.typeset.page, part.typeset.options, volume.page, images), true));
      await progress?.(planned.part + 1, volume.parts.length);
    }
  }
  return packDocument(writer, { title: volume.documentTitle, creator }, sections);
}
