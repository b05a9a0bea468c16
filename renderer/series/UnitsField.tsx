// 信息采用单位名单: the units whose reports the statistics count, in the office's order, each with its name,
// the shorter names its reports go by (、-separated) and its group; rows added, moved and removed. A moved
// row keeps the focus on the button that moved it, so a clerk at the keyboard can press it again.
import { useEffect, useRef, useState } from 'react';
import { UNIT_GROUPS, type Unit, type UnitGroup } from '../../shared/model/series.ts';
import { formatAliases, moveUnit, newUnit, parseAliases, removeUnit, replaceUnit, unitsProblems } from './units-list.ts';

/** The aliases as typed: the text is kept while it reads as the same aliases, so 、 can be typed at its end. */
function AliasesInput({ label, aliases, onChange }: { label: string; aliases: readonly string[]; onChange: (aliases: string[]) => void }) {
  const [text, setText] = useState(() => formatAliases(aliases));
  const shown = formatAliases(aliases);
  useEffect(() => setText((current) => (formatAliases(parseAliases(current)) === shown ? current : shown)), [shown]);
  return (
    <input aria-label={label} value={text} placeholder="如：安化、安化县委办"
      onChange={(event) => { setText(event.target.value); onChange(parseAliases(event.target.value)); }} />
  );
}

export function UnitsField({ units, onChange }: { units: readonly Unit[]; onChange: (units: Unit[]) => void }) {
  const list = useRef<HTMLTableSectionElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ row: number; action: string } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const rows = list.current?.querySelectorAll('tr');
    const row = rows?.[Math.min(focusAfter.row, rows.length - 1)];
    const target = row?.querySelector<HTMLElement>(`[data-action="${focusAfter.action}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input');
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const change = (index: number, part: Partial<Unit>) => onChange(replaceUnit(units, index, part));
  const move = (index: number, by: -1 | 1) => {
    onChange(moveUnit(units, index, by));
    setFocusAfter({ row: index + by, action: by < 0 ? 'up' : 'down' });
  };
  const add = () => {
    onChange([...units, newUnit()]);
    setFocusAfter({ row: units.length, action: 'name' });
  };
  const problems = unitsProblems(units);
  return (
    <div className="units-field">
      {units.length === 0 ? (
        <p className="hint">还没有单位。统计时将按正文识别单位名称；填写名单后，只统计名单中的单位，并列出未被采用的单位。</p>
      ) : (
        <table className="units-table" aria-label="信息采用单位名单">
          <thead><tr><th>序号</th><th>单位名称</th><th>简称或别称（用“、”分隔）</th><th>分组</th><th><span className="visually-hidden">操作</span></th></tr></thead>
          <tbody ref={list}>
            {units.map((unit, index) => {
              const named = unit.name.trim() || `第${index + 1}个单位`;
              return (
                <tr key={index}>
                  <td>{index + 1}</td>
                  <td><input aria-label={`第${index + 1}个单位名称`} data-action="name" value={unit.name} onChange={(event) => change(index, { name: event.target.value })} /></td>
                  <td><AliasesInput label={`${named}的简称`} aliases={unit.aliases} onChange={(aliases) => change(index, { aliases })} /></td>
                  <td>
                    <select aria-label={`${named}的分组`} value={unit.group} onChange={(event) => change(index, { group: event.target.value as UnitGroup })}>
                      {UNIT_GROUPS.map((group) => <option key={group} value={group}>{group}</option>)}
                    </select>
                  </td>
                  <td><div className="row-actions">
                    <button type="button" data-action="up" aria-label={`上移${named}`} disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
                    <button type="button" data-action="down" aria-label={`下移${named}`} disabled={index === units.length - 1} onClick={() => move(index, 1)}>↓</button>
                    <button type="button" data-action="remove" className="danger" aria-label={`删除${named}`}
                      onClick={() => { onChange(removeUnit(units, index)); setFocusAfter({ row: index, action: 'remove' }); }}>删除</button>
                  </div></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problems.length > 0 && <p className="field-problems" role="status">{problems.join('；')}</p>}
      <button type="button" onClick={add}>添加单位</button>
    </div>
  );
}
