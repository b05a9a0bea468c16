// PDF export in the desktop app: the print document (the same HTML the print preview shows) is served
// for a moment at app://print/<random>.html, loaded in a hidden window with JavaScript off, and
// printed by Chromium's printToPDF with the page size and margins of its CSS @page rules.
import { randomUUID } from 'node:crypto';
import { BrowserWindow, type PrintToPDFOptions } from 'electron';
import { APP_SCHEME, PRINT_HOST } from '../security/app-protocol.ts';
import { secureWebPreferences } from '../security/web-preferences.ts';
import { printImageIdOf } from '../../shared/print/render-print-html.ts';
import type { ImageSource } from '../services/export/docx-tables.ts';

/**
 * The document's @page rules set the page (A4) and its margins (none on the sheets, which place their own
 * type area), and Chromium prefers them; A4 and zero margins are stated too, so that nothing rests on
 * Electron's defaults (Letter, 1 cm margins), the same as Chromium is asked in browser mode (export/pdf.ts).
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  preferCSSPageSize: true,
  printBackground: true,
  generateDocumentOutline: false,
} satisfies PrintToPDFOptions;

/** The print documents being printed right now, by the path of their app://print URL, with their photos. */
export class PrintDocuments {
  private readonly documents = new Map<string, { html: string; images: ImageSource }>();

  add(html: string, images: ImageSource = () => null): string {
    const path = `/${randomUUID()}.html`;
    this.documents.set(path, { html, images });
    return `${APP_SCHEME}://${PRINT_HOST}${path}`;
  }

  get = (pathname: string): string | undefined => this.documents.get(pathname)?.html;

  /** A photo a document being printed shows (app://print/images/<id>.jpg): any open document's, ids being hashes. */
  image = (pathname: string): Uint8Array | undefined => {
    const id = printImageIdOf(pathname);
    if (id === null) return undefined;
    for (const { images } of this.documents.values()) {
      const bytes = images(id);
      if (bytes) return bytes;
    }
    return undefined;
  };

  delete(url: string): void {
    this.documents.delete(new URL(url).pathname);
  }
}

export async function printHtmlToPdf(html: string, documents: PrintDocuments, images?: ImageSource): Promise<Buffer> {
  const url = documents.add(html, images);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...secureWebPreferences({ devTools: false }), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick', javascript: false },
  });
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF(PDF_OPTIONS);
  } finally {
    documents.delete(url);
    window.destroy();
  }
}
