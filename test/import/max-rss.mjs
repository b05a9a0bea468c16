#!/usr/bin/env node
// Runs the real `jianbao` command (bin/jianbao.mjs) in this process, with the same arguments, and at exit
// writes the peak resident memory of the whole process (every thread, the reading worker included: the
// kernel's getrusage maxrss, in KB) to the file $JIANBAO_MAXRSS_FILE, keeping stdout and stderr untouched.
import { writeFileSync } from 'node:fs';

const out = process.env.JIANBAO_MAXRSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
await import('../../bin/jianbao.mjs');
