import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/errors.js';
import { formatStoriesCsv, guardCell, parseStoriesCsv, unguardCell, type ExportStory } from '../src/modules/backlog/csv/stories-csv.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';
import type { TestUser } from './support/factories.js';

/** Stories as CSV: Jira's and Linear's exports read, ours written safely for spreadsheets, and both ways round. */

// A Jira Cloud export ("Export Excel CSV (all fields)"): repeated Sprint columns, custom fields, the parent's summary.
const jiraExport = [
  'Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Assignee (email),Sprint,Sprint,Custom field (Story Points),Parent,Parent summary,Description',
  'Reserve a portion,LK-12,10012,Story,In Progress,Highest,Ann Cook,ann@example.test,Sprint 1,Sprint 2,5,10001,Ordering,"Neighbours reserve, cooks confirm.\nTwo lines."',
  'Confirm a reservation,LK-13,10013,Story,Done,Lowest,,,,Sprint 2,3.0,10001,Ordering,',
  'Ordering,LK-1,10001,Epic,To Do,Medium,,,,,,,,Everything about orders',
  'Pay in the app,LK-14,10014,Story,Ready for QA,Major,,,,,0.5,,,',
  ',LK-15,10015,Story,To Do,Medium,,,,,,,,',
  'Rate a meal,LK-16,10016,Story,Parked,Urgentish,,,,,2,,,',
].join('\n');

// A Linear export: Estimate, Project as the epic, Cycle Name, numbers for nothing else.
const linearExport = [
  'ID,Team,Title,Description,Status,Estimate,Priority,Project,Creator,Assignee,Labels,Cycle Number,Cycle Name,Created',
  'LK-21,Kitchen,List allergens,Every meal lists its allergens,Backlog,2,No priority,Safety,Bo,bo@example.test,,3,Cycle 3,2026-01-02',
  'LK-22,Kitchen,Report a meal,,In Review,1,Urgent,Safety,Bo,,,,,2026-01-03',
  'LK-23,Kitchen,Archive old meals,,Canceled,,Low,,Bo,,,4,,2026-01-03',
].join('\n');

describe('stories CSV', () => {
  it('reads a Jira export: statuses, priorities, points, the parent as epic and the latest sprint; refuses unreadable rows with their reason', () => {
    const parsed = parseStoriesCsv(jiraExport);
    expect(parsed.stories).toEqual([
      {
        row: 1,
        title: 'Reserve a portion',
        description: 'Neighbours reserve, cooks confirm.\nTwo lines.',
        acceptanceCriteria: '',
        status: 'in_progress',
        priority: 'high',
        storyPoints: 5,
        epic: 'Ordering',
        sprint: 'Sprint 2',
        assignee: 'ann@example.test',
      },
      expect.objectContaining({ row: 2, title: 'Confirm a reservation', status: 'done', priority: 'low', storyPoints: 3, sprint: 'Sprint 2', assignee: null }),
    ]);
    expect(parsed.epics).toEqual([{ row: 3, title: 'Ordering', description: 'Everything about orders' }]);
    expect(parsed.refused).toEqual([
      { row: 4, reason: 'Story points "0.5" must be a whole number from 0 to 100' },
      { row: 5, reason: 'Summary/Title is empty' },
      { row: 6, reason: expect.stringMatching(/^Status "Parked" .*; Priority "Urgentish" /) },
    ]);
  });

  it('reads a Linear export: Estimate as points, Project as epic, Cycle Name (or number) as sprint', () => {
    const parsed = parseStoriesCsv(linearExport);
    expect(parsed.refused).toEqual([]);
    expect(parsed.stories.map(({ title, status, priority, storyPoints, epic, sprint, assignee }) => ({ title, status, priority, storyPoints, epic, sprint, assignee }))).toEqual([
      { title: 'List allergens', status: 'todo', priority: 'medium', storyPoints: 2, epic: 'Safety', sprint: 'Cycle 3', assignee: 'bo@example.test' },
      { title: 'Report a meal', status: 'in_progress', priority: 'high', storyPoints: 1, epic: 'Safety', sprint: null, assignee: null },
      { title: 'Archive old meals', status: 'done', priority: 'low', storyPoints: null, epic: null, sprint: '4', assignee: null },
    ]);
  });

  it('refuses a file it cannot read as a whole, naming csv', () => {
    for (const text of ['', 'Key,Status\nLK-1,Done', 'Summary,Status\n"unclosed,Done']) {
      let error: unknown;
      try {
        parseStoriesCsv(text);
      } catch (caught) {
        error = caught;
      }
      expect(error, text).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual([expect.objectContaining({ field: 'csv' })]);
    }
  });

  it('guards cells a spreadsheet would run as a formula, and reading undoes exactly the guard', () => {
    for (const text of ['=HYPERLINK("http://evil.test")', '+1', '-2 sugar', '@SUM(A1)', '\tcmd', "'=already quoted", 'plain', "it's fine"]) {
      const guarded = guardCell(text);
      expect(/^[=+\-@\t\r]/.test(guarded), text).toBe(false);
      expect(unguardCell(guarded)).toBe(text);
    }
    const story: ExportStory = {
      key: 'LK-1',
      title: '=cmd|"/c calc"!A1',
      description: '- first\n- second',
      acceptanceCriteria: 'Given a cook\nWhen they confirm\nThen the neighbour hears',
      status: 'in_progress',
      priority: 'low',
      storyPoints: 8,
      epic: '@epic',
      sprint: 'Sprint 1',
      assigneeEmail: 'ann@example.test',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const csv = formatStoriesCsv([story]);
    expect(csv.split('\r\n')[1]).toMatch(/^LK-1,"'=cmd\|""\/c calc""!A1",Story,"'- first/);
    expect(parseStoriesCsv(csv)).toEqual({
      stories: [
        {
          row: 1,
          title: story.title,
          description: story.description,
          acceptanceCriteria: story.acceptanceCriteria,
          status: 'in_progress',
          priority: 'low',
          storyPoints: 8,
          epic: '@epic',
          sprint: 'Sprint 1',
          assignee: 'ann@example.test',
        },
      ],
      epics: [],
      refused: [],
    });
  });
});

type Story = { id: string; title: string; description: string; acceptanceCriteria: string; storyPoints: number | null; priority: string; status: string; epicId: string | null; sprintId: string | null; assigneeId: string | null };

describe.each(testDrivers)('stories CSV export and import on %s', (kind) => {
  let t: TestApp;
  const { api, team } = apiHarness(() => t);
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const importCsv = (user: TestUser, projectId: string, csv: string) =>
    call(t.app, 'POST', `/api/v1/projects/${projectId}/stories/import`, { token: user.token, body: csv, headers: { 'content-type': 'text/csv' } });

  async function created(res: { statusCode: number; data: { id: string } }): Promise<string> {
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id;
  }

  /** The project's stories as a person compares them: by names, not ids. */
  async function readable(user: TestUser, projectId: string) {
    const list = await api('GET', `/projects/${projectId}/stories?limit=200`, user);
    const epics = new Map(((await api('GET', `/projects/${projectId}/epics?limit=200`, user)).data.items as Array<{ id: string; title: string }>).map((e) => [e.id, e.title]));
    const sprints = new Map(((await api('GET', `/projects/${projectId}/sprints?limit=200`, user)).data.items as Array<{ id: string; name: string }>).map((s) => [s.id, s.name]));
    return (list.data.items as Story[]).map((story) => ({
      title: story.title,
      description: story.description,
      acceptanceCriteria: story.acceptanceCriteria,
      storyPoints: story.storyPoints,
      priority: story.priority,
      status: story.status,
      epic: story.epicId ? epics.get(story.epicId) : null,
      sprint: story.sprintId ? sprints.get(story.sprintId) : null,
      assigneeId: story.assigneeId,
    }));
  }

  async function secondProject(org: Team, name: string): Promise<string> {
    return created(await api('POST', '/projects', org.owner, { name, organizationId: org.orgId }));
  }

  it('round trip: export, import into another project, the same stories with their epics, sprints and assignees', async () => {
    const org = await team({ name: 'Round trip' });
    const { projectId } = org;
    const ordering = await created(await api('POST', `/projects/${projectId}/epics`, org.editor, { title: 'Ordering' }));
    const safety = await created(await api('POST', `/projects/${projectId}/epics`, org.editor, { title: 'Safety, allergens & "labels"' }));
    const sprint = await created(await api('POST', `/projects/${projectId}/sprints`, org.editor, { name: 'Sprint 1' }));
    const bodies = [
      { title: 'Reserve a portion', description: 'Neighbours reserve,\nthen cooks confirm.', acceptanceCriteria: 'Given a meal\nWhen I reserve it\nThen the cook is asked', storyPoints: 5, priority: 'high', status: 'in_progress', epicId: ordering, sprintId: sprint, assigneeId: org.editor.id },
      { title: '=HYPERLINK("http://evil.test","click")', description: '- first\n- second', storyPoints: 0, priority: 'low', status: 'done', epicId: safety },
      { title: '+1 for allergens', description: '@cooks see "labels"', acceptanceCriteria: '', priority: 'medium', status: 'todo', sprintId: sprint, assigneeId: org.owner.id },
      { title: 'Plain story without anything' },
    ];
    for (const body of bodies) await created(await api('POST', `/projects/${projectId}/stories`, org.editor, body));
    const before = await readable(org.viewer, projectId);
    expect(before).toHaveLength(4);

    const exported = await api('GET', `/projects/${projectId}/stories.csv`, org.viewer);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename=".*-stories\.csv"/);
    const lines = exported.body.split('\r\n');
    expect(lines[0]).toBe('Issue key,Summary,Issue Type,Description,Acceptance Criteria,Status,Priority,Story Points,Epic,Sprint,Assignee (email),Created,Updated');
    // No cell a spreadsheet would run: every one starting with = + - @ is quoted with a leading '.
    expect(exported.body).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(exported.body).toContain(`'+1 for allergens`);
    expect(exported.body).toContain(`'@cooks see`);
    expect(exported.body).toContain(org.editor.email);

    const target = await secondProject(org, 'Round trip copy');
    const report = await importCsv(org.editor, target, exported.body);
    expect(report.statusCode, JSON.stringify(report.data)).toBe(200);
    expect(report.data).toEqual({ imported: 4, refused: [], createdEpics: 2, createdSprints: 1 });
    expect(await readable(org.viewer, target)).toEqual(before);

    // Again, as JSON: the epics and sprint are found by name, not made twice.
    const again = await api('POST', `/projects/${target}/stories/import`, org.editor, { csv: exported.body });
    expect(again.data).toEqual({ imported: 4, refused: [], createdEpics: 0, createdSprints: 0 });
    expect((await api('GET', `/projects/${target}/epics`, org.viewer)).data.items).toHaveLength(2);
  });

  it('lands the valid rows and reports each refused one with its number and reason; a refused row creates no epic or sprint', async () => {
    const org = await team({ name: 'Refusals' });
    const csv = [
      'Summary,Status,Priority,Story Points,Epic Link,Sprint,Assignee (email)',
      `Good one,To Do,High,3,Fresh epic,Fresh sprint,${org.editor.email}`,
      'Bad status,Parked,High,3,Ghost epic,,',
      `Stranger,Done,Low,2,,Ghost sprint,nobody@example.test`,
      `${'x'.repeat(256)},To Do,,,,,`,
      'Second good one,Closed,Lowest,,Fresh epic,,',
      ',In Progress,,,,,',
    ].join('\n');
    const report = await importCsv(org.editor, org.projectId, csv);
    expect(report.statusCode, JSON.stringify(report.data)).toBe(200);
    expect(report.data).toEqual({
      imported: 2,
      createdEpics: 1,
      createdSprints: 1,
      refused: [
        { row: 2, reason: expect.stringMatching(/Status "Parked"/) },
        { row: 3, reason: 'Assignee "nobody@example.test" is not a member of this project’s organization' },
        { row: 4, reason: 'Summary is longer than 255 characters' },
        { row: 6, reason: 'Summary/Title is empty' },
      ],
    });
    const stories = await readable(org.viewer, org.projectId);
    expect(stories).toEqual([
      expect.objectContaining({ title: 'Good one', status: 'todo', priority: 'high', storyPoints: 3, epic: 'Fresh epic', sprint: 'Fresh sprint', assigneeId: org.editor.id }),
      expect.objectContaining({ title: 'Second good one', status: 'done', priority: 'low', storyPoints: null, epic: 'Fresh epic', sprint: null }),
    ]);
    const epics = (await api('GET', `/projects/${org.projectId}/epics`, org.viewer)).data.items.map((e: { title: string }) => e.title);
    const sprints = (await api('GET', `/projects/${org.projectId}/sprints`, org.viewer)).data.items.map((s: { name: string }) => s.name);
    expect(epics).toEqual(['Fresh epic']);
    expect(sprints).toEqual(['Fresh sprint']);
  });

  it('refuses an unreadable file naming csv, a viewer’s import with 403, and another tenant’s project with 404', async () => {
    const org = await team({ name: 'Guarded' });
    const other = await team({ name: 'Elsewhere' });
    const unreadable = await importCsv(org.editor, org.projectId, 'Key,Status\nLK-1,Done');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.data.error.details).toEqual([expect.objectContaining({ field: 'csv' })]);
    expect((await importCsv(org.viewer, org.projectId, 'Summary\nNope')).statusCode).toBe(403);
    expect((await importCsv(org.owner, other.projectId, 'Summary\nNope')).statusCode).toBe(404);
    expect((await api('GET', `/projects/${other.projectId}/stories.csv`, org.owner)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${org.projectId}/stories?limit=200`, org.owner)).data.items).toEqual([]);
  });
});
