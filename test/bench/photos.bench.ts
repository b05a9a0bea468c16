// `npm run bench:photos`: a 200-page issue with 50 photos (camera-sized JPEGs, 4000 × 3000, every one different)
// prepared as the editor's 插入图片 prepares them (prepareImage: orientation, downscaling), stored in a real
// archive with the issue, and exported to .docx with its photos from the archive; beside it, in the same run,
// the same issue without photos. Goals (issue 16): the .docx ≤ 2 s; the archive grows by no more than the
// photos' downscaled bytes (against the same issue filed without photos).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { imageBytes, putImages } from '../../electron/services/archive/index.ts';
import { prepareImage, type PreparedImage } from '../../electron/services/images/prepare-image.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { DEFAULT_PRINT_OPTIONS, typesetIssue } from '../../shared/layout/typeset.ts';
import type { ContentElement, Issue } from '../../shared/model/issue.ts';
import { normalizeIssue } from '../../shared/model/normal-form.ts';
import { generateIssue, sampleFigure } from '../generate.ts';
import { fileSeries } from '../volume/volume-archive.ts';
import { median, printTable, timeRuns } from './table.ts';

const PHOTOS = 50;
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-photos-'));

/** A camera-like photo: a gradient under noise, so it compresses as a real photo does (a few MB). */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 110 + (seed % 40), sigma: 14 } } }).raw().toBuffer();
  return sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

try {
  const originals: Buffer[] = [];
  for (let index = 0; index < PHOTOS; index++) originals.push(await cameraPhoto(index));
  const originalBytes = originals.reduce((sum, photo) => sum + photo.length, 0);

  const prepared: PreparedImage[] = [];
  const prepareTimes: number[] = [];
  for (const photo of originals) {
    const start = performance.now();
    prepared.push(await prepareImage(new Uint8Array(photo), 'photo.jpg'));
    prepareTimes.push(performance.now() - start);
  }
  const storedBytes = prepared.reduce((sum, image) => sum + image.bytes.length, 0);

  const plain = normalizeIssue(generateIssue(200, 11));
  let photo = 0;
  const withPhotos: Issue = normalizeIssue({
    ...plain,
    blocks: plain.blocks.map((block) => {
      if (block.type !== 'article' || photo >= PHOTOS) return block;
      const paragraphs: ContentElement[] = [...block.paragraphs];
      paragraphs.splice(1, 0, sampleFigure(prepared[photo++]!.ref, `图为第${photo}处督察现场。`));
      return { ...block, paragraphs };
    }),
  });
  // the 200-page issue may have fewer articles than photos: the rest go after the last article's paragraphs
  if (photo < PHOTOS) {
    const last = withPhotos.blocks.findLast((block) => block.type === 'article');
    if (last?.type === 'article') while (photo < PHOTOS) last.paragraphs.push(sampleFigure(prepared[photo++]!.ref, `图为第${photo}处督察现场。`));
  }

  const archive = await openArchive({ dataDir: join(dir, 'data') });
  const file = archive.file;
  const sizeOf = () => {
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(file).size;
  };
  // the same issue filed without photos and with them: what the photos add is the difference of the two growths
  const empty = sizeOf();
  fileSeries(archive, [{ content: plain, date: '2026-01-05', status: 'draft' }]);
  const withoutPhotos = sizeOf() - empty;
  const before = sizeOf();
  putImages(archive, prepared);
  fileSeries(archive, [{ content: withPhotos, date: '2026-01-06', status: 'draft' }], { name: '照片简报' });
  const growth = sizeOf() - before;
  const photoGrowth = growth - withoutPhotos;

  const images = (id: string) => imageBytes(archive, id);
  const pages = typesetIssue(withPhotos, DEFAULT_PRINT_OPTIONS).pages.totalPages;
  await exportDocx(withPhotos, DEFAULT_PRINT_OPTIONS, images);
  const withTimes = await timeRuns(5, () => exportDocx(withPhotos, DEFAULT_PRINT_OPTIONS, images));
  const plainTimes = await timeRuns(5, () => exportDocx(plain, DEFAULT_PRINT_OPTIONS));
  const docxBytes = (await exportDocx(withPhotos, DEFAULT_PRINT_OPTIONS, images)).length;
  archive.close();

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  printTable(`200-page issue with ${PHOTOS} photos (${pages} pages), medians of 5 runs`, ['figure', 'value', 'goal'], [
    ['photos as taken (4000 × 3000 JPEG)', mb(originalBytes), ''],
    ['prepareImage per photo (median)', `${median(prepareTimes).toFixed(0)} ms`, ''],
    ['photos as stored (downscaled, JPEG)', mb(storedBytes), ''],
    ['archive growth: the issue without photos (baseline)', mb(withoutPhotos), ''],
    ['archive growth: the issue with its photos', mb(growth), ''],
    ['what the photos add to the archive', mb(photoGrowth), `≤ ${mb(storedBytes)} (the photos as stored)`],
    ['export .docx with photos', `${median(withTimes).toFixed(0)} ms`, '≤ 2000 ms'],
    ['export .docx, same issue without photos (baseline)', `${median(plainTimes).toFixed(0)} ms`, ''],
    ['ratio with / without', (median(withTimes) / median(plainTimes)).toFixed(2), ''],
    ['.docx size', mb(docxBytes), ''],
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
