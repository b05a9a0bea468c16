// 快捷键 (F1): every key of the command table, and the keys the body handles as Word and WPS do.
import { COMMAND_IDS, COMMAND_TABLE, keyLabel, type CommandSpec } from '../../shared/api/commands.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { SOURCES_KEY_LABEL } from './SourceChip.tsx';

const BODY_KEYS: [string, string][] = [
  ['Enter', '新起一段；在标题中按下，转到正文'],
  ['Shift+Enter', '标题内换行（标题过长时手动断行）'],
  ['Backspace（段首）', '与上一段合并'],
  ['Tab', '不移动光标：段落首行自动缩进两字，无需按 Tab（表格中除外）'],
  ['Tab / Shift+Tab（表格中）', '到下一格 / 上一格；在最后一格按 Tab 添加一行'],
  ['Enter（表格中）', '留在本格：不拆分表格，也不在表格中新起一段'],
  ['↑ / ↓（表格中）', '到上一行 / 下一行的同一列；在首行、末行离开表格'],
  ['Enter（图片说明中）', '转到图片下方的正文'],
  ['F6 / Shift+F6', '在报头、正文、版记、校对之间切换'],
  [SOURCES_KEY_LABEL, '光标所在文章或动态条目的来源单位（信息采用）：确认或修改，可填领导批示'],
];

export function KeysHelpDialog({ onClose }: { onClose: () => void }) {
  const keyed = COMMAND_IDS.map((id) => COMMAND_TABLE[id] as CommandSpec).filter((spec) => spec.accelerator && !spec.label.includes('区域'));
  return (
    <Dialog title="快捷键" onClose={onClose}>
      <table className="keys-table">
        <tbody>
          {keyed.map((spec) => (
            <tr key={spec.label}>
              <td><kbd>{keyLabel(spec.accelerator!)}</kbd></td>
              <td>{spec.toolbarLabel ?? spec.label}{spec.keyOwner === 'menu' && !window.jianbaoDesktop ? '（桌面版）' : ''}</td>
            </tr>
          ))}
          {BODY_KEYS.map(([key, what]) => (
            <tr key={key}><td><kbd>{key}</kbd></td><td>{what}</td></tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
