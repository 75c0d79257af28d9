import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Organization } from '../modules/organizations/client';

const STORAGE_KEY = 'atelier.organizationId';

type WorkspaceValue = {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  organizations: Organization[];
  /** The organization every page works in; null only while loading or when the user belongs to none. */
  current: Organization | null;
  select(organizationId: string): void;
  reload(): Promise<void>;
  /** Puts a new or changed organization in the list (and selects it when asked). */
  upsert(organization: Organization, options?: { select?: boolean }): void;
  forget(organizationId: string): void;
};

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

function readStoredId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeId(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this visit only.
  }
}

async function loadAllOrganizations(): Promise<Organization[]> {
  const all: Organization[] = [];
  let cursor: string | null = null;
  // People belong to a handful of organizations; the bound keeps a misbehaving cursor from looping forever.
  for (let page = 0; page < 20; page += 1) {
    const result = await api.organizations.list({ limit: 100, cursor });
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all;
}

function pickCurrent(organizations: Organization[], preferredId: string | null): Organization | null {
  return (
    organizations.find((o) => o.id === preferredId) ??
    organizations.find((o) => o.isPersonal) ??
    organizations[0] ??
    null
  );
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<WorkspaceValue['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(readStoredId);

  const reload = useCallback(async () => {
    try {
      const all = await loadAllOrganizations();
      setOrganizations(all);
      setStatus('ready');
      setError(null);
    } catch (caught) {
      setError(caught);
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const current = useMemo(() => pickCurrent(organizations, currentId), [organizations, currentId]);

  useEffect(() => {
    if (current && current.id !== readStoredId()) storeId(current.id);
  }, [current]);

  const select = useCallback((organizationId: string) => {
    setCurrentId(organizationId);
    storeId(organizationId);
  }, []);

  const upsert = useCallback(
    (organization: Organization, options: { select?: boolean } = {}) => {
      setOrganizations((list) =>
        list.some((o) => o.id === organization.id)
          ? list.map((o) => (o.id === organization.id ? { ...o, ...organization } : o))
          : [...list, organization],
      );
      if (options.select) select(organization.id);
    },
    [select],
  );

  const forget = useCallback((organizationId: string) => {
    setOrganizations((list) => list.filter((o) => o.id !== organizationId));
    setCurrentId((id) => (id === organizationId ? null : id));
  }, []);

  const value = useMemo<WorkspaceValue>(
    () => ({ status, error, organizations, current, select, reload, upsert, forget }),
    [status, error, organizations, current, select, reload, upsert, forget],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** The current organization; only for pages rendered once the workspace is ready. */
export function useOrganization(): Organization {
  const { current } = useWorkspace();
  if (!current) throw new Error('useOrganization without an organization');
  return current;
}

export function canManageMembers(organization: Organization): boolean {
  return organization.role === 'owner' || organization.role === 'admin';
}

export function canEditProjects(organization: Organization): boolean {
  return organization.role !== 'viewer';
}

/**
 * Whether the user may change what a project holds: editor or above in the organization, and the project not deleted
 * (a project not loaded yet counts as not deleted).
 */
export function useCanEditProject(organizationId: string, project: { status: string } | null): boolean {
  const { organizations } = useWorkspace();
  const organization = organizations.find((o) => o.id === organizationId);
  return Boolean(organization && canEditProjects(organization)) && project?.status !== 'deleted';
}
