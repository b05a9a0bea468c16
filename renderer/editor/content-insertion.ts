// Photos inserted from a file or pasted, and pasted Word/WPS content with tables and photos: every photo is stored
// in the archive first (images.add); only when all of them are stored is anything placed, at the place the caret
// had when the clerk asked, in one change (one undo step). A refusal shows its Chinese message and places nothing.
import { Editor, Transforms, type BaseRange, type Path, type RangeRef } from 'slate';
import type { ImageRef } from '../../shared/model/issue.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import type { PastedHtmlPart } from './clipboard-html.ts';
import { insertPasteParts, preparePasteParts } from './model/paste-content.ts';
import { dropBlankBelowContent, insertContentNode } from './model/table-commands.ts';
import { aboveOfType, figureNode } from './model/nodes.ts';
import { storeImageFile, storeImageSource } from '../files/image-files.ts';

type ImageApi = Pick<ApiClient, 'images.add'>;

export interface InsertionContext {
  editor: Editor;
  api: ImageApi;
  notice: (text: string, tone?: 'info' | 'error') => void;
  errorMessage: (error: unknown) => string;
}

/** Whether the caret stands where a table or photo may go: in an article or a news item. */
export function caretTakesContent(editor: Editor): boolean {
  return editor.selection !== null && (aboveOfType(editor, 'article') ?? aboveOfType(editor, 'news-item')) !== undefined;
}

/** The caret's place, kept while photos are stored (the clerk may click elsewhere meanwhile). */
export function holdCaret(editor: Editor): RangeRef | null {
  return editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
}

function backTo(editor: Editor, held: RangeRef | null): BaseRange | null {
  const range = held?.unref() ?? null;
  if (range) Transforms.select(editor, range);
  return range;
}

/** Stores the photo files and inserts them as figures at the held caret, one after another. False when nothing was inserted. */
export async function insertImageFiles({ editor, api, notice, errorMessage }: InsertionContext, files: readonly File[], held: RangeRef | null = holdCaret(editor)): Promise<boolean> {
  if (files.length === 0) return (held?.unref(), false);
  notice(files.length > 1 ? `正在插入 ${files.length} 张图片…` : '正在插入图片…');
  const stored: ImageRef[] = [];
  try {
    for (const file of files) stored.push((await storeImageFile(api, file, file.name || '图片.png')).ref);
  } catch (error) {
    held?.unref();
    // all or none: the others chosen with it are not inserted either
    notice(files.length > 1 ? `${errorMessage(error)}；所选的 ${files.length} 张图片都未插入` : errorMessage(error), 'error');
    return false;
  }
  if (!backTo(editor, held) || !caretTakesContent(editor)) {
    notice('图片只能放在文章或动态条目中：请把光标放在正文段落里再插入');
    return false;
  }
  let first: Path | null = null;
  Editor.withoutNormalizing(editor, () => {
    for (const ref of stored) first ??= insertContentNode(editor, figureNode(ref));
    dropBlankBelowContent(editor);
  });
  // the caret into the (first) new figure's caption, to type 图为…
  if (first && Editor.hasPath(editor, [...first, 0])) Transforms.select(editor, Editor.end(editor, [...first, 0]));
  notice(stored.length > 1 ? `已插入 ${stored.length} 张图片，可在图下填写说明` : '已插入图片，可在图下填写说明');
  return true;
}

/** Pastes HTML parts holding tables or photos: photos stored first, then everything placed in order. */
export async function pasteHtmlParts({ editor, api, notice, errorMessage }: InsertionContext, parts: readonly PastedHtmlPart[]): Promise<boolean> {
  const held = holdCaret(editor);
  const images = parts.filter((part) => part.kind === 'image').length;
  if (images > 0) notice('正在粘贴图片…');
  let prepared;
  try {
    prepared = await preparePasteParts(parts, (src) => storeImageSource(api, src));
  } catch (error) {
    held?.unref();
    notice(errorMessage(error), 'error');
    return false;
  }
  if (!backTo(editor, held)) return false;
  const { placed, leftOut } = insertPasteParts(editor, prepared.parts);
  const notes = [
    prepared.skipped > 0 ? `${prepared.skipped} 张图片无法从剪贴板读取，请用“插入图片”从文件插入` : '',
    leftOut > 0 ? '表格和图片只能放在文章或动态条目中，光标处放不下的已略去' : '',
  ].filter(Boolean);
  if (notes.length > 0) notice(notes.join('；'));
  return placed;
}
