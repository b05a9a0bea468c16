#!/usr/bin/env node
// `npm run web`: browser mode, run from the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { runWebMode } = await import('../electron/web/main.ts');
const code = await runWebMode(process.argv.slice(2));
if (code !== 0) process.exit(code);
