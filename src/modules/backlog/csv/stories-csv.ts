import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../../core/errors.js';
import type { StoryPriority, StoryStatus } from '../backlog.contract.js';
import { cellOf, mapColumns } from './csv-columns.js';
import { readPoints, readPriority, readStatus } from './csv-values.js';

/** The pure half of CSV import and export: text in, rows out and back; the services write and read the database. */

/** At most this many records per import: one request, one transaction. */
export const MAX_IMPORT_ROWS = 5000;

export type CsvStory = {
  /** The record's number, 1-based; the header is row 0. */
  row: number;
  title: string;
  description: string;
  acceptanceCriteria: string;
  status: StoryStatus;
  priority: StoryPriority;
  storyPoints: number | null;
  epic: string | null;
  sprint: string | null;
  assignee: string | null;
};
export type CsvEpic = { row: number; title: string; description: string };
export type Refusal = { row: number; reason: string };
export type ParsedCsv = { stories: CsvStory[]; epics: CsvEpic[]; refused: Refusal[] };

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula. The export puts a ' in
 * front of such a cell — and of a cell that already starts with ' before one of them, so that reading strips exactly
 * one ' and a round trip gives back the text as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

function csvRefused(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: csv: ${message}`, { details: [{ field: 'csv', message, in: 'body' }] });
}

function tooLong(label: string, value: string, max: number): string | undefined {
  return value.length > max ? `${label} is longer than ${max} characters` : undefined;
}

/**
 * Reads a stories CSV (Jira's or Linear's export, or ours). A file that cannot be read at all — no header with a
 * Summary or Title column, a broken quote, too many rows — is a 400 naming `csv`; a row that cannot be read is refused
 * with its number and the reason, and the others are returned. Rows whose Issue Type is Epic are epics, not stories.
 */
export function parseStoriesCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, to: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    throw csvRefused(`is not a CSV file we can read (${error instanceof Error ? error.message : String(error)})`);
  }
  const [header, ...rows] = records;
  if (!header) throw csvRefused('is empty: the first row must name the columns');
  if (rows.length > MAX_IMPORT_ROWS) throw csvRefused(`has more than ${MAX_IMPORT_ROWS} rows; split the file`);
  const columns = mapColumns(header);
  if (!columns.title) throw csvRefused('has no Summary or Title column in its first row');

  const parsed: ParsedCsv = { stories: [], epics: [], refused: [] };
  rows.forEach((raw, index) => {
    const row = index + 1;
    const cells = raw.map(unguardCell);
    if (cells.every((cell) => cell.trim() === '')) return;
    const title = cellOf(cells, columns, 'title');
    const description = cellOf(cells, columns, 'description', true);
    if (title === '') {
      parsed.refused.push({ row, reason: 'Summary/Title is empty' });
      return;
    }
    if (/^epic$/i.test(cellOf(cells, columns, 'type'))) {
      const problem = tooLong('Summary', title, 255) ?? tooLong('Description', description, 100_000);
      if (problem) parsed.refused.push({ row, reason: problem });
      else parsed.epics.push({ row, title, description });
      return;
    }
    const status = readStatus(cellOf(cells, columns, 'status'));
    const priority = readPriority(cellOf(cells, columns, 'priority'));
    const points = readPoints(cellOf(cells, columns, 'storyPoints'));
    const acceptanceCriteria = cellOf(cells, columns, 'acceptanceCriteria', true);
    const epic = cellOf(cells, columns, 'epic');
    const sprint = cellOf(cells, columns, 'sprint');
    const problems = [
      tooLong('Summary', title, 255),
      tooLong('Description', description, 100_000),
      tooLong('Acceptance criteria', acceptanceCriteria, 100_000),
      tooLong('Epic', epic, 255),
      tooLong('Sprint', sprint, 255),
      'reason' in status ? status.reason : undefined,
      'reason' in priority ? priority.reason : undefined,
      'reason' in points ? points.reason : undefined,
    ].filter((problem): problem is string => problem !== undefined);
    if (problems.length || !('value' in status) || !('value' in priority) || !('value' in points)) {
      parsed.refused.push({ row, reason: problems.join('; ') });
      return;
    }
    const assignee = cellOf(cells, columns, 'assignee');
    parsed.stories.push({
      row,
      title,
      description,
      acceptanceCriteria,
      status: status.value,
      priority: priority.value,
      storyPoints: points.value,
      epic: epic || null,
      sprint: sprint || null,
      assignee: assignee || null,
    });
  });
  return parsed;
}

/** A story as the export writes it: names, not ids, so another project (or Jira, or Linear) can read it. */
export type ExportStory = {
  key: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  status: StoryStatus;
  priority: StoryPriority;
  storyPoints: number | null;
  epic: string | null;
  sprint: string | null;
  assigneeEmail: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Jira's names for the statuses and priorities, which Jira and Linear both read back. */
const statusLabel: Record<StoryStatus, string> = { todo: 'To Do', in_progress: 'In Progress', done: 'Done' };
const priorityLabel: Record<StoryPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const exportHeader = [
  'Issue key',
  'Summary',
  'Issue Type',
  'Description',
  'Acceptance Criteria',
  'Status',
  'Priority',
  'Story Points',
  'Epic',
  'Sprint',
  'Assignee (email)',
  'Created',
  'Updated',
];

/** The header and one row per story, every text cell guarded against formula injection. */
export function formatStoriesCsv(items: readonly ExportStory[]): string {
  const rows = items.map((story) => [
    story.key,
    story.title,
    'Story',
    story.description,
    story.acceptanceCriteria,
    statusLabel[story.status],
    priorityLabel[story.priority],
    story.storyPoints === null ? '' : String(story.storyPoints),
    story.epic ?? '',
    story.sprint ?? '',
    story.assigneeEmail ?? '',
    story.createdAt,
    story.updatedAt,
  ]);
  // Rows end in CRLF as in Jira's export; a cell with any line break is quoted, or a spreadsheet would split the row.
  return stringify([exportHeader, ...rows].map((row) => row.map(guardCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
