import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { DraftOffer } from '../../components/draft-offer';
import { ErrorBanner } from '../../components/error-banner';
import { AlertIcon, PlusIcon, SparklesIcon } from '../../components/icons';
import { UnsavedChangesDialog } from '../../components/unsaved-changes-dialog';
import { draftKey } from '../../lib/drafts';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { storyPath } from './backlog-context';
import { pointScale, priorityLabels, storyPriorities, storyStatusLabels, type StoryPriority } from './backlog-labels';
import type { Story } from './client';
import { useStoryHints } from './use-story-hints';

export type ComposerHandle = { focus(): void };

type Values = { title: string; priority: StoryPriority; points: string };
const empty: Values = { title: '', priority: 'medium', points: '' };

/**
 * The inline "new story" row at the top of the backlog: type a title and press Enter; it stays open for the next one.
 * While typing it warns of similar open stories and suggests points from finished ones. A title typed and left is
 * kept as a draft and leaving the page asks first.
 */
export const StoryComposer = forwardRef<ComposerHandle, { projectId: string; sprintId: string | null; epicId: string | null; onCreated(story: Story): void }>(
  function StoryComposer({ projectId, sprintId, epicId, onCreated }, ref) {
    const inputRef = useRef<HTMLInputElement>(null);
    const [values, setValues] = useState<Values>(empty);
    const [saving, setSaving] = useState(false);
    const [error, setError] = useState<unknown>(null);
    const hints = useStoryHints(projectId, values.title);
    useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

    const dirty = values.title.trim() !== '';
    const guard = useUnsavedGuard({ dirty, draftKey: draftKey('new-story', projectId, 0), value: values, restore: setValues });
    const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((current) => ({ ...current, [field]: value }));

    const submit = async () => {
      const title = values.title.trim();
      if (!title || saving) return;
      setSaving(true);
      setError(null);
      try {
        const created = await api.backlog.stories.create(projectId, {
          title,
          priority: values.priority,
          storyPoints: values.points === '' ? null : Number(values.points),
          sprintId,
          epicId,
        });
        guard.release();
        setValues(empty);
        onCreated(created);
        inputRef.current?.focus();
      } catch (caught) {
        setError(caught);
      } finally {
        setSaving(false);
      }
    };

    const suggested = hints.estimate?.storyPoints ?? null;
    return (
      <div className="story-composer" data-testid="story-composer">
        <DraftOffer guard={guard} />
        <form
          className="composer-row"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <PlusIcon size={15} className="composer-icon" />
          <input
            ref={inputRef}
            className="composer-title"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.currentTarget.blur();
              }
            }}
            maxLength={255}
            placeholder="New story title — press Enter to add"
            aria-label="New story title"
            data-testid="composer-title"
            disabled={saving}
          />
          <select className="input select input-sm composer-select" value={values.priority} onChange={(event) => set('priority', event.target.value as StoryPriority)} aria-label="Priority" data-testid="composer-priority">
            {storyPriorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </select>
          <select className="input select input-sm composer-select" value={values.points} onChange={(event) => set('points', event.target.value)} aria-label="Story points" data-testid="composer-points">
            <option value="">No points</option>
            {[...new Set([...pointScale, ...(values.points === '' ? [] : [Number(values.points)])])].sort((a, b) => a - b).map((p) => (
              <option key={p} value={String(p)}>
                {p} pts
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary btn-sm" disabled={!dirty || saving} data-testid="composer-submit">
            {saving ? 'Adding…' : 'Add'}
          </button>
        </form>
        {(hints.similar.length > 0 || suggested !== null) && (
          <div className="composer-hints" aria-live="polite">
            {hints.similar.length > 0 && (
              <div className="composer-duplicates" data-testid="duplicate-warning">
                <AlertIcon size={14} />
                <span>Similar open {hints.similar.length === 1 ? 'story' : 'stories'}:</span>
                {hints.similar.map((item) => (
                  <Link key={item.storyId} to={storyPath(projectId, item.storyId)} className="composer-duplicate">
                    <span className="key-chip">{item.key}</span> {item.title} <span className="muted">({storyStatusLabels[item.status]})</span>
                  </Link>
                ))}
              </div>
            )}
            {suggested !== null && hints.estimate && (
              <div className="composer-estimate" data-testid="points-suggestion" title={hints.estimate.explanation}>
                <SparklesIcon size={14} />
                <span>
                  Suggested: <strong>{suggested} pts</strong>
                  {hints.estimate.comparedTo.length > 0 && <span className="muted"> like {hints.estimate.comparedTo.slice(0, 2).map((c) => c.key).join(', ')}</span>}
                </span>
                {values.points !== String(suggested) && (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => set('points', String(suggested))} data-testid="use-suggestion">
                    Use {suggested}
                  </button>
                )}
              </div>
            )}
          </div>
        )}
        {error != null && <ErrorBanner error={error} title="The story could not be added." />}
        <UnsavedChangesDialog guard={guard} />
      </div>
    );
  },
);
