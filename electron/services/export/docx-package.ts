// A .docx package as its parts by name, so that the exporter changes and adds parts (settings, photos, the
// canonical issue) and zips the package once, instead of docx zipping it and the exporter opening,
// re-reading and zipping it again (that second pass was a sixth of a command-line export).
import type { Document } from 'docx';
import { Packer } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Issue } from '../../../shared/model/issue.ts';
import { addCanonicalPart, partText, type PackageParts } from '../import/canonical-part.ts';

export { partText, type PackageParts };

interface DocxCompiler {
  compile(file: Document, prettify?: unknown, overrides?: readonly unknown[]): Map<string, string | Uint8Array>;
}

/**
 * docx's own compiler, which `Packer` holds privately: the parts exactly as `Packer.toBuffer` zips them.
 * Null if a later docx no longer has it; docx-package.test.ts fails then, so the slower path is never
 * taken unnoticed.
 */
export function docxCompiler(): DocxCompiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  return compiler && typeof compiler.compile === 'function' ? (compiler as DocxCompiler) : null;
}

/** The parts docx writes for the document. */
export async function compiledParts(document: Document): Promise<PackageParts> {
  const compiler = docxCompiler();
  if (compiler) return new Map(compiler.compile(document));
  return unzipParts(await Packer.toBuffer(document));
}

/** The parts of a zipped package: those whose names end in .xml or .rels as text, the others as bytes. */
export function unzipParts(bytes: Uint8Array): PackageParts {
  const parts: PackageParts = new Map();
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts.set(name, /\.(xml|rels)$/i.test(name) ? strFromU8(data) : data);
  return parts;
}

/** The package as a .docx: every part deflated, but those in `stored`, kept as they are (photos, compressed already). */
export function zipParts(parts: PackageParts, stored: ReadonlySet<string> = new Set()): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    files[name] = [bytes, { level: stored.has(name) ? 0 : 6 }];
  }
  return zipSync(files);
}

/** A .docx with the canonical part of `issue` added (to a file the exporter wrote). */
export function withCanonicalPart(docx: Uint8Array, issue: Issue): Uint8Array {
  const parts = unzipParts(docx);
  addCanonicalPart(parts, issue);
  return zipParts(parts);
}
