import { describe, expect, it } from 'vitest';
import { formatStoriesCsv, guardCell, parseStoriesCsv, unguardCell, type ExportStory } from '../src/modules/backlog/csv/stories-csv.js';
import { AppError } from '../src/core/errors.js';

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
