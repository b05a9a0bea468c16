// Child process of the lock tests: opens a data folder's archive as a named holder (as the app or
// browser mode would), prints "ready", and keeps it open until it is killed.
import { openArchive } from '../../electron/services/archive/archive.ts';

const [dataDir, name] = process.argv.slice(2);
const archive = await openArchive({ dataDir: dataDir!, holder: { name: name!, kind: 'app' } });
process.stdout.write(`ready ${process.pid} ${archive.readOnlyReason ?? ''}\n`);
setInterval(() => undefined, 60_000);
