import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { SparklesIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { pointsText } from './backlog-labels';
import type { Sprint, SprintPlan } from './client';
import { PointsChip, PriorityMark } from './story-bits';

/**
 * Sprint planning help: the stories from the top of the backlog that fit the capacity (the rolling velocity unless
 * another is typed), those passed over and why; nothing moves until "Add" is pressed.
 */
export function SprintPlanPanel({ projectId, sprint, onAdded }: { projectId: string; sprint: Sprint; onAdded(): void }) {
  const toast = useToast();
  const [capacity, setCapacity] = useState('');
  const [plan, setPlan] = useState<SprintPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const suggest = async () => {
    setBusy(true);
    setError(null);
    try {
      setPlan(await api.backlog.sprints.plan(projectId, sprint.id, capacity.trim() ? { capacity: Number(capacity) } : {}));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    if (!plan || plan.stories.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await api.backlog.stories.bulk(projectId, { storyIds: plan.stories.map((s) => s.id), set: { sprintId: sprint.id } });
      toast.show(`${plan.stories.length} ${plan.stories.length === 1 ? 'story' : 'stories'} added to ${sprint.name}`);
      setPlan(null);
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card sprint-plan" aria-labelledby="plan-heading" data-testid="sprint-plan">
      <h3 className="section-title" id="plan-heading">
        Plan from the backlog
      </h3>
      <form
        className="relation-form sprint-plan-form"
        onSubmit={(event) => {
          event.preventDefault();
          void suggest();
        }}
      >
        <input
          className="input input-sm"
          type="number"
          min={0}
          max={1000}
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
          placeholder="Capacity in points (default: velocity)"
          aria-label="Capacity in points"
        />
        <button type="submit" className="btn btn-secondary btn-sm" disabled={busy} data-testid="suggest-plan">
          <SparklesIcon size={14} /> Suggest stories
        </button>
      </form>
      <ErrorBanner error={error} title="No plan could be suggested." />
      {plan && (
        <div className="sprint-plan-result" data-testid="plan-result">
          <p className="muted">
            Capacity {pointsText(plan.capacity)}
            {plan.velocity > 0 ? ` · rolling velocity ${Math.round(plan.velocity * 10) / 10}` : ' · no velocity yet'} · suggested {pointsText(plan.points)}
          </p>
          {plan.stories.length === 0 ? (
            <p className="muted">Nothing from the top of the backlog fits.</p>
          ) : (
            <ul className="relation-list">
              {plan.stories.map((story) => (
                <li key={story.id} className="relation-row">
                  <PriorityMark priority={story.priority} />
                  <span className="key-chip">{story.key}</span>
                  <span className="relation-title">{story.title}</span>
                  <PointsChip points={story.storyPoints} />
                </li>
              ))}
            </ul>
          )}
          {plan.skipped.length > 0 && (
            <details className="muted plan-skipped">
              <summary>
                {plan.skipped.length} passed over
              </summary>
              <ul>
                {plan.skipped.map((s) => (
                  <li key={s.storyId}>
                    {s.key}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {plan.stories.length > 0 && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => void add()} disabled={busy} data-testid="plan-add">
              Add {plan.stories.length} {plan.stories.length === 1 ? 'story' : 'stories'} to {sprint.name}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
