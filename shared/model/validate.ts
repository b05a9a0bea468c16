// Runs a zod schema and turns its complaints into Chinese sentences that name the field the way a
// clerk would ("第2篇文章的标题"), for the command line, the API boundary and import reports.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

export interface FieldError {
  /** machine path, e.g. "blocks.2.title" */
  path: string;
  /** one Chinese sentence naming the field and the problem */
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const chineseErrors = zhCN().localeError;

const FIELD_NAMES: Record<string, string> = {
  format: '格式标识',
  series: '刊物',
  name: '名称',
  issuer: '编印单位',
  numbering: '编号方式',
  number: '期号',
  year: '年份',
  totalNumber: '总期号',
  date: '日期',
  docNumber: '文号',
  status: '状态',
  blocks: '正文',
  type: '类型',
  items: '条目',
  title: '标题',
  subtitle: '副标题',
  paragraphs: '段落',
  runs: '文字',
  text: '文字',
  bold: '加粗',
  heading: '标题级别',
  head: '标题',
  form: '标题样式',
  marker: '▲标记',
  distribution: '报送范围',
  report: '报',
  send: '送',
  issue: '发',
  printed: '印发',
  by: '印发单位',
  copies: '印数',
  sections: '栏目模板',
  layoutProfile: '版式方案',
  fontProfile: '字体方案',
  docNumberPrefix: '文号前缀',
  id: '编号',
  query: '检索词',
  seriesId: '刊物编号',
  issueId: '简报编号',
  revision: '修订版本',
  baseRevision: '所依据的修订版本',
  settings: '设置',
  sources: '来源单位',
  units: '单位',
  confirmed: '是否已确认',
  instruction: '领导批示',
  aliases: '简称',
  group: '类别',
  scoring: '计分标准',
  article: '文章分值',
  item: '动态分值',
  editorNote: '编者按分值',
  from: '起始日期',
  to: '结束日期',
  columns: '表格的列',
  align: '对齐方式',
  header: '表头',
  rows: '表格的行',
  total: '合计行',
  colSpan: '合并的列数',
  rowSpan: '合并的行数',
  image: '图片',
  width: '宽度',
  height: '高度',
  caption: '图注',
  widthPercent: '图片宽度',
  issues: '各期简报',
  images: '图片',
};

/** The payload's `issue` is the bulletin itself; only under `distribution` is it 发. */
const ISSUE_AS_PAYLOAD = '简报';

/** Type names zod's zh-CN locale leaves in English. */
const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  undefined: '空',
  null: '空',
  object: '对象',
  array: '列表',
  date: '日期',
  bigint: '整数',
};
const chineseTypes = (message: string) => message.replace(/(期望|实际接收)\s*(string|number|int|boolean|undefined|null|object|array|date|bigint)\b/g, (_all, word: string, type: string) => `${word} ${TYPE_NAMES[type]}`);

export function describePath(path: readonly PropertyKey[], root = '文档'): string {
  if (path.length === 0) return root;
  const parts: string[] = [];
  path.forEach((key, index) => {
    if (typeof key === 'number') parts.push(`第${key + 1}项`);
    else if (key === 'issue' && path[index - 1] !== 'distribution') parts.push(ISSUE_AS_PAYLOAD);
    else parts.push(FIELD_NAMES[String(key)] ?? String(key));
  });
  return parts.join('的');
}

/** `root` names the whole input in messages about it: 文档 for a file, 请求内容 for an API payload. */
export function validate<T>(schema: z.ZodType<T>, input: unknown, root = '文档'): Validated<T> {
  const result = schema.safeParse(input, { error: chineseErrors });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: `${describePath(issue.path, root)}：${chineseTypes(issue.message)}`,
    })),
  };
}

export function formatErrors(errors: readonly FieldError[], max = 5): string {
  const shown = errors.slice(0, max).map((error) => error.message);
  if (errors.length > max) shown.push(`另有${errors.length - max}处错误`);
  return shown.join('；');
}
