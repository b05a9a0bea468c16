// The document behind libreoffice-7.4.html: a .docx made with the `docx` package, which LibreOffice turns
// into the HTML it also puts on the clipboard (`soffice --headless --convert-to html`, filter HTML (StarWriter)).
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const body = { font: '仿宋_GB2312', size: 32 };
const paragraph = (...runs: TextRun[]) => new Paragraph({ indent: { firstLine: 640 }, children: runs });

export async function libreOfficeSourceDocx(): Promise<Buffer> {
  const document = new Document({
    // the heading 2 style is bold, heading 1 keeps the default style, which is not
    styles: { paragraphStyles: [{ id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 32, font: '黑体' } }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '全市召开环保督察工作推进会', font: '方正小标宋简体' })] }),
          paragraph(new TextRun({ ...body, text: '7月12日，全市召开会议，' }), new TextRun({ ...body, text: '督察组', bold: true }), new TextRun({ ...body, text: '通报了整改进展。' })),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: '一、总体情况' }), new TextRun({ text: '（不加粗）', bold: false })] }),
          paragraph(new TextRun({ ...body, text: '▲安化县：', bold: true }), new TextRun({ ...body, text: '7月11日，该县召开整改工作部署会。' })),
          paragraph(new TextRun({ ...body, text: '▲桃江县抓整改见实效', bold: true }), new TextRun({ ...body, text: '　该县对交办件逐一销号。' })),
          paragraph(new TextRun({ ...body, text: '会议要求，' }), new TextRun({ ...body, text: '2*3=6，**不是粗体**' })),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
