import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { finishedJobStatuses, type Job, type JobStatus } from './client';

export type JobFollow = {
  /** The latest state of the job; null until the first answer. */
  job: Job | null;
  /** Why the job cannot be followed any more (it is gone, or access was lost). Network hiccups are retried quietly. */
  error: unknown;
  /** How updates arrive: the server's event stream, or polling once a second when the stream is unavailable. */
  transport: 'stream' | 'polling' | null;
  finished: boolean;
  cancel(): void;
  cancelling: boolean;
  cancelError: unknown;
};

const POLL_INTERVAL_MS = 1000;

export function isJobFinished(job: Pick<Job, 'status'> | null | undefined): boolean {
  return job ? (finishedJobStatuses as readonly JobStatus[]).includes(job.status) : false;
}

/** A 4xx other than a timeout or throttling: asking again gives the same answer. */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * Follows a background job until it ends: through `GET /jobs/{id}/events` (Server-Sent Events), or by polling
 * `GET /jobs/{id}` every second when the stream cannot be opened or breaks. `onDone` runs once, with the finished
 * job (succeeded, failed or cancelled).
 */
export function useJob(jobId: string | null, onDone?: (job: Job) => void): JobFollow {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [transport, setTransport] = useState<JobFollow['transport']>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const acceptRef = useRef<(job: Job) => void>(() => undefined);

  useEffect(() => {
    setJob(null);
    setError(null);
    setTransport(null);
    setCancelError(null);
    if (!jobId) return;

    let stopped = false;
    let done = false;
    let source: EventSource | null = null;
    let timer: number | undefined;
    const controller = new AbortController();

    const accept = (next: Job) => {
      if (stopped || done || next.id !== jobId) return;
      setJob(next);
      setError(null);
      if (isJobFinished(next)) {
        done = true;
        source?.close();
        window.clearTimeout(timer);
        onDoneRef.current?.(next);
      }
    };
    acceptRef.current = accept;

    const poll = async () => {
      if (stopped || done) return;
      try {
        accept(await api.jobs.get(jobId, controller.signal));
      } catch (caught) {
        if (stopped) return;
        if (isFinal(caught)) {
          setError(caught);
          return;
        }
      }
      if (!stopped && !done) timer = window.setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };

    const fallBackToPolling = () => {
      if (stopped || done) return;
      source?.close();
      source = null;
      setTransport('polling');
      window.clearTimeout(timer);
      void poll();
    };

    if (typeof EventSource === 'undefined') {
      fallBackToPolling();
    } else {
      source = new EventSource(api.jobs.eventsUrl(jobId));
      setTransport('stream');
      const onJob = (event: MessageEvent<string>) => {
        try {
          accept(JSON.parse(event.data) as Job);
        } catch {
          fallBackToPolling();
        }
      };
      source.addEventListener('progress', onJob);
      source.addEventListener('end', onJob);
      // The stream could not open (an expired session, a proxy that buffers), broke, or reported that it stopped.
      source.addEventListener('error', fallBackToPolling);
    }

    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [jobId]);

  const cancel = useCallback(() => {
    if (!jobId) return;
    setCancelling(true);
    setCancelError(null);
    api.jobs
      .cancel(jobId)
      .then((next) => {
        // A queued job is cancelled at once; a running one carries cancelRequestedAt until its worker stops.
        if (isJobFinished(next)) acceptRef.current(next);
        else setJob((current) => (current && isJobFinished(current) ? current : next));
      })
      .catch((caught: unknown) => setCancelError(caught))
      .finally(() => setCancelling(false));
  }, [jobId]);

  return { job, error, transport, finished: isJobFinished(job), cancel, cancelling, cancelError };
}

/** The current time, renewed every `intervalMs` while `active` (for elapsed-time displays). */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
