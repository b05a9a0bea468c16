#!/usr/bin/env node
// The `jianbao` command: the built JavaScript when it is fresh, else the TypeScript sources (bin/launch.mjs).
import { loadEntry } from './launch.mjs';

const { main } = await loadEntry('cli');
process.exitCode = await main(process.argv.slice(2));
