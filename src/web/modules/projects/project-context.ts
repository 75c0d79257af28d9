import { useOutletContext } from 'react-router-dom';
import type { Project } from './client';

/** What the project page hands its tabs. */
export type ProjectContext = {
  project: Project;
  onChange(project: Project): void;
  /** An editor (or more) of a project that is not in the Trash. */
  canEdit: boolean;
  organizationName: string | null;
};

export function useProjectContext(): ProjectContext {
  return useOutletContext<ProjectContext>();
}
