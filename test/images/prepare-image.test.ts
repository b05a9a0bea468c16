// Photos made into what the archive stores, from real images sharp writes in the test: upright by EXIF,
// stripped, scaled to print resolution, JPEG kept JPEG and the rest PNG; vector drawings, broken files and
// images too large to decode refused with a Chinese message before any pixel is decoded.
import { printPixelBox } from '../../shared/layout/figure-layout.ts';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import { IMAGE_LIMITS } from '../../shared/model/limits.ts';
import { imageRefSchema } from '../../shared/model/issue.ts';
import { ImageRefusedError, prepareImage } from '../../electron/services/images/prepare-image.ts';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

async function refusal(bytes: Uint8Array, name?: string): Promise<ImageRefusedError> {
  const error = await prepareImage(bytes, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImageRefusedError);
  expect(error).toBeInstanceOf(ApiError);
  return error as ImageRefusedError;
}

/** A PNG whose header states width × height, followed by a few bytes of compressed data: never decodable whole. */
function pngHeader(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const idat = deflateSync(Buffer.alloc(1 + width * 3 * 2)); // two rows of the many stated
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** A 24-bit uncompressed Windows bitmap, bottom row first: left half red, right half blue. */
function bmp24(width: number, height: number): Uint8Array {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = 54 + y * stride + x * 3;
      out.set(x < width / 2 ? [0, 0, 255] : [255, 0, 0], p); // BGR
    }
  }
  return out;
}

describe('prepareImage', () => {
  it('turns a JPEG with EXIF orientation 6 upright: width and height swap, no orientation tag or EXIF left', async () => {
    const input = await solid(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { ref, bytes } = await prepareImage(input, '现场.jpg');
    expect(ref).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    const stored = await sharp(bytes).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    expect(stored.orientation).toBeUndefined();
    expect(stored.exif).toBeUndefined();
  });

  it('gives the SHA-256 hex of the stored bytes as the id, a valid ImageRef, the same for the same photo', async () => {
    const input = await solid(300, 200).jpeg().toBuffer();
    const first = await prepareImage(input);
    expect(first.ref.id).toBe(createHash('sha256').update(first.bytes).digest('hex'));
    expect(imageRefSchema.parse(first.ref)).toEqual(first.ref);
    expect((await prepareImage(input)).ref.id).toBe(first.ref.id);
  });

  it('scales a 6000×4000 JPEG down to 300 dpi at the type area’s full width (1843 px) and keeps it a JPEG', async () => {
    const input = await solid(6000, 4000).jpeg({ quality: 80 }).toBuffer();
    const { ref, bytes } = await prepareImage(input);
    expect(ref).toMatchObject({ format: 'jpeg', width: printPixelBox().widthPx, height: Math.round((printPixelBox().widthPx * 4000) / 6000) });
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
  });

  it('scales a tall photo to the height a photo may take on a page, and never enlarges a small one', async () => {
    const tall = await prepareImage(await solid(2000, 6000).jpeg().toBuffer());
    expect(tall.ref.height).toBe(printPixelBox().heightPx);
    expect(tall.ref.width).toBeLessThan(printPixelBox().widthPx);
    const small = await prepareImage(await solid(640, 480).png().toBuffer());
    expect(small.ref).toMatchObject({ format: 'png', width: 640, height: 480 });
  });

  it('stores a CMYK JPEG (as print shops send) as an sRGB JPEG', async () => {
    const input = await solid(200, 100).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(input).metadata()).space).toBe('cmyk');
    const { ref, bytes } = await prepareImage(input);
    expect(ref.format).toBe('jpeg');
    expect((await sharp(bytes).metadata()).space).toBe('srgb');
  });

  it('never scales a small image up', async () => {
    const { ref } = await prepareImage(await solid(120, 80).png().toBuffer());
    expect(ref).toMatchObject({ width: 120, height: 80 });
  });

  it('keeps a PNG a PNG, transparency included', async () => {
    const input = await sharp({ create: { width: 50, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const { ref, bytes } = await prepareImage(input, '图表.png');
    expect(ref).toMatchObject({ format: 'png', width: 50, height: 30 });
    const stored = await sharp(bytes).metadata();
    expect(stored.format).toBe('png');
    expect(stored.hasAlpha).toBe(true);
  });

  it('makes WebP, GIF and TIFF into PNG', async () => {
    for (const input of [await solid(40, 20).webp().toBuffer(), await solid(40, 20).gif().toBuffer(), await solid(40, 20).tiff().toBuffer()]) {
      const { ref, bytes } = await prepareImage(input);
      expect(ref).toMatchObject({ format: 'png', width: 40, height: 20 });
      expect((await sharp(bytes).metadata()).format).toBe('png');
    }
  });

  it('reads a Windows bitmap (which sharp cannot) and stores it as a PNG with its pixels', async () => {
    const { ref, bytes } = await prepareImage(bmp24(10, 6), '截图.bmp');
    expect(ref).toMatchObject({ format: 'png', width: 10, height: 6 });
    const { data } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]); // top left red
    expect([...data.subarray(9 * 3, 9 * 3 + 3)]).toEqual([0, 0, 255]); // top right blue
  });

  it('decides the type from the bytes, not the name: a PNG named .jpg stays PNG', async () => {
    const { ref } = await prepareImage(await solid(20, 20).png().toBuffer(), '照片.jpg');
    expect(ref.format).toBe('png');
  });

  it('refuses a 20000×20000 PNG from its header at once, without decoding it', async () => {
    const started = Date.now();
    const error = await refusal(pngHeader(20000, 20000), '巨图.png');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('像素过多');
    expect(error.message).toContain('20000×20000');
  });

  it('refuses an SVG, one with a script above all, and names SVG in the message', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    const error = await refusal(svg, 'logo.png');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/不支持 SVG 矢量图.*另存为 JPEG 或 PNG/);
    const bare = await refusal(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect(bare.message).toContain('SVG');
    // an SVG whose <svg> tag comes after 4 KB of comment is still never handed to sharp
    const late = await refusal(Buffer.from(`<!--${' '.repeat(5000)}--><svg xmlns="http://www.w3.org/2000/svg"/>`));
    expect(late.code).toBe('unreadable');
    expect((await refusal(Buffer.from('<html><body>网页</body></html>'))).message).toContain('已损坏或不是图片');
  });

  it('refuses an iPhone HEIC photo, saying to save it as JPEG', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    const error = await refusal(heic, 'IMG_0001.HEIC');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('不支持 HEIC 格式的照片，请将图片“IMG_0001.HEIC”另存为 JPEG 后插入（手机相册可设为“兼容性最佳”）');
  });

  it('refuses a truncated JPEG as broken instead of storing a half-grey photo', async () => {
    // noise, so that the cut falls inside the picture's data, well after a header that reads fine
    const input = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg()
      .toBuffer();
    const cut = input.subarray(0, Math.floor(input.length * 0.9));
    expect((await sharp(cut).metadata()).width).toBe(800);
    const error = await refusal(cut, '残缺.jpg');
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe('图片“残缺.jpg”已损坏或不是图片，无法插入');
  });

  it('refuses bytes that are no image at all, an empty file, a broken bitmap and a PDF', async () => {
    expect((await refusal(Buffer.from('这不是图片，是一段文字'))).message).toContain('已损坏或不是图片');
    expect((await refusal(new Uint8Array(0))).message).toContain('空文件');
    expect((await refusal(bmp24(10, 6).subarray(0, 80))).message).toContain('已损坏或不是图片');
    expect((await refusal(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'))).code).not.toBe('internal');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const started = Date.now();
    const error = await refusal(new Uint8Array(IMAGE_LIMITS.fileBytes + 1));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('40 MB');
  });
});
