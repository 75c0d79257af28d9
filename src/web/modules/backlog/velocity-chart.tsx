import { niceMax } from '../ai/usage-chart';
import type { Velocity } from './client';
import { useWidth } from './use-width';

const HEIGHT = 220;
const MARGIN = { top: 14, right: 16, bottom: 34, left: 40 };
const TICKS = 4;

/**
 * Velocity of the last completed sprints, drawn by hand in SVG: for each sprint the points committed at its start
 * beside the points completed, and the rolling average of completed points as a dashed line.
 */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const sprints = velocity.sprints;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceMax(Math.max(0, velocity.average, ...sprints.map((s) => Math.max(s.committed, s.completed))));
  const band = sprints.length ? plotWidth / sprints.length : plotWidth;
  const bar = Math.max(4, Math.min(28, band * 0.3));
  const y = (points: number) => MARGIN.top + plotHeight - (points / top) * plotHeight;
  const center = (i: number) => MARGIN.left + band * i + band / 2;

  return (
    <div className="chart velocity-chart" ref={ref} data-testid="velocity-chart" data-average={velocity.average}>
      <div className="chart-legend" aria-hidden="true">
        <span>
          <i className="legend-swatch legend-committed" /> Committed
        </span>
        <span>
          <i className="legend-swatch legend-completed" /> Completed
        </span>
        <span>
          <i className="legend-line legend-average" /> Average {Math.round(velocity.average * 10) / 10} pts
        </span>
      </div>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={`Velocity of the last ${sprints.length} completed ${sprints.length === 1 ? 'sprint' : 'sprints'}: ${sprints
          .map((s) => `${s.name} ${s.completed} of ${s.committed} points`)
          .join('; ')}. Average ${Math.round(velocity.average * 10) / 10} points.`}
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
        {sprints.map((s, i) => (
          <g key={s.sprintId} data-testid="velocity-sprint">
            <title>{`${s.name}: ${s.completed} of ${s.committed} committed points completed`}</title>
            <rect className="velocity-committed" x={center(i) - bar - 1} y={y(s.committed)} width={bar} height={MARGIN.top + plotHeight - y(s.committed)} rx={2} />
            <rect className="velocity-completed" x={center(i) + 1} y={y(s.completed)} width={bar} height={MARGIN.top + plotHeight - y(s.completed)} rx={2} />
            <text x={center(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="chart-tick">
              {s.name.length > 14 ? `${s.name.slice(0, 13)}…` : s.name}
            </text>
          </g>
        ))}
        {sprints.length > 0 && <line className="velocity-average" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(velocity.average)} y2={y(velocity.average)} />}
        <line className="chart-baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} />
      </svg>
      {sprints.length === 0 && <div className="chart-empty">No completed sprint yet: velocity appears once one is completed</div>}
    </div>
  );
}
