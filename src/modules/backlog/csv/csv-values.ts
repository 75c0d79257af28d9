import type { StoryPriority, StoryStatus } from '../backlog.contract.js';

/**
 * Jira's and Linear's statuses and priorities read as ours (seed 004: todo, in_progress, done; high, medium, low).
 * Each returns the value, or a sentence saying why the cell cannot be read, for the import's per-row report.
 */
export type Read<T> = { value: T } | { reason: string };

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Workflows differ per team, so statuses are read by what they mean: Jira's and Linear's names, then their usual
 * wording. Cancelled and duplicate work is finished work here (no `cancelled` status, docs/decisions/013-backlog.md).
 */
const statusNames: Record<string, StoryStatus> = {
  'to do': 'todo',
  todo: 'todo',
  open: 'todo',
  backlog: 'todo',
  new: 'todo',
  triage: 'todo',
  reopened: 'todo',
  'selected for development': 'todo',
  ready: 'todo',
  unstarted: 'todo',
  planned: 'todo',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  started: 'in_progress',
  'in review': 'in_progress',
  review: 'in_progress',
  'code review': 'in_progress',
  'in development': 'in_progress',
  doing: 'in_progress',
  testing: 'in_progress',
  'in testing': 'in_progress',
  qa: 'in_progress',
  blocked: 'in_progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  complete: 'done',
  completed: 'done',
  released: 'done',
  canceled: 'done',
  cancelled: 'done',
  duplicate: 'done',
  'won t do': 'done',
  'wont do': 'done',
};

const statusPatterns: Array<[RegExp, StoryStatus]> = [
  [/\b(done|closed|resolved|complete|completed|released|shipped|cancel+ed|won t)\b/, 'done'],
  [/\b(progress|review|test|testing|qa|doing|development|dev|started|blocked|verify|verification)\b/, 'in_progress'],
  [/\b(to do|todo|open|backlog|new|triage|ready|selected|planned|unstarted)\b/, 'todo'],
];

export function readStatus(cell: string): Read<StoryStatus> {
  if (cell.trim() === '') return { value: 'todo' };
  const text = words(cell.replace(/_/g, ' '));
  const named = statusNames[text];
  if (named) return { value: named };
  for (const [pattern, status] of statusPatterns) if (pattern.test(text)) return { value: status };
  return { reason: `Status "${cell}" is not one we can read as To Do, In Progress or Done` };
}

/**
 * Jira: Highest, High, Medium, Low, Lowest (and the older Blocker, Critical, Major, Minor, Trivial, Major being its
 * default). Linear: Urgent, High, Medium, Low, No priority, or their numbers 1–4 and 0. Urgent work is high here;
 * no priority is the default, medium.
 */
const priorityNames: Record<string, StoryPriority> = {
  highest: 'high',
  urgent: 'high',
  blocker: 'high',
  critical: 'high',
  high: 'high',
  '1': 'high',
  '2': 'high',
  medium: 'medium',
  normal: 'medium',
  major: 'medium',
  '3': 'medium',
  'no priority': 'medium',
  none: 'medium',
  '0': 'medium',
  low: 'low',
  lowest: 'low',
  minor: 'low',
  trivial: 'low',
  '4': 'low',
};

export function readPriority(cell: string): Read<StoryPriority> {
  if (cell.trim() === '') return { value: 'medium' };
  const named = priorityNames[words(cell)];
  return named ? { value: named } : { reason: `Priority "${cell}" is none of High, Medium, Low (or Jira’s and Linear’s names for them)` };
}

/** Whole points from 0 to 100; "3.0" is 3. A fraction is refused rather than rounded: the estimate is someone's call. */
export function readPoints(cell: string): Read<number | null> {
  const text = cell.trim();
  if (text === '') return { value: null };
  const points = Number(text.replace(',', '.'));
  if (!/^\d+([.,]0*)?$/.test(text) || !Number.isInteger(points) || points > 100) {
    return { reason: `Story points "${cell}" must be a whole number from 0 to 100` };
  }
  return { value: points };
}

/** A cell that holds an email address (Jira's "Assignee (email)"), or a name to match against members. */
export function looksLikeEmail(cell: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell.trim());
}
