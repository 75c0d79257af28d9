import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { DocumentListItem } from '../documents/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { SparklesIcon } from '../../components/icons';
import { JobProgress } from '../jobs/job-progress';
import { useToast } from '../../components/toast';
import { documentTypeLabels } from '../documents/document-kinds';
import { parseProblemOf, type Diagram } from './client';
import { diagramTemplates, diagramTypeDescriptions, diagramTypeLabels, diagramTypes, type DiagramType } from './diagram-kinds';
import { useJobStart } from '../jobs/use-job-start';
import { useResource } from '../../lib/use-resource';

/** A new diagram from a small template of the chosen type; the editor opens next. */
export function NewDiagramDialog({ open, projectId, onClose, onCreated }: { open: boolean; projectId: string; onClose(): void; onCreated(diagram: Diagram): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New diagram" description="Starts from a small Mermaid template of the type you choose." testId="new-diagram-dialog">
      {open && <NewDiagramForm projectId={projectId} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewDiagramForm({ projectId, onClose, onCreated }: { projectId: string; onClose(): void; onCreated(diagram: Diagram): void }) {
  const [type, setType] = useState<DiagramType>('flowchart');
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleError = error instanceof ApiError ? error.fieldError('title') : undefined;
  const problem = parseProblemOf(error);

  const submit = async () => {
    if (!title.trim()) {
      setError(new ApiError(400, 'VALIDATION_FAILED', 'Give the diagram a title', [{ field: 'title', message: 'Give the diagram a title' }]));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onCreated(await api.diagrams.create(projectId, { type, title: title.trim(), mermaidCode: diagramTemplates[type] }));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <div className="dialog-body">
        {error != null && !titleError && <ErrorBanner error={error} title={problem ? 'The template does not parse.' : 'The diagram could not be created.'} />}
        <TextField label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={255} error={titleError} autoFocus data-testid="new-diagram-title" />
        <SelectField label="Type" name="type" value={type} onChange={(e) => setType(e.target.value as DiagramType)} hint={diagramTypeDescriptions[type]} data-testid="new-diagram-type">
          {diagramTypes.map((t) => (
            <option key={t} value={t}>
              {diagramTypeLabels[t]}
            </option>
          ))}
        </SelectField>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="new-diagram-submit">
          {saving ? 'Creating…' : 'Create and edit'}
        </button>
      </footer>
    </form>
  );
}

/** Generates a diagram from one of the project's documents as a background job, followed live. */
export function GenerateDiagramDialog({
  open,
  projectId,
  onClose,
  onGenerated,
}: {
  open: boolean;
  projectId: string;
  onClose(): void;
  onGenerated(diagramId: string): void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Generate a diagram"
      description="Drawn from a document of the project (by default its latest SRS) and checked by Mermaid’s parser."
      testId="generate-diagram-dialog"
    >
      {open && <GenerateForm projectId={projectId} onClose={onClose} onGenerated={onGenerated} />}
    </Dialog>
  );
}

function GenerateForm({ projectId, onClose, onGenerated }: { projectId: string; onClose(): void; onGenerated(diagramId: string): void }) {
  const toast = useToast();
  const [type, setType] = useState<DiagramType>('sequence');
  const [source, setSource] = useState('');
  const [instructions, setInstructions] = useState('');
  const documents = useResource(`${projectId}|documents`, (signal) => api.documents.list(projectId, { limit: 100 }, signal));
  const { starting, error, jobId, ended, running, start: startJob, onDone: whenDone } = useJobStart();
  const sources: DocumentListItem[] = documents.status === 'ready' ? documents.data.items : [];

  const start = () => {
    const trimmed = instructions.trim();
    return startJob(() => api.diagrams.generate(projectId, { type, ...(source ? { from: source } : {}), ...(trimmed ? { instructions: trimmed } : {}) }));
  };

  const onDone = whenDone((job) => {
    const diagramId = job.result?.diagramId;
    if (typeof diagramId !== 'string') return false;
    toast.show(`${diagramTypeLabels[type]} diagram drawn`);
    onGenerated(diagramId);
    return true;
  });
  const lastAttempt = ended && typeof ended.result?.lastAttempt === 'string' ? ended.result.lastAttempt : null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void start();
      }}
      noValidate
    >
      <div className="dialog-body">
        <ErrorBanner error={error} title="The generation could not be started." />
        <SelectField label="Type" name="type" value={type} onChange={(e) => setType(e.target.value as DiagramType)} disabled={running} hint={diagramTypeDescriptions[type]} data-testid="generate-diagram-type">
          {diagramTypes.map((t) => (
            <option key={t} value={t}>
              {diagramTypeLabels[t]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Source" name="from" value={source} onChange={(e) => setSource(e.target.value)} disabled={running || documents.status === 'loading'} data-testid="generate-diagram-source">
          <option value="">Latest SRS (else PRD, overview or the project description)</option>
          {sources.map((doc) => (
            <option key={doc.id} value={doc.id}>
              {doc.title} ({documentTypeLabels[doc.type]})
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Instructions"
          name="instructions"
          optional
          rows={3}
          maxLength={4000}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          disabled={running}
          placeholder="What to show: one flow, one actor, the payment steps…"
          data-testid="generate-diagram-instructions"
        />
        {jobId && <JobProgress key={jobId} jobId={jobId} label={`Drawing the ${diagramTypeLabels[type].toLowerCase()} diagram`} onDone={onDone} testId="generate-diagram-progress" />}
        {lastAttempt && (
          <details className="diagram-last-attempt">
            <summary>The model’s last attempt</summary>
            <pre>{lastAttempt}</pre>
          </details>
        )}
        {running && <p className="muted form-note-left">You can close this dialog: the diagram keeps being drawn and appears in the gallery.</p>}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {running ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={starting || running} data-testid="generate-diagram-submit">
          <SparklesIcon size={15} />
          {starting ? 'Starting…' : running ? 'Generating…' : ended ? 'Try again' : 'Generate'}
        </button>
      </footer>
    </form>
  );
}
