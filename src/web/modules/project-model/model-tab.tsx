import { useState } from 'react';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { HistoryIcon, LightbulbIcon, SparklesIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { JobProgress } from '../jobs/job-progress';
import { useJobStart } from '../jobs/use-job-start';
import { useProjectContext } from '../projects/project-context';
import { conflictModelOf, isNoModelYet, type Correct, type StoredModel } from './client';
import { ModelHistory } from './model-history';
import { ModelView } from './model-view';
import './project-model.css';

/**
 * The Model tab: what Atelier understood of the project — actors, entities, use cases, rules, metrics, constraints,
 * glossary and open questions — with every item's sources, corrections made in place (each a revision with a note),
 * the history with its changes and restore, and a rebuild from the idea.
 */
export function ModelTab() {
  const { project, canEdit } = useProjectContext();
  const toast = useToast();
  useTitle('Model', project.name);
  const stored = useResource<StoredModel | null>(project.id, (signal) =>
    api.projectModel.get(project.id, signal).catch((error: unknown) => {
      if (isNoModelYet(error)) return null;
      throw error;
    }),
  );
  const [view, setView] = useState<'model' | 'history'>('model');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rebuild = useJobStart();

  const correct: Correct = async (correction) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.projectModel.correct(project.id, { baseRev: stored.data?.rev ?? 0, correction });
      stored.set({ model: saved.model, rev: saved.rev, updatedAt: saved.updatedAt });
      toast.show(saved.note);
      return true;
    } catch (caught) {
      const current = conflictModelOf(caught);
      if (current) stored.set(current);
      setError(caught);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const startRebuild = () => void rebuild.start(() => api.projectModel.rebuild(project.id, {}));
  const rebuildButton = canEdit && (
    <button type="button" className="btn btn-secondary" onClick={startRebuild} disabled={rebuild.starting || rebuild.running} data-testid="rebuild-model">
      <SparklesIcon size={15} /> Rebuild from the idea
    </button>
  );

  return (
    <section aria-label="Project model" data-testid="model-tab" className="model-tab">
      <div className="toolbar model-toolbar">
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" className={view === 'model' ? 'active' : ''} aria-pressed={view === 'model'} onClick={() => setView('model')} data-testid="model-view-model">
            Model
          </button>
          <button type="button" className={view === 'history' ? 'active' : ''} aria-pressed={view === 'history'} onClick={() => setView('history')} data-testid="model-view-history" disabled={!stored.data}>
            <HistoryIcon size={14} /> History
          </button>
        </div>
        {stored.data && (
          <span className="muted model-rev" title={formatDateTime(stored.data.updatedAt)} data-testid="model-rev">
            Revision {stored.data.rev} · updated {formatRelative(stored.data.updatedAt)}
          </span>
        )}
        {stored.data && <div className="toolbar-actions toolbar-actions-push">{rebuildButton}</div>}
      </div>

      {rebuild.error != null && <ErrorBanner error={rebuild.error} title="The rebuild could not be started." />}
      {rebuild.jobId && (
        <JobProgress
          key={rebuild.jobId}
          jobId={rebuild.jobId}
          label="Rebuilding the project model"
          testId="model-rebuild-progress"
          onDone={rebuild.onDone((job) => {
            if (job.status !== 'succeeded') return false;
            toast.show('The model was rebuilt');
            stored.reload();
            return true;
          })}
        />
      )}
      {error != null && (
        <ErrorBanner
          error={error}
          title={conflictModelOf(error) ? 'Someone changed the model meanwhile: your change was not applied. The current model is shown; make it again if it is still needed.' : 'The change was not saved.'}
        />
      )}

      {stored.status === 'loading' && <SkeletonRows />}
      {stored.status === 'error' && <ErrorBanner error={stored.error} title="The model could not be loaded." onRetry={stored.reload} />}
      {stored.status === 'ready' && stored.data === null && (
        <EmptyState icon={<LightbulbIcon size={22} />} title="No model yet" testId="model-empty" action={rebuildButton || undefined}>
          No model yet — it is built when the idea’s questions are answered, or rebuild it now.
        </EmptyState>
      )}
      {stored.status === 'ready' && stored.data !== null && view === 'model' && (
        <ModelView model={stored.data.model} canEdit={canEdit} busy={saving} correct={correct} />
      )}
      {stored.status === 'ready' && stored.data !== null && view === 'history' && (
        <ModelHistory
          projectId={project.id}
          current={stored.data}
          canEdit={canEdit}
          onRestored={(saved) => {
            stored.set(saved);
            setView('model');
          }}
        />
      )}
    </section>
  );
}
