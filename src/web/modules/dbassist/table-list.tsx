import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ChevronDownIcon, SearchIcon, XIcon } from '../../components/icons';
import type { SchemaTable } from './client';
import { kindLabels } from './dbassist-labels';
import { schemaPath, tableKeyOf } from './dbassist-paths';
import { searchTables, splitOnMatches } from './schema-search';

/** `text` with the parts that match `query` marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
  return (
    <>
      {splitOnMatches(text, query).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

type Props = {
  connectionId: string;
  schemaId: string;
  tables: SchemaTable[];
  selectedKey: string | null;
  query: string;
  onQuery(query: string): void;
  /** Collapsed on a narrow screen: only the toggle shows. */
  open: boolean;
  onToggle(): void;
  /** Namespace prefixes are shown only when the schema has more than one. */
  showNamespace: boolean;
};

/** The tables of a version, searchable by table and column names; a column match names the columns under its table. */
export function TableList({ connectionId, schemaId, tables, selectedKey, query, onQuery, open, onToggle, showNamespace }: Props) {
  const matches = useMemo(() => searchTables(tables, query), [tables, query]);
  const listId = useId();
  const search = query.trim();

  return (
    <aside className={open ? 'dba-tables' : 'dba-tables dba-tables-collapsed'} aria-label="Tables" data-testid="table-list">
      <button type="button" className="btn btn-secondary dba-tables-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle} data-testid="table-list-toggle">
        Tables ({search ? `${matches.length} of ${tables.length}` : tables.length})
        <ChevronDownIcon size={14} className="dba-chevron" />
      </button>
      <div className="dba-tables-body" id={listId}>
        <div className="search dba-table-search">
          <SearchIcon size={14} className="search-icon" />
          <input
            type="search"
            className="input search-input"
            placeholder="Search tables and columns"
            aria-label="Search tables and columns"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                onQuery('');
              }
            }}
            data-testid="table-search"
          />
          {query && (
            <button type="button" className="icon-btn search-clear" aria-label="Clear the search" onClick={() => onQuery('')}>
              <XIcon size={14} />
            </button>
          )}
        </div>
        <p className="sr-only" aria-live="polite">
          {search ? `${matches.length} ${matches.length === 1 ? 'table matches' : 'tables match'}` : ''}
        </p>
        {matches.length === 0 ? (
          <p className="muted dba-tables-empty" data-testid="table-search-empty">
            No table or column matches “{search}”.
          </p>
        ) : (
          <ul className="dba-table-items">
            {matches.map(({ table, columns }) => {
              const key = tableKeyOf(table);
              const selected = key === selectedKey;
              const label = showNamespace ? key : table.name;
              return (
                <li key={table.id} data-testid="table-item" data-table={key}>
                  <Link
                    to={`${schemaPath(connectionId, schemaId, key)}${search ? `?q=${encodeURIComponent(search)}` : ''}`}
                    className={selected ? 'dba-table-link active' : 'dba-table-link'}
                    aria-current={selected ? 'page' : undefined}
                  >
                    <span className="dba-table-name">
                      <Highlight text={label} query={search} />
                    </span>
                    {table.kind !== 'table' && <span className="tag dba-kind" data-testid="kind-badge">{kindLabels[table.kind]}</span>}
                  </Link>
                  {columns.length > 0 && (
                    <ul className="dba-column-hits" aria-label={`Matching columns of ${label}`}>
                      {columns.map((column) => (
                        <li key={column} data-testid="column-hit">
                          <Highlight text={column} query={search} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </aside>
  );
}
