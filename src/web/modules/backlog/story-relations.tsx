import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { XIcon } from '../../components/icons';
import { useResource } from '../../lib/use-resource';
import { storyRelationKinds, type StoryRelationKind } from '../../../shared/backlog-kinds';
import { storyPath } from './backlog-context';
import { relationLabels } from './backlog-labels';
import { isMissingEndpoint, type StoryRelation } from './client';

/** Blocks, relates to, duplicates: the story's links to others, added by key ("MBA-12") and removed in place. */
export function StoryRelations({ projectId, storyId, canEdit }: { projectId: string; storyId: string; canEdit: boolean }) {
  const relations = useResource<StoryRelation[] | null>(`${projectId}|${storyId}`, (signal) =>
    api.backlog.stories
      .relations(projectId, storyId, signal)
      .then((answer) => answer.items)
      .catch((error: unknown) => {
        if (isMissingEndpoint(error)) return null;
        throw error;
      }),
  );
  const [kind, setKind] = useState<StoryRelationKind>('relates_to');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A server without relation routes: the section is left out rather than shown broken.
  if (relations.status === 'ready' && relations.data === null) return null;

  const add = async () => {
    const wanted = key.trim().toUpperCase();
    if (!wanted) return;
    setBusy(true);
    setError(null);
    try {
      const found = (await api.backlog.stories.list(projectId, { q: wanted, limit: 20 })).items.find((s) => s.key.toUpperCase() === wanted);
      if (!found) throw new Error(`No story ${wanted} in this project`);
      await api.backlog.stories.relate(projectId, storyId, { relatedStoryId: found.id, kind });
      setKey('');
      relations.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (relation: StoryRelation) => {
    setError(null);
    try {
      await api.backlog.stories.unrelate(projectId, storyId, relation.relatedStoryId, relation.kind);
      relations.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="card story-relations" aria-labelledby="relations-heading" data-testid="story-relations">
      <h2 className="section-title" id="relations-heading">
        Relations
      </h2>
      {relations.status === 'error' && <ErrorBanner error={relations.error} title="Relations could not be loaded." onRetry={relations.reload} />}
      {relations.status === 'ready' && relations.data && relations.data.length === 0 && <p className="muted">No related stories.</p>}
      {relations.status === 'ready' && relations.data && relations.data.length > 0 && (
        <ul className="relation-list">
          {relations.data.map((relation) => (
            <li key={`${relation.kind}|${relation.direction}|${relation.relatedStoryId}`} className="relation-row" data-testid="relation-row">
              <span className="muted relation-kind">{relationLabels[relation.kind][relation.direction]}</span>
              <span className="key-chip">{relation.relatedKey}</span>
              <Link to={storyPath(projectId, relation.relatedStoryId)} className="relation-title">
                {relation.relatedTitle}
              </Link>
              {canEdit && (
                <button type="button" className="icon-btn" aria-label={`Remove the relation to ${relation.relatedKey}`} onClick={() => void remove(relation)}>
                  <XIcon size={13} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className="relation-form"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <select className="input select input-sm" value={kind} onChange={(event) => setKind(event.target.value as StoryRelationKind)} aria-label="Relation">
            {storyRelationKinds.map((k) => (
              <option key={k} value={k}>
                {relationLabels[k].outward}
              </option>
            ))}
          </select>
          <input className="input input-sm" value={key} onChange={(event) => setKey(event.target.value)} placeholder="Story key, e.g. ABC-12" aria-label="Related story key" maxLength={40} />
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !key.trim()}>
            Link
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
