import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/http';
import { Dialog } from '../../../components/dialog';
import { ErrorBanner } from '../../../components/error-banner';
import { TextField } from '../../../components/field';
import type { SavedQuery } from '../client';

type Props = {
  open: boolean;
  connectionId: string;
  sql: string;
  /** The answer the SQL came from, when it is still the SQL in the editor: the query is saved as generated. */
  answer: { question: string; generationId: string } | null;
  onClose(): void;
  onSaved(query: SavedQuery): void;
};

/** Saves the editor's SQL with a description, so it can be found, run again and given index advice. */
export function SaveQueryDialog({ open, onClose, ...rest }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Save the query" testId="save-query-dialog">
      {open && <SaveForm onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function SaveForm({ connectionId, sql, answer, onClose, onSaved }: Omit<Props, 'open'>) {
  const [description, setDescription] = useState(answer?.question ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await api.dbassist.connections.saveQuery(connectionId, {
          sqlText: sql,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(answer ? { question: answer.question, generationId: answer.generationId } : {}),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = error instanceof ApiError ? error.fieldError('description') : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <div className="dialog-body">
        {!(error instanceof ApiError && error.coveredBy(['description'])) && <ErrorBanner error={error} title="The query could not be saved." />}
        <TextField label="Description" optional value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError} maxLength={5000} data-testid="save-description" data-autofocus />
        <pre className="dba-code">{sql}</pre>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-query-confirm">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </footer>
    </form>
  );
}

