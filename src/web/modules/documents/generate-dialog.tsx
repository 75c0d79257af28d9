import { useState } from 'react';
import { api } from '../../api/client';
import { generatableTypes, type GeneratableType } from './document-kinds';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField } from '../../components/field';
import { SparklesIcon } from '../../components/icons';
import { JobProgress } from '../jobs/job-progress';
import { useToast } from '../../components/toast';
import { documentTypeLabels, generatableDescriptions } from './document-kinds';
import { useJobStart } from '../jobs/use-job-start';

/**
 * Generates a document of one kind (a new document, or a new revision of the project's one) as a background job,
 * follows it live, and opens the document when it is written.
 */
export function GenerateDialog({
  open,
  projectId,
  initialType = 'prd',
  onClose,
  onGenerated,
}: {
  open: boolean;
  projectId: string;
  initialType?: GeneratableType;
  onClose(): void;
  onGenerated(documentId: string): void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Generate a document"
      description="Written from the project’s idea, answers and existing documents; the sections it draws on are cited."
      testId="generate-dialog"
    >
      {open && <GenerateForm projectId={projectId} initialType={initialType} onClose={onClose} onGenerated={onGenerated} />}
    </Dialog>
  );
}

function GenerateForm({ projectId, initialType, onClose, onGenerated }: { projectId: string; initialType: GeneratableType; onClose(): void; onGenerated(documentId: string): void }) {
  const toast = useToast();
  const [type, setType] = useState<GeneratableType>(initialType);
  const [instructions, setInstructions] = useState('');
  const { starting, error, jobId, ended, running, start: startJob, onDone: whenDone } = useJobStart();

  const start = () => {
    const trimmed = instructions.trim();
    return startJob(() => api.documents.generate(projectId, { type, ...(trimmed ? { instructions: trimmed } : {}) }));
  };

  const onDone = whenDone((job) => {
    const documentId = job.result?.documentId;
    if (typeof documentId !== 'string') return false;
    toast.show(`${documentTypeLabels[type]} written`);
    onGenerated(documentId);
    return true;
  });

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
        <SelectField label="Document" name="type" value={type} onChange={(e) => setType(e.target.value as GeneratableType)} disabled={running} hint={generatableDescriptions[type]} data-testid="generate-type">
          {generatableTypes.map((t) => (
            <option key={t} value={t}>
              {documentTypeLabels[t]}
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
          placeholder="What to emphasise: a market, a constraint, a release date…"
          data-testid="generate-instructions"
        />
        {jobId && (
          <JobProgress
            key={jobId}
            jobId={jobId}
            label={`Generating the ${documentTypeLabels[type]}`}
            onDone={onDone}
          />
        )}
        {running && <p className="muted form-note-left">You can close this dialog: the document keeps being written and appears in the list.</p>}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {running ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={starting || running} data-testid="generate-submit">
          <SparklesIcon size={15} />
          {starting ? 'Starting…' : running ? 'Generating…' : ended ? 'Try again' : 'Generate'}
        </button>
      </footer>
    </form>
  );
}
