/**
 * Chat history at scale: 10k conversations × 100 messages = 1M messages in one project, loaded with one
 * INSERT … SELECT generate_series (the conversation-touch trigger is off during the load; last_message_at is set
 * afterwards, as the trigger would have left it). Then prints, through the same service code the API runs, as the
 * runtime role under row level security:
 *   - a conversation's newest page of messages vs its oldest page (90 messages in, keyset `before=`), and the
 *     OFFSET equivalent of the deep page;
 *   - the project's conversation list (most recent activity first): first page vs a page 9 000 conversations in
 *     (keyset cursor), and the OFFSET equivalent.
 * Medians and ratios (deep/first, offset/keyset). No assertions.
 *
 *   npm run bench:chat                                                  # embedded PGlite in a temporary directory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:chat
 *       # also on that server, in a scratch database created and dropped by the benchmark
 *   BENCH_CONVERSATIONS=1000 npm run bench:chat                         # a quick run
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { scratchDatabase, vacuumAnalyze } from './support/scratch-database.js';
import { openDatabase, RUNTIME_ROLE, type Database, type Tx } from '../src/core/db/database.js';
import { migrateUp } from '../src/core/db/migrator.js';
import { withUser } from '../src/core/db/tenancy.js';
import { encodeCursor } from '../src/core/http/pagination.js';
import { listConversations, loadConversation, requireChatAccess } from '../src/modules/chat/conversations.service.js';
import { listMessages } from '../src/modules/chat/messages.service.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** The web chat loads a conversation 30 messages at a time; the conversation list 50. */
const MESSAGE_PAGE = Number(process.env.BENCH_MESSAGE_PAGE ?? 10);
const LIST_PAGE = 50;

const USER_ID = '00000000-0000-7000-8000-00000000c001';
const ORG_ID = '00000000-0000-7000-8000-00000000c002';
const PROJECT_ID = '00000000-0000-7000-8000-00000000c003';
const notLive = () => false;

async function load(db: Database, vacuum: () => Promise<void>): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    times[name] = (performance.now() - started) / 1000;
  };
  await step('setup', () =>
    db.withAdmin(async (client) => {
      await client.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, 'Bench', 'bench@example.com', 'active', true)`, [USER_ID]);
      await client.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Bench', 'bench', $2)`, [ORG_ID, USER_ID]);
      await client.query(`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [ORG_ID, USER_ID]);
      await client.query(`INSERT INTO app.projects (id, organization_id, owner_id, name, key) VALUES ($1, $2, $3, 'Bench', 'BENCH')`, [PROJECT_ID, ORG_ID, USER_ID]);
    }),
  );
  await step('conversations', () =>
    db.withAdmin(async (client) => {
      await client.query(
        `INSERT INTO app.conversations (id, organization_id, project_id, title, creator_id, created_at)
         SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, $1, $2, 'Conversation ' || c, $3, timestamptz '2025-01-01' + c * interval '1 hour'
         FROM generate_series(1, $4::int) c`,
        [ORG_ID, PROJECT_ID, USER_ID, CONVERSATIONS],
      );
    }),
  );
  await step('messages', () =>
    db.withAdmin(async (client) => {
      await client.query(`ALTER TABLE app.messages DISABLE TRIGGER messages_touch_conversation`);
      // Conversations interleave in time (c hours + m minutes), so activity order differs from creation order.
      await client.query(
        `INSERT INTO app.messages (id, conversation_id, organization_id, project_id, role, content, status, token_count, author_id, created_at)
         SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, $1, $2,
                CASE WHEN m % 2 = 1 THEN 'user' ELSE 'assistant' END,
                CASE WHEN m % 2 = 1 THEN 'Question ' || m || ' about the refund policy of conversation ' || c || '?'
                     ELSE 'Customers can request a refund up to 48 hours before the concert starts [sec-' || substr(md5(c::text), 1, 8) || '].' END,
                'complete', 12, CASE WHEN m % 2 = 1 THEN $3::uuid END,
                timestamptz '2025-01-01' + c * interval '1 hour' + ((m * 7919 + c * 13) % 100000) * interval '1 second' + m * interval '1 millisecond'
         FROM generate_series(1, $4::int) c CROSS JOIN generate_series(1, $5::int) m`,
        [ORG_ID, PROJECT_ID, USER_ID, CONVERSATIONS, MESSAGES],
      );
      await client.query(`ALTER TABLE app.messages ENABLE TRIGGER messages_touch_conversation`);
    }),
  );
  await step('last_message_at', () =>
    db.withAdmin(async (client) => {
      await client.query(
        `UPDATE app.conversations c SET last_message_at = m.last
         FROM (SELECT conversation_id, max(created_at) AS last FROM app.messages GROUP BY conversation_id) m
         WHERE m.conversation_id = c.id`,
      );
    }),
  );
  await step('vacuum', () => vacuum());
  return times;
}

type Stats = { median: number; p95: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs `work` `runs` times, each in a transaction of the bench user (as the API does); milliseconds per run. */
async function time(db: Database, runs: number, work: (tx: Tx, i: number) => Promise<unknown>): Promise<Stats> {
  await withUser(db, USER_ID, (tx) => work(tx, runs));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await withUser(db, USER_ID, (tx) => work(tx, i));
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

const ms = (s: Stats) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
const ratio = (a: Stats, b: Stats) => (a.median / b.median).toFixed(2);

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

async function measure(db: Database): Promise<void> {
  const conversationOf = (i: number) => 1 + ((i * 7_877) % CONVERSATIONS);
  const conversationIds = await db.withAdmin((client) =>
    client.query<{ n: number; id: string }>(`SELECT c AS n, ('00000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0')) AS id FROM generate_series(1, $1::int) c`, [CONVERSATIONS]),
  );
  const idOf = (n: number) => conversationIds[n - 1]!.id;

  // The cursor of the message `depth` messages from the newest, per conversation, as the API would have issued it.
  const depth = Math.max(0, MESSAGES - MESSAGE_PAGE);
  const deepCursors = new Map<string, string>();
  for (let i = 0; i <= RUNS; i++) {
    const id = idOf(conversationOf(i));
    const [row] = await db.withAdmin((client) =>
      client.query<{ at: string; id: string }>(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id::text FROM app.messages
         WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
        [id, depth - 1],
      ),
    );
    deepCursors.set(id, encodeCursor({ sort: row!.at, id: row!.id }));
  }
  const query = (extra: { before?: string }) => ({ limit: MESSAGE_PAGE, from: 'newest' as const, ...extra });
  const first = await time(db, RUNS, (tx, i) => listMessages(tx, USER_ID, PROJECT_ID, idOf(conversationOf(i)), query({}), notLive));
  let deepItems = 0;
  const deep = await time(db, RUNS, async (tx, i) => {
    const id = idOf(conversationOf(i));
    deepItems = (await listMessages(tx, USER_ID, PROJECT_ID, id, query({ before: deepCursors.get(id)! }), notLive)).items.length;
  });
  // The same page by OFFSET: the API's query shape (newest first, one extra row) with OFFSET instead of the seek.
  // The same access checks as the API (project role, conversation lookup) come first, so only the seek differs.
  const offset = await time(db, RUNS, async (tx, i) => {
    await requireChatAccess(tx, USER_ID, PROJECT_ID, 'read');
    await loadConversation(tx, PROJECT_ID, idOf(conversationOf(i)));
    return tx.execute(sql`SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM app.messages
                   WHERE conversation_id = ${idOf(conversationOf(i))} ORDER BY created_at DESC, id DESC LIMIT ${MESSAGE_PAGE + 1} OFFSET ${depth}`);
  });
  console.log(`messages of a conversation, newest page (${MESSAGE_PAGE})            : ${ms(first)}`);
  console.log(`messages, oldest page, ${depth} in (keyset before=, ${deepItems} rows) : ${ms(deep)}  (deep/first ${ratio(deep, first)})`);
  console.log(`  the same page by OFFSET ${depth}                          : ${ms(offset)}  (offset/keyset ${ratio(offset, deep)})`);

  // The conversation list: first page and a page 9 000 (or 90 %) conversations in.
  const listDepth = Math.floor(CONVERSATIONS * 0.9);
  const [listCursor] = rowsOf<{ at: string; id: string }>(
    await withUser(db, USER_ID, (tx) =>
      tx.execute(sql`SELECT to_char(coalesce(last_message_at, created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id::text AS id
                     FROM app.conversations WHERE project_id = ${PROJECT_ID}
                     ORDER BY coalesce(last_message_at, created_at) DESC, id DESC OFFSET ${listDepth - 1} LIMIT 1`),
    ),
  );
  const cursor = encodeCursor({ sort: listCursor!.at, id: listCursor!.id });
  const listFirst = await time(db, RUNS, (tx) => listConversations(tx, USER_ID, PROJECT_ID, { limit: LIST_PAGE }));
  const listDeep = await time(db, RUNS, (tx) => listConversations(tx, USER_ID, PROJECT_ID, { limit: LIST_PAGE, cursor }));
  const listOffset = await time(db, RUNS, async (tx) => {
    await requireChatAccess(tx, USER_ID, PROJECT_ID, 'read');
    return tx.execute(sql`SELECT * FROM app.conversations WHERE project_id = ${PROJECT_ID}
                   ORDER BY coalesce(last_message_at, created_at) DESC, id DESC LIMIT ${LIST_PAGE + 1} OFFSET ${listDepth}`);
  });
  console.log(`conversation list, first page (${LIST_PAGE})                      : ${ms(listFirst)}`);
  console.log(`conversation list, ${listDepth} in (keyset cursor)             : ${ms(listDeep)}  (deep/first ${ratio(listDeep, listFirst)})`);
  console.log(`  the same page by OFFSET ${listDepth}                         : ${ms(listOffset)}  (offset/keyset ${ratio(listOffset, listDeep)})`);
}

async function run(label: string, db: Database, vacuum: () => Promise<void>): Promise<void> {
  await migrateUp(db);
  await db.useRuntimeRole();
  const times = await load(db, vacuum);
  const loaded = Object.entries(times).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ');
  const totalLoad = Object.values(times).reduce((a, b) => a + b, 0);
  const [count] = await db.withAdmin((client) => client.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.messages`));
  console.log(`\n== ${label}: ${CONVERSATIONS} conversations × ${MESSAGES} messages = ${count!.n} messages, loaded in ${totalLoad.toFixed(1)} s (${loaded})`);
  await measure(db);
}

if (process.env.BENCH_SKIP_PGLITE !== '1') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-chat-'));
  try {
    const pglite = await PGlite.create({ dataDir });
    const db = await openDatabase({ kind: 'pglite', pglite });
    try {
      await run('PGlite', db, async () => {
        await pglite.exec('SET ROLE NONE');
        await pglite.exec('VACUUM ANALYZE');
        await pglite.exec(`SET ROLE ${RUNTIME_ROLE}`);
      });
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const scratch = await scratchDatabase(serverUrl);
  try {
    const db = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });
    try {
      await run('PostgreSQL', db, () => vacuumAnalyze(scratch.url));
    } finally {
      await db.close();
    }
  } finally {
    await scratch.drop();
  }
}
