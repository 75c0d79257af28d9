import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { messageOf } from '../../api/http';
import { DownloadIcon, FileTextIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { percent, stopReasonLabels } from './board-labels';
import type { BoardDecision, DeliberationOption, PanelSeat, SessionDetail, Vote } from './client';
import { TallyChart } from './tally-chart';

/** The options on the table, and who proposed each (the question's own options name nobody). */
export function OptionsList({ options, panel }: { options: DeliberationOption[]; panel: PanelSeat[] }) {
  if (options.length === 0) return null;
  const nameOf = (code: string) => panel.find((p) => p.code === code)?.name ?? code;
  return (
    <section className="room-section" aria-labelledby="options-heading">
      <h2 className="section-title" id="options-heading">
        Options
      </h2>
      <ul className="options-list" data-testid="options">
        {options.map((option) => (
          <li key={option.id} className="option" data-testid="option" data-option={option.id}>
            <span className="option-id" aria-hidden="true">
              {option.id}
            </span>
            <div className="option-text">
              <span className="option-label">
                <span className="sr-only">Option {option.id}: </span>
                {option.label}
              </span>
              {option.description && <span className="option-description">{option.description}</span>}
              <span className="option-by muted">{option.proposedBy ? `Proposed by ${nameOf(option.proposedBy)}` : 'From the question'}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How each persona voted: its first choice, full ranking and why. */
function Ballots({ votes, options }: { votes: Vote[]; options: DeliberationOption[] }) {
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  return (
    <details className="ballots">
      <summary>How each persona voted ({votes.length})</summary>
      <ul className="ballot-list" data-testid="ballots">
        {votes.map((vote) => (
          <li key={vote.personaCode} className="ballot" data-testid="ballot">
            <div className="ballot-head">
              <strong>{vote.personaName}</strong>
              <span className="position-badge">
                {vote.voteChoice} · {label(vote.voteChoice)}
              </span>
              {vote.confidence !== null && <span className="muted">{percent(vote.confidence)}</span>}
              {vote.derived && <span className="tag">read from its last position</span>}
            </div>
            <span className="muted ballot-ranking">Ranking: {vote.ranking.join(' › ')}</span>
            {vote.reasoning && <p className="ballot-reasoning">{vote.reasoning}</p>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The votes as they come in, then the tally once counted. */
export function VotesSection({ session }: { session: SessionDetail }) {
  const tally = session.decision?.tally;
  if (!tally && session.votes.length === 0) return null;
  return (
    <section className="room-section card" aria-labelledby="tally-heading">
      <h2 className="section-title" id="tally-heading">
        The vote
      </h2>
      {tally ? <TallyChart tally={tally} /> : <p className="muted">{session.votes.length} of {session.panel.length} personas have voted…</p>}
      {session.votes.length > 0 && <Ballots votes={session.votes} options={session.options} />}
    </section>
  );
}

/**
 * The decision record: the recommendation, the strongest dissent, what it rests on, the two baselines computed in
 * the same session and what the deliberation changed against them; downloadable as Markdown and, for a session
 * tied to a project, saved as one of its documents.
 */
export function DecisionRecord({ session, decision }: { session: SessionDetail; decision: BoardDecision }) {
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ documentId: string; projectId: string; title: string } | null>(null);
  const save = async () => {
    setSaving(true);
    try {
      const result = await api.board.sessions.save(session.id);
      setSaved(result);
      toast.show(`Saved “${result.title}” to the project’s documents`);
    } catch (caught) {
      toast.show(`Could not save the decision: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const { baselines, changes, minorityReport } = decision;

  return (
    <section className="room-section card decision-record" aria-labelledby="decision-heading" data-testid="decision-record">
      <div className="section-head decision-head">
        <h2 className="section-title" id="decision-heading">
          Decision record
        </h2>
        <div className="decision-actions">
          <a className="btn btn-secondary btn-sm" href={api.board.sessions.decisionUrl(session.id)} download data-testid="download-decision">
            <DownloadIcon size={14} /> Download decision.md
          </a>
          {session.projectId &&
            (saved ? (
              <Link className="btn btn-secondary btn-sm" to={`/projects/${saved.projectId}/documents/${saved.documentId}`} data-testid="saved-decision">
                <FileTextIcon size={14} /> Open the saved document
              </Link>
            ) : (
              <button type="button" className="btn btn-primary btn-sm" onClick={() => void save()} disabled={saving} data-testid="save-decision">
                <FileTextIcon size={14} /> {saving ? 'Saving…' : 'Save to project'}
              </button>
            ))}
        </div>
      </div>

      <div className="recommendation" data-testid="recommendation">
        <span className="decision-label">Recommendation</span>
        <p className="recommendation-label">
          {decision.recommendation.optionId && <span className="option-id">{decision.recommendation.optionId}</span>}
          {decision.recommendation.label}
        </p>
        <p className="prose">{decision.recommendation.summary}</p>
        <p className="muted decision-note">
          After {decision.rounds} {decision.rounds === 1 ? 'round' : 'rounds'}
          {decision.stopReason ? `; the rounds stopped because ${stopReasonLabels[decision.stopReason]}` : ''}.
          {decision.budgetReached ? ' The budget ended the session early: the decision was written with what had been said.' : ''}
        </p>
      </div>

      <div className="decision-grid">
        <div className="decision-block minority" data-testid="minority-report">
          <h3 className="decision-label">Minority report</h3>
          {minorityReport ? (
            <>
              <p>
                <strong>{minorityReport.personaName}</strong> argues for <strong>{minorityReport.label}</strong>
              </p>
              <p className="prose">{minorityReport.argument}</p>
            </>
          ) : (
            <p className="muted">No dissent: every persona ended on the recommendation.</p>
          )}
        </div>
        <div className="decision-block" data-testid="decision-assumptions">
          <h3 className="decision-label">Rests on these assumptions</h3>
          {decision.assumptions.length > 0 ? (
            <ul>
              {decision.assumptions.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None stated.</p>
          )}
        </div>
      </div>

      <div className="decision-block" data-testid="baselines">
        <h3 className="decision-label">Baselines</h3>
        <dl className="baselines">
          <div className="baseline" data-testid="baseline-single">
            <dt>One model, asked once</dt>
            <dd>
              {baselines.singleModel ? (
                <>
                  <strong>{baselines.singleModel.label}</strong>
                  <span className="muted"> · {baselines.singleModel.model}</span>
                  <p className="baseline-reasoning">{baselines.singleModel.reasoning}</p>
                </>
              ) : (
                <span className="muted">Not computed (the budget ran out first).</span>
              )}
            </dd>
          </div>
          <div className="baseline" data-testid="baseline-round-one">
            <dt>Round 1 majority</dt>
            <dd>
              {baselines.roundOneMajority ? (
                <>
                  <strong>{baselines.roundOneMajority.label}</strong>
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {Object.entries(baselines.roundOneMajority.counts)
                      .map(([option, count]) => `${option}: ${count}`)
                      .join(', ')}
                  </span>
                </>
              ) : (
                <span className="muted">No positions in round 1.</span>
              )}
            </dd>
          </div>
        </dl>
      </div>

      <div className="decision-block" data-testid="what-changed">
        <h3 className="decision-label">What the deliberation changed</h3>
        <p className="prose">{changes.summary}</p>
        {changes.positionChanges.length > 0 && (
          <ul className="position-changes">
            {changes.positionChanges.map((change, i) => (
              <li key={i}>
                <strong>{change.personaName}</strong> moved from {change.from} to {change.to}
                {change.because ? ` because ${change.because.replace(/^because\s+/i, '')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
