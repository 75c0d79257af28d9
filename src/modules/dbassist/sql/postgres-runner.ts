import pg from 'pg';
import Cursor from 'pg-cursor';
import { AppError } from '../../../core/errors.js';
import type { ExplainAnswer, ResultColumn } from '../dbassist.contract.js';
import type { NetworkTarget } from '../drivers/connection-uri.js';
import { scrubSecrets } from '../drivers/driver-error.js';
import { connectPostgresSession, postgresClientConfig } from '../drivers/postgres.js';
import { checkPostgresStatement } from './postgres-guard.js';
import { RowCollector } from './result-values.js';
import { costRefusal, sqlCancelled, sqlFailed, sqlNotAllowed, sqlTimedOut } from './sql-errors.js';
import type { RunOptions, RunResult, SqlRunner, StatementLimits } from './sql-runner.js';
import type { StatementVerdict } from './statement-verdict.js';

/**
 * Runs one statement on PostgreSQL. The statement goes through the extended protocol (a pg-cursor portal: Parse, Bind,
 * Execute), which takes exactly one statement, so nothing the guard did not see can ride along. A read runs in a
 * session and a transaction that are both READ ONLY, with SET LOCAL statement_timeout, after EXPLAIN priced it below
 * maxCost; its rows stream in batches until the row or byte cap. Aborting asks the server to cancel the statement
 * from a second connection (pg_cancel_backend).
 */

const BATCH_ROWS = 500;
const QUERY_CANCELED = '57014';

/** Dates, times and intervals as the server prints them (ISO, DateStyle set below), not as JS Dates in local time. */
const TEXT_TYPES = new Set([1082, 1083, 1114, 1184, 1186, 1266, 1115, 1182, 1183, 1185, 1187, 1270]);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (TEXT_TYPES.has(oid)) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

type PgError = Error & { code?: string };

function planCost(rows: Array<Record<string, unknown>>): number | null {
  const plan = (rows[0]?.['QUERY PLAN'] as Array<{ Plan?: { 'Total Cost'?: number } }> | undefined)?.[0]?.Plan;
  return typeof plan?.['Total Cost'] === 'number' ? plan['Total Cost'] : null;
}

export class PostgresSqlRunner implements SqlRunner {
  private readonly typeNames = new Map<number, string>();

  private constructor(
    private readonly client: pg.Client,
    private readonly config: pg.ClientConfig,
    private readonly writable: boolean,
  ) {}

  /** Connects; `writable` false makes the whole session read-only, whatever a statement tries. */
  static async connect(target: NetworkTarget, options: { writable: boolean }): Promise<PostgresSqlRunner> {
    const client = await connectPostgresSession(target, { readOnly: !options.writable, settings: ['-c DateStyle=ISO,YMD', '-c IntervalStyle=iso_8601'] });
    return new PostgresSqlRunner(client, postgresClientConfig(target), options.writable);
  }

  private async verdict(sql: string, allowWrite: boolean): Promise<StatementVerdict> {
    return checkPostgresStatement(sql, { allowWrite: allowWrite && this.writable });
  }

  /** One statement through the extended protocol, all its rows (for EXPLAIN and catalog lookups, never user rows). */
  private async extended(sql: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    const cursor = this.client.query(new Cursor(sql, values));
    try {
      return (await cursor.read(10_000)) as Array<Record<string, unknown>>;
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  private async begin(readOnly: boolean, limits: StatementLimits): Promise<void> {
    await this.client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
    // SET cannot take a parameter; the number is an integer the server's config produced.
    await this.client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(limits.timeoutMs))}`);
  }

  private async rollback(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
  }

  private async cost(sql: string): Promise<number | null> {
    return planCost(await this.extended(`EXPLAIN (FORMAT JSON) ${sql}`));
  }

  async explain(sql: string, options: { allowWrite: boolean; limits: StatementLimits }): Promise<ExplainAnswer> {
    const verdict = await this.verdict(sql, options.allowWrite);
    if (verdict.refusal !== null || !verdict.explainable) {
      return { kind: verdict.kind, allowed: verdict.refusal === null, refusal: verdict.refusal, plan: null, totalCost: null };
    }
    // EXPLAIN without ANALYZE runs nothing, so even a write's preview is planned in a read-only transaction.
    await this.begin(true, options.limits);
    try {
      const totalCost = await this.cost(sql);
      const plan = (await this.extended(`EXPLAIN ${sql}`)).map((row) => String(row['QUERY PLAN'])).join('\n');
      const tooCostly = verdict.kind === 'read' && totalCost !== null && options.limits.maxCost > 0 && totalCost > options.limits.maxCost;
      return { kind: verdict.kind, allowed: !tooCostly, refusal: tooCostly ? costRefusal(totalCost, options.limits.maxCost) : null, plan, totalCost };
    } catch (error) {
      throw this.failure(error, options.limits, undefined);
    } finally {
      await this.rollback();
    }
  }

  async run(sql: string, options: RunOptions): Promise<RunResult> {
    const verdict = await this.verdict(sql, options.allowWrite);
    if (verdict.refusal !== null) throw sqlNotAllowed(verdict.refusal);
    if (options.allowWrite && verdict.kind === 'write' && !this.writable) throw sqlNotAllowed('a write: this connection is read-only');
    if (options.signal.aborted) throw sqlCancelled();
    const isWrite = verdict.kind === 'write';
    const stopCancel = this.cancelOnAbort(options.signal);
    await this.begin(!isWrite, options);
    try {
      if (!isWrite && verdict.explainable && options.maxCost > 0) {
        const totalCost = await this.cost(sql);
        if (totalCost !== null && totalCost > options.maxCost) throw sqlNotAllowed(costRefusal(totalCost, options.maxCost));
      }
      if (options.signal.aborted) throw sqlCancelled();
      const result = await this.stream(sql, options);
      await this.client.query(isWrite ? 'COMMIT' : 'ROLLBACK');
      return { ...result, isWrite };
    } catch (error) {
      await this.rollback();
      throw this.failure(error, options, options.signal);
    } finally {
      stopCancel();
    }
  }

  private async stream(sql: string, options: RunOptions): Promise<Omit<RunResult, 'isWrite'>> {
    const collector = new RowCollector(options);
    const cursor = this.client.query(new Cursor(sql, undefined, { rowMode: 'array', types }));
    let fields: pg.FieldDef[] = [];
    let command: { rowCount: number | null; command: string | null } = { rowCount: null, command: null };
    try {
      for (;;) {
        if (options.signal.aborted) throw sqlCancelled();
        const rows = await new Promise<unknown[][]>((resolve, reject) => {
          cursor.read(Math.min(BATCH_ROWS, collector.room + 1), (error, batch, result) => {
            if (error) return reject(error);
            // A finished cursor answers later reads with no rows and no result: keep what the last batch said.
            if (result) {
              fields = result.fields;
              command = result;
            }
            resolve(batch);
          });
        });
        if (rows.length === 0) break;
        if (!rows.every((row) => collector.add(row))) break;
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
    const columns = await this.columnsOf(fields);
    // A write reports the rows it changed; a read the rows it returned (up to the caps).
    const rowCount = command.command !== 'SELECT' && command.rowCount !== null ? command.rowCount : collector.rows.length;
    return { columns, rows: collector.rows, rowCount, truncated: collector.truncated };
  }

  private async columnsOf(fields: pg.FieldDef[]): Promise<ResultColumn[]> {
    const unknown = [...new Set(fields.map((field) => field.dataTypeID))].filter((oid) => !this.typeNames.has(oid));
    if (unknown.length > 0) {
      const rows = await this.extended('SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])', [unknown]);
      for (const row of rows) this.typeNames.set(Number(row.oid), String(row.name));
    }
    return fields.map((field) => ({ name: field.name, dataType: this.typeNames.get(field.dataTypeID) ?? 'unknown' }));
  }

  /** While a statement runs, an abort cancels it on the server; returns the function that stops listening. */
  private cancelOnAbort(signal: AbortSignal): () => void {
    const pid = (this.client as unknown as { processID: number | null }).processID;
    const onAbort = () => {
      if (pid === null) return;
      const canceller = new pg.Client(this.config);
      canceller.on('error', () => undefined);
      void canceller
        .connect()
        .then(() => canceller.query('SELECT pg_cancel_backend($1)', [pid]))
        .catch(() => undefined)
        .finally(() => void canceller.end().catch(() => undefined));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  }

  /** The server's error as an AppError: cancelled, timed out, or its message (which never carries the password). */
  private failure(error: unknown, limits: StatementLimits, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted) return sqlCancelled();
    if (error instanceof AppError) return error;
    const pgError = error as PgError;
    if (pgError?.code === QUERY_CANCELED) return /statement timeout/i.test(pgError.message) ? sqlTimedOut(limits.timeoutMs) : sqlCancelled();
    const message = error instanceof Error ? error.message : String(error);
    return sqlFailed(scrubSecrets(message, [this.config.password as string | undefined]));
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
