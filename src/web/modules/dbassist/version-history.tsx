import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField } from '../../components/field';
import { SkeletonRows } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import type { SchemaVersion } from './client';
import { useConnectionContext } from './connection-context';
import { historyPath, schemaPath } from './dbassist-paths';
import { SchemaDiffView } from './schema-diff-view';

function optionLabel(version: SchemaVersion): string {
  return `v${version.sequence} · ${formatDateTime(version.createdAt)} · ${version.tableCount} tables`;
}

/**
 * /databases/{connectionId}/history: the versions of the connection's schema, newest first; two of them picked
 * (`?from=&to=`) show their diff and the migration SQL.
 */
export function VersionHistory() {
  const { connection } = useConnectionContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const versions = usePagedList<SchemaVersion>(`versions|${connection.id}|${connection.latestSchema?.id ?? ''}`, (cursor, signal) =>
    api.dbassist.connections.versions(connection.id, { limit: 100, cursor }, signal),
  );
  const [pickFrom, setPickFrom] = useState(from ?? '');
  const [pickTo, setPickTo] = useState(to ?? '');

  // Until someone picks, the two newest versions are proposed.
  useEffect(() => {
    if (versions.status !== 'ready') return;
    setPickFrom((current) => current || versions.items[1]?.id || '');
    setPickTo((current) => current || versions.items[0]?.id || '');
  }, [versions.status, versions.items]);
  useEffect(() => {
    if (from) setPickFrom(from);
    if (to) setPickTo(to);
  }, [from, to]);

  if (versions.status === 'loading') return <SkeletonRows rows={3} />;
  if (versions.status === 'error') return <ErrorBanner error={versions.error} title="The versions could not be loaded." onRetry={versions.reload} />;
  if (versions.items.length === 0) {
    return (
      <EmptyState title="No version yet" testId="history-empty">
        Ingest the schema to take its first version.
      </EmptyState>
    );
  }

  const previousOf = (index: number) => versions.items[index + 1];

  return (
    <div className="dba-history" data-testid="version-history">
      <form
        className="dba-compare"
        onSubmit={(e) => {
          e.preventDefault();
          if (pickFrom && pickTo) void navigate(historyPath(connection.id, pickFrom, pickTo));
        }}
        aria-label="Compare two versions"
      >
        <SelectField label="From" value={pickFrom} onChange={(e) => setPickFrom(e.target.value)} data-testid="diff-from">
          {versions.items.map((version) => (
            <option key={version.id} value={version.id}>
              {optionLabel(version)}
            </option>
          ))}
        </SelectField>
        <SelectField label="To" value={pickTo} onChange={(e) => setPickTo(e.target.value)} data-testid="diff-to">
          {versions.items.map((version) => (
            <option key={version.id} value={version.id}>
              {optionLabel(version)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary dba-compare-button" disabled={!pickFrom || !pickTo || pickFrom === pickTo} data-testid="diff-compare">
          Compare
        </button>
      </form>
      {versions.items.length === 1 && <p className="muted">Only one version so far: a re-ingest after the schema changes makes the next one.</p>}

      {from && to && <SchemaDiffView key={`${from}|${to}`} fromId={from} toId={to} />}

      <section className="dba-section" aria-label="Versions">
        <h3 className="section-title">Versions</h3>
        <div className="table-wrap">
          <table className="table table-dense" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Taken</th>
                <th scope="col" className="hide-narrow">
                  Tables
                </th>
                <th scope="col" className="hide-narrow">
                  Columns
                </th>
                <th scope="col" className="cell-actions">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.items.map((version, index) => {
                const previous = previousOf(index);
                return (
                  <tr key={version.id} data-testid="version-row">
                    <th scope="row">
                      <Link to={schemaPath(connection.id, version.id)} className="dba-mono">
                        {version.version}
                      </Link>
                      {index === 0 && <span className="tag tag-accent dba-latest">latest</span>}
                    </th>
                    <td>{formatDateTime(version.createdAt)}</td>
                    <td className="hide-narrow">{version.tableCount}</td>
                    <td className="hide-narrow">{version.columnCount}</td>
                    <td className="cell-actions">
                      {previous && (
                        <Link className="btn btn-ghost btn-sm" to={historyPath(connection.id, previous.id, version.id)} data-testid="compare-previous">
                          Changes since v{previous.sequence}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {versions.hasMore && (
          <div className="load-more">
            <button type="button" className="btn btn-secondary" onClick={versions.loadMore} disabled={versions.loadingMore}>
              {versions.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
