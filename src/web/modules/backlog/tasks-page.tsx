import { useState } from 'react';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { CheckIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useToast } from '../../components/toast';
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
  // The project's delivery plan (a document of type "tasks"), whose phases become tasks.
  const plan = useResource(`${project.id}|plan`, (signal) => api.documents.list(project.id, { type: 'tasks', limit: 1 }, signal).then((page) => page.items[0] ?? null));
  const toast = useToast();
  const [tasks, setTasks] = useState<Record<string, Task>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const fromPlan = async (documentId: string) => {
    setBusy('plan');
    setError(null);
    try {
      const result = await api.backlog.tasks.fromPlan(project.id, { documentId });
      toast.show(`${result.created} ${result.created === 1 ? 'task' : 'tasks'} added from the plan${result.removed ? `, ${result.removed} dropped` : ''}`);
      setTasks({});
      loaded.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const planButton = canEdit && plan.data && loaded.data !== null && (
    <button type="button" className="btn btn-secondary" onClick={() => plan.data && void fromPlan(plan.data.id)} disabled={busy !== null} data-testid="tasks-from-plan">
      {loaded.data?.length ? 'Update from the delivery plan' : 'Turn the delivery plan into tasks'}
    </button>
  );

  if (loaded.status === 'loading') return <SkeletonRows />;
  if (loaded.status === 'error') return <ErrorBanner error={loaded.error} title="Tasks could not be loaded." onRetry={loaded.reload} />;
  if (loaded.data === null || loaded.data.length === 0) {
    return (
      <>
        <ErrorBanner error={error} title="The plan could not be turned into tasks." />
        <EmptyState icon={<CheckIcon size={22} />} title="No tasks yet" testId="tasks-empty" action={planButton}>
          {plan.data ? 'The delivery plan’s phases can become tasks, each completed and reopened here.' : 'Once the project has a delivery plan (a Tasks document), its phases become tasks here.'}
        </EmptyState>
      </>
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
      {planButton && <div className="toolbar-actions toolbar-actions-push">{planButton}</div>}
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
