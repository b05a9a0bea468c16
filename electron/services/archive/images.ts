// The photos of the archive's issues: each image stored once under the SHA-256 hex of its bytes (the id an
// issue's figures name it by), whichever issues, revisions and archives use it. Nothing deletes one: any
// revision, in the recycle bin or not, may show it again. An issue is stored only when every image its
// figures name is here, with the format and pixel size the figure says.
import { createHash } from 'node:crypto';
import type { Archive } from './archive.ts';
import type { ImageRef, Issue } from '../../../shared/model/issue.ts';
import type { PreparedImage } from '../images/prepare-image.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';

export interface StoredImage {
  ref: ImageRef;
  bytes: Uint8Array;
}

interface ImageRow {
  id: string;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: Buffer;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores images (from prepareImage, or a bundle's after checking) in one transaction; one already here
 * under its id stays as it is. An image whose id is not the hash of its bytes is refused, nothing stored.
 */
export function putImages(archive: Archive, images: readonly PreparedImage[]): void {
  if (images.length === 0) return;
  for (const { ref, bytes } of images) {
    if (sha256Hex(bytes) !== ref.id) throw new ArchiveError('internal', '图片的编号与内容不符，未保存');
  }
  archive.write(() => {
    const insert = statement(archive.db, 'INSERT OR IGNORE INTO images (id, format, width, height, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    for (const { ref, bytes } of images) insert.run(ref.id, ref.format, ref.width, ref.height, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now);
  });
}

/** The stored bytes of an image, or null when the archive has none under this id. */
export function imageBytes(archive: Archive, id: string): Uint8Array | null {
  return storedImage(archive, id)?.bytes ?? null;
}

/** An image with what its figures say of it (format, pixel size), or null; refused when its bytes are damaged. */
export function storedImage(archive: Archive, id: string): StoredImage | null {
  const row = archive.read(() => statement<[string], ImageRow>(archive.db, 'SELECT id, format, width, height, bytes FROM images WHERE id = ?').get(id));
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  // the id is the hash of the bytes: a page damaged on disk shows here, never as a wrong picture
  if (sha256Hex(bytes) !== row.id) throw new ArchiveError('unreadable', '档案中的一张图片已损坏（内容与编号不符），请从备份恢复档案库');
  return { ref: { id: row.id, format: row.format, width: row.width, height: row.height }, bytes };
}

const refOf = (archive: Archive, id: string) =>
  statement<[string], Omit<ImageRow, 'bytes'>>(archive.db, 'SELECT id, format, width, height FROM images WHERE id = ?').get(id);

/** Every figure of the issue with where it stands, in the words the clerk sees: 第2篇文章“标题”, “栏目”第3条. */
export function figuresOf(issue: Pick<Issue, 'blocks'>): { ref: ImageRef; where: string }[] {
  const figures: { ref: ImageRef; where: string }[] = [];
  const short = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
  let article = 0;
  for (const block of issue.blocks) {
    if (block.type === 'article') {
      article++;
      const where = `第${article}篇文章${block.title.trim() ? `“${short(block.title.trim())}”` : ''}`;
      for (const element of block.paragraphs) if (element.type === 'figure') figures.push({ ref: element.image, where });
    } else if (block.type === 'news') {
      block.items.forEach((item, index) => {
        const where = `${block.heading.trim() ? `“${short(block.heading.trim())}”栏目` : '动态栏目'}第${index + 1}条`;
        for (const element of item.paragraphs) if (element.type === 'figure') figures.push({ ref: element.image, where });
      });
    }
  }
  return figures;
}

/**
 * Why the issue cannot be stored as it stands, or null: a figure names an image the archive does not
 * have, or says a format or size other than the stored image's. Read inside the write that stores the issue.
 */
export function imageProblemOf(archive: Archive, issue: Pick<Issue, 'blocks'>): string | null {
  const checked = new Map<string, Omit<ImageRow, 'bytes'> | null>();
  for (const { ref, where } of figuresOf(issue)) {
    if (!checked.has(ref.id)) checked.set(ref.id, refOf(archive, ref.id) ?? null);
    const stored = checked.get(ref.id);
    if (!stored) return `${where}中的图片不在档案中，请重新插入`;
    if (stored.format !== ref.format || stored.width !== ref.width || stored.height !== ref.height) {
      return `${where}中的图片与档案中保存的不一致（格式或尺寸不同），请重新插入`;
    }
  }
  return null;
}

/** Refuses (nothing written) an issue whose figures name images the archive does not hold as they say. */
export function assertImagesStored(archive: Archive, issue: Pick<Issue, 'blocks'>): void {
  const problem = imageProblemOf(archive, issue);
  if (problem) throw new ArchiveError('invalid-input', `${problem}；简报未保存`);
}

/** The images the issues use, each once, in order of first use; a missing one is left out. */
export function imagesOfIssues(archive: Archive, issues: readonly Pick<Issue, 'blocks'>[]): StoredImage[] {
  const seen = new Set<string>();
  const images: StoredImage[] = [];
  for (const issue of issues) {
    for (const { ref } of figuresOf(issue)) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const image = storedImage(archive, ref.id);
      if (image) images.push(image);
    }
  }
  return images;
}
