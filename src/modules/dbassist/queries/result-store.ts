import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { decodeSerialCursor } from '../../../core/http/keyset-cursor.js';
import { encodeCursor } from '../../../core/http/pagination.js';

/**
 * The rows an execution captured, kept as NDJSON (one JSON array per row) under
 * DATA_DIR/dbassist/results/<organizationId>/<executionId>.ndjson, so paging and export read them again without running
 * the statement twice. A page cursor is the opaque encoding of a row offset.
 */

const RESULTS_SUBDIR = path.join('dbassist', 'results');

/** The file's path relative to DATA_DIR, as stored in executions.result_path. */
export function resultPathOf(organizationId: string, executionId: string): string {
  return path.join(RESULTS_SUBDIR, organizationId, `${executionId}.ndjson`);
}

function absolute(dataDir: string, relativePath: string): string {
  return path.join(path.resolve(dataDir), relativePath);
}

/** Writes the rows, through a temporary name so that a reader never sees half a file. */
export async function writeResultRows(dataDir: string, relativePath: string, rows: readonly unknown[][]): Promise<void> {
  const file = absolute(dataDir, relativePath);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  try {
    for (const row of rows) {
      if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    out.destroy();
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  await fs.promises.rename(partial, file);
}

/** The cursor of the page that starts at this row offset. */
export function rowCursor(offset: number): string {
  return encodeCursor({ sort: String(offset), id: String(offset) });
}

/** The row offset a cursor stands for (0 without one); a cursor this server did not issue is a 400. */
export function offsetOf(cursor: string | undefined): number {
  return decodeSerialCursor(cursor) ?? 0;
}

/** One page of rows taken from the first page's rows in memory (the answer to execute). */
export function firstPage(rows: readonly unknown[][], limit: number): { rows: unknown[][]; nextCursor: string | null } {
  return { rows: rows.slice(0, limit), nextCursor: rows.length > limit ? rowCursor(limit) : null };
}

/** Reads every stored row, one at a time; no file (nothing captured, or removed) reads as no rows. */
export async function* readResultRows(dataDir: string, relativePath: string | null): AsyncGenerator<unknown[]> {
  if (relativePath === null) return;
  const file = absolute(dataDir, relativePath);
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file, { encoding: 'utf8' });
  } catch {
    return;
  }
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.length > 0) yield JSON.parse(line) as unknown[];
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The `limit` rows from `offset` on, and the cursor of the next page when there are more. */
export async function readResultPage(
  dataDir: string,
  relativePath: string | null,
  offset: number,
  limit: number,
): Promise<{ rows: unknown[][]; nextCursor: string | null }> {
  const rows: unknown[][] = [];
  let index = 0;
  for await (const row of readResultRows(dataDir, relativePath)) {
    if (index >= offset + limit) return { rows, nextCursor: rowCursor(offset + limit) };
    if (index >= offset) rows.push(row);
    index++;
  }
  return { rows, nextCursor: null };
}
