// One file read for import, shown for the clerk to check before it is filed: where it goes and its
// masthead (期号, 年份, 总期号, 日期, 文号) as fields to correct, marked where the text did not give them;
// what was read (articles, news sections, colophon, copies) with the reader's warnings and the lines it
// set aside; then 归档, 全部归档 or 跳过.
import { useEffect, useId, useRef } from 'react';
import type { ImportPreview, SeriesRecord } from '../../shared/api/records.ts';
import { isRealDate } from '../../shared/model/issue.ts';
import { NumberField } from '../ui/NumberField.tsx';
import { draftProblem, duplicateNotice, notFoundMarks, overviewOf, seriesNamed, VIA_LABELS, withDate, type ReviewDraft } from './import-review.ts';

const NEW_SERIES = 'new';

function Mark({ text }: { text: string | undefined }) {
  return text ? <span className="import-not-found">{text}</span> : null;
}

export function ImportReview({ preview, draft, series, position, total, rest, onDraft, onFile, onFileAll, onSkip }: {
  preview: ImportPreview;
  draft: ReviewDraft;
  series: SeriesRecord[];
  /** 1-based place of this file among the files chosen */
  position: number;
  total: number;
  /** other files 全部归档 would file as read (read or still being read) */
  rest: number;
  onDraft: (draft: ReviewDraft) => void;
  onFile: () => void;
  onFileAll: () => void;
  onSkip: () => void;
}) {
  const fileButton = useRef<HTMLButtonElement>(null);
  const seriesSelect = useRef<HTMLSelectElement>(null);
  const id = useId();
  // a file comes up for review: 归档 has the focus, so Enter files it (Shift+Tab goes back to the
  // fields); when it cannot be filed as read, the fields have it
  useEffect(() => (fileButton.current?.disabled ? seriesSelect.current : fileButton.current)?.focus(), []);

  const { issue, target } = draft;
  const marks = notFoundMarks(preview.found);
  const overview = overviewOf(issue);
  const problem = draftProblem(draft, series);
  const duplicate = duplicateNotice(preview, draft, series);
  const yearly = issue.series.numbering === 'yearly-with-total';
  const sameName = target.kind === 'new' ? seriesNamed(series, target.name) : null;
  const setIssue = (next: typeof issue) => onDraft({ ...draft, issue: next });

  return (
    <section className="import-review" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="import-review-title">
        核对第 {position} / {total} 个文件：<span className="import-file-name">{preview.file}</span>
      </h3>

      <div className="import-review-fields">
        <label className="import-field import-field-series">
          <span>刊物</span>
          <select
            ref={seriesSelect}
            aria-label="刊物"
            value={target.kind === 'existing' ? String(target.seriesId) : NEW_SERIES}
            onChange={(event) =>
              onDraft({
                ...draft,
                target: event.target.value === NEW_SERIES ? { kind: 'new', name: preview.series.id === null ? preview.series.name : issue.series.name } : { kind: 'existing', seriesId: Number(event.target.value) },
              })
            }
          >
            {series.map((record) => (
              <option key={record.id} value={record.id}>{record.settings.name}{record.archived ? '（已归档）' : ''}</option>
            ))}
            <option value={NEW_SERIES}>新建刊物…</option>
          </select>
          <Mark text={marks.seriesName && '刊物名称' + marks.seriesName} />
        </label>
        {target.kind === 'new' && (
          <label className="import-field import-field-series">
            <span>新刊物名称</span>
            <input aria-label="新刊物名称" value={target.name} maxLength={200} placeholder="如 益阳市工作简报"
              onChange={(event) => onDraft({ ...draft, target: { kind: 'new', name: event.target.value } })} />
            {sameName ? <span className="import-hint">已有同名刊物，将归入该刊物</span> : target.name.trim() && <span className="import-hint">归档时新建这个刊物</span>}
          </label>
        )}
        <label className="import-field">
          <span>期号</span>
          <NumberField label="期号" value={issue.number} max={100000} onChange={(value) => value !== null && setIssue({ ...issue, number: value })} />
          <Mark text={marks.number} />
        </label>
        <label className="import-field">
          <span>年份</span>
          <NumberField label="年份" value={issue.year} min={1949} max={2200} onChange={(value) => value !== null && setIssue({ ...issue, year: value })} />
        </label>
        {yearly && (
          <label className="import-field">
            <span>总期号</span>
            <NumberField label="总期号" value={issue.totalNumber} max={1000000} onChange={(value) => value !== null && setIssue({ ...issue, totalNumber: value })} />
          </label>
        )}
        <label className="import-field">
          <span>日期</span>
          <input type="date" aria-label="日期" value={issue.date} onChange={(event) => { if (isRealDate(event.target.value)) setIssue(withDate(issue, event.target.value)); }} />
          <Mark text={marks.date} />
        </label>
        <label className="import-field import-field-doc">
          <span>文号</span>
          <input aria-label="文号" value={issue.docNumber ?? ''} maxLength={100} placeholder="可不填，如 益简字〔2024〕3号"
            onChange={(event) => setIssue({ ...issue, docNumber: event.target.value.trim() ? event.target.value : null })} />
          <Mark text={marks.docNumber} />
        </label>
      </div>

      {duplicate && <p className="import-duplicate" role="alert">{duplicate}。改正期号或年份后可以归档。</p>}

      <dl className="import-overview">
        <dt>读取方式</dt>
        <dd>{VIA_LABELS[preview.via]}</dd>
        <dt>文章</dt>
        <dd>
          {overview.articles.length === 0 ? '无' : (
            <ol className="import-articles">
              {overview.articles.map((article, index) => (
                <li key={index}>{article.title || '（无标题）'}{article.subtitle && <span className="import-subtitle">——{article.subtitle}</span>}</li>
              ))}
            </ol>
          )}
        </dd>
        {overview.sections.length > 0 && (
          <>
            <dt>动态栏目</dt>
            <dd>{overview.sections.map((section) => `${section.heading || '（无栏目名）'}（${section.items} 条）`).join('；')}</dd>
          </>
        )}
        <dt>版记</dt>
        <dd>{overview.colophon ?? '未读到报送单位'}{overview.copies && `；${overview.copies}`}</dd>
        {preview.warnings.length > 0 && (
          <>
            <dt>提示</dt>
            <dd><ul className="import-warnings">{preview.warnings.map((warning, index) => <li key={index}>{warning}</li>)}</ul></dd>
          </>
        )}
        {preview.setAside.length > 0 && (
          <>
            <dt>已略去</dt>
            <dd>
              <p className="import-hint">以下 {preview.setAside.length} 行是网页上的内容，不属于简报，未导入：</p>
              <ul className="import-set-aside">{preview.setAside.map((line, index) => <li key={index}>{line}</li>)}</ul>
            </dd>
          </>
        )}
      </dl>

      {problem && <p className="field-problem import-problem" role="alert">{problem}</p>}
      <footer className="dialog-actions import-review-actions">
        <button type="button" onClick={onSkip}>跳过</button>
        <button type="button" onClick={onFileAll} disabled={problem !== null} title={rest > 0 ? `归档本文件，其余 ${rest} 个文件按读取结果归档` : '归档本文件'}>全部归档</button>
        <button ref={fileButton} type="button" className="primary" onClick={onFile} disabled={problem !== null}>归档</button>
      </footer>
    </section>
  );
}
