import { useEffect, useRef, useState } from 'react';
import type { UsageBucket } from './client';
import { formatCompact, formatDate, formatNumber, formatUsd } from '../../lib/format';

const HEIGHT = 240;
const MARGIN = { top: 14, right: 60, bottom: 30, left: 52 };
const TICKS = 4;

/** A round top for an axis of TICKS equal steps: 0 → 4, 1250 → 2000 (steps of 500), 0.0058 → 0.008. */
export function niceMax(value: number): number {
  if (value <= 0) return TICKS;
  const rough = value / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= rough) ?? 10;
  return step * magnitude * TICKS;
}

function costTick(value: number): string {
  if (value === 0) return '$0';
  if (value >= 100) return `$${formatCompact(value)}`;
  if (value >= 1) return `$${value.toFixed(value % 1 === 0 ? 0 : 2)}`;
  return `$${Number(value.toPrecision(2))}`;
}

function shortDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date(`${day}T00:00:00`));
}

function describeDay(bucket: UsageBucket): string {
  const calls = `${formatNumber(bucket.calls)} call${bucket.calls === 1 ? '' : 's'}`;
  const failed = bucket.failedCalls ? ` (${formatNumber(bucket.failedCalls)} failed)` : '';
  return `${formatDate(bucket.key)}: ${calls}${failed} · ${formatNumber(bucket.tokensIn)} tokens in · ${formatNumber(bucket.tokensOut)} tokens out · ${formatUsd(bucket.cost)}`;
}

/**
 * Tokens per day as stacked bars (in and out) with the day's cost as a line on its own axis. Each day has a hover
 * title, and the whole chart has a text summary for screen readers.
 */
export function UsageChart({ days }: { days: UsageBucket[] }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(760);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const element = wrapRef.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(320, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const tokenMax = niceMax(Math.max(0, ...days.map((d) => d.tokensIn + d.tokensOut)));
  const costMax = days.some((d) => d.cost > 0) ? niceMax(Math.max(...days.map((d) => d.cost))) : 0.04;
  const band = days.length ? plotWidth / days.length : plotWidth;
  const barWidth = Math.max(2, Math.min(28, band * 0.62));
  const y = (tokens: number) => MARGIN.top + plotHeight - (tokens / tokenMax) * plotHeight;
  const yCost = (cost: number) => MARGIN.top + plotHeight - (cost / costMax) * plotHeight;
  const xCenter = (index: number) => MARGIN.left + band * index + band / 2;
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(plotWidth / 72))));
  const hasCost = days.some((d) => d.cost > 0);
  const empty = days.every((d) => d.calls === 0);
  const costPath = days.map((d, i) => `${i === 0 ? 'M' : 'L'}${xCenter(i).toFixed(1)},${yCost(d.cost).toFixed(1)}`).join(' ');
  const hovered = hover === null ? undefined : days[hover];
  const totalTokens = days.reduce((sum, d) => sum + d.tokensIn + d.tokensOut, 0);
  const totalCost = days.reduce((sum, d) => sum + d.cost, 0);

  return (
    <div className="chart" ref={wrapRef} data-testid="usage-chart">
      <div className="chart-legend" aria-hidden="true">
        <span>
          <i className="legend-swatch legend-in" /> Tokens in
        </span>
        <span>
          <i className="legend-swatch legend-out" /> Tokens out
        </span>
        <span>
          <i className="legend-line" /> {hasCost ? 'Cost (right axis)' : 'Cost (nothing was charged in this period)'}
        </span>
      </div>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={`Tokens and cost per day from ${days[0] ? formatDate(days[0].key) : ''} to ${days.at(-1) ? formatDate(days.at(-1)!.key) : ''}: ${formatNumber(totalTokens)} tokens, ${formatUsd(totalCost)} in total.`}
        onMouseLeave={() => setHover(null)}
      >
        {Array.from({ length: TICKS + 1 }, (_, i) => {
          const tokens = (tokenMax / TICKS) * i;
          const lineY = y(tokens);
          return (
            <g key={i} className="chart-grid">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={lineY} y2={lineY} />
              <text x={MARGIN.left - 8} y={lineY} dy="0.32em" textAnchor="end" className="chart-tick">
                {formatCompact(tokens)}
              </text>
              {hasCost && (
                <text x={width - MARGIN.right + 8} y={lineY} dy="0.32em" textAnchor="start" className="chart-tick chart-tick-cost">
                  {costTick((costMax / TICKS) * i)}
                </text>
              )}
            </g>
          );
        })}
        <text className="chart-axis-title" transform={`translate(12 ${MARGIN.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
          Tokens
        </text>
        {hasCost && (
          <text className="chart-axis-title" transform={`translate(${width - 10} ${MARGIN.top + plotHeight / 2}) rotate(90)`} textAnchor="middle">
            Cost (USD)
          </text>
        )}

        {days.map((day, i) => {
          const x = xCenter(i) - barWidth / 2;
          const inTop = y(day.tokensIn);
          const outTop = y(day.tokensIn + day.tokensOut);
          return (
            <g key={day.key} className={hover === i ? 'chart-day active' : 'chart-day'} onMouseEnter={() => setHover(i)}>
              <title>{describeDay(day)}</title>
              <rect className="chart-hit" x={MARGIN.left + band * i} y={MARGIN.top} width={band} height={plotHeight} />
              {day.tokensIn > 0 && <rect className="chart-bar-in" x={x} y={inTop} width={barWidth} height={MARGIN.top + plotHeight - inTop} rx={Math.min(2, barWidth / 4)} />}
              {day.tokensOut > 0 && <rect className="chart-bar-out" x={x} y={outTop} width={barWidth} height={inTop - outTop} rx={Math.min(2, barWidth / 4)} />}
              {(days.length - 1 - i) % labelEvery === 0 && (
                <text x={xCenter(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="chart-tick">
                  {shortDay(day.key)}
                </text>
              )}
            </g>
          );
        })}

        {hasCost && (
          <g className="chart-cost" pointerEvents="none">
            <path d={costPath} />
            {days.map((day, i) => (day.cost > 0 ? <circle key={day.key} cx={xCenter(i)} cy={yCost(day.cost)} r={hover === i ? 4 : 2.5} /> : null))}
          </g>
        )}
        <line className="chart-baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} />
      </svg>
      {empty && <div className="chart-empty">No AI calls in this period</div>}
      {hovered && hover !== null && (
        <div
          className="chart-tooltip"
          style={{ left: Math.min(Math.max(xCenter(hover), 90), width - 90), top: Math.max(0, y(hovered.tokensIn + hovered.tokensOut) - 8) }}
          aria-hidden="true"
        >
          <strong>{formatDate(hovered.key)}</strong>
          <span>
            {formatNumber(hovered.calls)} call{hovered.calls === 1 ? '' : 's'}
            {hovered.failedCalls ? ` · ${formatNumber(hovered.failedCalls)} failed` : ''}
          </span>
          <span>
            {formatNumber(hovered.tokensIn)} in · {formatNumber(hovered.tokensOut)} out
          </span>
          <span>{formatUsd(hovered.cost)}</span>
        </div>
      )}
    </div>
  );
}
