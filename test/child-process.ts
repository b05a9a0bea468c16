// Starts a TypeScript child process (through tsx) and waits for the first line it prints that matches,
// for tests that need a second program holding or using a data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './fixtures.ts';

export interface RunningChild {
  child: ChildProcess;
  /** the line that matched */
  line: string;
  output: () => string;
  kill(): Promise<void>;
}

export function startTsChild(script: string, args: string[], ready: RegExp, timeoutMs = 30_000): Promise<RunningChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`child did not get ready in ${timeoutMs} ms: ${stdout}${stderr}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n').find((text) => ready.test(text));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve({ child, line, output: () => stdout + stderr, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before it was ready: ${stdout}${stderr}`));
    });
  });
}
