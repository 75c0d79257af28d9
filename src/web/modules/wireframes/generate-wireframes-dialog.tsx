import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { DocumentListItem } from '../documents/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { SparklesIcon } from '../../components/icons';
import { JobProgress } from '../jobs/job-progress';
import { useToast } from '../../components/toast';
import { documentTypeLabels } from '../documents/document-kinds';
import { useResource } from '../../lib/use-resource';
import { generatableTemplates, templateLabels, type GeneratableTemplate } from './wireframe-kinds';
import { useJobStart } from '../jobs/use-job-start';

/**
 * Draws wireframes as a background job: one screen when a screen name or a template is chosen, otherwise a set for
 * the main user stories. Follows the job live; `onGenerated` gets the new wireframes' ids.
 */
export function GenerateWireframesDialog({ open, projectId, onClose, onGenerated }: { open: boolean; projectId: string; onClose(): void; onGenerated(ids: string[]): void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Generate wireframes"
      description="Drawn from the project’s idea and a requirements document, with its entities, fields and user roles."
      testId="generate-wireframes-dialog"
    >
      {open && <GenerateForm projectId={projectId} onClose={onClose} onGenerated={onGenerated} />}
    </Dialog>
  );
}

function GenerateForm({ projectId, onClose, onGenerated }: { projectId: string; onClose(): void; onGenerated(ids: string[]): void }) {
  const toast = useToast();
  const documents = useResource(`${projectId}|documents`, (signal) => api.documents.list(projectId, { limit: 100 }, signal));
  const [from, setFrom] = useState('');
  const [screen, setScreen] = useState('');
  const [template, setTemplate] = useState<GeneratableTemplate | ''>('');
  const { starting, error, jobId, ended, running, start: startJob, onDone: whenDone } = useJobStart();
  const single = screen.trim() !== '' || template !== '';

  const start = () =>
    startJob(() =>
      api.wireframes.generate(projectId, {
        ...(from ? { from } : {}),
        ...(screen.trim() ? { screen: screen.trim() } : {}),
        ...(template ? { templateType: template } : {}),
      }),
    );

  const onDone = whenDone((job) => {
    const ids = job.result?.wireframeIds;
    if (!Array.isArray(ids)) return false;
    const list = ids.filter((id): id is string => typeof id === 'string');
    toast.show(list.length === 1 ? 'Wireframe drawn' : `${list.length} wireframes drawn`);
    onGenerated(list);
    return true;
  });
  const sources: DocumentListItem[] = documents.status === 'ready' ? documents.data.items.filter((d) => d.status !== 'archived') : [];

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
        <SelectField
          label="Source document"
          name="from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          disabled={running}
          hint="Default: the project’s newest SRS, else its PRD, else the idea alone."
          data-testid="wireframe-source"
        >
          <option value="">Automatic</option>
          {sources.map((doc) => (
            <option key={doc.id} value={doc.id}>
              {doc.title} ({documentTypeLabels[doc.type]})
            </option>
          ))}
        </SelectField>
        <TextField
          label="Screen"
          name="screen"
          optional
          maxLength={200}
          value={screen}
          onChange={(e) => setScreen(e.target.value)}
          disabled={running}
          placeholder="e.g. Shift list, New booking, Invoice details"
          error={error instanceof ApiError ? error.fieldError('screen') : undefined}
          data-testid="wireframe-screen"
        />
        <SelectField
          label="Template"
          name="templateType"
          value={template}
          onChange={(e) => setTemplate(e.target.value as GeneratableTemplate | '')}
          disabled={running}
          hint={single ? 'One screen.' : 'Leave both empty for a set: sign-in, dashboard, and list, detail and form of the main entity.'}
          data-testid="wireframe-template"
        >
          <option value="">{screen.trim() ? 'From the screen name' : 'A set of screens'}</option>
          {generatableTemplates.map((t) => (
            <option key={t} value={t}>
              {templateLabels[t]}
            </option>
          ))}
        </SelectField>
        {jobId && <JobProgress key={jobId} jobId={jobId} label="Drawing wireframes" onDone={onDone} testId="wireframes-job-progress" />}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {running ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={starting || running} data-testid="generate-wireframes-submit">
          <SparklesIcon size={15} />
          {starting ? 'Starting…' : running ? 'Drawing…' : ended ? 'Try again' : single ? 'Generate screen' : 'Generate set'}
        </button>
      </footer>
    </form>
  );
}
