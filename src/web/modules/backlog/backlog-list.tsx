import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { DownloadIcon, FileTextIcon, SearchIcon, SparklesIcon } from '../../components/icons';
import { FilterSelect } from '../../components/list-toolbar';
import { SkeletonRows } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { useDebounced } from '../../lib/use-debounced';
import { useFilterParam } from '../../lib/use-filter-param';
import { usePagedList } from '../../lib/use-paged-list';
import { useTitle } from '../../lib/use-title';
import { backlogPath, currentSprint, storyPath, useBacklog } from './backlog-context';
import { priorityLabels, priorityWeight, storyPriorities, storyStatusLabels, storyStatuses } from './backlog-labels';
import { BulkBar } from './bulk-bar';
import type { Story } from './client';
import { GenerateStoriesDialog } from './generate-stories-dialog';
import { StoryComposer, type ComposerHandle } from './story-composer';
import { AssigneeMark, PointsChip, PriorityMark } from './story-bits';
import { useListKeys } from './use-list-keys';

const PAGE_SIZE = 100;
const sortKeys = ['rank', 'priority', 'points', 'key', 'updated'] as const;
type SortKey = (typeof sortKeys)[number];
const sortLabels: Record<SortKey, string> = { rank: 'Manual order', priority: 'Priority', points: 'Points', key: 'Newest', updated: 'Recently updated' };

function sorted(stories: Story[], sort: SortKey): Story[] {
  if (sort === 'rank') return stories;
  const copy = [...stories];
  const by: Record<Exclude<SortKey, 'rank'>, (a: Story, b: Story) => number> = {
    priority: (a, b) => priorityWeight[b.priority] - priorityWeight[a.priority],
    points: (a, b) => (b.storyPoints ?? -1) - (a.storyPoints ?? -1),
    key: (a, b) => b.number - a.number,
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  };
  // Stable: ties keep the backlog's own order.
  return copy.sort(by[sort]);
}

/**
 * The backlog as a keyboard-driven list (Linear's): filters kept in the address, a sort, inline create, and
 * multi-select with bulk edit. Keys: c new story, j/k move, x select, e edit, Enter open, Esc clear the selection.
 */
export function BacklogList() {
  const { project, canEdit, sprints, epics, members, reloadRefs } = useBacklog();
  const navigate = useNavigate();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useFilterParam('status', storyStatuses);
  const [priority, setPriority] = useFilterParam('priority', storyPriorities);
  const sprintOptions = useMemo(() => ['backlog', ...sprints.filter((s) => s.status !== 'completed').map((s) => s.id)], [sprints]);
  const [sprint, setSprint] = useFilterParam('sprint', sprintOptions);
  const [epic, setEpic] = useFilterParam('epic', useMemo(() => epics.map((e) => e.id), [epics]));
  const [assignee, setAssignee] = useFilterParam('assignee', useMemo(() => members.map((m) => m.userId), [members]));
  const [sortParam, setSort] = useFilterParam('sort', sortKeys);
  const sort = sortParam ?? 'rank';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 250);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const [generating, setGenerating] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useTitle('Backlog', project.name);

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  const key = [project.id, status, priority, sprint, epic, assignee, q].join('|');
  const list = usePagedList<Story>(key, (cursor, signal) =>
    api.backlog.stories.list(project.id, { status, priority, sprintId: sprint, epicId: epic, assigneeId: assignee, q: q || undefined, limit: PAGE_SIZE, cursor }, signal),
  );
  const stories = useMemo(() => sorted(list.items, sort), [list.items, sort]);
  const filtered = [status, priority, sprint, epic, assignee].some((v) => v !== undefined) || q !== '';


  // Keys can come faster than renders: the row they act on is read from a ref, so "j x j x" selects two rows.
  const activeRef = useRef(0);
  const activate = (index: number) => {
    activeRef.current = index;
    setActive(index);
  };
  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(stories.length - 1, index));
    activate(clamped);
    listRef.current?.querySelectorAll<HTMLElement>('[data-list-row]')[clamped]?.focus();
  };
  useEffect(() => {
    setSelected(new Set());
    activeRef.current = 0;
    setActive(0);
  }, [key]);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const activeStory = () => stories[activeRef.current];
  useListKeys({
    c: () => canEdit && composer.current?.focus(),
    j: () => focusRow(activeRef.current + 1),
    ArrowDown: () => focusRow(activeRef.current + 1),
    k: () => focusRow(activeRef.current - 1),
    ArrowUp: () => focusRow(activeRef.current - 1),
    x: () => {
      const story = activeStory();
      if (story && canEdit) toggle(story.id);
    },
    e: () => {
      const story = activeStory();
      if (story) void navigate(`${storyPath(project.id, story.id)}${canEdit ? '?edit=1' : ''}`);
    },
    Enter: () => {
      const story = activeStory();
      if (story) void navigate(storyPath(project.id, story.id));
    },
    Escape: () => setSelected(new Set()),
  });

  // New stories land where the list is looking: the filtered sprint (or the backlog) and epic.
  const newSprintId = sprint && sprint !== 'backlog' ? sprint : null;
  const sprintName = (id: string | null) => (id ? sprints.find((s) => s.id === id)?.name : undefined);
  const epicOf = (id: string | null) => (id ? epics.find((e) => e.id === id) : undefined);
  const allSelected = stories.length > 0 && stories.every((s) => selected.has(s.id));

  return (
    <div className="backlog-list-page" data-testid="backlog-list">
      <div className="toolbar backlog-toolbar">
        <label className="search backlog-search">
          <SearchIcon size={14} className="search-icon" />
          <input
            className="input search-input"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search stories"
            aria-label="Search stories"
            data-testid="backlog-search"
          />
        </label>
        <FilterSelect label="Status" allLabel="All statuses" value={status} options={storyStatuses} labels={storyStatusLabels} onChange={setStatus} testId="filter-status" />
        <FilterSelect label="Priority" allLabel="All priorities" value={priority} options={storyPriorities} labels={priorityLabels} onChange={setPriority} testId="filter-priority" />
        <FilterSelect
          label="Sprint"
          allLabel="All sprints"
          value={sprint}
          options={sprintOptions}
          labels={Object.fromEntries(sprintOptions.map((id) => [id, id === 'backlog' ? 'Backlog (no sprint)' : (sprintName(id) ?? id)]))}
          onChange={setSprint}
          testId="filter-sprint"
        />
        {epics.length > 0 && (
          <FilterSelect label="Epic" allLabel="All epics" value={epic} options={epics.map((e) => e.id)} labels={Object.fromEntries(epics.map((e) => [e.id, `${e.key} ${e.title}`]))} onChange={setEpic} testId="filter-epic" />
        )}
        {members.length > 1 && (
          <FilterSelect label="Assignee" allLabel="Anyone" value={assignee} options={members.map((m) => m.userId)} labels={Object.fromEntries(members.map((m) => [m.userId, m.name]))} onChange={setAssignee} testId="filter-assignee" />
        )}
        <label className="filter">
          <span className="sr-only">Sort</span>
          <select className="input select input-sm" value={sort} onChange={(event) => setSort(sortKeys.find((k) => k === event.target.value && k !== 'rank'))} aria-label="Sort by" data-testid="backlog-sort">
            {sortKeys.map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </select>
        </label>
        {list.status === 'ready' && stories.length > 0 && (
          <span className="toolbar-count" aria-live="polite" data-testid="story-count">
            {stories.length}
            {list.hasMore ? '+' : ''} {stories.length === 1 ? 'story' : 'stories'}
          </span>
        )}
        <div className={list.status === 'ready' && stories.length > 0 ? 'toolbar-actions' : 'toolbar-actions toolbar-actions-push'}>
          <a className="btn btn-secondary" href={api.backlog.stories.csvUrl(project.id)} download data-testid="export-csv">
            <DownloadIcon size={15} /> CSV
          </a>
          {canEdit && (
            <button type="button" className="btn btn-secondary" onClick={() => setGenerating(true)} data-testid="generate-stories">
              <SparklesIcon size={15} /> Generate from PRD
            </button>
          )}
        </div>
      </div>

      {canEdit && (
        <StoryComposer
          ref={composer}
          projectId={project.id}
          sprintId={newSprintId}
          epicId={epic ?? null}
          onCreated={(story) => {
            list.update((items) => (items.some((s) => s.id === story.id) ? items : [story, ...items]));
            toast.show(`${story.key} added`);
          }}
        />
      )}
      {selected.size > 0 && canEdit && (
        <BulkBar
          storyIds={[...selected]}
          onClear={() => setSelected(new Set())}
          onDone={(deleted) => {
            if (deleted) setSelected(new Set());
            list.reload();
            reloadRefs();
          }}
        />
      )}

      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Stories could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && stories.length === 0 && (
        <EmptyState
          icon={<FileTextIcon size={22} />}
          title={filtered ? 'No stories match these filters' : 'No stories yet'}
          testId="backlog-empty"
          action={
            filtered ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  setSearch('');
                  setParams({}, { replace: true });
                }}
              >
                Clear filters
              </button>
            ) : (
              canEdit && (
                <button type="button" className="btn btn-secondary" onClick={() => setGenerating(true)}>
                  <SparklesIcon size={15} /> Generate stories from the PRD
                </button>
              )
            )
          }
        >
          {filtered ? 'Try another filter or search.' : 'Type a title above and press Enter, or let Atelier propose epics and stories from the project’s PRD.'}
        </EmptyState>
      )}
      {list.status === 'ready' && stories.length > 0 && (
        <>
          <div className="backlog-head" aria-hidden={!canEdit}>
            {canEdit && (
              <input
                type="checkbox"
                className="row-check"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(stories.map((s) => s.id)))}
                aria-label="Select every story shown"
                data-testid="select-all"
              />
            )}
            <span className="muted backlog-keys-hint">
              <kbd className="kbd kbd-plain">j</kbd>/<kbd className="kbd kbd-plain">k</kbd> move · <kbd className="kbd kbd-plain">x</kbd> select · <kbd className="kbd kbd-plain">e</kbd> edit ·{' '}
              <kbd className="kbd kbd-plain">↵</kbd> open{canEdit ? ' · ' : ''}
              {canEdit && <><kbd className="kbd kbd-plain">c</kbd> new story</>}
            </span>
          </div>
          <ul className="list story-list" ref={listRef} data-testid="story-list" aria-label="Stories" aria-multiselectable={canEdit}>
            {stories.map((story, index) => {
              const epicOfStory = epicOf(story.epicId);
              return (
                <li
                  key={story.id}
                  className={['list-row story-row', index === active ? 'is-active' : '', selected.has(story.id) ? 'is-selected' : ''].join(' ')}
                  data-testid="story-row"
                  data-story-id={story.id}
                  data-key={story.key}
                  data-list-row=""
                  tabIndex={index === active ? 0 : -1}
                  aria-selected={selected.has(story.id)}
                  onFocus={() => activate(index)}
                >
                  {canEdit && (
                    <input type="checkbox" className="row-check" checked={selected.has(story.id)} onChange={() => toggle(story.id)} aria-label={`Select ${story.key}`} tabIndex={-1} data-testid="story-check" />
                  )}
                  <PriorityMark priority={story.priority} />
                  <span className="key-chip story-key">{story.key}</span>
                  <Link to={storyPath(project.id, story.id)} className="story-title" data-testid="story-title" tabIndex={-1}>
                    {story.title}
                  </Link>
                  <span className="story-row-meta">
                    {epicOfStory && (
                      <span className="chip epic-chip hide-narrow" title={epicOfStory.title}>
                        {epicOfStory.key}
                      </span>
                    )}
                    {story.sprintId && <span className="chip sprint-chip hide-narrow">{sprintName(story.sprintId) ?? 'Sprint'}</span>}
                    <StatusBadge kind="story" status={story.status} />
                    <PointsChip points={story.storyPoints} />
                    <AssigneeMark assigneeId={story.assigneeId} members={members} />
                  </span>
                </li>
              );
            })}
          </ul>
          {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
          {list.hasMore && (
            <div className="load-more">
              <button type="button" className="btn btn-secondary" onClick={list.loadMore} disabled={list.loadingMore} data-testid="load-more">
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
      {sprint === undefined && currentSprint(sprints) === undefined && list.status === 'ready' && stories.length > 0 && canEdit && (
        <p className="muted backlog-note">
          No sprint yet: <Link to={backlogPath(project.id, 'sprints')}>plan one</Link> and move stories into it with the selection.
        </p>
      )}
      <GenerateStoriesDialog
        open={generating}
        onClose={() => setGenerating(false)}
        onAccepted={() => {
          setGenerating(false);
          list.reload();
          reloadRefs();
        }}
      />
    </div>
  );
}
