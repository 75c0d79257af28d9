import { isRecord } from '../../../api/http';
import { Dialog } from '../../../components/dialog';

/** What the server's 409 WRITE_NOT_CONFIRMED carried: the EXPLAIN plan of the write, and its cost when known. */
export type WritePreview = { plan: string | null; totalCost: number | null };

/** The preview out of the error's details (`{preview: ExplainAnswer}`), whatever of it the server sent. */
export function writePreviewOf(details: unknown): WritePreview {
  const source = isRecord(details) && isRecord(details.preview) ? details.preview : details;
  if (isRecord(source)) {
    const plan = typeof source.plan === 'string' ? source.plan : source.plan !== undefined ? JSON.stringify(source.plan, null, 2) : null;
    return { plan, totalCost: typeof source.totalCost === 'number' ? source.totalCost : null };
  }
  if (typeof source === 'string') return { plan: source, totalCost: null };
  return { plan: null, totalCost: null };
}

/**
 * A statement that changes data runs only after the person has seen what the server plans to do and said so: the
 * EXPLAIN preview, then Run the write (inside a transaction, audited) or Cancel.
 */
export function WriteConfirmDialog({
  open,
  sql,
  preview,
  busy,
  onConfirm,
  onClose,
}: {
  open: boolean;
  sql: string;
  preview: WritePreview | null;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Run a write?" description="This statement changes data on a read-write connection. It runs in one transaction and is recorded in the audit log." testId="write-confirm-dialog" size="lg">
      <div className="dialog-body">
        <pre className="dba-code" data-testid="write-sql">
          {sql}
        </pre>
        <h3 className="section-title">What the server plans to do</h3>
        {preview?.plan ? (
          <pre className="dba-code" data-testid="write-plan">
            {preview.plan}
          </pre>
        ) : (
          <p className="muted">The server sent no plan for this statement.</p>
        )}
        {preview?.totalCost !== null && preview?.totalCost !== undefined && <p className="muted">Estimated cost: {preview.totalCost}</p>}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose} data-testid="write-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy} data-testid="write-confirm" autoFocus>
          {busy ? 'Running…' : 'Run the write'}
        </button>
      </footer>
    </Dialog>
  );
}
