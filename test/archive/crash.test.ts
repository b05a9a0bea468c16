// Crash test: a child process saves revisions in a loop and reports each committed save; it is killed
// with SIGKILL at random moments, 50 times. After each kill the file passes integrity_check (and the
// search indexes theirs), and the last save the child reported is there, whole.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';
import { seededRandom } from '../generate.ts';
import { tempDir } from './helpers.ts';

const KILLS = 50;
const child = join(repoRoot, 'test', 'archive', 'crash-child.ts');

interface Saved {
  revision: number;
  token: string;
}

/** Runs the child until a random moment (sometimes while it is still opening the file), kills it, returns what it reported. */
function runAndKill(dataDir: string, random: () => number): Promise<Saved[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    const kill = () => process_.kill('SIGKILL');
    const arm = (delay: number) => {
      if (armed) return;
      armed = true;
      setTimeout(kill, delay);
    };
    // one kill in eight lands anywhere from start-up on; the rest while saves are under way
    if (random() < 0.125) arm(random() * 600);
    process_.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('saved ')) arm(random() * 150);
    });
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${code}): ${stderr}`));
      const saves = [...stdout.matchAll(/^saved (\d+) ([0-9a-f-]{36})$/gm)].map((match) => ({ revision: Number(match[1]), token: match[2]! }));
      resolve(saves);
    });
  });
}

describe('crash safety', () => {
  it(`keeps the file sound and every reported save after ${KILLS} SIGKILLs at random moments`, { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const random = seededRandom(20240501);
    let lastReported: Saved | null = null;
    let killsDuringSaves = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const saves = await runAndKill(dataDir, random);
      if (saves.length > 0) {
        killsDuringSaves++;
        lastReported = saves[saves.length - 1]!;
      }
      const db = new Database(join(dataDir, 'archive.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(() => db.exec("INSERT INTO search_text (search_text) VALUES ('integrity-check')")).not.toThrow();
        expect(() => db.exec("INSERT INTO search_titles (search_titles) VALUES ('integrity-check')")).not.toThrow();
        expect(() => db.exec("INSERT INTO search_pairs (search_pairs) VALUES ('integrity-check')")).not.toThrow();
        if (lastReported) {
          const current = db.prepare('SELECT revision FROM issues').pluck().get() as number;
          expect(current).toBeGreaterThanOrEqual(lastReported.revision);
          const content = db.prepare('SELECT content FROM revisions WHERE revision = ?').pluck().get(lastReported.revision) as string;
          expect(content).toContain(lastReported.token);
        }
      } finally {
        db.close();
      }
    }
    expect(killsDuringSaves).toBeGreaterThan(KILLS / 2);
  });
});
