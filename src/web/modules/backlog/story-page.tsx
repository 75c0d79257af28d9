import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { ConfirmDialog } from '../../components/dialog';
import { DraftOffer } from '../../components/draft-offer';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { TextAreaField, TextField } from '../../components/field';
import { AlertIcon, ChevronLeftIcon, FileTextIcon, PencilIcon, TrashIcon } from '../../components/icons';
import { MarkdownView } from '../../components/markdown-view';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { UnsavedChangesDialog } from '../../components/unsaved-changes-dialog';
import { draftKey } from '../../lib/drafts';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { backlogPath, epicPath, sprintPath, storyPath, useBacklog } from './backlog-context';
import { pointScale, priorityLabels, storyPriorities, storyStatusLabels, storyStatuses } from './backlog-labels';
import { conflictStoryOf, type Story, type StoryPatch } from './client';
import { StoryActivityList } from './story-activity';
import { StoryGitHub } from './story-github';
import { StoryRelations } from './story-relations';
import { useStoryHints } from './use-story-hints';

/** One story: its text (edited with unsaved-edit protection), its fields, relations and history. */
export function StoryPage() {
  const { storyId = '' } = useParams();
  const { project } = useBacklog();
  const loaded = useResource(`${project.id}|${storyId}`, (signal) => api.backlog.stories.get(project.id, storyId, signal));
  if (loaded.status === 'loading') return <LoadingState label="Loading story" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400)) {
      return (
        <EmptyState
          icon={<FileTextIcon size={22} />}
          title="Story not found"
          testId="story-not-found"
          action={
            <Link to={backlogPath(project.id)} className="btn btn-secondary">
              Back to the backlog
            </Link>
          }
        >
          This story does not exist in this project, or it was deleted.
        </EmptyState>
      );
    }
    return <ErrorBanner error={loaded.error} title="The story could not be loaded." onRetry={loaded.reload} />;
  }
  return <StoryDetail key={storyId} initial={loaded.data} />;
}

type Text = { title: string; description: string; acceptanceCriteria: string };
const textOf = (story: Story): Text => ({ title: story.title, description: story.description, acceptanceCriteria: story.acceptanceCriteria });

function StoryDetail({ initial }: { initial: Story }) {
  const { project, canEdit, sprints, epics, members, reloadRefs } = useBacklog();
  const toast = useToast();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [story, setStory] = useState(initial);
  const [editing, setEditing] = useState(canEdit && params.get('edit') === '1');
  const [text, setText] = useState<Text>(() => textOf(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState<Story | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useTitle(`${story.key} ${story.title}`, project.name);

  const saved = textOf(story);
  const dirty = editing && (text.title.trim() !== saved.title || text.description !== saved.description || text.acceptanceCriteria !== saved.acceptanceCriteria);
  const guard = useUnsavedGuard({ dirty, draftKey: draftKey('story', story.id, story.rev), value: text, restore: (draft) => {
    setText(draft);
    setEditing(true);
  } });
  const hints = useStoryHints(project.id, editing && text.title.trim() !== saved.title ? text.title : '', { excludeId: story.id });

  const stopEditing = () => {
    setEditing(false);
    if (params.has('edit')) {
      const next = new URLSearchParams(params);
      next.delete('edit');
      setParams(next, { replace: true });
    }
  };

  /** One PATCH from the revision on screen; a stale one keeps the edit and shows what changed meanwhile. */
  const patch = async (change: Omit<StoryPatch, 'baseRev'>, baseRev = story.rev): Promise<Story | null> => {
    setSaving(true);
    setError(null);
    try {
      const next = await api.backlog.stories.update(project.id, story.id, { ...change, baseRev });
      setStory(next);
      setStale(null);
      return next;
    } catch (caught) {
      const current = conflictStoryOf(caught);
      if (current) setStale(current);
      setError(caught);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const saveText = async (baseRev?: number) => {
    const next = await patch({ title: text.title.trim(), description: text.description, acceptanceCriteria: text.acceptanceCriteria }, baseRev);
    if (next) {
      guard.release();
      setText(textOf(next));
      stopEditing();
      toast.show(`${next.key} saved`);
    }
  };

  const setField = async (change: Omit<StoryPatch, 'baseRev'>, what: string) => {
    const next = await patch(change);
    if (next) {
      toast.show(`${what} changed`);
      if ('sprintId' in change || 'epicId' in change || 'status' in change || 'storyPoints' in change) reloadRefs();
    }
  };

  const remove = async () => {
    setSaving(true);
    try {
      await api.backlog.stories.remove(project.id, story.id);
      guard.release();
      toast.show(`${story.key} deleted`);
      reloadRefs();
      void navigate(backlogPath(project.id));
    } catch (caught) {
      setError(caught);
      setConfirmDelete(false);
    } finally {
      setSaving(false);
    }
  };

  const epic = epics.find((e) => e.id === story.epicId);
  const sprint = sprints.find((s) => s.id === story.sprintId);
  const assignable = members;

  return (
    <div className="story-page" data-testid="story-page" data-rev={story.rev} data-status={story.status}>
      <div className="story-breadcrumb">
        <Link to={backlogPath(project.id)} className="btn btn-ghost btn-sm">
          <ChevronLeftIcon size={14} /> Backlog
        </Link>
        <span className="key-chip" data-testid="story-key">
          {story.key}
        </span>
      </div>

      {error != null && !stale && <ErrorBanner error={error} title="The story could not be saved." />}
      {stale && (
        <div className="banner banner-warning" role="alert" data-testid="story-conflict">
          <AlertIcon size={16} className="banner-icon" />
          <div className="banner-body">
            <strong className="banner-title">Someone changed this story since you opened it.</strong>
            <span>Your text is still here. Save it over their version, or take theirs.</span>
          </div>
          {editing && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => void saveText(stale.rev)} data-testid="conflict-overwrite">
              Save mine
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              setStory(stale);
              setText(textOf(stale));
              setStale(null);
              setError(null);
              guard.release();
              stopEditing();
            }}
            data-testid="conflict-take-theirs"
          >
            Take theirs
          </button>
        </div>
      )}

      <div className="story-layout">
        <div className="story-main">
          {editing ? (
            <form
              className="card story-editor"
              onSubmit={(event) => {
                event.preventDefault();
                void saveText();
              }}
              data-testid="story-editor"
            >
              <DraftOffer guard={guard} />
              <TextField label="Title" value={text.title} onChange={(e) => setText({ ...text, title: e.target.value })} maxLength={255} required autoFocus data-testid="story-title-input" />
              {hints.similar.length > 0 && (
                <p className="composer-duplicates" data-testid="duplicate-warning">
                  <AlertIcon size={14} /> Similar:{' '}
                  {hints.similar.map((item) => (
                    <Link key={item.storyId} to={storyPath(project.id, item.storyId)} className="composer-duplicate">
                      <span className="key-chip">{item.key}</span> {item.title}
                    </Link>
                  ))}
                </p>
              )}
              <TextAreaField label="Description" rows={6} value={text.description} onChange={(e) => setText({ ...text, description: e.target.value })} placeholder="As a …, I want … so that …" data-testid="story-description-input" />
              <TextAreaField
                label="Acceptance criteria"
                rows={5}
                value={text.acceptanceCriteria}
                onChange={(e) => setText({ ...text, acceptanceCriteria: e.target.value })}
                hint="One criterion per line: Given … When … Then …"
                data-testid="story-criteria-input"
              />
              <div className="story-editor-actions">
                <button type="button" className="btn btn-secondary" onClick={() => guard.confirmDiscard(() => {
                  setText(textOf(story));
                  stopEditing();
                })}>
                  Cancel
                </button>
                <button type="submit" className="btn btn-primary" disabled={saving || !text.title.trim()} data-testid="story-save">
                  {saving ? 'Saving…' : 'Save'}
                </button>
              </div>
            </form>
          ) : (
            <article className="card story-text">
              <div className="story-text-head">
                <h2 className="story-heading" data-testid="story-heading">
                  {story.title}
                </h2>
                {canEdit && (
                  <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)} data-testid="edit-story">
                    <PencilIcon size={14} /> Edit
                  </button>
                )}
              </div>
              {story.description ? <MarkdownView markdown={story.description} testId="story-description" /> : <p className="muted">No description.</p>}
              <h3 className="section-title story-criteria-title">Acceptance criteria</h3>
              {story.acceptanceCriteria ? <MarkdownView markdown={story.acceptanceCriteria} testId="story-criteria" /> : <p className="muted">None written yet.</p>}
            </article>
          )}
          <StoryRelations projectId={project.id} storyId={story.id} canEdit={canEdit} />
          <StoryActivityList projectId={project.id} storyId={story.id} rev={story.rev} names={{ sprints, epics, members }} />
        </div>

        <aside className="card story-fields" aria-label="Fields" data-testid="story-fields">
          <FieldSelect label="Status" value={story.status} disabled={!canEdit || saving} testId="story-status" onChange={(v) => void setField({ status: v as Story['status'] }, 'Status')}>
            {storyStatuses.map((s) => (
              <option key={s} value={s}>
                {storyStatusLabels[s]}
              </option>
            ))}
          </FieldSelect>
          <FieldSelect label="Priority" value={story.priority} disabled={!canEdit || saving} testId="story-priority-select" onChange={(v) => void setField({ priority: v as Story['priority'] }, 'Priority')}>
            {storyPriorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </FieldSelect>
          <FieldSelect label="Points" value={story.storyPoints === null ? '' : String(story.storyPoints)} disabled={!canEdit || saving} testId="story-points-select" onChange={(v) => void setField({ storyPoints: v === '' ? null : Number(v) }, 'Points')}>
            <option value="">Not estimated</option>
            {[...new Set([...pointScale, ...(story.storyPoints === null ? [] : [story.storyPoints])])].sort((a, b) => a - b).map((p) => (
              <option key={p} value={String(p)}>
                {p}
              </option>
            ))}
          </FieldSelect>
          <FieldSelect label="Assignee" value={story.assigneeId ?? ''} disabled={!canEdit || saving} testId="story-assignee" onChange={(v) => void setField({ assigneeId: v || null }, 'Assignee')}>
            <option value="">Unassigned</option>
            {assignable.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </FieldSelect>
          <FieldSelect label="Epic" value={story.epicId ?? ''} disabled={!canEdit || saving} testId="story-epic" onChange={(v) => void setField({ epicId: v || null }, 'Epic')}>
            <option value="">No epic</option>
            {epics.map((e) => (
              <option key={e.id} value={e.id}>
                {e.key} {e.title}
              </option>
            ))}
          </FieldSelect>
          {epic && (
            <Link to={epicPath(project.id, epic.id)} className="field-link">
              Open {epic.key}
            </Link>
          )}
          <FieldSelect label="Sprint" value={story.sprintId ?? ''} disabled={!canEdit || saving} testId="story-sprint" onChange={(v) => void setField({ sprintId: v || null }, 'Sprint')}>
            <option value="">Backlog (no sprint)</option>
            {sprints
              .filter((s) => s.status !== 'completed' || s.id === story.sprintId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </FieldSelect>
          {sprint && (
            <Link to={sprintPath(project.id, sprint.id)} className="field-link">
              Open {sprint.name}
            </Link>
          )}
          <dl className="properties story-dates">
            <dt>Created</dt>
            <dd title={formatDateTime(story.createdAt)}>{formatRelative(story.createdAt)}</dd>
            <dt>Updated</dt>
            <dd title={formatDateTime(story.updatedAt)}>{formatRelative(story.updatedAt)}</dd>
          </dl>
          <StoryGitHub projectId={project.id} organizationId={project.organizationId} storyId={story.id} rev={story.rev} canEdit={canEdit} />
          {canEdit && (
            <button type="button" className="btn btn-danger-ghost btn-sm" onClick={() => setConfirmDelete(true)} data-testid="delete-story">
              <TrashIcon size={14} /> Delete story
            </button>
          )}
        </aside>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${story.key}?`}
        confirmLabel="Delete story"
        danger
        busy={saving}
        onConfirm={() => void remove()}
        onClose={() => setConfirmDelete(false)}
        testId="delete-story-dialog"
      >
        “{story.title}” leaves the backlog, the board and its sprint. Its history stays in the record.
      </ConfirmDialog>
      <UnsavedChangesDialog guard={guard} />
    </div>
  );
}

function FieldSelect({ label, value, disabled, testId, onChange, children }: { label: string; value: string; disabled: boolean; testId: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <label className="story-field">
      <span className="field-label">{label}</span>
      <select className="input select input-sm" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {children}
      </select>
    </label>
  );
}
