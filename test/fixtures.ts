// The published bulletins of ../shared/fixtures (copied into the repo) and the facts import must find.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bulletinDir = join(repoRoot, 'test', 'fixtures', 'bulletins');

export interface ExpectedFacts {
  series: { name: string; issuer: string; numbering: string };
  number: number;
  year: number;
  date: string;
  docNumber: string | null;
  lead: string[];
  articles: { title: string; subtitle?: string; firstParagraphStartsWith: string }[];
  news: { heading: string; heads: string[] }[];
  distribution: { report: string[]; send: string[] };
  printed: { by: string; date: string } | null;
}

export interface BulletinFixture {
  name: string;
  path: string;
  text: string;
  expected: ExpectedFacts;
}

export function bulletinFixtures(): BulletinFixture[] {
  return readdirSync(bulletinDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const path = join(bulletinDir, file);
      return {
        name,
        path,
        text: readFileSync(path, 'utf8'),
        expected: JSON.parse(readFileSync(join(bulletinDir, `${name}.expected.json`), 'utf8')) as ExpectedFacts,
      };
    });
}

export const squeeze = (text: string) => text.replace(/\s+/g, '');
