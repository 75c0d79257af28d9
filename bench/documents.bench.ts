/**
 * Documents and search at scale: loads 10k documents × 20 revisions into one project (every revision through the
 * numbering trigger, every revision's sections with builtin embeddings: 200k sections), then prints
 *   - the time to fetch the latest document by id (the documents table, and the latest_documents view),
 *   - listing revisions: a document's first page vs its oldest page, and the project's revision history first page
 *     vs a deep keyset page (ratio; OFFSET alongside for contrast),
 *   - search latency over the project's latest revisions: full text only, and hybrid (text + vector, the API).
 * Every measured query runs as the runtime role with row level security, the way the API runs it. No assertions.
 *
 *   npm run bench:documents                                            # embedded PGlite in a temporary directory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/documents.bench.ts
 *       # also on that server, in a scratch database created and dropped by the benchmark
 *   BENCH_DOCUMENTS=1000 BENCH_REVISIONS=5 npx tsx bench/documents.bench.ts   # a quick run
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { scratchDatabase, vacuumAnalyze } from './support/scratch-database.js';
import { openDatabase, RUNTIME_ROLE, type Database } from '../src/core/db/database.js';
import { migrateUp } from '../src/core/db/migrator.js';
import { withUser } from '../src/core/db/tenancy.js';
import { EMBEDDING_MODEL, embedSection, sectionRowsOf } from '../src/modules/search/index.js';
import { slugifyHeading } from '../src/shared/block-ids.js';
import { searchProject } from '../src/modules/search/search.service.js';
import { seededRandom } from '../src/core/text/index.js';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 20);
const SECTIONS_PER_REVISION = Number(process.env.BENCH_SECTIONS_PER_REVISION ?? 1);
/** Distinct section texts the generated revisions draw from (each with its embedding computed once). */
const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PAGE = 50;

const USER_ID = '00000000-0000-7000-8000-00000000d001';
const ORG_ID = '00000000-0000-7000-8000-00000000d002';
const PROJECT_ID = '00000000-0000-7000-8000-00000000d003';

// ---------------------------------------------------------------------------------------------------------------
// Generated content: product-requirement prose from a seeded generator, the same on every run.


const TOPICS = [
  'Checkout flow', 'Account sign-in', 'Password reset', 'Order history', 'Invoice export', 'Delivery tracking',
  'Search filters', 'Product catalogue', 'Loyalty points', 'Refund requests', 'Admin dashboard', 'Audit trail',
  'Data retention', 'Mobile layout', 'Accessibility', 'Notifications', 'Inventory sync', 'Reporting', 'Localization',
  'Backup and restore', 'Rate limits', 'Encryption at rest', 'Team roles', 'Subscription plans', 'Appointment booking',
];
const ACTORS = ['the customer', 'an administrator', 'a warehouse clerk', 'the support agent', 'a guest shopper', 'the finance team', 'a store manager'];
const VERBS = ['views', 'updates', 'exports', 'approves', 'cancels', 'creates', 'reviews', 'archives', 'shares', 'filters', 'schedules', 'imports'];
const OBJECTS = [
  'orders', 'invoices', 'parcels', 'stock levels', 'coupons', 'wish lists', 'gift cards', 'reviews', 'returns', 'receipts',
  'price rules', 'shipping labels', 'customer notes', 'tax rates', 'supplier contracts', 'store hours', 'delivery slots',
];
const QUALITIES = [
  'within two seconds', 'without losing data', 'from any device', 'in under three clicks', 'with an audit entry',
  'after a confirmation step', 'for the last twelve months', 'in the customer’s language', 'at peak load', 'offline',
];
const RARE = ['zeppelin', 'marzipan', 'quokka', 'obsidian', 'tamarind', 'fjord', 'saffron', 'narwhal', 'basalt', 'yuzu'];

type Template = { id: number; heading: string; slug: string; body: string; embedding: number[] };

function makeTemplates(count: number): Template[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const templates: Template[] = [];
  for (let id = 0; id < count; id++) {
    const heading = `${pick(TOPICS)} ${id + 1}`;
    const sentences: string[] = [];
    const n = 3 + Math.floor(random() * 4);
    for (let s = 0; s < n; s++) {
      const actor = pick(ACTORS);
      sentences.push(`${actor[0]!.toUpperCase()}${actor.slice(1)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALITIES)}.`);
    }
    // One template in fifty mentions a rare word: a selective query.
    if (id % 50 === 0) sentences.push(`The ${pick(RARE)} option applies here.`);
    const body = sentences.join(' ');
    templates.push({ id, heading, slug: slugifyHeading(heading), body, embedding: embedSection(heading, body) });
  }
  return templates;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading, as the owner of the tables (row level security does not apply); the revision trigger runs.

/** The template of section k of revision r of document n (SQL and TypeScript agree). */
const TEMPLATE_OF = (n: string, r: string, k: string) => `((${n} * 7919 + ${r} * 104729 + ${k} * 31) % ${TEMPLATES})`;

async function load(db: Database, templates: Template[], vacuum: () => Promise<void>): Promise<Record<string, number>> {
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
      await client.exec(`CREATE TABLE public.bench_templates (id int PRIMARY KEY, heading text, slug text, body text, embedding real[])`);
      for (let start = 0; start < templates.length; start += 500) {
        const chunk = templates.slice(start, start + 500);
        const values = chunk.map((_, i) => `($${i * 5 + 1}::int, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::real[])`).join(', ');
        await client.query(
          `INSERT INTO public.bench_templates VALUES ${values}`,
          chunk.flatMap((t) => [t.id, t.heading, t.slug, t.body, `{${t.embedding.join(',')}}`]),
        );
      }
    }),
  );
  await step('documents', () =>
    db.withAdmin(async (client) => {
      await client.query(
        `INSERT INTO app.documents (id, organization_id, project_id, type, title, slug, creator_id, created_at)
         SELECT md5('bench-document-' || n)::uuid, $1, $2,
                (ARRAY['srs','prd','spec','design','tech','tasks'])[1 + n % 6], 'Document ' || n, 'doc-' || n, $3,
                timestamptz '2025-01-01' + n * interval '1 minute'
         FROM generate_series(1, $4::int) n`,
        [ORG_ID, PROJECT_ID, USER_ID, DOCUMENTS],
      );
    }),
  );
  // Revisions go in by revision number, a batch of documents at a time, so each statement stays moderate.
  const markdownOf = (n: string, r: string) => `(SELECT string_agg('# ' || t.heading || E'\\n\\n' || t.body, E'\\n\\n' ORDER BY k)
      FROM generate_series(0, ${SECTIONS_PER_REVISION - 1}) k JOIN public.bench_templates t ON t.id = ${TEMPLATE_OF(n, r, 'k')})`;
  await step('revisions', async () => {
    for (let r = 1; r <= REVISIONS; r++) {
      await db.withAdmin(async (client) => {
        await client.query(
          `INSERT INTO app.document_revisions (document_id, organization_id, project_id, rev, title, content_markdown, created_by, created_at)
           SELECT md5('bench-document-' || n)::uuid, $1, $2, 0, 'Document ' || n, ${markdownOf('n', '$4::int')}, $3,
                  timestamptz '2025-01-01' + (n * ${REVISIONS} + $4::int) * interval '1 second'
           FROM generate_series(1, $5::int) n`,
          [ORG_ID, PROJECT_ID, USER_ID, r, DOCUMENTS],
        );
      });
    }
  });
  await step('sections', async () => {
    for (let r = 1; r <= REVISIONS; r++) {
      await db.withAdmin(async (client) => {
        await client.query(
          `INSERT INTO app.document_sections (document_id, organization_id, project_id, rev, block_id, position, heading, body_md, embedding, embedding_model)
           SELECT md5('bench-document-' || n)::uuid, $1, $2, $3::int, t.slug, k, t.heading, t.body, t.embedding, $4
           FROM generate_series(1, $5::int) n CROSS JOIN generate_series(0, ${SECTIONS_PER_REVISION - 1}) k
           JOIN public.bench_templates t ON t.id = ${TEMPLATE_OF('n', '$3::int', 'k')}`,
          [ORG_ID, PROJECT_ID, r, EMBEDDING_MODEL, DOCUMENTS],
        );
      });
    }
  });
  await step('vacuum', () => vacuum());
  return times;
}

/** The loaded sections of one revision are the ones indexRevisionSections stores for its Markdown. */
async function checkSectionsMatchIndexer(db: Database): Promise<boolean> {
  return db.withAdmin(async (client) => {
    const [revision] = await client.query<{ document_id: string; rev: number; content_markdown: string }>(
      `SELECT document_id, rev, content_markdown FROM app.document_revisions WHERE document_id = md5('bench-document-1')::uuid AND rev = 1`,
    );
    if (!revision) return false;
    const stored = await client.query<{ block_id: string; heading: string; body_md: string }>(
      `SELECT block_id, heading, body_md FROM app.document_sections WHERE document_id = $1 AND rev = 1 ORDER BY position`,
      [revision.document_id],
    );
    const expected = sectionRowsOf({ documentId: revision.document_id, organizationId: ORG_ID, projectId: PROJECT_ID, rev: 1, title: '', markdown: revision.content_markdown });
    return JSON.stringify(stored.map((s) => [s.block_id, s.heading, s.body_md])) === JSON.stringify(expected.map((s) => [s.blockId, s.heading, s.bodyMd]));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

type Stats = { median: number; p95: number; mean: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

/** Runs `work` `runs` times in a transaction of the bench user each (as the API does); milliseconds per run. */
async function time(db: Database, runs: number, work: (tx: Parameters<Parameters<typeof withUser>[2]>[0], i: number) => Promise<unknown>): Promise<Stats> {
  // One warm-up run that is not counted.
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

const SEARCHES: Array<[string, string]> = [
  ['one common word', 'invoices'],
  ['two words', 'export receipts'],
  ['phrase', '"shipping labels"'],
  ['rare word', 'narwhal'],
  ['paraphrase', 'how do buyers pay'],
];

async function measure(db: Database): Promise<void> {
  const documentId = (i: number) => `md5('bench-document-' || ${1 + ((i * 7_877) % DOCUMENTS)})::uuid`;

  const byId = await time(db, RUNS, (tx, i) => tx.execute(sql.raw(`SELECT * FROM app.documents WHERE id = ${documentId(i)}`)));
  const byView = await time(db, RUNS, (tx, i) => tx.execute(sql.raw(`SELECT * FROM app.latest_documents WHERE id = ${documentId(i)}`)));
  console.log(`latest document by id (documents table)          : ${ms(byId)}`);
  console.log(`latest document by id (latest_documents view)    : ${ms(byView)}  (view/table ${ratio(byView, byId)})`);

  // A document's revisions, newest first, 5 a page: the first page and the oldest (keyset: rev < cursor).
  const docPage = 5;
  const docFirst = await time(db, RUNS, (tx, i) =>
    tx.execute(sql.raw(`SELECT rev, title, created_by, created_at, note FROM app.document_revisions WHERE document_id = ${documentId(i)} ORDER BY rev DESC LIMIT ${docPage + 1}`)),
  );
  const docDeep = await time(db, RUNS, (tx, i) =>
    tx.execute(sql.raw(`SELECT rev, title, created_by, created_at, note FROM app.document_revisions WHERE document_id = ${documentId(i)} AND rev < ${Math.max(2, docPage + 1)} ORDER BY rev DESC LIMIT ${docPage + 1}`)),
  );
  console.log(`one document's revisions, first page (${docPage})         : ${ms(docFirst)}`);
  console.log(`one document's revisions, oldest page (keyset)    : ${ms(docDeep)}  (deep/first ${ratio(docDeep, docFirst)})`);

  // The project's revision history, newest first, PAGE a page: first page vs a page deep in (keyset and OFFSET).
  const total = DOCUMENTS * REVISIONS;
  const depth = Math.max(0, total - 10 * PAGE);
  const [cursor] = await db.withAdmin((client) =>
    client.query<{ created_at: string; document_id: string; rev: number }>(
      `SELECT created_at::text, document_id, rev FROM app.document_revisions WHERE project_id = $1
       ORDER BY created_at DESC, document_id DESC, rev DESC OFFSET $2 LIMIT 1`,
      [PROJECT_ID, depth],
    ),
  );
  const feed = `SELECT document_id, rev, title, created_by, created_at FROM app.document_revisions WHERE project_id = '${PROJECT_ID}'`;
  const order = `ORDER BY created_at DESC, document_id DESC, rev DESC LIMIT ${PAGE + 1}`;
  const feedFirst = await time(db, RUNS, (tx) => tx.execute(sql.raw(`${feed} ${order}`)));
  const feedDeep = await time(db, RUNS, (tx) =>
    tx.execute(sql.raw(`${feed} AND (created_at, document_id, rev) < ('${cursor!.created_at}'::timestamptz, '${cursor!.document_id}'::uuid, ${cursor!.rev}) ${order}`)),
  );
  const feedOffset = await time(db, Math.min(RUNS, 10), (tx) => tx.execute(sql.raw(`${feed} ${order} OFFSET ${depth}`)));
  console.log(`project revision history, first page (${PAGE})         : ${ms(feedFirst)}`);
  console.log(`project revision history, ${depth} rows in (keyset): ${ms(feedDeep)}  (deep/first ${ratio(feedDeep, feedFirst)})`);
  console.log(`  the same page by OFFSET, for contrast            : ${ms(feedOffset)}  (offset/first ${ratio(feedOffset, feedFirst)})`);

  const [counts] = await db.withAdmin((client) =>
    client.query<{ all_sections: number; latest_sections: number }>(
      `SELECT (SELECT count(*) FROM app.document_sections)::int AS all_sections,
              (SELECT count(*) FROM app.document_sections s JOIN app.documents d ON d.id = s.document_id AND s.rev = d.current_rev)::int AS latest_sections`,
    ),
  );
  console.log(`search: ${counts!.all_sections} sections stored, ${counts!.latest_sections} in the latest revisions searched; limit 10`);
  const textAll: number[] = [];
  const hybridAll: number[] = [];
  for (const [label, q] of SEARCHES) {
    let textHits = 0;
    let hybridHits = 0;
    const text = await time(db, RUNS, async (tx) => {
      textHits = (await searchProject(tx, USER_ID, PROJECT_ID, { q, limit: 10 }, { rankings: ['text'] })).items.length;
    });
    const hybrid = await time(db, RUNS, async (tx) => {
      hybridHits = (await searchProject(tx, USER_ID, PROJECT_ID, { q, limit: 10 })).items.length;
    });
    textAll.push(text.median);
    hybridAll.push(hybrid.median);
    console.log(`  ${`${label} (${q})`.padEnd(34)} text: ${ms(text)} [${textHits} hits] | hybrid: ${ms(hybrid)} [${hybridHits} hits] | hybrid/text ${ratio(hybrid, text)}`);
  }
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  console.log(`  mean of medians: text ${mean(textAll).toFixed(2)} ms, hybrid ${mean(hybridAll).toFixed(2)} ms (hybrid/text ${(mean(hybridAll) / mean(textAll)).toFixed(2)})`);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Migrates, loads and measures one database. `vacuum` runs VACUUM ANALYZE outside a transaction after the load, as
 * autovacuum would on a server soon after (PGlite has no autovacuum; the revision trigger's updates leave dead rows).
 */
async function run(label: string, db: Database, templates: Template[], vacuum: () => Promise<void>): Promise<void> {
  await migrateUp(db);
  await db.useRuntimeRole();
  const times = await load(db, templates, vacuum);
  const loaded = Object.entries(times).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ');
  const totalLoad = Object.values(times).reduce((a, b) => a + b, 0);
  console.log(`\n== ${label}: ${DOCUMENTS} documents × ${REVISIONS} revisions × ${SECTIONS_PER_REVISION} section(s), loaded in ${totalLoad.toFixed(1)} s (${loaded})`);
  console.log(`sections as indexRevisionSections stores them: ${(await checkSectionsMatchIndexer(db)) ? 'yes' : 'NO'}`);
  await measure(db);
}

const started = performance.now();
const templates = makeTemplates(TEMPLATES);
console.log(`${TEMPLATES} section texts and embeddings generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (process.env.BENCH_SKIP_PGLITE !== '1') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-documents-'));
  try {
    const pglite = await PGlite.create({ dataDir });
    const db = await openDatabase({ kind: 'pglite', pglite });
    try {
      await run('PGlite', db, templates, async () => {
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

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const scratch = await scratchDatabase(serverUrl);
  try {
    const db = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 2 });
    try {
      await run('PostgreSQL', db, templates, () => vacuumAnalyze(scratch.url));
    } finally {
      await db.close();
    }
  } finally {
    await scratch.drop();
  }
}
