// The small chip beside an article's title or a ▲ item's head naming whose report it is: plain once
// confirmed, dashed and marked 待确认 while it is only what the text suggests. It is no text of the
// bulletin: not editable, not selectable, never printed; its words are drawn by CSS from data-label, so the
// body's text (copied, read by the page's own code) holds none of them.
import { createContext, useContext } from 'react';
import { Node } from 'slate';
import { unitMatcher, type UnitMatcher } from '../../shared/stats/unit-names.ts';
import { chipOf, type AttributedElement } from './attribution.ts';

export interface AttributionScope {
  /** the series' units, as the suggestions read them */
  matcher: UnitMatcher;
  /** false in an issued issue: the chip only shows */
  editable: boolean;
}

export const AttributionContext = createContext<AttributionScope>({ matcher: unitMatcher([]), editable: false });

export const SOURCES_KEY_LABEL = 'Alt+U';

export function SourceChip({ element }: { element: AttributedElement }) {
  const { matcher, editable } = useContext(AttributionContext);
  // an article or item not yet written is nobody's report
  if (!element.sources && Node.string(element).trim() === '') return null;
  const chip = chipOf(element, matcher);
  const title = editable ? `${chip.title}。光标在此处时按 ${SOURCES_KEY_LABEL} 确认或修改` : chip.title;
  return (
    <span className={`source-chip source-${chip.state}`} contentEditable={false} role="note" data-testid="source-chip" data-state={chip.state}
      data-label={chip.units.length > 0 ? chip.units.join('、') : '来源未识别'} title={title} aria-label={title} />
  );
}
