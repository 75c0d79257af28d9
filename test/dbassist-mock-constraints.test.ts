import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChecks } from '../src/modules/dbassist/mock/checks.js';
import { fillDatabase, MockPlanError, planMock } from '../src/modules/dbassist/mock/index.js';
import { readCatalog } from './support/dbassist-pglite.js';

/**
 * The generator against constraints written for it on PGlite: short unique codes, ranges and lists from CHECKs,
 * enums, a self-reference, a cycle broken at a nullable key, a junction table with fewer pairs than rows asked for,
 * a one-to-one table — and the edge-case option (NULLs, maximum lengths, boundary numbers, Unicode) with every
 * constraint still holding.
 */

const SCHEMA = `
  CREATE TYPE level AS ENUM ('junior', 'senior', 'lead');
  CREATE TABLE departments (
    department_id serial PRIMARY KEY,
    name varchar(30) NOT NULL,
    head_id integer
  );
  CREATE TABLE employees (
    employee_id serial PRIMARY KEY,
    department_id integer NOT NULL REFERENCES departments,
    manager_id integer REFERENCES employees,
    code varchar(5) NOT NULL UNIQUE CHECK (char_length(code) >= 3),
    full_name text NOT NULL,
    level level NOT NULL,
    grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 10),
    bonus_share numeric(3,2) NOT NULL CHECK (bonus_share >= 0 AND bonus_share < 1),
    shift text NOT NULL CHECK (shift IN ('early', 'late', 'night')),
    note varchar(12),
    hired_on date NOT NULL
  );
  ALTER TABLE departments ADD FOREIGN KEY (head_id) REFERENCES employees;
  CREATE TABLE skills (skill_id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE);
  CREATE TABLE employee_skills (
    employee_id integer NOT NULL REFERENCES employees,
    skill_id integer NOT NULL REFERENCES skills,
    PRIMARY KEY (employee_id, skill_id)
  );
  CREATE TABLE profiles (employee_id integer PRIMARY KEY REFERENCES employees, bio text);`;

/** Each test starts PGlite instances, which take a while on a busy machine. */
const SLOW = 240_000;

const dbs: PGlite[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

async function company(sql = SCHEMA) {
  const db = await PGlite.create();
  dbs.push(db);
  await db.exec(sql);
  return { db, model: await readCatalog(db) };
}

async function one<T>(db: PGlite, sql: string): Promise<T> {
  return (await db.query<T>(sql)).rows[0]!;
}

describe('mock data and the constraints of a schema', () => {
  it('honours keys, checks, enums, references, a broken cycle, a junction and a one-to-one table', async () => {
    const { db, model } = await company();
    const result = await fillDatabase(db, model, { rows: { employees: 400, departments: 20, skills: 3, employee_skills: 5000, profiles: 1000 }, seed: 5 });
    const rows = new Map(result.tables.map((t) => [t.table, t.rows]));
    // 400 employees × 3 skills = 1200 pairs at most; a profile per employee at most.
    expect(rows.get('public.employee_skills')).toBeLessThanOrEqual(1200);
    expect(rows.get('public.employee_skills')).toBeGreaterThan(1000);
    expect(rows.get('public.profiles')).toBe(400);
    const stats = await one<Record<string, number | string>>(
      db,
      `SELECT count(*)::int AS employees, count(DISTINCT code)::int AS codes, min(char_length(code))::int AS shortest, max(char_length(code))::int AS longest,
              min(grade)::int AS low, max(grade)::int AS high, count(DISTINCT level)::int AS levels, count(DISTINCT shift)::int AS shifts,
              max(bonus_share)::text AS top_share, count(manager_id)::int AS managed, count(note)::int AS notes
         FROM employees`,
    );
    expect(stats).toMatchObject({ employees: 400, codes: 400, levels: 3, shifts: 3, notes: 400 });
    expect(stats.shortest).toBeGreaterThanOrEqual(3);
    expect(stats.longest).toBeLessThanOrEqual(5);
    expect(Number(stats.top_share)).toBeLessThan(1);
    // A self-reference points at earlier rows, most of the time.
    expect(stats.managed).toBeGreaterThan(200);
    expect(await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM employees e JOIN employees m ON m.employee_id = e.manager_id WHERE m.employee_id >= e.employee_id`)).toEqual({ n: 0 });
    // departments ↔ employees: departments come first, their head stays NULL.
    expect(result.tables.findIndex((t) => t.table === 'public.departments')).toBeLessThan(result.tables.findIndex((t) => t.table === 'public.employees'));
    expect(await one<{ n: number }>(db, `SELECT count(head_id)::int AS n FROM departments`)).toEqual({ n: 0 });
  }, SLOW);

  it('with edge cases puts NULLs, maximum lengths, boundary numbers and Unicode in, and every constraint still holds', async () => {
    const { db, model } = await company();
    await fillDatabase(db, model, { rows: { employees: 600, departments: 10, skills: 5, employee_skills: 100, profiles: 50 }, seed: 9, edgeCases: true });
    const edges = await one<Record<string, number>>(
      db,
      `SELECT count(*) FILTER (WHERE note IS NULL)::int AS null_notes,
              count(*) FILTER (WHERE char_length(note) = 12)::int AS full_notes,
              count(*) FILTER (WHERE note ~ '[^\\x01-\\x7e]' OR full_name ~ '[^\\x01-\\x7e]')::int AS unicode,
              count(*) FILTER (WHERE grade = 1)::int AS lowest, count(*) FILTER (WHERE grade = 10)::int AS highest,
              count(*) FILTER (WHERE bonus_share = 0.99)::int AS top_share, count(*) FILTER (WHERE manager_id IS NULL)::int AS unmanaged
         FROM employees`,
    );
    for (const [what, n] of Object.entries(edges)) expect(n, what).toBeGreaterThan(0);
    // Without the option, a column that may be NULL is still filled.
    const plain = await company();
    await fillDatabase(plain.db, plain.model, { rows: 300, seed: 9 });
    expect(await one<{ n: number }>(plain.db, `SELECT count(*) FILTER (WHERE note IS NULL)::int AS n FROM employees`)).toEqual({ n: 0 });
  }, SLOW);

  it('refuses a cycle of NOT NULL references, naming the tables', async () => {
    const { model } = await company(`
      CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
      CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a);
      ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;`);
    expect(() => planMock({ model, requested: [{ table: 'a', rows: 10 }] })).toThrow(MockPlanError);
    expect(() => planMock({ model, requested: [{ table: 'a', rows: 10 }] })).toThrow(/public\.a, public\.b|public\.b, public\.a/);
  }, SLOW);

  it('reads simple CHECKs in the spellings PostgreSQL and MySQL give them', () => {
    const { rules, notUnderstood } = parseChecks([
      '((quantity >= 1) AND (quantity <= 20))',
      '(price > (0)::numeric)',
      "(status = ANY (ARRAY['new'::text, 'paid'::text]))",
      "`channel` in (_utf8mb4'web',_utf8mb4'store')",
      '(score BETWEEN 0 AND 100)',
      '(char_length((code)::text) = 3)',
      "(nickname IS NULL OR length(nickname) <= 8)",
      '(ends_at > starts_at)',
    ]);
    expect(rules.get('quantity')).toMatchObject({ min: 1, max: 20 });
    expect(rules.get('price')).toMatchObject({ min: 0, minExclusive: true });
    expect(rules.get('status')!.values).toEqual(['new', 'paid']);
    expect(rules.get('channel')!.values).toEqual(['web', 'store']);
    expect(rules.get('score')).toMatchObject({ min: 0, max: 100 });
    expect(rules.get('code')).toMatchObject({ minLength: 3, maxLength: 3 });
    expect(rules.get('nickname')).toMatchObject({ maxLength: 8 });
    expect(notUnderstood).toEqual(['(ends_at > starts_at)']);
  });
});
