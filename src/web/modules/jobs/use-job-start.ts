import { useState } from 'react';
import type { Job } from './client';

export type JobStart = {
  /** The request that queues the job is on its way. */
  starting: boolean;
  /** Why the job could not be queued (shown above the form). */
  error: unknown;
  /** The queued job, followed by a JobProgress; null until started. */
  jobId: string | null;
  /** The job that failed or was cancelled, kept for the form to explain and offer "Try again". */
  ended: Job | null;
  /** Queued and not yet ended: the form's inputs are locked. */
  running: boolean;
  start(enqueue: () => Promise<{ jobId: string }>): Promise<void>;
  /** For JobProgress's onDone: `succeeded` handles a job that produced what was asked, anything else is kept as ended. */
  onDone(succeeded: (job: Job) => boolean): (job: Job) => void;
};

/** The state every "generate" dialog goes through: start a background job, follow it, end well or explain why not. */
export function useJobStart(): JobStart {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [ended, setEnded] = useState<Job | null>(null);

  const start = async (enqueue: () => Promise<{ jobId: string }>) => {
    setStarting(true);
    setError(null);
    setEnded(null);
    try {
      setJobId((await enqueue()).jobId);
    } catch (caught) {
      setError(caught);
    } finally {
      setStarting(false);
    }
  };

  const onDone = (succeeded: (job: Job) => boolean) => (job: Job) => {
    if (!(job.status === 'succeeded' && succeeded(job))) setEnded(job);
  };

  return { starting, error, jobId, ended, running: jobId !== null && ended === null, start, onDone };
}
