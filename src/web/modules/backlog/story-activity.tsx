import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { HistoryIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { formatDateTime, formatRelative } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import type { Member } from '../organizations/client';
import { priorityLabels, storyStatusLabels, type StoryPriority, type StoryStatus } from './backlog-labels';
import type { Epic, Sprint, StoryActivity } from './client';

type Names = { sprints: Sprint[]; epics: Epic[]; members: Member[] };

const fieldLabels: Record<StoryActivity['field'], string> = {
  created: 'created the story',
  deleted: 'deleted the story',
  status: 'status',
  story_points: 'points',
  sprint_id: 'sprint',
  assignee_id: 'assignee',
  epic_id: 'epic',
  priority: 'priority',
  title: 'title',
};

/** A value of the history as people read it: a sprint's name, not its id. */
function valueText(field: StoryActivity['field'], value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') {
    return field === 'sprint_id' ? 'the backlog' : field === 'story_points' ? 'no points' : 'none';
  }
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  switch (field) {
    case 'status':
      return storyStatusLabels[text as StoryStatus] ?? text;
    case 'priority':
      return priorityLabels[text as StoryPriority] ?? text;
    case 'sprint_id':
      return names.sprints.find((s) => s.id === text)?.name ?? 'a sprint';
    case 'epic_id': {
      const epic = names.epics.find((e) => e.id === text);
      return epic ? `${epic.key} ${epic.title}` : 'an epic';
    }
    case 'assignee_id':
      return names.members.find((m) => m.userId === text)?.name ?? 'someone';
    case 'title':
      return `“${text}”`;
    default:
      return text;
  }
}

export function describeActivity(entry: StoryActivity, names: Names): string {
  const who = entry.actorName ?? 'Someone';
  if (entry.field === 'created' || entry.field === 'deleted') return `${who} ${fieldLabels[entry.field]}`;
  return `${who} changed ${fieldLabels[entry.field]} from ${valueText(entry.field, entry.from, names)} to ${valueText(entry.field, entry.to, names)}`;
}

/** The story's append-only history: who changed what, from what to what, and when — newest first. */
export function StoryActivityList({ projectId, storyId, rev, names }: { projectId: string; storyId: string; rev: number; names: Names }) {
  const list = usePagedList<StoryActivity>(`${storyId}|${rev}`, (cursor, signal) => api.backlog.stories.activity(projectId, storyId, cursor, signal));
  return (
    <section className="card story-activity" aria-labelledby="activity-heading" data-testid="story-activity">
      <h2 className="section-title" id="activity-heading">
        <HistoryIcon size={15} /> Activity
      </h2>
      {list.status === 'loading' && <SkeletonRows rows={3} />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="The history could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && <p className="muted">No changes recorded yet.</p>}
      {list.status === 'ready' && list.items.length > 0 && (
        <ol className="activity-list">
          {list.items.map((entry) => (
            <li key={entry.id} className="activity-entry" data-testid="activity-entry" data-field={entry.field}>
              <span className="activity-dot" aria-hidden="true" />
              <span className="activity-text">{describeActivity(entry, names)}</span>
              <time className="muted activity-time" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
                {formatRelative(entry.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {list.hasMore && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : 'Older changes'}
        </button>
      )}
    </section>
  );
}
