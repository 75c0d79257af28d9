import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { CheckIcon, PencilIcon, XIcon } from '../../components/icons';
import { pointScale, priorityLabels, storyPriorities, type StoryPriority } from './backlog-labels';
import type { ProposalEdit, StoryProposal } from './client';
import { PointsChip, PriorityMark } from './story-bits';

type Decision = 'accept' | 'reject';

/**
 * The review of generated proposals, grouped by epic: each is accepted (the default), edited or rejected; accepting
 * sends the accepted ids and the edits in one request, which creates the epics and stories.
 */
export function ProposalReview({ projectId, jobId, proposals, onCancel, onAccepted }: { projectId: string; jobId: string; proposals: StoryProposal[]; onCancel(): void; onAccepted(count: number): void }) {
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [edits, setEdits] = useState<Record<string, ProposalEdit>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const groups = useMemo(() => {
    const byEpic = new Map<string, StoryProposal[]>();
    for (const p of proposals) byEpic.set(p.epic.title, [...(byEpic.get(p.epic.title) ?? []), p]);
    return [...byEpic.entries()];
  }, [proposals]);
  const accepted = proposals.filter((p) => decisions[p.proposalId] !== 'reject');

  const decide = (id: string, decision: Decision) => setDecisions((current) => ({ ...current, [id]: decision }));
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = accepted.map((p) => p.proposalId);
      const chosenEdits = Object.fromEntries(Object.entries(edits).filter(([id]) => ids.includes(id)));
      const result = await api.backlog.stories.accept(projectId, { jobId, proposalIds: ids, ...(Object.keys(chosenEdits).length ? { edits: chosenEdits } : {}) });
      onAccepted(result.stories.length);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="dialog-body proposal-review" data-testid="proposal-review">
        <ErrorBanner error={error} title="The stories could not be added." />
        {proposals.length === 0 && <p className="muted">Nothing to propose from this source.</p>}
        {groups.map(([epicTitle, items]) => (
          <section key={epicTitle} className="proposal-epic" data-testid="proposal-epic">
            <h3 className="proposal-epic-title">
              <span className="chip epic-chip">Epic</span> {epicTitle}
            </h3>
            <ul className="proposal-list">
              {items.map((proposal) => {
                const edit = edits[proposal.proposalId] ?? {};
                const shown = { ...proposal, ...edit, acceptanceCriteria: edit.acceptanceCriteria ?? proposal.acceptanceCriteria };
                const rejected = decisions[proposal.proposalId] === 'reject';
                const failing = proposal.invest.filter((c) => !c.ok);
                return (
                  <li key={proposal.proposalId} className={rejected ? 'proposal is-rejected' : 'proposal'} data-testid="proposal" data-decision={rejected ? 'reject' : 'accept'}>
                    {editing === proposal.proposalId ? (
                      <ProposalEditor
                        proposal={shown}
                        onDone={(change) => {
                          setEdits((current) => ({ ...current, [proposal.proposalId]: { ...current[proposal.proposalId], ...change } }));
                          decide(proposal.proposalId, 'accept');
                          setEditing(null);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <div className="proposal-head">
                          <PriorityMark priority={shown.priority} />
                          <strong className="proposal-title" data-testid="proposal-title">
                            {shown.title}
                          </strong>
                          <PointsChip points={shown.storyPoints} />
                          <div className="proposal-actions">
                            <button type="button" className={rejected ? 'btn btn-ghost btn-sm' : 'btn btn-secondary btn-sm'} aria-pressed={!rejected} onClick={() => decide(proposal.proposalId, 'accept')} data-testid="proposal-accept">
                              <CheckIcon size={13} /> Accept
                            </button>
                            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(proposal.proposalId)} data-testid="proposal-edit">
                              <PencilIcon size={13} /> Edit
                            </button>
                            <button type="button" className={rejected ? 'btn btn-secondary btn-sm' : 'btn btn-ghost btn-sm'} aria-pressed={rejected} onClick={() => decide(proposal.proposalId, 'reject')} data-testid="proposal-reject">
                              <XIcon size={13} /> Reject
                            </button>
                          </div>
                        </div>
                        {shown.description && <p className="proposal-description">{shown.description}</p>}
                        {shown.acceptanceCriteria.length > 0 && (
                          <ul className="proposal-criteria">
                            {shown.acceptanceCriteria.map((line, i) => (
                              <li key={i}>{line}</li>
                            ))}
                          </ul>
                        )}
                        {failing.length > 0 && (
                          <p className="proposal-invest muted" title={failing.map((c) => `${c.criterion}: ${c.note}`).join('\n')}>
                            INVEST: {failing.map((c) => c.criterion).join(', ')} {failing.length === 1 ? 'needs' : 'need'} a look
                          </p>
                        )}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <footer className="dialog-footer">
        <span className="muted proposal-count" aria-live="polite">
          {accepted.length} of {proposals.length} accepted
        </span>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void accept()} disabled={busy || accepted.length === 0 || editing !== null} data-testid="proposals-accept">
          {busy ? 'Adding…' : `Add ${accepted.length} ${accepted.length === 1 ? 'story' : 'stories'}`}
        </button>
      </footer>
    </>
  );
}

function ProposalEditor({ proposal, onDone, onCancel }: { proposal: StoryProposal; onDone(edit: ProposalEdit): void; onCancel(): void }) {
  const [title, setTitle] = useState(proposal.title);
  const [description, setDescription] = useState(proposal.description);
  const [criteria, setCriteria] = useState(proposal.acceptanceCriteria.join('\n'));
  const [priority, setPriority] = useState<StoryPriority>(proposal.priority);
  const [points, setPoints] = useState(proposal.storyPoints === null ? '' : String(proposal.storyPoints));
  return (
    <div className="proposal-editor" data-testid="proposal-editor">
      <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Title" maxLength={255} autoFocus data-testid="proposal-title-input" />
      <textarea className="input textarea" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} aria-label="Description" />
      <textarea className="input textarea" rows={4} value={criteria} onChange={(e) => setCriteria(e.target.value)} aria-label="Acceptance criteria, one per line" />
      <div className="proposal-editor-row">
        <select className="input select input-sm" value={priority} onChange={(e) => setPriority(e.target.value as StoryPriority)} aria-label="Priority">
          {storyPriorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabels[p]}
            </option>
          ))}
        </select>
        <select className="input select input-sm" value={points} onChange={(e) => setPoints(e.target.value)} aria-label="Story points">
          <option value="">No points</option>
          {[...new Set([...pointScale, ...(proposal.storyPoints === null ? [] : [proposal.storyPoints])])].sort((a, b) => a - b).map((p) => (
            <option key={p} value={String(p)}>
              {p} pts
            </option>
          ))}
        </select>
        <span className="proposal-editor-actions">
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={!title.trim()}
            onClick={() =>
              onDone({
                title: title.trim(),
                description,
                acceptanceCriteria: criteria.split('\n').map((line) => line.trim()).filter(Boolean),
                priority,
                storyPoints: points === '' ? null : Number(points),
              })
            }
            data-testid="proposal-save"
          >
            Keep edit
          </button>
        </span>
      </div>
    </div>
  );
}
