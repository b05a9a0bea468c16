// What the bulletin model adds to each keystroke in a 40-page issue, in Node (no DOM): typing, Enter,
// loading and converting back, beside a plain Slate editor holding the same nodes in the same run.
// Run: npm run bench:keystroke
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { deriveLead } from '../../shared/model/lead.ts';
import { generateIssue } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';
import { createBulletinEditor } from '../../renderer/editor/model/editor.ts';
import { issueToSlate, leadItemsOf, slateToIssue } from '../../renderer/editor/model/mapping.ts';

const TEMPLATE = ['县市区工作动态', '市直部门工作动态'];
const issue = generateIssue(40, 11);
const nodes = issueToSlate(issue, TEMPLATE);

function plainEditor(): Editor {
  const editor = withHistory(createEditor());
  editor.children = structuredClone(nodes);
  Editor.normalize(editor, { force: true });
  return editor;
}

function bulletinEditor(): Editor {
  const editor = createBulletinEditor(() => TEMPLATE);
  editor.children = structuredClone(nodes);
  Editor.normalize(editor, { force: true });
  return editor;
}

/** The cursor at the end of a paragraph in the middle of the issue. */
function placeCursor(editor: Editor): void {
  const middle = Math.floor(editor.children.length / 2);
  Transforms.select(editor, Editor.end(editor, [middle, 1]));
}

async function typing(editor: Editor, keys: number): Promise<number[]> {
  placeCursor(editor);
  return timeRuns(keys, () => editor.insertText('字'));
}

async function entering(editor: Editor, keys: number): Promise<number[]> {
  placeCursor(editor);
  return timeRuns(keys, () => {
    editor.insertText('句。');
    editor.insertBreak();
  });
}

const row = (label: string, samples: number[]) => [label, median(samples), percentile(samples, 95)] as const;

// warm-up, so that the first measured keystrokes do not pay for compiling the code
await typing(bulletinEditor(), 200);
await entering(bulletinEditor(), 50);
await typing(plainEditor(), 200);
await entering(plainEditor(), 50);

const loadBulletin = await timeRuns(20, () => bulletinEditor());
const loadPlain = await timeRuns(20, () => plainEditor());
const typeBulletin = await typing(bulletinEditor(), 400);
const typePlain = await typing(plainEditor(), 400);
const enterBulletin = await entering(bulletinEditor(), 100);
const enterPlain = await entering(plainEditor(), 100);
const loaded = bulletinEditor();
const toIssue = await timeRuns(20, () => slateToIssue(loaded.children, issue));
const lead = await timeRuns(50, () => leadItemsOf(loaded.children));
const leadViaIssue = await timeRuns(20, () => deriveLead(slateToIssue(loaded.children as Descendant[], issue).blocks));

printTable(`Bulletin model in a 40-page issue (${loaded.children.length} top-level blocks), ms`, ['operation', 'median', 'p95'], [
  row('type one character: bulletin editor', typeBulletin),
  row('type one character: plain Slate (baseline)', typePlain),
  row('type + Enter in a paragraph: bulletin editor', enterBulletin),
  row('type + Enter in a paragraph: plain Slate (baseline)', enterPlain),
  row('load: issueToSlate + forced normalization', loadBulletin),
  row('load: plain Slate, forced normalization (baseline)', loadPlain),
  row('slateToIssue', toIssue),
  row('leadItemsOf', lead),
  row('导读 via slateToIssue + deriveLead', leadViaIssue),
]);
