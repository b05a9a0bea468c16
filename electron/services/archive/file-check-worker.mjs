// Entry of the check after open when running from the TypeScript sources (browser mode, the command line,
// tests): a worker thread does not inherit the parent's tsx hooks, so it registers tsx, then loads
// file-check-worker.ts. Built code runs file-check-worker.js beside its own modules instead.
import { register } from 'tsx/esm/api';

register();
await import('./file-check-worker.ts');
