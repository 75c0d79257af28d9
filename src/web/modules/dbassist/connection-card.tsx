import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import { PencilIcon, TrashIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { formatRelative } from '../../lib/format';
import type { Job } from '../jobs/client';
import { JobProgress } from '../jobs/job-progress';
import type { Connection } from './client';
import { dbTypeLabels, modeLabels } from './dbassist-labels';
import { schemaPath } from './dbassist-paths';
import { TestResult } from './test-result';

type Props = {
  connection: Connection;
  canEdit: boolean;
  onChanged(connection: Connection): void;
  onEdit(): void;
  onDelete(): void;
};

/** One connection: what it points at, its last test, its newest snapshot, and Test / Ingest / Edit / Delete. */
export function ConnectionCard({ connection, canEdit, onChanged, onEdit, onDelete }: Props) {
  const navigate = useNavigate();
  const toast = useToast();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const unsupported = connection.dbType === 'mssql' || connection.dbType === 'mongodb';
  const titleId = `connection-${connection.id}-name`;

  const test = async () => {
    setTesting(true);
    setError(null);
    try {
      const lastTest = await api.dbassist.connections.test(connection.id);
      onChanged({ ...connection, lastTest });
    } catch (caught) {
      setError(caught);
    } finally {
      setTesting(false);
    }
  };

  const ingest = async () => {
    setStarting(true);
    setError(null);
    try {
      setJobId((await api.dbassist.connections.ingest(connection.id)).jobId);
    } catch (caught) {
      setError(caught);
    } finally {
      setStarting(false);
    }
  };

  /**
   * Once the snapshot is taken, the schema browser opens on it. The job's result names the version; a schema that
   * did not change since the newest version makes none, and the person is told so.
   */
  const ingested = async (job: Job) => {
    if (job.status !== 'succeeded') return;
    const result = job.result ?? {};
    if (result.unchanged === true) toast.show(`No change since ${typeof result.version === 'string' ? result.version : 'the newest version'}: no new version was made`);
    try {
      const fresh = await api.dbassist.connections.get(connection.id);
      onChanged(fresh);
      const schemaId = typeof result.schemaId === 'string' ? result.schemaId : fresh.latestSchema?.id;
      if (schemaId) void navigate(schemaPath(fresh.id, schemaId));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <li className="dba-connection" aria-labelledby={titleId} data-testid="connection-card" data-connection-id={connection.id}>
      <div className="dba-connection-head">
        <div className="dba-connection-title">
          <h2 className="dba-connection-name" id={titleId}>
            {connection.latestSchema ? (
              <Link to={schemaPath(connection.id, connection.latestSchema.id)} data-testid="connection-open">
                {connection.name}
              </Link>
            ) : (
              connection.name
            )}
          </h2>
          {connection.isSample && <span className="tag tag-accent">Sample</span>}
          <span className="tag">{dbTypeLabels[connection.dbType]}</span>
          <span className={connection.mode === 'read-write' ? 'tag dba-tag-write' : 'tag'} data-testid="connection-mode-tag">
            {modeLabels[connection.mode]}
          </span>
        </div>
        <div className="dba-connection-actions">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void test()} disabled={testing} data-testid="connection-test-button">
            {testing ? 'Testing…' : 'Test'}
          </button>
          {canEdit && (
            <>
              <button
                type="button"
                className="btn btn-primary btn-sm"
                onClick={() => void ingest()}
                disabled={starting || jobId !== null}
                title={unsupported ? 'This database type is not supported yet' : undefined}
                data-testid="connection-ingest"
              >
                {starting ? 'Starting…' : 'Ingest'}
              </button>
              <button type="button" className="btn btn-ghost btn-sm btn-icon" onClick={onEdit} aria-label={`Edit ${connection.name}`} data-testid="connection-edit">
                <PencilIcon size={14} />
              </button>
              <button type="button" className="btn btn-danger-ghost btn-sm btn-icon" onClick={onDelete} aria-label={`Delete ${connection.name}`} data-testid="connection-delete">
                <TrashIcon size={14} />
              </button>
            </>
          )}
        </div>
      </div>
      <dl className="dba-connection-facts">
        <div>
          <dt>Target</dt>
          <dd className="dba-mono" data-testid="connection-target">
            {connection.target}
          </dd>
        </div>
        <div>
          <dt>Latest version</dt>
          <dd data-testid="connection-version">
            {connection.latestSchema ? (
              <>
                <Link to={schemaPath(connection.id, connection.latestSchema.id)} className="dba-mono">
                  {connection.latestSchema.version}
                </Link>{' '}
                <span className="muted">{formatRelative(connection.latestSchema.createdAt)}</span>
              </>
            ) : (
              <span className="muted">Not ingested yet</span>
            )}
          </dd>
        </div>
      </dl>
      {connection.lastTest ? <TestResult test={connection.lastTest} /> : <p className="muted dba-untested">Not tested yet.</p>}
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={`Ingesting ${connection.name}`}
          testId="ingest-progress"
          onDone={(job) => void ingested(job)}
          onDismiss={() => setJobId(null)}
        />
      )}
      <ErrorBanner error={error} />
    </li>
  );
}
