// Real office files for the .doc and PDF import tests, made the way clerks' programs make them: LibreOffice
// (headless, a private profile, the fontconfig map of the office font names) saves the fixtures as Word
// 97–2003 .doc and prints them as PDF, from their text and from the .docx Jianbao exports; Chromium prints
// Jianbao's own print view. Plus a PDF written byte by byte for what no program here makes (thousands of
// pages, a given page furniture), and a few files damaged on purpose.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter } from '../../electron/services/export/pdf.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { PrintOptions } from '../../shared/layout/typeset.ts';
import { renderEnv } from '../export/render-tools.ts';
import type { BulletinFixture } from '../fixtures.ts';

export const STANDARD: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };

export function workFolder(label: string): string {
  return mkdtempSync(join(tmpdir(), `jianbao-${label}-`));
}

/** `soffice --convert-to <target>` of the files into `outDir`, in one run with a profile of its own. */
export function libreOffice(inputs: readonly string[], target: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'jianbao-lo-profile-'));
  try {
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...inputs], {
      env: renderEnv,
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (result.status !== 0) throw new Error(`soffice --convert-to ${target} failed (${result.status ?? result.signal}): ${result.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Where LibreOffice put the conversion of `input`. */
export const convertedPath = (input: string, outDir: string, extension: string) => join(outDir, basename(input).replace(/\.[^.]+$/, extension));

/** LibreOffice's PDF export with an open password. */
export const ENCRYPTED_PDF = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}';

/** The issue a fixture's text reads as (what Jianbao would export for it). */
export const fixtureIssue = (fixture: BulletinFixture): Issue => parseBulletinText(fixture.text).issue;

/** Each fixture's text as .txt and Jianbao's .docx export of it, written into `dir`; their paths. */
export async function writeFixtureSources(fixtures: readonly BulletinFixture[], dir: string): Promise<{ texts: string[]; docxs: string[] }> {
  mkdirSync(dir, { recursive: true });
  const texts: string[] = [];
  const docxs: string[] = [];
  for (const fixture of fixtures) {
    const text = join(dir, `${fixture.name}.txt`);
    writeFileSync(text, fixture.text);
    texts.push(text);
    const docx = join(dir, `${fixture.name}.docx`);
    writeFileSync(docx, await exportDocx(fixtureIssue(fixture), STANDARD));
    docxs.push(docx);
  }
  return { texts, docxs };
}

/** Jianbao's own PDF export (the print view through Chromium) of each issue, by name, into `dir`. */
export async function printWithChromium(issues: readonly { name: string; issue: Issue }[], dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  // Chromium reads the same fontconfig map as LibreOffice
  process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
  const printer = createPdfPrinter();
  try {
    const paths: string[] = [];
    for (const { name, issue } of issues) {
      const path = join(dir, `${name}.print.pdf`);
      writeFileSync(path, await printer.print(issue, STANDARD));
      paths.push(path);
    }
    return paths;
  } finally {
    await printer.close();
  }
}

/** An image-only PDF, as a scanner makes: a picture of a printed page (poppler renders it) put on a page by LibreOffice. */
export function scannedPdf(printedPdf: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const image = join(dir, 'scan-page');
  const render = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', printedPdf, image], { encoding: 'utf8' });
  if (render.status !== 0) throw new Error(`pdftoppm failed: ${render.stderr}`);
  const png = readFileSync(`${image}.png`).toString('base64');
  const fodt = join(dir, 'scan.fodt');
  writeFileSync(
    fodt,
    `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="15cm" svg:height="21cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>`,
  );
  libreOffice([fodt], 'pdf', dir);
  return join(dir, 'scan.pdf');
}

export interface MadeLine {
  text: string;
  /** points from the left edge */
  x: number;
  /** the baseline, in points from the top edge */
  y: number;
  size?: number;
}

/** Text for a WinAnsi string in a content stream: ASCII, with the dashes at their WinAnsi codes. */
const winAnsi = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`).replace(/—/g, '\\227').replace(/–/g, '\\226');

/**
 * A PDF written byte by byte: A4 pages of lines in Helvetica (a standard font pdfjs takes from its own
 * font data), ASCII text only, each page its own content stream.
 */
export function madePdf(pages: readonly MadeLine[][]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
    return objects.length;
  };
  const catalog = add('');
  const tree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const content = lines
      .map((line) => `BT /F1 ${line.size ?? 12} Tf ${line.x} ${842 - line.y} Td (${winAnsi(line.text)}) Tj ET`)
      .join('\n');
    const data = deflateSync(Buffer.from(content, 'latin1'));
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, 'latin1');
  objects[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Bytes that are nothing in particular (the same every run). */
export function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
