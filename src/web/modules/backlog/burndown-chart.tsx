import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { niceMax } from '../ai/usage-chart';
import type { Burndown } from './client';
import { useWidth } from './use-width';

const HEIGHT = 260;
const MARGIN = { top: 14, right: 16, bottom: 30, left: 40 };
const TICKS = 4;

function shortDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Today as the burndown's days are written: a UTC calendar date. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The sprint's burndown, drawn by hand in SVG: points remaining at the end of each day up to today, the ideal straight
 * line from the starting scope to zero, and the scope line (points in the sprint), which rises when work is added.
 */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const [hover, setHover] = useState<number | null>(null);
  const days = burndown.days;
  const today = todayUtc();
  // Days still to come carry no remaining points or scope yet: only the ideal line reaches them.
  const past = days.flatMap((d) => (d.remainingPoints !== null && d.scopePoints !== null && d.remainingCount !== null ? [{ ...d, remainingPoints: d.remainingPoints, scopePoints: d.scopePoints, remainingCount: d.remainingCount }] : []));
  const latest = past.at(-1);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceMax(Math.max(0, burndown.startScope, ...days.map((d) => Math.max(d.scopePoints ?? 0, d.idealPoints, d.remainingPoints ?? 0))));
  const step = days.length > 1 ? plotWidth / (days.length - 1) : plotWidth;
  const x = (i: number) => MARGIN.left + (days.length > 1 ? step * i : plotWidth / 2);
  const y = (points: number) => MARGIN.top + plotHeight - (points / top) * plotHeight;
  const line = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  // Both lines start at the scope the sprint started with; each day's tick then shows where the day ended, so a drop
  // on the first day is drawn too. The scope changes at the end of a day: a step, not a slope.
  const start = `M${x(0).toFixed(1)},${y(burndown.startScope).toFixed(1)}`;
  const remainingPath = `${start} ${past.map((d, i) => `L${x(i).toFixed(1)},${y(d.remainingPoints).toFixed(1)}`).join(' ')}`;
  const scopePath = `${start} ${past.map((d, i) => `H${x(i).toFixed(1)} V${y(d.scopePoints).toFixed(1)}`).join(' ')}`;
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(plotWidth / 64))));
  const hovered = hover === null ? undefined : days[hover];

  return (
    <div className="chart burndown-chart" ref={ref} data-testid="burndown-chart" data-remaining={latest?.remainingPoints ?? ''} data-days={past.length}>
      <div className="chart-legend" aria-hidden="true">
        <span>
          <i className="legend-line legend-remaining" /> Remaining points
        </span>
        <span>
          <i className="legend-line legend-ideal" /> Ideal
        </span>
        <span>
          <i className="legend-line legend-scope" /> Scope
        </span>
      </div>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={
          latest
            ? `Burndown from ${formatDate(burndown.startDate)} to ${formatDate(burndown.endDate)}: ${latest.remainingPoints} of ${latest.scopePoints} points remain on ${formatDate(latest.date)}.`
            : `Burndown from ${formatDate(burndown.startDate)} to ${formatDate(burndown.endDate)}: the sprint has not reached its first day.`
        }
        onMouseLeave={() => setHover(null)}
      >
        {Array.from({ length: TICKS + 1 }, (_, i) => {
          const value = (top / TICKS) * i;
          return (
            <g key={i} className="chart-grid">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(value)} y2={y(value)} />
              <text x={MARGIN.left - 8} y={y(value)} dy="0.32em" textAnchor="end" className="chart-tick">
                {Math.round(value)}
              </text>
            </g>
          );
        })}
        {days.map((d, i) =>
          (days.length - 1 - i) % labelEvery === 0 ? (
            <text key={d.date} x={x(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className={d.date === today ? 'chart-tick chart-tick-today' : 'chart-tick'}>
              {shortDay(d.date)}
            </text>
          ) : null,
        )}
        {days.length > 0 && <path className="burndown-ideal" d={line(days.map((d) => d.idealPoints))} />}
        {past.length > 0 && <path className="burndown-scope" d={scopePath} />}
        {past.length > 0 && <path className="burndown-remaining" d={remainingPath} data-testid="burndown-remaining-line" />}
        {past.map((d, i) => (
          <circle key={d.date} className="burndown-dot" cx={x(i)} cy={y(d.remainingPoints)} r={hover === i ? 4.5 : 3} />
        ))}
        {days.map((d, i) => (
          <rect
            key={d.date}
            className="chart-hit"
            x={x(i) - step / 2}
            y={MARGIN.top}
            width={Math.max(step, 8)}
            height={plotHeight}
            onMouseEnter={() => setHover(i)}
          >
            <title>
              {d.remainingPoints !== null
                ? `${formatDate(d.date)}: ${d.remainingPoints} points (${d.remainingCount} stories) remaining of ${d.scopePoints}; ideal ${Math.round(d.idealPoints * 10) / 10}`
                : `${formatDate(d.date)}: still to come; ideal ${Math.round(d.idealPoints * 10) / 10}`}
            </title>
          </rect>
        ))}
        <line className="chart-baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} />
      </svg>
      {hovered && hover !== null && (
        <div className="chart-tooltip" style={{ left: Math.min(Math.max(x(hover), 90), width - 90), top: Math.max(0, y(Math.max(hovered.remainingPoints ?? 0, hovered.scopePoints ?? 0, hovered.idealPoints)) - 8) }} aria-hidden="true">
          <strong>{formatDate(hovered.date)}</strong>
          {hovered.remainingPoints !== null ? (
            <span>
              {hovered.remainingPoints} pts · {hovered.remainingCount} {hovered.remainingCount === 1 ? 'story' : 'stories'} remaining
            </span>
          ) : (
            <span>Still to come</span>
          )}
          <span>
            {hovered.scopePoints !== null ? `Scope ${hovered.scopePoints} pts · ` : ''}ideal {Math.round(hovered.idealPoints * 10) / 10}
          </span>
        </div>
      )}
      <table className="sr-only">
        <caption>Burndown per day</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Remaining points</th>
            <th>Scope</th>
          </tr>
        </thead>
        <tbody>
          {past.map((d) => (
            <tr key={d.date}>
              <td>{formatDate(d.date)}</td>
              <td>{d.remainingPoints}</td>
              <td>{d.scopePoints}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
