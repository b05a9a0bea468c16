// What the clerk is told after an export on a computer without the official fonts: a .docx needs the
// fonts where it is opened; a PDF carries the faces it was made with (stand-ins here), so it says that.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/api/services.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';

let dir: string;
let services: Services;
let issueId: number;
const previousConfig = process.env.FONTCONFIG_FILE;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianbao-fonts-'));
  // a computer with Latin fonts only: none of the profile's Chinese faces
  writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/liberation2</dir><dir>/usr/share/fonts/truetype/liberation</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`);
  process.env.FONTCONFIG_FILE = join(dir, 'fonts.conf');
  services = await openServices({ dataDir: join(dir, 'data') });
  const series = await services.handlers['series.create']({ settings: defaultSeriesSettings('字体提示测试简报', '测试组') });
  issueId = (await services.handlers['issues.next']({ seriesId: series.id })).id;
}, 60_000);

afterAll(async () => {
  await services?.close();
  if (previousConfig === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('font warnings after an export', () => {
  it('tells the .docx user that Word needs the missing fonts where the file is opened', async () => {
    const { warnings } = await services.handlers['export.docx']({ issueId });
    expect(warnings).toHaveLength(1);
    expect(warnings![0]).toMatch(/本机未安装字体：.*仿宋/);
    expect(warnings![0]).toMatch(/Word 文件中仍写明这些字体/);
  });

  it('tells the PDF user that the PDF embeds its faces, which are stand-ins here', async () => {
    const { warnings, base64 } = await services.handlers['export.pdf']({ issueId });
    expect(Buffer.from(base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(warnings).toHaveLength(1);
    expect(warnings![0]).toMatch(/PDF 已嵌入所用字体/);
    expect(warnings![0]).not.toMatch(/Word/);
  }, 60_000);
});
