// PDF export outside Electron (browser mode's server, the command line, tests): the print view printed by
// Chromium through playwright-core. One browser is launched on first use and reused until close().
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Issue } from '../../../shared/model/issue.ts';
import type { PrintOptions } from '../../../shared/layout/typeset.ts';
import { printImageIdOf, printImageUrls, renderPrintHtml } from '../../../shared/print/render-print-html.ts';
import type { ImageSource } from './docx-tables.ts';
import { ApiError } from '../../../shared/api/errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Where print documents are served inside the browser (answered by the printer itself, never the network). */
const PRINT_ORIGIN = 'http://print.jianbao.invalid';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.JIANBAO_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
}

/** PDF export cannot run here (no browser, or it failed): a Chinese sentence for the clerk. */
export class PdfExportError extends ApiError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'PdfExportError';
  }
}

export interface PdfPrinter {
  print(issue: Issue, options: PrintOptions, images?: ImageSource): Promise<Uint8Array>;
  /** a print document whose photos (at printImageUrls) come from `images` */
  printHtml(html: string, images?: ImageSource): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function createPdfPrinter(executablePath: string = chromiumPath()): PdfPrinter {
  let session: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  /** the print documents being printed, by the URL they are served at, with their photos */
  const documents = new Map<string, { html: string; images: ImageSource }>();
  /** a photo a document being printed asks for: any open document's, as ids are the bytes' hashes */
  const photo = (url: string): Uint8Array | null => {
    const id = printImageIdOf(new URL(url).pathname);
    if (id === null) return null;
    for (const { images } of documents.values()) {
      const bytes = images(id);
      if (bytes) return bytes;
    }
    return null;
  };

  function start(): Promise<{ browser: Browser; context: BrowserContext }> {
    session ??= (async () => {
      if (!existsSync(executablePath)) throw new PdfExportError(`找不到 Chromium 浏览器：${executablePath}；可用环境变量 JIANBAO_CHROMIUM 指定浏览器位置`);
      // playwright-core is loaded with the first PDF, not with every program that can make one
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
      // like Electron's print window: no script runs in a print document, and nothing is fetched from the network
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        const document = documents.get(url);
        if (document) return route.fulfill({ body: document.html, contentType: 'text/html; charset=utf-8' });
        const bytes = photo(url);
        if (bytes) return route.fulfill({ body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: url.endsWith('.jpg') ? 'image/jpeg' : 'image/png' });
        return route.abort();
      });
      return { browser, context };
    })().catch((error: unknown) => {
      session = null;
      if (error instanceof PdfExportError) throw error;
      throw new PdfExportError(`无法启动 Chromium 浏览器生成 PDF：${executablePath}；请检查浏览器能否运行，或用环境变量 JIANBAO_CHROMIUM 指定其他浏览器`);
    });
    return session;
  }

  async function printHtml(html: string, images: ImageSource = () => null): Promise<Uint8Array> {
    const { context } = await start();
    const url = `${PRINT_ORIGIN}/${randomUUID()}.html`;
    documents.set(url, { html, images });
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false }));
    } finally {
      documents.delete(url);
      await page.close();
    }
  }

  return {
    printHtml,
    print: (issue, options, images) => printHtml(renderPrintHtml(issue, options, printImageUrls), images),
    async close() {
      const running = session;
      session = null;
      if (running) await (await running.catch(() => null))?.browser.close();
    },
  };
}

/** Prints one issue: with the printer given (kept open for the next export), else with a browser of its own. */
export async function exportPdf(issue: Issue, options: PrintOptions, printer?: PdfPrinter, images?: ImageSource): Promise<Uint8Array> {
  if (printer) return printer.print(issue, options, images);
  const own = createPdfPrinter();
  try {
    return await own.print(issue, options, images);
  } finally {
    await own.close();
  }
}
