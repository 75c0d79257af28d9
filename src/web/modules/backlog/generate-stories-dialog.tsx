import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { isRecord } from '../../api/http';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField } from '../../components/field';
import { SparklesIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { useResource } from '../../lib/use-resource';
import { documentTypeLabels } from '../documents/document-kinds';
import { JobProgress } from '../jobs/job-progress';
import { useJobStart } from '../jobs/use-job-start';
import { useBacklog } from './backlog-context';
import { allPages, type StoryProposal } from './client';
import { ProposalReview } from './proposal-review';

/** The documents stories are drawn from. */
const sourceTypes = ['prd', 'srs'] as const;

/** The proposals a finished generation job holds, if its result has them. */
function proposalsOf(result: Record<string, unknown> | null): StoryProposal[] | null {
  const proposals = result?.proposals;
  if (!Array.isArray(proposals)) return null;
  return proposals.filter((p): p is StoryProposal => isRecord(p) && typeof p.proposalId === 'string' && typeof p.title === 'string' && isRecord(p.epic));
}

/**
 * Generate from PRD: pick a PRD or SRS (or the project model), follow the generation job, then review the proposed
 * epics and stories — accept, edit or reject each — and turn the accepted ones into stories.
 */
export function GenerateStoriesDialog({ open, onClose, onAccepted }: { open: boolean; onClose(): void; onAccepted(): void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Generate stories"
      description="Epics and stories with Given/When/Then criteria, priorities and points, proposed from a document; nothing is added until you accept it."
      testId="generate-stories-dialog"
      size="lg"
    >
      {open && <GenerateStories onClose={onClose} onAccepted={onAccepted} />}
    </Dialog>
  );
}

function GenerateStories({ onClose, onAccepted }: { onClose(): void; onAccepted(): void }) {
  const { project } = useBacklog();
  const toast = useToast();
  const sources = useResource(project.id, async (signal) => {
    const lists = await Promise.all(sourceTypes.map((type) => allPages((cursor) => api.documents.list(project.id, { type, limit: 100, cursor }, signal), 2)));
    return lists.flat();
  });
  const [from, setFrom] = useState<string>('');
  const [instructions, setInstructions] = useState('');
  const [proposals, setProposals] = useState<StoryProposal[] | null>(null);
  const job = useJobStart();
  const chosen = from || (sources.data?.[0]?.id ?? 'model');

  const onDone = job.onDone((finished) => {
    const found = proposalsOf(finished.result);
    if (!found) return false;
    setProposals(found);
    return true;
  });

  const sourceOptions = useMemo(
    () => [...(sources.data ?? []).map((doc) => ({ value: doc.id, label: `${documentTypeLabels[doc.type]}: ${doc.title}` })), { value: 'model', label: 'The project model' }],
    [sources.data],
  );

  if (proposals && job.jobId) {
    return (
      <ProposalReview
        projectId={project.id}
        jobId={job.jobId}
        proposals={proposals}
        onCancel={onClose}
        onAccepted={(count) => {
          toast.show(`${count} ${count === 1 ? 'story' : 'stories'} added to the backlog`);
          onAccepted();
        }}
      />
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = instructions.trim();
        if (!job.running) void job.start(() => api.backlog.stories.generate(project.id, { from: chosen, ...(trimmed ? { instructions: trimmed } : {}) }));
      }}
      noValidate
    >
      <div className="dialog-body">
        <ErrorBanner error={job.error} title="The generation could not be started." />
        {sources.status === 'error' && <ErrorBanner error={sources.error} title="The documents could not be listed." onRetry={sources.reload} />}
        <SelectField
          label="From"
          value={chosen}
          onChange={(event) => setFrom(event.target.value)}
          disabled={job.running || sources.status === 'loading'}
          hint={sources.status === 'ready' && sources.data.length === 0 ? 'This project has no PRD or SRS yet: stories come from the project model.' : 'A PRD’s user stories become stories; its features become epics.'}
          data-testid="generate-stories-source"
        >
          {sourceOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Instructions"
          optional
          rows={2}
          maxLength={2000}
          value={instructions}
          onChange={(event) => setInstructions(event.target.value)}
          disabled={job.running}
          placeholder="What to focus on: the first release, one persona…"
        />
        {job.jobId && <JobProgress key={job.jobId} jobId={job.jobId} label="Generating stories" onDone={onDone} />}
        {job.ended?.status === 'succeeded' && <p className="muted">The job finished without proposals to review.</p>}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {job.running ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={job.starting || job.running || sources.status === 'loading'} data-testid="generate-stories-submit">
          <SparklesIcon size={15} />
          {job.starting ? 'Starting…' : job.running ? 'Generating…' : job.ended ? 'Try again' : 'Generate'}
        </button>
      </footer>
    </form>
  );
}
