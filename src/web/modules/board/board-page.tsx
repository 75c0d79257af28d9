import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TextField } from '../../components/field';
import { PlusIcon, StopIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { useTitle } from '../../lib/use-title';
import { canManageMembers, useOrganization } from '../../lib/workspace';
import { useProjectContext } from '../projects/project-context';
import { SessionList } from './session-list';
import './board.css';

/** /board: the organization's board sessions, a way to ask a new question, and (for admins) a stop to every running one. */
export function BoardPage() {
  const organization = useOrganization();
  const isAdmin = canManageMembers(organization);
  const [refreshKey, setRefreshKey] = useState(0);
  const [stopping, setStopping] = useState(false);
  useTitle('Board', organization.name);

  return (
    <div className="page" data-testid="board-page">
      <PageHeader
        title="Board"
        subtitle={<>Decisions put to a panel of expert personas in {organization.name}</>}
        actions={
          <>
            {isAdmin && (
              <button type="button" className="btn btn-danger-ghost" onClick={() => setStopping(true)} data-testid="kill-all">
                <StopIcon size={15} /> Stop all running sessions
              </button>
            )}
            <Link to="/board/new" className="btn btn-primary" data-testid="new-session">
              <PlusIcon size={15} /> New session
            </Link>
          </>
        }
      />
      <SessionList scope={{ organizationId: organization.id }} refreshKey={refreshKey} newSessionLink="/board/new" />
      <KillAllDialog
        open={stopping}
        organizationId={organization.id}
        onClose={() => setStopping(false)}
        onDone={() => {
          setStopping(false);
          setRefreshKey((k) => k + 1);
        }}
      />
    </div>
  );
}

function KillAllDialog({ open, organizationId, onClose, onDone }: { open: boolean; organizationId: string; onClose(): void; onDone(): void }) {
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.board.sessions.killAll({ organizationId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      toast.show(result.killed.length === 0 ? 'No session was running' : `Stopped ${result.killed.length} ${result.killed.length === 1 ? 'session' : 'sessions'}`);
      setReason('');
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open={open}
      title="Stop all running sessions?"
      confirmLabel="Stop all"
      danger
      busy={busy}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="kill-all-dialog"
      error={error != null && <ErrorBanner error={error} />}
    >
      <p>Every running or paused session of this organization is killed. What they said so far is kept; they cannot be resumed.</p>
      <TextField label="Reason" optional value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="kill-all-reason" />
    </ConfirmDialog>
  );
}

/** A project's Board tab: the sessions tied to the project. */
export function ProjectBoardTab() {
  const { project } = useProjectContext();
  const newLink = `/board/new?projectId=${encodeURIComponent(project.id)}`;
  return (
    <section className="project-board" data-testid="project-board-tab" aria-label="Board sessions of the project">
      <div className="section-head">
        <h2 className="section-title">Board sessions</h2>
        <Link to={newLink} className="btn btn-primary btn-sm" data-testid="new-session">
          <PlusIcon size={14} /> New session
        </Link>
      </div>
      <SessionList scope={{ projectId: project.id }} newSessionLink={newLink} />
    </section>
  );
}
