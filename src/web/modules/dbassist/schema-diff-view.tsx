import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { useResource } from '../../lib/use-resource';
import type { SchemaDiff, TableChange } from './client';

/** An attribute's value as people read it: `true` → yes, lists joined, nothing → none. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `(${value.map(show).join(', ')})`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? 'none';
}

function Change({ what, from, to }: { what: string; from: unknown; to: unknown }) {
  return (
    <span className="dba-change">
      {what}: <del>{show(from)}</del> → <ins>{show(to)}</ins>
    </span>
  );
}

/** Names added and removed, as + and − lines. */
function AddedRemoved({ label, added, removed, changed = [] }: { label: string; added: string[]; removed: string[]; changed?: string[] }) {
  if (added.length + removed.length + changed.length === 0) return null;
  return (
    <li>
      <strong>{label}</strong>
      <ul className="dba-diff-lines">
        {added.map((name) => (
          <li key={`+${name}`} className="dba-added">
            + <span className="dba-mono">{name}</span>
          </li>
        ))}
        {removed.map((name) => (
          <li key={`-${name}`} className="dba-removed">
            − <span className="dba-mono">{name}</span>
          </li>
        ))}
        {changed.map((name) => (
          <li key={`~${name}`} className="dba-changed">
            ~ <span className="dba-mono">{name}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function TableChangeView({ change }: { change: TableChange }) {
  const { columns } = change;
  return (
    <li className="dba-diff-table" data-testid="diff-changed-table" data-table={change.table}>
      <h4 className="dba-mono">{change.table}</h4>
      <ul className="dba-diff-parts">
        {(columns.added.length > 0 || columns.removed.length > 0 || columns.changed.length > 0) && (
          <li>
            <strong>Columns</strong>
            <ul className="dba-diff-lines">
              {columns.added.map((name) => (
                <li key={`+${name}`} className="dba-added" data-testid="diff-column-added">
                  + <span className="dba-mono">{name}</span>
                </li>
              ))}
              {columns.removed.map((name) => (
                <li key={`-${name}`} className="dba-removed" data-testid="diff-column-removed">
                  − <span className="dba-mono">{name}</span>
                </li>
              ))}
              {columns.changed.map((column) => (
                <li key={`~${column.column}`} className="dba-changed" data-testid="diff-column-changed">
                  ~ <span className="dba-mono">{column.column}</span>{' '}
                  {column.changes.map((c, index) => (
                    <Change key={index} what={c.what} from={c.from} to={c.to} />
                  ))}
                </li>
              ))}
            </ul>
          </li>
        )}
        {change.primaryKey && (
          <li>
            <strong>Primary key</strong> <Change what={change.primaryKey.what} from={change.primaryKey.from} to={change.primaryKey.to} />
          </li>
        )}
        <AddedRemoved label="Foreign keys" added={change.foreignKeys.added} removed={change.foreignKeys.removed} />
        <AddedRemoved label="Indexes" added={change.indexes.added} removed={change.indexes.removed} changed={change.indexes.changed} />
        <AddedRemoved label="Unique constraints" added={change.uniques.added} removed={change.uniques.removed} />
        <AddedRemoved label="Checks" added={change.checks.added} removed={change.checks.removed} />
        {change.other.length > 0 && (
          <li>
            <strong>Other</strong>{' '}
            {change.other.map((c, index) => (
              <Change key={index} what={c.what} from={c.from} to={c.to} />
            ))}
          </li>
        )}
      </ul>
    </li>
  );
}

function CopyButton({ text }: { text: string }) {
  const toast = useToast();
  return (
    <button
      type="button"
      className="btn btn-secondary btn-sm"
      onClick={() => {
        navigator.clipboard
          .writeText(text)
          .then(() => toast.show('Migration SQL copied'))
          .catch(() => toast.show('The clipboard is not available in this browser', { tone: 'error' }));
      }}
      data-testid="copy-sql"
    >
      Copy SQL
    </button>
  );
}

/** What changed between two versions, table by table, and the PostgreSQL migration from one to the other. */
export function SchemaDiffView({ fromId, toId }: { fromId: string; toId: string }) {
  const diff = useResource(`diff|${fromId}|${toId}`, (signal) => api.dbassist.schemas.diff(fromId, toId, signal));
  if (diff.status === 'loading') return <LoadingState label="Comparing the versions" />;
  if (diff.status === 'error') return <ErrorBanner error={diff.error} title="The versions could not be compared." onRetry={diff.reload} />;
  return <DiffBody diff={diff.data} />;
}

function DiffBody({ diff }: { diff: SchemaDiff }) {
  const nothing = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return (
    <section className="dba-diff card" aria-label="Differences" data-testid="schema-diff">
      <h3 className="section-title">
        From <span className="dba-mono">{diff.from.version}</span> to <span className="dba-mono">{diff.to.version}</span>
      </h3>
      {nothing ? (
        <p className="muted" data-testid="diff-none">
          No difference: the two versions describe the same schema.
        </p>
      ) : (
        <>
          <p className="dba-diff-summary" data-testid="diff-summary">
            {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed {diff.changed.length === 1 ? 'table' : 'tables'}
          </p>
          <ul className="dba-diff-parts">
            {diff.added.length > 0 && (
              <li>
                <strong>Tables added</strong>
                <ul className="dba-diff-lines">
                  {diff.added.map((name) => (
                    <li key={name} className="dba-added" data-testid="diff-table-added">
                      + <span className="dba-mono">{name}</span>
                    </li>
                  ))}
                </ul>
              </li>
            )}
            {diff.removed.length > 0 && (
              <li>
                <strong>Tables removed</strong>
                <ul className="dba-diff-lines">
                  {diff.removed.map((name) => (
                    <li key={name} className="dba-removed" data-testid="diff-table-removed">
                      − <span className="dba-mono">{name}</span>
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </ul>
          {diff.changed.length > 0 && (
            <ul className="dba-diff-tables" aria-label="Changed tables">
              {diff.changed.map((change) => (
                <TableChangeView key={change.table} change={change} />
              ))}
            </ul>
          )}
        </>
      )}
      {diff.sql.trim() !== '' && (
        <div className="dba-sql">
          <div className="dba-sql-head">
            <h4>Migration SQL (PostgreSQL)</h4>
            <CopyButton text={diff.sql} />
          </div>
          <pre className="dba-code" data-testid="diff-sql">
            <code>{diff.sql}</code>
          </pre>
        </div>
      )}
    </section>
  );
}
