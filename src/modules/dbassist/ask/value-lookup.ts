import type { SupportedDbType } from '../../../shared/dbassist-kinds.js';
import type { SqlRunner, StatementLimits } from '../sql/sql-runner.js';
import type { ValueLookup } from './retrieve-context.js';

/** How long all the lookups of one question may take together, and how many rows one may return. */
const LOOKUP_BUDGET_MS = 5000;
const VALUES_PER_COLUMN = 20;

function quoteName(engine: SupportedDbType, name: string): string {
  return engine === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

function textLiteral(engine: SupportedDbType, value: string): string {
  const escaped = value.replace(/'/g, "''");
  return `'${engine === 'mysql' ? escaped.replace(/\\/g, '\\\\') : escaped}'`;
}

/**
 * Looks the phrases of a question up in the connection's data through the guarded runner (a read-only statement with
 * the server's limits): which of them a text column holds, compared case-insensitively. The phrases are the
 * question's own words, written as literals with their quotes doubled. When the time budget is spent, the rest of the
 * columns offer no values.
 */
export function runnerLookup(runner: SqlRunner, engine: SupportedDbType, limits: StatementLimits): ValueLookup {
  const deadline = Date.now() + LOOKUP_BUDGET_MS;
  return async (table, columns, candidates) => {
    const left = deadline - Date.now();
    if (left <= 0 || candidates.length === 0 || columns.length === 0) return [];
    const name = engine === 'postgres' && table.namespace ? `${quoteName(engine, table.namespace)}.${quoteName(engine, table.name)}` : quoteName(engine, table.name);
    const list = candidates.map((c) => textLiteral(engine, c.toLowerCase())).join(', ');
    // One statement per table: a round trip per column would spend the budget on latency.
    const parts = columns.map((column, i) => {
      const text = engine === 'mysql' ? `CAST(${quoteName(engine, column)} AS CHAR)` : `CAST(${quoteName(engine, column)} AS TEXT)`;
      return `(SELECT DISTINCT ${i} AS c, ${text} AS v FROM ${name} WHERE lower(${text}) IN (${list}) LIMIT ${VALUES_PER_COLUMN})`;
    });
    const sql = parts.join(' UNION ALL ');
    const maxRows = VALUES_PER_COLUMN * columns.length;
    const result = await runner.run(sql, { ...limits, timeoutMs: Math.min(limits.timeoutMs, left), maxRows, allowWrite: false, signal: AbortSignal.timeout(left) });
    return result.rows
      .map((row) => ({ column: columns[Number(row[0])] ?? '', value: row[1] }))
      .filter((found): found is { column: string; value: string } => found.column !== '' && typeof found.value === 'string');
  };
}
