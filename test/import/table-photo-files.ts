// .docx files with statistics tables and photos, made the ways clerks make them: in Word's way with the
// docx package (a header over two rows marked to repeat, merged across and down, a 合计 row, photos as
// inline drawings with a 图为 caption and a centred 楷体 caption), and by LibreOffice from a web page
// holding a <table> and an <img> (a PNG made with sharp). One variant carries a picture whose bytes are
// not an image; another, many of them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Tab, TabStopType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { convertedPath, libreOffice, noise, workFolder } from './office-files.ts';

export const TABLE_PHOTO = {
  seriesName: '益阳市信访工作简报',
  number: 5,
  issuer: '益阳市信访局',
  dateText: '2024年5月6日',
  date: '2024-05-06',
  titles: ['全市信访工作推进会召开', '资阳区开展信访积案化解专项行动'],
  firstParagraph: '5月5日，全市信访工作推进会召开，会议通报了一季度各县市区信访件交办和办结情况。',
  captions: ['图为全市信访工作推进会现场', '市领导在会上讲话'],
  tableTitle: '表1 各县市区信访件交办情况统计表',
  header: [
    ['县市区', '交办件数', '办理情况'],
    ['已办结', '办理中'],
  ],
  rows: [
    ['赫山区', '12', '10', '2'],
    ['资阳区', '8', '7', '1'],
    ['沅江市', '6', '6', '0'],
    ['南县', '5', '4', '1'],
    ['桃江县', '9', '8', '1'],
  ],
  total: ['合计', '40', '35', '5'],
  afterTable: '会议要求，各地要进一步压实责任，确保信访件按期办结。',
  report: ['市委办公室', '市政府办公室'],
} as const;

/** A photo: a PNG of `width` × `height` pixels in one colour, with a stripe so that it is not trivial. */
export async function photoPng(width: number, height: number): Promise<Buffer> {
  const stripe = await sharp({ create: { width, height: Math.max(1, Math.round(height / 5)), channels: 3, background: { r: 240, g: 240, b: 240 } } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 190, g: 60, b: 40 } } })
    .composite([{ input: stripe, top: Math.round(height / 2), left: 0 }])
    .png()
    .toBuffer();
}

/** Bytes named .png that no program can decode: a PNG signature over noise. */
export function brokenPng(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4000)]);
}

const FANGSONG = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const run = (text: string, options: { bold?: boolean; size?: number; color?: string; font?: typeof FANGSONG | { eastAsia: string } } = {}) => new TextRun({ text, font: FANGSONG, size: 32, ...options });
const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, alignment: AlignmentType.BOTH, children: [run(text)] });

/**
 * A bulletin as a clerk lays it out in Word: the masthead, an article with a photo (图为 caption under
 * it), a second photo with a centred 楷体 caption, a titled table whose header spans two rows (县市区 and
 * 交办件数 merged down, 办理情况 across), five rows of figures and a 合计 row; a second article; the colophon.
 * `brokenFirstPhoto`: the first photo's part holds bytes that are not an image.
 */
export async function wordTablePhotoBulletin(options: { brokenFirstPhoto?: boolean } = {}): Promise<Buffer> {
  const facts = TABLE_PHOTO;
  const photo = options.brokenFirstPhoto ? brokenPng() : await photoPng(800, 600);
  const second = await photoPng(600, 400);
  const headerCell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({ ...span, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold: true, size: 28 })] })] });
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [run(text, { size: 28 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [headerCell(facts.header[0][0], { rowSpan: 2 }), headerCell(facts.header[0][1], { rowSpan: 2 }), headerCell(facts.header[0][2], { columnSpan: 2 })] }),
      new TableRow({ tableHeader: true, children: [headerCell(facts.header[1][0]), headerCell(facts.header[1][1])] }),
      ...[...facts.rows, facts.total].map((row) => new TableRow({ children: row.map(cell) })),
    ],
  });
  const document = new Document({
    styles: { default: { document: { run: { size: 32, font: FANGSONG } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.seriesName, { color: 'FF0000', size: 44, font: { eastAsia: '方正小标宋简体' } })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`第 ${facts.number} 期`)] }),
          new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 8844 }], children: [run(facts.issuer), new TextRun({ children: [new Tab()] }), run(facts.dateText)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.titles[0], { bold: true, size: 44 })] }),
          body(facts.firstParagraph),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: photo, transformation: { width: 400, height: 300 } })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.captions[0], { font: { eastAsia: '楷体_GB2312' } })] }),
          body('会议指出，一季度全市信访形势总体平稳，信访件交办、办结质效明显提升。'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: second, transformation: { width: 300, height: 200 } })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.captions[1], { font: { eastAsia: '楷体_GB2312' } })] }),
          body('全市信访件交办情况如下：'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.tableTitle, { bold: true })] }),
          table,
          body(facts.afterTable),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(facts.titles[1], { bold: true, size: 44 })] }),
          body('4月以来，资阳区对排查出的信访积案逐案建立台账，明确责任领导和办理时限。'),
          new Paragraph({ children: [run(`报：${facts.report.join('，')}`, { size: 28 })] }),
          new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 8844 }], children: [run(facts.issuer, { size: 28 }), new TextRun({ children: [new Tab()] }), run(`${facts.dateText}印发`, { size: 28 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The web page LibreOffice turns into a .docx: a titled <table> with a <thead> and a 合计 row, an <img> (the PNG inline) with its caption. */
export function tablePhotoPage(png: Buffer): string {
  const facts = TABLE_PHOTO;
  const rows = facts.rows.map((row) => `<tr><td>${row[0]}</td>${row.slice(1).map((value) => `<td align="right">${value}</td>`).join('')}</tr>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${facts.seriesName}</title></head><body>
<p align="center"><font color="#ff0000" size="6">${facts.seriesName}</font></p>
<p align="center">第 ${facts.number} 期</p>
<p>${facts.issuer}　　　　${facts.dateText}</p>
<p align="center"><b><font size="5">${facts.titles[0]}</font></b></p>
<p>　　${facts.firstParagraph}</p>
<p align="center"><img src="data:image/png;base64,${png.toString('base64')}" width="400" height="300"></p>
<p align="center">${facts.captions[0]}</p>
<p>　　全市信访件交办情况如下：</p>
<p align="center"><b>${facts.tableTitle}</b></p>
<table border="1" width="100%"><thead><tr><th>县市区</th><th>交办件数</th><th>已办结</th><th>办理中</th></tr></thead>
<tbody>${rows}<tr><td>${facts.total[0]}</td>${facts.total.slice(1).map((value) => `<td align="right">${value}</td>`).join('')}</tr></tbody></table>
<p>　　${facts.afterTable}</p>
<p align="center"><b><font size="5">${facts.titles[1]}</font></b></p>
<p>　　4月以来，资阳区对排查出的信访积案逐案建立台账，明确责任领导和办理时限。</p>
<p>报：${facts.report.join('，')}</p>
<p>${facts.issuer}　　　　${facts.dateText}印发</p>
</body></html>`;
}

/** LibreOffice's .docx of the web page (`soffice --headless --convert-to docx`). */
export async function libreOfficeTablePhotoDocx(): Promise<Buffer> {
  const folder = workFolder('table-photo');
  try {
    const page = join(folder, 'table-photo.html');
    writeFileSync(page, tablePhotoPage(await photoPng(800, 600)));
    libreOffice([page], 'docx:MS Word 2007 XML', join(folder, 'out'));
    return readFileSync(convertedPath(page, join(folder, 'out'), '.docx'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A short bulletin holding `count` pictures whose bytes are no image, each different. */
export async function brokenPicturesBulletin(count: number): Promise<Buffer> {
  const pictures = Array.from({ length: count }, (_, index) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: Buffer.concat([brokenPng(), Buffer.from(`第${index + 1}张`)]), transformation: { width: 300, height: 200 } })] }),
  );
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(TABLE_PHOTO.seriesName)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`第 ${TABLE_PHOTO.number} 期`)] }),
          new Paragraph({ children: [run(`${TABLE_PHOTO.issuer} ${TABLE_PHOTO.dateText}`)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(TABLE_PHOTO.titles[0], { bold: true, size: 44 })] }),
          body(TABLE_PHOTO.firstParagraph),
          ...pictures,
          body(TABLE_PHOTO.afterTable),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
