import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser } from './support/factories.js';
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

  it('keeps epics keyed KEY-E<n> with their progress, and leaves stories without an epic when it is deleted', async () => {
    const epic = await api('POST', `/projects/${team.projectId}/epics`, team.editor, { title: 'Payments', ownerId: team.viewer.id });
    expect(epic.statusCode, JSON.stringify(epic.data)).toBe(201);
    expect(epic.data.key).toMatch(new RegExp(`^${key}-E\\d+$`));
    const done = await newStory({ title: 'Pay a friend', epicId: epic.data.id, storyPoints: 5, status: 'done' });
    await newStory({ title: 'Split a bill', epicId: epic.data.id, storyPoints: 3 });
    await newStory({ title: 'Unestimated', epicId: epic.data.id });
    const listed = await api('GET', `/projects/${team.projectId}/epics`, team.viewer);
    expect(listed.data.items.find((e: { id: string }) => e.id === epic.data.id).progress).toEqual({ stories: 3, done: 1, points: 8, donePoints: 5 });

    const outsider = await createUser(t);
    const badOwner = await api('PATCH', `/projects/${team.projectId}/epics/${epic.data.id}`, team.editor, { ownerId: outsider.id });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.data.error.details[0].field).toBe('ownerId');

    expect((await api('DELETE', `/projects/${team.projectId}/epics/${epic.data.id}`, team.editor)).statusCode).toBe(204);
    const orphan = await api('GET', url(`/${done.id}`), team.viewer);
    expect(orphan.data.epicId).toBeNull();
    expect((await api('GET', `/projects/${team.projectId}/epics/${epic.data.id}`, team.viewer)).statusCode).toBe(404);
  });

  it('filters the backlog and pages it by rank without repeating or skipping a story', async () => {
    const project = (await api('POST', '/projects', team.owner, { organizationId: team.orgId, name: 'Filters', key: 'FILT' })).data.id as string;
    const sprint = await api('POST', `/projects/${project}/sprints`, team.editor, { name: 'Sprint 1' });
    expect(sprint.statusCode).toBe(201);
    const inSprint = sprint.data.id as string;
    const made: Story[] = [];
    for (let i = 1; i <= 7; i++) {
      made.push(await newStory({ title: i % 2 ? `Export report ${i}` : `Import file ${i}`, priority: i <= 2 ? 'high' : 'low', assigneeId: i === 3 ? team.viewer.id : null, sprintId: i === 4 ? inSprint : null }, project));
    }
    const all: Story[] = [];
    let cursor: string | null = null;
    do {
      const page = await api('GET', `/projects/${project}/stories?limit=3${cursor ? `&cursor=${cursor}` : ''}`, team.viewer);
      expect(page.statusCode).toBe(200);
      all.push(...(page.data.items as Story[]));
      cursor = page.data.nextCursor as string | null;
    } while (cursor);
    expect(all.map((s) => s.id)).toEqual(made.map((s) => s.id));
    const titles = async (query: string) => ((await api('GET', `/projects/${project}/stories?${query}`, team.viewer)).data.items as Story[]).map((s) => s.title);
    expect(await titles('q=import')).toEqual(['Import file 2', 'Import file 4', 'Import file 6']);
    expect(await titles('q=FILT-5')).toEqual(['Export report 5']);
    expect(await titles('q=report%207')).toEqual(['Export report 7']);
    expect(await titles('q=100%25')).toEqual([]);
    expect(await titles('priority=high')).toEqual(['Export report 1', 'Import file 2']);
    expect(await titles(`assigneeId=${team.viewer.id}`)).toEqual(['Export report 3']);
    expect(await titles(`sprintId=${inSprint}`)).toEqual(['Import file 4']);
    expect(await titles('sprintId=backlog')).toHaveLength(6);
    const bad = await api('GET', `/projects/${project}/stories?status=blocked`, team.viewer);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.data.error)).toContain('status');
    expect((await api('GET', `/projects/${project}/stories?cursor=nonsense`, team.viewer)).statusCode).toBe(400);
  });

  it('refuses a stale baseRev or updatedAt with 409 and the current story, and bad references naming the field', async () => {
    const story = await newStory({ title: 'Reset my PIN', storyPoints: 2 });
    expect((await api('PATCH', url(`/${story.id}`), team.editor, { storyPoints: 3, baseRev: story.rev })).statusCode).toBe(200);
    const stale = await api('PATCH', url(`/${story.id}`), team.owner, { title: 'Reset PIN by SMS', baseRev: story.rev });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.details.story).toMatchObject({ id: story.id, storyPoints: 3, rev: story.rev + 1, title: 'Reset my PIN' });
    const staleTime = await api('PATCH', url(`/${story.id}`), team.owner, { title: 'Reset PIN by SMS', updatedAt: story.updatedAt });
    expect(staleTime.statusCode).toBe(409);
    expect((await api('GET', url(`/${story.id}`), team.viewer)).data.title).toBe('Reset my PIN');

    const outsider = await createUser(t);
    for (const [body, field] of [
      [{ assigneeId: outsider.id }, 'assigneeId'],
      [{ epicId: story.id }, 'epicId'],
      [{ sprintId: story.id }, 'sprintId'],
      [{ storyPoints: 1000 }, 'storyPoints'],
      [{ priority: 'urgent' }, 'priority'],
      [{ title: '' }, 'title'],
    ] as const) {
      const res = await api('PATCH', url(`/${story.id}`), team.editor, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.data.error.details), JSON.stringify(body)).toContain(field);
    }
    const viewerWrite = await api('PATCH', url(`/${story.id}`), team.viewer, { title: 'Mine' });
    expect(viewerWrite.statusCode).toBe(403);
    expect((await api('POST', url(), team.viewer, { title: 'Mine' })).statusCode).toBe(403);
    expect((await api('DELETE', url(`/${story.id}`), team.viewer)).statusCode).toBe(403);
  });

  it('records every change in the story’s history with the actor’s name', async () => {
    const story = await newStory({ title: 'Freeze my card', storyPoints: 1 });
    await api('PATCH', url(`/${story.id}`), team.owner, { status: 'in_progress', storyPoints: 2, assigneeId: team.editor.id });
    const history = await api('GET', url(`/${story.id}/activity?limit=2`), team.viewer);
    expect(history.statusCode).toBe(200);
    const rest = await api('GET', url(`/${story.id}/activity?cursor=${history.data.nextCursor}`), team.viewer);
    const rows = [...history.data.items, ...rest.data.items] as Array<{ field: string; from: unknown; to: unknown; actorName: string | null }>;
    expect(rows.map((r) => r.field).sort()).toEqual(['assignee_id', 'created', 'status', 'story_points']);
    expect(rows.find((r) => r.field === 'story_points')).toMatchObject({ from: 1, to: 2, actorName: team.owner.name });
    expect(rows.find((r) => r.field === 'created')).toMatchObject({ actorName: team.editor.name });
  });

  it('moves a story between two others and into a board column, and refuses a neighbour of another project', async () => {
    const project = (await api('POST', '/projects', team.owner, { organizationId: team.orgId, name: 'Board', key: 'BOARD' })).data.id as string;
    const [a, b, c] = [await newStory({ title: 'A' }, project), await newStory({ title: 'B' }, project), await newStory({ title: 'C' }, project)];
    const order = async () => ((await api('GET', `/projects/${project}/stories`, team.viewer)).data.items as Story[]).map((s) => s.title);
    const moved = await api('POST', `/projects/${project}/stories/${c.id}/move`, team.editor, { afterId: a.id, beforeId: b.id, status: 'done' });
    expect(moved.statusCode, JSON.stringify(moved.data)).toBe(200);
    expect(moved.data.status).toBe('done');
    expect(await order()).toEqual(['A', 'C', 'B']);
    await api('POST', `/projects/${project}/stories/${a.id}/move`, team.editor, { beforeId: null });
    expect(await order()).toEqual(['C', 'B', 'A']);
    await api('POST', `/projects/${project}/stories/${a.id}/move`, team.editor, { afterId: null });
    expect(await order()).toEqual(['A', 'C', 'B']);
    await api('POST', `/projects/${project}/stories/${b.id}/move`, team.editor, { afterId: a.id });
    expect(await order()).toEqual(['A', 'B', 'C']);
    const foreign = await newStory({ title: 'Elsewhere' });
    const refused = await api('POST', `/projects/${project}/stories/${a.id}/move`, team.editor, { afterId: foreign.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.data.error.details[0].field).toBe('afterId');
  });

  it('bulk edits all or nothing, naming an id that is not a story of the project', async () => {
    const project = (await api('POST', '/projects', team.owner, { organizationId: team.orgId, name: 'Bulk', key: 'BULK' })).data.id as string;
    const made = [await newStory({ title: 'One' }, project), await newStory({ title: 'Two' }, project), await newStory({ title: 'Three' }, project)];
    const elsewhere = await newStory({ title: 'Other project' });
    const refused = await api('POST', `/projects/${project}/stories/bulk`, team.editor, { storyIds: [made[0]!.id, elsewhere.id], set: { priority: 'high' } });
    expect(refused.statusCode).toBe(404);
    expect(refused.data.error.message).toContain(elsewhere.id);
    const after = (await api('GET', `/projects/${project}/stories`, team.viewer)).data.items as Array<Story & { priority: string }>;
    expect(after.map((s) => s.priority)).toEqual(['medium', 'medium', 'medium']);

    const ok = await api('POST', `/projects/${project}/stories/bulk`, team.editor, { storyIds: made.map((s) => s.id), set: { priority: 'high', storyPoints: 2 } });
    expect(ok.data).toEqual({ updated: 3, deleted: 0 });
    const deleted = await api('POST', `/projects/${project}/stories/bulk`, team.editor, { storyIds: [made[0]!.id, made[1]!.id], set: {}, delete: true });
    expect(deleted.data).toEqual({ updated: 0, deleted: 2 });
    const left = (await api('GET', `/projects/${project}/stories`, team.viewer)).data.items as Array<Story & { priority: string }>;
    expect(left.map((s) => [s.title, s.priority, s.storyPoints])).toEqual([['Three', 'high', 2]]);
    expect((await api('POST', `/projects/${project}/stories/bulk`, team.viewer, { storyIds: [made[2]!.id], set: { priority: 'low' } })).statusCode).toBe(403);
  });

  it('relates stories both ways and removes the relation from either side', async () => {
    const blocker = await newStory({ title: 'Set up the ledger' });
    const blocked = await newStory({ title: 'Transfer money' });
    const added = await api('POST', url(`/${blocker.id}/relations`), team.editor, { relatedStoryId: blocked.id, kind: 'blocks' });
    expect(added.statusCode, JSON.stringify(added.data)).toBe(201);
    const inward = await api('GET', url(`/${blocked.id}/relations`), team.viewer);
    expect(inward.data.items).toEqual([{ storyId: blocked.id, relatedStoryId: blocker.id, relatedKey: blocker.key, relatedTitle: 'Set up the ledger', kind: 'blocks', direction: 'inward' }]);
    const self = await api('POST', url(`/${blocker.id}/relations`), team.editor, { relatedStoryId: blocker.id, kind: 'relates_to' });
    expect(self.statusCode).toBe(400);
    expect((await api('DELETE', url(`/${blocked.id}/relations/blocks/${blocker.id}`), team.editor)).statusCode).toBe(204);
    expect((await api('GET', url(`/${blocker.id}/relations`), team.viewer)).data.items).toEqual([]);
  });
});
