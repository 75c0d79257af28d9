import { useMemo, useRef } from 'react';
import { NavLink, Route, Routes } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { SkeletonRows } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { useProjectContext } from '../projects/project-context';
import { BacklogContext, backlogPath, type BacklogContextValue } from './backlog-context';
import { BacklogList } from './backlog-list';
import { BoardPage } from './board-page';
import { allPages } from './client';
import { EpicPage, EpicsPage } from './epics-page';
import { SprintPage } from './sprint-page';
import { SprintsPage } from './sprints-page';
import { StoryPage } from './story-page';
import { TasksPage } from './tasks-page';
import './backlog.css';

/**
 * The project's Backlog tab: the list, the board, sprints, epics and phase tasks, each at its own address under
 * /projects/{id}/backlog, sharing the sprints, epics and members their pickers offer.
 */
export function BacklogArea() {
  const { project, canEdit } = useProjectContext();
  const refs = useResource(project.id, async (signal) => {
    const [sprints, epics, members] = await Promise.all([
      allPages((cursor) => api.backlog.sprints.list(project.id, cursor, signal)),
      allPages((cursor) => api.backlog.epics.list(project.id, cursor, signal)),
      // Assignees are the organization's members; a missing list only empties the assignee pickers.
      allPages((cursor) => api.organizations.members.list(project.organizationId, { limit: 100, cursor }, signal)).catch(() => []),
    ]);
    return { sprints, epics, members };
  });

  // A reload (after a sprint starts, a story moves) keeps showing the last lists: the page under it stays mounted,
  // with its selection, scroll and unsaved text, until the new ones arrive.
  const last = useRef<{ projectId: string; data: NonNullable<typeof refs.data> } | null>(null);
  if (refs.data) last.current = { projectId: project.id, data: refs.data };
  const data = refs.data ?? (refs.status === 'loading' && last.current?.projectId === project.id ? last.current.data : undefined);
  const value = useMemo<BacklogContextValue | null>(
    () => (data ? { project, canEdit, ...data, reloadRefs: refs.reload } : null),
    [project, canEdit, data, refs.reload],
  );

  const tab = (to: string, label: string, testId: string, end = false) => (
    <NavLink to={backlogPath(project.id, to)} end={end} className={({ isActive }) => (isActive ? 'active' : '')} data-testid={testId}>
      {label}
    </NavLink>
  );

  return (
    <section aria-label="Backlog" data-testid="backlog-area" className="backlog-area">
      <nav className="segmented backlog-views" aria-label="Backlog views">
        {tab('', 'Backlog', 'backlog-view-list', true)}
        {tab('board', 'Board', 'backlog-view-board')}
        {tab('sprints', 'Sprints', 'backlog-view-sprints')}
        {tab('epics', 'Epics', 'backlog-view-epics')}
        {tab('tasks', 'Tasks', 'backlog-view-tasks')}
      </nav>
      {!value && refs.status === 'loading' && <SkeletonRows />}
      {refs.status === 'error' && <ErrorBanner error={refs.error} title="The backlog could not be loaded." onRetry={refs.reload} />}
      {value && (
        <BacklogContext.Provider value={value}>
          <Routes>
            <Route index element={<BacklogList />} />
            <Route path="board" element={<BoardPage />} />
            <Route path="sprints" element={<SprintsPage />} />
            <Route path="sprints/:sprintId" element={<SprintPage />} />
            <Route path="epics" element={<EpicsPage />} />
            <Route path="epics/:epicId" element={<EpicPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="stories/:storyId" element={<StoryPage />} />
          </Routes>
        </BacklogContext.Provider>
      )}
    </section>
  );
}
