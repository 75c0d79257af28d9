import { MODERATOR_CODE, percent } from './board-labels';
import type { Contribution, DeliberationOption } from './client';
import { optionName } from './panel-cards';

const roundNames = ['Blind first round', 'Exploration', 'Challenge', 'Convergence'];

function roundName(round: number): string {
  return roundNames[Math.min(round, roundNames.length) - 1] ?? `Round ${round}`;
}

function isModerator(c: Contribution): boolean {
  return c.phase === 'moderator_intervention' || c.personaCode === MODERATOR_CODE;
}

/**
 * The rounds: side by side as columns on a wide screen, one after another as a timeline on a phone (the layout is
 * the stylesheet's; the markup is the same). Near-duplicates are folded away, the moderator's interventions stand
 * apart from the panel's contributions.
 */
export function RoundsView({ contributions, options }: { contributions: Contribution[]; options: DeliberationOption[] }) {
  const rounds = new Map<number, Contribution[]>();
  for (const c of [...contributions].sort((a, b) => a.roundNumber - b.roundNumber || a.id - b.id)) {
    rounds.set(c.roundNumber, [...(rounds.get(c.roundNumber) ?? []), c]);
  }
  const byId = new Map(contributions.map((c) => [c.id, c]));
  if (rounds.size === 0) return null;
  return (
    <section className="room-section" aria-labelledby="rounds-heading">
      <h2 className="section-title" id="rounds-heading">
        The rounds
      </h2>
      <ol className="rounds" data-testid="rounds">
        {[...rounds.entries()].map(([round, items]) => {
          const kept = items.filter((c) => c.duplicateOf === null);
          const duplicates = items.filter((c) => c.duplicateOf !== null);
          return (
            <li key={round} className="round" data-testid="round" data-round={round}>
              <h3 className="round-title">
                <span className="round-number">Round {round}</span>
                <span className="round-kind muted">{roundName(round)}</span>
              </h3>
              <ol className="round-items">
                {kept.map((c) => (
                  <ContributionCard key={c.id} contribution={c} options={options} />
                ))}
              </ol>
              {duplicates.length > 0 && (
                <details className="duplicates" data-testid="duplicates">
                  <summary>
                    {duplicates.length} near-{duplicates.length === 1 ? 'duplicate' : 'duplicates'} left out
                  </summary>
                  <ul className="duplicate-list">
                    {duplicates.map((c) => {
                      const original = c.duplicateOf !== null ? byId.get(c.duplicateOf) : undefined;
                      return (
                        <li key={c.id}>
                          <strong>{c.personaName}</strong>: {c.claim}
                          {original && <span className="muted"> (repeats {original.personaName}, round {original.roundNumber})</span>}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function ContributionCard({ contribution: c, options }: { contribution: Contribution; options: DeliberationOption[] }) {
  if (isModerator(c)) {
    return (
      <li className="contribution moderator" data-testid="moderator-intervention">
        <div className="contribution-head">
          <span className="contribution-who">Moderator</span>
          <span className="tag tag-warning">Challenge</span>
        </div>
        <p className="contribution-claim">{c.claim || c.content}</p>
        {c.claim && c.content && c.content !== c.claim && <p className="contribution-content">{c.content}</p>}
      </li>
    );
  }
  const position = optionName(c.position, options);
  return (
    <li className="contribution" data-testid="contribution" data-persona={c.personaCode} data-round={c.roundNumber}>
      <div className="contribution-head">
        <span className="contribution-who">{c.personaName}</span>
        <span className="muted contribution-round">R{c.roundNumber}</span>
        {position && (
          <span className="position-badge" data-testid="contribution-position">
            {position}
          </span>
        )}
        {c.confidence !== null && <span className="muted contribution-confidence">{percent(c.confidence)}</span>}
      </div>
      <p className="contribution-claim" data-testid="contribution-claim">
        {c.claim}
      </p>
      {c.positionChanged && (
        <p className="position-change" data-testid="position-change">
          Position changed{c.changeReason ? ` because ${c.changeReason.replace(/^because\s+/i, '')}` : ''}
        </p>
      )}
      {c.evidence.length > 0 && (
        <div className="contribution-list">
          <span className="contribution-list-title">Evidence</span>
          <ul>
            {c.evidence.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      {c.assumptions.length > 0 && (
        <div className="contribution-list">
          <span className="contribution-list-title">Assumes</span>
          <ul>
            {c.assumptions.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
