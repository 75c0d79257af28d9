import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import type { JobRunner } from '../src/core/jobs/index.js';
import { apiHarness, type Team } from './support/api-harness.js';
import type { TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** The backlog's AI help through the API with the offline engine: proposals from a generated PRD, accept, estimate, duplicates, sprint plan. */

const IDEA =
  'Bike repair shop job tracker. Customer drops off a bike, mechanic writes up a job card with the work needed and a quote. ' +
  'Customer approves the quote by text. Mechanic orders parts if needed and logs the time spent. When the job is done the ' +
  'customer gets a message to collect and pays at the counter.';

type Proposal = { proposalId: string; title: string; epic: { title: string }; acceptanceCriteria: string[]; priority: string; storyPoints: number | null };
type Story = { id: string; key: string; number: number; title: string; epicId: string | null; acceptanceCriteria: string; storyPoints: number | null; priority: string; status: string };

describe.each(testDrivers)('backlog AI on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  let team: Team;
  let key: string;
  const { api, finished, startJobRunner, team: makeTeam } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    runner = startJobRunner();
    team = await makeTeam({ name: 'Spoke', description: IDEA });
    key = (await api('GET', `/projects/${team.projectId}`, team.owner)).data.key as string;
  });
  afterAll(async () => {
    await runner?.stop();
    await t.close();
  });

  const url = (path: string, projectId = team.projectId) => `/projects/${projectId}${path}`;

  async function rows<T>(user: TestUser, query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await withUser(t.database.db, user.id, (tx) => tx.execute(query));
    return (result as { rows?: T[] }).rows ?? (result as T[]);
  }

  async function generatedPrd(): Promise<{ id: string; markdown: string }> {
    const job = await finished(team.editor, (await api('POST', url('/documents/generate'), team.editor, { type: 'prd' })).data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const doc = await api('GET', url(`/documents/${job.result!.documentId}`), team.editor);
    return { id: doc.data.id as string, markdown: doc.data.contentMarkdown as string };
  }

  async function proposalsFrom(from: string): Promise<{ jobId: string; proposals: Proposal[]; epics: Array<{ title: string }>; generationId: string }> {
    const queued = await api('POST', url('/stories/generate'), team.editor, { from });
    expect(queued.statusCode, JSON.stringify(queued.data)).toBe(202);
    const job = await finished(team.editor, queued.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    return { jobId: queued.data.jobId, ...(job.result as { proposals: Proposal[]; epics: Array<{ title: string }>; generationId: string }) };
  }

  it('proposes the PRD’s own stories with Given/When/Then criteria; accepting creates KEY-1… with epics, and the ledger keeps the outcome', async () => {
    const prd = await generatedPrd();
    const { jobId, proposals, epics, generationId } = await proposalsFrom(prd.id);
    const headings = [...prd.markdown.matchAll(/^### US-\d+ (.+)$/gm)].map((m) => m[1]!.trim());
    expect(proposals.length).toBeGreaterThan(2);
    expect(proposals.map((p) => p.title)).toEqual(headings);
    for (const proposal of proposals) expect(proposal.acceptanceCriteria.every((c) => /^Given .+, when .+, then .+/.test(c))).toBe(true);

    const [rejected, edited, ...rest] = proposals;
    const accepted = await api('POST', url('/stories/accept'), team.editor, {
      jobId,
      proposalIds: [edited!.proposalId, ...rest.map((p) => p.proposalId)],
      edits: { [edited!.proposalId]: { title: 'Write up a job card with a quote', storyPoints: 5, priority: 'high' } },
    });
    expect(accepted.statusCode, JSON.stringify(accepted.data)).toBe(201);
    const stories = accepted.data.stories as Story[];
    expect(stories.map((s) => s.key)).toEqual(stories.map((_, i) => `${key}-${i + 1}`));
    expect(stories.map((s) => s.title)).toEqual(['Write up a job card with a quote', ...rest.map((p) => p.title)]);
    expect(stories[0]).toMatchObject({ storyPoints: 5, priority: 'high' });
    expect(stories.every((s) => s.acceptanceCriteria.startsWith('- Given ') && s.epicId)).toBe(true);
    const epicTitles = new Set([edited!, ...rest].map((p) => p.epic.title));
    expect((accepted.data.epics as Array<{ title: string; created: boolean; key: string }>).map((e) => e.title).sort()).toEqual([...epicTitles].sort());
    expect(epics.map((e) => e.title)).toEqual(expect.arrayContaining([...epicTitles]));
    expect(accepted.data.rejected).toBe(1);
    expect(stories.map((s) => s.title)).not.toContain(rejected!.title);

    // Listed in the backlog in the proposals' order.
    const listed = await api('GET', url('/stories?limit=100'), team.viewer);
    expect((listed.data.items as Story[]).map((s) => s.key)).toEqual(stories.map((s) => s.key));

    // One ledger row of type story for the proposals, with the outcome; the job can be accepted once.
    const ledger = await api('GET', `/ai/generations/${generationId}`, team.editor);
    expect(ledger.data).toMatchObject({ generationType: 'story', provider: 'builtin', status: 'succeeded', jobId });
    expect(ledger.data.metadata.outcome).toMatchObject({ accepted: stories.length, rejected: 1, edited: 1, storyIds: stories.map((s) => s.id) });
    const again = await api('POST', url('/stories/accept'), team.editor, { jobId, proposalIds: [rejected!.proposalId] });
    expect(again.statusCode).toBe(409);
    expect((await api('GET', url('/stories?limit=100'), team.viewer)).data.items).toHaveLength(stories.length);

    // A second generation reuses the epics of the same titles instead of creating them again.
    const second = await proposalsFrom('model');
    const reaccepted = await api('POST', url('/stories/accept'), team.owner, { jobId: second.jobId, proposalIds: [second.proposals[0]!.proposalId] });
    expect(reaccepted.statusCode, JSON.stringify(reaccepted.data)).toBe(201);
    const epic = (reaccepted.data.epics as Array<{ title: string; created: boolean }>)[0]!;
    expect(epic.created).toBe(!epicTitles.has(epic.title));
    const count = await rows<{ n: number }>(team.owner, sql`SELECT count(*)::int AS n FROM app.epics WHERE project_id = ${team.projectId} AND lower(title) = lower(${epic.title})`);
    expect(count[0]!.n).toBe(1);
  });

  it('refuses what cannot be generated or accepted: 400 naming the field, 404 for others’ jobs, 403 for viewers, nothing half-written', async () => {
    const other = await makeTeam({ name: 'Elsewhere', description: IDEA });
    const otherDoc = await api('POST', url('/documents', other.projectId), other.owner, { type: 'prd', title: 'Their PRD', contentMarkdown: '# Theirs' });
    expect(otherDoc.statusCode, JSON.stringify(otherDoc.data)).toBe(201);
    const foreign = await api('POST', url('/stories/generate'), team.editor, { from: otherDoc.data.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.data.error.details[0]).toMatchObject({ field: 'from' });
    expect((await api('POST', url('/stories/generate'), team.editor, { from: 'the prd' })).statusCode).toBe(400);
    expect((await api('POST', url('/stories/generate'), team.viewer, { from: 'model' })).statusCode).toBe(403);
    expect((await api('POST', url('/stories/generate', other.projectId), team.editor, { from: 'model' })).statusCode).toBe(404);

    const { jobId, proposals } = await proposalsFrom('model');
    const before = await rows<{ n: number }>(team.owner, sql`SELECT count(*)::int AS n FROM app.stories WHERE project_id = ${team.projectId}`);
    const unknown = await api('POST', url('/stories/accept'), team.editor, { jobId, proposalIds: [proposals[0]!.proposalId, 'us-999'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.details[0]).toMatchObject({ field: 'proposalIds.1' });
    expect((await api('POST', url('/stories/accept'), team.viewer, { jobId, proposalIds: [proposals[0]!.proposalId] })).statusCode).toBe(403);
    expect((await api('POST', url('/stories/accept'), team.editor, { jobId: newId(), proposalIds: ['us-1'] })).statusCode).toBe(404);
    const otherJob = await api('POST', url('/stories/generate', other.projectId), other.owner, { from: 'model' });
    await finished(other.owner, otherJob.data.jobId);
    expect((await api('POST', url('/stories/accept'), team.editor, { jobId: otherJob.data.jobId, proposalIds: ['us-1'] })).statusCode).toBe(404);
    const after = await rows<{ n: number }>(team.owner, sql`SELECT count(*)::int AS n FROM app.stories WHERE project_id = ${team.projectId}`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('accepts a job once when two accepts race: one creates the stories, the other answers 409 and creates nothing', async () => {
    const { jobId, proposals } = await proposalsFrom('model');
    const ids = proposals.map((p) => p.proposalId);
    const count = async () => (await rows<{ n: number }>(team.owner, sql`SELECT count(*)::int AS n FROM app.stories WHERE project_id = ${team.projectId}`))[0]!.n;
    const before = await count();
    const answers = await Promise.all([team.editor, team.owner].map((user) => api('POST', url('/stories/accept'), user, { jobId, proposalIds: ids })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await count()).toBe(before + ids.length);
  });

  describe('estimates, duplicates and sprint plans', () => {
    let project: Team;
    let pkey: string;
    const create = async (body: Record<string, unknown>) => {
      const res = await api('POST', url('/stories', project.projectId), project.editor, body);
      expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
      return res.data as Story;
    };

    beforeAll(async () => {
      project = await makeTeam({ name: 'Estimates' });
      pkey = (await api('GET', `/projects/${project.projectId}`, project.owner)).data.key as string;
      await create({ title: 'Approve a quote by text message', description: 'The customer replies to the SMS to approve the quote.', storyPoints: 3, status: 'done' });
      await create({ title: 'Approve the repair quote online', description: 'The customer approves the quote on a web page.', storyPoints: 5, status: 'done' });
      await create({ title: 'Export the monthly revenue report', storyPoints: 8, status: 'done' });
      await create({ title: 'Send the customer a reminder to collect the bike', storyPoints: 2 });
      await create({ title: 'Log time spent on a job', storyPoints: 3 });
    });

    it('suggests points from similar finished stories and names them; null with an explanation when none is similar; ledger type analysis', async () => {
      const estimate = await api('POST', url('/stories/estimate', project.projectId), project.editor, { title: 'Approve a quote' });
      expect(estimate.statusCode, JSON.stringify(estimate.data)).toBe(200);
      expect([3, 5]).toContain(estimate.data.storyPoints);
      expect((estimate.data.comparedTo as Array<{ key: string; storyPoints: number }>).map((c) => c.key).sort()).toEqual([`${pkey}-1`, `${pkey}-2`]);
      expect(estimate.data.explanation).toContain(`${pkey}-1`);

      const none = await api('POST', url('/stories/estimate', project.projectId), project.editor, { title: 'Invite a team member by email' });
      expect(none.data).toMatchObject({ storyPoints: null, comparedTo: [] });
      expect(none.data.explanation).toMatch(/No finished story reads like this one/);

      const ledger = await rows<{ generation_type: string }>(project.owner, sql`SELECT generation_type FROM app.ai_generations WHERE project_id = ${project.projectId}`);
      expect(ledger.map((r) => r.generation_type)).toEqual(['analysis', 'analysis']);
      expect((await api('POST', url('/stories/estimate', project.projectId), project.viewer, { title: 'Approve a quote' })).statusCode).toBe(403);
      expect((await api('POST', url('/stories/estimate', project.projectId), project.editor, { title: '' })).statusCode).toBe(400);
    });

    it('shows open stories similar to one being written, above the threshold, never done ones', async () => {
      const similar = await api('GET', url(`/stories/similar?title=${encodeURIComponent('Remind the customer to collect their bike')}`, project.projectId), project.viewer);
      expect(similar.statusCode, JSON.stringify(similar.data)).toBe(200);
      expect(similar.data.items.map((i: { key: string }) => i.key)).toEqual([`${pkey}-4`]);
      expect(similar.data.items[0].similarity).toBeGreaterThanOrEqual(similar.data.threshold);
      const doneOnly = await api('GET', url(`/stories/similar?title=${encodeURIComponent('Approve a quote by text message')}`, project.projectId), project.viewer);
      expect(doneOnly.data.items).toEqual([]);
      const excluded = await api('GET', url(`/stories/similar?title=${encodeURIComponent('Log time spent on a job')}&excludeId=${newId()}`, project.projectId), project.viewer);
      expect(excluded.data.items.map((i: { key: string }) => i.key)).toEqual([`${pkey}-5`]);
    });

    it('plans a sprint from the top of the backlog within the capacity, defaulting to the rolling velocity, and asks for a capacity when there is none', async () => {
      const sprintsUrl = url('/sprints', project.projectId);
      const newSprint = async (name: string) => {
        const res = await api('POST', sprintsUrl, project.editor, { name });
        expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
        return res.data.id as string;
      };
      const sprint = await newSprint('Sprint to plan');
      const url2 = url(`/sprints/${sprint}/plan`, project.projectId);
      const ask = await api('POST', url2, project.editor, {});
      expect(ask.statusCode).toBe(422);
      expect(ask.data.error).toMatchObject({ code: 'CAPACITY_REQUIRED', details: [expect.objectContaining({ field: 'capacity' })] });

      const given = await api('POST', url2, project.editor, { capacity: 4 });
      expect(given.statusCode, JSON.stringify(given.data)).toBe(200);
      expect(given.data).toMatchObject({ capacity: 4, velocity: 0, points: 2 });
      expect(given.data.stories.map((s: Story) => s.key)).toEqual([`${pkey}-4`]);
      expect(given.data.skipped).toEqual([{ storyId: expect.any(String), key: `${pkey}-5`, reason: 'Needs 3 points, but only 2 points of the capacity are left.' }]);

      // Two completed sprints, 4 and 6 points done: the default capacity is their average.
      for (const [name, points] of [['Past sprint one', 4], ['Past sprint two', 6]] as const) {
        const past = await newSprint(name);
        expect((await api('POST', url(`/sprints/${past}/start`, project.projectId), project.editor, {})).statusCode).toBe(200);
        const work = await create({ title: `Prepare the workshop for ${name}`, storyPoints: points, sprintId: past });
        expect((await api('PATCH', url(`/stories/${work.id}`, project.projectId), project.editor, { status: 'done' })).statusCode).toBe(200);
        const completed = await api('POST', url(`/sprints/${past}/complete`, project.projectId), project.editor, { moveUnfinishedTo: 'backlog' });
        expect(completed.statusCode, JSON.stringify(completed.data)).toBe(200);
      }
      const byVelocity = await api('POST', url2, project.editor, {});
      expect(byVelocity.statusCode, JSON.stringify(byVelocity.data)).toBe(200);
      expect(byVelocity.data).toMatchObject({ capacity: 5, velocity: 5, points: 5 });
      expect(byVelocity.data.stories.map((s: Story) => s.key)).toEqual([`${pkey}-4`, `${pkey}-5`]);

      // A story already in the sprint takes its share of the capacity first.
      await create({ title: 'Replace the shop till', storyPoints: 2, sprintId: sprint });
      const filled = await api('POST', url2, project.editor, {});
      expect(filled.data).toMatchObject({ capacity: 5, committed: 2, points: 2 });
      expect(filled.data.stories.map((s: Story) => s.key)).toEqual([`${pkey}-4`]);
      expect(filled.data.skipped.map((s: { key: string }) => s.key)).toEqual([`${pkey}-5`]);

      expect((await api('POST', url(`/sprints/${newId()}/plan`, project.projectId), project.editor, {})).statusCode).toBe(404);
      expect((await api('POST', url2, project.viewer, { capacity: 5 })).statusCode).toBe(403);
    });
  });
});
