import { useRef, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { DocumentAtRevision } from '../documents/client';
import { pipelineTypes } from '../documents/document-kinds';
import type { IdeaPipeline, Project } from './client';
import { StatusBadge } from '../../components/status-badge';
import { ErrorBanner } from '../../components/error-banner';
import { FileTextIcon, PencilIcon, SparklesIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import { SkeletonRows } from '../../components/spinner';
import { documentPath, documentTypeLabels } from '../documents/document-kinds';
import { formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

type PipelineDocument = IdeaPipeline['documents'][number];

/**
 * The documents written from the idea, one tab each: Overview, PRD, Marketing, Tech and Tasks. The open tab is kept in
 * the address (`?doc=prd`), so it can be shared and survives a reload.
 */
export function IdeaWorkspace({ project, documents }: { project: Project; documents: PipelineDocument[] }) {
  const [params, setParams] = useSearchParams();
  const tabs = pipelineTypes
    .map((type) => documents.find((d) => d.type === type))
    .filter((d): d is PipelineDocument => d !== undefined);
  const wanted = params.get('doc');
  const current = tabs.find((d) => d.type === wanted) ?? tabs[0];
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const select = (doc: PipelineDocument, focus = false) => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('doc', doc.type);
        return next;
      },
      { replace: true },
    );
    if (focus) tabRefs.current[tabs.indexOf(doc)]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!current) return;
    const index = tabs.indexOf(current);
    let next: PipelineDocument | undefined;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      event.preventDefault();
      select(next, true);
    }
  };

  if (!current) return null;
  const version = Math.max(...tabs.map((d) => d.version));

  return (
    <section className="card workspace" aria-labelledby="workspace-heading" data-testid="idea-workspace">
      <header className="workspace-head">
        <div>
          <h2 className="section-title workspace-title" id="workspace-heading">
            <SparklesIcon size={15} /> Workspace
          </h2>
          <p className="muted workspace-subtitle">
            {tabs.length} documents written from the idea · project version {version}
          </p>
        </div>
        <Link to={`/projects/${project.id}/documents`} className="btn btn-ghost btn-sm">
          All documents
        </Link>
      </header>
      <div className="workspace-tabs" role="tablist" aria-label="Workspace documents" onKeyDown={onKeyDown}>
        {tabs.map((doc, index) => {
          const selected = doc === current;
          return (
            <button
              key={doc.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`workspace-tab-${doc.type}`}
              aria-selected={selected}
              aria-controls={`workspace-panel-${doc.type}`}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'workspace-tab active' : 'workspace-tab'}
              onClick={() => select(doc)}
              data-testid="workspace-tab"
              data-type={doc.type}
            >
              {documentTypeLabels[doc.type]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`workspace-panel-${current.type}`} aria-labelledby={`workspace-tab-${current.type}`} className="workspace-panel">
        <WorkspaceDocument key={current.id} projectId={project.id} documentId={current.id} />
      </div>
    </section>
  );
}

function WorkspaceDocument({ projectId, documentId }: { projectId: string; documentId: string }) {
  const doc = useResource<DocumentAtRevision>(documentId, (signal) => api.documents.get(projectId, documentId, null, signal));
  if (doc.status === 'loading') return <SkeletonRows rows={4} />;
  if (doc.status === 'error') return <ErrorBanner error={doc.error} title="The document could not be loaded." onRetry={doc.reload} />;
  const d = doc.data;
  return (
    <article className="workspace-document" data-testid="workspace-document" data-type={d.type}>
      <div className="workspace-doc-bar">
        <div className="workspace-doc-meta">
          <FileTextIcon size={15} className="muted" />
          <strong className="workspace-doc-title">{d.title}</strong>
          <StatusBadge kind="document" status={d.status} />
          <span className="meta-item muted" title={`Revision ${d.currentRev}`}>
            Rev {d.currentRev} · updated {formatRelative(d.updatedAt)}
          </span>
        </div>
        <div className="workspace-doc-actions">
          <Link to={documentPath(projectId, d.id)} className="btn btn-secondary btn-sm" data-testid="open-document">
            Open
          </Link>
          {!d.isLocked && (
            <Link to={documentPath(projectId, d.id, { edit: true })} className="btn btn-secondary btn-sm" data-testid="edit-document">
              <PencilIcon size={13} /> Edit
            </Link>
          )}
        </div>
      </div>
      <MarkdownView markdown={d.contentMarkdown} className="workspace-markdown" />
    </article>
  );
}
