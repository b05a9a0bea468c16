// The names exported files get (electron/services/export/exported-file.ts exportFileName): the series name and the 期号 as the
// clerk knows them, characters Windows forbids replaced, the length capped without losing the 期号 or
// splitting a character, and the numbers of a yearly series with their year and total number.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/api/services.ts';
import { exportFileName } from '../../electron/services/export/exported-file.ts';
import { emptyIssue, type Issue, type Numbering } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';

function issue(name: string, number: number, { numbering = 'sequential', date = '2024-05-06', totalNumber }: { numbering?: Numbering; date?: string; totalNumber?: number } = {}): Issue {
  const empty = emptyIssue({ name, issuer: '测试协调联络组', numbering }, number, date);
  return { ...empty, totalNumber: totalNumber ?? empty.totalNumber };
}

/** Windows refuses these in a file name (and the control characters U+0000–U+001F). */
const WINDOWS_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;
/** A lone half of a surrogate pair: a character cut in two. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** The cap on a name without its extension, in UTF-16 units (Windows allows 255 a name). */
const CAP = 120;

describe('exportFileName', () => {
  it('is the series name and the 期号, then the extension', () => {
    expect(exportFileName(issue('益阳市配合第二轮省生态环境保护例行督察工作简报', 13), 'docx')).toBe('益阳市配合第二轮省生态环境保护例行督察工作简报第13期.docx');
    expect(exportFileName(issue('益阳市配合省生态环保督察“回头看”工作简报', 4), 'pdf')).toBe('益阳市配合省生态环保督察“回头看”工作简报第4期.pdf');
    expect(exportFileName(issue('督察工作简报', 1), 'json')).toBe('督察工作简报第1期.json');
  });

  it('names a yearly series’ issue by its year, number and total number, without the space between them', () => {
    expect(exportFileName(issue('督察工作简报', 3, { numbering: 'yearly-with-total', date: '2024-03-01', totalNumber: 45 }), 'docx')).toBe('督察工作简报2024年第3期总第45期.docx');
    // the same number in two years: two names
    const lastYear = exportFileName(issue('督察工作简报', 1, { numbering: 'yearly-with-total', date: '2023-01-05', totalNumber: 40 }), 'pdf');
    const thisYear = exportFileName(issue('督察工作简报', 1, { numbering: 'yearly-with-total', date: '2024-01-04', totalNumber: 52 }), 'pdf');
    expect(lastYear).toBe('督察工作简报2023年第1期总第40期.pdf');
    expect(thisYear).toBe('督察工作简报2024年第1期总第52期.pdf');
  });

  it('replaces each character Windows forbids with _, and keeps Chinese punctuation and ordinary spaces', () => {
    const name = exportFileName(issue('A/B\\C:D*E?F"G<H>I|J\tK\nL\u0000M', 2), 'docx');
    expect(name).toBe('A_B_C_D_E_F_G_H_I_J_K_L_M第2期.docx');
    expect(name.replace(/\.docx$/, '')).not.toMatch(WINDOWS_FORBIDDEN);
    expect(exportFileName(issue('“回头看”：督察（专刊） 简报', 2), 'pdf')).toBe('“回头看”：督察（专刊） 简报第2期.pdf');
  });

  it('caps a long name by cutting the series name, so the 期号 stays whole and two issues never share a name', () => {
    const long = '督'.repeat(300);
    const name = exportFileName(issue(long, 13), 'docx');
    expect(name).toBe(`${'督'.repeat(CAP - '第13期'.length)}第13期.docx`);
    expect(exportFileName(issue(long, 14), 'docx')).not.toBe(name);
    const yearly = exportFileName(issue(long, 3, { numbering: 'yearly-with-total', date: '2024-03-01', totalNumber: 45 }), 'pdf');
    expect(yearly.endsWith('2024年第3期总第45期.pdf')).toBe(true);
    expect(yearly.length).toBe(CAP + '.pdf'.length);
  });

  it('never cuts a character beyond the Basic Multilingual Plane in two', () => {
    for (const prefix of ['', '督']) {
      const name = exportFileName(issue(`${prefix}${'𠮷'.repeat(100)}`, 7), 'docx');
      expect(name).not.toMatch(LONE_SURROGATE);
      expect(name.endsWith('第7期.docx')).toBe(true);
      expect(name.length).toBeLessThanOrEqual(CAP + '.docx'.length);
      expect(name.length).toBeGreaterThanOrEqual(CAP - 1 + '.docx'.length);
    }
  });
});

describe('the names the export handlers give', () => {
  let dir: string;
  let services: Services;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-file-names-'));
    services = await openServices({ dataDir: join(dir, 'data') });
  });
  afterAll(async () => {
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names .docx and .json exports of a sequential and of a yearly series by series and 期号', async () => {
    const { handlers } = services;
    const sequential = await handlers['series.create']({ settings: defaultSeriesSettings('桃江县/安化县 工作简报', '县委办公室') });
    const first = await handlers['issues.next']({ seriesId: sequential.id, date: '2024-05-06' });
    expect((await handlers['export.docx']({ issueId: first.id })).fileName).toBe('桃江县_安化县 工作简报第1期.docx');
    expect((await handlers['export.json']({ issueId: first.id })).fileName).toBe('桃江县_安化县 工作简报第1期.json');

    const yearly = await handlers['series.create']({ settings: defaultSeriesSettings('督察工作简报', '督察组', 'yearly-with-total') });
    const firstOfYear = await handlers['issues.next']({ seriesId: yearly.id, date: '2024-05-06' });
    const expected = `督察工作简报2024年第${firstOfYear.issue.number}期总第${firstOfYear.issue.totalNumber}期`;
    expect(firstOfYear.issue.totalNumber).not.toBeNull();
    expect((await handlers['export.docx']({ issueId: firstOfYear.id })).fileName).toBe(`${expected}.docx`);
    expect((await handlers['export.json']({ issueId: firstOfYear.id })).fileName).toBe(`${expected}.json`);
  });
});
