import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { messageOf } from '../../api/http';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { LoadingState, Spinner } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { useResource } from '../../lib/use-resource';
import { canEditProjects, useOrganization } from '../../lib/workspace';
import { renderMermaid, type ParseProblem } from '../diagrams/mermaid';
import type { Erd, SchemaTable } from './client';
import { useConnectionContext } from './connection-context';
import { tableKeyOf } from './dbassist-paths';
import '../diagrams/diagrams.css';

type Rendered = { state: 'rendering' } | { state: 'ok'; svg: string } | { state: 'error'; problem: ParseProblem };

/**
 * /databases/{connectionId}/schemas/{schemaId}/erd: the version's ER diagram (Mermaid erDiagram, drawn by the same
 * renderer as the diagrams module), of every table or of a viewpoint picked from the list, and saved into a project.
 */
export function ErdView() {
  const { schemaId = '' } = useParams();
  const schema = useResource(`schema|${schemaId}`, (signal) => api.dbassist.schemas.get(schemaId, signal));
  if (schema.status === 'loading') return <LoadingState label="Loading the schema" />;
  if (schema.status === 'error') return <ErrorBanner error={schema.error} title="The schema could not be loaded." onRetry={schema.reload} />;
  return <ErdWorkspace key={schemaId} schemaId={schemaId} tables={schema.data.tables} />;
}

function ErdWorkspace({ schemaId, tables }: { schemaId: string; tables: SchemaTable[] }) {
  const { connection } = useConnectionContext();
  const organization = useOrganization();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  /** The viewpoint drawn: the tables picked when "Draw" was pressed; empty means every table. */
  const [viewpoint, setViewpoint] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState(false);
  const erd = useResource(`erd|${schemaId}|${viewpoint.join(',')}`, (signal) => api.dbassist.schemas.erd(schemaId, viewpoint, signal));
  const [rendered, setRendered] = useState<Rendered>({ state: 'rendering' });
  const keys = useMemo(() => tables.map(tableKeyOf), [tables]);
  const shown = keys.filter((key) => key.toLowerCase().includes(filter.trim().toLowerCase()));

  useEffect(() => {
    if (!erd.data) return;
    let active = true;
    setRendered({ state: 'rendering' });
    renderMermaid(erd.data.mermaidCode)
      .then((result) => active && setRendered(result.ok ? { state: 'ok', svg: result.svg } : { state: 'error', problem: result.problem }))
      .catch((error: unknown) => active && setRendered({ state: 'error', problem: { line: null, message: messageOf(error) } }));
    return () => {
      active = false;
    };
  }, [erd.data]);

  const toggle = (key: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="dba-erd" data-testid="erd-view">
      <aside className="dba-erd-picker" aria-label="Viewpoint">
        <h3 className="section-title">Viewpoint</h3>
        <p className="muted dba-erd-hint">Pick tables to draw only them; none picked draws the whole schema.</p>
        <input
          type="search"
          className="input input-sm"
          placeholder="Filter tables"
          aria-label="Filter tables"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="erd-filter"
        />
        <ul className="dba-erd-tables" data-testid="erd-tables">
          {shown.map((key) => (
            <li key={key}>
              <label className="dba-check">
                <input type="checkbox" checked={picked.has(key)} onChange={() => toggle(key)} data-testid="erd-table" data-table={key} />
                <span className="dba-mono">{key}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="dba-erd-picker-actions">
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setViewpoint([...picked].sort())} data-testid="erd-draw">
            {picked.size === 0 ? 'Draw every table' : `Draw ${picked.size} ${picked.size === 1 ? 'table' : 'tables'}`}
          </button>
          {picked.size > 0 && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setPicked(new Set())}>
              Clear
            </button>
          )}
        </div>
      </aside>

      <section className="dba-erd-main" aria-label="ER diagram">
        <div className="dba-erd-bar">
          <span className="muted" data-testid="erd-scope">
            {viewpoint.length === 0 ? `Every table (${tables.length})` : `${viewpoint.length} of ${tables.length} tables`}
          </span>
          {canEditProjects(organization) && erd.data && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setSaving(true)} data-testid="erd-save">
              Save to project
            </button>
          )}
        </div>
        {erd.status === 'error' && <ErrorBanner error={erd.error} title="The ER diagram could not be made." onRetry={erd.reload} />}
        {(erd.status === 'loading' || (erd.data && rendered.state === 'rendering')) && <Spinner label="Drawing the diagram" />}
        {erd.data && rendered.state === 'ok' && (
          // Mermaid's SVG, rendered with securityLevel "strict".
          <div className="diagram-preview dba-erd-diagram" data-testid="erd-diagram" dangerouslySetInnerHTML={{ __html: rendered.svg }} />
        )}
        {erd.data && rendered.state === 'error' && (
          <div className="diagram-parse-error" role="alert" data-testid="erd-parse-error">
            <strong>The diagram did not render{rendered.problem.line !== null ? ` (line ${rendered.problem.line})` : ''}</strong>
            <pre>{rendered.problem.message}</pre>
          </div>
        )}
        {erd.data && (
          <details className="dba-erd-code">
            <summary>Mermaid code</summary>
            <pre className="dba-code" data-testid="erd-code">
              {erd.data.mermaidCode}
            </pre>
          </details>
        )}
      </section>

      <SaveErdDialog
        open={saving}
        onClose={() => setSaving(false)}
        schemaId={schemaId}
        organizationId={organization.id}
        erd={erd.data}
        viewpoint={viewpoint}
        defaultTitle={`${connection.name} — ER diagram`}
      />
    </div>
  );
}

type SaveProps = {
  open: boolean;
  onClose(): void;
  schemaId: string;
  organizationId: string;
  erd: Erd | undefined;
  viewpoint: string[];
  defaultTitle: string;
};

function SaveErdDialog({ open, onClose, ...rest }: SaveProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Save to project" description="The diagram joins the project's diagrams, where it can be edited." testId="erd-save-dialog" size="sm">
      {open && <SaveErdForm onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function SaveErdForm({ onClose, schemaId, organizationId, viewpoint, defaultTitle }: Omit<SaveProps, 'open'>) {
  const toast = useToast();
  const projects = useResource(`projects|${organizationId}`, (signal) => api.projects.list({ organizationId, limit: 100 }, signal));
  const [projectId, setProjectId] = useState('');
  const [title, setTitle] = useState(defaultTitle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ projectId: string; diagramId: string } | null>(null);
  const choice = projectId || projects.data?.items[0]?.id || '';

  const save = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.dbassist.schemas.saveErd(schemaId, {
        projectId: choice,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(viewpoint.length > 0 ? { tables: viewpoint } : {}),
      });
      setSaved({ projectId: answer.projectId, diagramId: answer.diagramId });
      toast.show('ER diagram saved to the project');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <>
        <div className="dialog-body" data-testid="erd-saved">
          <p>The ER diagram is saved in the project’s diagrams.</p>
        </div>
        <footer className="dialog-footer">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            Close
          </button>
          <Link
            className="btn btn-primary"
            to={`/projects/${encodeURIComponent(saved.projectId)}/diagrams/${encodeURIComponent(saved.diagramId)}`}
            data-testid="erd-open-saved"
          >
            Open it
          </Link>
        </footer>
      </>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
      data-testid="erd-save-form"
    >
      <div className="dialog-body">
        <ErrorBanner error={error} title="The diagram was not saved." />
        {projects.status === 'loading' && <Spinner label="Loading projects" />}
        {projects.status === 'error' && <ErrorBanner error={projects.error} title="The projects could not be loaded." onRetry={projects.reload} />}
        {projects.data && projects.data.items.length === 0 && <p className="muted">This organization has no project yet: create one first.</p>}
        {projects.data && projects.data.items.length > 0 && (
          <SelectField label="Project" value={choice} onChange={(e) => setProjectId(e.target.value)} data-testid="erd-project" data-autofocus>
            {projects.data.items.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="erd-title" />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !choice} data-testid="erd-save-confirm">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </footer>
    </form>
  );
}
