// The photos an imported file held, on their way into the archive: stored in the same transaction that files
// the issue, and only when it is filed (a skipped or refused file leaves no image behind: the archive never
// deletes one). Between import.read and import.confirm they wait here, by id, in the main process: the
// clerk's review carries the issue, whose figures name them.
import type { ImportOutcome } from '../../../shared/api/records.ts';
import type { ImportedImage } from '../../../shared/import/source.ts';
import { imageIdsOf } from '../../../shared/model/content.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import { putImages, type Archive } from '../archive/index.ts';

class NotFiled extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super(outcome.status);
  }
}

/** Files an issue (`file` does) with its images in one transaction, rolled back when the issue was not filed. */
export function fileWithImages(archive: Archive, images: readonly ImportedImage[] | undefined, file: () => ImportOutcome): ImportOutcome {
  if (!images || images.length === 0) return file();
  try {
    return archive.write(() => {
      putImages(archive, images);
      const outcome = file();
      if (outcome.status !== 'imported') throw new NotFiled(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof NotFiled) return error.outcome;
    throw error;
  }
}

/** Past this many bytes of photos read and not yet confirmed, the oldest are let go (confirming them then fails with the archive's reason). */
const PENDING_BYTES = 256 * 1024 * 1024;

/** Photos of files read for review, kept until the clerk confirms them, the most recently read kept longest. */
export class PendingImages {
  readonly #images = new Map<string, ImportedImage>();
  #bytes = 0;
  readonly #limit: number;

  constructor(limit = PENDING_BYTES) {
    this.#limit = limit;
  }

  add(images: readonly ImportedImage[] | undefined): void {
    for (const image of images ?? []) {
      const present = this.#images.get(image.ref.id);
      if (present) {
        this.#images.delete(image.ref.id);
        this.#images.set(image.ref.id, present);
        continue;
      }
      this.#images.set(image.ref.id, image);
      this.#bytes += image.bytes.byteLength;
    }
    for (const [id, image] of this.#images) {
      if (this.#bytes <= this.#limit) break;
      this.#images.delete(id);
      this.#bytes -= image.bytes.byteLength;
    }
  }

  /** The waiting images the issue's figures show (those it shows that are not waiting may be in the archive already). */
  of(issue: Pick<Issue, 'blocks'>): ImportedImage[] {
    return imageIdsOf(issue).flatMap((id) => this.#images.get(id) ?? []);
  }

  get size(): number {
    return this.#images.size;
  }
}

const pendingByArchive = new WeakMap<Archive, PendingImages>();

/** The photos waiting to be confirmed into this archive (one store per open archive, whoever made the handlers). */
export function pendingImagesOf(archive: Archive): PendingImages {
  let pending = pendingByArchive.get(archive);
  if (!pending) pendingByArchive.set(archive, (pending = new PendingImages()));
  return pending;
}
