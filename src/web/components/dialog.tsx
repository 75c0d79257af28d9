import { useEffect, useRef, type ReactNode } from 'react';
import { XIcon } from './icons';

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus returns to the opener.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  testId,
  size = 'md',
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element (the Close button); a field marked to be typed in first takes it.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="dialog-panel">
          <header className="dialog-header">
            <div>
              <h2 className="dialog-title" id={testId ? `${testId}-title` : undefined}>
                {title}
              </h2>
              {description && <p className="dialog-description">{description}</p>}
            </div>
            <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
              <XIcon />
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
  busy = false,
  error,
  onConfirm,
  onClose,
  testId = 'confirm-dialog',
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: ReactNode;
  onConfirm(): void;
  onClose(): void;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId} size="sm">
      <div className="dialog-body">
        <div className="dialog-text">{children}</div>
        {error}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose} data-testid={`${testId}-cancel`}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          data-testid={`${testId}-confirm`}
          onClick={onConfirm}
          disabled={busy}
          autoFocus
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </footer>
    </Dialog>
  );
}
