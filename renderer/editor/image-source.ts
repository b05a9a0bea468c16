// The bytes of stored images for the editor to show: fetched once per image id through the API (images.get)
// and kept as a data: URL for as long as the page lives (an image's id is its content's hash, so it never changes).
import type { ApiClient } from '../../shared/api/contract.ts';

const sources = new Map<string, Promise<string>>();

const MIME = { jpeg: 'image/jpeg', png: 'image/png' } as const;

/** The image's data: URL; a failure is not kept, so the next look tries again. */
export function imageSource(api: Pick<ApiClient, 'images.get'>, id: string): Promise<string> {
  let source = sources.get(id);
  if (!source) {
    source = api['images.get']({ id }).then(({ format, dataBase64 }) => `data:${MIME[format]};base64,${dataBase64}`);
    source.catch(() => sources.delete(id));
    sources.set(id, source);
  }
  return source;
}

/** An image just stored whose bytes the page already has: shown at once, without asking for them again. */
export function rememberImageSource(id: string, format: 'jpeg' | 'png', dataBase64: string): void {
  if (!sources.has(id)) sources.set(id, Promise.resolve(`data:${MIME[format]};base64,${dataBase64}`));
}
