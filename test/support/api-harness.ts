import { expect } from 'vitest';
import { createAppContext, moduleRegistry } from '../../src/app.js';
import { createJobRunner, type JobRunner } from '../../src/core/jobs/index.js';
import { createUser, type TestUser } from './factories.js';
import { call, type TestApp } from './test-app.js';

/** What integration tests of the HTTP API share: calls as a user, a job runner, finished jobs and a small team. */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiCall = (method: Method, url: string, user: TestUser | undefined, body?: unknown) => ReturnType<typeof call>;
/** A finished job's result: the ids of what it made (read by the tests that follow it up), and anything else it counts. */
export type JobResult = {
  documentId?: string;
  diagramId?: string;
  generationId?: string;
  sourceDocumentId?: string | null;
  [key: string]: unknown;
};
export type FinishedJob = {
  id: string;
  status: string;
  progress: number;
  progressMessage: string | null;
  result: JobResult | null;
  error: { code: string; message: string; details?: unknown } | null;
};
export type Team = { orgId: string; projectId: string; owner: TestUser; editor: TestUser; viewer: TestUser };

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** `t` is read on every call, so the harness can be made before beforeAll creates the app. */
export function apiHarness(t: () => TestApp) {
  const api: ApiCall = (method, url, user, body) =>
    call(t().app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  /** The job once it succeeded, failed or was cancelled (polled through the API, as a client would). */
  async function finished(user: TestUser, jobId: string): Promise<FinishedJob> {
    let job = {} as FinishedJob;
    for (let i = 0; i < 600; i++) {
      job = (await api('GET', `/jobs/${jobId}`, user)).data as FinishedJob;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish: ${JSON.stringify(job)}`);
  }

  /** A runner of every module's jobs against the test app, polling often so tests stay quick. */
  function startJobRunner(): JobRunner {
    const app = t();
    const context = createAppContext({ config: app.config, db: app.database.db, mailer: { send: async () => undefined }, ai: app.ai });
    const runner = createJobRunner({ db: app.database.db, handlers: moduleRegistry.jobHandlers(context), log: quiet, concurrency: 1, pollIntervalMs: 50, heartbeatMs: 500, staleAfterMs: 30_000 });
    runner.start();
    return runner;
  }

  /** An organization with an owner, an editor and a viewer, and one project in it. */
  async function team(project: { name: string; description?: string }): Promise<Team> {
    const owner = await createUser(t());
    const org = await api('POST', '/organizations', owner, { name: `${project.name} team` });
    const editor = await createUser(t());
    const viewer = await createUser(t());
    await api('POST', `/organizations/${org.data.id}/members`, owner, { email: editor.email, role: 'editor' });
    await api('POST', `/organizations/${org.data.id}/members`, owner, { email: viewer.email, role: 'viewer' });
    const created = await api('POST', '/projects', owner, { ...project, organizationId: org.data.id });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    return { orgId: org.data.id as string, projectId: created.data.id as string, owner, editor, viewer };
  }

  return { api, finished, startJobRunner, team };
}
