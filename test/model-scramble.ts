// Valid issues in shapes the editor never writes, for the normal-form tests: the same content with the
// blocks in another order, the 导读 stale, misplaced or missing, sections split in two, empty parts
// added, runs cut up (empty ones, bold: false) and optional fields written out (marker: true, subtitle '',
// no form). Deterministic for a seed.
import type { Block, Issue, NewsBlock, Paragraph } from '../shared/model/issue.ts';
import { seededRandom } from './generate.ts';

function cutRuns(paragraph: Paragraph, random: () => number): Paragraph {
  const runs = paragraph.runs.flatMap((run) => {
    if (run.text.length < 2 || random() < 0.5) return random() < 0.2 ? [{ ...run }, { text: '', bold: run.bold === true }] : [{ ...run }];
    const at = 1 + Math.floor(random() * (run.text.length - 1));
    const bold = run.bold === true;
    return [
      { text: run.text.slice(0, at), ...(bold ? { bold: true } : random() < 0.5 ? { bold: false } : {}) },
      { text: run.text.slice(at), ...(bold ? { bold: true } : {}) },
    ];
  });
  return { ...paragraph, runs };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The issue's content in another valid shape (see above). */
export function scrambled(issue: Issue, seed: number): Issue {
  const random = seededRandom(seed);
  const body: Block[] = [];
  for (const block of structuredClone(issue.blocks)) {
    if (block.type === 'article') {
      const paragraphs = block.paragraphs.map((paragraph) => (paragraph.type === undefined ? cutRuns(paragraph, random) : paragraph));
      if (random() < 0.3) paragraphs.splice(Math.floor(random() * (paragraphs.length + 1)), 0, { runs: [] });
      body.push({ ...block, paragraphs, ...(block.subtitle === undefined && random() < 0.3 ? { subtitle: '' } : {}) });
    } else if (block.type === 'news') {
      const items = block.items.map((item) => {
        const paragraphs = item.paragraphs.map((paragraph) => (paragraph.type === undefined ? cutRuns(paragraph, random) : paragraph));
        if (random() < 0.3 && item.form === 'colon') {
          const { form: _, ...bare } = item;
          return { ...bare, paragraphs };
        }
        return { ...item, paragraphs };
      });
      if (random() < 0.3) items.splice(Math.floor(random() * (items.length + 1)), 0, { head: '', form: 'colon', paragraphs: [{ runs: [{ text: '' }] }] });
      const marked = (part: NewsBlock['items']): NewsBlock => ({ ...block, items: part, ...(block.marker === undefined && random() < 0.5 ? { marker: true } : {}) });
      if (items.length > 1 && random() < 0.5) {
        const at = 1 + Math.floor(random() * (items.length - 1));
        body.push(marked(items.slice(0, at)), marked(items.slice(at)));
      } else {
        body.push(marked(items));
      }
    }
  }
  if (random() < 0.5) body.push({ type: 'article', title: '', paragraphs: [] });
  if (random() < 0.5) body.push({ type: 'news', heading: '空栏目', items: [] });
  shuffle(body, random);
  const lead = issue.blocks.find((block) => block.type === 'lead');
  const choice = random();
  if (choice < 0.25) return { ...issue, blocks: body };
  const stale: Block = { type: 'lead', items: choice < 0.5 ? ['过时的导读'] : lead?.type === 'lead' ? [...lead.items] : [] };
  const at = choice < 0.75 ? 0 : Math.floor(random() * (body.length + 1));
  body.splice(at, 0, stale);
  return { ...issue, blocks: body };
}
