import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Project } from '../projects/client';
import type { DocumentAtRevision } from './client';
import { DocumentTypeChip } from './document-badges';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { ArchiveIcon, ChevronLeftIcon, DownloadIcon, FileTextIcon, GlobeIcon, HistoryIcon, LockIcon, MoreIcon, PencilIcon, UnlockIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import { Menu, type MenuItem } from '../../components/menu';
import { LoadingState } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { describeModel } from '../ai/ai-labels';
import { generatedByOf } from './document-kinds';
import { formatRelative } from '../../lib/format';
import { sectionElementId, slugifyHeading } from '../../lib/markdown';
import { useResource } from '../../lib/use-resource';
import { useShortcut } from '../../lib/use-shortcut';
import { useTitle } from '../../lib/use-title';
import { useCanEditProject } from '../../lib/workspace';
import { DocumentDetails } from './document-details';
import { DocumentEditor } from './document-editor';
import { HistoryView } from './history-view';

type Loaded = { project: Project; doc: DocumentAtRevision };

/** One document: read it, edit it with a live preview, go through its history, publish, lock or export it. */
export function DocumentPage() {
  const { projectId = '', documentId = '' } = useParams();
  const loaded = useResource<Loaded>(`${projectId}|${documentId}`, async (signal) => {
    const [project, doc] = await Promise.all([api.projects.get(projectId, signal), api.documents.get(projectId, documentId, null, signal)]);
    return { project, doc };
  });

  if (loaded.status === 'loading') return <LoadingState label="Loading document" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.code === 'VALIDATION_FAILED')) return <DocumentNotFound projectId={projectId} />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} title="The document could not be loaded." onRetry={loaded.reload} />
      </div>
    );
  }
  return <DocumentScreen key={documentId} project={loaded.data.project} initial={loaded.data.doc} />;
}

function DocumentNotFound({ projectId }: { projectId: string }) {
  useTitle('Document not found');
  return (
    <div className="page">
      <EmptyState
        icon={<FileTextIcon size={22} />}
        title="Document not found"
        testId="document-not-found"
        action={
          <Link to={`/projects/${projectId}/documents`} className="btn btn-secondary">
            Back to documents
          </Link>
        }
      >
        This document does not exist, or you do not have access to it.
      </EmptyState>
    </div>
  );
}

function DocumentScreen({ project, initial }: { project: Project; initial: DocumentAtRevision }) {
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [doc, setDoc] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const canEdit = useCanEditProject(project.organizationId, project);
  const editing = params.get('edit') === '1' && canEdit && !doc.isLocked;
  const inHistory = !editing && params.get('view') === 'history';
  const section = params.get('section');
  useTitle(doc.title, project.name);

  const change = (update: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    update(next);
    setParams(next, { replace: false });
  };
  const openEditor = () => change((p) => {
    p.set('edit', '1');
    p.delete('view');
    p.delete('section');
  });
  const closeEditor = () => change((p) => p.delete('edit'));
  const openHistory = () => change((p) => {
    p.set('view', 'history');
    p.delete('section');
  });
  const closeHistory = () => change((p) => {
    p.delete('view');
    p.delete('from');
    p.delete('to');
  });
  useShortcut('e', openEditor, canEdit && !doc.isLocked && !editing);

  const reload = async () => {
    const fresh = await api.documents.get(project.id, doc.id);
    setDoc(fresh);
    return fresh;
  };

  const act = async (action: 'publish' | 'archive' | 'lock' | 'unlock', done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await api.documents.setStatus(project.id, doc.id, action);
      await reload();
      toast.show(done);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(false);
    }
  };

  const generatedBy = generatedByOf(doc.metadata);
  const revisionByAi = doc.revision.generationId !== null;

  const menuItems: MenuItem[] = [
    ...(doc.status !== 'published'
      ? [{ label: 'Publish', icon: <GlobeIcon />, onSelect: () => void act('publish', 'Published'), testId: 'publish-document', disabled: busy }]
      : []),
    ...(doc.status !== 'archived'
      ? [{ label: 'Archive', icon: <ArchiveIcon />, onSelect: () => void act('archive', 'Archived'), testId: 'archive-document', disabled: busy }]
      : []),
    { kind: 'separator' },
    doc.isLocked
      ? { label: 'Unlock', icon: <UnlockIcon />, onSelect: () => void act('unlock', 'Unlocked: the document can be edited again'), testId: 'unlock-document', disabled: busy }
      : { label: 'Lock (read-only)', icon: <LockIcon />, onSelect: () => void act('lock', 'Locked: nobody can edit it until it is unlocked'), testId: 'lock-document', disabled: busy },
  ];

  return (
    <div className={editing || inHistory ? 'page page-wide' : 'page'} data-testid="document-page" data-rev={doc.currentRev}>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <Link to={`/projects/${project.id}`} className="breadcrumb-project">
              <span className="key-chip">{project.key}</span> {project.name}
            </Link>
            <span aria-hidden="true">/</span>
            <Link to={`/projects/${project.id}/documents`}>Documents</Link>
          </>
        }
        title={<span data-testid="document-title">{editing ? 'Editing' : doc.title}</span>}
        subtitle={
          <span className="doc-meta-line">
            <DocumentTypeChip type={doc.type} />
            <StatusBadge kind="document" status={doc.status} />
            <span className="rev-chip" data-testid="document-rev">
              Rev {doc.currentRev}
            </span>
            {doc.isLocked && (
              <span className="lock-chip" data-testid="document-locked">
                <LockIcon size={12} /> Locked
              </span>
            )}
            <span className="muted">
              {revisionByAi && generatedBy ? (
                <span data-testid="document-generated-by">Generated by {describeModel(generatedBy.provider, generatedBy.model)}</span>
              ) : (
                <>Edited by {doc.revision.createdByName ?? 'a former member'}</>
              )}{' '}
              · {formatRelative(doc.revision.createdAt)}
            </span>
          </span>
        }
        actions={
          editing ? null : inHistory ? (
            <button type="button" className="btn btn-secondary" onClick={closeHistory} data-testid="close-history">
              <ChevronLeftIcon size={15} /> Back to document
            </button>
          ) : (
            <>
              <button type="button" className="btn btn-secondary" onClick={openHistory} data-testid="open-history">
                <HistoryIcon size={15} /> History
              </button>
              <a className="btn btn-secondary" href={api.documents.exportUrl(project.id, doc.id)} download data-testid="export-document">
                <DownloadIcon size={15} /> Export
              </a>
              {canEdit && (
                <>
                  <Menu triggerLabel="More actions" triggerClassName="btn btn-secondary btn-icon" align="end" testId="document-actions" trigger={<MoreIcon />} items={menuItems} />
                  {!doc.isLocked && (
                    <button type="button" className="btn btn-primary" onClick={openEditor} data-testid="edit-document" aria-keyshortcuts="e">
                      <PencilIcon size={15} /> Edit <kbd className="kbd">E</kbd>
                    </button>
                  )}
                </>
              )}
            </>
          )
        }
      />
      {actionError != null && <ErrorBanner error={actionError} title="That did not work." />}
      {doc.isLocked && !editing && canEdit && (
        <div className="banner banner-info doc-banner" role="status">
          <LockIcon size={16} className="banner-icon" />
          <div className="banner-body">This document is locked: it is read-only until an admin or its creator unlocks it.</div>
        </div>
      )}

      {editing ? (
        <DocumentEditor
          projectId={project.id}
          doc={doc}
          onCancel={closeEditor}
          onSaved={(saved) => {
            void reload();
            closeEditor();
            if (saved) toast.show(`Saved as revision ${saved.currentRev}`);
          }}
        />
      ) : inHistory ? (
        <HistoryView
          projectId={project.id}
          doc={doc}
          canEdit={canEdit && !doc.isLocked}
          pair={{ from: numberParam(params.get('from')), to: numberParam(params.get('to')) }}
          onPairChange={({ from, to }) =>
            change((p) => {
              p.set('from', String(from));
              p.set('to', String(to));
            })
          }
          onRestored={(rev) => {
            void reload();
            change((p) => {
              p.set('from', String(rev - 1));
              p.set('to', String(rev));
            });
          }}
        />
      ) : (
        <div className="document-layout">
          <article className="card document-body">
            <DocumentContent markdown={doc.contentMarkdown} section={section} />
            {doc.contentMarkdown.trim() === '' && (
              <p className="muted document-empty">
                This document is empty.{' '}
                {canEdit && !doc.isLocked && (
                  <button type="button" className="link-button" onClick={openEditor}>
                    Start writing
                  </button>
                )}
              </p>
            )}
          </article>
          <DocumentDetails project={project} doc={doc} />
        </div>
      )}
    </div>
  );
}

function numberParam(value: string | null): number | undefined {
  const n = value ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The rendered document; with a section named (from search or a citation), that section is scrolled to and highlighted. */
function DocumentContent({ markdown, section }: { markdown: string; section: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || !section) return;
    let target = root.querySelector<HTMLElement>(`[id="${CSS.escape(sectionElementId(section))}"]`);
    if (!target) {
      // A section renamed since it was indexed: fall back to a heading with the same last path segment.
      const last = section.split('/').pop()?.replace(/-\d+$/, '');
      target = Array.from(root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')).find((h) => slugifyHeading(h.textContent ?? '') === last) ?? null;
    }
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.classList.add('section-highlight');
    target.setAttribute('data-highlighted', 'true');
    const timer = window.setTimeout(() => target?.classList.remove('section-highlight'), 4000);
    return () => window.clearTimeout(timer);
  }, [section, markdown]);
  return <MarkdownView ref={ref} markdown={markdown} testId="document-content" />;
}
