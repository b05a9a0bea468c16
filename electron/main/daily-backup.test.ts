import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestArchive, type TestArchive } from '../../test/electron/test-archive.ts';
import { ensureDailyBackup } from './daily-backup.ts';

let archive: TestArchive;
beforeEach(async () => {
  archive = await openTestArchive();
});
afterEach(() => archive.close());

describe('daily backup on start', () => {
  it('backs up the archive on the first start of the day and not again that day', async () => {
    const first = await ensureDailyBackup(archive.handlers);
    expect(first?.bytes).toBeGreaterThan(0);
    expect(await ensureDailyBackup(archive.handlers)).toBeNull();
    expect((await archive.handlers['backup.list']({})).map((backup) => backup.name)).toEqual([first!.name]);
  });

  it('backs up again on the next day the app is used', async () => {
    await ensureDailyBackup(archive.handlers);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(await ensureDailyBackup(archive.handlers, tomorrow)).not.toBeNull();
    expect(await archive.handlers['backup.list']({})).toHaveLength(2);
  });
});
