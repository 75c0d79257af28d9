import type { Connection } from 'mysql2/promise';
import type { MockSink } from '../run-mock.js';
import type { WrittenColumn } from '../table-rows.js';
import type { PlannedTable } from '../planner.js';
import { insertStatement } from './insert-statement.js';

/** Rows per INSERT: large enough to cut round trips, small enough for a default max_allowed_packet (16 MiB). */
const ROWS_PER_INSERT = 1000;

/** Rows into MariaDB/MySQL as multi-row INSERTs, inside the caller's transaction. */
export function mysqlInsertSink(connection: Connection): MockSink {
  let current: { table: PlannedTable; columns: WrittenColumn[] } | null = null;
  return {
    async beginTable(table, columns) {
      current = { table, columns };
    },
    async writeRows(rows) {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await connection.query(insertStatement(current!.table.table, current!.columns, rows.slice(i, i + ROWS_PER_INSERT), 'mysql'));
      }
    },
    async endTable() {
      current = null;
    },
  };
}
