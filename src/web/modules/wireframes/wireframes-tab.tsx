import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { PlusIcon, SparklesIcon } from '../../components/icons';
import { FilterSelect, ListCount } from '../../components/list-toolbar';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useFilterParam } from '../../lib/use-filter-param';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { api } from '../../api/client';
import type { Wireframe } from './client';
import { templateLabels, wireframeTemplates } from './wireframe-kinds';
import { useProjectContext } from '../projects/project-context';
import { GenerateWireframesDialog } from './generate-wireframes-dialog';
import { NewWireframeDialog } from './new-wireframe-dialog';
import { WireframePreview } from './wireframe-preview';
import './wireframes.css';

const PAGE_SIZE = 24;


export function wireframePath(projectId: string, wireframeId: string): string {
  return `/projects/${projectId}/wireframes/${wireframeId}`;
}

/** The project's wireframe gallery: cards with a scaled-down sandboxed preview, a template filter, new and generate. */
export function WireframesTab() {
  const { project, canEdit } = useProjectContext();
  const navigate = useNavigate();
  const toast = useToast();
  const [template, setTemplate] = useFilterParam('template', wireframeTemplates);
  const [dialog, setDialog] = useState<'new' | 'generate' | null>(null);
  useTitle('Wireframes', project.name);

  const list = usePagedList<Wireframe>(`${project.id}|${template ?? ''}`, (cursor, signal) =>
    api.wireframes.list(project.id, { templateType: template, limit: PAGE_SIZE, cursor }, signal),
  );


  return (
    <section aria-label="Wireframes" data-testid="wireframes-tab">
      <div className="toolbar">
        <FilterSelect label="Template" allLabel="All templates" value={template} options={wireframeTemplates} labels={templateLabels} onChange={setTemplate} testId="filter-template" />
        {list.status === 'ready' && list.items.length > 0 && (
          <ListCount count={list.items.length} hasMore={list.hasMore} noun="wireframe" />
        )}
        {canEdit && (
          <div className="toolbar-actions toolbar-actions-push">
            <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')} data-testid="generate-wireframes">
              <SparklesIcon size={15} /> Generate
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setDialog('new')} data-testid="new-wireframe">
              <PlusIcon size={15} /> New wireframe
            </button>
          </div>
        )}
      </div>

      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Wireframes could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          title={template ? 'No wireframes with this template' : 'No wireframes yet'}
          testId="wireframes-empty"
          action={
            template ? (
              <button type="button" className="btn btn-secondary" onClick={() => setTemplate(undefined)}>
                Show all templates
              </button>
            ) : (
              canEdit && (
                <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')}>
                  <SparklesIcon size={15} /> Generate the main screens
                </button>
              )
            )
          }
        >
          {template ? 'Try another template.' : 'Draw the main screens from the project’s requirements, or write one in HTML and CSS.'}
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ul className="wireframe-gallery" data-testid="wireframe-gallery" aria-label="Wireframes">
            {list.items.map((wireframe) => (
              <WireframeCard key={wireframe.id} projectId={project.id} wireframe={wireframe} />
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

      <NewWireframeDialog
        open={dialog === 'new'}
        projectId={project.id}
        onClose={() => setDialog(null)}
        onCreated={(saved) => {
          setDialog(null);
          const removed = saved.sanitized.removed.length;
          toast.show(removed ? `Wireframe saved; ${removed} unsafe ${removed === 1 ? 'part was' : 'parts were'} removed` : 'Wireframe saved');
          void navigate(wireframePath(project.id, saved.id));
        }}
      />
      <GenerateWireframesDialog
        open={dialog === 'generate'}
        projectId={project.id}
        onClose={() => {
          setDialog(null);
          list.reload();
        }}
        onGenerated={(ids) => {
          setDialog(null);
          if (ids.length === 1 && ids[0]) void navigate(wireframePath(project.id, ids[0]));
          else list.reload();
        }}
      />
    </section>
  );
}

function WireframeCard({ projectId, wireframe }: { projectId: string; wireframe: Wireframe }) {
  return (
    <li className="wireframe-card" data-testid="wireframe-card" data-wireframe-id={wireframe.id}>
      <Link to={wireframePath(projectId, wireframe.id)} className="wireframe-card-link" aria-label={`Open ${wireframe.title}`}>
        <div className="wireframe-thumb" aria-hidden="true">
          <WireframePreview wireframe={wireframe} className="wireframe-thumb-frame" testId="wireframe-thumb" title={`Thumbnail of ${wireframe.title}`} />
        </div>
      </Link>
      <div className="wireframe-card-body">
        <Link to={wireframePath(projectId, wireframe.id)} className="wireframe-card-title" data-testid="wireframe-card-title">
          {wireframe.title}
        </Link>
        <div className="wireframe-card-meta">
          {wireframe.templateType && <span className="wireframe-chip">{templateLabels[wireframe.templateType]}</span>}
          <span className="muted" title={`Updated ${formatDateTime(wireframe.updatedAt)}`}>
            {formatRelative(wireframe.updatedAt)}
          </span>
        </div>
      </div>
    </li>
  );
}
