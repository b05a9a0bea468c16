// Joins PDFs printed one after another into one file, page for page (pdf-lib): a year's volume is printed
// in parts, as Chromium prints a few hundred pages much faster per page than a thousand.
import { PDFDocument } from 'pdf-lib';

export async function joinPdfs(parts: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0]!;
  const joined = await PDFDocument.create();
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes);
    for (const page of await joined.copyPages(part, part.getPageIndices())) joined.addPage(page);
  }
  joined.setTitle(title);
  joined.setProducer('简报 Jianbao');
  return joined.save();
}
