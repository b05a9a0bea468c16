// Full and read-only disks, made for real: a small tmpfs (or one remounted read-only) in a private
// mount namespace. Every failure is exit 2 with one Chinese line naming the folder, the archive is
// left whole and unchanged, and a holder whose restore hits a full disk keeps answering.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { createBackup } from '../../electron/services/archive/backups.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { repoRoot } from '../fixtures.ts';
import { issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

/** A private mount namespace where this user may mount a tmpfs: as root, or through an unprivileged user namespace. */
const canMount = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', `d=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d" && umount "$d"`]).status === 0;

function inMountNamespace(script: string, env: Record<string, string>) {
  const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'bash', '-c', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data folder of about 2 MB and a copy of it as a backup file elsewhere. */
async function dataFolder() {
  const dataDir = tempDir();
  const archive = await tempArchive(dataDir);
  const series = makeSeries(archive);
  const filler = '各县市区扎实推进生态环境问题整改，督察组逐项核查整改情况。'.repeat(3000);
  for (let number = 1; number <= 4; number++) insertIssue(archive, series.id, storedIssue(issueWith({ number, title: `第${number}期`, text: `${number}${filler}` })), '测试');
  const backup = join(tempDir(), 'outside-backup.sqlite');
  await archive.db.backup(backup);
  archive.close();
  const bigBulletin = join(tempDir(), '大简报.txt');
  writeFileSync(bigBulletin, `测试工作简报\n第9期\n测试协调联络组　2024年3月9日\n很长的一篇\n${'新增内容段落，用来占满磁盘剩余空间，各地扎实推进各项工作。\n'.repeat(12000)}`);
  return { dataDir, backup, bigBulletin };
}

const cli = `"${process.execPath}" "${join(repoRoot, 'bin', 'jianbao.mjs')}"`;
const tsx = `"${process.execPath}" --import tsx`;

/** What each step printed: lines "STEP exit=N" followed by its stderr. */
function step(name: string, command: string): string {
  return `${command} >"$OUT/${name}.out" 2>"$OUT/${name}.err"; echo "${name} exit=$?"; cat "$OUT/${name}.err"; head -c 600 "$OUT/${name}.out"; echo`;
}

function issuesIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(*) FROM issues').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe.skipIf(!canMount)('disk failures (tmpfs in a private mount namespace)', () => {
  it('on a full disk: import, backup and restore each end with exit 2 and one Chinese line naming the folder; the archive stays whole and the holder keeps answering', { timeout: 180_000 }, async () => {
    const { dataDir, backup, bigBulletin } = await dataFolder();
    const mount = tempDir();
    const out = tempDir();
    const result = inMountNamespace(
      [
        'set -u',
        `mount -t tmpfs -o size=3m tmpfs "$MNT"`,
        `cp -a "$SRC"/. "$MNT"/`,
        `dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null || true`,
        `truncate -s -400K "$MNT/filler"`,
        step('import', `${cli} archive import "$BIG" --data "$MNT"`),
        step('backup', `${cli} backup --data "$MNT"`),
        step('restore', `${cli} restore "$BACKUP" --data "$MNT"`),
        step('holder', `${tsx} test/archive/restore-on-full-disk.ts "$MNT" "$BACKUP"`),
        `dd if=/dev/zero of="$MNT/filler2" bs=4k 2>/dev/null || true`,
        step('nospace', `${cli} archive import "$BIG" --data "$MNT"`),
        `cp "$MNT/archive.sqlite" "$OUT/after.sqlite"; for f in "$MNT"/archive.sqlite-wal; do [ -f "$f" ] && cp "$f" "$OUT/after.sqlite-wal"; done; true`,
      ].join('\n'),
      { MNT: mount, SRC: dataDir, OUT: out, BIG: bigBulletin, BACKUP: backup },
    );
    const report = result.stdout;
    for (const name of ['import', 'backup', 'restore']) {
      const block = report.slice(report.indexOf(`${name} exit=`)).split('\n');
      expect(block[0], report).toBe(`${name} exit=2`);
      expect(block[1], report).toMatch(/^错误：.*(磁盘空间已满|ENOSPC)/);
      expect(block[1], report).toContain(mount);
      expect(block[1]).not.toMatch(/\bat\s|Error:/);
    }
    expect(report).toMatch(/^refused 恢复前备份当前档案库失败：|^refused .*磁盘空间已满/m);
    // with no byte left even opening fails: a sound file must not be called damaged
    const nospace = report.slice(report.indexOf('nospace exit=')).split('\n');
    expect(nospace[0], report).toBe('nospace exit=2');
    expect(nospace[1], report).toMatch(/^错误：.*(磁盘空间|SQLITE_IOERR|SQLITE_FULL)/);
    expect(nospace[1], report).not.toContain('已损坏');
    expect(report).toContain('still-open 4');
    expect(issuesIn(join(out, 'after.sqlite'))).toBe(4);
  });

  it('on a read-only disk: reading commands read, writing ones (backup and restore too) end with exit 2 and one Chinese line saying the folder is read-only', { timeout: 120_000 }, async () => {
    const { dataDir } = await dataFolder();
    const held = await tempArchive(dataDir);
    const backupName = (await createBackup(held, 'manual')).name;
    held.close();
    const mount = tempDir();
    const out = tempDir();
    const result = inMountNamespace(
      [
        `mount -t tmpfs -o size=8m tmpfs "$MNT"`,
        `cp -a "$SRC"/. "$MNT"/`,
        `mount -o remount,ro "$MNT"`,
        step('list', `${cli} archive list --data "$MNT"`),
        step('import', `${cli} archive import "${join(repoRoot, 'test', 'fixtures', 'bulletins')}" --data "$MNT"`),
        step('backup', `${cli} backup --data "$MNT"`),
        step('restore', `${cli} restore ${backupName} --data "$MNT"`),
      ].join('\n'),
      { MNT: mount, SRC: dataDir, OUT: out },
    );
    const report = result.stdout;
    expect(report, report).toContain('list exit=0');
    expect(report).toContain('第4期');
    for (const name of ['import', 'backup', 'restore']) {
      const block = report.slice(report.indexOf(`${name} exit=`)).split('\n');
      expect(block[0], report).toBe(`${name} exit=2`);
      expect(block[1], report).toMatch(/^错误：.*只读/);
      expect(block[1]).toContain(mount);
    }
  });
});
