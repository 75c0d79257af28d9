import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField } from '../../components/field';
import type { GenerationTemplate } from '../../../modules/dbassist/dbassist.contract';
import { JobProgress } from '../jobs/job-progress';
import { useJobStart } from '../jobs/use-job-start';

type Props = {
  open: boolean;
  schemaId: string;
  /** The table on screen, offered as the only one to document. */
  tableKey: string | null;
  onClose(): void;
  /** The job ended well: the page reads the documentation again. */
  onGenerated(): void;
};

const templateHints: Record<GenerationTemplate, string> = {
  short: 'One paragraph per table and one line per column.',
  full: 'Purpose, columns, relationships and data notes for each table.',
};

/** Writes documentation for the version (or one table) in a background job, followed until it ends. */
export function GenerateDocsDialog({ open, onClose, ...rest }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Generate documentation" description="Descriptions of the tables and columns, from their names, types, keys, comments and sampled data." testId="generate-docs-dialog">
      {open && <GenerateDocsForm onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function GenerateDocsForm({ schemaId, tableKey, onClose, onGenerated }: Omit<Props, 'open'>) {
  const [template, setTemplate] = useState<GenerationTemplate>('short');
  const [scope, setScope] = useState<'all' | 'table'>('all');
  const [overwriteHuman, setOverwriteHuman] = useState(false);
  const job = useJobStart();
  const locked = job.starting || job.running;

  const start = () =>
    void job.start(() =>
      api.dbassist.schemas.generateDocs(schemaId, {
        template,
        overwriteHuman,
        ...(scope === 'table' && tableKey ? { tables: [tableKey] } : {}),
      }),
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) start();
      }}
      data-testid="generate-docs-form"
    >
      <div className="dialog-body">
        <ErrorBanner error={job.error} title="The documentation could not be started." />
        <SelectField
          label="Template"
          value={template}
          onChange={(e) => setTemplate(e.target.value as GenerationTemplate)}
          hint={templateHints[template]}
          disabled={locked}
          data-testid="docs-template"
          data-autofocus
        >
          <option value="short">Short</option>
          <option value="full">Full</option>
        </SelectField>
        {tableKey && (
          <SelectField label="Tables" value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'table')} disabled={locked} data-testid="docs-scope">
            <option value="all">Every table of this version</option>
            <option value="table">Only {tableKey}</option>
          </SelectField>
        )}
        <label className="dba-check">
          <input type="checkbox" checked={overwriteHuman} onChange={(e) => setOverwriteHuman(e.target.checked)} disabled={locked} data-testid="docs-overwrite" />
          <span>Also replace descriptions people wrote (kept by default)</span>
        </label>
        {job.jobId && (
          <JobProgress
            jobId={job.jobId}
            label="Generating documentation"
            testId="docs-progress"
            onDone={job.onDone((done) => {
              onGenerated();
              return done.status === 'succeeded';
            })}
          />
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {job.running ? 'Close (it keeps running)' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={locked} data-testid="docs-generate">
          {job.starting ? 'Starting…' : job.running ? 'Generating…' : job.ended ? 'Try again' : 'Generate'}
        </button>
      </footer>
    </form>
  );
}
