import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SparklesIcon } from '../../components/icons';
import type { LintFinding, SchemaDetail, SchemaDoc, SchemaTable } from './client';
import { DocText } from './doc-text';
import { kindLabels, lintRuleLabels } from './dbassist-labels';
import { schemaPath, tableKeyOf } from './dbassist-paths';
import { MockDataDialog } from './mock/mock-data-dialog';
import { Highlight } from './table-list';

type Props = {
  connectionId: string;
  schema: SchemaDetail;
  table: SchemaTable;
  /** Documentation by the id of what it documents and by object key ("namespace.table.column"). */
  docsByRef: Map<string, SchemaDoc>;
  findings: LintFinding[] | null;
  /** The search of the table list: matching columns are highlighted. */
  query: string;
  canEdit: boolean;
  onDocSaved(doc: SchemaDoc): void;
};

function Section({ title, children, testId, count }: { title: string; children: ReactNode; testId: string; count?: number }) {
  return (
    <section className="dba-section" aria-label={title} data-testid={testId}>
      <h3 className="section-title">
        {title}
        {count !== undefined && <span className="muted dba-count"> {count}</span>}
      </h3>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted dba-none">{children}</p>;
}

/** One table of a version: its documentation, columns, keys, indexes, relationships both ways, triggers, view and lint. */
export function TableDetail({ connectionId, schema, table, docsByRef, findings, query, canEdit, onDocSaved }: Props) {
  const key = tableKeyOf(table);
  const byId = new Map(schema.tables.map((t) => [t.id, t]));
  const byKey = new Map(schema.tables.map((t) => [tableKeyOf(t), t]));
  /** A table named by the API ("namespace.table" or a bare name) as a link to its page, when this version has it. */
  const tableLink = (name: string) => {
    const target = byKey.get(name) ?? schema.tables.find((t) => t.name === name);
    return target ? (
      <Link to={schemaPath(connectionId, schema.id, tableKeyOf(target))} className="dba-mono">
        {name}
      </Link>
    ) : (
      <span className="dba-mono">{name}</span>
    );
  };
  const fkOf = (column: string) => table.foreignKeys.find((fk) => fk.columns.includes(column));
  const needle = query.trim().toLowerCase();
  const tableFindings = findings?.filter((f) => f.table === key || f.table === table.name) ?? null;
  const [mocking, setMocking] = useState(false);

  return (
    <article className="dba-table" aria-labelledby="dba-table-title" data-testid="table-detail" data-table={key}>
      <header className="dba-table-head">
        <h2 className="dba-table-title" id="dba-table-title">
          <span className="dba-mono">{schema.namespaces.length > 1 ? key : table.name}</span>
          {table.kind !== 'table' && <span className="tag dba-kind">{kindLabels[table.kind]}</span>}
          {canEdit && table.kind === 'table' && (
            <button type="button" className="btn btn-secondary btn-sm dba-mock-button" onClick={() => setMocking(true)} data-testid="mock-data">
              <SparklesIcon size={14} /> Mock data
            </button>
          )}
        </h2>
        <p className="muted dba-table-meta">
          {table.columns.length} {table.columns.length === 1 ? 'column' : 'columns'}
          {table.rowEstimate !== null && <> · about {table.rowEstimate.toLocaleString()} rows</>}
          {table.comment && <> · comment: “{table.comment}”</>}
        </p>
      </header>

      <Section title="Documentation" testId="table-doc-section">
        <DocText
          schemaId={schema.id}
          doc={docsByRef.get(table.id) ?? docsByRef.get(key)}
          fallback={table.description}
          canEdit={canEdit}
          onSaved={onDocSaved}
          subject={`table ${key}`}
          variant="table"
          testId="table-doc"
        />
      </Section>

      <Section title="Columns" testId="columns-section" count={table.columns.length}>
        <div className="table-wrap">
          <table className="table table-dense dba-columns" data-testid="columns-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Null</th>
                <th scope="col">Key</th>
                <th scope="col" className="hide-narrow">
                  Default
                </th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {[...table.columns]
                .sort((a, b) => a.ordinal - b.ordinal)
                .map((column) => {
                  const hit = needle !== '' && column.name.toLowerCase().includes(needle);
                  const fk = fkOf(column.name);
                  const target = column.fkTableId ? byId.get(column.fkTableId) : undefined;
                  return (
                    <tr key={column.id} className={hit ? 'dba-hit' : undefined} data-testid="column-row" data-column={column.name} data-hit={hit ? 'true' : undefined}>
                      <th scope="row" className="dba-mono dba-column-name">
                        <Highlight text={column.name} query={needle ? query : ''} />
                      </th>
                      <td className="dba-mono" data-label="Type">
                        {column.dataType}
                      </td>
                      <td data-label="Null">{column.isNullable ? 'yes' : <span className="muted">no</span>}</td>
                      <td className={column.isPk || column.isFk ? 'nowrap' : 'nowrap dba-no-key'} data-label="Key">
                        {column.isPk && (
                          <span className="tag tag-accent" title="Primary key">
                            PK
                          </span>
                        )}{' '}
                        {column.isFk && (
                          <>
                            <span className="tag" title="Foreign key">
                              FK
                            </span>{' '}
                            {target ? tableLink(tableKeyOf(target)) : fk ? tableLink(fk.refTable) : null}
                            {fk && fk.refColumns.length > 0 && <span className="muted dba-mono">({fk.refColumns.join(', ')})</span>}
                          </>
                        )}
                      </td>
                      <td className="dba-mono dba-default hide-narrow">{column.defaultValue ?? <span className="muted">—</span>}</td>
                      <td className="dba-description-cell">
                        <DocText
                          schemaId={schema.id}
                          doc={docsByRef.get(column.id) ?? docsByRef.get(`${key}.${column.name}`)}
                          fallback={column.description ?? column.comment}
                          canEdit={canEdit}
                          onSaved={onDocSaved}
                          subject={`column ${column.name}`}
                          variant="column"
                          testId="column-doc"
                        />
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title="Keys and constraints" testId="keys-section">
        <ul className="dba-facts">
          <li>
            <strong>Primary key</strong>{' '}
            {table.primaryKey.length > 0 ? <span className="dba-mono">({table.primaryKey.join(', ')})</span> : <span className="muted">none</span>}
          </li>
          {table.uniques.map((unique, index) => (
            <li key={`u${index}`}>
              <strong>Unique</strong> {unique.name && <span className="muted">{unique.name} </span>}
              <span className="dba-mono">({unique.columns.join(', ')})</span>
            </li>
          ))}
          {table.checks.map((check, index) => (
            <li key={`c${index}`}>
              <strong>Check</strong> {check.name && <span className="muted">{check.name} </span>}
              <code>{check.expression}</code>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Indexes" testId="indexes-section" count={table.indexes.length}>
        {table.indexes.length === 0 ? (
          <Empty>No index.</Empty>
        ) : (
          <ul className="dba-facts">
            {table.indexes.map((index) => (
              <li key={index.name}>
                <span className="dba-mono">{index.name}</span> <span className="dba-mono">({index.columns.join(', ')})</span>{' '}
                {index.primary && <span className="tag tag-accent">primary</span>} {index.unique && !index.primary && <span className="tag">unique</span>}{' '}
                <span className="muted">{index.method}</span>
                {index.predicate && <span className="muted"> where {index.predicate}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Relationships" testId="relationships-section">
        {table.foreignKeys.length === 0 && table.referencedBy.length === 0 ? (
          <Empty>No foreign key from or to this table.</Empty>
        ) : (
          <ul className="dba-facts">
            {table.foreignKeys.map((fk, index) => (
              <li key={`out${index}`} data-testid="relationship-out">
                <span className="dba-mono">({fk.columns.join(', ')})</span> → {tableLink(fk.refTable)} <span className="dba-mono">({fk.refColumns.join(', ')})</span>{' '}
                <span className="muted">
                  on delete {fk.onDelete.toLowerCase()}, on update {fk.onUpdate.toLowerCase()}
                </span>
              </li>
            ))}
            {table.referencedBy.map((ref, index) => (
              <li key={`in${index}`} data-testid="relationship-in">
                {tableLink(ref.table)} <span className="dba-mono">({ref.columns.join(', ')})</span> → this table
              </li>
            ))}
          </ul>
        )}
      </Section>

      {table.triggers.length > 0 && (
        <Section title="Triggers" testId="triggers-section" count={table.triggers.length}>
          <ul className="dba-facts">
            {table.triggers.map((trigger) => (
              <li key={trigger.name}>
                <span className="dba-mono">{trigger.name}</span>{' '}
                <span className="muted">
                  {trigger.timing.toLowerCase()} {trigger.events.join(' or ').toLowerCase()}
                </span>
                {trigger.definition && <pre className="dba-code">{trigger.definition}</pre>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {table.viewDefinition && (
        <Section title="View definition" testId="view-definition-section">
          <pre className="dba-code" data-testid="view-definition">
            {table.viewDefinition}
          </pre>
        </Section>
      )}

      <Section title="Lint" testId="table-lint-section" count={tableFindings?.length}>
        {tableFindings === null ? (
          <Empty>Lint findings are not available.</Empty>
        ) : tableFindings.length === 0 ? (
          <Empty>No finding for this table.</Empty>
        ) : (
          <ul className="dba-findings">
            {tableFindings.map((finding, index) => (
              <li key={index} data-testid="lint-finding" data-rule={finding.rule}>
                <span className="tag dba-rule">{lintRuleLabels[finding.rule]}</span> {finding.column && <span className="dba-mono">{finding.column}: </span>}
                {finding.message}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <MockDataDialog open={mocking} table={table} onClose={() => setMocking(false)} />
    </article>
  );
}
