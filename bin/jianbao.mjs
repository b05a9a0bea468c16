#!/usr/bin/env node
// The `jianbao` command: the built JavaScript when it is fresh, else the TypeScript sources (bin/launch.mjs).
import { loadEntry } from './launch.mjs';

// `jianbao stats | head`: the reader has gone, so there is no one left to tell; stop quietly
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const { main } = await loadEntry('cli');
process.exitCode = await main(process.argv.slice(2));
