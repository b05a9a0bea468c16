// PDF export in the desktop app, against a stand-in for Electron (Electron cannot run here): what our code
// asks of Electron is checked: the window it opens, the print document it serves and loads, and the options
// it hands printToPDF.
//
// Not tested here, because only a real Electron can: that Electron's printToPDF honours these options and
// the document's @page rules, that the app:// scheme serves the document to a real renderer, and the PDF
// itself (its pages, fonts and layout). The bytes below are the stand-in's own. The same print document is
// printed by real Chromium, with the same preferCSSPageSize, printBackground and zero margins, in
// test/export/render.test.ts (browser mode and the command line), whose pages are checked there.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../security/app-protocol.ts';
import { PrintDocuments, printHtmlToPdf } from './pdf-export.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { FakeBrowserWindow, FakeWebContents } = await import('../../test/electron/fake-electron.ts');

const issue = parseBulletinText(bulletinFixtures()[0]!.text).issue;
const html = renderPrintHtml(issue, { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PDF export through printToPDF', () => {
  it('prints the print document from app://print in a hidden, script-less, sandboxed window: A4, no margins of its own, backgrounds, the CSS page size', async () => {
    const documents = new PrintDocuments();
    const serve = createAppProtocolHandler({ rendererDir: '/nonexistent', printDocument: documents.get });
    const events: string[] = [];
    const served: string[] = [];
    const load = vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(async function (url: string) {
      served.push(await (await serve(new Request(url))).text());
      events.push('loaded');
    });
    const print = vi.spyOn(FakeWebContents.prototype, 'printToPDF');
    print.mockImplementation(async function (this: InstanceType<typeof FakeWebContents>, options: unknown) {
      events.push('printed');
      this.pdfOptions.push(options);
      return this.pdfBytes;
    });

    const pdf = await printHtmlToPdf(html, documents);

    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(load.mock.calls).toHaveLength(1);
    expect(load.mock.calls[0]![0]).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
    // the document loaded is the print document, whole, with the page rules printToPDF is told to prefer
    expect(served).toEqual([html]);
    expect(served[0]).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }');
    expect(served[0]).toContain('益阳市配合省生态环保督察');
    // printed once, after the document has loaded, with exactly these options
    expect(events).toEqual(['loaded', 'printed']);
    expect(window.webContents.pdfOptions).toEqual([
      {
        pageSize: 'A4',
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: false,
      },
    ]);
    expect(pdf).toBe(window.webContents.pdfBytes);
    expect(window.destroyed).toBe(true);
    expect((await serve(new Request(load.mock.calls[0]![0]))).status).toBe(404);
  });

  it('closes the window and forgets the document when printing fails', async () => {
    const documents = new PrintDocuments();
    const print = vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockRejectedValue(new Error('printing failed'));
    await expect(printHtmlToPdf(html, documents)).rejects.toThrow('printing failed');
    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.destroyed).toBe(true);
    expect(documents.get(new URL(window.loadedUrls[0]!).pathname)).toBeUndefined();
  });
});
