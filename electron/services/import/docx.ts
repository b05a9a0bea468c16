// Reads a .docx bulletin through its structure. The untrusted zip is checked first (not a zip, truncated,
// zip bomb); then only the parts the reader needs are inflated, each under the zip's one budget: the
// package relationships, the main part they name (whatever its name: it may be word/body.bin), its
// relationships, styles and numbering, and the custom XML parts it links to. Pictures and other media are
// never inflated. The main part is walked with its styles (docx-paragraphs.ts) into the source document
// the bulletin parser reads, bold, sizes, alignment, red and indents kept. A .docx Jianbao exported carries
// its canonical issue (canonical-part.ts): while the body is as exported, that issue is returned
// exactly, checked like a .json import; once the text was edited, the document wins. This runs in the
// reading worker (read-in-worker.ts).
import { parseBulletin } from '../../../shared/import/parse-bulletin.ts';
import type { FoundFacts, SourceDocument, SourceLine } from '../../../shared/import/source.ts';
import { issueSchema, type Issue } from '../../../shared/model/issue.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { validate } from '../../../shared/model/validate.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import { RefusedZipError, openZip, readZipEntry, type GuardedZip, type ZipLimits } from '../files/zip-guard.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';

/** The XML walk and the canonical part's format, loaded once the zip has passed: a refused file is refused sooner. */
type Walk = typeof import('./docx-paragraphs.ts');
type CanonicalFormat = typeof import('./canonical-part.ts');

/** A .docx may carry photographs, so it may be larger on disk than a text file. */
export const DOCX_FILE_BYTES = 50 * 1024 * 1024;
const KIND = 'Word 文档';
const DOCX_LIMITS: ZipLimits = { totalBytes: 256 * 1024 * 1024, ratio: 200, entries: 2000 };
/** What the reader inflates of the document itself: relationships, main part, styles, numbering */
const TEXT_PARTS_BYTES = 64 * 1024 * 1024;
/** A canonical issue is held to what a .json import may be. */
export const CANONICAL_PART_BYTES = ISSUE_LIMITS.textFileBytes;
/** custom XML parts looked at for the canonical issue (Word adds a few of its own) */
const MAX_CUSTOM_PARTS = 16;

export const EDITED_WARNING = '此文件导出后被修改过，已按文件内容读取';
export const INVALID_PART_WARNING = '此文件附带的简报数据无效，已按文件内容读取';

const MEDIA_FOLDERS = ['word/media/', 'word/embeddings/'];
const MEDIA_EXTENSIONS = /\.(png|jpe?g|jpe|jfif|gif|bmp|dib|emf|emz|wmf|wmz|tiff?|wdp|hdp|jxr|svg|webp|ico|mp3|mp4|m4a|wav|wma|wmv|avi|mov|mpe?g)$/i;
const CANONICAL_NAMESPACE_MARK = 'urn:jianbao:canonical-issue:';

/** Pictures, sounds, videos and embedded objects: they hold no text the reader reads, so they are never inflated. */
export function isMediaPart(name: string): boolean {
  return MEDIA_FOLDERS.some((folder) => name.startsWith(folder)) || MEDIA_EXTENSIONS.test(name);
}

interface Relationship {
  type: string;
  target: string;
}

/** Relationship types by their last segment (transitional and strict OOXML name them alike). */
const isType = (relationship: Relationship, type: string) => relationship.type.endsWith(`/${type}`);

function relationshipsOf(walk: Walk, xml: string): Relationship[] {
  let document: Document;
  try {
    document = walk.parseXml(xml, 'relationships');
  } catch {
    return [];
  }
  const found: Relationship[] = [];
  for (let node = document.documentElement.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType !== 1 || element.localName !== 'Relationship' || element.getAttribute('TargetMode') === 'External') continue;
    found.push({ type: element.getAttribute('Type') ?? '', target: element.getAttribute('Target') ?? '' });
  }
  return found;
}

/** A relationship's target as a part name: relative to the folder of the part that names it, or absolute from the package root. */
export function resolveTarget(source: string, target: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split('#')[0]!);
  } catch {
    decoded = target;
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length > 0 ? segments.join('/') : null;
}

function relsNameOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
  /** the custom XML parts linked from the main part, read (or refused) under the canonical limit */
  custom: { name: string; xml: string | null }[];
  /** the package, for the properties of a custom part that could not be read */
  zip: GuardedZip;
  walk: Walk;
}

/** The parts the reader needs, inflated under the zip's budget; media never. */
async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await openZip(bytes, KIND, DOCX_LIMITS);
  if (!zip.has('_rels/.rels') && !zip.has('word/document.xml')) throw new RefusedZipError(`${KIND}里没有正文部分（word/document.xml），文件无效`);
  const walk = await import('./docx-paragraphs.ts');
  const { xmlText } = walk;
  let left = TEXT_PARTS_BYTES;
  const read = async (name: string) => {
    const part = await readZipEntry(zip, name, KIND, left);
    left -= part.length;
    return xmlText(part);
  };
  let main = 'word/document.xml';
  if (zip.has('_rels/.rels')) {
    const named = relationshipsOf(walk, await read('_rels/.rels')).find((relationship) => isType(relationship, 'officeDocument'));
    const target = named ? resolveTarget('', named.target) : null;
    if (target && !isMediaPart(target)) main = target;
  }
  const relsName = relsNameOf(main);
  const relationships = zip.has(relsName) ? relationshipsOf(walk, await read(relsName)) : [];
  const partOf = (type: string, fallback: string | null): string | undefined => {
    const relationship = relationships.find((candidate) => isType(candidate, type));
    const name = relationship ? resolveTarget(main, relationship.target) : fallback;
    return name && name !== main && zip.has(name) && !isMediaPart(name) ? name : undefined;
  };
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const stylesName = partOf('styles', `${folder}styles.xml`);
  const numberingName = partOf('numbering', `${folder}numbering.xml`);
  const document = await read(main);
  const styles = stylesName ? await read(stylesName) : undefined;
  const numbering = numberingName ? await read(numberingName) : undefined;

  const custom: DocxParts['custom'] = [];
  const customNames = relationships
    .filter((relationship) => isType(relationship, 'customXml'))
    .map((relationship) => resolveTarget(main, relationship.target))
    .filter((name): name is string => name !== null && zip.has(name) && !isMediaPart(name) && name !== main);
  for (const name of [...new Set(customNames)].slice(0, MAX_CUSTOM_PARTS)) {
    try {
      const part = await readZipEntry(zip, name, KIND, Math.min(CANONICAL_PART_BYTES, left));
      left -= part.length;
      custom.push({ name, xml: xmlText(part) });
    } catch (error) {
      // too large, a bomb, or damaged: not a canonical issue, and no reason to refuse the document
      if (!(error instanceof RefusedZipError)) throw error;
      custom.push({ name, xml: null });
    }
  }
  return { document, styles, numbering, custom, zip, walk };
}

/** Whether a custom part that could not be read says (in its small properties part) that it is Jianbao's. */
async function claimsToBeCanonical({ zip, walk }: DocxParts, name: string): Promise<boolean> {
  const { xmlText } = walk;
  const rels = relsNameOf(name);
  if (!zip.has(rels)) return false;
  try {
    const props = relationshipsOf(walk, xmlText(await readZipEntry(zip, rels, KIND, 64 * 1024))).find((relationship) => isType(relationship, 'customXmlProps'));
    const propsName = props ? resolveTarget(name, props.target) : null;
    if (!propsName || !zip.has(propsName)) return false;
    return xmlText(await readZipEntry(zip, propsName, KIND, 64 * 1024)).includes(CANONICAL_NAMESPACE_MARK);
  } catch {
    return false;
  }
}

const ALL_FOUND: FoundFacts = { seriesName: true, number: true, date: true, docNumber: true };

/** Every character of an issue that the exporter prints, the 导读 (derived from the titles) left out. */
function printedTexts(issue: Issue): string[] {
  const texts = [issue.series.name, issue.series.issuer, issue.docNumber ?? '', issue.printed?.by ?? ''];
  for (const block of issue.blocks) {
    if (block.type === 'article') {
      texts.push(block.title, block.subtitle ?? '');
      for (const paragraph of block.paragraphs) for (const run of paragraph.runs) texts.push(run.text);
    } else if (block.type === 'news') {
      texts.push(block.heading);
      for (const item of block.items) {
        texts.push(item.head);
        for (const paragraph of item.paragraphs) for (const run of paragraph.runs) texts.push(run.text);
      }
    }
  }
  texts.push(...issue.distribution.report, ...issue.distribution.send, ...issue.distribution.issue);
  return texts;
}

/**
 * The canonical issue says no more than the document shows: each of its characters is printed in the
 * body at least as often. A part with a matching fingerprint but a forged issue (other text, or far more
 * of it) fails this and the document is read instead.
 */
function issueFitsDocument(issue: Issue, lines: readonly SourceLine[]): boolean {
  const counts = new Map<string, number>();
  for (const line of lines) for (const char of line.text.replace(/\s+/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const text of printedTexts(issue)) {
    for (const char of text.replace(/\s+/g, '')) {
      const left = counts.get(char) ?? 0;
      if (left === 0) return false;
      counts.set(char, left - 1);
    }
  }
  return true;
}

/**
 * How long the JSON of an issue printed as these lines can be: its text, its structure (at most a run for
 * every character) and a megabyte for the rest (ignored findings). Checked before the JSON is parsed: a
 * part far larger than its document (10^6 empty paragraphs in 12 MB of JSON) would cost the reading worker its
 * memory before the schema could refuse it.
 */
function jsonBudget(lines: readonly SourceLine[]): number {
  let characters = 0;
  for (const line of lines) characters += line.text.length;
  return 1024 * 1024 + 40 * (characters + lines.length);
}

type Canonical = { state: 'none' } | { state: 'edited' } | { state: 'invalid' } | { state: 'valid'; issue: Issue };

/** The canonical issue the file carries, if its part is there, intact, valid and still describes the body. */
async function canonicalOf(parts: DocxParts, lines: readonly SourceLine[]): Promise<Canonical> {
  const { walk } = parts;
  let format: CanonicalFormat | undefined;
  let unreadable = false;
  for (const { name, xml } of parts.custom) {
    if (xml === null) {
      unreadable ||= await claimsToBeCanonical(parts, name);
      continue;
    }
    if (!xml.includes(CANONICAL_NAMESPACE_MARK)) continue;
    format ??= await import('./canonical-part.ts');
    let part: ReturnType<CanonicalFormat['readCanonicalPart']>;
    try {
      part = format.readCanonicalPart(walk.parseXml(xml, name).documentElement);
    } catch {
      part = null;
    }
    if (!part) {
      unreadable = true;
      continue;
    }
    if (part.fingerprint !== walk.bodyFingerprint(lines)) return { state: 'edited' };
    if (part.json.length > jsonBudget(lines)) return { state: 'invalid' };
    let json: unknown;
    try {
      json = JSON.parse(part.json);
    } catch {
      return { state: 'invalid' };
    }
    const result = validate(issueSchema, json);
    if (!result.ok || !issueFitsDocument(result.value, lines)) return { state: 'invalid' };
    return { state: 'valid', issue: result.value };
  }
  return unreadable ? { state: 'invalid' } : { state: 'none' };
}

/** The guarded parts and the body's lines, with the limits and messages of a .docx read. */
async function readDocx(bytes: Uint8Array, path: string): Promise<{ parts: DocxParts; lines: SourceLine[] }> {
  let parts: DocxParts;
  try {
    parts = await docxParts(bytes);
  } catch (error) {
    if (error instanceof RefusedZipError) throw new UnreadableFileError(`${error.message}：${path}`);
    throw error;
  }
  let lines: SourceLine[];
  try {
    lines = parts.walk.readDocxLines(parts);
  } catch (error) {
    if (error instanceof parts.walk.DocxXmlError) throw new UnreadableFileError(`无法读取 Word 文档的内容，文件可能已损坏：${path}`);
    throw error;
  }
  let characters = 0;
  for (const line of lines) characters += line.text.length;
  if (characters > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`Word 文档的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${path}`);
  if (lines.length === 0) throw new UnreadableFileError(`Word 文档里没有文字：${path}`);
  return { parts, lines };
}

/** What the parser is given of a .docx: its body's paragraphs with their look (the canonical part left aside). */
export async function docxSource(bytes: Uint8Array, path: string): Promise<SourceDocument> {
  return { unit: 'paragraphs', format: 'docx', lines: (await readDocx(bytes, path)).lines };
}

export async function bulletinFromDocx(bytes: Uint8Array, path: string): Promise<ReadBulletin> {
  const { parts, lines } = await readDocx(bytes, path);
  const canonical = await canonicalOf(parts, lines);
  if (canonical.state === 'valid') return { issue: canonical.issue, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical' };
  const parsed = parseBulletin({ unit: 'paragraphs', format: 'docx', lines });
  const notice = canonical.state === 'edited' ? [EDITED_WARNING] : canonical.state === 'invalid' ? [INVALID_PART_WARNING] : [];
  return { ...parsed, warnings: [...notice, ...parsed.warnings], via: 'docx' };
}
