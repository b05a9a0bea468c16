// 计分规则: the points an article, a ▲ item, a 编者按 and a leader's 批示 earn, each a box that can be emptied
// and retyped and takes a value only when it is one (at most one decimal); what is wrong shows beside it.
import { useEffect, useRef, useState } from 'react';
import type { Scoring } from '../../shared/model/series.ts';
import { parsePoints, SCORING_FIELDS } from './units-list.ts';

function PointsInput({ label, value, onChange, onProblem }: { label: string; value: number; onChange: (value: number) => void; onProblem: (problem: string | null) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText((current) => { const read = parsePoints(current, label); return 'value' in read && read.value === value ? current : String(value); }), [value, label]);
  const read = parsePoints(text, label);
  const problem = 'problem' in read ? read.problem : null;
  const latestOnProblem = useRef(onProblem);
  latestOnProblem.current = onProblem;
  useEffect(() => latestOnProblem.current(problem), [problem]);
  return (
    <label className="points-field">
      <span>{label}</span>
      <input type="text" inputMode="decimal" aria-label={`${label}分值`} aria-invalid={problem !== null} value={text} maxLength={6}
        onChange={(event) => {
          setText(event.target.value);
          const next = parsePoints(event.target.value, label);
          if ('value' in next) onChange(next.value);
        }} />
      <span>分</span>
      {problem && <span className="field-problem" role="alert">{problem}</span>}
    </label>
  );
}

export function ScoringFields({ scoring, onChange, onProblems }: { scoring: Scoring; onChange: (scoring: Scoring) => void; onProblems: (problems: Partial<Record<keyof Scoring, string | null>>) => void }) {
  return (
    <div className="scoring-fields">
      {SCORING_FIELDS.map(({ key, label }) => (
        <PointsInput key={key} label={label} value={scoring[key]}
          onChange={(value) => onChange({ ...scoring, [key]: value })}
          onProblem={(problem) => onProblems({ [key]: problem })} />
      ))}
      <p className="hint">每篇文章、每条动态计基本分；加编者按、获领导批示的另行加分。一篇信息报送单位有几个，每个单位各计一次。</p>
    </div>
  );
}
