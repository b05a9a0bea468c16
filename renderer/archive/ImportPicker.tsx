// Where an import starts: the page's file pickers (files, or a whole folder) and, for the desktop menu's
// 导入文件…, a short question first. A page may open a file picker only in answer to the clerk's own click
// or key, and a menu command sent from the main process is neither, so the question's button opens it.
import { useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../ui/Dialog.tsx';

/** What can be imported: bulletins (.txt, .docx, .doc, .pdf, .json), never Office's lock files or hidden files. */
const IMPORT_ACCEPT = '.txt,.docx,.doc,.pdf,.json';
const IMPORTABLE = /\.(txt|docx|doc|pdf|json)$/i;

function importableFiles(files: Iterable<File>): File[] {
  return [...files].filter((file) => IMPORTABLE.test(file.name) && !file.name.startsWith('~$') && !file.name.startsWith('.'));
}

export interface ImportPicker {
  pickFiles(): void;
  pickFolder(): void;
  /** the menu's 导入文件…: opens the file picker when the page may, else asks which to pick */
  fromMenu(): void;
  /** the hidden inputs and the question, to render once */
  element: ReactNode;
}

export function useImportPicker(onFiles: (files: File[]) => void, onNothing: (message: string) => void): ImportPicker {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [asking, setAsking] = useState(false);

  const take = (input: HTMLInputElement, folder: boolean) => {
    // files picked one by one all go to the reader, which says why one cannot be read; a folder gives its bulletins
    const files = folder ? importableFiles(input.files ?? []) : [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) onFiles(files);
    else if (folder) onNothing('文件夹中没有可导入的 .txt、.docx、.doc、.pdf 或 .json 文件');
  };
  const pickFiles = () => fileInput.current?.click();
  const pickFolder = () => folderInput.current?.click();
  const answer = (pick: () => void) => {
    setAsking(false);
    pick();
  };

  const element = (
    <>
      <input ref={fileInput} type="file" multiple accept={IMPORT_ACCEPT} hidden data-testid="import-files" onChange={(event) => take(event.target, false)} />
      <input ref={folderInput} type="file" multiple hidden data-testid="import-folder" {...({ webkitdirectory: '' } as Record<string, string>)}
        onChange={(event) => take(event.target, true)} />
      {asking && (
        <Dialog title="导入简报" onClose={() => setAsking(false)}>
          <p className="confirm-text">选择要导入的简报文件（.txt、.docx、.doc、.pdf、.json），或整个文件夹。每个文件读出后先请你核对，再归档。</p>
          <footer className="dialog-actions">
            <button type="button" onClick={() => setAsking(false)}>取消</button>
            <button type="button" onClick={() => answer(pickFolder)}>选择文件夹…</button>
            <button type="button" className="primary" data-autofocus="" onClick={() => answer(pickFiles)}>选择文件…</button>
          </footer>
        </Dialog>
      )}
    </>
  );

  return {
    pickFiles,
    pickFolder,
    fromMenu: () => {
      if (navigator.userActivation?.isActive) pickFiles();
      else setAsking(true);
    },
    element,
  };
}
