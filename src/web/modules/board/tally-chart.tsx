import { useWidth } from '../backlog/use-width';
import { voteRuleLabels } from './board-labels';
import type { Tally } from './client';

const ROW = 34;
const LABEL_WIDTH_SHARE = 0.38;
const VALUE_WIDTH = 56;
const MARGIN = { top: 6, bottom: 6 };

/**
 * The tally, drawn by hand in SVG: one horizontal bar per option (they read at any width, a phone's too), its
 * points under the rule, the winner marked. The rule is named above it, and the counts are in the accessible label.
 */
export function TallyChart({ tally }: { tally: Tally }) {
  const [ref, width] = useWidth<HTMLDivElement>(560, 260);
  const scores = tally.scores;
  const labelWidth = Math.min(220, Math.floor(width * LABEL_WIDTH_SHARE));
  const plotWidth = Math.max(40, width - labelWidth - VALUE_WIDTH);
  const top = Math.max(1, ...scores.map((s) => s.points));
  const height = MARGIN.top + MARGIN.bottom + ROW * Math.max(1, scores.length);
  const maxChars = Math.max(8, Math.floor(labelWidth / 7.2));
  const description = `${voteRuleLabels[tally.rule]} over ${tally.ballots} ${tally.ballots === 1 ? 'ballot' : 'ballots'}: ${scores
    .map((s) => `${s.optionId} ${s.label} ${s.points} ${s.points === 1 ? 'point' : 'points'}${s.optionId === tally.winner ? ' (winner)' : ''}`)
    .join('; ')}.`;

  return (
    <div className="chart tally-chart" ref={ref} data-testid="tally-chart" data-rule={tally.rule} data-winner={tally.winner ?? ''}>
      <p className="tally-rule" data-testid="tally-rule">
        Counted by <strong>{voteRuleLabels[tally.rule]}</strong> · {tally.ballots} {tally.ballots === 1 ? 'ballot' : 'ballots'}
        {tally.selfVotesExcluded > 0 && (
          <>
            {' '}
            · {tally.selfVotesExcluded} self-{tally.selfVotesExcluded === 1 ? 'vote' : 'votes'} not counted
          </>
        )}
        {tally.tiedWith.length > 0 && <> · tied with {tally.tiedWith.join(', ')}, broken by first choices</>}
      </p>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        {scores.map((s, i) => {
          const y = MARGIN.top + i * ROW;
          const winner = s.optionId === tally.winner;
          const barWidth = Math.max(2, (s.points / top) * plotWidth);
          const label = `${s.optionId} · ${s.label}`;
          return (
            <g key={s.optionId} className={winner ? 'tally-row tally-winner' : 'tally-row'} data-testid="tally-bar" data-option={s.optionId} data-points={s.points}>
              <title>{`${label}: ${s.points} points, ${s.firstChoices} first ${s.firstChoices === 1 ? 'choice' : 'choices'}${winner ? ', the winner' : ''}`}</title>
              <text x={0} y={y + ROW / 2} dy="0.32em" className="tally-label">
                {winner ? '★ ' : ''}
                {label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label}
              </text>
              <rect className="tally-bar" x={labelWidth} y={y + 7} width={barWidth} height={ROW - 14} rx={3} />
              <text x={labelWidth + barWidth + 6} y={y + ROW / 2} dy="0.32em" className="tally-value">
                {Number.isInteger(s.points) ? s.points : s.points.toFixed(1)}
              </text>
            </g>
          );
        })}
      </svg>
      {scores.length === 0 && <div className="chart-empty">No votes were cast</div>}
    </div>
  );
}
