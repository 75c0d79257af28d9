import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Team } from './support/api-harness.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Story = { id: string; key: string; status: string; sprintId: string | null; storyPoints: number | null };
type Sprint = { id: string; name: string; status: string; startDate: string | null; endDate: string | null; velocity: number | null; committedPoints: number | null };

describe.each(testDrivers)('backlog sprints on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  const { api, team: makeTeam } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    team = await makeTeam({ name: 'Sprint Team' });
  });
  afterAll(async () => t.close());

  async function project(key: string): Promise<string> {
    const res = await api('POST', '/projects', team.owner, { organizationId: team.orgId, name: `Project ${key}`, key });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  }
  async function post<T>(url: string, body: unknown, status = 200): Promise<T> {
    const res = await api('POST', url, team.editor, body);
    expect(res.statusCode, `${url} ${JSON.stringify(res.data)}`).toBe(status);
    return res.data as T;
  }
  const story = (projectId: string, body: Record<string, unknown>) => post<Story>(`/projects/${projectId}/stories`, body, 201);
  const patch = async (projectId: string, id: string, body: Record<string, unknown>) => {
    const res = await api('PATCH', `/projects/${projectId}/stories/${id}`, team.editor, body);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
  };

  /**
   * Moves recorded history to the scripted moments. story_activity refuses updates to everyone (it is append-only);
   * only a superuser with triggers switched off for the transaction can rewrite it, as a test of replay needs.
   */
  async function retime(sql: string, params: unknown[]): Promise<number> {
    return t.database.db.withAdmin(async (client) => {
      await client.exec("SET LOCAL session_replication_role = 'replica'");
      const rows = await client.query<{ n: number }>(`WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`, params);
      return rows[0]!.n;
    });
  }

  it('draws the burndown and velocity from history: two days of done stories, a story added mid-sprint, a re-estimate', async () => {
    const p = await project('BURN');
    const s1 = await post<Sprint>(`/projects/${p}/sprints`, { name: 'Sprint 1', goal: 'Payments', startDate: '2026-03-02', endDate: '2026-03-06' }, 201);
    const [a, b, c, d, e] = [
      await story(p, { title: 'A', storyPoints: 3, sprintId: s1.id }),
      await story(p, { title: 'B', storyPoints: 5, sprintId: s1.id }),
      await story(p, { title: 'C', storyPoints: 2, sprintId: s1.id }),
      await story(p, { title: 'D', storyPoints: 8, sprintId: s1.id }),
      await story(p, { title: 'E', storyPoints: 1, sprintId: s1.id }),
    ];
    const started = await post<Sprint>(`/projects/${p}/sprints/${s1.id}/start`, {});
    expect(started).toMatchObject({ status: 'active', committedPoints: 19, startDate: '2026-03-02', endDate: '2026-03-06' });
    await patch(p, a.id, { status: 'done' });
    await patch(p, b.id, { status: 'in_progress' });
    await patch(p, b.id, { status: 'done' });
    const f = await story(p, { title: 'F', storyPoints: 4, sprintId: s1.id });
    await patch(p, c.id, { status: 'done' });
    await patch(p, d.id, { storyPoints: 6 });
    const done1 = await post<{ sprint: Sprint; movedTo: Sprint; moved: number }>(`/projects/${p}/sprints/${s1.id}/complete`, { moveUnfinishedTo: 'next' });
    expect(done1.sprint).toMatchObject({ status: 'completed', velocity: 10 });
    expect(done1.moved).toBe(3);
    expect(done1.movedTo).toMatchObject({ name: 'Sprint 2', status: 'planning', startDate: '2026-03-07', endDate: '2026-03-11' });

    // The script: created on day 1 before the start at 09:00, A done on day 2, B done and F added on day 3, C done
    // on day 3, D re-estimated on day 4, the sprint completed on day 5 at 17:00.
    const at = (day: number, time: string) => `2026-03-0${day + 1}T${time}:00Z`;
    const s = (id: string) => JSON.stringify(id);
    const script: Array<[string, string, string | null, string]> = [
      [a.id, 'created', null, at(1, '08:00')], [b.id, 'created', null, at(1, '08:00')], [c.id, 'created', null, at(1, '08:00')],
      [d.id, 'created', null, at(1, '08:00')], [e.id, 'created', null, at(1, '08:00')],
      [a.id, 'status', '"done"', at(2, '10:00')],
      [b.id, 'status', '"in_progress"', at(2, '11:00')], [b.id, 'status', '"done"', at(3, '15:00')],
      [f.id, 'created', null, at(3, '12:00')],
      [c.id, 'status', '"done"', at(3, '16:00')],
      [d.id, 'story_points', '6', at(4, '09:00')],
    ];
    for (const [storyId, field, to, when] of script) {
      const changed = await retime(
        'UPDATE app.story_activity SET created_at = $4 WHERE story_id = $1 AND field = $2 AND ($3::jsonb IS NULL OR to_value = $3::jsonb)',
        [storyId, field, to, when],
      );
      expect(changed, `${field} ${to}`).toBe(1);
    }
    expect(await retime(`UPDATE app.story_activity SET created_at = $2 WHERE field = 'sprint_id' AND from_value = $1::jsonb`, [s(s1.id), at(5, '17:00')])).toBe(3);
    await t.database.db.withAdmin((client) =>
      client.query('UPDATE app.sprints SET started_at = $2, completed_at = $3 WHERE id = $1', [s1.id, at(1, '09:00'), at(5, '17:00')]),
    );

    const burndown = await api('GET', `/projects/${p}/sprints/${s1.id}/burndown`, team.viewer);
    expect(burndown.statusCode, JSON.stringify(burndown.data)).toBe(200);
    expect(burndown.data.startScope).toBe(19);
    expect(burndown.data.days).toEqual([
      { date: '2026-03-02', remainingPoints: 19, remainingCount: 5, scopePoints: 19, idealPoints: 19 },
      { date: '2026-03-03', remainingPoints: 16, remainingCount: 4, scopePoints: 19, idealPoints: 14.25 },
      { date: '2026-03-04', remainingPoints: 13, remainingCount: 3, scopePoints: 23, idealPoints: 9.5 },
      { date: '2026-03-05', remainingPoints: 11, remainingCount: 3, scopePoints: 21, idealPoints: 4.75 },
      { date: '2026-03-06', remainingPoints: 11, remainingCount: 3, scopePoints: 21, idealPoints: 0 },
    ]);

    // Sprint 2 takes D (6), E (1) and F (4); D is done, the rest goes back to the backlog.
    const s2 = done1.movedTo;
    expect((await post<Sprint>(`/projects/${p}/sprints/${s2.id}/start`, {})).committedPoints).toBe(11);
    await patch(p, d.id, { status: 'done' });
    const done2 = await post<{ sprint: Sprint; movedTo: Sprint | null; moved: number }>(`/projects/${p}/sprints/${s2.id}/complete`, { moveUnfinishedTo: 'backlog' });
    expect(done2).toMatchObject({ sprint: { velocity: 6 }, movedTo: null, moved: 2 });
    const backlog = await api('GET', `/projects/${p}/stories?sprintId=backlog`, team.viewer);
    expect((backlog.data.items as Story[]).map((x) => x.key).sort()).toEqual([e.key, f.key].sort());

    const velocity = await api('GET', `/projects/${p}/velocity?last=6`, team.viewer);
    expect(velocity.statusCode).toBe(200);
    expect(velocity.data.sprints.map((x: { name: string; committed: number; completed: number }) => [x.name, x.committed, x.completed])).toEqual([
      ['Sprint 1', 19, 10],
      ['Sprint 2', 11, 6],
    ]);
    expect(velocity.data.average).toBe(8);
    const lastOne = await api('GET', `/projects/${p}/velocity?last=1`, team.viewer);
    expect(lastOne.data).toMatchObject({ sprints: [{ name: 'Sprint 2' }], average: 6 });
    // The burndown of sprint 1 is unchanged by what happened after it: it is history.
    expect((await api('GET', `/projects/${p}/sprints/${s1.id}/burndown`, team.viewer)).data).toEqual(burndown.data);
  });

  it('allows one active sprint per project and says which one is active', async () => {
    const p = await project('ONE');
    const first = await post<Sprint>(`/projects/${p}/sprints`, { name: 'Alpha' }, 201);
    const second = await post<Sprint>(`/projects/${p}/sprints`, { name: 'Beta' }, 201);
    // Without a body the sprint runs two weeks from today.
    const startedRes = await api('POST', `/projects/${p}/sprints/${first.id}/start`, team.editor);
    expect(startedRes.statusCode, JSON.stringify(startedRes.data)).toBe(200);
    const started = startedRes.data as Sprint;
    const today = new Date().toISOString().slice(0, 10);
    expect(started).toMatchObject({ status: 'active', startDate: today, endDate: new Date(Date.parse(today) + 13 * 86_400_000).toISOString().slice(0, 10), committedPoints: 0 });
    const refused = await api('POST', `/projects/${p}/sprints/${second.id}/start`, team.editor, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error.message).toContain('Alpha');
    // Two sprints of another project started at once: one starts, the other hears which one did.
    const q = await project('RACE');
    const pair = [await post<Sprint>(`/projects/${q}/sprints`, { name: 'Left' }, 201), await post<Sprint>(`/projects/${q}/sprints`, { name: 'Right' }, 201)];
    const racing = await Promise.all(pair.map((sprint) => api('POST', `/projects/${q}/sprints/${sprint.id}/start`, team.editor, {})));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = racing.find((r) => r.statusCode === 200)!.data as Sprint;
    expect(racing.find((r) => r.statusCode === 409)!.data.error.message).toContain(`"${winner.name}" is already active`);
    expect((await api('POST', `/projects/${p}/sprints/${first.id}/start`, team.editor, {})).statusCode).toBe(409);
    expect((await api('DELETE', `/projects/${p}/sprints/${first.id}`, team.editor)).statusCode).toBe(409);
    expect((await api('POST', `/projects/${p}/sprints/${second.id}/complete`, team.editor, { moveUnfinishedTo: 'backlog' })).statusCode).toBe(409);
    const unstarted = await api('GET', `/projects/${p}/sprints/${second.id}/burndown`, team.viewer);
    expect(unstarted.statusCode).toBe(409);
  });

  it('completes into a chosen sprint and refuses bad input naming the field; viewers cannot write', async () => {
    const p = await project('PICK');
    const other = await project('ELSE');
    const current = await post<Sprint>(`/projects/${p}/sprints`, { name: 'Now' }, 201);
    const later = await post<Sprint>(`/projects/${p}/sprints`, { name: 'Later' }, 201);
    const elsewhere = await post<Sprint>(`/projects/${other}/sprints`, { name: 'Elsewhere' }, 201);
    const open = await story(p, { title: 'Open', storyPoints: 2, sprintId: current.id });
    await post(`/projects/${p}/sprints/${current.id}/start`, {});
    for (const [body, field] of [
      [{ moveUnfinishedTo: elsewhere.id }, 'moveUnfinishedTo'],
      [{ moveUnfinishedTo: current.id }, 'moveUnfinishedTo'],
      [{ moveUnfinishedTo: 'somewhere' }, 'moveUnfinishedTo'],
      [{}, 'moveUnfinishedTo'],
    ] as const) {
      const res = await api('POST', `/projects/${p}/sprints/${current.id}/complete`, team.editor, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.data.error), JSON.stringify(body)).toContain(field);
    }
    const badDates = await api('POST', `/projects/${p}/sprints`, team.editor, { name: 'Backwards', startDate: '2026-05-10', endDate: '2026-05-01' });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.data.error.details[0].field).toBe('endDate');
    expect((await api('POST', `/projects/${p}/sprints`, team.editor, { name: 'Bad', startDate: '2026-02-30' })).statusCode).toBe(400);
    for (const [method, url, body] of [
      ['POST', `/projects/${p}/sprints`, { name: 'Mine' }],
      ['PATCH', `/projects/${p}/sprints/${later.id}`, { name: 'Mine' }],
      ['POST', `/projects/${p}/sprints/${later.id}/start`, {}],
      ['POST', `/projects/${p}/sprints/${current.id}/complete`, { moveUnfinishedTo: 'backlog' }],
      ['DELETE', `/projects/${p}/sprints/${later.id}`, undefined],
    ] as const) {
      expect((await api(method, url, team.viewer, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    const done = await post<{ movedTo: Sprint; moved: number }>(`/projects/${p}/sprints/${current.id}/complete`, { moveUnfinishedTo: later.id });
    expect(done.movedTo.id).toBe(later.id);
    expect((await api('GET', `/projects/${p}/stories/${open.id}`, team.viewer)).data.sprintId).toBe(later.id);
    const addToCompleted = await api('PATCH', `/projects/${p}/stories/${open.id}`, team.editor, { sprintId: current.id });
    expect(addToCompleted.statusCode).toBe(400);
    expect(addToCompleted.data.error.details[0].field).toBe('sprintId');
  });
});
