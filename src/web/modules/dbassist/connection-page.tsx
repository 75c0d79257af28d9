import { useMemo, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useMatch, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { LoadingState } from '../../components/spinner';
import { PageHeader } from '../../layout/page-header';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { canEditProjects, useOrganization } from '../../lib/workspace';
import { JobProgress } from '../jobs/job-progress';
import { ConnectionContext, useConnectionContext, type ConnectionContextValue } from './connection-context';
import { dbTypeLabels, modeLabels } from './dbassist-labels';
import { databasesPath, erdPath, historyPath, schemaPath, sqlPath } from './dbassist-paths';
import { ErdView } from './erd-view';
import { SchemaBrowser } from './schema-browser';
import { SqlWorkspace } from './sql/sql-workspace';
import { VersionHistory } from './version-history';
import './dbassist.css';

/** /databases/{connectionId}/…: one connection's schema browser, SQL workspace, version history and ER diagram. */
export function ConnectionPage() {
  const { connectionId = '' } = useParams();
  const organization = useOrganization();
  const canEdit = canEditProjects(organization);
  const resource = useResource(connectionId, (signal) => api.dbassist.connections.get(connectionId, signal));
  const { set } = resource;
  const value = useMemo<ConnectionContextValue | null>(
    () =>
      resource.data
        ? {
            connection: resource.data,
            canEdit,
            reload: async () => {
              const fresh = await api.dbassist.connections.get(connectionId);
              set(fresh);
              return fresh;
            },
          }
        : null,
    [resource.data, canEdit, connectionId, set],
  );

  if (resource.status === 'loading') return <LoadingState label="Loading the connection" />;
  if (resource.status === 'error') {
    if (resource.error instanceof ApiError && resource.error.status === 404) {
      return (
        <div className="page">
          <EmptyState
            title="Connection not found"
            testId="connection-not-found"
            action={
              <Link to={databasesPath} className="btn btn-secondary">
                Back to Databases
              </Link>
            }
          >
            This connection does not exist, or it belongs to another organization.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorBanner error={resource.error} title="The connection could not be loaded." onRetry={resource.reload} />
      </div>
    );
  }
  if (!value) return null;
  return (
    <ConnectionContext.Provider value={value}>
      <ConnectionShell />
    </ConnectionContext.Provider>
  );
}

function ConnectionShell() {
  const { connection } = useConnectionContext();
  const organization = useOrganization();
  useTitle(connection.name, 'Databases', organization.name);
  // The version on screen, when one is: the tabs keep to it.
  const onVersion = useMatch('/databases/:connectionId/schemas/:schemaId/*');
  const schemaId = onVersion?.params.schemaId ?? connection.latestSchema?.id;
  const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  const onErd = useMatch('/databases/:connectionId/schemas/:schemaId/erd');

  return (
    <div className="page page-wide dba-page" data-testid="connection-page">
      <PageHeader
        breadcrumb={<Link to={databasesPath}>Databases</Link>}
        title={connection.name}
        subtitle={
          <>
            {dbTypeLabels[connection.dbType]} · <span className="dba-mono">{connection.target}</span> · {modeLabels[connection.mode]}
          </>
        }
      />
      {schemaId && (
        <nav className="tabs" aria-label="Connection">
          <NavLink to={schemaPath(connection.id, schemaId)} className={() => tabClass({ isActive: Boolean(onVersion) && !onErd })} data-testid="tab-schema">
            Schema
          </NavLink>
          <NavLink to={sqlPath(connection.id)} className={tabClass} data-testid="tab-sql">
            SQL
          </NavLink>
          <NavLink to={historyPath(connection.id)} className={tabClass} data-testid="tab-history">
            Version history
          </NavLink>
          <NavLink to={erdPath(connection.id, schemaId)} className={() => tabClass({ isActive: Boolean(onErd) })} data-testid="tab-erd">
            ER diagram
          </NavLink>
        </nav>
      )}
      <Routes>
        <Route index element={connection.latestSchema ? <Navigate to={schemaPath(connection.id, connection.latestSchema.id)} replace /> : <NotIngested />} />
        <Route path="sql" element={<SqlWorkspace />} />
        <Route path="history" element={<VersionHistory />} />
        <Route path="schemas/:schemaId/erd" element={<ErdView />} />
        <Route path="schemas/:schemaId" element={<SchemaBrowser />} />
        <Route path="schemas/:schemaId/tables/:tableKey" element={<SchemaBrowser />} />
      </Routes>
    </div>
  );
}

/** A connection with no snapshot yet: the way to take one. */
function NotIngested() {
  const { connection, canEdit, reload } = useConnectionContext();
  const navigate = useNavigate();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setError(null);
    try {
      setJobId((await api.dbassist.connections.ingest(connection.id)).jobId);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <EmptyState
        title="No schema version yet"
        testId="not-ingested"
        action={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={jobId !== null} data-testid="connection-ingest">
              Ingest the schema
            </button>
          )
        }
      >
        {canEdit ? 'Ingest the schema to browse its tables, document them and draw them.' : 'An editor or admin has to ingest its schema first.'}
      </EmptyState>
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={`Ingesting ${connection.name}`}
          testId="ingest-progress"
          onDone={(job) => {
            if (job.status !== 'succeeded') return;
            reload()
              .then((fresh) => {
                if (fresh.latestSchema) void navigate(schemaPath(fresh.id, fresh.latestSchema.id));
              })
              .catch((caught: unknown) => setError(caught));
          }}
        />
      )}
      <ErrorBanner error={error} />
    </>
  );
}
