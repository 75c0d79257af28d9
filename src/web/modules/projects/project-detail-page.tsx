import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Project } from './client';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { DownloadIcon, FolderIcon, PencilIcon, RestoreIcon, TrashIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { formatDate, formatDateTime } from '../../lib/format';
import { useActiveTabInView } from '../../lib/use-active-tab-in-view';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { canEditProjects, useWorkspace } from '../../lib/workspace';
import { ProjectFormDialog } from './project-form-dialog';
import { IdeaPanel } from './idea-panel';
import { ProjectBriefCard } from './project-brief-card';
import { ProjectAnalyticsCard } from '../analytics/project-analytics-card';
import { useProjectContext, type ProjectContext } from './project-context';

export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const project = useResource(projectId, (signal) => api.projects.get(projectId, signal));
  const workspace = useWorkspace();

  // Opening a link to a project of another of my organizations switches the sidebar to that organization.
  const organizationId = project.data?.organizationId;
  useEffect(() => {
    if (organizationId && organizationId !== workspace.current?.id && workspace.organizations.some((o) => o.id === organizationId)) {
      workspace.select(organizationId);
    }
  }, [organizationId, workspace]);

  if (project.status === 'loading') return <LoadingState label="Loading project" />;
  if (project.status === 'error') {
    if (project.error instanceof ApiError && (project.error.status === 404 || project.error.code === 'VALIDATION_FAILED')) return <ProjectNotFound />;
    return (
      <div className="page">
        <ErrorBanner error={project.error} title="The project could not be loaded." onRetry={project.reload} />
      </div>
    );
  }
  return <ProjectDetail project={project.data} onChange={project.set} />;
}

function ProjectNotFound() {
  useTitle('Project not found');
  return (
    <div className="page">
      <EmptyState
        icon={<FolderIcon size={22} />}
        title="Project not found"
        testId="project-not-found"
        action={
          <Link to="/projects" className="btn btn-secondary">
            Back to projects
          </Link>
        }
      >
        This project does not exist, or you do not have access to it.
      </EmptyState>
    </div>
  );
}

function ProjectDetail({ project, onChange }: { project: Project; onChange(project: Project): void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const tabsRef = useRef<HTMLElement>(null);
  useActiveTabInView(tabsRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const organization = workspace.organizations.find((o) => o.id === project.organizationId);
  const canEdit = organization ? canEditProjects(organization) : false;
  const inTrash = project.status === 'deleted';
  useTitle(project.name, organization?.name);

  const run = async (action: () => Promise<Project>, done: (p: Project) => void) => {
    setBusy(true);
    setError(null);
    try {
      done(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const context: ProjectContext = { project, onChange, canEdit: canEdit && !inTrash, organizationName: organization?.name ?? null };

  return (
    <div className="page" data-testid="project-detail">
      <PageHeader
        breadcrumb={
          <>
            <Link to={inTrash ? '/trash' : '/projects'}>{inTrash ? 'Trash' : 'Projects'}</Link>
            <span aria-hidden="true">/</span>
            <span className="key-chip">{project.key}</span>
          </>
        }
        title={<span data-testid="project-title">{project.name}</span>}
        actions={
          <>
            <a className="btn btn-secondary" href={`/api/v1/projects/${encodeURIComponent(project.id)}/export.zip`} download data-testid="export-project">
              <DownloadIcon size={15} /> Export ZIP
            </a>
            {canEdit && (
            <>
              {inTrash ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => api.projects.restore(project.id),
                      (p) => {
                        onChange(p);
                        toast.show(`Restored ${p.name}`);
                      },
                    )
                  }
                >
                  <RestoreIcon size={15} /> Restore
                </button>
              ) : (
                <>
                  <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)} data-testid="edit-project">
                    <PencilIcon size={15} /> Edit
                  </button>
                  <button
                    type="button"
                    className="btn btn-danger-ghost"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => api.projects.remove(project.id),
                        (p) => {
                          toast.show(`Moved ${p.name} to Trash`);
                          void navigate('/projects');
                        },
                      )
                    }
                    data-testid="delete-project"
                  >
                    <TrashIcon size={15} /> Move to trash
                  </button>
                </>
              )}
            </>
            )}
          </>
        }
      />
      {error != null && <ErrorBanner error={error} />}
      {inTrash && (
        <div className="banner banner-warning" role="status">
          This project is in the Trash{project.deletedAt ? ` since ${formatDateTime(project.deletedAt)}` : ''}. Restore it to work on it again.
        </div>
      )}

      <div className="project-nav">
        <nav className="tabs project-tabs" aria-label="Project" ref={tabsRef}>
          <NavLink to={`/projects/${project.id}`} end className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-overview">
            Overview
          </NavLink>
          <NavLink to={`/projects/${project.id}/documents`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-documents">
            Documents
          </NavLink>
          <NavLink to={`/projects/${project.id}/model`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-model">
            Model
          </NavLink>
          <NavLink to={`/projects/${project.id}/backlog`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-backlog">
            Backlog
          </NavLink>
          <NavLink to={`/projects/${project.id}/diagrams`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-diagrams">
            Diagrams
          </NavLink>
          <NavLink to={`/projects/${project.id}/wireframes`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-wireframes">
            Wireframes
          </NavLink>
          <NavLink to={`/projects/${project.id}/board`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-board">
            Board
          </NavLink>
          <NavLink to={`/projects/${project.id}/chat`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="project-tab-chat">
            Chat
          </NavLink>
        </nav>
      </div>

      <Outlet context={context} />

      <ProjectFormDialog
        open={editing}
        onClose={() => setEditing(false)}
        organizationId={project.organizationId}
        project={project}
        onSaved={(saved) => {
          setEditing(false);
          onChange(saved);
          toast.show('Project updated');
        }}
      />
      <span className="sr-only" aria-live="polite">
        {busy ? 'Working…' : ''}
      </span>
    </div>
  );
}

/** The project's overview: the idea pipeline or workspace (for a project started from an idea), details and brief. */
export function ProjectOverviewTab() {
  const { project, onChange, canEdit, organizationName } = useProjectContext();
  const inTrash = project.status === 'deleted';
  return (
    <>
      {project.ideaPrompt && <IdeaPanel project={project} canEdit={canEdit} onProjectChange={onChange} />}

      <div className="detail-grid">
        <section className="card detail-description" aria-labelledby="description-heading">
          <h2 className="section-title" id="description-heading">
            {project.ideaPrompt && !project.description ? 'Idea' : 'Description'}
          </h2>
          {project.description ? (
            <p className="prose">{project.description}</p>
          ) : project.ideaPrompt ? (
            <p className="prose" data-testid="project-idea">
              {project.ideaPrompt}
            </p>
          ) : (
            <p className="muted">No description yet.{canEdit && !inTrash ? ' Edit the project to add one.' : ''}</p>
          )}
        </section>
        <aside className="card" aria-label="Properties">
          <h2 className="section-title">Properties</h2>
          <dl className="properties">
            <dt>Status</dt>
            <dd>
              <StatusBadge kind="project" status={project.status} />
            </dd>
            <dt>Key</dt>
            <dd>
              <span className="key-chip">{project.key}</span>
            </dd>
            <dt>Organization</dt>
            <dd>{organizationName ?? '—'}</dd>
            <dt>Start date</dt>
            <dd>{formatDate(project.startDate)}</dd>
            <dt>Target date</dt>
            <dd>{formatDate(project.endDate)}</dd>
            <dt>Version</dt>
            <dd>{project.currentVersion}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(project.createdAt)}</dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(project.updatedAt)}</dd>
          </dl>
        </aside>
      </div>

      <ProjectBriefCard project={project} canGenerate={canEdit} />
      {!inTrash && <ProjectAnalyticsCard projectId={project.id} />}
    </>
  );
}
