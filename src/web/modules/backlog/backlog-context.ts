import { createContext, useContext } from 'react';
import type { Project } from '../projects/client';
import type { Member } from '../organizations/client';
import type { Epic, Sprint } from './client';

/** What every backlog page shares: the project, whether the person may edit, and the sprints, epics and people to pick. */
export type BacklogContextValue = {
  project: Project;
  canEdit: boolean;
  sprints: Sprint[];
  epics: Epic[];
  members: Member[];
  /** Sprints and epics again, after one was created, started or completed. */
  reloadRefs(): void;
};

export const BacklogContext = createContext<BacklogContextValue | null>(null);

export function useBacklog(): BacklogContextValue {
  const value = useContext(BacklogContext);
  if (!value) throw new Error('useBacklog outside the backlog area');
  return value;
}

/** The sprint the board and the list start from: the active one, else the next planned one. */
export function currentSprint(sprints: Sprint[]): Sprint | undefined {
  return sprints.find((s) => s.status === 'active') ?? sprints.find((s) => s.status === 'planning');
}

export const backlogPath = (projectId: string, rest = '') => `/projects/${projectId}/backlog${rest ? `/${rest}` : ''}`;
export const storyPath = (projectId: string, storyId: string) => backlogPath(projectId, `stories/${storyId}`);
export const sprintPath = (projectId: string, sprintId: string) => backlogPath(projectId, `sprints/${sprintId}`);
export const epicPath = (projectId: string, epicId: string) => backlogPath(projectId, `epics/${epicId}`);
