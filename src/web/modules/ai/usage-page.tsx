import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AiProvider, Credits, Usage, UsageBucket } from './client';
import { ErrorBanner } from '../../components/error-banner';
import { RestoreIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { PageHeader } from '../../layout/page-header';
import { featureLabel, providerNames } from './ai-labels';
import { formatDate, formatNumber, formatUsd } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useOrganization } from '../../lib/workspace';
import { AiCallsTable } from './ai-calls-table';
import { UsageChart } from './usage-chart';

const DAY_MS = 86_400_000;
const presets = [7, 30, 90];

/** Days are UTC, as the server counts them. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function lastDays(days: number): { from: string; to: string } {
  const today = Date.now();
  return { from: isoDay(today - (days - 1) * DAY_MS), to: isoDay(today) };
}

function spanOf(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

type Report = { days: Usage; models: Usage; features: Usage };

export function UsagePage() {
  const organization = useOrganization();
  useTitle('Usage', organization.name);
  const [params, setParams] = useSearchParams();
  const fallback = lastDays(30);
  const from = isDay(params.get('from')) ? params.get('from')! : fallback.from;
  const to = isDay(params.get('to')) ? params.get('to')! : fallback.to;
  const [refreshKey, setRefreshKey] = useState(0);

  const report = useResource<Report>(`${organization.id}:${from}:${to}:${refreshKey}`, async (signal) => {
    const query = { organizationId: organization.id, from, to };
    const [days, models, features] = await Promise.all([
      api.ai.usage({ ...query, groupBy: 'day' }, signal),
      api.ai.usage({ ...query, groupBy: 'model' }, signal),
      api.ai.usage({ ...query, groupBy: 'feature' }, signal),
    ]);
    return { days, models, features };
  });
  const credits = useResource<Credits>(`credits:${refreshKey}`, (signal) => api.ai.credits(signal));

  const setRange = (range: { from: string; to: string }) => {
    const next = new URLSearchParams(params);
    next.set('from', range.from);
    next.set('to', range.to);
    setParams(next, { replace: true });
  };
  const span = spanOf(from, to);
  // Read on every render on purpose: after midnight (UTC) the next render highlights the preset for the new day.
  const today = isoDay(Date.now());
  const activePreset = to === today ? presets.find((days) => days === span) : undefined;

  return (
    <div className="page" data-testid="usage-page">
      <PageHeader
        title="Usage"
        subtitle={`AI calls, tokens and cost of ${organization.name} · days in UTC`}
        actions={
          <button type="button" className="btn btn-secondary" onClick={() => setRefreshKey((k) => k + 1)} data-testid="usage-refresh">
            <RestoreIcon size={15} /> Refresh
          </button>
        }
      />
      <div className="toolbar usage-toolbar">
        <div className="segmented" role="group" aria-label="Period">
          {presets.map((days) => (
            <button key={days} type="button" className={activePreset === days ? 'active' : ''} aria-pressed={activePreset === days} onClick={() => setRange(lastDays(days))}>
              {days} days
            </button>
          ))}
        </div>
        <label className="date-field">
          <span>From</span>
          <input
            className="input input-sm"
            type="date"
            value={from}
            max={to}
            onChange={(e) => isDay(e.target.value) && setRange({ from: e.target.value, to })}
            data-testid="usage-from"
          />
        </label>
        <label className="date-field">
          <span>To</span>
          <input
            className="input input-sm"
            type="date"
            value={to}
            min={from}
            onChange={(e) => isDay(e.target.value) && setRange({ from, to: e.target.value })}
            data-testid="usage-to"
          />
        </label>
        <span className="toolbar-count">
          {formatDate(from)} – {formatDate(to)} · {span} day{span === 1 ? '' : 's'}
        </span>
      </div>

      {report.status === 'error' && <ErrorBanner error={report.error} title="The usage could not be loaded." onRetry={report.reload} />}

      <div className="stat-grid" aria-busy={report.status === 'loading'}>
        <Stat label="Calls" testId="usage-total-calls" value={report.data ? formatNumber(report.data.days.totals.calls) : undefined} />
        <Stat label="Tokens in" testId="usage-total-tokens-in" value={report.data ? formatNumber(report.data.days.totals.tokensIn) : undefined} />
        <Stat label="Tokens out" testId="usage-total-tokens-out" value={report.data ? formatNumber(report.data.days.totals.tokensOut) : undefined} />
        <Stat label="Cost" testId="usage-total-cost" value={report.data ? formatUsd(report.data.days.totals.cost) : undefined} />
        <Stat
          label="Failed calls"
          testId="usage-total-failed"
          value={report.data ? formatNumber(report.data.days.totals.failedCalls) : undefined}
          note={
            report.data && report.data.days.totals.calls > 0
              ? `${Math.round((report.data.days.totals.failedCalls / report.data.days.totals.calls) * 100)}% of calls`
              : undefined
          }
          tone={report.data && report.data.days.totals.failedCalls > 0 ? 'warning' : undefined}
        />
        <CreditsStat credits={credits.data} error={credits.error} />
      </div>

      <section className="card usage-section" aria-labelledby="per-day-heading">
        <h2 className="section-title" id="per-day-heading">
          Tokens and cost per day
        </h2>
        {report.status === 'ready' ? <UsageChart days={report.data.days.buckets} /> : <div className="chart-placeholder skeleton" />}
      </section>

      <div className="usage-columns">
        <section className="usage-section" aria-labelledby="per-model-heading">
          <h2 className="section-title" id="per-model-heading">
            By model
          </h2>
          {report.status === 'ready' ? (
            <BreakdownTable
              testId="usage-by-model"
              heading="Model"
              buckets={report.data.models.buckets}
              total={report.data.models.totals.cost}
              label={(key) => <ModelKey value={key} />}
            />
          ) : (
            report.status === 'loading' && <SkeletonRows rows={2} />
          )}
        </section>
        <section className="usage-section" aria-labelledby="per-feature-heading">
          <h2 className="section-title" id="per-feature-heading">
            By feature
          </h2>
          {report.status === 'ready' ? (
            <BreakdownTable
              testId="usage-by-feature"
              heading="Feature"
              buckets={report.data.features.buckets}
              total={report.data.features.totals.cost}
              label={(key) => <span title={key}>{featureLabel(key)}</span>}
            />
          ) : (
            report.status === 'loading' && <SkeletonRows rows={2} />
          )}
        </section>
      </div>

      <section className="usage-section" aria-labelledby="recent-calls-heading">
        <div className="section-head">
          <h2 className="section-title" id="recent-calls-heading">
            Recent AI calls
          </h2>
          <span className="muted section-aside">All time, newest first · select a row for its prompt and response</span>
        </div>
        <AiCallsTable organizationId={organization.id} refreshKey={refreshKey} />
      </section>
      <p className="muted usage-footnote">
        Costs are estimates from the server’s price list for each model; the offline engine and local models cost nothing.
        Budgets and the provider are set under <Link to="/settings/ai">AI provider</Link>.
      </p>
    </div>
  );
}

function Stat({ label, value, note, testId, tone }: { label: string; value: string | undefined; note?: ReactNode; testId: string; tone?: 'warning' }) {
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <span className="stat-label">{label}</span>
      {value === undefined ? <span className="skeleton stat-skeleton" /> : <span className="stat-value" data-testid={testId}>{value}</span>}
      {note && <span className="stat-note">{note}</span>}
    </div>
  );
}

function CreditsStat({ credits, error }: { credits: Credits | undefined; error: unknown }) {
  if (error) return <Stat label="Your chat credits" value="—" note="Could not be loaded" testId="usage-credits" />;
  if (!credits) return <Stat label="Your chat credits" value={undefined} testId="usage-credits" />;
  if (credits.unlimited || credits.remaining === null) {
    return <Stat label="Your chat credits" value="Unlimited" note="No monthly cap on your account" testId="usage-credits" />;
  }
  const used = Math.max(0, credits.monthlyAllowance - credits.remaining);
  const share = credits.monthlyAllowance > 0 ? Math.min(100, (credits.remaining / credits.monthlyAllowance) * 100) : 0;
  return (
    <div className="stat">
      <span className="stat-label">Your chat credits</span>
      <span className="stat-value" data-testid="usage-credits">
        {formatNumber(credits.remaining)}
        <span className="stat-of"> / {formatNumber(credits.monthlyAllowance)}</span>
      </span>
      <span
        className="meter"
        role="meter"
        aria-label="Chat credits left"
        aria-valuemin={0}
        aria-valuemax={credits.monthlyAllowance}
        aria-valuenow={credits.remaining}
      >
        <span className={share < 15 ? 'meter-fill meter-low' : 'meter-fill'} style={{ width: `${share}%` }} />
      </span>
      <span className="stat-note">
        {formatNumber(used)} used · renews {formatDate(credits.resetAt)}
      </span>
    </div>
  );
}

function ModelKey({ value }: { value: string }) {
  const slash = value.indexOf('/');
  const provider = (slash > 0 ? value.slice(0, slash) : value) as AiProvider;
  return (
    <span className="model-key">
      <span>{provider === 'builtin' ? 'Offline engine' : (providerNames[provider] ?? provider)}</span>
      <code data-testid="usage-model-key">{value}</code>
    </span>
  );
}

function BreakdownTable({
  buckets,
  total,
  heading,
  label,
  testId,
}: {
  buckets: UsageBucket[];
  total: number;
  heading: string;
  label(key: string): ReactNode;
  testId: string;
}) {
  if (buckets.length === 0) return <p className="empty-inline muted">No AI calls in this period.</p>;
  const tokenTotal = buckets.reduce((sum, b) => sum + b.tokensIn + b.tokensOut, 0);
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => {
            // Share of the cost, or of the tokens when everything was free.
            const share = total > 0 ? bucket.cost / total : tokenTotal > 0 ? (bucket.tokensIn + bucket.tokensOut) / tokenTotal : 0;
            return (
              <tr key={bucket.key} data-testid="usage-row">
                <td>
                  {label(bucket.key)}
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(2, share * 100)}%` }} />
                  </span>
                </td>
                <td className="num nowrap">
                  {formatNumber(bucket.calls)}
                  {bucket.failedCalls > 0 && <span className="failed-count"> · {formatNumber(bucket.failedCalls)} failed</span>}
                </td>
                <td className="num nowrap">
                  {formatNumber(bucket.tokensIn)} / {formatNumber(bucket.tokensOut)}
                </td>
                <td className="num nowrap">{formatUsd(bucket.cost)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
