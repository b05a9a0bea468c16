// Which rows of a long table of fixed-height rows to draw: those in view in the table's scrolling ancestor, plus a
// few either side; the rows before and after them are stood in for by padding of their height (`padding`).
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** index of the first row drawn */
  first: number;
  /** index after the last row drawn */
  end: number;
  /** the height of one row, in px, as measured on the first row drawn */
  rowHeight: number;
  /** rows that fit in the scrolling area's height (PageUp/PageDown move by this many) */
  rowsInView: number;
  /** the padding above and below the table that stands in for the rows not drawn */
  padding: { paddingTop: number; paddingBottom: number };
  /** scrolls the least that shows row `index` whole */
  scrollToRow: (index: number) => void;
}

const OVERSCAN = 8;

/** The nearest ancestor that scrolls vertically (the document's scroller when there is none). */
function scrollerOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement as HTMLElement;
}

/** Where row 0 starts, in the scroller's scrolled coordinates: below the padding's top edge and the header row. */
function rowsOrigin(list: HTMLElement, scroller: HTMLElement): number {
  const header = list.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop + header;
}

/**
 * `list` holds the table and takes the padding; `estimate` is the row height until a drawn row is measured.
 * Rows must all be as high as the first: one line each, no wrapping.
 */
export function useRowWindow(list: RefObject<HTMLElement | null>, count: number, estimate: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 800, rowHeight: estimate });

  const measure = useCallback(() => {
    const element = list.current;
    if (!element) return;
    const scroller = scrollerOf(element);
    const row = element.querySelector<HTMLElement>('tbody > tr');
    const rowHeight = row?.getBoundingClientRect().height || estimate;
    setView((current) => {
      const next = { top: scroller.scrollTop - rowsOrigin(element, scroller), height: scroller.clientHeight, rowHeight };
      return current.top === next.top && current.height === next.height && current.rowHeight === next.rowHeight ? current : next;
    });
  }, [list, estimate]);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const scroller = scrollerOf(element);
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      resize.disconnect();
      scroller.removeEventListener('scroll', measure);
    };
  }, [list, measure, count]);

  const { top, height, rowHeight } = view;
  const first = Math.max(0, Math.min(count, Math.floor(top / rowHeight) - OVERSCAN));
  const end = Math.max(first, Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN));
  const rowsInView = Math.max(1, Math.floor(height / rowHeight) - 1);

  const scrollToRow = useCallback((index: number) => {
    const element = list.current;
    if (!element) return;
    const scroller = scrollerOf(element);
    // the sticky header row covers the top of the scroller: a row under it is not in view
    const header = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const rowTop = rowsOrigin(element, scroller) + index * view.rowHeight;
    if (rowTop - header < scroller.scrollTop) scroller.scrollTop = rowTop - header;
    else if (rowTop + view.rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = rowTop + view.rowHeight - scroller.clientHeight;
    measure();
  }, [list, measure, view.rowHeight]);

  const padding = { paddingTop: first * rowHeight, paddingBottom: (count - end) * rowHeight };
  return { first, end, rowHeight, rowsInView, padding, scrollToRow };
}
