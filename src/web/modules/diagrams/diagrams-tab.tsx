import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { ChartIcon, PlusIcon, SparklesIcon } from '../../components/icons';
import { FilterSelect, ListCount } from '../../components/list-toolbar';
import { SkeletonRows } from '../../components/spinner';
import { api } from '../../api/client';
import type { Diagram } from './client';
import { diagramTypeLabels, diagramTypes } from './diagram-kinds';
import { diagramPath } from './diagram-paths';
import { renderMermaid } from './mermaid';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useFilterParam } from '../../lib/use-filter-param';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { useProjectContext } from '../projects/project-context';
import { GenerateDiagramDialog, NewDiagramDialog } from './diagram-dialogs';
import './diagrams.css';

const PAGE_SIZE = 24;


/** The project's diagram gallery: cards with a rendered thumbnail, a type filter, new and generate dialogs. */
export function DiagramsTab() {
  const { project, canEdit } = useProjectContext();
  const navigate = useNavigate();
  const [type, setType] = useFilterParam('type', diagramTypes);
  const [dialog, setDialog] = useState<'new' | 'generate' | null>(null);
  useTitle('Diagrams', project.name);

  const list = usePagedList<Diagram>(`${project.id}|${type ?? ''}`, (cursor, signal) =>
    api.diagrams.list(project.id, { type, limit: PAGE_SIZE, cursor }, signal),
  );


  return (
    <section aria-label="Diagrams" data-testid="diagrams-tab">
      <div className="toolbar">
        <FilterSelect label="Type" allLabel="All types" value={type} options={diagramTypes} labels={diagramTypeLabels} onChange={setType} testId="diagram-filter-type" />
        {list.status === 'ready' && list.items.length > 0 && (
          <ListCount count={list.items.length} hasMore={list.hasMore} noun="diagram" />
        )}
        {canEdit && (
          <div className="toolbar-actions toolbar-actions-push">
            <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')} data-testid="generate-diagram">
              <SparklesIcon size={15} /> Generate
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setDialog('new')} data-testid="new-diagram">
              <PlusIcon size={15} /> New diagram
            </button>
          </div>
        )}
      </div>

      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Diagrams could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          icon={<ChartIcon size={22} />}
          title={type ? `No ${diagramTypeLabels[type].toLowerCase()} diagrams` : 'No diagrams yet'}
          testId="diagrams-empty"
          action={
            canEdit && (
              <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')}>
                <SparklesIcon size={15} /> Generate a diagram
              </button>
            )
          }
        >
          Draw sequence, use case, class, ER, state, activity, architecture and Gantt diagrams in Mermaid, or let Atelier derive them from the
          project’s SRS.
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ul className="diagram-gallery" data-testid="diagram-list" aria-label="Diagrams">
            {list.items.map((diagram) => (
              <li key={diagram.id}>
                <DiagramCard diagram={diagram} />
              </li>
            ))}
          </ul>
          {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
          {list.hasMore && (
            <div className="load-more">
              <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore}>
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}

      <NewDiagramDialog
        open={dialog === 'new'}
        projectId={project.id}
        onClose={() => setDialog(null)}
        onCreated={(diagram) => {
          setDialog(null);
          void navigate(diagramPath(project.id, diagram.id));
        }}
      />
      <GenerateDiagramDialog
        open={dialog === 'generate'}
        projectId={project.id}
        onClose={() => {
          setDialog(null);
          list.reload();
        }}
        onGenerated={(diagramId) => {
          setDialog(null);
          void navigate(diagramPath(project.id, diagramId));
        }}
      />
    </section>
  );
}

function DiagramCard({ diagram }: { diagram: Diagram }) {
  return (
    <Link to={diagramPath(diagram.projectId, diagram.id)} className="diagram-card" data-testid="diagram-card">
      <DiagramThumbnail code={diagram.mermaidCode} />
      <div className="diagram-card-body">
        <span className="chip diagram-type-chip">{diagramTypeLabels[diagram.type]}</span>
        <h3 className="diagram-card-title">{diagram.title}</h3>
        <p className="muted diagram-card-meta" title={formatDateTime(diagram.updatedAt)}>
          Updated {formatRelative(diagram.updatedAt)} · rev {diagram.currentRev}
        </p>
      </div>
    </Link>
  );
}

/** A small rendering of the diagram; the gallery stays usable while Mermaid loads or when it cannot draw one. */
function DiagramThumbnail({ code }: { code: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    renderMermaid(code)
      .then((result) => {
        if (!active) return;
        if (result.ok) setSvg(result.svg);
        else setFailed(true);
      })
      .catch(() => active && setFailed(true));
    return () => {
      active = false;
    };
  }, [code]);
  if (svg) return <div className="diagram-thumb" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />;
  return <div className="diagram-thumb diagram-thumb-empty" aria-hidden="true">{failed ? 'No preview' : ''}</div>;
}
