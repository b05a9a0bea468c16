// The page plan in the editor: "共 N 页" in the toolbar (with a note when the colophon takes a page of its own)
// and a thin dashed rule with "第 N 页" where each page starts. The plan is worked out when typing pauses, in an
// idle moment after the editor's derived issue is refreshed, never in a keystroke's own handler.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { Node, type Descendant, type Editor } from 'slate';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { colophonNote, editorPagePlan, type EditorPagePlan, type PageMark } from './page-plan.ts';

export interface PagePlanView extends EditorPagePlan {
  /** the elements a page starts with, by identity: an element edited since is a new object and loses its mark until the next plan */
  startsWith: WeakMap<object, number>;
  /** pages that start inside an element's text */
  inside: PageMark[];
  /** how long the plan took, in ms */
  computeMs: number;
}

const PageMarksContext = createContext<PagePlanView | null>(null);
export const PageMarksProvider = PageMarksContext.Provider;
export const usePageMarks = () => useContext(PageMarksContext);

type IdleHandle = { cancel: () => void };

function whenIdle(run: () => void): IdleHandle {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 600 });
    return { cancel: () => window.cancelIdleCallback(handle) };
  }
  const handle = setTimeout(run, 0);
  return { cancel: () => clearTimeout(handle) };
}

/**
 * The plan of the issue the editor holds, recomputed whenever `trigger` changes (the editor's derived issue,
 * refreshed 300 ms after typing stops) once the browser is idle, from one snapshot of the editor's value.
 */
export function usePagePlan(editor: Editor, issueOf: () => Issue, settings: SeriesSettings, trigger: unknown): PagePlanView | null {
  const [plan, setPlan] = useState<PagePlanView | null>(null);
  const options = useMemo(
    () => ({ layoutProfile: settings.layoutProfile, fontProfile: settings.fontProfile, colophonOnEvenPage: settings.colophonOnEvenPage }),
    [settings.layoutProfile, settings.fontProfile, settings.colophonOnEvenPage],
  );
  useEffect(() => {
    const idle = whenIdle(() => {
      const started = performance.now();
      const nodes = editor.children as Descendant[];
      try {
        const computed = editorPagePlan(issueOf(), nodes, options);
        const root = { children: nodes } as unknown as Node;
        const startsWith = new WeakMap<object, number>();
        const inside: PageMark[] = [];
        for (const mark of computed.marks) {
          if (mark.inside) inside.push(mark);
          else if (Node.has(root, mark.element)) startsWith.set(Node.get(root, mark.element), mark.page);
        }
        setPlan({ ...computed, startsWith, inside, computeMs: performance.now() - started });
      } catch {
        // an issue the plan cannot set yet (mid-edit): keep the last plan
      }
    });
    return () => idle.cancel();
  }, [editor, issueOf, options, trigger]);
  return plan;
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
