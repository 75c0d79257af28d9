import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { messageOf } from '../../api/http';
import type { SearchHit } from '../projects/client';
import { DocumentTypeChip } from './document-badges';
import { SearchIcon, XIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { documentPath } from './document-kinds';
import { sanitizeSnippet } from '../../lib/markdown';
import { useDebounced } from '../../lib/use-debounced';
import { useResource } from '../../lib/use-resource';
import { useShortcut } from '../../lib/use-shortcut';

const LIMIT = 8;

/**
 * Searches the latest revisions of the project's documents (words and meaning). Results name the document, the
 * section and a snippet with the matches highlighted; choosing one opens the document at that section. "/" focuses it.
 * Shown on the documents tab, the one list it searches.
 */
export function ProjectSearch({ projectId }: { projectId: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 250);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  useShortcut('/', () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  const results = useResource<SearchHit[]>(`${projectId}|${q}`, async (signal) =>
    q ? (await api.projects.search(projectId, { q, limit: LIMIT }, signal)).items : [],
  );
  const hits = results.data ?? [];
  const pending = text.trim() !== q || results.status === 'loading';

  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    inputRef.current?.blur();
    void navigate(documentPath(projectId, hit.documentId, { section: hit.blockId }));
  };

  const showPanel = open && text.trim() !== '';

  return (
    <div className="project-search" ref={rootRef}>
      <div className="search">
        <SearchIcon size={15} className="search-icon" />
        <input
          ref={inputRef}
          type="search"
          className="input search-input"
          placeholder="Search documents"
          aria-label="Search this project’s documents"
          role="combobox"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPanel && hits[active] ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="/"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              if (showPanel) setOpen(false);
              else {
                setText('');
                e.currentTarget.blur();
              }
            } else if (e.key === 'ArrowDown' && hits.length) {
              e.preventDefault();
              setOpen(true);
              setActive((i) => (i + 1) % hits.length);
            } else if (e.key === 'ArrowUp' && hits.length) {
              e.preventDefault();
              setActive((i) => (i - 1 + hits.length) % hits.length);
            } else if (e.key === 'Enter' && showPanel && hits[active]) {
              e.preventDefault();
              choose(hits[active]);
            }
          }}
          data-testid="document-search"
        />
        {text ? (
          <button type="button" className="icon-btn search-clear" aria-label="Clear search" onClick={() => setText('')}>
            <XIcon size={14} />
          </button>
        ) : (
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        )}
      </div>
      {showPanel && (
        <div className="search-panel" data-testid="search-results">
          {results.status === 'error' ? (
            <p className="search-panel-note" role="alert">
              Search failed: {messageOf(results.error)}
            </p>
          ) : pending && hits.length === 0 ? (
            <p className="search-panel-note">
              <Spinner size={12} label="Searching" /> Searching…
            </p>
          ) : hits.length === 0 ? (
            <p className="search-panel-note" data-testid="search-empty">
              No section matches “{q}”.
            </p>
          ) : null}
          <ul className="search-hits" role="listbox" id={listId} aria-label="Search results" aria-busy={pending}>
            {hits.map((hit, index) => (
              <li
                key={`${hit.documentId}|${hit.blockId}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'search-hit active' : 'search-hit'}
                data-testid="search-hit"
                onMouseEnter={() => setActive(index)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(hit)}
              >
                <div className="search-hit-head">
                  <DocumentTypeChip type={hit.documentType} />
                  <span className="search-hit-doc">{hit.documentTitle}</span>
                </div>
                <div className="search-hit-section" data-testid="search-hit-section">
                  {hit.heading ?? 'Introduction'}
                </div>
                <p className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: sanitizeSnippet(hit.snippet) }} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
