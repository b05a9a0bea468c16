// Where the archive lives: `--data DIR`, else $JIANBAO_DATA, else a per-user folder
// (%APPDATA%\Jianbao on Windows, $XDG_DATA_HOME/jianbao or ~/.local/share/jianbao elsewhere).
import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';

export interface DataDirSources {
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

export function resolveDataDir({ flag, env = process.env, platform = process.platform, home = homedir() }: DataDirSources = {}): string {
  if (flag && flag.trim()) return resolve(flag);
  const fromEnv = env.JIANBAO_DATA?.trim();
  if (fromEnv) return resolve(fromEnv);
  if (platform === 'win32') return win32.join(env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming'), 'Jianbao');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Jianbao');
  return join(env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share'), 'jianbao');
}
