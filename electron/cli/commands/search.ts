// `jianbao search QUERY [--series S] [--year Y] [--json]`: full-text search of the archive; several
// terms separated by spaces must all match.
import { SNIPPET_MARK } from '../../../shared/api/records.ts';
import { formatChineseDate } from '../../../shared/format/chinese.ts';
import { CliError } from './cli-error.ts';
import { seriesIdByName, withServices } from './services.ts';
import type { Command } from './command.ts';

function yearOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new CliError(`年份不正确：${value}`);
  return year;
}

export const searchCommand: Command = {
  name: 'search',
  usage: 'jianbao search 检索词... [--series 刊物名] [--year 年份] [--json] [--data 文件夹]   全文检索档案库（多个词须同时出现）',
  options: { series: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean', default: false }, data: { type: 'string' } },
  async run({ values, positionals }, io) {
    const query = positionals.join(' ').trim();
    if (!query) throw new CliError('请写出要检索的词，例如：jianbao search 督察 南县');
    if (query.length > 200) throw new CliError('检索词太长（最多 200 个字）');
    const year = yearOf(values.year as string | undefined);
    const hits = await withServices(values.data, { holder: '命令 jianbao search', access: 'read' }, async ({ api }) => {
      const seriesId = values.series === undefined ? undefined : await seriesIdByName(api, values.series as string);
      return api.search({ query, seriesId, year, limit: 100 });
    });
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2));
      return 0;
    }
    if (hits.length === 0) {
      io.out(`没有找到包含“${query}”的简报`);
      return 0;
    }
    io.out(`找到 ${hits.length} 期：`);
    for (const hit of hits) {
      io.out(`${hit.seriesName} ${hit.numberText}（${formatChineseDate(hit.date)}）${hit.title}`);
      io.out(`    ${hit.snippet.replaceAll(SNIPPET_MARK.open, '「').replaceAll(SNIPPET_MARK.close, '」')}`);
    }
    return 0;
  },
};
