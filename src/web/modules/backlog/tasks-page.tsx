import { useState } from 'react';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { CheckIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useBacklog } from './backlog-context';
import { allPages, isMissingEndpoint, type Task } from './client';

/** The delivery plan's tasks grouped by phase, each completed or reopened with one click (both recorded in its history). */
export function TasksPage() {
  const { project, canEdit } = useBacklog();
  useTitle('Tasks', project.name);
  const loaded = useResource<Task[] | null>(project.id, (signal) =>
    allPages((cursor) => api.backlog.tasks.list(project.id, { limit: 200, cursor }, signal)).catch((error: unknown) => {
      if (isMissingEndpoint(error)) return null;
      throw error;
    }),
  );
  const [tasks, setTasks] = useState<Record<string, Task>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (loaded.status === 'loading') return <SkeletonRows />;
  if (loaded.status === 'error') return <ErrorBanner error={loaded.error} title="Tasks could not be loaded." onRetry={loaded.reload} />;
  if (loaded.data === null || loaded.data.length === 0) {
    return (
      <EmptyState icon={<CheckIcon size={22} />} title="No tasks yet" testId="tasks-empty">
        The delivery plan’s phases become tasks here once the project’s task plan is written.
      </EmptyState>
    );
  }
  const all = loaded.data.map((task) => tasks[task.id] ?? task);
  const phases = [...new Set(all.map((t) => t.phase))].sort((a, b) => a - b);

  const toggle = async (task: Task) => {
    setBusy(task.id);
    setError(null);
    try {
      const saved = task.completed ? await api.backlog.tasks.reopen(project.id, task.id) : await api.backlog.tasks.complete(project.id, task.id);
      setTasks((current) => ({ ...current, [saved.id]: saved }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="tasks-page" data-testid="tasks-page">
      <ErrorBanner error={error} title="The task could not be changed." />
      {phases.map((phase) => {
        const inPhase = all.filter((t) => t.phase === phase).sort((a, b) => a.position - b.position);
        const done = inPhase.filter((t) => t.completed).length;
        return (
          <section key={phase} className="card task-phase" aria-labelledby={`phase-${phase}`} data-testid="task-phase" data-phase={phase}>
            <header className="task-phase-head">
              <h2 className="section-title" id={`phase-${phase}`}>
                Phase {phase}
              </h2>
              <span className="muted">
                {done}/{inPhase.length} done
              </span>
              <span className="epic-progress-bar task-phase-bar" role="progressbar" aria-valuemin={0} aria-valuemax={inPhase.length} aria-valuenow={done} aria-label={`Phase ${phase} progress`}>
                <span className="epic-progress-fill" style={{ width: `${Math.round((done / inPhase.length) * 100)}%` }} />
              </span>
            </header>
            <ul className="task-list">
              {inPhase.map((task) => (
                <li key={task.id} className={task.completed ? 'task-row is-done' : 'task-row'} data-testid="task-row" data-completed={task.completed}>
                  <label className="task-check">
                    <input type="checkbox" checked={task.completed} disabled={!canEdit || busy === task.id} onChange={() => void toggle(task)} data-testid="task-toggle" />
                    <span className="task-title">{task.title}</span>
                  </label>
                  {task.completedAt && (
                    <span className="muted task-when" title={formatDateTime(task.completedAt)}>
                      done {formatRelative(task.completedAt)}
                    </span>
                  )}
                  {task.description && <p className="muted task-description">{task.description}</p>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
