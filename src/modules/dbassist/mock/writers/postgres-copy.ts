import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import type { MockRow } from '../mock-value.js';
import type { PlannedTable } from '../planner.js';
import type { MockSink } from '../run-mock.js';
import { qualifiedName, quoteIdentifier } from '../sql-literal.js';
import type { WrittenColumn } from '../table-rows.js';
import { resetSequencesSql } from './insert-statement.js';
import { copyTextRows } from './value-text.js';

/**
 * Rows into PostgreSQL with COPY … FROM STDIN (text format), one COPY per table, inside the caller's transaction.
 * Batches are pushed into the COPY stream as they are made, so a million rows never sit in memory at once.
 */
export function postgresCopySink(client: pg.ClientBase): MockSink {
  let stream: { push(rows: MockRow[]): Promise<void>; end(): Promise<void> } | null = null;
  return {
    async beginTable(table: PlannedTable, columns: WrittenColumn[]) {
      const names = columns.map((c) => quoteIdentifier(c.name, 'postgres')).join(', ');
      stream = copyInto(client, `COPY ${qualifiedName(table.table.namespace, table.table.name, 'postgres')} (${names}) FROM STDIN`);
    },
    async writeRows(rows) {
      await stream!.push(rows);
    },
    async endTable(table, columns) {
      await stream!.end();
      stream = null;
      for (const statement of resetSequencesSql(table.table, columns)) await client.query(statement);
    },
  };
}

/** A COPY stream fed batch by batch: a push waits while the stream's buffer is full (and fails once the COPY did). */
function copyInto(client: pg.ClientBase, sql: string): { push(rows: MockRow[]): Promise<void>; end(): Promise<void> } {
  const copy = client.query(copyFrom(sql));
  let failure: Error | null = null;
  copy.on('error', (error: Error) => (failure = error));
  return {
    async push(rows) {
      if (failure) throw failure;
      if (!copy.write(copyTextRows(rows))) await once(copy, 'drain');
    },
    async end() {
      if (failure) throw failure;
      const finished = once(copy, 'finish');
      copy.end();
      await finished;
    },
  };
}
