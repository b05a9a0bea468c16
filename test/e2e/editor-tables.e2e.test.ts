// Tables and photos in the editor, in real Chromium against browser mode, as a clerk makes them: a table inserted
// and filled by keyboard (Tab from cell to cell, no pauses), rows and columns added and deleted, the table
// deleted; photos inserted from a file and pasted from the clipboard, their captions typed, saved and found again
// after a reload; Word-like HTML with a table, a photo and its 图为… caption pasted with Ctrl+V.
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ContentElement, Figure, Issue, Table } from '../../shared/model/issue.ts';
import { cellText } from '../../shared/model/content.ts';
import { closeAppInBrowser, openAppInBrowser, screenshotFolder, type AppInBrowser } from './harness.ts';

const shots = screenshotFolder('editor-tables');
let opened: AppInBrowser;
let page: Page;
let seriesId: number;

const body = () => page.locator('[data-testid="bulletin-body"]');

/** A photo as a camera would not make it but sharp does: a red and blue PNG of the given size. */
const photo = (width: number, height: number, color = { r: 200, g: 40, b: 40 }) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .composite([{ input: { create: { width: Math.round(width / 2), height: Math.round(height / 2), channels: 3, background: { r: 20, g: 60, b: 200 } } }, top: 0, left: 0 }])
    .png()
    .toBuffer();

/** A new issue with one article whose title and first paragraph are typed, open in the editor, the caret at the paragraph's end. */
async function openIssueWithArticle(): Promise<number> {
  const record = await opened.api['issues.next']({ seriesId });
  await page.evaluate((id) => { location.hash = `#/issue/${id}`; }, record.id);
  await page.reload();
  await body().locator('.article-title').first().click();
  await page.keyboard.type('全市信访工作情况');
  await page.keyboard.press('Enter');
  await page.keyboard.type('上半年全市信访形势总体平稳。');
  return record.id;
}

async function savedIssue(id: number, ready: (issue: Issue) => boolean): Promise<Issue> {
  let issue: Issue | undefined;
  await expect.poll(async () => ready((issue = (await opened.api['issues.get']({ id })).issue)), { timeout: 15_000 }).toBe(true);
  return issue!;
}

const contentOf = (issue: Issue): ContentElement[] => issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs : []));
const tablesOf = (issue: Issue) => contentOf(issue).filter((element): element is Table => element.type === 'table');
const figuresOf = (issue: Issue) => contentOf(issue).filter((element): element is Figure => element.type === 'figure');
const grid = (table: Table) => [...table.header, ...table.rows, ...(table.total ? [table.total] : [])].map((row) => row.map(cellText).join('|'));
const saved = () => page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 15_000 });

/** Whether every photo in the body is drawn: loaded from the archive, with its pixels. */
const imagesShown = () => body().locator('[data-testid="figure-image"]').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0));

beforeAll(async () => {
  opened = await openAppInBrowser({
    width: 1400,
    height: 900,
    seed: async (api) => {
      seriesId = (await api['series.create']({ settings: { ...defaultSeriesSettings('益阳市信访工作简报', '益阳市信访局'), sections: [] } })).id;
    },
  });
  page = opened.page;
  await page.getByRole('button', { name: '新建一期' }).waitFor();
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: opened.app.url });
}, 180_000);

afterAll(async () => {
  await closeAppInBrowser(opened ?? {});
});

describe('a table made by keyboard', () => {
  it('inserts a 3×4 table with Ctrl+Alt+G, fills it with Tab between cells without pauses, and saves it', async () => {
    const id = await openIssueWithArticle();
    await page.keyboard.press('Control+Alt+G');
    const dialog = page.getByRole('dialog', { name: '插入表格' });
    await dialog.getByLabel('正文行数').fill('3');
    await dialog.getByLabel('列数').fill('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => body().locator('.content-table tr').count()).toBe(4);
    const cells = ['县市区', '交办件数', '办结件数', '办结率', '赫山区', '12', '10', '83%', '资阳区', '8', '8', '100%', '安化县', '15', '12', '80%'];
    await page.keyboard.type(cells[0]!);
    for (const text of cells.slice(1)) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    expect(await body().locator('.content-table th').allTextContents()).toEqual(cells.slice(0, 4));
    expect(await body().locator('.content-table td').allTextContents()).toEqual(cells.slice(4));
    // Enter stays in the cell: no split table, no paragraph in it
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    expect(await body().locator('.content-table td').last().textContent()).toBe('80');
    await page.keyboard.type('%');
    await page.keyboard.press('Control+S');
    await saved();
    const [table] = tablesOf(await savedIssue(id, (issue) => tablesOf(issue).length === 1));
    expect(grid(table!)).toEqual(['县市区|交办件数|办结件数|办结率', '赫山区|12|10|83%', '资阳区|8|8|100%', '安化县|15|12|80%']);
    expect(table!.columns.map((column) => column.align)).toEqual(['left', 'center', 'center', 'center']);
    await page.screenshot({ path: join(shots, '1-table-typed.png'), fullPage: true });
  });

  it('keys that reach the page together with 插入表格’s Enter (a fast typist, a loaded PC) land in the table’s first cell, none lost', async () => {
    await openIssueWithArticle();
    await page.keyboard.press('Control+Alt+G');
    await page.getByRole('dialog', { name: '插入表格' }).getByLabel('列数').fill('2');
    // sent without waiting for one another, so that the page handles them in one go, before its next frame
    const cdp = await page.context().newCDPSession(page);
    const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await Promise.all([
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text: '\r', unmodifiedText: '\r' }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }),
      cdp.send('Input.insertText', { text: '单位' }),
    ]);
    await cdp.detach();
    await page.keyboard.press('Tab');
    await page.keyboard.type('件数');
    await expect.poll(() => body().locator('.content-table th').allTextContents(), { timeout: 15_000 }).toEqual(['单位', '件数']);
    await saved();
  });

  it('adds and deletes a row and a column, then deletes the table, and arrow keys leave it', async () => {
    const id = await openIssueWithArticle();
    await page.keyboard.press('Control+Alt+G');
    await page.getByRole('dialog', { name: '插入表格' }).getByLabel('正文行数').fill('2');
    await page.getByRole('dialog', { name: '插入表格' }).getByLabel('列数').fill('2');
    await page.keyboard.press('Enter');
    for (const [index, text] of ['单位', '件数', '赫山区', '12', '资阳区', '8'].entries()) {
      if (index > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    // Tab in the last cell adds a row
    await page.keyboard.press('Tab');
    await page.keyboard.type('安化县');
    expect(await body().locator('.content-table tr').count()).toBe(4);
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.type('桃江县');
    expect(await body().locator('.content-table tr').count()).toBe(5);
    await page.getByRole('button', { name: '删除行' }).click();
    expect(await body().locator('.content-table tr').count()).toBe(4);
    await body().locator('.content-table th', { hasText: '件数' }).click();
    await page.getByRole('button', { name: '右侧插列' }).click();
    await page.keyboard.type('办结');
    expect(await body().locator('.content-table th').allTextContents()).toEqual(['单位', '件数', '办结']);
    await page.getByRole('button', { name: '左侧插列' }).click();
    await page.getByRole('button', { name: '删除列' }).click();
    expect(await body().locator('.content-table th').allTextContents()).toEqual(['单位', '件数', '办结']);
    await page.keyboard.press('Control+S');
    await saved();
    const [table] = tablesOf(await savedIssue(id, (issue) => tablesOf(issue).some((t) => t.columns.length === 3)));
    expect(grid(table!)).toEqual(['单位|件数|办结', '赫山区|12|', '资阳区|8|', '安化县||']);
    await page.screenshot({ path: join(shots, '2-table-rows-columns.png'), fullPage: true });
    // ArrowDown from the last row leaves the table for the paragraph below it, where typing lands
    await body().locator('.content-table td', { hasText: '安化县' }).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('表后文字。');
    await expect.poll(async () => (await body().locator('.article > .paragraph').allTextContents()).some((text) => text.includes('表后文字。'))).toBe(true);
    await body().locator('.content-table td', { hasText: '赫山区' }).click();
    await page.getByRole('button', { name: '删除表格' }).click();
    expect(await body().locator('.content-table').count()).toBe(0);
    await page.keyboard.press('Control+S');
    await saved();
    const after = await savedIssue(id, (issue) => tablesOf(issue).length === 0);
    expect(contentOf(after).map((element) => element.type ?? 'p')).toEqual(['p', 'p']);
    expect(opened.errors).toEqual([]);
  });
});

describe('photos', () => {
  it('inserts a photo from the file picker and one pasted from the clipboard, their captions typed, and finds both after a reload', async () => {
    const id = await openIssueWithArticle();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+Alt+I')]);
    await chooser.setFiles({ name: '督察现场.png', mimeType: 'image/png', buffer: await photo(1200, 800) });
    await expect.poll(imagesShown, { timeout: 15_000 }).toEqual([true]);
    // the caret is in the new figure's caption
    await page.keyboard.type('图为督察组在赫山区检查。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('第二段文字。');
    // a photo on the system clipboard, pasted with Ctrl+V
    const pasted = (await photo(600, 900, { r: 30, g: 160, b: 60 })).toString('base64');
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    }, pasted);
    await page.keyboard.press('Control+V');
    await expect.poll(imagesShown, { timeout: 15_000 }).toEqual([true, true]);
    await page.keyboard.type('图为座谈会现场。');
    await page.keyboard.press('Control+S');
    await saved();
    const issue = await savedIssue(id, (saved) => figuresOf(saved).length === 2 && figuresOf(saved)[1]!.caption !== '');
    expect(figuresOf(issue).map((figure) => [figure.caption, figure.widthPercent, figure.image.format])).toEqual([
      ['图为督察组在赫山区检查。', 80, 'png'],
      ['图为座谈会现场。', 80, 'png'],
    ]);
    expect(figuresOf(issue).map((figure) => [figure.image.width, figure.image.height])).toEqual([[1200, 800], [600, 900]]);
    expect(contentOf(issue).map((element) => element.type ?? 'p')).toEqual(['p', 'figure', 'p', 'figure']);
    await page.reload();
    await expect.poll(imagesShown, { timeout: 15_000 }).toEqual([true, true]);
    expect(await body().locator('.figure-caption').allTextContents()).toEqual(['图为督察组在赫山区检查。', '图为座谈会现场。']);
    await page.screenshot({ path: join(shots, '3-photos-after-reload.png'), fullPage: true });
    // the print preview shows both photos (the print view with the images' bytes), none as 图片缺失
    await page.keyboard.press('Control+p');
    await page.getByRole('dialog', { name: '打印预览' }).waitFor();
    const preview = page.frameLocator('iframe.print-preview-frame');
    await expect.poll(() => preview.locator('.jb-figure img').count(), { timeout: 15_000 }).toBe(2);
    expect(await preview.locator('.jb-figure img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth > 0 && (image as HTMLImageElement).src.startsWith('data:image/png')))).toEqual([true, true]);
    expect(await preview.locator('.jb-figure-missing').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(opened.errors).toEqual([]);
  }, 60_000);

  it('shows the archive’s refusal of a file that is no image in Chinese and inserts nothing', async () => {
    const id = await openIssueWithArticle();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+Alt+I')]);
    await chooser.setFiles({ name: '坏图片.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') });
    await expect.poll(() => page.locator('.notice[role="alert"]').allTextContents(), { timeout: 15_000 }).toContain('图片“坏图片.png”已损坏或不是图片，无法插入');
    expect(await body().locator('[data-testid="figure"]').count()).toBe(0);
    await page.keyboard.press('Control+S');
    await saved();
    expect(figuresOf((await opened.api['issues.get']({ id })).issue)).toEqual([]);
    opened.errors.length = 0;
  }, 60_000);
});

describe('pasting from Word', () => {
  it('makes a table of a pasted Word table (bold first row the header, its merged cells kept) and a figure of its photo with the 图为 line as caption', async () => {
    const id = await openIssueWithArticle();
    const png = (await photo(400, 300)).toString('base64');
    const html = `<html><body><!--StartFragment--><p class=MsoNormal>各县市区交办件办理情况如下：</p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td rowspan=2><p><b>县市区</b></p></td><td colspan=2><p><b>交办件数</b></p></td></tr>
<tr><td><p><b>信访</b></p></td><td><p><b>来电</b></p></td></tr>
<tr><td><p>赫山区</p></td><td><p>12</p></td><td><p>10</p></td></tr>
<tr><td colspan=2><p>资阳区（合并）</p></td><td><p>8</p></td></tr>
<tr><td><p>合计</p></td><td><p>12</p></td><td><p>18</p></td></tr>
</table>
<p class=MsoNormal><img width=400 height=300 src="data:image/png;base64,${png}"></p>
<p class=MsoNormal align=center style='text-align:center'><span style='font-family:楷体'>图为交办件现场核查。</span></p>
<p class=MsoNormal>下一步，将继续推进。</p><!--EndFragment--></body></html>`;
    await page.evaluate((html) => {
      const onCopy = (event: ClipboardEvent) => {
        event.clipboardData!.setData('text/html', html);
        event.clipboardData!.setData('text/plain', '各县市区交办件办理情况如下：');
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      window.addEventListener('copy', onCopy, { capture: true, once: true });
      document.execCommand('copy');
    }, html);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+V');
    await expect.poll(imagesShown, { timeout: 15_000 }).toEqual([true]);
    expect(await body().locator('.content-table th').allTextContents()).toEqual(['县市区', '交办件数', '信访', '来电']);
    await page.keyboard.press('Control+S');
    await saved();
    const issue = await savedIssue(id, (saved) => tablesOf(saved).length === 1 && figuresOf(saved).length === 1);
    const [table] = tablesOf(issue);
    expect(table!.header).toEqual([
      [{ runs: [{ text: '县市区', bold: true }], rowSpan: 2 }, { runs: [{ text: '交办件数', bold: true }], colSpan: 2 }],
      [{ runs: [{ text: '信访', bold: true }] }, { runs: [{ text: '来电', bold: true }] }],
    ]);
    expect(grid(table!).slice(2)).toEqual(['赫山区|12|10', '资阳区（合并）||8', '合计|12|18']);
    expect(table!.total).toBeDefined();
    expect(figuresOf(issue)[0]!.caption).toBe('图为交办件现场核查。');
    expect(contentOf(issue).map((element) => element.type ?? 'p')).toEqual(['p', 'p', 'table', 'figure', 'p']);
    await page.screenshot({ path: join(shots, '4-word-table-pasted.png'), fullPage: true });
    expect(opened.errors).toEqual([]);
  });

  it('pastes nothing at all, not even the text, when the archive refuses a pasted photo, and says why', async () => {
    const id = await openIssueWithArticle();
    const html = `<p>这段文字不应出现。</p><table><tr><td>甲</td><td>乙</td></tr></table><p><img src="data:image/png;base64,${Buffer.from('坏的').toString('base64')}"></p>`;
    await page.evaluate((html) => {
      window.addEventListener('copy', (event) => {
        event.clipboardData!.setData('text/html', html);
        event.preventDefault();
        event.stopImmediatePropagation();
      }, { capture: true, once: true });
      document.execCommand('copy');
    }, html);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.notice[role="alert"]').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining('已损坏或不是图片'));
    expect(await body().textContent()).not.toContain('这段文字不应出现');
    expect(await body().locator('.content-table, [data-testid="figure"]').count()).toBe(0);
    await page.keyboard.press('Control+S');
    await saved();
    const issue = (await opened.api['issues.get']({ id })).issue;
    expect(contentOf(issue).map((element) => element.type ?? 'p')).toEqual(['p']);
    opened.errors.length = 0;
  });
});
