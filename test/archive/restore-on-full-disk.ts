// Child of the disk-failure tests: holds an archive as the app does, tries to restore a backup that
// cannot fit on the disk, then shows the archive still answers: prints the error and the issue count.
import { openArchive } from '../../electron/services/archive/archive.ts';
import { restoreBackup } from '../../electron/services/archive/backups.ts';

const [dataDir, source] = process.argv.slice(2);
const archive = await openArchive({ dataDir: dataDir!, holder: { name: '简报', kind: 'app' } });
try {
  await restoreBackup(archive, source!);
  process.stdout.write('restored\n');
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
}
const count = archive.read(() => archive.db.prepare('SELECT count(*) FROM issues').pluck().get());
process.stdout.write(`still-open ${String(count)}\n`);
archive.close();
