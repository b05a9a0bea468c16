// The packaged app's workers: bin/build-electron.mjs bundles them as dist-electron/electron/read-worker.js and
// file-check-worker.js beside main.js. Built here for real (into a temporary folder that sees the
// repository's node_modules, as app.asar holds them), then run: the reader reads a .docx and refuses the
// renamed bomb; the check after open tells a sound archive from one with damaged revisions.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkerEntry } from '../../electron/services/import/read-in-worker.ts';
import { checkAfterOpen, fileCheckWorkerEntry } from '../../electron/services/archive/check-after-open.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { issueWith, makeSeries, tempArchive, tempDir } from '../archive/helpers.ts';
import { damagePagesOf } from '../archive/damaged-pages.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { deflatedZeros, docxOfText, renamedMainPartDocx } from '../archive/hostile-files.ts';
import { isFigure } from '../../shared/model/content.ts';
import { refusal, withReader } from './reading.ts';
import { TABLE_PHOTO, wordTablePhotoBulletin } from './table-photo-files.ts';

const work = mkdtempSync(join(tmpdir(), 'jianbao-built-worker-'));
const built = join(work, 'dist-electron', 'electron');

beforeAll(() => {
  symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build-electron.mjs'), join(work, 'dist-electron')], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bin/build-electron.mjs failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled reading worker', () => {
  it('is built as one ESM file beside main.js, which finds it there and loads neither the PDF nor the .doc library itself', () => {
    expect(existsSync(join(built, 'read-worker.js'))).toBe(true);
    expect(readWorkerEntry(built)).toBe(join(built, 'read-worker.js'));
    const worker = readFileSync(join(built, 'read-worker.js'), 'utf8');
    expect(worker).toMatch(/^import .* from "node:worker_threads";$/m);
    expect(worker).not.toMatch(/import\(["']\.\.?\//);
    const main = readFileSync(join(built, 'main.js'), 'utf8');
    expect(main).toContain('"read-worker.js"');
    // (the XML library is there: export fingerprints the .docx it writes)
    expect(main).not.toMatch(/["'](?:pdfjs-dist[^"']*|word-extractor)["']/);
  });

  it('reads a .docx with a photo and a table: the figure’s image prepared in the worker (sharp loads there) and handed back whole', async () => {
    await withReader(
      async (reader) => {
        const read = await reader.readBytes(await wordTablePhotoBulletin(), '带表格和照片.docx');
        const figures = read.issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs.filter(isFigure) : []));
        expect(figures.map((figure) => figure.caption)).toEqual([...TABLE_PHOTO.captions]);
        expect(read.images?.map((image) => createHash('sha256').update(image.bytes).digest('hex')).sort()).toEqual(figures.map((figure) => figure.image.id).sort());
      },
      { entry: join(built, 'read-worker.js') },
    );
  });

  it('reads a .docx bulletin and refuses the renamed 512 MiB bomb with its Chinese reason', async () => {
    const fixture = bulletinFixtures()[0]!;
    await withReader(
      async (reader) => {
        expectFacts((await reader.readBytes(await docxOfText(fixture.text), '简报.docx')).issue, fixture.expected);
        const zeros = deflatedZeros(512);
        const bomb = renamedMainPartDocx({ name: 'word/body.bin', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 1000 });
        expect(await refusal(reader.readBytes(bomb, '炸弹.docx'))).toMatch(/^Word 文档中的 word\/body.bin 解压后超过 1 MB，疑似“压缩炸弹”.*：炸弹\.docx$/);
      },
      { entry: join(built, 'read-worker.js') },
    );
  });
});

describe('the bundled check after open', () => {
  it('is built as one ESM file beside main.js, which finds it there, and tells a sound archive from one whose revisions are damaged', async () => {
    const entry = join(built, 'file-check-worker.js');
    expect(fileCheckWorkerEntry(built)).toBe(entry);
    expect(readFileSync(join(built, 'main.js'), 'utf8')).toContain('"file-check-worker.js"');
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    const series = makeSeries(archive);
    for (let number = 1; number <= 20; number++) insertIssue(archive, series.id, storedIssue(issueWith({ number, text: '认真落实防汛责任，'.repeat(300) })), '测试');
    archive.close();
    const file = join(dataDir, 'archive.sqlite');
    expect(await checkAfterOpen(file, { delayMs: 0, entry }).verdict).toBe('sound');
    damagePagesOf(file, 'revisions');
    expect(await checkAfterOpen(file, { delayMs: 0, entry }).verdict).toEqual({ damage: expect.stringMatching(/数据页损坏|完整性检查发现/) });
  });
});
