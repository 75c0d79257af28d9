import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { TextAreaField, TextField } from '../../components/field';
import { FolderIcon, PlusIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { formatDate } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { backlogPath, epicPath, storyPath, useBacklog } from './backlog-context';
import { pointsText } from './backlog-labels';
import type { Epic, Story } from './client';
import { PointsChip, PriorityMark } from './story-bits';

/** Done points over all points (stories when none is estimated), as a whole percentage. */
function progressOf(epic: Epic): { percent: number; text: string } {
  const { stories, done, points, donePoints } = epic.progress;
  if (points > 0) return { percent: Math.round((donePoints / points) * 100), text: `${donePoints} of ${pointsText(points)}` };
  return { percent: stories ? Math.round((done / stories) * 100) : 0, text: `${done} of ${stories} ${stories === 1 ? 'story' : 'stories'}` };
}

function ProgressBar({ epic }: { epic: Epic }) {
  const { percent, text } = progressOf(epic);
  return (
    <span className="epic-progress" data-testid="epic-progress" data-percent={percent}>
      <span className="epic-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${epic.key} progress`}>
        <span className="epic-progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="muted epic-progress-text">
        {percent}% · {text}
      </span>
    </span>
  );
}

/** The project's epics with their progress, and a form for a new one. */
export function EpicsPage() {
  const { project, canEdit, epics, reloadRefs } = useBacklog();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  useTitle('Epics', project.name);
  return (
    <div data-testid="epics-page">
      <div className="toolbar">
        <span className="toolbar-count">
          {epics.length} {epics.length === 1 ? 'epic' : 'epics'}
        </span>
        {canEdit && (
          <div className="toolbar-actions">
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-epic">
              <PlusIcon size={15} /> New epic
            </button>
          </div>
        )}
      </div>
      {epics.length === 0 ? (
        <EmptyState icon={<FolderIcon size={22} />} title="No epics yet" testId="epics-empty">
          Epics group stories into larger pieces of work; generating stories from the PRD proposes them too.
        </EmptyState>
      ) : (
        <ul className="list" data-testid="epic-list">
          {epics.map((epic) => (
            <li key={epic.id} className="list-row" data-testid="epic-row">
              <span className="key-chip">{epic.key}</span>
              <div className="project-main">
                <Link to={epicPath(project.id, epic.id)} className="project-name">
                  {epic.title}
                </Link>
              </div>
              <div className="project-meta">
                <ProgressBar epic={epic} />
                <StatusBadge kind="story" status={epic.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New epic" testId="epic-dialog" size="sm">
        {creating && (
          <EpicForm
            projectId={project.id}
            onClose={() => setCreating(false)}
            onSaved={(epic) => {
              setCreating(false);
              reloadRefs();
              toast.show(`${epic.key} created`);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function EpicForm({ projectId, onClose, onSaved }: { projectId: string; onClose(): void; onSaved(epic: Epic): void }) {
  const form = useForm({ title: '', description: '', targetDate: '' }, async (values) => {
    onSaved(await api.backlog.epics.create(projectId, { title: values.title.trim(), description: values.description, targetDate: values.targetDate || null }));
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField label="Title" value={form.values.title} onChange={(e) => form.set('title', e.target.value)} error={form.fieldError('title')} autoFocus required maxLength={255} data-testid="epic-title" />
        <TextAreaField label="Description" optional rows={3} value={form.values.description} onChange={(e) => form.set('description', e.target.value)} error={form.fieldError('description')} />
        <TextField label="Target date" optional type="date" value={form.values.targetDate} onChange={(e) => form.set('targetDate', e.target.value)} error={form.fieldError('targetDate')} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.title.trim()} data-testid="epic-submit">
          {form.submitting ? 'Creating…' : 'Create epic'}
        </button>
      </footer>
    </form>
  );
}

/** One epic: its description, target date, progress and stories. */
export function EpicPage() {
  const { epicId = '' } = useParams();
  const { project, epics } = useBacklog();
  const epic = epics.find((e) => e.id === epicId);
  const stories = usePagedList<Story>(`${project.id}|${epicId}`, (cursor, signal) => api.backlog.stories.list(project.id, { epicId, limit: 100, cursor }, signal));
  useTitle(epic ? `${epic.key} ${epic.title}` : 'Epic', project.name);
  if (!epic) {
    return (
      <EmptyState icon={<FolderIcon size={22} />} title="Epic not found" testId="epic-not-found" action={<Link to={backlogPath(project.id, 'epics')} className="btn btn-secondary">All epics</Link>}>
        This epic does not exist in this project.
      </EmptyState>
    );
  }
  return (
    <div className="epic-page" data-testid="epic-page">
      <header className="sprint-head">
        <div className="sprint-heading">
          <div className="project-title-line">
            <span className="key-chip">{epic.key}</span>
            <h2 className="sprint-title">{epic.title}</h2>
            <StatusBadge kind="story" status={epic.status} />
          </div>
          <p className="muted">Target {formatDate(epic.targetDate)}</p>
        </div>
      </header>
      <section className="card epic-summary">
        <ProgressBar epic={epic} />
        {epic.description ? <p className="prose">{epic.description}</p> : <p className="muted">No description.</p>}
      </section>
      <h3 className="section-title">Stories</h3>
      {stories.status === 'loading' && <SkeletonRows rows={3} />}
      {stories.status === 'error' && <ErrorBanner error={stories.error} onRetry={stories.reload} />}
      {stories.status === 'ready' && stories.items.length === 0 && <p className="muted">No stories in this epic yet.</p>}
      {stories.status === 'ready' && stories.items.length > 0 && (
        <ul className="list story-list">
          {stories.items.map((story) => (
            <li key={story.id} className="list-row story-row" data-testid="epic-story">
              <PriorityMark priority={story.priority} />
              <span className="key-chip story-key">{story.key}</span>
              <Link to={storyPath(project.id, story.id)} className="story-title">
                {story.title}
              </Link>
              <span className="story-row-meta">
                <StatusBadge kind="story" status={story.status} />
                <PointsChip points={story.storyPoints} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {stories.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary" onClick={stories.loadMore} disabled={stories.loadingMore}>
            Load more
          </button>
        </div>
      )}
    </div>
  );
}
