import { familyLabels, percent } from './board-labels';
import type { Contribution, DeliberationOption, PanelSeat } from './client';

/** An option's id ("A") as people read it: "A · Launch in one city". */
export function optionName(position: string | null, options: DeliberationOption[]): string | null {
  if (position === null) return null;
  const option = options.find((o) => o.id === position || o.label === position);
  return option ? `${option.id} · ${option.label}` : position;
}

/** A persona's newest contribution that counted (near-duplicates are left out of the debate). */
export function latestOf(code: string, contributions: Contribution[]): Contribution | undefined {
  let latest: Contribution | undefined;
  for (const c of contributions) {
    if (c.personaCode !== code || c.duplicateOf !== null) continue;
    if (!latest || c.roundNumber > latest.roundNumber || (c.roundNumber === latest.roundNumber && c.id > latest.id)) latest = c;
  }
  return latest;
}

/**
 * The panel: one card per seated persona — who, from which discipline, why seated, on which model — filling with
 * its latest claim, position and confidence as the rounds go.
 */
export function PanelCards({
  panel,
  contributions,
  options,
  running,
}: {
  panel: PanelSeat[];
  contributions: Contribution[];
  options: DeliberationOption[];
  /** Whether the session may still hear from a persona that has not spoken. */
  running: boolean;
}) {
  if (panel.length === 0) {
    return (
      <section className="room-section" aria-labelledby="panel-heading">
        <h2 className="section-title" id="panel-heading">
          The panel
        </h2>
        <p className="muted" data-testid="panel-pending">
          The board seats its panel once the question is framed.
        </p>
      </section>
    );
  }
  return (
    <section className="room-section" aria-labelledby="panel-heading">
      <h2 className="section-title" id="panel-heading">
        The panel
      </h2>
      <ul className="panel-cards" data-testid="panel-cards">
        {panel.map((seat) => {
          const latest = latestOf(seat.code, contributions);
          const confidence = latest?.confidence ?? null;
          return (
            <li key={seat.code} className={`persona-card family-${seat.family}`} data-testid="persona-card" data-code={seat.code} data-filled={latest ? 'true' : 'false'}>
              <div className="persona-card-head">
                <span className="persona-avatar" aria-hidden="true">
                  {seat.name.slice(0, 1)}
                </span>
                <div className="persona-card-who">
                  <span className="persona-name">{seat.name}</span>
                  <span className="persona-meta">
                    <span className="tag">{familyLabels[seat.family]}</span>
                    <span className="persona-model" title="Model">
                      {seat.model}
                    </span>
                  </span>
                </div>
              </div>
              <p className="persona-reason">
                <span className="sr-only">Why seated: </span>
                {seat.reason}
              </p>
              {latest ? (
                <div className="persona-latest" data-testid="persona-latest">
                  <div className="persona-latest-head">
                    <span className="muted">Round {latest.roundNumber}</span>
                    {latest.position && (
                      <span className="position-badge" data-testid="persona-position">
                        {optionName(latest.position, options)}
                      </span>
                    )}
                  </div>
                  <p className="persona-claim">{latest.claim}</p>
                  {confidence !== null && (
                    <div className="confidence">
                      <span className="meter" role="meter" aria-label={`Confidence ${percent(confidence)}`} aria-valuemin={0} aria-valuemax={1} aria-valuenow={confidence <= 1 ? confidence : confidence / 100}>
                        <span className="meter-fill confidence-fill" style={{ width: percent(confidence) }} />
                      </span>
                      <span className="muted confidence-value">{percent(confidence)} sure</span>
                    </div>
                  )}
                </div>
              ) : (
                <p className="persona-waiting muted">{running ? 'Waiting for its first contribution…' : 'Did not speak.'}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
