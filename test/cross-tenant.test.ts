import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/core/ids.js';
import { withUser } from '../src/core/db/tenancy.js';
import { executions, savedQueries, schemaDocs } from '../src/modules/dbassist/index.js';
import { storeSnapshot } from '../src/modules/dbassist/snapshot/index.js';
import { decide, registerIdleDeliberation } from './support/board-fixtures.js';
import { createUser, type TestUser } from './support/factories.js';
import { shopModel } from './support/schema-models.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `idInBody`: the id travels in the body, where a malformed one is a 400 naming the field rather than a 404. */
type Probe = { method: Method; url: string; body?: unknown; idInBody?: true };
type TenantIds = {
  org: string;
  project: string;
  deletedProject: string;
  memberOf: string;
  member: string;
  generation: string;
  job: string;
  story: string;
  epic: string;
  sprint: string;
  task: string;
  boardSession: string;
  connection: string;
  schema: string;
  doc: string;
  query: string;
  execution: string;
  integration: string;
};
type BacklogIds = { story: string; epic: string; sprint: string; task: string };

const briefInput = { name: 'Secret Launch', idea: 'A launch plan that only Alice may read.' };

/**
 * User B calls every organization, member, project and audit endpoint with user A's ids. Each answer must be the
 * 404 a missing id gets (same code and message), and A's data must be exactly as before.
 */
describe.each(testDrivers)('cross-tenant isolation on %s', (kind) => {
  let t: TestApp;
  let a: TestUser;
  let aColleague: TestUser;
  let b: TestUser;
  let aTeamOrg: string;
  let aProject: string;
  let aPersonalProject: string;
  let aDeletedProject: string;
  let bProject: string;
  /** A's AI calls and background jobs, one of each in the team and the personal organization. */
  const aiOf: Record<'team' | 'personal', { generation: string; job: string }> = {
    team: { generation: '', job: '' },
    personal: { generation: '', job: '' },
  };
  /** A's epic, active sprint, story (related to another, with history) and completed task in each of the two projects. */
  const backlogOf: Record<'team' | 'personal', BacklogIds> = {
    team: { story: '', epic: '', sprint: '', task: '' },
    personal: { story: '', epic: '', sprint: '', task: '' },
  };
  /** A's board sessions: decided and tied to the project in the team organization, without a project in the personal one. */
  const boardOf: Record<'team' | 'personal', string> = { team: '', personal: '' };
  /**
   * A's sample database connection in each organization, a stored schema version of it, one documentation text, a
   * saved query and a finished run of it.
   */
  type DatabaseIds = { connection: string; schema: string; doc: string; query: string; execution: string };
  /** A's webhook integration in each organization. */
  const integrationOf: Record<'team' | 'personal', string> = { team: '', personal: '' };
  const databaseOf: Record<'team' | 'personal', DatabaseIds> = {
    team: { connection: '', schema: '', doc: '', query: '', execution: '' },
    personal: { connection: '', schema: '', doc: '', query: '', execution: '' },
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    registerIdleDeliberation();
    a = await createUser(t, { name: 'Alice' });
    aColleague = await createUser(t, { name: 'Aaron' });
    b = await createUser(t, { name: 'Bob' });
    const team = await api('POST', '/organizations', a, { name: 'Alice Corp', settings: { secret: true } });
    aTeamOrg = team.data.id;
    await api('POST', `/organizations/${aTeamOrg}/members`, a, { email: aColleague.email, role: 'editor' });
    aProject = (await api('POST', '/projects', a, { organizationId: aTeamOrg, name: 'Secret Launch', key: 'SECRET' })).data.id;
    aPersonalProject = (await api('POST', '/projects', a, { name: 'Diary', description: 'private notes' })).data.id;
    aDeletedProject = (await api('POST', '/projects', a, { organizationId: aTeamOrg, name: 'Binned' })).data.id;
    expect((await api('DELETE', `/projects/${aDeletedProject}`, a)).statusCode).toBe(200);
    bProject = (await api('POST', '/projects', b, { name: 'Bob Stuff' })).data.id;
    for (const [which, scope] of [
      ['team', { projectId: aProject }],
      ['personal', { projectId: aPersonalProject }],
    ] as const) {
      const run = await api('POST', '/ai/tasks/project-brief/run', a, { ...scope, input: briefInput });
      expect(run.statusCode, JSON.stringify(run.data)).toBe(200);
      const job = await api('POST', '/ai/tasks/project-brief/jobs', a, { ...scope, inputs: [briefInput] });
      expect(job.statusCode, JSON.stringify(job.data)).toBe(202);
      aiOf[which] = { generation: run.data.generationId, job: job.data.jobId };
    }
    expect((await api('PATCH', `/organizations/${aTeamOrg}/ai-settings`, a, { monthlyBudgetUsd: 5 })).statusCode).toBe(200);
    for (const [which, projectId] of [
      ['team', aProject],
      ['personal', aPersonalProject],
    ] as const) {
      const epic = await api('POST', `/projects/${projectId}/epics`, a, { title: 'Secret epic' });
      const sprint = await api('POST', `/projects/${projectId}/sprints`, a, { name: 'Secret sprint' });
      const story = await api('POST', `/projects/${projectId}/stories`, a, { title: 'Secret story', epicId: epic.data.id, sprintId: sprint.data.id, storyPoints: 3 });
      expect(story.statusCode, JSON.stringify(story.data)).toBe(201);
      const other = await api('POST', `/projects/${projectId}/stories`, a, { title: 'Other secret' });
      expect((await api('POST', `/projects/${projectId}/stories/${story.data.id}/relations`, a, { relatedStoryId: other.data.id, kind: 'blocks' })).statusCode).toBe(201);
      expect((await api('POST', `/projects/${projectId}/sprints/${sprint.data.id}/start`, a, {})).statusCode).toBe(200);
      const task = await api('POST', `/projects/${projectId}/tasks`, a, { title: 'Secret task', phase: 2, storyId: story.data.id });
      expect((await api('POST', `/projects/${projectId}/tasks/${task.data.id}/complete`, a)).statusCode).toBe(200);
      backlogOf[which] = { story: story.data.id, epic: epic.data.id, sprint: sprint.data.id, task: task.data.id };
    }
    const model = await api('PUT', `/projects/${aProject}/model`, a, { baseRev: 0, model: { summary: 'A secret launch.', entities: [{ id: 'tool', name: 'Tool' }] } });
    expect(model.statusCode, JSON.stringify(model.data)).toBe(200);
    for (const [which, scope] of [
      ['team', { projectId: aProject }],
      ['personal', {}],
    ] as const) {
      const session = await api('POST', '/board/sessions', a, { problemStatement: 'Should we open a secret office?', ...scope });
      expect(session.statusCode, JSON.stringify(session.data)).toBe(201);
      boardOf[which] = session.data.id;
    }
    await decide(t, a.id, boardOf.team);
    expect((await api('POST', `/board/sessions/${boardOf.team}/save`, a)).statusCode).toBe(201);
    expect((await api('PUT', `/board/settings/${aTeamOrg}`, a, { defaultBudgetUsd: 3 })).statusCode).toBe(200);
    for (const [which, organizationId] of [
      ['team', aTeamOrg],
      ['personal', a.personalOrgId],
    ] as const) {
      const sample = await api('POST', `/organizations/${organizationId}/connections/sample`, a);
      expect(sample.statusCode, JSON.stringify(sample.data)).toBe(201);
      const connection = sample.data.id as string;
      const stored = await withUser(t.database.db, a.id, (tx) => storeSnapshot(tx, { connectionId: connection, createdBy: a.id, model: shopModel() }));
      const doc = newId();
      await withUser(t.database.db, a.id, (tx) =>
        tx.insert(schemaDocs).values({ id: doc, organizationId, connectionId: connection, scope: 'table', refId: newId(), objectKey: 'main.orders', contentMd: 'Secret orders.', fingerprint: 'f' }),
      );
      const query = newId();
      const execution = newId();
      await withUser(t.database.db, a.id, async (tx) => {
        await tx.insert(savedQueries).values({ id: query, organizationId, connectionId: connection, sqlText: 'SELECT * FROM orders WHERE customer_id = 1', description: 'Secret orders', createdBy: a.id });
        await tx.insert(executions).values({
          id: execution,
          organizationId,
          connectionId: connection,
          queryId: query,
          sqlText: 'SELECT * FROM orders',
          executedBy: a.id,
          status: 'success',
          finishedAt: new Date(),
          durationMs: 3,
          rowCount: 0,
          columns: [{ name: 'id', dataType: 'integer' }],
        });
      });
      databaseOf[which] = { connection, schema: stored.schemaId, doc, query, execution };
      const integration = await api('POST', `/organizations/${organizationId}/integrations`, a, {
        type: 'webhook',
        name: 'Secret hook',
        config: { url: 'http://127.0.0.1:4199/secret-hook', events: ['sprint.completed'] },
        secrets: { signingSecret: 'a-secret-signing-secret-0123' },
      });
      expect(integration.statusCode, JSON.stringify(integration.data)).toBe(201);
      integrationOf[which] = integration.data.id as string;
    }
  });
  afterAll(async () => t.close());

  function api(method: Method, url: string, user: TestUser, body?: unknown) {
    return call(t.app, method, `/api/v1${url}`, { token: user.token, ...(body === undefined ? {} : { body }) });
  }

  /** Everything A can read, to compare before and after B's attempts. */
  async function snapshotOfA(): Promise<unknown> {
    const read = async (url: string) => {
      const res = await api('GET', url, a);
      expect(res.statusCode, url).toBe(200);
      return res.data;
    };
    return {
      organizations: await read('/organizations?limit=200'),
      team: await read(`/organizations/${aTeamOrg}`),
      personal: await read(`/organizations/${a.personalOrgId}`),
      teamMembers: await read(`/organizations/${aTeamOrg}/members?limit=200`),
      personalMembers: await read(`/organizations/${a.personalOrgId}/members?limit=200`),
      projects: await read('/projects?limit=200'),
      deletedProjects: await read('/projects?status=deleted&limit=200'),
      project: await read(`/projects/${aProject}`),
      personalProject: await read(`/projects/${aPersonalProject}`),
      deletedProject: await read(`/projects/${aDeletedProject}`),
      teamAudit: await read(`/audit?organizationId=${aTeamOrg}&limit=200`),
      personalAudit: await read(`/audit?organizationId=${a.personalOrgId}&limit=200`),
      ownAudit: await read('/audit?limit=200'),
      teamAiSettings: await read(`/organizations/${aTeamOrg}/ai-settings`),
      personalAiSettings: await read(`/organizations/${a.personalOrgId}/ai-settings`),
      teamLedger: await read(`/ai/generations?organizationId=${aTeamOrg}&limit=200`),
      personalLedger: await read(`/ai/generations?organizationId=${a.personalOrgId}&limit=200`),
      teamUsage: await read(`/usage?organizationId=${aTeamOrg}&groupBy=feature`),
      teamJob: await read(`/jobs/${aiOf.team.job}`),
      personalJob: await read(`/jobs/${aiOf.personal.job}`),
      teamJobs: await read(`/jobs?organizationId=${aTeamOrg}`),
      model: await read(`/projects/${aProject}/model`),
      stories: await read(`/projects/${aProject}/stories?limit=200`),
      personalStories: await read(`/projects/${aPersonalProject}/stories?limit=200`),
      epics: await read(`/projects/${aProject}/epics?limit=200`),
      sprints: await read(`/projects/${aProject}/sprints?limit=200`),
      storyActivity: await read(`/projects/${aProject}/stories/${backlogOf.team.story}/activity?limit=200`),
      storyRelations: await read(`/projects/${aProject}/stories/${backlogOf.team.story}/relations`),
      burndown: await read(`/projects/${aProject}/sprints/${backlogOf.team.sprint}/burndown`),
      tasks: await read(`/projects/${aProject}/tasks?limit=200`),
      personalTasks: await read(`/projects/${aPersonalProject}/tasks?limit=200`),
      taskActivity: await read(`/projects/${aProject}/tasks/${backlogOf.team.task}/activity?limit=200`),
      storiesCsv: (await api('GET', `/projects/${aProject}/stories.csv`, a)).body,
      modelRevisions: await read(`/projects/${aProject}/model/revisions`),
      boardSessions: await read(`/board/sessions?limit=200`),
      teamBoardSession: await read(`/board/sessions/${boardOf.team}`),
      personalBoardSession: await read(`/board/sessions/${boardOf.personal}`),
      teamBoardSettings: await read(`/board/settings/${aTeamOrg}`),
      decisionRecord: (await api('GET', `/board/sessions/${boardOf.team}/decision.md`, a)).body,
      connections: await read(`/organizations/${aTeamOrg}/connections?limit=200`),
      schemaVersions: await read(`/connections/${databaseOf.team.connection}/schemas`),
      schema: await read(`/schemas/${databaseOf.team.schema}`),
      schemaDocs: await read(`/schemas/${databaseOf.team.schema}/docs`),
      savedQueries: await read(`/connections/${databaseOf.team.connection}/queries?limit=200`),
      executions: await read(`/connections/${databaseOf.team.connection}/executions?limit=200`),
      execution: await read(`/executions/${databaseOf.team.execution}`),
      integrations: await read(`/organizations/${aTeamOrg}/integrations?limit=200`),
      personalIntegrations: await read(`/organizations/${a.personalOrgId}/integrations?limit=200`),
      deliveries: await read(`/integrations/${integrationOf.team}/deliveries?limit=200`),
    };
  }

  /** The same request shapes with A's ids (foreign) and with ids that exist nowhere (missing). */
  function probes(ids: TenantIds): Probe[] {
    return [
      { method: 'GET', url: `/organizations/${ids.org}` },
      { method: 'PATCH', url: `/organizations/${ids.org}`, body: { name: 'Taken over' } },
      { method: 'PATCH', url: `/organizations/${ids.org}`, body: { settings: {} } },
      { method: 'DELETE', url: `/organizations/${ids.org}` },
      { method: 'GET', url: `/organizations/${ids.org}/members` },
      { method: 'GET', url: `/organizations/${ids.org}/members?limit=1` },
      { method: 'POST', url: `/organizations/${ids.org}/members`, body: { email: b.email, role: 'owner' } },
      { method: 'POST', url: `/organizations/${ids.org}/members`, body: { email: b.email, role: 'viewer' } },
      { method: 'POST', url: `/organizations/${ids.org}/members`, body: { email: 'nobody@example.test', role: 'viewer' } },
      { method: 'PATCH', url: `/organizations/${ids.org}/members/${ids.member}`, body: { role: 'viewer' } },
      { method: 'PATCH', url: `/organizations/${ids.org}/members/${b.id}`, body: { role: 'owner' } },
      { method: 'DELETE', url: `/organizations/${ids.org}/members/${ids.member}` },
      { method: 'DELETE', url: `/organizations/${ids.org}/members/${b.id}` },
      // A's account in B's own organization: B is admin there, but A is not a member.
      { method: 'PATCH', url: `/organizations/${b.personalOrgId}/members/${ids.memberOf}`, body: { role: 'viewer' } },
      { method: 'DELETE', url: `/organizations/${b.personalOrgId}/members/${ids.memberOf}` },
      { method: 'GET', url: `/projects/${ids.project}` },
      { method: 'PUT', url: `/projects/${ids.project}`, body: { name: 'Taken over' } },
      { method: 'PATCH', url: `/projects/${ids.project}`, body: { name: 'Taken over' } },
      { method: 'PATCH', url: `/projects/${ids.project}`, body: { key: 'OWNED' } },
      { method: 'DELETE', url: `/projects/${ids.project}` },
      { method: 'POST', url: `/projects/${ids.project}/restore` },
      { method: 'GET', url: `/projects/${ids.deletedProject}` },
      { method: 'POST', url: `/projects/${ids.deletedProject}/restore` },
      { method: 'DELETE', url: `/projects/${ids.deletedProject}` },
      { method: 'POST', url: '/projects', body: { organizationId: ids.org, name: 'Planted' } },
      { method: 'POST', url: '/projects', body: { organizationId: ids.org, name: 'Planted', key: 'SECRET' } },
      { method: 'GET', url: `/projects/${ids.project}/model` },
      { method: 'GET', url: `/projects/${ids.project}/analytics` },
      { method: 'GET', url: `/projects/${ids.project}/analytics?from=2026-11-01&to=2026-11-07` },
      { method: 'PUT', url: `/projects/${ids.project}/model`, body: { baseRev: 1, model: { summary: 'Taken over' } } },
      { method: 'POST', url: `/projects/${ids.project}/model/corrections`, body: { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool', name: 'Mine' } } },
      { method: 'GET', url: `/projects/${ids.project}/model/revisions` },
      { method: 'GET', url: `/projects/${ids.project}/model/revisions/1` },
      { method: 'GET', url: `/projects/${ids.project}/model/diff?from=1&to=1` },
      { method: 'POST', url: `/projects/${ids.project}/model/revisions/1/restore`, body: {} },
      { method: 'POST', url: `/projects/${ids.project}/model/rebuild`, body: {} },
      { method: 'GET', url: `/projects?organizationId=${ids.org}` },
      { method: 'GET', url: `/projects?organizationId=${ids.org}&status=deleted` },
      { method: 'GET', url: `/projects?organizationId=${ids.org}&q=secret` },
      { method: 'GET', url: `/audit?organizationId=${ids.org}` },
      { method: 'GET', url: `/organizations/${ids.org}/ai-settings` },
      { method: 'PATCH', url: `/organizations/${ids.org}/ai-settings`, body: { provider: 'openai', apiKey: 'sk-planted' } },
      { method: 'POST', url: `/organizations/${ids.org}/ai-settings/test`, body: {} },
      { method: 'GET', url: `/usage?organizationId=${ids.org}` },
      { method: 'GET', url: `/ai/generations?organizationId=${ids.org}` },
      { method: 'GET', url: `/ai/generations?organizationId=${ids.org}&projectId=${ids.project}` },
      { method: 'GET', url: `/ai/generations/${ids.generation}` },
      { method: 'POST', url: '/ai/tasks/project-brief/run', body: { organizationId: ids.org, input: briefInput }, idInBody: true },
      { method: 'POST', url: '/ai/tasks/project-brief/run', body: { projectId: ids.project, input: briefInput }, idInBody: true },
      {
        method: 'POST',
        url: '/ai/tasks/answer-question/stream',
        body: { projectId: ids.project, input: { question: 'What is secret?', context: [] } },
        idInBody: true,
      },
      { method: 'POST', url: '/ai/tasks/project-brief/jobs', body: { organizationId: ids.org, inputs: [briefInput] }, idInBody: true },
      { method: 'GET', url: `/jobs/${ids.job}` },
      { method: 'GET', url: `/jobs/${ids.job}/events` },
      { method: 'POST', url: `/jobs/${ids.job}/cancel` },
      { method: 'GET', url: `/jobs?organizationId=${ids.org}` },
      ...backlogProbes(ids.project, ids),
      ...taskProbes(ids.project, ids),
      // A's story, epic and sprint ids under B's own project.
      ...backlogProbes(bProject, ids).filter((probe) => !probe.url.endsWith('/stories') && !probe.url.includes('/stories?') && !probe.url.endsWith('/epics') && !probe.url.endsWith('/sprints') && !probe.url.includes('/bulk') && !probe.url.includes('/velocity')),
      // A's task id under B's own project.
      ...taskProbes(bProject, ids).filter((probe) => probe.url.includes(`/tasks/${ids.task}`)),
      ...backlogAiProbes(ids.project, ids),
      // A's job and sprint under B's own project.
      ...backlogAiProbes(bProject, ids).filter((probe) => probe.url.endsWith('/accept') || probe.url.endsWith('/plan')),
      ...boardProbes(ids),
      ...databaseProbes(ids),
      ...integrationProbes(ids),
      // A's integration under B's own organization, where B is the owner.
      ...integrationProbes({ org: b.personalOrgId, integration: ids.integration }).filter((probe) => probe.url.includes(`/integrations/${ids.integration}`)),
    ];
  }

  /** Every integrations endpoint that takes an organization or integration id. */
  function integrationProbes(ids: Pick<TenantIds, 'org' | 'integration'>): Probe[] {
    const one = `/organizations/${ids.org}/integrations/${ids.integration}`;
    return [
      { method: 'GET', url: `/organizations/${ids.org}/integrations` },
      {
        method: 'POST',
        url: `/organizations/${ids.org}/integrations`,
        body: { type: 'webhook', name: 'Planted', config: { url: 'http://127.0.0.1:4199/planted', events: ['story.created'] }, secrets: { signingSecret: 'planted-signing-secret-0123' } },
      },
      { method: 'GET', url: one },
      { method: 'PATCH', url: one, body: { enabled: false } },
      { method: 'PATCH', url: one, body: { config: { url: 'http://127.0.0.1:4199/stolen', events: ['story.created'] } } },
      { method: 'DELETE', url: one },
      { method: 'POST', url: `${one}/test` },
      { method: 'POST', url: `/integrations/${ids.integration}/test-event` },
      { method: 'GET', url: `/integrations/${ids.integration}/deliveries` },
    ];
  }

  /** Every database assistant endpoint that takes an organization, connection, schema or documentation id. */
  function databaseProbes(ids: Pick<TenantIds, 'org' | 'project' | 'connection' | 'schema' | 'doc' | 'query' | 'execution'>): Probe[] {
    const connection = `/connections/${ids.connection}`;
    const schema = `/schemas/${ids.schema}`;
    const execution = `/executions/${ids.execution}`;
    return [
      { method: 'GET', url: `/organizations/${ids.org}/connections` },
      { method: 'POST', url: `/organizations/${ids.org}/connections`, body: { name: 'Planted', dbType: 'postgres', connectionUri: 'postgres://u:p@db.example.test/x' } },
      { method: 'POST', url: `/organizations/${ids.org}/connections/sample` },
      { method: 'GET', url: connection },
      { method: 'PATCH', url: connection, body: { name: 'Taken over' } },
      { method: 'DELETE', url: connection },
      { method: 'POST', url: `${connection}/test` },
      { method: 'POST', url: `${connection}/ingest` },
      { method: 'POST', url: `${connection}/ask`, body: { question: 'How many rows are there?' } },
      { method: 'GET', url: `${connection}/schemas` },
      { method: 'GET', url: schema },
      { method: 'GET', url: `${schema}/diff?to=${ids.schema}` },
      { method: 'GET', url: `${schema}/docs` },
      { method: 'POST', url: `${schema}/docs/generate`, body: { template: 'short' } },
      { method: 'PATCH', url: `${schema}/docs/${ids.doc}`, body: { contentMd: 'Taken over' } },
      { method: 'GET', url: `${schema}/docs.zip` },
      { method: 'GET', url: `${schema}/lint` },
      { method: 'GET', url: `${schema}/erd` },
      { method: 'POST', url: `${schema}/erd/save`, body: { projectId: ids.project }, idInBody: true },
      { method: 'GET', url: `/queries/${ids.query}/index-advice` },
      { method: 'GET', url: `${connection}/mock-jobs` },
      { method: 'POST', url: `${connection}/mock-jobs`, body: { tableId: ids.schema, config: { rows: 10 } }, idInBody: true },
      { method: 'POST', url: `${connection}/mock-jobs/preview`, body: { tableId: ids.schema, config: { rows: 10 } }, idInBody: true },
      { method: 'GET', url: `${connection}/queries?q=secret` },
      { method: 'POST', url: `${connection}/queries`, body: { sqlText: 'SELECT 1', description: 'Planted' } },
      { method: 'GET', url: `/queries/${ids.query}` },
      { method: 'PATCH', url: `/queries/${ids.query}`, body: { description: 'Taken over' } },
      { method: 'DELETE', url: `/queries/${ids.query}` },
      { method: 'POST', url: `${connection}/execute`, body: { sql: 'DELETE FROM orders' } },
      { method: 'POST', url: `${connection}/explain`, body: { sql: 'SELECT 1' } },
      { method: 'GET', url: `${connection}/executions?q=orders` },
      { method: 'GET', url: execution },
      { method: 'GET', url: `${execution}/rows` },
      { method: 'GET', url: `${execution}.csv` },
      { method: 'GET', url: `${execution}.json` },
      { method: 'POST', url: `${execution}/cancel` },
    ];
  }

  /** Every board endpoint that takes a session, organization or project id. */
  function boardProbes(ids: Pick<TenantIds, 'org' | 'project' | 'boardSession'>): Probe[] {
    const session = `/board/sessions/${ids.boardSession}`;
    return [
      { method: 'POST', url: '/board/sessions', body: { problemStatement: 'Planted', projectId: ids.project }, idInBody: true },
      { method: 'POST', url: '/board/sessions', body: { problemStatement: 'Planted', organizationId: ids.org }, idInBody: true },
      { method: 'GET', url: `/board/sessions?organizationId=${ids.org}` },
      { method: 'GET', url: `/board/sessions?projectId=${ids.project}` },
      { method: 'POST', url: '/board/sessions/kill-all', body: { organizationId: ids.org }, idInBody: true },
      { method: 'GET', url: session },
      { method: 'GET', url: `${session}/events` },
      { method: 'GET', url: `${session}/decision.md` },
      { method: 'POST', url: `${session}/save` },
      { method: 'POST', url: `${session}/pause` },
      { method: 'POST', url: `${session}/resume` },
      { method: 'POST', url: `${session}/kill`, body: { reason: 'Taken over' } },
      { method: 'POST', url: `${session}/answers`, body: { skip: true } },
      { method: 'PUT', url: `${session}/panel`, body: { personaCodes: ['cfo_test', 'pm_test', 'growth_test'] } },
      { method: 'GET', url: `/board/settings/${ids.org}` },
      { method: 'PUT', url: `/board/settings/${ids.org}`, body: { defaultBudgetUsd: 1000 } },
    ];
  }

  /** Every task and CSV endpoint, with the project and the task id given. */
  function taskProbes(project: string, ids: BacklogIds): Probe[] {
    const tasks = `/projects/${project}/tasks`;
    const task = `${tasks}/${ids.task}`;
    return [
      { method: 'GET', url: tasks },
      { method: 'GET', url: `${tasks}?phase=2&storyId=${ids.story}` },
      { method: 'POST', url: tasks, body: { title: 'Planted' } },
      { method: 'POST', url: `${tasks}/from-plan`, body: { documentId: ids.task }, idInBody: true },
      { method: 'GET', url: task },
      { method: 'PATCH', url: task, body: { title: 'Taken over' } },
      { method: 'DELETE', url: task },
      { method: 'POST', url: `${task}/reopen` },
      { method: 'POST', url: `${task}/complete` },
      { method: 'GET', url: `${task}/activity` },
      { method: 'GET', url: `/projects/${project}/stories.csv` },
      { method: 'POST', url: `/projects/${project}/stories/import`, body: { csv: 'Summary\nPlanted' } },
    ];
  }

  /** The backlog's AI endpoints: proposals, their acceptance (of job `ids.job`), estimates, duplicates, sprint plans. */
  function backlogAiProbes(project: string, ids: BacklogIds & { job: string }): Probe[] {
    const stories = `/projects/${project}/stories`;
    return [
      { method: 'POST', url: `${stories}/generate`, body: { from: 'model' } },
      { method: 'POST', url: `${stories}/accept`, body: { jobId: ids.job, proposalIds: ['us-1'] }, idInBody: true },
      { method: 'POST', url: `${stories}/estimate`, body: { title: 'Secret story' } },
      { method: 'GET', url: `${stories}/similar?title=Secret` },
      { method: 'POST', url: `/projects/${project}/sprints/${ids.sprint}/plan`, body: { capacity: 5 } },
    ];
  }

  /** Every backlog endpoint, with the project and the story, epic and sprint ids given. */
  function backlogProbes(project: string, ids: BacklogIds): Probe[] {
    const stories = `/projects/${project}/stories`;
    const story = `${stories}/${ids.story}`;
    const epic = `/projects/${project}/epics/${ids.epic}`;
    const sprint = `/projects/${project}/sprints/${ids.sprint}`;
    return [
      { method: 'GET', url: stories },
      { method: 'GET', url: `${stories}?status=todo&q=secret` },
      { method: 'POST', url: stories, body: { title: 'Planted' } },
      { method: 'POST', url: `${stories}/bulk`, body: { storyIds: [ids.story], set: { priority: 'low' } }, idInBody: true },
      { method: 'GET', url: story },
      { method: 'PATCH', url: story, body: { title: 'Taken over' } },
      { method: 'DELETE', url: story },
      { method: 'GET', url: `${story}/activity` },
      { method: 'GET', url: `${story}/relations` },
      { method: 'POST', url: `${story}/relations`, body: { relatedStoryId: ids.story, kind: 'relates_to' }, idInBody: true },
      { method: 'DELETE', url: `${story}/relations/blocks/${ids.story}` },
      { method: 'POST', url: `${story}/move`, body: { status: 'done' } },
      { method: 'GET', url: `/projects/${project}/epics` },
      { method: 'POST', url: `/projects/${project}/epics`, body: { title: 'Planted' } },
      { method: 'GET', url: epic },
      { method: 'PATCH', url: epic, body: { title: 'Taken over' } },
      { method: 'DELETE', url: epic },
      { method: 'GET', url: `/projects/${project}/sprints` },
      { method: 'POST', url: `/projects/${project}/sprints`, body: { name: 'Planted' } },
      { method: 'GET', url: sprint },
      { method: 'PATCH', url: sprint, body: { name: 'Taken over' } },
      { method: 'DELETE', url: sprint },
      { method: 'POST', url: `${sprint}/start`, body: {} },
      { method: 'POST', url: `${sprint}/complete`, body: { moveUnfinishedTo: 'backlog' } },
      { method: 'GET', url: `${sprint}/burndown` },
      { method: 'GET', url: `/projects/${project}/velocity?last=6` },
    ];
  }

  const missingIds = (): TenantIds => ({
    org: newId(),
    project: newId(),
    deletedProject: newId(),
    memberOf: newId(),
    member: newId(),
    generation: newId(),
    job: newId(),
    story: newId(),
    epic: newId(),
    sprint: newId(),
    task: newId(),
    boardSession: newId(),
    connection: newId(),
    schema: newId(),
    doc: newId(),
    query: newId(),
    execution: newId(),
    integration: newId(),
  });

  const withoutRequestId = (body: { error?: { requestId?: string } }) => ({ ...body, error: { ...body.error, requestId: undefined } });

  it('answers every endpoint with A’s ids exactly as for ids that do not exist, and leaves A’s data alone', async () => {
    const before = await snapshotOfA();
    for (const [org, project, deletedProject, ai] of [
      [aTeamOrg, aProject, aDeletedProject, { ...aiOf.team, ...backlogOf.team, boardSession: boardOf.team, ...databaseOf.team, integration: integrationOf.team }],
      [a.personalOrgId, aPersonalProject, aDeletedProject, { ...aiOf.personal, ...backlogOf.personal, boardSession: boardOf.personal, ...databaseOf.personal, integration: integrationOf.personal }],
    ] as const) {
      const foreign = probes({ org, project, deletedProject, memberOf: a.id, member: a.id, ...ai });
      const missing = probes(missingIds());
      for (const [index, probe] of foreign.entries()) {
        const label = `${probe.method} ${probe.url} ${JSON.stringify(probe.body ?? '')}`;
        const res = await api(probe.method, probe.url, b, probe.body);
        expect(res.statusCode, label).toBe(404);
        expect(res.data.error.code, label).toBe('NOT_FOUND');
        const control = missing[index]!;
        const missingRes = await api(control.method, control.url, b, control.body);
        expect(missingRes.statusCode, `missing: ${label}`).toBe(404);
        expect(withoutRequestId(res.data), label).toEqual(withoutRequestId(missingRes.data));
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('answers malformed ids in paths with 404, never 500', async () => {
    for (const bad of ['x', '1', 'null', 'undefined', ' ', "1'--", '0'.repeat(100), '01900000-0000-7000-8000-00000000000g']) {
      const id = encodeURIComponent(bad);
      for (const probe of probes({ org: id, project: id, deletedProject: id, memberOf: id, member: id, generation: id, job: id, story: id, epic: id, sprint: id, task: id, boardSession: id, connection: id, schema: id, doc: id, query: id, execution: id, integration: id })) {
        // Ids in query strings and bodies are validated (400 naming the field); only path ids answer 404.
        if (probe.url.includes('?') || probe.url === '/projects' || probe.idInBody) continue;
        const res = await api(probe.method, probe.url, b, probe.body);
        expect(res.statusCode, `${probe.method} ${probe.url}`).toBe(404);
      }
    }
    // Past the router's limit on a path parameter (100 characters) the answer is still a client error.
    const tooLong = await api('GET', `/projects/${'0'.repeat(300)}`, b);
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
  });

  it('keeps A out of B’s lists and searches', async () => {
    const organizations = await api('GET', '/organizations?limit=200', b);
    expect(organizations.data.items.map((o: { id: string }) => o.id)).toEqual([b.personalOrgId]);
    const projects = await api('GET', '/projects?limit=200', b);
    expect(projects.data.items.map((p: { id: string }) => p.id)).toEqual([bProject]);
    for (const q of ['secret', 'diary', 'private', 'binned']) {
      for (const status of ['', '&status=deleted', '&status=active']) {
        const res = await api('GET', `/projects?q=${q}${status}`, b);
        expect(res.statusCode).toBe(200);
        expect(res.data.items).toEqual([]);
      }
    }
    const audit = await api('GET', '/audit?limit=200', b);
    for (const event of audit.data.items as Array<{ userId: string; organizationId: string | null }>) {
      expect(event.userId).toBe(b.id);
      expect([b.personalOrgId, null]).toContain(event.organizationId);
    }
    const boardSessions = await api('GET', '/board/sessions?limit=200', b);
    expect(boardSessions.statusCode).toBe(200);
    expect(boardSessions.data.items).toEqual([]);
    const members = await api('GET', `/organizations/${b.personalOrgId}/members`, b);
    expect(members.data.items.map((m: { userId: string }) => m.userId)).toEqual([b.id]);
  });

  it('cannot move a project into another organization', async () => {
    const res = await api('PATCH', `/projects/${bProject}`, b, { organizationId: aTeamOrg });
    expect(res.statusCode).toBe(400);
    const put = await api('PUT', `/projects/${bProject}`, b, { name: 'Moved', organizationId: aTeamOrg });
    expect(put.statusCode).toBe(400);
    expect((await api('GET', `/projects/${bProject}`, b)).data.organizationId).toBe(b.personalOrgId);
  });

  it('a viewer of one of A’s organizations gets 403 there and still 404 everywhere else', async () => {
    const viewer = await createUser(t, { name: 'Vera' });
    expect((await api('POST', `/organizations/${aTeamOrg}/members`, a, { email: viewer.email, role: 'viewer' })).statusCode).toBe(201);
    const before = await snapshotOfA();
    const writes: Probe[] = [
      { method: 'PATCH', url: `/organizations/${aTeamOrg}`, body: { name: 'Taken over' } },
      { method: 'DELETE', url: `/organizations/${aTeamOrg}` },
      { method: 'POST', url: `/organizations/${aTeamOrg}/members`, body: { email: b.email, role: 'viewer' } },
      { method: 'PATCH', url: `/organizations/${aTeamOrg}/members/${aColleague.id}`, body: { role: 'viewer' } },
      { method: 'DELETE', url: `/organizations/${aTeamOrg}/members/${aColleague.id}` },
      { method: 'POST', url: '/projects', body: { organizationId: aTeamOrg, name: 'Planted' } },
      { method: 'PUT', url: `/projects/${aProject}`, body: { name: 'Taken over' } },
      { method: 'PATCH', url: `/projects/${aProject}`, body: { name: 'Taken over' } },
      { method: 'DELETE', url: `/projects/${aProject}` },
      { method: 'POST', url: `/projects/${aDeletedProject}/restore` },
      { method: 'GET', url: `/audit?organizationId=${aTeamOrg}` },
      { method: 'PATCH', url: `/organizations/${aTeamOrg}/ai-settings`, body: { monthlyBudgetUsd: 1000 } },
      { method: 'POST', url: `/organizations/${aTeamOrg}/ai-settings/test`, body: {} },
      { method: 'POST', url: '/ai/tasks/project-brief/run', body: { projectId: aProject, input: briefInput } },
      { method: 'POST', url: '/ai/tasks/project-brief/jobs', body: { organizationId: aTeamOrg, inputs: [briefInput] } },
      { method: 'POST', url: `/jobs/${aiOf.team.job}/cancel` },
      { method: 'PUT', url: `/projects/${aProject}/model`, body: { baseRev: 1, model: {} } },
      { method: 'POST', url: `/projects/${aProject}/model/corrections`, body: { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool', name: 'Mine' } } },
      { method: 'POST', url: `/projects/${aProject}/model/revisions/1/restore`, body: {} },
      { method: 'POST', url: `/projects/${aProject}/model/rebuild`, body: {} },
      ...backlogProbes(aProject, backlogOf.team).filter((probe) => probe.method !== 'GET'),
      ...taskProbes(aProject, backlogOf.team).filter((probe) => probe.method !== 'GET'),
      ...backlogAiProbes(aProject, { ...backlogOf.team, job: aiOf.team.job }).filter((probe) => probe.method !== 'GET'),
      // The board: a viewer sees the project's session but may not run it, ask about the project, or change settings.
      ...boardProbes({ org: aTeamOrg, project: aProject, boardSession: boardOf.team }).filter((probe) => probe.method !== 'GET'),
      // The database assistant: a viewer reads connections, versions and documentation but changes nothing.
      ...databaseProbes({ org: aTeamOrg, project: aProject, ...databaseOf.team }).filter((probe) => probe.method !== 'GET'),
      // Index advice plans the query on the outside server with the connection's credentials: editors and up.
      { method: 'GET', url: `/queries/${databaseOf.team.query}/index-advice` },
      // Integrations: a viewer reads them and their delivery log; only admins and owners manage, test and send.
      ...integrationProbes({ org: aTeamOrg, integration: integrationOf.team }).filter((probe) => probe.method !== 'GET'),
    ];
    for (const probe of writes) {
      const res = await api(probe.method, probe.url, viewer, probe.body);
      expect(res.statusCode, `${probe.method} ${probe.url}`).toBe(403);
      expect(res.data.error.code).toBe('FORBIDDEN');
    }
    expect((await api('GET', `/projects/${aProject}`, viewer)).statusCode).toBe(200);
    // A's personal organization and its project stay invisible to the viewer of the team organization.
    for (const probe of probes({ ...missingIds(), org: a.personalOrgId, project: aPersonalProject, memberOf: a.id, member: a.id, ...aiOf.personal, ...backlogOf.personal, boardSession: boardOf.personal, ...databaseOf.personal, integration: integrationOf.personal })) {
      if (probe.url.startsWith(`/organizations/${b.personalOrgId}`)) continue; // B's organization, not the viewer's
      const res = await api(probe.method, probe.url, viewer, probe.body);
      expect(res.statusCode, `${probe.method} ${probe.url}`).toBe(404);
    }
    // What the viewer saw in the team organization changed nothing either.
    const after = (await snapshotOfA()) as Record<string, unknown>;
    expect(after).toEqual(before);
  });

  it('keeps GitHub issue sync inside the tenant: pushes, links and webhooks of A answer B as if they did not exist', async () => {
    const githubConfig = { baseUrl: 'http://127.0.0.1:9', owner: 'alice', repo: 'secret-launch' };
    const secrets = { token: 'ghp_alice_secret', webhookSecret: 'alice-hook-secret' };
    const aIntegration = await api('POST', `/organizations/${aTeamOrg}/integrations`, a, { type: 'github', name: 'Alice issues', config: { ...githubConfig, projectId: aProject }, secrets });
    expect(aIntegration.statusCode, JSON.stringify(aIntegration.data)).toBe(201);
    const bIntegration = await api('POST', `/organizations/${b.personalOrgId}/integrations`, b, { type: 'github', name: 'Bob issues', config: { ...githubConfig, owner: 'bob' }, secrets: { token: 'ghp_bob' } });
    expect(bIntegration.statusCode, JSON.stringify(bIntegration.data)).toBe(201);
    const bStory = (await api('POST', `/projects/${bProject}/stories`, b, { title: 'Bob story' })).data.id as string;
    const readLinks = async () => (await api('GET', `/projects/${aProject}/github-links`, a)).data;
    const linksBefore = await readLinks();
    const storiesBefore = (await api('GET', `/projects/${aProject}/stories?limit=200`, a)).data;
    const missing = newId();
    const pairs: Array<[Probe, Probe]> = [
      // A's integration, with B's own story, answers like an integration that does not exist.
      [
        { method: 'POST', url: `/integrations/${aIntegration.data.id}/github/push`, body: { storyIds: [bStory] } },
        { method: 'POST', url: `/integrations/${missing}/github/push`, body: { storyIds: [bStory] } },
      ],
      // B's integration with A's story answers like a story that does not exist.
      [
        { method: 'POST', url: `/integrations/${bIntegration.data.id}/github/push`, body: { storyIds: [backlogOf.team.story] } },
        { method: 'POST', url: `/integrations/${bIntegration.data.id}/github/push`, body: { storyIds: [missing] } },
      ],
      [
        { method: 'GET', url: `/projects/${aProject}/github-links` },
        { method: 'GET', url: `/projects/${missing}/github-links` },
      ],
      [
        { method: 'GET', url: `/projects/${aPersonalProject}/github-links?storyId=${backlogOf.personal.story}` },
        { method: 'GET', url: `/projects/${missing}/github-links?storyId=${backlogOf.personal.story}` },
      ],
    ];
    for (const [foreign, control] of pairs) {
      const label = `${foreign.method} ${foreign.url}`;
      const res = await api(foreign.method, foreign.url, b, foreign.body);
      expect(res.statusCode, label).toBe(404);
      const missingRes = await api(control.method, control.url, b, control.body);
      // Answers may name the id asked about; apart from it they are the same.
      const anonymous = (body: unknown) => JSON.stringify(withoutRequestId(body as { error?: { requestId?: string } })).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
      expect(anonymous(res.data), label).toBe(anonymous(missingRes.data));
    }
    // The webhook needs no session: signed with anything but A's secret, it is refused like an unknown integration.
    const payload = JSON.stringify({ action: 'closed', issue: { number: 1, state: 'closed' }, repository: { full_name: 'alice/secret-launch' } });
    const signed = (secret: string) => `sha256=${crypto.createHmac('sha256', secret).update(payload).digest('hex')}`;
    const hook = (id: string, secret: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/integrations/${id}/github/webhook`, payload, headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-hub-signature-256': signed(secret) } });
    const forged = await hook(aIntegration.data.id as string, 'bob-guess');
    const unknown = await hook(missing, 'bob-guess');
    expect(forged.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(withoutRequestId(forged.json())).toEqual(withoutRequestId(unknown.json()));
    // A viewer of A's team may read the links but not push.
    const viewer = await createUser(t, { name: 'Vic' });
    expect((await api('POST', `/organizations/${aTeamOrg}/members`, a, { email: viewer.email, role: 'viewer' })).statusCode).toBe(201);
    const viewerPush = await api('POST', `/integrations/${aIntegration.data.id}/github/push`, viewer, { storyIds: [backlogOf.team.story] });
    expect(viewerPush.statusCode).toBe(403);
    expect((await api('GET', `/projects/${aProject}/github-links`, viewer)).statusCode).toBe(200);
    expect(await readLinks()).toEqual(linksBefore);
    expect((await api('GET', `/projects/${aProject}/stories?limit=200`, a)).data).toEqual(storiesBefore);
  });
});
