import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { DocumentListItem } from './client';
import { documentStatuses, documentTypes } from './document-kinds';
import { DocumentTypeChip } from './document-badges';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { FileTextIcon, LockIcon, PlusIcon, SparklesIcon } from '../../components/icons';
import { FilterSelect, ListCount } from '../../components/list-toolbar';
import { SkeletonRows } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { documentPath, documentTypeLabels } from './document-kinds';
import { formatDateTime, formatRelative } from '../../lib/format';
import { statusLabels } from '../../lib/statuses';
import { useFilterParam } from '../../lib/use-filter-param';
import { usePagedList } from '../../lib/use-paged-list';
import { useShortcut } from '../../lib/use-shortcut';
import { useTitle } from '../../lib/use-title';
import { GenerateDialog } from './generate-dialog';
import { NewDocumentDialog } from './new-document-dialog';
import { useProjectContext } from '../projects/project-context';
import { ProjectSearch } from './project-search';

const PAGE_SIZE = 25;

/** The project's documents, newest first, filtered by type and status (kept in the address), paged with "Load more". */
export function DocumentsTab() {
  const { project, canEdit } = useProjectContext();
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const [type, setType] = useFilterParam('type', documentTypes);
  const [status, setStatus] = useFilterParam('status', documentStatuses);
  const [dialog, setDialog] = useState<'new' | 'generate' | null>(null);
  useTitle('Documents', project.name);
  useShortcut('c', () => setDialog('new'), canEdit);

  const list = usePagedList<DocumentListItem>(`${project.id}|${type ?? ''}|${status ?? ''}`, (cursor, signal) =>
    api.documents.list(project.id, { type, status, limit: PAGE_SIZE, cursor }, signal),
  );

  const filtered = type !== undefined || status !== undefined;
  const noDocuments = list.status === 'ready' && list.items.length === 0 && !filtered;

  return (
    <section aria-label="Documents" data-testid="documents-tab">
      <div className="toolbar documents-toolbar">
        {/* Only here, and only with documents to find: on the diagrams, wireframes or chat tab it would promise a search it does not do. */}
        {!noDocuments && <ProjectSearch projectId={project.id} />}
        <FilterSelect label="Type" allLabel="All types" value={type} options={documentTypes} labels={documentTypeLabels} onChange={setType} testId="filter-type" />
        <FilterSelect label="Status" allLabel="All statuses" value={status} options={documentStatuses} labels={statusLabels('document')} onChange={setStatus} testId="filter-status" />
        {list.status === 'ready' && list.items.length > 0 && (
          <ListCount count={list.items.length} hasMore={list.hasMore} noun="document" />
        )}
        {canEdit && (
          <div className={list.status === 'ready' && list.items.length > 0 ? 'toolbar-actions' : 'toolbar-actions toolbar-actions-push'}>
            <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')} data-testid="generate-document">
              <SparklesIcon size={15} /> Generate
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setDialog('new')} data-testid="new-document" aria-keyshortcuts="c">
              <PlusIcon size={15} /> New document <kbd className="kbd">C</kbd>
            </button>
          </div>
        )}
      </div>

      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Documents could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState
          icon={<FileTextIcon size={22} />}
          title={filtered ? 'No documents match these filters' : 'No documents yet'}
          testId="documents-empty"
          action={
            filtered ? (
              <button type="button" className="btn btn-secondary" onClick={() => setParams({}, { replace: true })}>
                Clear filters
              </button>
            ) : (
              canEdit && (
                <button type="button" className="btn btn-secondary" onClick={() => setDialog('generate')}>
                  <SparklesIcon size={15} /> Generate a first document
                </button>
              )
            )
          }
        >
          {filtered
            ? 'Try another type or status.'
            : 'Write a document from scratch, or let Atelier draft a PRD, an SRS or a delivery plan from what the project already holds.'}
        </EmptyState>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ul className="list" data-testid="document-list" aria-label="Documents">
            {list.items.map((doc) => (
              <DocumentRow key={doc.id} projectId={project.id} doc={doc} />
            ))}
          </ul>
          {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
          {list.hasMore && (
            <div className="load-more">
              <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore} data-testid="load-more">
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}

      <NewDocumentDialog
        open={dialog === 'new'}
        projectId={project.id}
        onClose={() => setDialog(null)}
        onCreated={(doc) => {
          setDialog(null);
          void navigate(documentPath(project.id, doc.id, { edit: true }));
        }}
      />
      <GenerateDialog
        open={dialog === 'generate'}
        projectId={project.id}
        onClose={() => {
          setDialog(null);
          list.reload();
        }}
        onGenerated={(documentId) => {
          setDialog(null);
          void navigate(documentPath(project.id, documentId));
        }}
      />
    </section>
  );
}

function DocumentRow({ projectId, doc }: { projectId: string; doc: DocumentListItem }) {
  const excerpt = doc.excerpt;
  return (
    <li className="list-row document-row" data-testid="document-row" data-document-id={doc.id} data-type={doc.type}>
      <span className="document-icon" aria-hidden="true">
        <FileTextIcon size={16} />
      </span>
      <div className="project-main">
        <div className="project-title-line">
          <Link to={documentPath(projectId, doc.id)} className="project-name" data-testid="document-title">
            {doc.title}
          </Link>
          <DocumentTypeChip type={doc.type} />
          {doc.isLocked && (
            <span className="lock-chip" title="Locked: read-only">
              <LockIcon size={12} /> Locked
            </span>
          )}
        </div>
        {excerpt && <p className="project-description">{excerpt}</p>}
      </div>
      <div className="project-meta">
        <StatusBadge kind="document" status={doc.status} />
        <span className="meta-item rev-chip" title={`Revision ${doc.currentRev} · project version ${doc.version}`} data-testid="document-rev">
          Rev {doc.currentRev}
        </span>
        <span className="meta-item muted hide-narrow" title={`Updated ${formatDateTime(doc.updatedAt)}`}>
          {formatRelative(doc.updatedAt)}
        </span>
      </div>
    </li>
  );
}
