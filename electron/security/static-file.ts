// Where a URL path may lead inside a folder of static files, for browser mode's server and the app://
// protocol alike: decoded once, both slashes separating, any `..`, drive letter or NUL refused.
import { resolve, sep } from 'node:path';

/**
 * The file under `root` a URL path names, or null when it names anything outside it: the path is
 * decoded once, both slashes separate, and any `..` segment, drive letter or NUL is refused.
 */
export function staticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || segment.includes(':'))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}
