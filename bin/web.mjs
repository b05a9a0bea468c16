#!/usr/bin/env node
// `npm run web`: browser mode, from the built JavaScript when it is fresh, else the TypeScript sources (bin/launch.mjs).
import { loadEntry } from './launch.mjs';

const { runWebMode } = await loadEntry('web');
const code = await runWebMode(process.argv.slice(2));
if (code !== 0) process.exit(code);
