// The statistics' side of the API contract (信息采用统计): the count of a period, and the same as an Excel
// workbook or a Word 通报. exceljs and docx are loaded when a file is first made, not when the app starts.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { ExportedFile } from '../../../shared/api/records.ts';
import type { Archive } from '../archive/index.ts';
import { fileNameOf } from '../export/exported-file.ts';
import { statsReport, type StatsRequest } from './report.ts';

export type StatsMethod = 'stats.tally' | 'stats.xlsx' | 'stats.docx';

const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export function createStatsHandlers(archive: Archive): Pick<ApiHandlers, StatsMethod> {
  const file = async (request: StatsRequest, extension: 'xlsx' | 'docx'): Promise<ExportedFile> => {
    const { report, settings } = statsReport(archive, request);
    const bytes =
      extension === 'xlsx'
        ? await (await import('./xlsx.ts')).statsWorkbook(report)
        : await (await import('./docx.ts')).statsDocx(report, settings);
    const what = extension === 'xlsx' ? `${report.period.label}信息采用情况` : `${report.period.label}信息采用情况通报`;
    return { fileName: fileNameOf(report.seriesName, what, extension), base64: base64Of(bytes) };
  };
  return {
    'stats.tally': (request) => statsReport(archive, request).report,
    'stats.xlsx': (request) => file(request, 'xlsx'),
    'stats.docx': (request) => file(request, 'docx'),
  };
}
