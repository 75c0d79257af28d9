import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askSqlOffline } from '../src/modules/dbassist/ai/ask-sql/offline.js';
import { askContext } from '../src/modules/dbassist/ask/retrieve-context.js';
import { loadSampleDatabase, readCatalog, type LoadedSample } from './support/dbassist-pglite.js';
import { pgliteLookup, runQuestionSet, sampledFacts } from './support/nl-to-sql-eval.js';
import { PGlite } from '@electric-sql/pglite';

/**
 * Questions to SQL with the built-in parser, scored by running the generated SQL and the reference on the same
 * PGlite database and comparing results (Pagila ships without rows: the mock-data generator fills it, seeded). The floors are what the parser measured when these tests were written
 * (bench/nl-to-sql.bench.ts prints the figures); a change that makes it answer fewer questions right fails here.
 */
const FLOORS: Record<string, number> = { chinook: 0.9, northwind: 0.9, pagila: 0.9 };

describe('execution accuracy of the offline engine', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`answers the ${name} question set at least ${floor * 100}% right`, async () => {
      const { results, accuracy } = await runQuestionSet(name);
      const wrong = results.filter((r) => !r.correct).map((r) => `${r.question} → ${r.output.sql ?? `not understood: ${r.output.notUnderstood.join(', ')}`}`);
      expect(accuracy, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
    }, 240_000);
  }
});

describe('questions about Chinook', () => {
  let sample: LoadedSample;
  const ask = async (question: string) => askSqlOffline(await askContext(question, sample.model, await sampledFacts(sample), { lookup: pgliteLookup(sample.pglite) }));

  beforeAll(async () => {
    sample = await loadSampleDatabase('chinook/Chinook_PostgreSql.sql');
  });
  afterAll(async () => {
    await sample?.close();
  });

  it('gives one row per genre for "How many tracks are in each genre?", offline', async () => {
    const answer = await ask('How many tracks are in each genre?');
    expect(answer.sql).not.toBeNull();
    expect(answer.tables.sort()).toEqual(['public.genre', 'public.track']);
    const rows = (await sample.pglite.query<Record<string, unknown>>(answer.sql!)).rows;
    const genres = (await sample.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM genre WHERE EXISTS (SELECT 1 FROM track WHERE track.genre_id = genre.genre_id)')).rows[0]!.n;
    expect(rows).toHaveLength(genres);
    const total = rows.reduce((sum, row) => sum + Number(Object.values(row).at(-1)), 0);
    expect(total).toBe((await sample.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM track WHERE genre_id IS NOT NULL')).rows[0]!.n);
    expect(answer.explanation).toMatch(/genre/);
  });

  it('answers no SQL and names the part it did not understand, instead of guessing', async () => {
    const answer = await ask('How many tracks are purple?');
    expect(answer.sql).toBeNull();
    expect(answer.notUnderstood).toEqual(['purple']);
    expect(answer.explanation).toContain('"purple"');
    const unknownThing = await ask('List the spaceships of each artist');
    expect(unknownThing.sql).toBeNull();
    expect(unknownThing.notUnderstood).toContain('spaceships');
  });

  it('finds a value the question names in the data and filters on its column, joined along the foreign keys', async () => {
    const answer = await ask('How many albums does Led Zeppelin have?');
    expect(answer.sql).toMatch(/'Led Zeppelin'/);
    const count = (await sample.pglite.query<Record<string, unknown>>(answer.sql!)).rows[0]!;
    expect(Number(Object.values(count)[0])).toBe(14);
  });
});

describe('a database the parser has never seen', () => {
  let pglite: PGlite;

  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.exec(`
      CREATE TABLE writers (writer_id integer PRIMARY KEY, full_name text NOT NULL, nationality text);
      CREATE TABLE books (book_id integer PRIMARY KEY, title text NOT NULL, writer_id integer REFERENCES writers, pages integer, published_on date);
      CREATE TABLE members (member_id integer PRIMARY KEY, first_name text, last_name text);
      CREATE TABLE loans (loan_id integer PRIMARY KEY, book_id integer NOT NULL REFERENCES books, member_id integer NOT NULL REFERENCES members, loaned_at date NOT NULL);
      INSERT INTO writers VALUES (1, 'Ursula K. Le Guin', 'American'), (2, 'Stanislaw Lem', 'Polish'), (3, 'Olga Tokarczuk', 'Polish');
      INSERT INTO books VALUES (1, 'The Dispossessed', 1, 387, '1974-05-01'), (2, 'Solaris', 2, 204, '1961-01-01'), (3, 'The Lathe of Heaven', 1, 184, '1971-10-01'),
        (4, 'Flights', 3, 403, '2007-01-01'), (5, 'His Master''s Voice', 2, 199, '1968-01-01');
      INSERT INTO members VALUES (1, 'Ada', 'Byron'), (2, 'Alan', 'Turing'), (3, 'Grace', 'Hopper'), (4, 'Edsger', 'Dijkstra');
      INSERT INTO loans VALUES (1, 1, 1, '2024-01-10'), (2, 2, 1, '2024-02-11'), (3, 2, 2, '2024-03-01'), (4, 4, 2, '2025-01-05'), (5, 2, 3, '2025-02-07');
    `);
  });
  afterAll(async () => {
    await pglite?.close();
  });

  it('reads its tables, columns, values and foreign keys from the schema alone', async () => {
    const model = await readCatalog(pglite);
    const facts = { tableDescription: () => null, column: () => ({ description: null, stats: null }) };
    const lookup = pgliteLookup(pglite);
    const run = async (question: string) => {
      const answer = askSqlOffline(await askContext(question, model, facts, { lookup }));
      expect(answer.sql, `${question}: ${answer.notUnderstood.join(', ')}`).not.toBeNull();
      return (await pglite.query<Record<string, unknown>>(answer.sql!, [], { rowMode: 'array' })).rows as unknown as unknown[][];
    };
    expect((await run('How many books does each writer have?')).map((r) => `${String(r[0])}:${String(r[1])}`).sort()).toEqual(['Olga Tokarczuk:1', 'Stanislaw Lem:2', 'Ursula K. Le Guin:2']);
    expect((await run('Which book has the most loans?')).map((r) => r[0])).toEqual(['Solaris']);
    expect((await run('Which members have no loans?')).map((r) => r.join(' '))).toEqual(['Edsger Dijkstra']);
    expect((await run('How many loans were there in 2024?'))).toEqual([[3]]);
    expect((await run('List the books by Stanislaw Lem')).map((r) => r[0]).sort()).toEqual(["His Master's Voice", 'Solaris']);
    expect((await run('How many books have more than 300 pages?'))).toEqual([[2]]);
    expect((await run('How many writers are there per nationality?')).map((r) => `${String(r[0])}:${String(r[1])}`).sort()).toEqual(['American:1', 'Polish:2']);
    // Ranking by a column, by a measure already read, and by date.
    expect((await run('Which nationality has the most writers?')).map((r) => r[0])).toEqual(['Polish']);
    expect((await run('Which writer has the highest average pages?')).map((r) => r[0])).toEqual(['Olga Tokarczuk']);
    expect((await run('Show the 2 most recent loans')).map((r) => String(r[0]))).toEqual(['5', '4']);
  });
});
