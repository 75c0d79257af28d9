import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { SkeletonRows } from '../../components/spinner';
import { formatDate, formatNumber } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import type { AnalyticsReport } from './client';

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The project's measured success metrics from Google Analytics, beside the ones the brief states: daily active users,
 * sessions and conversions (GA4 key events) for a date range, with totals. Says so when no integration is set up.
 */
export function ProjectAnalyticsCard({ projectId }: { projectId: string }) {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const report = useResource<AnalyticsReport>(`${projectId}:${range.from ?? ''}:${range.to ?? ''}`, (signal) =>
    api.analytics.project(projectId, range, signal),
  );
  const from = range.from ?? report.data?.from ?? '';
  const to = range.to ?? report.data?.to ?? '';

  return (
    <section className="card analytics-card" aria-labelledby="analytics-heading" data-testid="project-analytics">
      <div className="section-head">
        <h2 className="section-title" id="analytics-heading">
          Success metrics in Google Analytics
        </h2>
        {report.data?.configured && (
          <span className="muted section-aside" data-testid="analytics-source">
            {report.data.integrationName} · property {report.data.propertyId}
          </span>
        )}
      </div>

      {(report.data?.configured !== false || range.from !== undefined) && (
        <div className="toolbar analytics-toolbar">
          <label className="date-field">
            <span>From</span>
            <input
              className="input input-sm"
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => isDay(e.target.value) && setRange({ from: e.target.value, to })}
              data-testid="analytics-from"
            />
          </label>
          <label className="date-field">
            <span>To</span>
            <input
              className="input input-sm"
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => isDay(e.target.value) && setRange({ from, to: e.target.value })}
              data-testid="analytics-to"
            />
          </label>
          {from && to && (
            <span className="toolbar-count">
              {formatDate(from)} – {formatDate(to)} · days in UTC
            </span>
          )}
        </div>
      )}

      {report.status === 'error' && <ErrorBanner error={report.error} title="Google Analytics could not be read." onRetry={report.reload} />}
      {report.status === 'loading' && <SkeletonRows rows={3} />}
      {report.status === 'ready' && !report.data.configured && (
        <p className="muted" data-testid="analytics-not-configured">
          {report.data.message}
        </p>
      )}
      {report.status === 'ready' && report.data.configured && report.data.totals && (
        <>
          <div className="stat-grid">
            <Stat label="Active users" note="distinct users over the range" value={report.data.totals.activeUsers} testId="analytics-total-users" />
            <Stat label="Sessions" value={report.data.totals.sessions} testId="analytics-total-sessions" />
            <Stat label="Conversions" note="GA4 key events" value={report.data.totals.conversions} testId="analytics-total-conversions" />
          </div>
          {report.data.message && <p className="muted">{report.data.message}</p>}
          <div className="table-wrap analytics-days">
            <table className="table" data-testid="analytics-days">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" className="num">
                    Active users
                  </th>
                  <th scope="col" className="num">
                    Sessions
                  </th>
                  <th scope="col" className="num">
                    Conversions
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.days.map((day) => (
                  <tr key={day.date} data-testid="analytics-day" data-date={day.date}>
                    <td>{formatDate(day.date)}</td>
                    <td className="num">{formatNumber(day.activeUsers)}</td>
                    <td className="num">{formatNumber(day.sessions)}</td>
                    <td className="num">{formatNumber(day.conversions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Stat({ label, value, note, testId }: { label: string; value: number; note?: string; testId: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {formatNumber(value)}
      </span>
      {note && <span className="stat-note">{note}</span>}
    </div>
  );
}
