// Child process of the restore-crash test: as the holder of the archive, restores two backups in turn,
// over and over, printing "restored NAME" after each, until the parent kills it with SIGKILL.
import { openArchive } from '../../electron/services/archive/archive.ts';
import { restoreBackup } from '../../electron/services/archive/backups.ts';
import { pruneBackups } from '../../electron/services/archive/backup-files.ts';

const [dataDir, ...backups] = process.argv.slice(2);
const archive = await openArchive({ dataDir: dataDir!, holder: { name: '恢复测试', kind: 'app' } });
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const source = backups[round % backups.length]!;
  await restoreBackup(archive, source);
  // the safety copies of every round would fill the disk
  pruneBackups(archive.backupsDir, { manual: 1, days: 1 });
  process.stdout.write(`restored ${source}\n`);
}
