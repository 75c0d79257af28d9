import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { MAX_PANEL, MIN_PANEL } from './board-labels';
import type { SessionSummary } from './client';
import { PersonaPicker } from './persona-picker';

/** Another panel for a session paused before its second round: the blind first round is asked again of the new seats. */
export function PanelSwapDialog({
  open,
  sessionId,
  organizationId,
  current,
  onClose,
  onSwapped,
}: {
  open: boolean;
  sessionId: string;
  organizationId: string;
  current: string[];
  onClose(): void;
  onSwapped(summary: SessionSummary): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Change the panel" size="lg" testId="panel-dialog" description={`Choose ${MIN_PANEL} to ${MAX_PANEL} personas.`}>
      {open && <SwapForm sessionId={sessionId} organizationId={organizationId} current={current} onClose={onClose} onSwapped={onSwapped} />}
    </Dialog>
  );
}

function SwapForm({ sessionId, organizationId, current, onClose, onSwapped }: Omit<Parameters<typeof PanelSwapDialog>[0], 'open'>) {
  const [codes, setCodes] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = error instanceof ApiError ? error.details.find((d) => d.field.split('.').includes('personaCodes'))?.message : undefined;
  const tooFew = codes.length < MIN_PANEL;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSwapped(await api.board.sessions.swapPanel(sessionId, codes));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooFew) void submit();
      }}
    >
      <div className="dialog-body">
        {error != null && !fieldError && <ErrorBanner error={error} />}
        <PersonaPicker organizationId={organizationId} value={codes} onChange={setCodes} error={fieldError} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || tooFew} data-testid="panel-confirm">
          {busy ? 'Seating…' : 'Seat this panel'}
        </button>
      </footer>
    </form>
  );
}
