import { Avatar } from '../../components/avatar';
import type { Member } from '../organizations/client';
import { pointsLabel, priorityLabels, type StoryPriority } from './backlog-labels';

/** The small marks a story carries in lists and on cards. */

/** Three bars, as many filled as the priority is high (Linear's and Plane's signal bars). */
export function PriorityMark({ priority }: { priority: StoryPriority }) {
  const filled = priority === 'high' ? 3 : priority === 'medium' ? 2 : 1;
  return (
    <span className={`priority-mark priority-${priority}`} title={`${priorityLabels[priority]} priority`} data-testid="story-priority" data-priority={priority}>
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <rect key={i} x={1 + i * 4.5} y={9 - i * 3.5} width="3" height={4 + i * 3.5} rx="1" className={i < filled ? 'bar-on' : 'bar-off'} />
        ))}
      </svg>
      <span className="sr-only">{priorityLabels[priority]} priority</span>
    </span>
  );
}

export function PointsChip({ points }: { points: number | null }) {
  return (
    <span className={points === null ? 'points-chip points-none' : 'points-chip'} title={points === null ? 'Not estimated' : `${points} story points`} data-testid="story-points">
      {pointsLabel(points)}
    </span>
  );
}

export function AssigneeMark({ assigneeId, members }: { assigneeId: string | null; members: Member[] }) {
  const member = assigneeId ? members.find((m) => m.userId === assigneeId) : undefined;
  if (!assigneeId) return <span className="assignee-none" title="Unassigned" aria-label="Unassigned" />;
  const name = member?.name ?? 'Someone';
  return (
    <span className="assignee-mark" title={name}>
      <Avatar name={name} seed={assigneeId} size={20} />
      <span className="sr-only">Assigned to {name}</span>
    </span>
  );
}
