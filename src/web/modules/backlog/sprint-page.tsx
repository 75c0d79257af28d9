import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { CalendarIcon, PencilIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { backlogPath, storyPath, useBacklog } from './backlog-context';
import { pointsText } from './backlog-labels';
import { BurndownChart } from './burndown-chart';
import { allPages, type Sprint, type Story } from './client';
import { CompleteSprintDialog } from './complete-sprint-dialog';
import { SprintFormDialog } from './sprint-form-dialog';
import { SprintPlanPanel } from './sprint-plan-panel';
import { PointsChip, PriorityMark } from './story-bits';

/** One sprint: goal, dates and scope; start and complete; its burndown and its stories. */
export function SprintPage() {
  const { sprintId = '' } = useParams();
  const { project } = useBacklog();
  const loaded = useResource(`${project.id}|${sprintId}`, async (signal) => {
    const [sprint, stories] = await Promise.all([
      api.backlog.sprints.get(project.id, sprintId, signal),
      allPages((cursor) => api.backlog.stories.list(project.id, { sprintId, limit: 200, cursor }, signal)),
    ]);
    return { sprint, stories };
  });
  if (loaded.status === 'loading') return <LoadingState label="Loading sprint" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400)) {
      return (
        <EmptyState icon={<CalendarIcon size={22} />} title="Sprint not found" testId="sprint-not-found" action={<Link to={backlogPath(project.id, 'sprints')} className="btn btn-secondary">All sprints</Link>}>
          This sprint does not exist in this project, or you do not have access to it.
        </EmptyState>
      );
    }
    return <ErrorBanner error={loaded.error} title="The sprint could not be loaded." onRetry={loaded.reload} />;
  }
  return <SprintDetail key={sprintId} sprint={loaded.data.sprint} stories={loaded.data.stories} reload={loaded.reload} />;
}

function SprintDetail({ sprint, stories, reload }: { sprint: Sprint; stories: Story[]; reload(): void }) {
  const { project, canEdit, sprints, reloadRefs } = useBacklog();
  const toast = useToast();
  const [dialog, setDialog] = useState<'edit' | 'complete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const started = sprint.status !== 'planning';
  const burndown = useResource(`${sprint.id}|${sprint.status}|${sprint.updatedAt}`, (signal) =>
    started ? api.backlog.sprints.burndown(project.id, sprint.id, signal) : Promise.resolve(null),
  );
  useTitle(sprint.name, project.name);
  const otherActive = sprints.find((s) => s.status === 'active' && s.id !== sprint.id);
  const nextSprint = sprints.find((s) => s.status === 'planning' && s.id !== sprint.id);
  const done = stories.filter((s) => s.status === 'done').length;

  const changed = () => {
    reload();
    reloadRefs();
  };
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.backlog.sprints.start(project.id, sprint.id, {});
      toast.show(`${saved.name} started`);
      changed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sprint-page" data-testid="sprint-page" data-status={sprint.status}>
      <header className="sprint-head">
        <div className="sprint-heading">
          <div className="project-title-line">
            <h2 className="sprint-title" data-testid="sprint-title">
              {sprint.name}
            </h2>
            <StatusBadge kind="sprint" status={sprint.status} />
          </div>
          <p className="muted" data-testid="sprint-dates">
            {sprint.startDate || sprint.endDate ? `${formatDate(sprint.startDate)} – ${formatDate(sprint.endDate)}` : 'No dates yet: they default to today and two weeks from today when the sprint starts'}
          </p>
        </div>
        {canEdit && (
          <div className="page-actions">
            {sprint.status !== 'completed' && (
              <button type="button" className="btn btn-secondary" onClick={() => setDialog('edit')} data-testid="edit-sprint">
                <PencilIcon size={15} /> Edit
              </button>
            )}
            {sprint.status === 'planning' && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void start()}
                disabled={busy || otherActive !== undefined}
                title={otherActive ? `${otherActive.name} is active: complete it first` : undefined}
                data-testid="start-sprint"
              >
                {busy ? 'Starting…' : 'Start sprint'}
              </button>
            )}
            {sprint.status === 'active' && (
              <button type="button" className="btn btn-primary" onClick={() => setDialog('complete')} data-testid="complete-sprint">
                Complete sprint
              </button>
            )}
          </div>
        )}
      </header>
      <ErrorBanner error={error} title="The sprint could not be started." />
      {otherActive && sprint.status === 'planning' && canEdit && (
        <p className="muted">
          One sprint is active at a time: <Link to={backlogPath(project.id, `sprints/${otherActive.id}`)}>{otherActive.name}</Link> is running.
        </p>
      )}

      <div className="sprint-facts">
        <section className="card sprint-goal" aria-labelledby="sprint-goal-heading">
          <h3 className="section-title" id="sprint-goal-heading">
            Goal
          </h3>
          {sprint.goal ? <p className="prose">{sprint.goal}</p> : <p className="muted">No goal written.</p>}
        </section>
        <dl className="card sprint-scope" data-testid="sprint-scope">
          <div>
            <dt>Stories</dt>
            <dd>
              {done}/{sprint.scope.stories} done
            </dd>
          </div>
          <div>
            <dt>Points</dt>
            <dd data-testid="sprint-points">
              {sprint.scope.donePoints}/{sprint.scope.points}
            </dd>
          </div>
          <div>
            <dt>Committed</dt>
            <dd>{sprint.committedPoints ?? '—'}</dd>
          </div>
          {sprint.velocity !== null && (
            <div>
              <dt>Velocity</dt>
              <dd data-testid="sprint-velocity">{sprint.velocity}</dd>
            </div>
          )}
        </dl>
      </div>

      {canEdit && sprint.status === 'planning' && <SprintPlanPanel projectId={project.id} sprint={sprint} onAdded={changed} />}

      <section className="card" aria-labelledby="burndown-heading">
        <h3 className="section-title" id="burndown-heading">
          Burndown
        </h3>
        {!started && <p className="muted">The burndown starts with the sprint.</p>}
        {started && burndown.status === 'loading' && <div className="chart-placeholder skeleton" />}
        {started && burndown.status === 'error' && <ErrorBanner error={burndown.error} title="The burndown could not be loaded." onRetry={burndown.reload} />}
        {burndown.status === 'ready' && burndown.data && <BurndownChart burndown={burndown.data} />}
      </section>

      <section aria-labelledby="sprint-stories-heading">
        <div className="toolbar">
          <h3 className="section-title" id="sprint-stories-heading">
            Stories <span className="muted">{pointsText(sprint.scope.points)}</span>
          </h3>
          <div className="toolbar-actions toolbar-actions-push">
            <Link to={`${backlogPath(project.id, 'board')}?sprint=${sprint.id}`} className="btn btn-secondary" data-testid="sprint-board-link">
              Open the board
            </Link>
            <Link to={`${backlogPath(project.id)}?sprint=${sprint.id}`} className="btn btn-ghost">
              In the list
            </Link>
          </div>
        </div>
        {stories.length === 0 ? (
          <p className="muted">No stories yet: select stories in the backlog and move them into this sprint.</p>
        ) : (
          <ul className="list story-list" data-testid="sprint-stories">
            {stories.map((story) => (
              <li key={story.id} className="list-row story-row" data-testid="sprint-story">
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
      </section>

      <SprintFormDialog
        open={dialog === 'edit'}
        projectId={project.id}
        sprint={sprint}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          toast.show('Sprint saved');
          changed();
        }}
      />
      <CompleteSprintDialog
        open={dialog === 'complete'}
        projectId={project.id}
        sprint={sprint}
        nextSprint={nextSprint}
        onClose={() => setDialog(null)}
        onCompleted={(result) => {
          setDialog(null);
          const moved = result.moved > 0 ? `; ${result.moved} unfinished ${result.moved === 1 ? 'story' : 'stories'} moved to ${result.movedTo ? result.movedTo.name : 'the backlog'}` : '';
          toast.show(`${result.sprint.name} completed: velocity ${result.sprint.velocity ?? 0}${moved}`);
          changed();
        }}
      />
    </div>
  );
}
