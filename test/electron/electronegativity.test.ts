// Electronegativity, Doyensec's static checker for Electron apps, over what ships: the built main
// process and preload and the built renderer. No high or medium finding may remain.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';
import { buildRenderer } from '../../electron/web/build-renderer.ts';

const ELECTRON_VERSION = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
let findings: { check: string; severity: string; file: string; location: string }[] = [];

beforeAll(async () => {
  const app = mkdtempSync(join(tmpdir(), 'jianbao-eneg-'));
  const renderer = mkdtempSync(join(tmpdir(), 'jianbao-eneg-renderer-'));
  const built = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build-electron.mjs'), app], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  await buildRenderer(repoRoot, renderer);
  cpSync(renderer, join(app, 'renderer'), { recursive: true });
  const report = join(app, 'electronegativity.csv');
  const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'electronegativity'), ['-i', app, '-e', ELECTRON_VERSION, '-o', report], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.stdout + run.stderr).not.toMatch(/Error parsing/);
  findings = readFileSync(report, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [check, severity, , file, location] = line.split(',');
      return { check: check!, severity: severity!.replaceAll('"', ''), file: file!.replaceAll('"', ''), location: location!.replaceAll('"', '') };
    });
}, 180_000);

describe('Electronegativity', () => {
  it('finds no high or medium problem in the built app', () => {
    expect(findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM')).toEqual([]);
  });

  it('did read the main process (its CSP check found the page’s policy)', () => {
    expect(findings.every((finding) => finding.check !== 'CSP_GLOBAL_CHECK' || finding.severity === 'LOW')).toBe(true);
  });
});
