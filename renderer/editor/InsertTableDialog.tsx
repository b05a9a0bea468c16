// 插入表格: how many body rows and columns, and whether the table has a header row and a 合计 row. Enter inserts.
import { useState } from 'react';
import { TABLE_LIMITS } from '../../shared/model/limits.ts';
import type { NewTableShape } from './model/nodes.ts';

/** Rows a new table may start with: a longer one is pasted or imported (typing stays quick up to this size). */
const MAX_NEW_ROWS = 200;
import { Dialog } from '../ui/Dialog.tsx';

export function InsertTableDialog({ onInsert, onClose }: { onInsert: (shape: NewTableShape) => void; onClose: () => void }) {
  const [rows, setRows] = useState('3');
  const [columns, setColumns] = useState('4');
  const [header, setHeader] = useState(true);
  const [total, setTotal] = useState(false);
  const rowCount = Number(rows);
  const columnCount = Number(columns);
  const rowsWrong = !Number.isInteger(rowCount) || rowCount < 1 || rowCount > MAX_NEW_ROWS ? `行数应为 1 到 ${MAX_NEW_ROWS}` : null;
  const columnsWrong = !Number.isInteger(columnCount) || columnCount < 1 || columnCount > TABLE_LIMITS.columns ? `列数应为 1 到 ${TABLE_LIMITS.columns}` : null;
  return (
    <Dialog title="插入表格" onClose={onClose}>
      <form
        className="insert-table-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (rowsWrong || columnsWrong) return;
          onInsert({ rows: rowCount, columns: columnCount, header, total });
        }}
      >
        <label>
          正文行数
          <input type="text" inputMode="numeric" value={rows} onChange={(event) => setRows(event.target.value.trim())} onFocus={(event) => event.target.select()} data-autofocus aria-label="正文行数" />
        </label>
        <label>
          列数
          <input type="text" inputMode="numeric" value={columns} onChange={(event) => setColumns(event.target.value.trim())} onFocus={(event) => event.target.select()} aria-label="列数" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={header} onChange={(event) => setHeader(event.target.checked)} />
          第一行为表头（加粗）
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={total} onChange={(event) => setTotal(event.target.checked)} />
          末尾加“合计”行
        </label>
        {(rowsWrong || columnsWrong) && <p className="field-error" role="alert">{[rowsWrong, columnsWrong].filter(Boolean).join('；')}</p>}
        <p className="hint">在表格中按 Tab 到下一格，Shift+Tab 回上一格，在最后一格按 Tab 添加一行。</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>取消</button>
          <button type="submit" className="primary" disabled={rowsWrong !== null || columnsWrong !== null}>插入</button>
        </div>
      </form>
    </Dialog>
  );
}
