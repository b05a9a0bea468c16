// A modal dialog on the native <dialog> element: focus trapped, Esc closes, Chinese buttons.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, children, onClose, wide = false }: { title: string; children: ReactNode; onClose: () => void; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first control, the × button: start where the clerk will type or decide
      dialog.querySelector<HTMLElement>('[data-autofocus], .dialog-body textarea, .dialog-body input:not([type="checkbox"]):not([type="radio"])')?.focus();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} onCancel={(event) => { event.preventDefault(); onClose(); }} aria-label={title}>
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="关闭">×</button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
