import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestPersonas, adminRows, startTestSession } from './support/board-sessions.js';
import { scriptedBoard } from './support/board-script.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { TEST_TMP } from './support/paths.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The server running a board session is killed with SIGKILL in the middle of round 2; a new server takes the job
 * over once its heartbeat lapses and finishes the session from what the database holds. No finished contribution is
 * asked for or stored again, and none has a second ledger row. Runs the compiled server on the PostgreSQL server.
 */

const MAIN = path.resolve('dist/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Contribution = { id: string; persona_code: string; round_number: number; phase: string; generation_id: string | null };

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('a board session survives the death of its server process', () => {
  let database: TestDatabase;
  let fake: FakeOpenAiServer;
  let user: TestUser;
  let port: number;
  let pricingFile: string;
  const dataDir = path.join(TEST_TMP, `board-crash-${process.pid}`);
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    user = await createUser({ database });
    await addTestPersonas(database.db, user.id, user.personalOrgId);
    // Each call takes a while, so the kill lands in the middle of a round.
    fake = await startFakeOpenAi({ apiKey: 'sk-crash', fallback: scriptedBoard({ delayMs: 500 }) });
    pricingFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-board-crash-')), 'pricing.json');
    fs.writeFileSync(pricingFile, JSON.stringify({ 'fake-gpt': { inputPerMillion: 2, outputPerMillion: 10 } }));
    port = await freePort();
    fs.mkdirSync(dataDir, { recursive: true });
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ATELIER_SECRET_KEY: crypto.createHash('sha256').update('board-crash-test').digest('hex'),
    AI_PROVIDER: 'openai',
    AI_BASE_URL: fake.url,
    AI_MODEL: 'fake-gpt',
    AI_API_KEY: 'sk-crash',
    AI_MAX_RETRIES: '0',
    AI_PRICING_FILE: pricingFile,
    JOBS_HEARTBEAT_MS: '250',
    // Long enough that a busy machine, delaying the live server's heartbeat, never makes its own job look dead;
    // short enough that the killed server's job is claimed again within seconds.
    JOBS_STALE_AFTER_MS: '6000',
    JOBS_POLL_INTERVAL_MS: '100',
  });

  async function startServer(): Promise<{ process: ChildProcess; output: () => string }> {
    let output = '';
    const child = spawn(process.execPath, [MAIN], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { process: child, output: () => output };
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The server did not start:\n${output}`);
  }

  const contributions = (sessionId: string) =>
    adminRows<Contribution>(database.db, 'SELECT id::text, persona_code, round_number, phase, generation_id FROM board.contributions WHERE session_id = $1 ORDER BY id', [sessionId]);
  /** Requests the fake server got for one persona's contribution in one round. */
  const asked = (persona: string, round: number) =>
    fake.requests.filter((r) => {
      const text = JSON.stringify(r.body.messages);
      return text.includes(`Round ${round} (`) && text.includes(persona);
    }).length;
  const personaName: Record<string, string> = { cfo_test: 'Finance lead', growth_test: 'Growth lead', ops_test: 'Operations lead' };

  it('resumes from its checkpoint: the session completes, no contribution or ledger row twice', async () => {
    const first = await startServer();
    const { sessionId, jobId } = await startTestSession(database.db, user.id, { organizationId: user.personalOrgId, maxRounds: 3 });

    // Midway through round 2: round 1 stored, some of round 2 too.
    let before: Contribution[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      before = await contributions(sessionId);
      if (before.some((c) => c.round_number === 2)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(before.filter((c) => c.round_number === 2).length, first.output()).toBeGreaterThan(0);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));

    const second = await startServer();
    let session: { status: string; total_cost: number } | undefined;
    const finish = Date.now() + 90_000;
    while (Date.now() < finish) {
      [session] = await adminRows<{ status: string; total_cost: number }>(database.db, 'SELECT status, total_cost::float8 AS total_cost FROM board.sessions WHERE id = $1', [sessionId]);
      if (session && session.status !== 'active') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(session!.status, second.output()).toBe('completed');
    // The runner marks the job done in its own transaction after the handler has completed the session.
    let job: { status: string; attempts: number } | undefined;
    while (Date.now() < finish) {
      [job] = await adminRows<{ status: string; attempts: number }>(database.db, 'SELECT status, attempts FROM app.jobs WHERE id = $1', [jobId]);
      if (job && job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });

    const after = await contributions(sessionId);
    // One contribution per persona per round (and the moderator's), the ones stored before the kill untouched.
    const keys = after.map((c) => `${c.round_number}/${c.persona_code}/${c.phase}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const round of [1, 2, 3]) expect(after.filter((c) => c.round_number === round && c.phase !== 'moderator_intervention')).toHaveLength(3);
    for (const c of before) expect(after.find((a) => a.id === c.id)).toEqual(c);
    // A contribution finished before the kill was never asked for again.
    for (const c of before.filter((b) => b.phase !== 'moderator_intervention')) expect(asked(personaName[c.persona_code]!, c.round_number)).toBe(1);

    // Ledger: each contribution and vote links its own row; the job's other rows are the framing, the baseline, the
    // synthesis and at most the calls that were in flight when the server died (one per seated persona).
    const [ledger] = await adminRows<{ linked: number; distinct_linked: number; total: number; votes: number }>(
      database.db,
      `SELECT (SELECT count(*)::int FROM app.ai_generations g JOIN board.contributions c ON c.generation_id = g.id WHERE c.session_id = $1) AS linked,
              (SELECT count(DISTINCT generation_id)::int FROM board.contributions WHERE session_id = $1) AS distinct_linked,
              (SELECT count(*)::int FROM board.votes WHERE session_id = $1 AND generation_id IS NOT NULL) AS votes,
              (SELECT count(*)::int FROM app.ai_generations WHERE job_id = $2::uuid AND status = 'succeeded') AS total`,
      [sessionId, jobId],
    );
    expect(ledger!.linked).toBe(after.length);
    expect(ledger!.distinct_linked).toBe(after.length);
    expect(ledger!.total).toBeGreaterThanOrEqual(after.length + ledger!.votes + 3);
    expect(ledger!.total).toBeLessThanOrEqual(after.length + ledger!.votes + 3 + 3);

    second.process.kill('SIGTERM');
    await new Promise((resolve) => second.process.once('exit', resolve));
  }, 180_000);
});
