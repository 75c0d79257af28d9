import type { ReactNode } from 'react';
import type { Job } from './client';
import { statusLabel } from '../../lib/statuses';
import { formatElapsed } from '../../lib/format';
import { isJobFinished, useJob, useNow } from './use-job';
import { ErrorBanner } from '../../components/error-banner';
import { AlertIcon, CheckIcon, XIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';

function defaultMessage(job: Job | null): string {
  if (!job) return 'Connecting…';
  if (job.cancelRequestedAt && !isJobFinished(job)) return 'Cancelling — stopping after the current step…';
  switch (job.status) {
    case 'queued':
      return job.progressMessage ?? 'Waiting for a worker…';
    case 'running':
      return job.progressMessage ?? 'Working…';
    case 'succeeded':
      return job.progressMessage ?? 'Finished';
    case 'failed':
      return `Stopped with an error at ${job.progress}%`;
    case 'cancelled':
      return `Cancelled at ${job.progress}%`;
  }
}

function partialSummary(result: Record<string, unknown>): string {
  const { completed, total } = result;
  if (typeof completed === 'number' && typeof total === 'number') {
    return `Partial results were kept: ${completed} of ${total} finished before it stopped.`;
  }
  return 'Partial results were kept.';
}

/**
 * Live progress of a background job: a progress bar with percent and message, status, elapsed time, Cancel while
 * it is queued or running, and the error (plus whether partial results were kept) when it fails. `onDone` runs
 * once the job has ended.
 */
export function JobProgress({
  jobId,
  label = 'Job progress',
  onDone,
  onDismiss,
  testId = 'job-progress',
}: {
  jobId: string;
  /** Names the job for assistive technology: "Generating the project brief". */
  label?: string;
  onDone?: (job: Job) => void;
  /** Shown as a close button once the job has ended. */
  onDismiss?: () => void;
  testId?: string;
}) {
  const follow = useJob(jobId, onDone);
  const { job } = follow;
  const finished = isJobFinished(job);
  const now = useNow(!finished);
  const status = job?.status ?? 'queued';
  const progress = Math.min(100, Math.max(0, Math.round(job?.progress ?? 0)));
  const message = defaultMessage(job);
  const started = job ? Date.parse(job.startedAt ?? job.createdAt) : now;
  const ended = job?.finishedAt ? Date.parse(job.finishedAt) : now;
  const elapsed = Math.max(0, ended - started);
  const canCancel = job !== null && !finished && !job.cancelRequestedAt;
  const retrying = job?.status === 'queued' && job.error !== null && job.attempts > 0;
  const indeterminate = !finished && progress === 0;

  let icon: ReactNode;
  if (status === 'succeeded') icon = <CheckIcon size={14} />;
  else if (status === 'failed') icon = <AlertIcon size={14} />;
  else if (status === 'cancelled') icon = <XIcon size={14} />;
  else icon = <Spinner size={12} label={statusLabel('job', status)} />;

  return (
    <div className={`job-progress job-${status}`} data-testid={testId} data-status={status} aria-busy={!finished}>
      <div className="job-progress-head">
        <span className={`job-chip job-chip-${status}`} data-testid="job-status">
          {icon}
          {job?.cancelRequestedAt && !finished ? 'Cancelling' : statusLabel('job', status)}
        </span>
        <span className="job-message" data-testid="job-message" title={message}>
          {message}
        </span>
        <span className="job-elapsed" title={finished ? 'Time taken' : 'Elapsed time'}>
          {formatElapsed(elapsed)}
        </span>
        {canCancel && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={follow.cancel} disabled={follow.cancelling} data-testid="job-cancel">
            {follow.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {finished && onDismiss && (
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
            <XIcon size={14} />
          </button>
        )}
      </div>
      <div className="job-bar-row">
        <div
          className={indeterminate ? 'job-bar job-bar-indeterminate' : 'job-bar'}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
          aria-valuetext={`${progress}% — ${message}`}
        >
          <div className="job-bar-fill" style={{ width: `${finished && status === 'succeeded' ? 100 : progress}%` }} />
        </div>
        <span className="job-percent" data-testid="job-percent">
          {progress}%
        </span>
      </div>
      {retrying && job?.error && (
        <p className="job-note job-note-warning" role="status">
          Attempt {job.attempts} of {job.maxAttempts} failed ({job.error.message}). Trying again shortly.
        </p>
      )}
      {status === 'failed' && job && (
        <div className="job-note job-note-error" role="alert" data-testid="job-error">
          <strong>{job.error?.message ?? 'The job failed.'}</strong>
          {job.result && <span> {partialSummary(job.result)}</span>}
        </div>
      )}
      {status === 'cancelled' && job?.result && <p className="job-note">{partialSummary(job.result)}</p>}
      {follow.cancelError != null && <ErrorBanner error={follow.cancelError} title="The job could not be cancelled." />}
      {follow.error != null && <ErrorBanner error={follow.error} title="This job can no longer be followed." />}
      <span className="sr-only" aria-live="polite">
        {finished ? `${label}: ${statusLabel('job', status)}` : ''}
      </span>
    </div>
  );
}
