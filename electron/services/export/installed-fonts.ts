// Which of the fonts a profile names this computer lacks, where the platform can tell (fontconfig's
// fc-list on Linux); exports still work, other fonts stand in, but the clerk should know before printing.
import { execFile } from 'node:child_process';
import { familiesOfProfile } from '../../../shared/layout/fonts.ts';
import type { FontProfileName } from '../../../shared/model/series.ts';

/** The font families fontconfig lists; null where there is no fontconfig. */
export function installedFamilies(): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    execFile('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 10_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return resolve(null);
      resolve(new Set(stdout.split('\n').flatMap((line) => line.split(',')).map((name) => name.trim()).filter(Boolean)));
    });
  });
}

/** The profile's font names that are not installed; null when the platform cannot tell. */
export async function missingFonts(profile: FontProfileName): Promise<string[] | null> {
  if (process.platform === 'win32' || process.platform === 'darwin') return null;
  const installed = await installedFamilies();
  return installed ? familiesOfProfile(profile).filter((family) => !installed.has(family)) : null;
}
