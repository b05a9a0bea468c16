// A question inside the app (never window.confirm): what will happen, and two or three buttons that say it.
import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

export interface ConfirmChoice {
  label: string;
  run: () => void;
  primary?: boolean;
  danger?: boolean;
}

export function ConfirmDialog({ title, children, choices, onCancel, cancelLabel = '取消' }: {
  title: string;
  children: ReactNode;
  choices: ConfirmChoice[];
  onCancel: () => void;
  cancelLabel?: string;
}) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="confirm-text">{children}</div>
      <footer className="dialog-actions">
        <button type="button" onClick={onCancel}>{cancelLabel}</button>
        {choices.map((choice, index) => (
          <button key={choice.label} type="button" className={[choice.primary ? 'primary' : '', choice.danger ? 'danger' : ''].join(' ').trim() || undefined}
            data-autofocus={index === choices.length - 1 ? '' : undefined} onClick={choice.run}>
            {choice.label}
          </button>
        ))}
      </footer>
    </Dialog>
  );
}
