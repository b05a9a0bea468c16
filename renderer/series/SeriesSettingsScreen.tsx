// Series settings: every setting of the model — name, issuer, numbering, document-number prefix,
// section template, default 报/送/发 lists, layout and font profiles, whether a 导读 prints, leaders and fixed phrases,
// the units assessed on their reports (信息采用) and the points each kind of report earns.
import { useEffect, useId, useState } from 'react';
import {
  DEFAULT_SCORING,
  defaultSeriesSettings,
  FONT_PROFILE_LABELS,
  FONT_PROFILES,
  LAYOUT_PROFILE_LABELS,
  LAYOUT_PROFILES,
  seriesSettingsSchema,
  type SeriesSettings,
} from '../../shared/model/series.ts';
import { formatErrors, validate } from '../../shared/model/validate.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate } from '../navigation/route.ts';
import { useCommands } from '../navigation/use-commands.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useNotice } from '../ui/notice.tsx';
import { ListField } from '../ui/ListField.tsx';
import { LinesField } from '../ui/LinesField.tsx';
import { describeProblems, type LineProblem } from '../ui/lines.ts';
import { formatLeaders, formatPhrases, parseLeaders, parsePhrases } from './settings-lines.ts';
import { UnitsField } from './UnitsField.tsx';
import { ScoringFields } from './ScoringFields.tsx';
import { unitsProblems } from './units-list.ts';

/** The fields whose lines are read into entries, by the name the clerk sees. */
const LINE_FIELDS = { leaders: '领导姓名与职务', phrases: '规范用语' } as const;
type LineFieldName = keyof typeof LINE_FIELDS;

export function SeriesSettingsScreen({ seriesId }: { seriesId: number | 'new' }) {
  const notice = useNotice();
  const [record, setRecord] = useState<SeriesRecord | null>(null);
  const [settings, setSettings] = useState<SeriesSettings>(() => defaultSeriesSettings(''));
  /** the series' settings are shown once read, so that nothing typed meets a late load */
  const [loaded, setLoaded] = useState<number | 'new' | null>(seriesId === 'new' ? 'new' : null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [lineProblems, setLineProblems] = useState<Record<LineFieldName, LineProblem[]>>({ leaders: [], phrases: [] });
  const [scoringProblems, setScoringProblems] = useState<Record<string, string | null>>({});
  const [saving, setSaving] = useState(false);
  // what was last loaded or saved, to tell whether leaving would lose typing
  const [baseline, setBaseline] = useState<string>(() => JSON.stringify(defaultSeriesSettings('')));
  const [leaving, setLeaving] = useState(false);
  const numberingLabel = useId();

  useEffect(() => {
    setLineProblems({ leaders: [], phrases: [] });
    setLoadFailure(null);
    if (seriesId === 'new') {
      setRecord(null);
      setSettings(defaultSeriesSettings(''));
      setBaseline(JSON.stringify(defaultSeriesSettings('')));
      setLoaded('new');
      return;
    }
    setLoaded(null);
    let current = true;
    api['series.get']({ id: seriesId }).then(
      (found) => {
        if (!current) return;
        // settings stored before 印“导读”栏 existed may lack it: they print a 导读
        const read = { ...found.settings, printLead: found.settings.printLead !== false };
        setRecord(found);
        setSettings(read);
        setBaseline(JSON.stringify(read));
        setLoaded(seriesId);
      },
      (error: unknown) => {
        if (current) setLoadFailure(errorMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [seriesId]);

  const update = <K extends keyof SeriesSettings>(key: K, value: SeriesSettings[K]) => setSettings((current) => ({ ...current, [key]: value }));
  const updateLines = <K extends LineFieldName>(key: K, value: SeriesSettings[K], problems: LineProblem[]) => {
    update(key, value);
    setLineProblems((current) => ({ ...current, [key]: problems }));
  };

  const scoringUnfinished = Object.values(scoringProblems).filter((problem): problem is string => problem !== null);
  const dirty = JSON.stringify(settings) !== baseline || lineProblems.leaders.length + lineProblems.phrases.length > 0 || scoringUnfinished.length > 0;
  const backTo = () => navigate({ screen: 'archive', seriesId: seriesId === 'new' ? null : seriesId });
  useCommands({ 'issue.save': () => void save() });
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save() {
    const unfinished = (Object.keys(LINE_FIELDS) as LineFieldName[])
      .filter((key) => lineProblems[key].length > 0)
      .map((key) => `${LINE_FIELDS[key]}：${describeProblems(lineProblems[key]).join('；')}`);
    if (unfinished.length > 0) return notice(`${unfinished.join('。')}。请补全或删去这些行再保存。`, 'error');
    const unitsUnfinished = unitsProblems(settings.units ?? []);
    if (unitsUnfinished.length > 0) return notice(`信息采用单位名单：${unitsUnfinished.join('；')}。请补全或删去再保存。`, 'error');
    if (scoringUnfinished.length > 0) return notice(`计分规则：${scoringUnfinished.join('；')}。`, 'error');
    const checked = validate(seriesSettingsSchema, settings);
    if (!checked.ok) return notice(formatErrors(checked.errors), 'error');
    setSaving(true);
    try {
      const saved = seriesId === 'new' ? await api['series.create']({ settings: checked.value }) : await api['series.update']({ id: seriesId, settings: checked.value });
      notice('刊物设置已保存');
      setBaseline(JSON.stringify(checked.value));
      setSettings(checked.value);
      navigate({ screen: 'archive', seriesId: saved.id });
    } catch (error) {
      notice(errorMessage(error), 'error');
    } finally {
      setSaving(false);
    }
  }

  async function toggleArchived() {
    if (!record) return;
    try {
      const saved = await api['series.setArchived']({ id: record.id, archived: !record.archived });
      setRecord(saved);
      notice(saved.archived ? '刊物已归档（在列表中隐藏）' : '刊物已恢复显示');
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  return (
    <div className="settings">
      <header className="toolbar">
        <button type="button" onClick={() => (dirty ? setLeaving(true) : backTo())}>← 返回档案</button>
        {leaving && (
          <ConfirmDialog title="刊物设置有修改" onCancel={() => setLeaving(false)} cancelLabel="留在这里"
            choices={[
              { label: '不保存，返回', danger: true, run: () => { setLeaving(false); backTo(); } },
              { label: '保存并返回', primary: true, run: () => { setLeaving(false); void save(); } },
            ]}>
            <p>刊物设置有修改还没有保存。</p>
          </ConfirmDialog>
        )}
        <h1>{seriesId === 'new' ? '新建刊物' : `刊物设置：${settings.name}`}</h1>
        <div className="toolbar-actions">
          {record && <button type="button" onClick={toggleArchived}>{record.archived ? '取消归档' : '归档刊物'}</button>}
          <button type="button" className="primary" disabled={saving || loaded !== seriesId} onClick={save}>保存设置</button>
        </div>
      </header>
      {loaded !== seriesId ? (
        <p className={loadFailure ? 'empty load-failure' : 'empty'} role={loadFailure ? 'alert' : 'status'}>{loadFailure ?? '正在读取刊物设置…'}</p>
      ) : (
        <form className="settings-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
          <fieldset>
            <legend>报头</legend>
            <label className="field"><span className="field-label">刊物名称</span>
              <input value={settings.name} onChange={(event) => update('name', event.target.value)} placeholder="例如：益阳市配合第二轮省生态环境保护例行督察工作简报" required />
            </label>
            <label className="field"><span className="field-label">编印单位</span>
              <input value={settings.issuer} onChange={(event) => update('issuer', event.target.value)} placeholder="例如：益阳市配合第二轮省生态环境保护督察协调联络组" />
            </label>
            <div className="field" role="radiogroup" aria-labelledby={numberingLabel}>
              <span className="field-label" id={numberingLabel}>期号编排</span>
              <label className="radio">
                <input type="radio" name="numbering" checked={settings.numbering === 'sequential'} onChange={() => update('numbering', 'sequential')} />
                <span className="radio-text">连续编号<small>如：第13期</small></span>
              </label>
              <label className="radio">
                <input type="radio" name="numbering" checked={settings.numbering === 'yearly-with-total'} onChange={() => update('numbering', 'yearly-with-total')} />
                <span className="radio-text">每年重新编号并记总期号<small>如：2024年第3期 总第15期</small></span>
              </label>
            </div>
            <label className="field"><span className="field-label">文号前缀<small>可不填；如“益简字”，文号印为 益简字〔2024〕3号</small></span>
              <input value={settings.docNumberPrefix ?? ''} onChange={(event) => update('docNumberPrefix', event.target.value.trim() ? event.target.value : null)} />
            </label>
          </fieldset>
          <fieldset>
            <legend>栏目</legend>
            <ListField label="动态栏目（按印刷顺序）" value={settings.sections} onChange={(value) => update('sections', value)} hint="每行一个栏目，如：县市区工作动态" />
            <label className="checkbox"><input type="checkbox" checked={settings.newsMarker} onChange={(event) => update('newsMarker', event.target.checked)} />动态条目前加“▲”</label>
          </fieldset>
          <fieldset>
            <legend>报送范围（新建一期时自动填入）</legend>
            <ListField label="报" value={settings.distribution.report} onChange={(value) => update('distribution', { ...settings.distribution, report: value })} hint="每行一个单位" />
            <ListField label="送" value={settings.distribution.send} onChange={(value) => update('distribution', { ...settings.distribution, send: value })} hint="每行一个单位" />
            <ListField label="发" value={settings.distribution.issue} onChange={(value) => update('distribution', { ...settings.distribution, issue: value })} hint="每行一个单位" rows={2} />
          </fieldset>
          <fieldset>
            <legend>版式与字体</legend>
            <label className="field"><span className="field-label">版式方案</span>
              <select value={settings.layoutProfile} onChange={(event) => update('layoutProfile', event.target.value as SeriesSettings['layoutProfile'])}>
                {LAYOUT_PROFILES.map((name) => <option key={name} value={name}>{LAYOUT_PROFILE_LABELS[name]}</option>)}
              </select>
            </label>
            <label className="field"><span className="field-label">字体方案</span>
              <select value={settings.fontProfile} onChange={(event) => update('fontProfile', event.target.value as SeriesSettings['fontProfile'])}>
                {FONT_PROFILES.map((name) => <option key={name} value={name}>{FONT_PROFILE_LABELS[name]}</option>)}
              </select>
            </label>
            <label className="checkbox"><input type="checkbox" checked={settings.printLead} onChange={(event) => update('printLead', event.target.checked)} />印“导读”栏（改动只影响此后新建的各期）</label>
            <label className="checkbox"><input type="checkbox" checked={settings.colophonOnEvenPage} onChange={(event) => update('colophonOnEvenPage', event.target.checked)} />双面印刷：版记放在偶数页（必要时加空白页）</label>
          </fieldset>
          <fieldset>
            <legend>校对</legend>
            <LinesField label={LINE_FIELDS.leaders} value={settings.leaders} format={formatLeaders} parse={parseLeaders} onChange={(value, problems) => updateLines('leaders', value, problems)} hint="每行：姓名 职务，如：刘勇会 市委常委、常务副市长" />
            <LinesField label={LINE_FIELDS.phrases} value={settings.phrases} format={formatPhrases} parse={parsePhrases} onChange={(value, problems) => updateLines('phrases', value, problems)} hint="每行：正确写法 常见错误写法…，如：一岗双责 一岗两责" />
          </fieldset>
          <fieldset className="units-fieldset">
            <legend>信息采用单位名单</legend>
            <UnitsField units={settings.units ?? []} onChange={(units) => update('units', units)} />
          </fieldset>
          <fieldset>
            <legend>计分规则</legend>
            <ScoringFields scoring={settings.scoring ?? DEFAULT_SCORING} onChange={(scoring) => update('scoring', scoring)}
              onProblems={(problems) => setScoringProblems((current) => ({ ...current, ...problems }))} />
          </fieldset>
        </form>
      )}
    </div>
  );
}
