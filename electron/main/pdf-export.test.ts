import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../security/app-protocol.ts';
import { PDF_OPTIONS, PrintDocuments, printHtmlToPdf } from './pdf-export.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { FakeBrowserWindow, FakeWebContents } = await import('../../test/electron/fake-electron.ts');

const html = '<!doctype html><style>@page { size: A4; margin: 37mm 28mm 35mm 26mm }</style><p>第13期</p>';

describe('PDF export through printToPDF', () => {
  it('prints the print document from app://print in a hidden, script-less, sandboxed window with the CSS page size', async () => {
    const documents = new PrintDocuments();
    const serve = createAppProtocolHandler({ rendererDir: '/nonexistent', printDocument: documents.get });
    const served: string[] = [];
    const load = vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(async function (url: string) {
      served.push(await (await serve(new Request(url))).text());
    });

    const pdf = await printHtmlToPdf(html, documents);

    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(load.mock.calls[0]![0]).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
    expect(served).toEqual([html]);
    expect(window.webContents.pdfOptions).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true);
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(window.destroyed).toBe(true);
    expect((await serve(new Request(load.mock.calls[0]![0]))).status).toBe(404);
    load.mockRestore();
  });

  it('closes the window and forgets the document when printing fails', async () => {
    const documents = new PrintDocuments();
    const print = vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockRejectedValue(new Error('printing failed'));
    await expect(printHtmlToPdf(html, documents)).rejects.toThrow('printing failed');
    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.destroyed).toBe(true);
    expect(documents.get(new URL(window.loadedUrls[0]!).pathname)).toBeUndefined();
    print.mockRestore();
  });
});
