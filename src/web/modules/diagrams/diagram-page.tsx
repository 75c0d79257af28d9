import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError, messageOf } from '../../api/http';
import type { Project } from '../projects/client';
import { ConfirmDialog } from '../../components/dialog';
import { DraftOffer } from '../../components/draft-offer';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { ChartIcon, DownloadIcon, HistoryIcon, RestoreIcon, TrashIcon } from '../../components/icons';
import { LoadingState, Spinner } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { UnsavedChangesDialog } from '../../components/unsaved-changes-dialog';
import { PageHeader } from '../../layout/page-header';
import { conflictDiagramOf, parseProblemOf, type Diagram, type DiagramRevision } from './client';
import { downloadPng, downloadSvg } from './diagram-downloads';
import { diagramTypeLabels } from './diagram-kinds';
import { renderMermaid, type ParseProblem } from './mermaid';
import { draftKey } from '../../lib/drafts';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { useCanEditProject } from '../../lib/workspace';
import './diagrams.css';

type Loaded = { project: Project; diagram: Diagram };

/** One diagram: Mermaid code beside its live render, saved as revisions, with history and downloads. */
export function DiagramPage() {
  const { projectId = '', diagramId = '' } = useParams();
  const loaded = useResource<Loaded>(`${projectId}|${diagramId}`, async (signal) => {
    const [project, diagram] = await Promise.all([api.projects.get(projectId, signal), api.diagrams.get(projectId, diagramId, signal)]);
    return { project, diagram };
  });
  if (loaded.status === 'loading') return <LoadingState label="Loading diagram" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <DiagramNotFound projectId={projectId} />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} title="The diagram could not be loaded." onRetry={loaded.reload} />
      </div>
    );
  }
  return <DiagramEditor key={diagramId} project={loaded.data.project} initial={loaded.data.diagram} />;
}

function DiagramNotFound({ projectId }: { projectId: string }) {
  useTitle('Diagram not found');
  return (
    <div className="page">
      <EmptyState
        icon={<ChartIcon size={22} />}
        title="Diagram not found"
        testId="diagram-not-found"
        action={
          <Link to={`/projects/${projectId}/diagrams`} className="btn btn-secondary">
            Back to diagrams
          </Link>
        }
      >
        This diagram does not exist, or you do not have access to it.
      </EmptyState>
    </div>
  );
}

type Preview = { state: 'rendering' } | { state: 'ok'; svg: string } | { state: 'error'; problem: ParseProblem };

function DiagramEditor({ project, initial }: { project: Project; initial: Diagram }) {
  const toast = useToast();
  const navigate = useNavigate();
  const canEdit = useCanEditProject(project.organizationId, project);
  const [diagram, setDiagram] = useState(initial);
  const [code, setCode] = useState(initial.mermaidCode);
  const [title, setTitle] = useState(initial.title);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview>({ state: 'rendering' });
  const [lastSvg, setLastSvg] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  useTitle(diagram.title, project.name);

  const debouncedCode = useDebounced(code, 300);
  useEffect(() => {
    let active = true;
    setPreview({ state: 'rendering' });
    renderMermaid(debouncedCode)
      .then((result) => {
        if (!active) return;
        if (result.ok) {
          setPreview({ state: 'ok', svg: result.svg });
          setLastSvg(result.svg);
        } else setPreview({ state: 'error', problem: result.problem });
      })
      .catch((error: unknown) => active && setPreview({ state: 'error', problem: { line: null, message: messageOf(error) } }));
    return () => {
      active = false;
    };
  }, [debouncedCode]);

  const dirty = code !== diagram.mermaidCode || title.trim() !== diagram.title;
  // Unsaved code survives leaving the page: asked first, then kept as a draft of this revision.
  const guard = useUnsavedGuard({
    dirty,
    draftKey: draftKey('diagram', diagram.id, diagram.currentRev),
    value: { title, code },
    restore: (draft) => {
      setTitle(draft.title);
      setCode(draft.code);
    },
  });
  const serverProblem = parseProblemOf(saveError);
  const stale = saveError instanceof ApiError && saveError.status === 409;

  const save = async () => {
    if (!title.trim()) {
      setSaveError(new ApiError(400, 'VALIDATION_FAILED', 'Give the diagram a title', [{ field: 'title', message: 'must not be empty' }]));
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await api.diagrams.update(project.id, diagram.id, {
        baseRev: diagram.currentRev,
        ...(code !== diagram.mermaidCode ? { mermaidCode: code } : {}),
        ...(title.trim() !== diagram.title ? { title: title.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDiagram(saved);
      setTitle(saved.title);
      setNote('');
      toast.show(`Saved as revision ${saved.currentRev}`);
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setSaving(false);
    }
  };

  const takeTheirs = async () => {
    const fresh = conflictDiagramOf(saveError) ?? (await api.diagrams.get(project.id, diagram.id));
    setDiagram(fresh);
    setCode(fresh.mermaidCode);
    setTitle(fresh.title);
    setSaveError(null);
  };

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.diagrams.remove(project.id, diagram.id);
      toast.show('Diagram deleted');
      guard.release();
      void navigate(`/projects/${project.id}/diagrams`);
    } catch (caught) {
      setDeleteError(caught);
      setDeleting(false);
    }
  };

  const problem = preview.state === 'error' ? preview.problem : null;
  const svgForDownload = preview.state === 'ok' ? preview.svg : lastSvg;

  return (
    <div className="page page-wide" data-testid="diagram-page" data-rev={diagram.currentRev}>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <Link to={`/projects/${project.id}`} className="breadcrumb-project">
              <span className="key-chip">{project.key}</span> {project.name}
            </Link>
            <span aria-hidden="true">/</span>
            <Link to={`/projects/${project.id}/diagrams`}>Diagrams</Link>
          </>
        }
        title={<span data-testid="diagram-title">{diagram.title}</span>}
        subtitle={
          <span className="doc-meta-line">
            <span className="chip diagram-type-chip">{diagramTypeLabels[diagram.type]}</span>
            <span className="rev-chip" data-testid="diagram-rev">
              Rev {diagram.currentRev}
            </span>
            <span className="muted" title={formatDateTime(diagram.updatedAt)}>
              Updated {formatRelative(diagram.updatedAt)}
            </span>
          </span>
        }
        actions={
          <>
            <button type="button" className="btn btn-secondary" onClick={() => setShowHistory((v) => !v)} aria-pressed={showHistory} data-testid="diagram-history-toggle">
              <HistoryIcon size={15} /> History
            </button>
            <button type="button" className="btn btn-secondary" disabled={!svgForDownload} onClick={() => svgForDownload && downloadSvg(svgForDownload, diagram.title)} data-testid="download-svg">
              <DownloadIcon size={15} /> SVG
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={!svgForDownload}
              onClick={() => svgForDownload && void downloadPng(svgForDownload, diagram.title).catch((error: unknown) => toast.show(messageOf(error)))}
              data-testid="download-png"
            >
              <DownloadIcon size={15} /> PNG
            </button>
            <a className="btn btn-secondary" href={api.diagrams.mmdUrl(project.id, diagram.id)} download data-testid="download-mmd">
              <DownloadIcon size={15} /> .mmd
            </a>
            {canEdit && (
              <button type="button" className="btn btn-secondary btn-icon" aria-label="Delete diagram" onClick={() => setConfirmDelete(true)} data-testid="delete-diagram">
                <TrashIcon size={15} />
              </button>
            )}
          </>
        }
      />
      {diagram.description && <p className="muted diagram-description">{diagram.description}</p>}

      <div className={showHistory ? 'diagram-workspace with-history' : 'diagram-workspace'}>
        <section className="diagram-code-pane" aria-label="Mermaid code">
          {canEdit && <DraftOffer guard={guard} />}
          {canEdit && (
            <label className="diagram-title-field">
              <span className="sr-only">Title</span>
              <input className="input" value={title} maxLength={255} onChange={(e) => setTitle(e.target.value)} aria-label="Title" data-testid="diagram-title-input" />
            </label>
          )}
          <textarea
            className="input diagram-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            readOnly={!canEdit}
            spellCheck={false}
            aria-label="Mermaid code"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'diagram-parse-error' : undefined}
            data-testid="diagram-code"
          />
          {problem && (
            <div className="diagram-parse-error" id="diagram-parse-error" role="status" data-testid="diagram-parse-error">
              <strong>{problem.line !== null ? `Line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}` : 'Parse error'}</strong>
              <pre>{problem.message}</pre>
            </div>
          )}
          {serverProblem && (
            <div className="diagram-parse-error" role="alert" data-testid="diagram-save-error">
              <strong>Not saved: the server’s parser rejected line {serverProblem.line ?? '?'}</strong>
              <pre>{serverProblem.message}</pre>
            </div>
          )}
          {stale && (
            <div className="banner banner-warning" role="alert" data-testid="diagram-conflict">
              Someone saved this diagram while you were editing. Copy your code if you need it, then{' '}
              <button type="button" className="btn-link" onClick={() => void takeTheirs()}>
                load their version
              </button>
              .
            </div>
          )}
          {saveError != null && !serverProblem && !stale && <ErrorBanner error={saveError} title="The diagram could not be saved." />}
          {canEdit && (
            <div className="diagram-save-row">
              <input className="input input-sm" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} placeholder="What changed (optional)" aria-label="Revision note" />
              <button type="button" className="btn btn-primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="diagram-save">
                {saving ? 'Saving…' : 'Save'}
              </button>
            </div>
          )}
        </section>
        <section className="diagram-preview-pane" aria-label="Preview">
          {preview.state === 'rendering' && !lastSvg && <Spinner label="Rendering" />}
          {(preview.state === 'ok' || (preview.state !== 'error' && lastSvg)) && (
            <div className="diagram-preview" data-testid="diagram-preview" dangerouslySetInnerHTML={{ __html: preview.state === 'ok' ? preview.svg : (lastSvg ?? '') }} />
          )}
          {preview.state === 'error' && (
            <>
              {lastSvg && <div className="diagram-preview diagram-preview-stale" aria-hidden="true" dangerouslySetInnerHTML={{ __html: lastSvg }} />}
              <p className="muted diagram-preview-note">The preview shows the last code that parsed.</p>
            </>
          )}
        </section>
        {showHistory && (
          <HistoryPanel
            projectId={project.id}
            diagram={diagram}
            canEdit={canEdit}
            onRestored={(restored) => {
              setDiagram(restored);
              setCode(restored.mermaidCode);
              setTitle(restored.title);
              toast.show(`Restored as revision ${restored.currentRev}`);
            }}
          />
        )}
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this diagram?"
        confirmLabel="Delete"
        danger
        busy={deleting}
        error={deleteError != null ? <ErrorBanner error={deleteError} /> : undefined}
        onConfirm={() => void remove()}
        onClose={() => setConfirmDelete(false)}
      >
        “{diagram.title}” and its {diagram.currentRev} revision{diagram.currentRev === 1 ? '' : 's'} will be deleted.
      </ConfirmDialog>
      <UnsavedChangesDialog guard={guard} />
    </div>
  );
}

function HistoryPanel({ projectId, diagram, canEdit, onRestored }: { projectId: string; diagram: Diagram; canEdit: boolean; onRestored(diagram: Diagram): void }) {
  const revisions = useResource<DiagramRevision[]>(`${diagram.id}|${diagram.currentRev}`, async (signal) => (await api.diagrams.revisions(projectId, diagram.id, { limit: 100 }, signal)).items);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const restore = async (rev: number) => {
    setRestoring(rev);
    setError(null);
    try {
      onRestored(await api.diagrams.restore(projectId, diagram.id, { rev, baseRev: diagram.currentRev }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <aside className="diagram-history" aria-label="History" data-testid="diagram-history">
      <h2 className="diagram-history-title">History</h2>
      {error != null && <ErrorBanner error={error} title="The revision could not be restored." />}
      {revisions.status === 'loading' && <Spinner label="Loading history" />}
      {revisions.status === 'error' && <ErrorBanner error={revisions.error} onRetry={revisions.reload} />}
      {revisions.status === 'ready' && (
        <ol className="diagram-history-list">
          {revisions.data.map((revision) => (
            <li key={revision.rev} data-testid="diagram-revision">
              <div>
                <strong>Rev {revision.rev}</strong> <span className="muted">{formatRelative(revision.createdAt)}</span>
              </div>
              <div className="muted">
                {revision.note ?? (revision.generationId ? 'Generated' : 'Edited')} · {revision.createdByName ?? 'a former member'}
              </div>
              {canEdit && revision.rev !== diagram.currentRev && (
                <button type="button" className="btn btn-secondary btn-sm" disabled={restoring !== null} onClick={() => void restore(revision.rev)} data-testid={`restore-rev-${revision.rev}`}>
                  <RestoreIcon size={13} /> {restoring === revision.rev ? 'Restoring…' : 'Restore'}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
