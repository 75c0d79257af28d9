import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { FileTextIcon, MoreIcon } from '../../components/icons';
import { Menu, type MenuItem } from '../../components/menu';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import type { Member } from '../organizations/client';
import { backlogPath, currentSprint, sprintPath, storyPath, useBacklog } from './backlog-context';
import { pointsText, storyStatusLabels, storyStatuses, type StoryStatus } from './backlog-labels';
import { columnOf, columnsOf, neighbours, placed, type Columns } from './board-columns';
import { allPages, type Story } from './client';
import { AssigneeMark, PointsChip, PriorityMark } from './story-bits';

const columnId = (status: StoryStatus) => `column:${status}`;
const statusOfColumnId = (id: string) => storyStatuses.find((s) => columnId(s) === id);

/**
 * The board of the active sprint (or another sprint, or the backlog): a column per status with its count and points,
 * cards dragged between and within columns — each drop saved at once as the story's status and rank — and the same
 * moves from each card's menu or with the keyboard (Space to pick a card up, arrows to move it, Space to drop).
 */
export function BoardPage() {
  const { project, sprints } = useBacklog();
  const [params, setParams] = useSearchParams();
  const openSprints = sprints.filter((s) => s.status !== 'completed');
  const fallback = currentSprint(sprints)?.id ?? 'backlog';
  const requested = params.get('sprint');
  const scope = requested === 'backlog' || sprints.some((s) => s.id === requested) ? requested! : fallback;
  const scopeSprint = sprints.find((s) => s.id === scope);
  useTitle('Board', project.name);

  const loaded = useResource(`${project.id}|${scope}`, (signal) =>
    allPages((cursor) => api.backlog.stories.list(project.id, { sprintId: scope, limit: 200, cursor }, signal)),
  );

  return (
    <div className="board-page" data-testid="board-page">
      <div className="toolbar">
        <label className="filter">
          <span className="sr-only">Board of</span>
          <select
            className="input select input-sm"
            value={scope}
            onChange={(event) => setParams({ sprint: event.target.value }, { replace: true })}
            aria-label="Show the board of"
            data-testid="board-scope"
          >
            {openSprints.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.status === 'active' ? ' (active)' : ''}
              </option>
            ))}
            <option value="backlog">Backlog (no sprint)</option>
          </select>
        </label>
        {scopeSprint && (
          <Link to={sprintPath(project.id, scopeSprint.id)} className="btn btn-ghost btn-sm" data-testid="board-sprint-link">
            Sprint details and burndown
          </Link>
        )}
      </div>
      {loaded.status === 'loading' && <SkeletonRows />}
      {loaded.status === 'error' && <ErrorBanner error={loaded.error} title="The board could not be loaded." onRetry={loaded.reload} />}
      {loaded.status === 'ready' &&
        (loaded.data.length === 0 ? (
          <EmptyState
            icon={<FileTextIcon size={22} />}
            title={scopeSprint ? `No stories in ${scopeSprint.name}` : 'No stories in the backlog'}
            testId="board-empty"
            action={
              <Link to={backlogPath(project.id)} className="btn btn-secondary">
                Open the backlog
              </Link>
            }
          >
            {scopeSprint ? 'Select stories in the backlog and move them into this sprint.' : 'Add stories in the backlog list.'}
          </EmptyState>
        ) : (
          <Board key={scope} initial={loaded.data} />
        ))}
    </div>
  );
}

function Board({ initial }: { initial: Story[] }) {
  const { project, canEdit, members } = useBacklog();
  const toast = useToast();
  const [stories, setStories] = useState<Record<string, Story>>(() => Object.fromEntries(initial.map((s) => [s.id, s])));
  const [columns, setColumns] = useState<Columns>(() => columnsOf(initial));
  const [dragging, setDragging] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const before = useRef<Columns | null>(null);
  const justDragged = useRef(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  /** Saves where a story now sits; on refusal the board goes back to what it was before the move. */
  const persist = async (id: string, next: Columns, previous: Columns) => {
    const place = neighbours(next, id);
    const story = stories[id];
    if (!place || !story) return;
    setError(null);
    try {
      const saved = await api.backlog.stories.move(project.id, id, { status: place.status, afterId: place.afterId, beforeId: place.beforeId });
      setStories((current) => ({ ...current, [id]: saved }));
      if (saved.status !== story.status) toast.show(`${saved.key} moved to ${storyStatusLabels[saved.status]}`);
    } catch (caught) {
      setColumns(previous);
      setError(caught);
    }
  };

  const moveTo = (id: string, status: StoryStatus, index: number) => {
    const previous = columns;
    const next = placed(columns, id, status, index);
    setColumns(next);
    void persist(id, next, previous);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    before.current = columns;
    setDragging(String(active.id));
  };
  // Across columns the card changes list while it is dragged, so the target column opens a gap for it.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const id = String(active.id);
    const from = columnOf(columns, id);
    const to = statusOfColumnId(String(over.id)) ?? columnOf(columns, String(over.id));
    if (!from || !to || from === to) return;
    const overIndex = columns[to].indexOf(String(over.id));
    setColumns(placed(columns, id, to, overIndex < 0 ? columns[to].length : overIndex));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    const previous = before.current ?? columns;
    before.current = null;
    setDragging(null);
    justDragged.current = true;
    window.setTimeout(() => (justDragged.current = false), 0);
    if (!over) {
      setColumns(previous);
      return;
    }
    const to = statusOfColumnId(String(over.id)) ?? columnOf(columns, String(over.id));
    if (!to) return;
    const overIndex = columns[to].indexOf(String(over.id));
    const next = placed(columns, id, to, overIndex < 0 ? columns[to].length : overIndex);
    setColumns(next);
    const was = neighbours(previous, id);
    const now = neighbours(next, id);
    if (was && now && (was.status !== now.status || was.afterId !== now.afterId || was.beforeId !== now.beforeId)) void persist(id, next, previous);
  };

  const labelOf = (id: string | number) => stories[String(id)]?.key ?? 'the story';
  const placeText = (id: string | number) => {
    const status = statusOfColumnId(String(id)) ?? columnOf(columns, String(id));
    return status ? storyStatusLabels[status] : 'nowhere';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${labelOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${labelOf(active.id)} is over ${placeText(over.id)}.` : `${labelOf(active.id)} is no longer over a column.`),
    onDragEnd: ({ active, over }) => (over ? `${labelOf(active.id)} dropped in ${placeText(over.id)}.` : `${labelOf(active.id)} was put back.`),
    onDragCancel: ({ active }) => `Moving ${labelOf(active.id)} was cancelled; it is back where it was.`,
  };
  const dragged = dragging ? stories[dragging] : undefined;

  return (
    <>
      {error != null && <ErrorBanner error={error} title="The story could not be moved; the board shows where it still is." />}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          if (before.current) setColumns(before.current);
          before.current = null;
          setDragging(null);
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: 'To move a story, press Space or Enter to pick it up, the arrow keys to move it, Space or Enter again to drop it, or Escape to cancel.' },
        }}
      >
        <div className="board" data-testid="board">
          {storyStatuses.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              ids={columns[status]}
              stories={stories}
              members={members}
              projectId={project.id}
              canEdit={canEdit}
              justDragged={justDragged}
              onMove={moveTo}
            />
          ))}
        </div>
        <DragOverlay>{dragged ? <CardBody story={dragged} members={members} /> : null}</DragOverlay>
      </DndContext>
    </>
  );
}

function BoardColumn({
  status,
  ids,
  stories,
  members,
  projectId,
  canEdit,
  justDragged,
  onMove,
}: {
  status: StoryStatus;
  ids: string[];
  stories: Record<string, Story>;
  members: Member[];
  projectId: string;
  canEdit: boolean;
  justDragged: RefObject<boolean>;
  onMove(id: string, status: StoryStatus, index: number): void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnId(status), disabled: !canEdit });
  const points = ids.reduce((sum, id) => sum + (stories[id]?.storyPoints ?? 0), 0);
  return (
    <section className={isOver ? 'board-column is-over' : 'board-column'} aria-labelledby={`column-${status}`} data-testid={`board-column-${status}`} data-status={status}>
      <header className="board-column-head">
        <h2 className="board-column-title" id={`column-${status}`}>
          {storyStatusLabels[status]}
        </h2>
        <span className="board-count" data-testid="column-count" title={`${ids.length} ${ids.length === 1 ? 'story' : 'stories'} in ${storyStatusLabels[status]}`}>
          {ids.length}
        </span>
        <span className="muted board-points" data-testid="column-points">
          {pointsText(points)}
        </span>
      </header>
      <SortableContext id={columnId(status)} items={ids} strategy={verticalListSortingStrategy}>
        <ol className="board-cards" ref={setNodeRef}>
          {ids.map((id, index) => {
            const story = stories[id];
            return story ? (
              <BoardCard key={id} story={story} members={members} projectId={projectId} canEdit={canEdit} justDragged={justDragged} index={index} count={ids.length} onMove={onMove} />
            ) : null;
          })}
          {ids.length === 0 && <li className="board-empty muted">Drop a story here</li>}
        </ol>
      </SortableContext>
    </section>
  );
}

function BoardCard({
  story,
  members,
  projectId,
  canEdit,
  justDragged,
  index,
  count,
  onMove,
}: {
  story: Story;
  members: Member[];
  projectId: string;
  canEdit: boolean;
  justDragged: RefObject<boolean>;
  index: number;
  count: number;
  onMove(id: string, status: StoryStatus, index: number): void;
}) {
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: story.id, disabled: !canEdit });
  const style = { transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined, transition };
  const moves: MenuItem[] = [
    { label: 'Open story', onSelect: () => void navigate(storyPath(projectId, story.id)), testId: 'open-story' },
    { kind: 'heading', label: 'Move to' },
    ...storyStatuses
      .filter((s) => s !== story.status)
      .map((s): MenuItem => ({ label: storyStatusLabels[s], onSelect: () => onMove(story.id, s, Number.MAX_SAFE_INTEGER), testId: `move-to-${s}` })),
    { kind: 'separator' },
    { label: 'Move up', onSelect: () => onMove(story.id, story.status, index - 1), disabled: index === 0, testId: 'move-up' },
    { label: 'Move down', onSelect: () => onMove(story.id, story.status, index + 1), disabled: index === count - 1, testId: 'move-down' },
  ];
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'board-card is-dragging' : 'board-card'}
      data-testid="board-card"
      data-story-id={story.id}
      data-key={story.key}
      {...attributes}
      {...listeners}
      aria-roledescription="story card"
      aria-label={`${story.key} ${story.title}`}
    >
      <CardBody
        story={story}
        members={members}
        title={
          <Link
            to={storyPath(projectId, story.id)}
            className="board-card-title"
            tabIndex={-1}
            onClick={(event) => {
              if (justDragged.current) event.preventDefault();
            }}
          >
            {story.title}
          </Link>
        }
      />
      {canEdit && (
        <div className="board-card-menu" onPointerDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
          <Menu trigger={<MoreIcon size={14} />} triggerLabel={`Move ${story.key}`} items={moves} align="end" testId="card-menu" />
        </div>
      )}
    </li>
  );
}

function CardBody({ story, members, title }: { story: Story; members: Member[]; title?: ReactNode }) {
  return (
    <div className="board-card-body">
      <div className="board-card-top">
        <span className="key-chip">{story.key}</span>
        <PriorityMark priority={story.priority} />
      </div>
      {title ?? <span className="board-card-title">{story.title}</span>}
      <div className="board-card-foot">
        <PointsChip points={story.storyPoints} />
        <AssigneeMark assigneeId={story.assigneeId} members={members} />
      </div>
    </div>
  );
}
