// A photo the clerk inserts, made into what the archive stores: its type read from its bytes (never from
// its name), refused when it is a vector drawing, broken, or too large to decode safely; turned upright by
// its EXIF orientation, stripped of metadata (GPS, camera), scaled down to print resolution. A JPEG stays
// a JPEG; any other picture becomes a PNG (its first frame). The id is the SHA-256 of the stored bytes.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { ApiError, type ApiErrorCode } from '../../../shared/api/errors.ts';
import { IMAGE_LIMITS } from '../../../shared/model/limits.ts';
import type { ImageRef } from '../../../shared/model/issue.ts';
import { bmpSize, decodeBmp, isBmp } from './bmp.ts';
import { printPixelBox } from '../../../shared/layout/figure-layout.ts';

/** 300 dpi at the largest a photo can print: the type area's width, or the most of its height a photo may take */
const PRINT_BOX = printPixelBox();

export interface PreparedImage {
  ref: ImageRef;
  bytes: Uint8Array;
}

export class ImageRefusedError extends ApiError {
  constructor(code: ApiErrorCode, message: string) {
    super(code, message);
    this.name = 'ImageRefusedError';
  }
}

/** the formats sharp decodes that a bulletin's photo may come in (PDF, SVG and raw data are not photos) */
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif']);

const JPEG_QUALITY = 88;
/** a photo that takes longer than this to decode and scale is not one a bulletin prints */
const TIMEOUT_SECONDS = 60;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function named(fileName: string | undefined): string {
  const name = fileName?.trim().slice(0, 100);
  return name ? `图片“${name}”` : '图片';
}

/**
 * What markup the bytes are, checked before sharp (which would render an SVG): 'svg' for a drawing (or a
 * gzip-compressed .svgz), 'markup' for other XML or HTML, which no raster picture starts with.
 */
function markupOf(bytes: Uint8Array): 'svg' | 'markup' | null {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'svg';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return null;
  return /<svg[\s>/]|<!doctype\s+svg/i.test(head) ? 'svg' : 'markup';
}

/**
 * Checks, orients, strips and downscales an image for the archive. Throws an ImageRefusedError with a
 * Chinese message (invalid-input: a kind of file not accepted or too large; unreadable: broken data).
 */
export async function prepareImage(bytes: Uint8Array, fileName?: string): Promise<PreparedImage> {
  const what = named(fileName);
  if (bytes.byteLength === 0) throw new ImageRefusedError('invalid-input', `${what}是空文件`);
  if (bytes.byteLength > IMAGE_LIMITS.fileBytes) {
    throw new ImageRefusedError('invalid-input', `${what}有 ${megabytes(bytes.byteLength)}，超过了 ${megabytes(IMAGE_LIMITS.fileBytes)} 的上限，请压缩后再插入`);
  }
  const markup = markupOf(bytes);
  if (markup === 'svg') throw new ImageRefusedError('invalid-input', `不支持 SVG 矢量图，请将${what}另存为 JPEG 或 PNG 后插入`);
  if (markup) throw broken(what);
  if (isHeic(bytes)) throw heicRefused(what);

  let input: Sharp;
  let format: string;
  if (isBmp(bytes)) {
    const size = bmpSize(bytes);
    if (!size) throw broken(what);
    refuseIfTooManyPixels(size.width, size.height, what);
    const raw = decodeBmp(bytes);
    if (!raw) throw broken(what);
    input = sharp(raw.rgba, { raw: { width: raw.width, height: raw.height, channels: 4 }, limitInputPixels: IMAGE_LIMITS.inputPixels });
    format = 'bmp';
  } else {
    const options = { limitInputPixels: IMAGE_LIMITS.inputPixels, failOn: 'warning' as const, pages: 1 };
    let metadata: Metadata;
    try {
      // reads the header only (so no pixel limit yet): the pixel count is checked before anything is decoded
      metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    } catch (error) {
      if (/pixel limit/i.test(String((error as Error).message))) throw tooManyPixels(what);
      throw broken(what);
    }
    format = metadata.format ?? '';
    if (format === 'svg') throw new ImageRefusedError('invalid-input', `不支持 SVG 矢量图，请将${what}另存为 JPEG 或 PNG 后插入`);
    if (format === 'heif' && metadata.compression === 'hevc') throw heicRefused(what);
    if (!RASTER_FORMATS.has(format)) throw new ImageRefusedError('invalid-input', `不支持这种格式的${what}，请插入 JPEG 或 PNG 图片`);
    if (!metadata.width || !metadata.height) throw broken(what);
    // an animation's metadata height can be every frame's together: the first frame is what counts
    refuseIfTooManyPixels(metadata.width, metadata.pageHeight ?? metadata.height, what);
    input = sharp(bytes, options);
  }

  const toJpeg = format === 'jpeg';
  const pipeline = input
    .timeout({ seconds: TIMEOUT_SECONDS })
    // upright by EXIF orientation; the output keeps no metadata (no GPS, no camera, no orientation tag)
    .rotate()
    .resize({ width: PRINT_BOX.widthPx, height: PRINT_BOX.heightPx, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb');
  if (toJpeg) pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: false });
  else pipeline.png();
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await pipeline.toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (/timeout/i.test(String((error as Error).message))) throw new ImageRefusedError('invalid-input', `${what}太大，处理超时，请缩小后再插入`);
    if (/pixel limit/i.test(String((error as Error).message))) throw tooManyPixels(what);
    throw broken(what);
  }
  const stored = new Uint8Array(output.data.buffer, output.data.byteOffset, output.data.byteLength);
  return {
    ref: {
      id: createHash('sha256').update(stored).digest('hex'),
      format: toJpeg ? 'jpeg' : 'png',
      width: output.info.width,
      height: output.info.height,
    },
    bytes: stored,
  };
}

/** An iPhone's HEIC photo (ISO media file of an HEVC brand), which sharp's build cannot decode. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const box = Buffer.from(bytes.subarray(4, 12)).toString('latin1');
  return box.startsWith('ftyp') && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(box.slice(4));
}

const heicRefused = (what: string) => new ImageRefusedError('invalid-input', `不支持 HEIC 格式的照片，请将${what}另存为 JPEG 后插入（手机相册可设为“兼容性最佳”）`);

function refuseIfTooManyPixels(width: number, height: number, what: string): void {
  if (width * height > IMAGE_LIMITS.inputPixels) throw tooManyPixels(what, width, height);
}

function tooManyPixels(what: string, width?: number, height?: number): ImageRefusedError {
  const size = width && height ? `（${width}×${height} 像素）` : '';
  return new ImageRefusedError('invalid-input', `${what}${size}像素过多，超过 ${IMAGE_LIMITS.inputPixels / 1_000_000} 百万像素的上限，请缩小后再插入`);
}

const broken = (what: string) => new ImageRefusedError('unreadable', `${what}已损坏或不是图片，无法插入`);

/**
 * Why bytes are not an image as the archive stores one under `ref` (the SHA-256 of the bytes is its id,
 * it is the format and pixel size the ref says, and decodes whole), or null when they are. Checks what
 * another archive sent (a bundle) before anything of it is stored.
 */
export async function storedImageProblem(bytes: Uint8Array, ref: ImageRef): Promise<string | null> {
  if (createHash('sha256').update(bytes).digest('hex') !== ref.id) return '内容与编号不符（文件被改动过或已损坏）';
  if (bytes.byteLength > IMAGE_LIMITS.fileBytes) return '文件过大';
  const options = { limitInputPixels: IMAGE_LIMITS.inputPixels, failOn: 'warning' as const, pages: 1 };
  try {
    const metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    if (metadata.format !== ref.format || metadata.width !== ref.width || metadata.height !== ref.height) {
      return `格式或尺寸与记录的不符（实际是 ${metadata.format ?? '未知格式'}，${metadata.width ?? '?'}×${metadata.height ?? '?'} 像素）`;
    }
    if (metadata.orientation !== undefined && metadata.orientation !== 1) return '带有旋转标记，不是档案保存的图片';
    // decodes every pixel: a picture whose data breaks off partway is found here
    await sharp(bytes, options).timeout({ seconds: TIMEOUT_SECONDS }).raw().toBuffer();
  } catch {
    return '已损坏，无法读取';
  }
  return null;
}
