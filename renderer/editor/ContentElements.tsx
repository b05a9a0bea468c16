// How the body draws its tables and figures: a table as an HTML table (its title above, the header bold, each
// column aligned as it prints), a figure as its photo at its share of the width with the caption under it.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor, useSlateStatic, type RenderElementProps } from 'slate-react';
import { api, errorMessage } from '../api/client.ts';
import { cellPlaces, rowsOf, type CellPlace } from './model/table-grid.ts';
import type { FigureElement, TableElement, TableRowElement } from './model/types.ts';
import { imageSource } from './image-source.ts';
import { PageStartMark } from './PageMarks.tsx';

interface TableLayout {
  table: TableElement;
  /** each row's index among the rows, by row element */
  rowIndex: Map<object, number>;
  places: CellPlace[][] | null;
}

const TableContext = createContext<TableLayout | null>(null);
const RowContext = createContext<TableRowElement | null>(null);

function Placeholder({ show, text }: { show: boolean; text: string }) {
  return show ? (
    <span className="placeholder" contentEditable={false} style={{ position: 'absolute', pointerEvents: 'none', userSelect: 'none' }}>
      {text}
    </span>
  ) : null;
}

const isEmpty = (element: { children: { text?: string }[] }) => element.children.every((leaf) => !leaf.text);

function TableView({ element, attributes, children }: RenderElementProps & { element: TableElement }) {
  const layout = useMemo<TableLayout>(() => {
    const rows = rowsOf(element);
    return { table: element, rowIndex: new Map(rows.map(({ row }, index) => [row, index])), places: cellPlaces(rows.map(({ row }) => row), element.columns.length) };
  }, [element]);
  const [title, ...rows] = Array.isArray(children) ? (children as ReactNode[]) : [children as ReactNode];
  return (
    <div {...attributes} className="table-block" data-testid="table">
      <PageStartMark element={element} />
      {title}
      <TableContext.Provider value={layout}>
        <table className="content-table">
          <tbody>{rows}</tbody>
        </table>
      </TableContext.Provider>
    </div>
  );
}

function RowView({ element, attributes, children }: RenderElementProps & { element: TableRowElement }) {
  return (
    <RowContext.Provider value={element}>
      <tr {...attributes} className={`table-row row-${element.role}`}>{children}</tr>
    </RowContext.Provider>
  );
}

function CellView({ element, attributes, children }: RenderElementProps) {
  const layout = useContext(TableContext);
  const row = useContext(RowContext);
  if (element.type !== 'table-cell') return null;
  const index = row ? row.children.indexOf(element) : -1;
  const rowIndex = row ? (layout?.rowIndex.get(row) ?? -1) : -1;
  const place = rowIndex >= 0 && index >= 0 ? layout?.places?.[rowIndex]?.[index] : undefined;
  const column = place?.column ?? index;
  const align = row?.role === 'header' ? 'center' : (layout?.table.columns[column] ?? 'left');
  const span = row?.role === 'header' ? { colSpan: place?.colSpan ?? 1, rowSpan: place?.rowSpan ?? 1 } : {};
  const Tag = row?.role === 'header' ? 'th' : 'td';
  return (
    <Tag {...attributes} {...span} className="table-cell" style={{ textAlign: align }} data-align={align}>
      {children}
    </Tag>
  );
}

/** The photo of a figure, loaded once per image from the archive; a click puts the caret into the caption. */
function FigureImage({ figure }: { figure: FigureElement }) {
  const editor = useSlateStatic();
  const [source, setSource] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { id, width, height } = figure.image;
  useEffect(() => {
    let live = true;
    setFailure(null);
    imageSource(api, id).then((url) => live && setSource(url), (error: unknown) => live && setFailure(`图片无法显示：${errorMessage(error)}`));
    return () => {
      live = false;
    };
  }, [id]);
  const toCaption = () => {
    const path = ReactEditor.findPath(editor, figure);
    Transforms.select(editor, Editor.end(editor, path.concat(0)));
    ReactEditor.focus(editor);
  };
  return (
    <div className="figure-image" contentEditable={false} onMouseDown={(event) => { event.preventDefault(); toCaption(); }}
      style={{ aspectRatio: `${width} / ${height}` }}>
      {source ? <img src={source} alt="图片" draggable={false} data-testid="figure-image" /> : <span className="figure-loading">{failure ?? '正在载入图片…'}</span>}
    </div>
  );
}

function FigureView({ element, attributes, children }: RenderElementProps & { element: FigureElement }) {
  return (
    <div {...attributes} className="figure-block" data-testid="figure">
      <PageStartMark element={element} />
      <figure className="figure" style={{ width: `${element.widthPercent}%` }}>
        <FigureImage figure={element} />
        {children}
      </figure>
    </div>
  );
}

/** The elements of tables and figures (any other element the body does not know is drawn as a plain block). */
export function renderContentElement(props: RenderElementProps): React.JSX.Element {
  const { element, attributes, children } = props;
  switch (element.type) {
    case 'table':
      return <TableView {...props} element={element} />;
    case 'table-title':
      return <div {...attributes} className="table-title"><Placeholder show={isEmpty(element)} text="表格标题（可不填）" />{children}</div>;
    case 'table-row':
      return <RowView {...props} element={element} />;
    case 'table-cell':
      return <CellView {...props} />;
    case 'figure':
      return <FigureView {...props} element={element} />;
    case 'figure-caption':
      return <figcaption {...attributes} className="figure-caption"><Placeholder show={isEmpty(element)} text="图片说明（图为…）" />{children}</figcaption>;
    default:
      return <div {...attributes}>{children}</div>;
  }
}
