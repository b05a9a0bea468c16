// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 (LE/BE) and
// GB18030/GBK, the encodings Chinese office PCs produce. Uses the platform's TextDecoder only.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; reason: string };

/** How many bytes at the end start a UTF-8 character that the file does not finish (0 when none). */
function cutUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows as a zero byte in every other position for ASCII-heavy text. */
function guessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Text files carry no NUL and few control characters; anything else is a binary file. */
function looksBinary(text: string): boolean {
  let controls = 0;
  const length = Math.min(text.length, 65536);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
  }
  return controls > Math.max(8, length * 0.01);
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  let encoding: TextEncodingName | null = null;
  let text: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else encoding = guessUtf16(bytes);

  if (!encoding && bytes.subarray(0, 65536).includes(0)) return { ok: false, reason: '这不是文本文件（含有二进制内容）' };
  if (encoding) {
    text = decodeStrict(bytes, encoding);
    if (text === null) return { ok: false, reason: `文件声明为 ${encoding.toUpperCase()} 编码，但内容无法按此编码读取` };
  } else {
    // checked before GB18030, which would read a cut UTF-8 file as other characters
    const cut = cutUtf8Tail(bytes);
    if (cut > 0 && decodeStrict(bytes.subarray(0, bytes.length - cut), 'utf-8') !== null) {
      return { ok: false, reason: '文件不完整：最后一个字符只有一部分，文件可能没有复制或下载完整' };
    }
    for (const candidate of ['utf-8', 'gb18030'] as const) {
      text = decodeStrict(bytes, candidate);
      if (text !== null) {
        encoding = candidate;
        break;
      }
    }
  }
  if (text === null || encoding === null) {
    return { ok: false, reason: '无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK）' };
  }
  if (looksBinary(text)) return { ok: false, reason: '这不是文本文件（含有二进制内容）' };
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}
