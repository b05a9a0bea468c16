// A strict reader of OLE compound files (Microsoft's "Compound File Binary" container of .doc, .wps and
// .xls): the streams of the root storage by name, each chain of sectors checked against the file (no
// sector outside it, no loop, long enough for the stream's size), so that a corrupt or hostile file is
// refused with a reason rather than sending the Word reader round a loop or out of memory.

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export class CorruptCompoundFileError extends Error {
  override name = 'CorruptCompoundFileError';
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((byte, index) => bytes[index] === byte);
}

export interface CompoundFile {
  /** names of the streams in the root storage */
  readonly names: readonly string[];
  /** the stream of that name in the root storage (names compare without regard to case), or null */
  stream(name: string): Buffer | null;
}

const END_OF_CHAIN = -2;
const FREE = -1;
const ENTRY_BYTES = 128;
const NO_STREAM = -1;

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function fail(reason: string): never {
  throw new CorruptCompoundFileError(reason);
}

export function readCompoundFile(input: Uint8Array): CompoundFile {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isCompoundFile(bytes) || bytes.length < 512) fail('not a compound file');
  const sectorShift = bytes.readUInt16LE(30);
  const miniShift = bytes.readUInt16LE(32);
  if (bytes.readUInt16LE(28) !== 0xfffe || (sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) fail('bad header');
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + ((bytes.length - sectorSize) % sectorSize > 0 ? 1 : 0);
  if (sectorCount <= 0) fail('no sectors');
  const fatSectors = bytes.readUInt32LE(44);
  const firstDirectory = bytes.readInt32LE(48);
  const miniCutoff = bytes.readUInt32LE(56);
  const firstMiniFat = bytes.readInt32LE(60);
  const miniFatSectors = bytes.readUInt32LE(64);
  const firstDifat = bytes.readInt32LE(68);
  const difatSectors = bytes.readUInt32LE(72);
  if (fatSectors > sectorCount || miniFatSectors > sectorCount || difatSectors > sectorCount || miniCutoff !== 4096) fail('bad header counts');

  const sectorAt = (id: number): Buffer => {
    if (!Number.isInteger(id) || id < 0 || id >= sectorCount) fail(`sector ${id} outside the file`);
    const start = (id + 1) * sectorSize;
    // the last sector may be cut short by the end of the file: read it as zeros
    const sector = Buffer.alloc(sectorSize);
    bytes.copy(sector, 0, start, Math.min(start + sectorSize, bytes.length));
    return sector;
  };

  // the sectors that hold the FAT: 109 in the header, the rest in a chain of DIFAT sectors
  const fatIds: number[] = [];
  for (let i = 0; i < 109 && fatIds.length < fatSectors; i++) fatIds.push(bytes.readInt32LE(76 + i * 4));
  const perDifat = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  for (let id = firstDifat, n = 0; fatIds.length < fatSectors; n++) {
    if (n >= difatSectors || id < 0 || seenDifat.has(id)) fail('short DIFAT');
    seenDifat.add(id);
    const sector = sectorAt(id);
    for (let i = 0; i < perDifat && fatIds.length < fatSectors; i++) fatIds.push(sector.readInt32LE(i * 4));
    id = sector.readInt32LE(perDifat * 4);
  }
  const fat = new Int32Array(fatSectors * (sectorSize / 4));
  fatIds.forEach((id, index) => {
    const sector = sectorAt(id);
    for (let i = 0; i < sectorSize / 4; i++) fat[index * (sectorSize / 4) + i] = sector.readInt32LE(i * 4);
  });

  /** the sectors of a chain in order, each checked: inside the file and the FAT, and visited once */
  const chain = (table: Int32Array, start: number, limit: number, what: string): number[] => {
    const ids: number[] = [];
    const seen = new Uint8Array(limit);
    for (let id = start; id !== END_OF_CHAIN; id = table[id]!) {
      if (id === FREE && ids.length === 0) return ids;
      if (id < 0 || id >= limit || id >= table.length || seen[id]) fail(`broken chain of ${what}`);
      seen[id] = 1;
      ids.push(id);
    }
    return ids;
  };
  const readChain = (start: number, size: number | null, what: string): Buffer => {
    const ids = chain(fat, start, sectorCount, what);
    if (size !== null && ids.length * sectorSize < size) fail(`${what} shorter than its size`);
    const data = Buffer.concat(ids.map(sectorAt));
    return size === null ? data : data.subarray(0, size);
  };

  const directory = readChain(firstDirectory, null, 'the directory');
  const entryAt = (index: number): Entry => {
    const offset = index * ENTRY_BYTES;
    if (index < 0 || offset + ENTRY_BYTES > directory.length) fail(`directory entry ${index} missing`);
    const nameBytes = Math.min(Math.max(directory.readUInt16LE(offset + 64) - 2, 0), 62);
    return {
      name: directory.toString('utf16le', offset, offset + nameBytes),
      type: directory[offset + 66]!,
      left: directory.readInt32LE(offset + 68),
      right: directory.readInt32LE(offset + 72),
      child: directory.readInt32LE(offset + 76),
      start: directory.readInt32LE(offset + 116),
      size: directory.readUInt32LE(offset + 120),
    };
  };
  const root = entryAt(0);
  if (root.type !== 5) fail('no root entry');
  if (root.size > bytes.length) fail('mini stream larger than the file');
  const miniStream = root.size > 0 ? readChain(root.start, root.size, 'the mini stream') : Buffer.alloc(0);
  const miniFat = (() => {
    if (miniFatSectors === 0 || firstMiniFat < 0) return new Int32Array(0);
    const data = readChain(firstMiniFat, null, 'the mini FAT');
    const table = new Int32Array(data.length / 4);
    for (let i = 0; i < table.length; i++) table[i] = data.readInt32LE(i * 4);
    return table;
  })();

  // the root storage's children: a tree by left and right siblings under the root's child
  const streams = new Map<string, Entry>();
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (index === NO_STREAM) continue;
    if (visited.has(index) || visited.size > directory.length / ENTRY_BYTES) fail('directory tree loops');
    visited.add(index);
    const entry = entryAt(index);
    if (entry.type === 2) streams.set(entry.name.toUpperCase(), entry);
    pending.push(entry.left, entry.right);
  }

  return {
    names: [...streams.values()].map((entry) => entry.name),
    stream(name) {
      const entry = streams.get(name.toUpperCase());
      if (!entry) return null;
      if (entry.size > bytes.length) fail(`stream ${entry.name} larger than the file`);
      if (entry.size >= miniCutoff) return readChain(entry.start, entry.size, `stream ${entry.name}`);
      if (entry.size === 0) return Buffer.alloc(0);
      const ids = chain(miniFat, entry.start, Math.floor(miniStream.length / miniSize), `stream ${entry.name}`);
      if (ids.length * miniSize < entry.size) fail(`stream ${entry.name} shorter than its size`);
      return Buffer.concat(ids.map((id) => miniStream.subarray(id * miniSize, (id + 1) * miniSize))).subarray(0, entry.size);
    },
  };
}
