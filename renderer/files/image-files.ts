// Photos the clerk inserts or pastes, handed to the archive (images.add) as base64: a file from the picker, an
// image on the clipboard, an image a pasted web page or Word document carries as a data: URL.
import type { ApiClient } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { ImageRef } from '../../shared/model/issue.ts';
import { IMAGE_LIMITS } from '../../shared/model/limits.ts';
import { fileToBase64 } from './browser-files.ts';

/** What the file picker offers: the photos an office has (the archive decides what it accepts). */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/gif,image/bmp,image/webp,image/tiff,.jpg,.jpeg,.png,.gif,.bmp,.webp,.tif,.tiff';

const tooLarge = () => new ApiError('invalid-input', `图片文件超过 ${IMAGE_LIMITS.fileBytes / 1024 / 1024} MB，请压缩后再插入`);

type ImageApi = Pick<ApiClient, 'images.add'>;

/** Stores a photo file in the archive; refuses one past IMAGE_LIMITS.fileBytes before reading it. */
export async function storeImageFile(api: ImageApi, file: Blob, name: string): Promise<{ ref: ImageRef; dataBase64: string }> {
  if (file.size > IMAGE_LIMITS.fileBytes) throw tooLarge();
  const dataBase64 = await fileToBase64(file);
  return { ref: await api['images.add']({ name, dataBase64 }), dataBase64 };
}

const DATA_URL = /^data:image\/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i;

/**
 * Stores the image of a pasted `src` when it is a data: URL; null for one the page cannot read (a file:// path
 * Word leaves behind, an address on the web: the office is offline).
 */
export async function storeImageSource(api: ImageApi, src: string): Promise<ImageRef | null> {
  const match = DATA_URL.exec(src.trim());
  if (!match) return null;
  const dataBase64 = match[2]!.replace(/\s+/g, '');
  if ((dataBase64.length / 4) * 3 > IMAGE_LIMITS.fileBytes + 3) throw tooLarge();
  return api['images.add']({ name: `粘贴的图片.${match[1]!.toLowerCase() === 'jpeg' ? 'jpg' : match[1]!.toLowerCase()}`, dataBase64 });
}

/** The image files on a clipboard or in a drop (a screenshot, a photo copied from a viewer), in order. */
export function imageFilesOf(data: DataTransfer): File[] {
  const files = [...data.files].filter((file) => file.type.startsWith('image/'));
  if (files.length > 0) return files;
  return [...data.items].flatMap((item) => (item.kind === 'file' && item.type.startsWith('image/') ? [item.getAsFile()].filter((file): file is File => file !== null) : []));
}
