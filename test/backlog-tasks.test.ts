import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import type { JobRunner } from '../src/core/jobs/index.js';
import { newId } from '../src/core/ids.js';
import { stories } from '../src/modules/backlog/backlog.schema.js';
import { deliveryPlanSchema, plannedTasks } from '../src/modules/backlog/tasks/delivery-plan.js';
import { createDocument } from '../src/modules/documents/index.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** Seed 003's phase tasks: CRUD by phase, complete and reopen as task_activity rows, and the delivery plan as tasks. */

type Task = { id: string; phase: number; title: string; description: string; position: number; completed: boolean; completedAt: string | null; storyId: string | null };
type Plan = { phases: Array<{ name: string; tasks: Array<{ id: string; title: string; description: string; estimateDays: number; dependsOn: string[] }> }> };

const idea =
  'A mobile app where home cooks sell surplus meals to neighbours. Neighbours browse meals nearby and reserve a portion; ' +
  'cooks must confirm each reservation. Each meal has a title, a price and a pickup time.';

describe.each(testDrivers)('backlog tasks on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner, team } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t.close();
  });

  const actorOf = (user: TestUser) => ({ userId: user.id, ipAddress: '127.0.0.1', userAgent: 'backlog tasks test' });

  async function create(user: TestUser, projectId: string, body: Record<string, unknown>): Promise<Task> {
    const res = await api('POST', `/projects/${projectId}/tasks`, user, body);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data as Task;
  }

  async function allTasks(user: TestUser, projectId: string, query = ''): Promise<Task[]> {
    const items: Task[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/projects/${projectId}/tasks?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
      items.push(...(res.data.items as Task[]));
      cursor = res.data.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  /** A story straight in the database (stories have their own routes and tests). */
  async function story(user: TestUser, org: Team): Promise<string> {
    const id = newId();
    await withUser(t.database.db, user.id, (tx) =>
      tx.insert(stories).values({ id, organizationId: org.orgId, projectId: org.projectId, number: 0, title: 'Reserve a portion', rank: 'a0' }),
    );
    return id;
  }

  it('lists tasks by phase then position across keyset pages, filtered by phase or story; edits move a task to the end of its new phase', async () => {
    const org = await team({ name: 'Phased' });
    const storyId = await story(org.editor, org);
    const a = await create(org.editor, org.projectId, { title: 'Set up hosting', phase: 2 });
    const b = await create(org.editor, org.projectId, { title: 'Sketch the screens' });
    const c = await create(org.editor, org.projectId, { title: 'Write the API', phase: 2, storyId });
    const d = await create(org.owner, org.projectId, { title: 'Interview cooks', phase: 1, description: 'Five cooks in Leeds' });
    const e = await create(org.editor, org.projectId, { title: 'Launch', phase: 3 });
    expect([b.phase, b.position, d.position, a.position, c.position]).toEqual([1, 0, 1, 0, 1]);

    expect((await allTasks(org.viewer, org.projectId)).map((task) => task.title)).toEqual([b, d, a, c, e].map((task) => task.title));
    expect((await allTasks(org.viewer, org.projectId, '&phase=2')).map((task) => task.id)).toEqual([a.id, c.id]);
    expect((await allTasks(org.viewer, org.projectId, `&storyId=${storyId}`)).map((task) => task.id)).toEqual([c.id]);

    const moved = await api('PATCH', `/projects/${org.projectId}/tasks/${b.id}`, org.editor, { phase: 2, title: 'Sketch every screen' });
    expect(moved.statusCode, JSON.stringify(moved.data)).toBe(200);
    expect(moved.data).toMatchObject({ phase: 2, position: 2, title: 'Sketch every screen' });
    expect((await allTasks(org.viewer, org.projectId)).map((task) => task.id)).toEqual([d.id, a.id, c.id, b.id, e.id]);

    const unlinked = await api('PATCH', `/projects/${org.projectId}/tasks/${c.id}`, org.editor, { storyId: null });
    expect(unlinked.data.storyId).toBeNull();
    const removed = await api('DELETE', `/projects/${org.projectId}/tasks/${a.id}`, org.editor);
    expect(removed.statusCode).toBe(204);
    expect((await api('GET', `/projects/${org.projectId}/tasks/${a.id}`, org.viewer)).statusCode).toBe(404);

    const bad = await api('GET', `/projects/${org.projectId}/tasks?cursor=bm90LWEtY3Vyc29y`, org.viewer);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const noTitle = await api('POST', `/projects/${org.projectId}/tasks`, org.editor, { title: '  ', phase: 101 });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.data.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['phase', 'title']);
  });

  it('completes and reopens as task_activity rows; completing a completed task answers 409 and writes nothing', async () => {
    const org = await team({ name: 'Done and undone' });
    const task = await create(org.editor, org.projectId, { title: 'Confirm reservations', phase: 1 });
    const url = `/projects/${org.projectId}/tasks/${task.id}`;

    const done = await api('POST', `${url}/complete`, org.editor);
    expect(done.statusCode, JSON.stringify(done.data)).toBe(200);
    expect(done.data).toMatchObject({ completed: true, completedAt: expect.any(String) });
    const twice = await api('POST', `${url}/complete`, org.owner);
    expect(twice.statusCode).toBe(409);
    expect(twice.data.error.message).toMatch(/already complete.*reopen it/);

    const reopened = await api('POST', `${url}/reopen`, org.owner);
    expect(reopened.data).toMatchObject({ completed: false, completedAt: null });
    expect((await api('POST', `${url}/reopen`, org.owner)).statusCode).toBe(409);
    const again = await api('POST', `${url}/complete`, org.editor);
    expect(again.data.completed).toBe(true);
    expect((await api('GET', url, org.viewer)).data.completedAt).toBe(again.data.completedAt);

    const first = await api('GET', `${url}/activity?limit=2`, org.viewer);
    expect(first.data.items.map((a: { action: string; userId: string; userName: string }) => [a.action, a.userId, a.userName])).toEqual([
      ['complete', org.editor.id, org.editor.name],
      ['reopen', org.owner.id, org.owner.name],
    ]);
    const rest = await api('GET', `${url}/activity?limit=2&cursor=${first.data.nextCursor}`, org.viewer);
    expect(rest.data).toEqual({ items: [expect.objectContaining({ action: 'complete', userId: org.editor.id })], nextCursor: null });

    // Concurrent clicks on one open task: one completion, one 409.
    const racer = await create(org.editor, org.projectId, { title: 'Price the meals' });
    const results = await Promise.all([org.editor, org.owner].map((user) => api('POST', `/projects/${org.projectId}/tasks/${racer.id}/complete`, user)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await api('GET', `/projects/${org.projectId}/tasks/${racer.id}/activity`, org.viewer)).data.items).toHaveLength(1);

    // A task with history can still be deleted; its history goes with it.
    expect((await api('DELETE', `/projects/${org.projectId}/tasks/${racer.id}`, org.editor)).statusCode).toBe(204);
    expect((await api('GET', `/projects/${org.projectId}/tasks/${racer.id}/activity`, org.viewer)).statusCode).toBe(404);
  });

  it('answers 404 for other tenants’ tasks and projects, 403 for a viewer’s writes, 400 for another project’s story', async () => {
    const org = await team({ name: 'Ours' });
    const other = await team({ name: 'Theirs' });
    const theirs = await create(other.editor, other.projectId, { title: 'Their task' });
    const ours = await create(org.editor, org.projectId, { title: 'Our task' });
    const theirStory = await story(other.editor, other);

    expect((await api('GET', `/projects/${org.projectId}/tasks/${theirs.id}`, org.owner)).statusCode).toBe(404);
    expect((await api('POST', `/projects/${org.projectId}/tasks/${theirs.id}/complete`, org.owner)).statusCode).toBe(404);
    expect((await api('PATCH', `/projects/${other.projectId}/tasks/${theirs.id}`, org.owner, { title: 'Mine now' })).statusCode).toBe(404);
    expect((await api('GET', `/projects/${other.projectId}/tasks`, org.owner)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${org.projectId}/tasks/not-a-uuid/activity`, org.owner)).statusCode).toBe(404);

    for (const [method, url, body] of [
      ['POST', `/projects/${org.projectId}/tasks`, { title: 'Nope' }],
      ['PATCH', `/projects/${org.projectId}/tasks/${ours.id}`, { title: 'Nope' }],
      ['DELETE', `/projects/${org.projectId}/tasks/${ours.id}`, undefined],
      ['POST', `/projects/${org.projectId}/tasks/${ours.id}/complete`, undefined],
      ['POST', `/projects/${org.projectId}/tasks/from-plan`, { documentId: newId() }],
    ] as const) {
      const res = await api(method, url, org.viewer, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await api('GET', `/projects/${org.projectId}/tasks/${ours.id}`, org.viewer)).data).toMatchObject({ title: 'Our task', completed: false });

    const crossed = await api('POST', `/projects/${org.projectId}/tasks`, org.editor, { title: 'Linked elsewhere', storyId: theirStory });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.data.error.details).toEqual([expect.objectContaining({ field: 'storyId' })]);
  });

  it('the idea pipeline turns the delivery plan into phase tasks; a new plan replaces the untouched ones and never duplicates', async () => {
    const user = await createUser(t);
    const created = await api('POST', '/projects', user, { name: 'Leftover Kitchen', ideaPrompt: idea });
    const projectId = created.data.id as string;
    const asked = (await api('GET', `/projects/${projectId}/clarifications`, user)).data;
    expect((await finished(user, asked.jobId)).status).toBe('succeeded');
    const skipped = await api('POST', `/projects/${projectId}/clarifications`, user, { skip: true });
    const job = await finished(user, skipped.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');

    const planDoc = (job.result!.documents as Array<{ id: string; type: string }>).find((d) => d.type === 'tasks')!;
    const plan = (await api('GET', `/projects/${projectId}/documents/${planDoc.id}`, user)).data.content as Plan;
    // The generated plan is what the backlog reads: the reader's schema accepts it.
    expect(deliveryPlanSchema.safeParse(plan).success).toBe(true);
    const expected = plan.phases.flatMap((phase, index) => phase.tasks.map((task) => ({ phase: index + 1, title: task.title })));
    expect(expected.length).toBeGreaterThan(2);
    expect(job.result!.tasks).toBe(expected.length);

    const tasks = await allTasks(user, projectId);
    expect(tasks.map(({ phase, title }) => ({ phase, title }))).toEqual(expected);
    const firstPlanned = plan.phases[0]!.tasks[0]!;
    expect(tasks[0]!.description).toContain(firstPlanned.description);
    expect(tasks[0]!.description).toContain(`Phase: ${plan.phases[0]!.name}`);

    // Running the same plan again changes nothing.
    const rerun = await api('POST', `/projects/${projectId}/tasks/from-plan`, user, { documentId: planDoc.id });
    expect(rerun.statusCode, JSON.stringify(rerun.data)).toBe(200);
    expect(rerun.data).toEqual({ documentId: planDoc.id, created: 0, kept: expected.length, removed: 0 });
    expect((await allTasks(user, projectId)).map((task) => task.id)).toEqual(tasks.map((task) => task.id));

    // Someone completes the first task and edits the second; the new plan drops both, renames the third, adds a phase.
    const [first, second, third] = tasks as [Task, Task, Task];
    await api('POST', `/projects/${projectId}/tasks/${first.id}/complete`, user);
    await api('PATCH', `/projects/${projectId}/tasks/${second.id}`, user, { description: 'Agreed with the cooks' });
    const allPlanned = plan.phases.flatMap((phase) => phase.tasks);
    const dropped = new Set([first.title, second.title, third.title]);
    const revised: Plan = {
      phases: [
        ...plan.phases.map((phase) => ({ ...phase, tasks: phase.tasks.filter((task) => !dropped.has(task.title)) })),
        { name: 'Phase 9 — Aftercare', tasks: [{ id: 'T-99', title: `${third.title} (revised)`, description: 'Again, better', estimateDays: 1, dependsOn: [allPlanned.at(-1)!.id] }] },
      ].filter((phase) => phase.tasks.length),
    };
    const revisedDoc = await withUser(t.database.db, user.id, (tx) =>
      createDocument(tx, actorOf(user), projectId, { type: 'tasks', title: 'Revised plan', contentMarkdown: '# Revised plan', content: revised, generationId: null }),
    );
    const replaced = await api('POST', `/projects/${projectId}/tasks/from-plan`, user, { documentId: revisedDoc.id });
    expect(replaced.statusCode, JSON.stringify(replaced.data)).toBe(200);
    const keptCount = expected.length - 3;
    expect(replaced.data).toEqual({ documentId: revisedDoc.id, created: 1, kept: keptCount, removed: 1 });
    const after = await allTasks(user, projectId);
    const titles = after.map((task) => task.title);
    expect(titles).toContain(first.title);
    expect(titles).toContain(second.title);
    expect(titles).not.toContain(third.title);
    expect(titles.filter((title) => title === `${third.title} (revised)`)).toHaveLength(1);
    expect(new Set(titles).size).toBe(titles.length);
    expect(after.find((task) => task.id === first.id)).toMatchObject({ completed: true });
    const added = after.find((task) => task.title === `${third.title} (revised)`)!;
    expect(added.description).toContain(`Depends on: ${allPlanned.at(-1)!.title}`);

    // A document that is not a plan, or has none, is refused naming documentId.
    const prd = (job.result!.documents as Array<{ id: string; type: string }>).find((d) => d.type === 'prd')!;
    const notPlan = await api('POST', `/projects/${projectId}/tasks/from-plan`, user, { documentId: prd.id });
    expect(notPlan.statusCode).toBe(400);
    expect(notPlan.data.error.message).toMatch(/not a delivery plan/);
    const handWritten = await api('POST', `/projects/${projectId}/documents`, user, { type: 'tasks', title: 'By hand', contentMarkdown: '- a task' });
    const none = await api('POST', `/projects/${projectId}/tasks/from-plan`, user, { documentId: handWritten.data.id });
    expect(none.statusCode).toBe(400);
    expect(none.data.error.details).toEqual([expect.objectContaining({ field: 'documentId', message: expect.stringMatching(/no generated plan/) })]);

    // Regenerating the plan through the generate job applies it the same way: the offline engine writes the same
    // plan, so the tasks removed as untouched come back once and nothing is duplicated.
    const regenerate = await api('POST', `/projects/${projectId}/documents/generate`, user, { type: 'tasks' });
    const regenerated = await finished(user, regenerate.data.jobId);
    expect(regenerated.status, JSON.stringify(regenerated.error)).toBe('succeeded');
    const final = (await allTasks(user, projectId)).map((task) => task.title);
    expect(new Set(final).size).toBe(final.length);
    const count = await withUser(t.database.db, user.id, (tx) => tx.execute(sql`SELECT count(*)::int AS n FROM app.tasks WHERE project_id = ${projectId}`));
    expect(((count as { rows?: Array<{ n: number }> }).rows ?? (count as Array<{ n: number }>))[0]!.n).toBe(final.length);
  });

  it('reads only what a plan needs: phases in order, positions in the phase, estimate and dependencies in the description', () => {
    const planned = plannedTasks({
      phases: [
        { name: 'Phase 1 — Foundations', tasks: [{ id: 'T-1', title: ' Schema ', description: 'Tables', estimateDays: 1, dependsOn: [] }] },
        { tasks: [{ id: 'T-2', title: 'API', estimateDays: 2.5, dependsOn: ['T-1', 'T-7'] }, { title: 'Docs' }] },
      ],
    });
    expect(planned).toEqual([
      { phase: 1, position: 0, title: 'Schema', description: 'Tables\n\nPhase: Phase 1 — Foundations\nEstimate: 1 person-day' },
      { phase: 2, position: 0, title: 'API', description: 'Estimate: 2.5 person-days\nDepends on: Schema; T-7' },
      { phase: 2, position: 1, title: 'Docs', description: '' },
    ]);
    expect(deliveryPlanSchema.safeParse({ phases: [] }).success).toBe(false);
  });
});
