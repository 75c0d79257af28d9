import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A database of its own on a PostgreSQL server, so a benchmark never touches data it did not create; `drop()` removes
 * it (forcing out connections a failed run left open).
 */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atelier_bench_${crypto.randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs VACUUM ANALYZE, so the planner sees the rows a benchmark just loaded. */
export async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, (client) => client.query('VACUUM ANALYZE'));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` once per driver, in order: PGlite with no URL, PostgreSQL with the URL of a scratch database made on
 * `postgresUrl` for that run and dropped after it.
 */
export async function forEachDriver<T>(
  drivers: readonly string[],
  postgresUrl: string | undefined,
  work: (driver: 'pglite' | 'postgres', url: string | undefined) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const driver of drivers) {
    if (driver === 'pglite') {
      results.push(await work(driver, undefined));
      continue;
    }
    if (driver !== 'postgres') throw new Error(`Unknown driver ${driver}`);
    if (!postgresUrl) throw new Error('Set BENCH_POSTGRES_URL to bench PostgreSQL');
    const scratch = await scratchDatabase(postgresUrl);
    try {
      results.push(await work(driver, scratch.url));
    } finally {
      await scratch.drop();
    }
  }
  return results;
}
