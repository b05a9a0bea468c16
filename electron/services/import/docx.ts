// Reads a .docx bulletin through its structure. The untrusted zip is checked first (not a zip, truncated,
// zip bomb); then only the parts the reader needs are inflated, each under the zip's one budget: the
// package relationships, the main part they name (whatever its name: it may be word/body.bin), its
// relationships, styles and numbering, and the custom XML parts it links to; of the media, only the
// pictures the body shows, each under the size a photo may have. The main part is walked with its styles
// (docx-paragraphs.ts) into the source document the bulletin parser reads, bold, sizes, alignment, red and
// indents kept, its tables of figures as tables and its photos with their captions (docx-content.ts); each
// photo is prepared for the archive (prepare-image.ts), and one that cannot be is named in the report,
// not imported. A .docx Jianbao exported carries
// its canonical issue (canonical-part.ts): while the body is as exported, that issue is returned
// exactly, checked like a .json import; once the text was edited, the document wins. This runs in the
// reading worker (read-in-worker.ts).
import { createHash } from 'node:crypto';
import { isUserFacing } from '../../../shared/api/errors.ts';
import { parseBulletin } from '../../../shared/import/parse-bulletin.ts';
import type { FoundFacts, ImportedImage, SourceDocument, SourceLine } from '../../../shared/import/source.ts';
import { contentListsOf, imageIdsOf, tableRowsOf } from '../../../shared/model/content.ts';
import { issueSchema, type Figure, type Issue } from '../../../shared/model/issue.ts';
import { IMAGE_LIMITS, ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { validate } from '../../../shared/model/validate.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import { RefusedZipError, openZip, readZipEntry, type GuardedZip, type ZipLimits } from '../files/zip-guard.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';

/** The XML walk and the canonical part's format, loaded once the zip has passed: a refused file is refused sooner. */
type Walk = typeof import('./docx-paragraphs.ts');
type WalkItem = import('./docx-paragraphs.ts').WalkItem;
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

/** Pictures, sounds, videos and embedded objects: never read as the document's text parts (a picture the body shows is read as a picture). */
export function isMediaPart(name: string): boolean {
  return MEDIA_FOLDERS.some((folder) => name.startsWith(folder)) || MEDIA_EXTENSIONS.test(name);
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  /** a link to a file outside the package (a picture linked, not embedded) */
  external: boolean;
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
    if (node.nodeType !== 1 || element.localName !== 'Relationship') continue;
    found.push({ id: element.getAttribute('Id') ?? '', type: element.getAttribute('Type') ?? '', target: element.getAttribute('Target') ?? '', external: element.getAttribute('TargetMode') === 'External' });
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
  /** the main part's name */
  main: string;
  /** the main part's relationships (its pictures among them) */
  relationships: Relationship[];
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
    const named = relationshipsOf(walk, await read('_rels/.rels')).find((relationship) => !relationship.external && isType(relationship, 'officeDocument'));
    const target = named ? resolveTarget('', named.target) : null;
    if (target && !isMediaPart(target)) main = target;
  }
  const relsName = relsNameOf(main);
  const relationships = zip.has(relsName) ? relationshipsOf(walk, await read(relsName)) : [];
  const partOf = (type: string, fallback: string | null): string | undefined => {
    const relationship = relationships.find((candidate) => !candidate.external && isType(candidate, type));
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
    .filter((relationship) => !relationship.external && isType(relationship, 'customXml'))
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
  return { main, relationships, document, styles, numbering, custom, zip, walk };
}

/** Whether a custom part that could not be read says (in its small properties part) that it is Jianbao's. */
async function claimsToBeCanonical({ zip, walk }: DocxParts, name: string): Promise<boolean> {
  const { xmlText } = walk;
  const rels = relsNameOf(name);
  if (!zip.has(rels)) return false;
  try {
    const props = relationshipsOf(walk, xmlText(await readZipEntry(zip, rels, KIND, 64 * 1024))).find((relationship) => !relationship.external && isType(relationship, 'customXmlProps'));
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
    if (block.type === 'article') texts.push(block.title, block.subtitle ?? '');
    else if (block.type === 'news') texts.push(block.heading, ...block.items.map((item) => item.head));
  }
  for (const list of contentListsOf(issue)) {
    for (const element of list) {
      if (element.type === 'table') {
        texts.push(element.title ?? '');
        for (const row of tableRowsOf(element)) for (const cell of row) for (const run of cell.runs) texts.push(run.text);
      } else if (element.type === 'figure') texts.push(element.caption);
      else for (const run of element.runs) texts.push(run.text);
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

/** The guarded parts, the walk of the body and its lines, with the limits and messages of a .docx read. */
async function readDocx(bytes: Uint8Array, path: string): Promise<{ parts: DocxParts; items: WalkItem[]; lines: SourceLine[] }> {
  let parts: DocxParts;
  try {
    parts = await docxParts(bytes);
  } catch (error) {
    if (error instanceof RefusedZipError) throw new UnreadableFileError(`${error.message}：${path}`);
    throw error;
  }
  let items: WalkItem[];
  try {
    items = parts.walk.readDocxItems(parts);
  } catch (error) {
    if (error instanceof parts.walk.DocxXmlError) throw new UnreadableFileError(`无法读取 Word 文档的内容，文件可能已损坏：${path}`);
    throw error;
  }
  const lines = parts.walk.linesOfItems(items);
  let characters = 0;
  for (const line of lines) characters += line.text.length;
  if (characters > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`Word 文档的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${path}`);
  if (lines.length === 0) throw new UnreadableFileError(`Word 文档里没有文字：${path}`);
  return { parts, items, lines };
}

/** Photos prepared at once: a few at a time (each decodes a camera's photo), in document order. */
const PREPARE_AT_ONCE = 3;
/** far more photos than a bulletin prints: those after them are not read */
export const MAX_PICTURES = 300;
/** pictures named one by one in the report; the rest are counted */
const NAMED_FAILURES = 10;

/** The bytes of the part a picture's relationship names, or why they cannot be had (in Chinese). */
async function pictureBytes(parts: DocxParts, relationshipId: string): Promise<{ name: string; bytes: Uint8Array } | { problem: string }> {
  const relationship = parts.relationships.find((candidate) => candidate.id === relationshipId);
  if (!relationship) return { problem: '文档里找不到这张图片的数据' };
  if (relationship.external) return { problem: '图片是链接到文档以外的文件，没有嵌入文档' };
  const name = resolveTarget(parts.main, relationship.target);
  if (!name || name === parts.main || !parts.zip.has(name)) return { problem: '文档里缺少这张图片的文件' };
  try {
    return { name, bytes: await readZipEntry(parts.zip, name, KIND, IMAGE_LIMITS.fileBytes) };
  } catch (error) {
    if (error instanceof RefusedZipError) return { problem: error.message };
    throw error;
  }
}

/**
 * The body as the parser reads it: lines, tables, and photos prepared for the archive (one picture shown
 * twice is one image). A picture that cannot be read or prepared is left out and named in `warnings`.
 */
async function contentOf(parts: DocxParts, items: readonly WalkItem[]): Promise<{ lines: SourceLine[]; images: ImportedImage[]; warnings: string[] }> {
  const { docxContent, isPlacedPicture } = await import('./docx-content.ts');
  const content = docxContent(items);
  const placed = content.filter(isPlacedPicture);
  const warnings: string[] = [];
  if (placed.length === 0) return { lines: content as SourceLine[], images: [], warnings };
  const { prepareImage } = await import('../images/prepare-image.ts');
  const prepared = new Map<string, Promise<ImportedImage | string>>();
  const prepare = async (relationshipId: string): Promise<ImportedImage | string> => {
    const found = await pictureBytes(parts, relationshipId);
    if ('problem' in found) return found.problem;
    try {
      return await prepareImage(found.bytes, found.name.slice(found.name.lastIndexOf('/') + 1));
    } catch (error) {
      return isUserFacing(error) ? error.message : `读取时出现意外问题（${error instanceof Error ? error.message : String(error)}）`;
    }
  };
  const ids = [...new Set(placed.filter((item) => !item.picture.embeddedObject).map((item) => item.picture.relationshipId))].slice(0, MAX_PICTURES);
  for (let start = 0; start < ids.length; start += PREPARE_AT_ONCE) {
    const batch = ids.slice(start, start + PREPARE_AT_ONCE).map((id) => [id, prepare(id)] as const);
    for (const [id, promise] of batch) prepared.set(id, promise);
    await Promise.all(batch.map(([, promise]) => promise));
  }
  const images = new Map<string, ImportedImage>();
  const lines: SourceLine[] = [];
  let number = 0;
  let objects = 0;
  let failed = 0;
  let skipped = 0;
  for (const item of content) {
    if (!isPlacedPicture(item)) {
      lines.push(item);
      continue;
    }
    if (item.picture.embeddedObject) {
      objects++;
      continue;
    }
    number++;
    const result = prepared.get(item.picture.relationshipId);
    if (!result) {
      skipped++;
      continue;
    }
    const image = await result;
    if (typeof image === 'string') {
      if (++failed <= NAMED_FAILURES) warnings.push(`文档中的第${number}张图片${item.caption ? `（图注“${item.caption}”）` : ''}未能导入：${image}`);
      // its caption stays where it stood, as a paragraph (proofreading then asks for its photo): import drops no text
      if (item.caption.trim() !== '') lines.push({ text: '', element: { runs: [{ text: item.caption }] } });
      continue;
    }
    const { ref } = image;
    images.set(ref.id, image);
    const figure: Figure = { type: 'figure', image: ref, caption: item.caption, widthPercent: item.widthPercent };
    lines.push({ text: '', element: figure });
  }
  if (failed > NAMED_FAILURES) warnings.push(`另有${failed - NAMED_FAILURES}张图片未能导入`);
  if (skipped > 0) warnings.push(`文档中的图片超过 ${MAX_PICTURES} 张，其余${skipped}张未导入`);
  if (objects > 0) warnings.push(`文档中有${objects}个嵌入的对象（如 Excel 表格、图表）未能导入：请在 Word 中把它们转为表格或图片后再导入`);
  return { lines, images: [...images.values()], warnings };
}

/**
 * The images a canonical issue's figures show, from the pictures the file carries: each the exact bytes the
 * archive stored (the exporter embeds them as they are), found by their SHA-256; null when one is missing.
 */
async function canonicalImages(parts: DocxParts, issue: Issue): Promise<ImportedImage[] | null> {
  const wanted = new Map<string, Figure['image']>();
  for (const list of contentListsOf(issue)) for (const element of list) if (element.type === 'figure') wanted.set(element.image.id, element.image);
  if (wanted.size === 0) return [];
  const found = new Map<string, ImportedImage>();
  const names = new Set<string>();
  for (const relationship of parts.relationships) {
    if (relationship.external || !isType(relationship, 'image')) continue;
    const name = resolveTarget(parts.main, relationship.target);
    if (!name || names.has(name) || !parts.zip.has(name)) continue;
    names.add(name);
    let bytes: Uint8Array;
    try {
      bytes = await readZipEntry(parts.zip, name, KIND, IMAGE_LIMITS.fileBytes);
    } catch (error) {
      if (error instanceof RefusedZipError) continue;
      throw error;
    }
    const id = createHash('sha256').update(bytes).digest('hex');
    const ref = wanted.get(id);
    if (ref && !found.has(id)) found.set(id, { ref, bytes });
    if (found.size === wanted.size) break;
  }
  return imageIdsOf(issue).every((id) => found.has(id)) ? [...found.values()] : null;
}

/** What the parser is given of a .docx: its body's paragraphs with their look, its tables and photos (the canonical part left aside). */
export async function docxSource(bytes: Uint8Array, path: string): Promise<SourceDocument> {
  const { parts, items } = await readDocx(bytes, path);
  return { unit: 'paragraphs', format: 'docx', lines: (await contentOf(parts, items)).lines };
}

export async function bulletinFromDocx(bytes: Uint8Array, path: string): Promise<ReadBulletin> {
  const { parts, items, lines } = await readDocx(bytes, path);
  let canonical = await canonicalOf(parts, lines);
  if (canonical.state === 'valid') {
    const images = await canonicalImages(parts, canonical.issue);
    if (images) return { issue: canonical.issue, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical', ...(images.length > 0 ? { images } : {}) };
    // a figure whose picture the file no longer holds as exported: the document is read instead
    canonical = { state: 'invalid' };
  }
  const content = await contentOf(parts, items);
  const parsed = parseBulletin({ unit: 'paragraphs', format: 'docx', lines: content.lines });
  const notice = canonical.state === 'edited' ? [EDITED_WARNING] : canonical.state === 'invalid' ? [INVALID_PART_WARNING] : [];
  // only the images of figures the reader kept (a picture in the masthead is no part of the body)
  const used = new Set(imageIdsOf(parsed.issue));
  const images = content.images.filter((image) => used.has(image.ref.id));
  return { ...parsed, warnings: [...notice, ...content.warnings, ...parsed.warnings], via: 'docx', ...(images.length > 0 ? { images } : {}) };
}
