// Windows bitmaps (.bmp), which sharp's build cannot read: the uncompressed kinds that screenshots and
// scanners write (1/4/8-bit with a palette, 16/24/32-bit, BI_BITFIELDS), decoded to raw RGBA for sharp.
// Run-length compressed and embedded-JPEG bitmaps are refused as not readable.

export interface RawImage {
  width: number;
  height: number;
  /** 4 bytes a pixel, top row first */
  rgba: Uint8Array;
}

export const isBmp = (bytes: Uint8Array): boolean => bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d;

/** The pixel size a bitmap's header states, read before anything is decoded; null when the header is broken. */
export function bmpSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isBmp(bytes) || bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  if (headerSize < 40 || bytes.length < 14 + 40) return null;
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/** The bitmap's pixels, or null when it is not a bitmap this reads (broken, truncated or compressed). */
export function decodeBmp(bytes: Uint8Array): RawImage | null {
  if (!isBmp(bytes) || bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  let width: number, rawHeight: number, bitCount: number, compression = 0, paletteSize = 0;
  let paletteEntryBytes = 4;
  if (headerSize === 12) {
    width = view.getUint16(18, true);
    rawHeight = view.getUint16(20, true);
    bitCount = view.getUint16(24, true);
    paletteEntryBytes = 3;
  } else if (headerSize >= 40 && bytes.length >= 14 + 40) {
    width = view.getInt32(18, true);
    rawHeight = view.getInt32(22, true);
    bitCount = view.getUint16(28, true);
    compression = view.getUint32(30, true);
    paletteSize = view.getUint32(46, true);
  } else return null;
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0) return null;

  let masks: [number, number, number, number] | null = null;
  if (compression === 3 || compression === 6) {
    // the masks follow a 40-byte header, or sit inside a V4/V5 header
    const at = 14 + 40;
    if (bytes.length < at + 12) return null;
    const alpha = headerSize >= 56 || compression === 6 ? view.getUint32(at + 12, true) : 0;
    masks = [view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true), alpha];
  } else if (compression !== 0) return null;
  if (masks && bitCount !== 16 && bitCount !== 32) return null;
  if (![1, 4, 8, 16, 24, 32].includes(bitCount)) return null;

  let palette: Uint8Array | null = null;
  if (bitCount <= 8) {
    const entries = paletteSize || 1 << bitCount;
    const start = 14 + headerSize;
    if (entries > 256 || start + entries * paletteEntryBytes > bytes.length) return null;
    palette = new Uint8Array(256 * 4);
    for (let i = 0; i < entries; i++) {
      const p = start + i * paletteEntryBytes;
      palette.set([bytes[p + 2]!, bytes[p + 1]!, bytes[p]!, 255], i * 4);
    }
  }
  if (!masks && bitCount === 16) masks = [0x7c00, 0x03e0, 0x001f, 0];

  const stride = Math.floor((bitCount * width + 31) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) return null;
  const rgba = new Uint8Array(width * height * 4);
  const channel = (value: number, mask: number) => {
    if (!mask) return 255;
    const shift = Math.log2(mask & -mask);
    const max = mask >>> shift;
    return Math.round((((value & mask) >>> shift) * 255) / max);
  };
  // 32-bit BI_RGB keeps its fourth byte unused, except that some writers put alpha there: used only when not all zero
  let alphaSeen = false;
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (palette) {
        const index = bitCount === 8 ? bytes[row + x]! : bitCount === 4 ? (bytes[row + (x >> 1)]! >> (x & 1 ? 0 : 4)) & 15 : (bytes[row + (x >> 3)]! >> (7 - (x & 7))) & 1;
        rgba.set(palette.subarray(index * 4, index * 4 + 4), out);
      } else if (masks) {
        const value = bitCount === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        rgba[out] = channel(value, masks[0]);
        rgba[out + 1] = channel(value, masks[1]);
        rgba[out + 2] = channel(value, masks[2]);
        rgba[out + 3] = masks[3] ? channel(value, masks[3]) : 255;
      } else {
        const p = row + x * (bitCount / 8);
        rgba[out] = bytes[p + 2]!;
        rgba[out + 1] = bytes[p + 1]!;
        rgba[out + 2] = bytes[p]!;
        rgba[out + 3] = bitCount === 32 ? bytes[p + 3]! : 255;
        if (bitCount === 32 && bytes[p + 3]) alphaSeen = true;
      }
    }
  }
  if (bitCount === 32 && !masks && !alphaSeen) for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  return { width, height, rgba };
}
