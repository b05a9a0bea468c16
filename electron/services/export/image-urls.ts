// The print view's images for printing outside the editor: each photo's stored bytes as a data: URL, so the
// print document needs nothing fetched (the PDF printer answers no request but the document's own).
import type { ImageUrls } from '../../../shared/print/render-print-html.ts';
import type { ImageSource } from './docx-tables.ts';

export function dataUrlsOf(images: ImageSource): ImageUrls {
  return (image) => {
    const bytes = images(image.id);
    if (!bytes) return null;
    return `data:image/${image.format};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  };
}
