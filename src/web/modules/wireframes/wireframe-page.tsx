import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Project } from '../projects/client';
import { ConfirmDialog } from '../../components/dialog';
import { DraftOffer } from '../../components/draft-offer';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { DownloadIcon, PencilIcon, TrashIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { UnsavedChangesDialog } from '../../components/unsaved-changes-dialog';
import { PageHeader } from '../../layout/page-header';
import { draftKey } from '../../lib/drafts';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { useCanEditProject } from '../../lib/workspace';
import { removedOnGeneration, type Wireframe } from './client';
import { templateLabels, wireframeTemplates, type WireframeTemplate } from './wireframe-kinds';
import { WireframePreview } from './wireframe-preview';
import './wireframes.css';

/** Preview widths: a laptop screen and a phone. */
const WIDTHS = { desktop: 1200, mobile: 390 } as const;
type Viewport = keyof typeof WIDTHS;

/** One wireframe in its sandboxed preview: desktop or mobile width, HTML/CSS editing with what the sanitizer removed, download. */
export function WireframePage() {
  const { projectId = '', wireframeId = '' } = useParams();
  const wireframe = useResource(`${projectId}|${wireframeId}`, (signal) => api.wireframes.get(projectId, wireframeId, signal));
  const project = useResource(projectId, (signal) => api.projects.get(projectId, signal));

  if (wireframe.status === 'loading') return <LoadingState label="Loading wireframe" />;
  if (wireframe.status === 'error') {
    if (wireframe.error instanceof ApiError && wireframe.error.status === 404) {
      return (
        <div className="page">
          <EmptyState
            title="Wireframe not found"
            testId="wireframe-not-found"
            action={
              <Link to={`/projects/${projectId}/wireframes`} className="btn btn-secondary">
                Back to wireframes
              </Link>
            }
          >
            This wireframe does not exist, or you do not have access to it.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorBanner error={wireframe.error} title="The wireframe could not be loaded." onRetry={wireframe.reload} />
      </div>
    );
  }
  return <WireframeView wireframe={wireframe.data} project={project.status === 'ready' ? project.data : null} onChange={wireframe.set} />;
}

function WireframeView({ wireframe, project, onChange }: { wireframe: Wireframe; project: Project | null; onChange(w: Wireframe): void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const canEdit = useCanEditProject(wireframe.organizationId, project);
  const [viewport, setViewport] = useState<Viewport>('desktop');
  const [editing, setEditing] = useState(false);
  const [removed, setRemoved] = useState<string[] | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  useTitle(wireframe.title, project?.name);
  const generatedRemovals = removedOnGeneration(wireframe.metadata);
  const listPath = `/projects/${wireframe.projectId}/wireframes`;

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.wireframes.remove(wireframe.projectId, wireframe.id);
      toast.show(`Deleted ${wireframe.title}`);
      void navigate(listPath);
    } catch (caught) {
      setDeleteError(caught);
      setDeleting(false);
    }
  };

  return (
    <div className="page wireframe-page" data-testid="wireframe-page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <Link to={`/projects/${wireframe.projectId}`}>{project ? <span className="key-chip">{project.key}</span> : 'Project'}</Link>
            <span aria-hidden="true">/</span>
            <Link to={listPath}>Wireframes</Link>
          </>
        }
        title={<span data-testid="wireframe-title">{wireframe.title}</span>}
        subtitle={wireframe.description ?? undefined}
        actions={
          <>
            <a className="btn btn-secondary" href={api.wireframes.downloadUrl(wireframe.projectId, wireframe.id)} download data-testid="wireframe-download">
              <DownloadIcon size={15} /> Download HTML
            </a>
            {canEdit && !editing && (
              <>
                <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)} data-testid="wireframe-edit">
                  <PencilIcon size={15} /> Edit
                </button>
                <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirmDelete(true)} data-testid="wireframe-delete">
                  <TrashIcon size={15} /> Delete
                </button>
              </>
            )}
          </>
        }
      />

      {removed && removed.length > 0 && <RemovedBanner removed={removed} onDismiss={() => setRemoved(null)} />}
      {!removed && generatedRemovals.length > 0 && <RemovedBanner removed={generatedRemovals} generated />}

      <div className="wireframe-toolbar">
        <div className="segmented" role="group" aria-label="Preview width">
          {(Object.keys(WIDTHS) as Viewport[]).map((v) => (
            <button key={v} type="button" className={viewport === v ? 'active' : undefined} aria-pressed={viewport === v} onClick={() => setViewport(v)} data-testid={`viewport-${v}`}>
              {v === 'desktop' ? 'Desktop' : 'Mobile'} <span className="muted">{WIDTHS[v]}px</span>
            </button>
          ))}
        </div>
        <span className="muted wireframe-meta">
          {wireframe.templateType && <span className="wireframe-chip">{templateLabels[wireframe.templateType]}</span>} Updated {formatDateTime(wireframe.updatedAt)}
        </span>
      </div>

      {editing ? (
        <WireframeEditor
          wireframe={wireframe}
          width={WIDTHS[viewport]}
          onCancel={() => setEditing(false)}
          onSaved={(saved, removedParts) => {
            onChange(saved);
            setRemoved(removedParts);
            setEditing(false);
            toast.show(removedParts.length ? `Saved; ${removedParts.length} unsafe ${removedParts.length === 1 ? 'part was' : 'parts were'} removed` : 'Wireframe saved');
          }}
        />
      ) : (
        <div className="wireframe-stage" data-viewport={viewport}>
          <WireframePreview wireframe={wireframe} width={WIDTHS[viewport]} />
        </div>
      )}

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this wireframe?"
        confirmLabel="Delete"
        danger
        busy={deleting}
        error={deleteError ? <ErrorBanner error={deleteError} /> : undefined}
        onConfirm={() => void remove()}
        onClose={() => setConfirmDelete(false)}
      >
        “{wireframe.title}” will be deleted for everyone in the project. Download it first to keep a copy.
      </ConfirmDialog>
    </div>
  );
}

function RemovedBanner({ removed, generated = false, onDismiss }: { removed: string[]; generated?: boolean; onDismiss?: () => void }) {
  return (
    <div className="banner banner-warning wireframe-removed" role="status" data-testid="wireframe-removed">
      <div>
        <strong>{generated ? 'Unsafe parts were removed from the generated markup:' : 'Unsafe parts were removed on save:'}</strong>
        <ul>
          {removed.slice(0, 12).map((item) => (
            <li key={item}>{item}</li>
          ))}
          {removed.length > 12 && <li>…and {removed.length - 12} more</li>}
        </ul>
      </div>
      {onDismiss && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

function WireframeEditor({ wireframe, width, onCancel, onSaved }: { wireframe: Wireframe; width: number; onCancel(): void; onSaved(saved: Wireframe, removed: string[]): void }) {
  const [title, setTitle] = useState(wireframe.title);
  const [description, setDescription] = useState(wireframe.description ?? '');
  const [template, setTemplate] = useState<WireframeTemplate | ''>(wireframe.templateType ?? '');
  const [html, setHtml] = useState(wireframe.htmlContent);
  const [css, setCss] = useState(wireframe.cssContent ?? '');
  const [base, setBase] = useState(wireframe.updatedAt);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const conflict = error instanceof ApiError && error.status === 409 ? error : null;
  const dirty =
    title !== wireframe.title ||
    description !== (wireframe.description ?? '') ||
    template !== (wireframe.templateType ?? '') ||
    html !== wireframe.htmlContent ||
    css !== (wireframe.cssContent ?? '');
  // Unsaved markup survives leaving the page: asked first, then kept as a draft of the version the edit started from.
  const guard = useUnsavedGuard({
    dirty,
    draftKey: draftKey('wireframe', wireframe.id, base),
    value: { title, description, template, html, css },
    restore: (draft) => {
      setTitle(draft.title);
      setDescription(draft.description);
      setTemplate(draft.template);
      setHtml(draft.html);
      setCss(draft.css);
    },
  });

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.wireframes.update(wireframe.projectId, wireframe.id, {
        title: title.trim(),
        description: description.trim() || null,
        templateType: template || null,
        htmlContent: html,
        cssContent: css || null,
        baseUpdatedAt: base,
      });
      const { sanitized, ...rest } = saved;
      guard.release();
      onSaved(rest, sanitized.removed);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  /** After a conflict: keep my text, but edit on top of the version that is saved now. */
  const overwrite = () => {
    const current = conflict?.data && typeof conflict.data === 'object' && 'updatedAt' in conflict.data ? (conflict.data).updatedAt : null;
    if (typeof current === 'string') setBase(current);
    setError(null);
  };

  return (
    <form
      className="wireframe-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      data-testid="wireframe-editor"
    >
      <div className="wireframe-editor-fields">
        <DraftOffer guard={guard} />
        {conflict ? (
          <div className="banner banner-warning" role="alert">
            <span>Someone saved this wireframe while you were editing. Saving now would replace their version.</span>
            <button type="button" className="btn btn-secondary btn-sm" onClick={overwrite}>
              Keep my version
            </button>
          </div>
        ) : (
          <ErrorBanner error={error instanceof ApiError && error.coveredBy(['title', 'description', 'templateType', 'htmlContent', 'cssContent']) ? null : error} title="The wireframe could not be saved." />
        )}
        <div className="wireframe-form-row">
          <TextField label="Title" name="title" maxLength={255} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
          <SelectField label="Template" name="templateType" value={template} onChange={(e) => setTemplate(e.target.value as WireframeTemplate | '')} error={fieldError('templateType')}>
            <option value="">None</option>
            {wireframeTemplates.map((t) => (
              <option key={t} value={t}>
                {templateLabels[t]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Description" name="description" optional maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError('description')} />
        <TextAreaField label="HTML" name="htmlContent" rows={14} className="input textarea wireframe-code" spellCheck={false} value={html} onChange={(e) => setHtml(e.target.value)} error={fieldError('htmlContent')} data-testid="wireframe-html-editor" />
        <TextAreaField label="CSS" name="cssContent" optional rows={8} className="input textarea wireframe-code" spellCheck={false} value={css} onChange={(e) => setCss(e.target.value)} error={fieldError('cssContent')} data-testid="wireframe-css-editor" />
        <div className="wireframe-editor-actions">
          <button type="button" className="btn btn-secondary" onClick={() => guard.confirmDiscard(onCancel)} data-testid="wireframe-cancel">
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="wireframe-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>
      <div className="wireframe-stage wireframe-live" aria-label="Live preview">
        <p className="muted wireframe-live-note">Live preview (unsaved; the server removes unsafe parts on save)</p>
        <WireframePreview wireframe={{ title, htmlContent: html, cssContent: css }} width={width} testId="wireframe-live-preview" />
      </div>
      <UnsavedChangesDialog guard={guard} />
    </form>
  );
}
