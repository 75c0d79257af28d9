import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { CalendarIcon, PlusIcon } from '../../components/icons';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { sprintPath, useBacklog } from './backlog-context';
import type { Sprint } from './client';
import { SprintFormDialog } from './sprint-form-dialog';
import { VelocityChart } from './velocity-chart';

const order: Record<Sprint['status'], number> = { active: 0, planning: 1, completed: 2 };

/** The project's sprints — active, planned, completed — and the velocity of the last six completed ones. */
export function SprintsPage() {
  const { project, canEdit, sprints, reloadRefs } = useBacklog();
  const navigate = useNavigate();
  const toast = useToast();
  const [planning, setPlanning] = useState(false);
  const velocity = useResource(`${project.id}|${sprints.length}`, (signal) => api.backlog.velocity(project.id, 6, signal));
  useTitle('Sprints', project.name);
  const listed = [...sprints].sort((a, b) => order[a.status] - order[b.status] || (b.startDate ?? '').localeCompare(a.startDate ?? ''));

  return (
    <div className="sprints-page" data-testid="sprints-page">
      <div className="toolbar">
        <span className="toolbar-count">
          {sprints.length} {sprints.length === 1 ? 'sprint' : 'sprints'}
        </span>
        {canEdit && (
          <div className="toolbar-actions">
            <button type="button" className="btn btn-primary" onClick={() => setPlanning(true)} data-testid="new-sprint">
              <PlusIcon size={15} /> Plan a sprint
            </button>
          </div>
        )}
      </div>
      {listed.length === 0 ? (
        <EmptyState icon={<CalendarIcon size={22} />} title="No sprints yet" testId="sprints-empty">
          Plan a sprint, move stories into it from the backlog, and start it: its burndown follows every story done.
        </EmptyState>
      ) : (
        <ul className="list" data-testid="sprint-list" aria-label="Sprints">
          {listed.map((sprint) => (
            <li key={sprint.id} className="list-row sprint-row" data-testid="sprint-row" data-sprint-id={sprint.id}>
              <div className="project-main">
                <div className="project-title-line">
                  <Link to={sprintPath(project.id, sprint.id)} className="project-name" data-testid="sprint-name-link">
                    {sprint.name}
                  </Link>
                  <StatusBadge kind="sprint" status={sprint.status} />
                </div>
                {sprint.goal && <p className="project-description">{sprint.goal}</p>}
              </div>
              <div className="project-meta">
                <span className="meta-item hide-narrow">
                  {formatDate(sprint.startDate)} – {formatDate(sprint.endDate)}
                </span>
                <span className="meta-item" title="Stories and points in the sprint">
                  {sprint.scope.stories} {sprint.scope.stories === 1 ? 'story' : 'stories'} · {sprint.scope.donePoints}/{sprint.scope.points} pts
                </span>
                {sprint.velocity !== null && <span className="meta-item muted">Velocity {sprint.velocity}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}

      <section className="card velocity-card" aria-labelledby="velocity-heading">
        <h2 className="section-title" id="velocity-heading">
          Velocity
        </h2>
        {velocity.status === 'loading' && <div className="chart-placeholder skeleton" />}
        {velocity.status === 'error' && <ErrorBanner error={velocity.error} title="Velocity could not be loaded." onRetry={velocity.reload} />}
        {velocity.status === 'ready' && <VelocityChart velocity={velocity.data} />}
      </section>

      <SprintFormDialog
        open={planning}
        projectId={project.id}
        suggestedName={`Sprint ${sprints.length + 1}`}
        onClose={() => setPlanning(false)}
        onSaved={(sprint) => {
          setPlanning(false);
          reloadRefs();
          toast.show(`${sprint.name} planned`);
          void navigate(sprintPath(project.id, sprint.id));
        }}
      />
    </div>
  );
}
