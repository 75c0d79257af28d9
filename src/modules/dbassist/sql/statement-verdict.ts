/**
 * What a guard concludes about one piece of SQL before anything is sent. `kind` is what running it would do; `refusal`
 * names what may not run in the mode asked (read-only, or write allowed), null when it may run.
 */
export type StatementVerdict = {
  kind: 'read' | 'write';
  refusal: string | null;
  /** Whether EXPLAIN can price the statement (a query or a data change; not SHOW, EXPLAIN itself or DDL). */
  explainable: boolean;
};

export const READ_ONLY_HINT = 'only a single read statement (SELECT, VALUES, EXPLAIN, SHOW) may run on a read-only connection';

/** A refusal for a statement of the wrong kind on a read-only connection ("DROP", "COPY"), with the rule. */
export function notARead(statement: string): string {
  return `${statement}: ${READ_ONLY_HINT}`;
}

/** `count` undefined: the engine says there is more than one without counting them (SQLite). */
export function tooManyStatements(count: number | undefined): string {
  return `${count === undefined ? 'more than one statement' : `${count} statements`}: only one may run at a time`;
}

export const NO_STATEMENT = 'no statement: the SQL is empty or only comments';
