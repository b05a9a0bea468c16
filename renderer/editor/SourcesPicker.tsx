// The picker Alt+U opens with the caret in an article or a ▲ item: the suggestion first, the series' units
// filtered as the clerk types, ↑/↓ to move, Enter to confirm (a name not on the list is offered as typed),
// Esc to close. The leader's 批示 on it (领导批示) may be written in the same dialog.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Sources } from '../../shared/model/issue.ts';
import type { Unit } from '../../shared/model/series.ts';
import { suggestSources } from '../../shared/stats/attribution.ts';
import type { UnitMatcher } from '../../shared/stats/unit-names.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { attributableOf, attributedName, pickerOptions, type AttributedElement } from './attribution.ts';

export interface PickedSources {
  sources: Sources;
  instruction: string;
}

export function SourcesPicker({ element, units, matcher, onConfirm, onClose }: {
  element: AttributedElement;
  units: readonly Unit[];
  matcher: UnitMatcher;
  onConfirm: (picked: PickedSources) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [instruction, setInstruction] = useState(element.instruction ?? '');
  const listId = useId();
  const suggestion = useMemo(() => suggestSources(attributableOf(element), matcher), [element, matcher]);
  const options = useMemo(() => pickerOptions({ stored: element.sources, suggestion, units, query }), [element.sources, suggestion, units, query]);
  const chosen = options[Math.min(active, options.length - 1)];

  const confirm = () => {
    if (chosen) onConfirm({ sources: { units: chosen.units, confirmed: true }, instruction: instruction.trim() });
  };
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      confirm();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(0, Math.min(options.length - 1, Math.min(current, options.length - 1) + (event.key === 'ArrowDown' ? 1 : -1))));
    }
  }

  const kind = element.type === 'article' ? '文章' : '动态';
  return (
    <Dialog title="来源单位" onClose={onClose}>
      <p className="picker-target">{kind}：{attributedName(element)}</p>
      <p className="hint">{suggestion.reason}</p>
      <label className="field"><span className="field-label">单位<small>输入名称或简称筛选；几个单位用“、”分开</small></span>
        <input data-autofocus role="combobox" aria-label="来源单位" aria-expanded="true" aria-controls={listId} aria-activedescendant={chosen ? `${listId}-${options.indexOf(chosen)}` : undefined}
          value={query} onChange={(event) => { setQuery(event.target.value); setActive(0); }} onKeyDown={onKeyDown} />
      </label>
      <ul id={listId} role="listbox" aria-label="可选单位" className="picker-options">
        {options.map((option, index) => (
          <li key={option.label} id={`${listId}-${index}`} role="option" aria-selected={option === chosen} className={option === chosen ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()} onClick={() => onConfirm({ sources: { units: option.units, confirmed: true }, instruction: instruction.trim() })}>
            <span>{option.label}</span><small>{option.note}</small>
          </li>
        ))}
        {options.length === 0 && <li className="hint">输入单位名称</li>}
      </ul>
      <label className="field"><span className="field-label">领导批示<small>可不填；填写后按批示加分</small></span>
        <input aria-label="领导批示" value={instruction} maxLength={500} onChange={(event) => setInstruction(event.target.value)}
          onKeyDown={(event) => { if (event.key === 'Enter' && !event.nativeEvent.isComposing) { event.preventDefault(); confirm(); } }} />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>取消</button>
        <button type="button" className="primary" disabled={!chosen} onClick={confirm}>确认（Enter）</button>
      </div>
    </Dialog>
  );
}
