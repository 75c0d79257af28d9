import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { DownloadIcon, SparklesIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import type { LintReport, SchemaDetail, SchemaDoc } from './client';
import { useConnectionContext } from './connection-context';
import { kindLabels, lintRuleLabels, percent } from './dbassist-labels';
import { schemaPath, tableKeyOf } from './dbassist-paths';
import { GenerateDocsDialog } from './generate-docs-dialog';
import { TableDetail } from './table-detail';
import { TableList } from './table-list';

/**
 * /databases/{connectionId}/schemas/{schemaId}[/tables/{namespace.table}]: a version's tables on the left (searchable
 * by table and column names), the chosen table or an overview on the right, and the documentation coverage on top.
 */
export function SchemaBrowser() {
  const { schemaId = '', tableKey } = useParams();
  const { connection } = useConnectionContext();
  const schema = useResource(`schema|${schemaId}`, (signal) => api.dbassist.schemas.get(schemaId, signal));
  // A reload (after documentation was generated) keeps the page on screen, with its scroll and open editors.
  const last = useRef<SchemaDetail | null>(null);
  if (schema.data) last.current = schema.data;
  const data = schema.data ?? (schema.status === 'loading' && last.current?.id === schemaId ? last.current : undefined);
  if (schema.status === 'error') return <ErrorBanner error={schema.error} title="The schema could not be loaded." onRetry={schema.reload} />;
  if (!data) return <LoadingState label="Loading the schema" />;
  return <Browser key={schemaId} schema={data} tableKey={tableKey ?? null} connectionId={connection.id} reloadSchema={schema.reload} />;
}

function Browser({ schema, tableKey, connectionId, reloadSchema }: { schema: SchemaDetail; tableKey: string | null; connectionId: string; reloadSchema(): void }) {
  const { connection, canEdit } = useConnectionContext();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const setQuery = useCallback(
    (next: string) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next) updated.set('q', next);
          else updated.delete('q');
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  // On a narrow screen the list folds away once a table is open, so the table gets the screen.
  const [listOpen, setListOpen] = useState(tableKey === null);
  useEffect(() => {
    if (tableKey !== null) setListOpen(false);
  }, [tableKey]);
  const [generating, setGenerating] = useState(false);
  const docs = useResource(`docs|${schema.id}`, (signal) => api.dbassist.schemas.docs(schema.id, signal));
  const lint = useResource(`lint|${schema.id}`, (signal) => api.dbassist.schemas.lint(schema.id, signal));
  const [savedDocs, setSavedDocs] = useState<Map<string, SchemaDoc>>(new Map());

  // Docs are found by the row they document and by object key: a doc written on a newer version points at that
  // version's rows, and the key ("namespace.table.column") still finds it from an older one.
  const docsByRef = useMemo(() => {
    const map = new Map<string, SchemaDoc>();
    for (const doc of [...(docs.data?.items ?? []), ...savedDocs.values()]) {
      map.set(doc.refId, doc);
      if (doc.objectKey) map.set(doc.objectKey, doc);
    }
    return map;
  }, [docs.data, savedDocs]);

  const table = tableKey ? schema.tables.find((t) => tableKeyOf(t) === tableKey) : undefined;
  const isLatest = connection.latestSchema?.id === schema.id;

  const onDocSaved = (doc: SchemaDoc) => {
    setSavedDocs((current) => new Map(current).set(doc.refId, doc));
    toast.show('Description saved');
    // Coverage counts documented objects: a first text for one changes it.
    lint.reload();
  };

  return (
    <div className="dba-browser" data-testid="schema-browser" data-schema-id={schema.id}>
      <div className="dba-browser-bar">
        <div className="dba-version">
          <span className="muted">Version</span>{' '}
          <strong className="dba-mono" data-testid="schema-version">
            {schema.version}
          </strong>{' '}
          <span className="muted">· {formatDateTime(schema.createdAt)}</span>
          {!isLatest && connection.latestSchema && (
            <>
              {' '}
              ·{' '}
              <Link to={schemaPath(connectionId, connection.latestSchema.id)} data-testid="go-latest">
                a newer version exists
              </Link>
            </>
          )}
        </div>
        <Coverage lint={lint.data} status={lint.status} />
        <div className="dba-browser-actions">
          {canEdit && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setGenerating(true)} data-testid="generate-docs">
              <SparklesIcon size={14} /> Generate documentation
            </button>
          )}
          <a className="btn btn-secondary btn-sm" href={api.dbassist.schemas.docsZipUrl(schema.id)} download data-testid="docs-zip">
            <DownloadIcon size={14} /> Download docs (ZIP)
          </a>
        </div>
      </div>
      {docs.status === 'error' && <ErrorBanner error={docs.error} title="The documentation could not be loaded." onRetry={docs.reload} />}

      <div className={listOpen ? 'dba-browser-grid' : 'dba-browser-grid dba-list-closed'}>
        <TableList
          connectionId={connectionId}
          schemaId={schema.id}
          tables={schema.tables}
          selectedKey={table ? tableKeyOf(table) : null}
          query={query}
          onQuery={setQuery}
          open={listOpen}
          onToggle={() => setListOpen((open) => !open)}
          showNamespace={schema.namespaces.length > 1}
        />
        <div className="dba-browser-main">
          {tableKey && !table && (
            <EmptyState title="No such table in this version" testId="table-not-found">
              {tableKey} is not part of version {schema.version}. Pick a table from the list.
            </EmptyState>
          )}
          {table && (
            <TableDetail
              key={table.id}
              connectionId={connectionId}
              schema={schema}
              table={table}
              docsByRef={docsByRef}
              findings={lint.data?.findings ?? null}
              query={query}
              canEdit={canEdit}
              onDocSaved={onDocSaved}
            />
          )}
          {!tableKey && <Overview schema={schema} docsByRef={docsByRef} lint={lint.data} lintError={lint.error} connectionId={connectionId} />}
        </div>
      </div>

      <GenerateDocsDialog
        open={generating}
        schemaId={schema.id}
        tableKey={table ? tableKeyOf(table) : null}
        onClose={() => setGenerating(false)}
        onGenerated={() => {
          setGenerating(false);
          setSavedDocs(new Map());
          docs.reload();
          lint.reload();
          reloadSchema();
          toast.show('Documentation generated');
        }}
      />
    </div>
  );
}

/** The share of tables and columns with documentation, from the lint report. */
function Coverage({ lint, status }: { lint: LintReport | undefined; status: string }) {
  if (!lint) return <div className="dba-coverage muted">{status === 'error' ? 'Coverage unavailable' : 'Coverage…'}</div>;
  const { tables, columns } = lint.coverage;
  return (
    <div className="dba-coverage" data-testid="coverage" aria-label="Documentation coverage">
      <CoverageMeter label="Tables documented" share={tables} testId="coverage-tables" />
      <CoverageMeter label="Columns documented" share={columns} testId="coverage-columns" />
    </div>
  );
}

function CoverageMeter({ label, share, testId }: { label: string; share: number; testId: string }) {
  return (
    <div className="dba-meter">
      <span className="dba-meter-label">{label}</span>
      <strong className="dba-meter-value" data-testid={testId} data-share={share}>
        {percent(share)}
      </strong>
      <div className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className={share < 0.5 ? 'meter-fill meter-low' : 'meter-fill'} style={{ width: percent(share) }} />
      </div>
    </div>
  );
}

/** The version at a glance: counts, enums, lint findings by rule, and every table with its description. */
function Overview({
  schema,
  docsByRef,
  lint,
  lintError,
  connectionId,
}: {
  schema: SchemaDetail;
  /** Docs by the id of what they document and by object key. */
  docsByRef: Map<string, SchemaDoc>;
  lint: LintReport | undefined;
  lintError: unknown;
  connectionId: string;
}) {
  const columns = schema.tables.reduce((sum, t) => sum + t.columns.length, 0);
  const byRule = new Map<string, number>();
  for (const finding of lint?.findings ?? []) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  const showNamespace = schema.namespaces.length > 1;

  return (
    <div className="dba-overview" data-testid="schema-overview">
      <div className="stat-grid dba-stats">
        <div className="stat">
          <span className="stat-label">Tables and views</span>
          <span className="stat-value" data-testid="table-count">
            {schema.tables.length}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Columns</span>
          <span className="stat-value">{columns}</span>
        </div>
        <div className="stat">
          <span className="stat-label">Lint findings</span>
          <span className="stat-value">{lint ? lint.findings.length : '—'}</span>
        </div>
        <div className="stat">
          <span className="stat-label">Engine</span>
          <span className="stat-value dba-stat-text">{schema.engine}</span>
          {schema.serverVersion && <span className="stat-note">{schema.serverVersion}</span>}
        </div>
      </div>

      {lintError != null && <ErrorBanner error={lintError} title="Lint and coverage could not be loaded." />}
      {byRule.size > 0 && (
        <section className="dba-section" aria-label="Lint summary">
          <h3 className="section-title">Lint</h3>
          <ul className="dba-facts">
            {[...byRule].map(([rule, count]) => (
              <li key={rule}>
                <span className="tag dba-rule">{lintRuleLabels[rule as keyof typeof lintRuleLabels] ?? rule}</span> {count}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="dba-section" aria-label="Tables">
        <h3 className="section-title">Tables</h3>
        <div className="table-wrap">
          <table className="table table-dense">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Columns</th>
                <th scope="col" className="hide-narrow">
                  Rows (estimate)
                </th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {schema.tables.map((table) => (
                <tr key={table.id}>
                  <th scope="row">
                    <Link to={schemaPath(connectionId, schema.id, tableKeyOf(table))} className="dba-mono">
                      {showNamespace ? tableKeyOf(table) : table.name}
                    </Link>{' '}
                    {table.kind !== 'table' && <span className="tag dba-kind">{kindLabels[table.kind]}</span>}
                  </th>
                  <td>{table.columns.length}</td>
                  <td className="hide-narrow">{table.rowEstimate?.toLocaleString() ?? '—'}</td>
                  <td className="dba-clamp">{firstParagraph((docsByRef.get(table.id) ?? docsByRef.get(tableKeyOf(table)))?.contentMd ?? table.description ?? table.comment) ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {schema.enums.length > 0 && (
        <section className="dba-section" aria-label="Enums">
          <h3 className="section-title">Enums</h3>
          <ul className="dba-facts">
            {schema.enums.map((e) => (
              <li key={`${e.namespace}.${e.name}`}>
                <span className="dba-mono">{showNamespace ? `${e.namespace}.${e.name}` : e.name}</span>: {e.values.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The first paragraph of a Markdown text, without its emphasis marks, for a one-line summary. */
function firstParagraph(markdown: string | null | undefined): string | null {
  if (!markdown) return null;
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  const plain = paragraph.replace(/^#+\s*/gm, '').replace(/[*_`]/g, '').trim();
  return plain || null;
}
