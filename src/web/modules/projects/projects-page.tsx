import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { messageOf } from '../../api/http';
import type { Project } from './client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { FolderIcon, PlusIcon, SearchIcon, TrashIcon, XIcon } from '../../components/icons';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { useDebounced } from '../../lib/use-debounced';
import { useShortcut } from '../../lib/use-shortcut';
import { useTitle } from '../../lib/use-title';
import { usePagedList } from '../../lib/use-paged-list';
import { canEditProjects, useOrganization } from '../../lib/workspace';
import { ProjectFormDialog } from './project-form-dialog';
import { ProjectRow } from './project-row';

const PAGE_SIZE = 25;

export function ProjectsPage({ view }: { view: 'active' | 'trash' }) {
  const organization = useOrganization();
  const toast = useToast();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 250);
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'edit'; project: Project } | null>(null);
  const [busyIds, setBusyIds] = useState<Set<string>>(new Set());
  const canEdit = canEditProjects(organization);
  const inTrash = view === 'trash';
  const searchRef = useRef<HTMLInputElement>(null);
  useTitle(inTrash ? 'Trash' : 'Projects', organization.name);
  useShortcut('c', () => setDialog({ mode: 'create' }), canEdit && !inTrash);
  useShortcut('/', () => searchRef.current?.focus());

  // The search lives in the URL too, so a filtered list can be shared and survives a reload.
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  const list = usePagedList<Project>(`${organization.id}|${view}|${q}`, (cursor, signal) =>
    api.projects.list(
      { organizationId: organization.id, q: q || undefined, limit: PAGE_SIZE, cursor, ...(inTrash ? { status: 'deleted' } : {}) },
      signal,
    ),
  );
  const updateList = list.update;

  const setBusy = useCallback((id: string, busy: boolean) => {
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const restore = useCallback(
    async (project: Project, options: { fromUndo?: boolean } = {}) => {
      setBusy(project.id, true);
      try {
        const restored = await api.projects.restore(project.id);
        if (inTrash) updateList((items) => items.filter((p) => p.id !== project.id));
        else if (options.fromUndo) updateList((items) => [restored, ...items.filter((p) => p.id !== restored.id)]);
        toast.show(`Restored ${restored.name}`);
      } catch (error) {
        toast.show(`Could not restore ${project.name}: ${messageOf(error)}`, { tone: 'error' });
      } finally {
        setBusy(project.id, false);
      }
    },
    [inTrash, updateList, setBusy, toast],
  );

  const moveToTrash = useCallback(
    async (project: Project) => {
      setBusy(project.id, true);
      try {
        await api.projects.remove(project.id);
        updateList((items) => items.filter((p) => p.id !== project.id));
        toast.show(`Moved ${project.name} to Trash`, { action: { label: 'Undo', run: () => void restore(project, { fromUndo: true }) } });
      } catch (error) {
        toast.show(`Could not delete ${project.name}: ${messageOf(error)}`, { tone: 'error' });
      } finally {
        setBusy(project.id, false);
      }
    },
    [updateList, restore, setBusy, toast],
  );

  const onSaved = (saved: Project) => {
    const editing = dialog?.mode === 'edit';
    setDialog(null);
    if (editing) {
      list.update((items) => items.map((p) => (p.id === saved.id ? saved : p)));
      toast.show('Project updated');
    } else if (saved.ideaPrompt) {
      // A project started from an idea opens at once: its clarifying questions come next.
      toast.show(`Created ${saved.name}`);
      void navigate(`/projects/${saved.id}`);
    } else {
      list.update((items) => [saved, ...items.filter((p) => p.id !== saved.id)]);
      toast.show(`Created ${saved.name}`);
    }
  };

  const newButton = canEdit && !inTrash && (
    <button type="button" className="btn btn-primary" onClick={() => setDialog({ mode: 'create' })} data-testid="new-project" aria-keyshortcuts="c">
      <PlusIcon size={15} /> New project <kbd className="kbd">C</kbd>
    </button>
  );

  return (
    <div className="page" data-testid={inTrash ? 'trash-page' : 'projects-page'}>
      <PageHeader
        title={inTrash ? 'Trash' : 'Projects'}
        subtitle={
          inTrash ? (
            <>
              Deleted projects of {organization.name}. Restore one to bring it back to <Link to="/projects">Projects</Link>.
            </>
          ) : (
            <>All projects of {organization.name}</>
          )
        }
        actions={newButton}
      />

      <div className="toolbar">
        <div className="search">
          <SearchIcon size={15} className="search-icon" />
          <input
            ref={searchRef}
            type="search"
            className="input search-input"
            placeholder={inTrash ? 'Search trash' : 'Search projects'}
            aria-label={inTrash ? 'Search trash' : 'Search projects'}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setSearch('');
                e.currentTarget.blur();
              }
            }}
            aria-keyshortcuts="/"
            data-testid="project-search"
          />
          {search && (
            <button type="button" className="icon-btn search-clear" aria-label="Clear search" onClick={() => setSearch('')}>
              <XIcon size={14} />
            </button>
          )}
        </div>
        {list.status === 'ready' && list.items.length > 0 && (
          <span className="toolbar-count" aria-live="polite">
            {list.items.length}
            {list.hasMore ? '+' : ''} {list.items.length === 1 ? 'project' : 'projects'}
          </span>
        )}
      </div>

      {list.status === 'loading' && <SkeletonRows />}
      {list.status === 'error' && <ErrorBanner error={list.error} title="Projects could not be loaded." onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <ProjectsEmpty
          inTrash={inTrash}
          query={q}
          action={
            canEdit && (
              <button type="button" className="btn btn-secondary" onClick={() => setDialog({ mode: 'create' })} data-testid="new-project-empty">
                <PlusIcon size={15} /> Create your first project
              </button>
            )
          }
          onClear={() => setSearch('')}
        />
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ul className="list" data-testid="project-list" aria-label={inTrash ? 'Deleted projects' : 'Projects'}>
            {list.items.map((project) => (
              <ProjectRow
                key={project.id}
                project={project}
                canEdit={canEdit}
                busy={busyIds.has(project.id)}
                onEdit={(p) => setDialog({ mode: 'edit', project: p })}
                onDelete={(p) => void moveToTrash(p)}
                onRestore={(p) => void restore(p)}
              />
            ))}
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

      <ProjectFormDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        onSaved={onSaved}
        organizationId={organization.id}
        project={dialog?.mode === 'edit' ? dialog.project : undefined}
      />
    </div>
  );
}

function ProjectsEmpty({ inTrash, query, action, onClear }: { inTrash: boolean; query: string; action: ReactNode; onClear(): void }) {
  if (query)
    return (
      <EmptyState
        icon={<SearchIcon size={22} />}
        title={`No projects match “${query}”`}
        action={
          <button type="button" className="btn btn-secondary" onClick={onClear}>
            Clear search
          </button>
        }
        testId="projects-empty"
      >
        Try another name or key.
      </EmptyState>
    );
  if (inTrash)
    return (
      <EmptyState icon={<TrashIcon size={22} />} title="Trash is empty" testId="projects-empty">
        Projects you delete land here, and can be restored.
      </EmptyState>
    );
  return (
    <EmptyState icon={<FolderIcon size={22} />} title="No projects yet" action={action} testId="projects-empty">
      Create a project to start writing requirements, planning the backlog and working with your team.
    </EmptyState>
  );
}
