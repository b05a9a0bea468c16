import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { withParagraphs } from './build.ts';
const N = 100_000;
const cases: Record<string, string> = {
  latin: 'a'.repeat(N) + ',',
  dotted: 'a.'.repeat(N / 2) + ',',
  wordAt: 'a'.repeat(N - 2) + '@,',
  brackets: '（'.repeat(N / 2) + '）'.repeat(N / 2),
  crossed: '《'.repeat(N / 2) + '）'.repeat(N / 2),
  commas: '中,'.repeat(N / 2),
  totals: '共1件，其中'.repeat(N / 6),
  phrases: '布署'.repeat(N / 2),
  digits: '1'.repeat(N),
  digitSpaces: '1 '.repeat(N / 2),
  spaces: '中 '.repeat(N / 2),
  dates: '2月30日'.repeat(N / 5),
  quotes: '中"'.repeat(N / 2),
  trad: '發'.repeat(N),
  doubled: '的'.repeat(N),
  times: '19点30时'.repeat(N / 6),
};
for (const [name, text] of Object.entries(cases)) {
  const t = performance.now();
  const f = proofreadIssue(withParagraphs(text));
  console.log(name.padEnd(12), (performance.now() - t).toFixed(0).padStart(6), 'ms', f.length);
}
