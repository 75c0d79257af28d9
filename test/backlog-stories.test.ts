import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Team } from './support/api-harness.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Story = { id: string; key: string; number: number; rank: string; rev: number; title: string; status: string; sprintId: string | null; epicId: string | null; storyPoints: number | null; updatedAt: string };

describe.each(testDrivers)('backlog stories on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let key: string;
  const { api, team: makeTeam } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    team = await makeTeam({ name: 'Mobile Banking App' });
    key = (await api('GET', `/projects/${team.projectId}`, team.owner)).data.key as string;
  });
  afterAll(async () => t.close());

  const url = (path = '') => `/projects/${team.projectId}/stories${path}`;

  async function newStory(body: Record<string, unknown>, projectId = team.projectId): Promise<Story> {
    const res = await api('POST', `/projects/${projectId}/stories`, team.editor, body);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data as Story;
  }

  it('creates stories with keys KEY-1, KEY-2 at the bottom of the backlog, reads, edits and deletes them', async () => {
    const first = await newStory({ title: 'Log in with a fingerprint', storyPoints: 3, priority: 'high' });
    const second = await newStory({ title: 'See my balance' });
    expect(first.key).toBe(`${key}-${first.number}`);
    expect(second.number).toBe(first.number + 1);
    expect(second.rank > first.rank).toBe(true);

    const read = await api('GET', url(`/${first.id}`), team.viewer);
    expect(read.statusCode).toBe(200);
    expect(read.data).toMatchObject({ title: 'Log in with a fingerprint', storyPoints: 3, priority: 'high', status: 'todo', rev: 1 });

    const edited = await api('PATCH', url(`/${first.id}`), team.editor, { status: 'in_progress', baseRev: 1 });
    expect(edited.statusCode, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data).toMatchObject({ status: 'in_progress', rev: 2, key: first.key });

    const removed = await api('DELETE', url(`/${second.id}`), team.editor);
    expect(removed.statusCode).toBe(204);
    expect((await api('GET', url(`/${second.id}`), team.owner)).statusCode).toBe(404);
  });

  it('gives 50 concurrent creates in a fresh project 50 distinct keys KEY-1…KEY-50, without an error', async () => {
    const project = await api('POST', '/projects', team.owner, { organizationId: team.orgId, name: 'Concurrent Keys', key: 'CONC' });
    expect(project.statusCode, JSON.stringify(project.data)).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api('POST', `/projects/${project.data.id}/stories`, team.editor, { title: `Story ${i + 1}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 50 }, () => 201));
    const keys = results.map((r) => (r.data as Story).key).sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    expect(keys).toEqual(Array.from({ length: 50 }, (_, i) => `CONC-${i + 1}`));
    // Ranks follow creation: the backlog lists them in key order, each rank distinct.
    const listed = await api('GET', `/projects/${project.data.id}/stories?limit=200`, team.viewer);
    const ranks = (listed.data.items as Story[]).map((s) => s.rank);
    expect(new Set(ranks).size).toBe(50);
    expect((listed.data.items as Story[]).map((s) => s.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
