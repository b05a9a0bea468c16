// The page plan in the editor: "共 N 页" in the toolbar (with a note when the colophon takes a page of its own)
// and a thin dashed rule with "第 N 页" where each page starts. The plan is worked out with the proofreading,
// off the page's thread (use-issue-analysis.ts), and mapped here onto the editor's value it was read from.
import { createContext, useContext, useMemo, useRef } from 'react';
import { Node, Path, Point, type Descendant } from 'slate';
import { colophonNote, planOnto, type EditorPagePlan, type PageMark } from './page-plan.ts';
import type { AnalyzedIssue } from './use-issue-analysis.ts';

export interface PagePlanView extends EditorPagePlan {
  /** the elements a page starts with, by identity: an element edited since is a new object and loses its mark until the next plan */
  startsWith: WeakMap<object, number>;
  /** pages that start inside an element's text */
  inside: PageMark[];
  /** how long the plan took (with the proofreading it runs beside), in ms */
  computeMs: number;
}

const PageMarksContext = createContext<PagePlanView | null>(null);
export const PageMarksProvider = PageMarksContext.Provider;
export const usePageMarks = () => useContext(PageMarksContext);

/** The same figures and the same marks on the same elements (by identity): nothing on screen would change. */
function samePlan(a: PagePlanView, b: PagePlanView, aElements: readonly object[], bElements: readonly object[]): boolean {
  return a.totalPages === b.totalPages && a.bodyPages === b.bodyPages && a.colophon === b.colophon && a.blankPages === b.blankPages &&
    a.marks.length === b.marks.length && aElements.every((element, i) => element === bElements[i]) &&
    a.marks.every((mark, i) => {
      const other = b.marks[i]!;
      return mark.page === other.page && Path.equals(mark.element, other.element) && (mark.inside === null ? other.inside === null : other.inside !== null && Point.equals(mark.inside, other.inside));
    });
}

/**
 * The plan of the latest analysis, on the editor's value it was read from; the last one while an issue cannot be
 * set. A plan that changes nothing keeps the last one's identity, so the page marks and the body's decorations
 * are not drawn again after every pause in typing.
 */
export function usePagePlan(analyzed: AnalyzedIssue<readonly Descendant[]> | null): PagePlanView | null {
  const last = useRef<{ view: PagePlanView; elements: object[] } | null>(null);
  return useMemo(() => {
    if (!analyzed?.plan) return last.current?.view ?? null;
    const nodes = analyzed.snapshot;
    const computed = planOnto(analyzed.plan, nodes);
    const root = { children: nodes } as unknown as Node;
    const startsWith = new WeakMap<object, number>();
    const inside: PageMark[] = [];
    const elements = computed.marks.map((mark) => (Node.has(root, mark.element) ? Node.get(root, mark.element) : {}));
    computed.marks.forEach((mark, i) => {
      if (mark.inside) inside.push(mark);
      else startsWith.set(elements[i]!, mark.page);
    });
    const view = { ...computed, startsWith, inside, computeMs: analyzed.ms };
    if (!last.current || !samePlan(view, last.current.view, elements, last.current.elements)) last.current = { view, elements };
    return last.current.view;
  }, [analyzed]);
}

/** "第 N 页" over the element a page starts with. */
export function PageStartMark({ element }: { element: Node }) {
  const plan = usePageMarks();
  const page = plan?.startsWith.get(element);
  if (page === undefined) return null;
  return (
    // the label is drawn by CSS (attr), so the body's text stays the clerk's text
    <span className="page-break-mark" contentEditable={false} data-page-start={page} aria-hidden="true" />
  );
}

/** "共 N 页" for the toolbar, with the colophon's page of its own noted. */
export function PageCount({ plan }: { plan: PagePlanView | null }) {
  if (!plan) return <span className="page-count" data-testid="editor-page-count">正在排版…</span>;
  const note = colophonNote(plan);
  return (
    <span className="page-count" data-testid="editor-page-count" data-pages={plan.totalPages} data-plan-ms={plan.computeMs.toFixed(1)} title="按打印版式计算，与打印预览和导出的 PDF 相同">
      共 {plan.totalPages} 页{note && <span className="page-count-note" data-testid="colophon-note">，{note}</span>}
    </span>
  );
}
