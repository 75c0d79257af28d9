import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { RUNTIME_ROLE, SYSTEM_ROLE, type Database, type Tx } from '../src/core/db/database.js';
import { withUser } from '../src/core/db/tenancy.js';
import { startServer } from '../src/server.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

type Row = Record<string, unknown>;
type Executor = Pick<Database['orm'], 'execute'> | Pick<Tx, 'execute'>;

/** Rows of a statement through drizzle on either driver (both answer with `{ rows }`). */
async function rowsOf<T = Row>(executor: Executor, query: SQL | string): Promise<T[]> {
  const result: unknown = await executor.execute(typeof query === 'string' ? sql.raw(query) : query);
  return (result as { rows: T[] }).rows;
}

/** Affected row count of a write through drizzle on either driver. */
async function affected(executor: Executor, query: SQL): Promise<number> {
  const result: unknown = await executor.execute(query);
  const { affectedRows, rowCount } = result as { rowCount?: number | null; affectedRows?: number };
  return Number(affectedRows ?? rowCount ?? 0);
}

/** The SQLSTATE of a failed statement, wherever the driver or drizzle put it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return sqlState(error) ?? `no SQLSTATE: ${(error as Error).message}`;
  }
  return 'not refused';
}

const INSUFFICIENT_PRIVILEGE = '42501'; // also the code of "new row violates row-level security policy"

type TableRef = { schema: string; name: string; qualified: string };

async function listTables(db: Database): Promise<TableRef[]> {
  const rows = await db.withAdmin((client) =>
    client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta')
         AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
       ORDER BY 1, 2`,
    ),
  );
  return rows.map((r) => ({ ...r, qualified: `"${r.schema}"."${r.name}"` }));
}

const ids = () => ({
  userA: crypto.randomUUID(),
  userB: crypto.randomUUID(),
  userC: crypto.randomUUID(),
  orgA: crypto.randomUUID(),
  orgB: crypto.randomUUID(),
  projectA: crypto.randomUUID(),
  projectB: crypto.randomUUID(),
  sessionA: crypto.randomUUID(),
  sessionB: crypto.randomUUID(),
});
type Ids = ReturnType<typeof ids>;

/** Two tenants, A (with C as a viewer of A's organization) and B, written as the table owner. */
async function seedTenants(db: Database, id: Ids): Promise<void> {
  await db.withAdmin(async (client) => {
    for (const [user, name] of [
      [id.userA, 'a'],
      [id.userB, 'b'],
      [id.userC, 'c'],
    ] as const) {
      await client.query(`INSERT INTO app.users (id, name, email, status, email_verified) VALUES ($1, $2, $3, 'active', true)`, [
        user,
        `User ${name}`,
        `${name}-${user}@example.test`,
      ]);
    }
    await client.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Org A', $2, $3), ($4, 'Org B', $5, $6)`, [
      id.orgA,
      `org-a-${id.orgA.slice(0, 8)}`,
      id.userA,
      id.orgB,
      `org-b-${id.orgB.slice(0, 8)}`,
      id.userB,
    ]);
    await client.query(
      `INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES
         ($1, $2, $3, 'owner'), ($4, $5, $6, 'owner'), ($7, $2, $8, 'viewer')`,
      [crypto.randomUUID(), id.orgA, id.userA, crypto.randomUUID(), id.orgB, id.userB, crypto.randomUUID(), id.userC],
    );
    await client.query(
      `INSERT INTO app.projects (id, organization_id, owner_id, name, key) VALUES ($1, $2, $3, 'Alpha', 'ALPHA'), ($4, $5, $6, 'Beta', 'BETA')`,
      [id.projectA, id.orgA, id.userA, id.projectB, id.orgB, id.userB],
    );
    for (const [session, user] of [
      [id.sessionA, id.userA],
      [id.sessionB, id.userB],
    ] as const) {
      await client.query(
        `INSERT INTO app.user_sessions (id, user_id, access_token_hash, access_expires_at, expires_at)
         VALUES ($1, $2, $3, now() + interval '15 minutes', now() + interval '30 days')`,
        [session, user, crypto.randomBytes(32).toString('hex')],
      );
      await client.query(
        `INSERT INTO app.tokens (id, user_id, session_id, token_hash, expiry_date) VALUES ($1, $2, $3, $4, now() + interval '30 days')`,
        [crypto.randomUUID(), user, session, crypto.randomBytes(32).toString('hex')],
      );
    }
    await client.query(
      `INSERT INTO app.audit_log (organization_id, user_id, action, resource_type, resource_id) VALUES
         ($1, $2, 'project.created', 'project', $3), ($4, $5, 'project.created', 'project', $6)`,
      [id.orgA, id.userA, id.projectA, id.orgB, id.userB, id.projectB],
    );
    await client.query(`INSERT INTO app.login_attempts (email, ip_address, succeeded) VALUES ('a@example.test', '127.0.0.1', true)`);
  });
}

describe.each(testDrivers)('row level security on %s', (kind) => {
  let t: TestDatabase;
  let db: Database;
  let tables: TableRef[];
  const id = ids();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    await seedTenants(db, id);
    tables = await listTables(db);
  });
  afterAll(async () => t?.drop());

  it('finds the platform tables, and the owner sees rows in each', async () => {
    const names = tables.map((x) => `${x.schema}.${x.name}`);
    for (const table of ['app.users', 'app.tokens', 'app.user_sessions', 'app.login_attempts', 'app.organizations', 'app.organization_members', 'app.projects', 'app.audit_log']) {
      expect(names).toContain(table);
      const [row] = await db.withAdmin((client) => client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`));
      expect(row!.n, table).toBeGreaterThan(0);
    }
  });

  it('connections default to the runtime role', async () => {
    const [row] = await rowsOf<{ current_user: string }>(db.orm, 'SELECT current_user');
    expect(row!.current_user).toBe(RUNTIME_ROLE);
    const inUser = await withUser(db, id.userA, (tx) => rowsOf<{ current_user: string; uid: string }>(tx, `SELECT current_user, app.current_user_id()::text AS uid`));
    expect(inUser[0]).toEqual({ current_user: RUNTIME_ROLE, uid: id.userA });
    // The user is transaction-local: the next statement on the connection acts for nobody again.
    const [after] = await rowsOf<{ uid: string | null }>(db.orm, 'SELECT app.current_user_id()::text AS uid');
    expect(after!.uid).toBeNull();
  });

  it('the runtime role sees no row of any table without a user (or with an unknown one)', async () => {
    const seen: string[] = [];
    for (const table of tables) {
      const readable = await db.withAdmin((client) =>
        client.query<{ ok: boolean }>(`SELECT has_table_privilege($1, $2, 'SELECT') AS ok`, [RUNTIME_ROLE, table.qualified]),
      );
      const contexts: Array<[string, () => Promise<Row[]>]> = [
        ['no user set', () => rowsOf(db.orm, `SELECT * FROM ${table.qualified}`)],
        [
          'empty user',
          () =>
            db.orm.transaction(async (tx) => {
              await tx.execute(sql`SELECT set_config('app.current_user_id', '', true)`);
              return rowsOf(tx, `SELECT * FROM ${table.qualified}`);
            }),
        ],
        ['unknown user', () => withUser(db, crypto.randomUUID(), (tx) => rowsOf(tx, `SELECT * FROM ${table.qualified}`))],
      ];
      for (const [label, read] of contexts) {
        if (readable[0]!.ok) {
          const rows = await read();
          if (rows.length) seen.push(`${table.qualified} (${label}): ${rows.length} rows`);
        } else {
          // No SELECT grant at all: the table is closed more tightly still.
          expect(await refusal(read), `${table.qualified} (${label})`).toBe(INSUFFICIENT_PRIVILEGE);
        }
      }
    }
    expect(seen).toEqual([]);
  });

  it('the runtime role cannot write without a user', async () => {
    expect(
      await refusal(() =>
        db.orm.execute(sql`INSERT INTO app.organizations (id, name, slug) VALUES (${crypto.randomUUID()}, 'x', ${`x-${Date.now()}`})`),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await refusal(() =>
        db.orm.execute(sql`INSERT INTO app.projects (id, organization_id, name, key) VALUES (${crypto.randomUUID()}, ${id.orgA}, 'x', 'XX')`),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await affected(db.orm, sql`UPDATE app.projects SET name = 'changed'`)).toBe(0);
    expect(await affected(db.orm, sql`DELETE FROM app.organization_members`)).toBe(0);
    expect(await affected(db.orm, sql`DELETE FROM app.users`)).toBe(0);
    const [counts] = await db.withAdmin((client) =>
      client.query<{ members: number; users: number; renamed: number }>(
        `SELECT (SELECT count(*)::int FROM app.organization_members) AS members, (SELECT count(*)::int FROM app.users) AS users,
                (SELECT count(*)::int FROM app.projects WHERE name = 'changed') AS renamed`,
      ),
    );
    expect(counts).toMatchObject({ members: 3, renamed: 0 });
    expect(counts!.users).toBeGreaterThanOrEqual(3);
  });

  it('every table has row level security enabled, forced, and at least one policy', async () => {
    const rows = await db.withAdmin((client) =>
      client.query<{ schema: string; name: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT n.nspname AS schema, c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta')
           AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
         ORDER BY 1, 2`,
      ),
    );
    expect(rows.length).toBe(tables.length);
    const open = rows.filter((r) => !r.enabled || !r.forced || r.policies < 1).map((r) => `${r.schema}.${r.name}`);
    expect(open, 'tables without enabled + forced RLS and a policy').toEqual([]);
  });

  it('views run with the caller’s rights, and materialized views are closed to the runtime role', async () => {
    const rows = await db.withAdmin((client) =>
      client.query<{ name: string; kind: string; invoker: boolean; readable: boolean }>(
        `SELECT n.nspname || '.' || c.relname AS name, c.relkind::text AS kind,
                coalesce(c.reloptions::text[] && ARRAY['security_invoker=true', 'security_invoker=on'], false) AS invoker,
                has_table_privilege($1, c.oid, 'SELECT') AS readable
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('v', 'm')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'atelier_meta')
           AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
        [RUNTIME_ROLE],
      ),
    );
    const leaks = rows.filter((r) => (r.kind === 'v' ? !r.invoker : r.readable)).map((r) => r.name);
    expect(leaks, 'views that would read as their owner').toEqual([]);
  });

  it('the runtime role is no superuser, cannot bypass row level security, belongs to no role and owns nothing', async () => {
    const [role] = await db.withAdmin((client) =>
      client.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean; memberships: number; owned_relations: number; owned_schemas: number; owned_functions: number; owned_types: number; meta_usage: boolean }>(
        `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships,
                (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned_relations,
                (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid) AS owned_schemas,
                (SELECT count(*)::int FROM pg_proc p WHERE p.proowner = r.oid) AS owned_functions,
                (SELECT count(*)::int FROM pg_type ty WHERE ty.typowner = r.oid) AS owned_types,
                has_schema_privilege(r.oid, 'atelier_meta', 'USAGE') AS meta_usage
         FROM pg_roles r WHERE r.rolname = $1`,
        [RUNTIME_ROLE],
      ),
    );
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      memberships: 0, // a member of another role could SET ROLE to it
      owned_relations: 0, // an owner is exempt from non-forced RLS and may ALTER or DROP the table
      owned_schemas: 0,
      owned_functions: 0,
      owned_types: 0,
      meta_usage: false,
    });
    // The role that does bypass RLS owns no table either: only the helper functions the policies call.
    const [system] = await db.withAdmin((client) =>
      client.query<{ rolsuper: boolean; owned_relations: number }>(
        `SELECT r.rolsuper, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned_relations
         FROM pg_roles r WHERE r.rolname = $1`,
        [SYSTEM_ROLE],
      ),
    );
    expect(system).toEqual({ rolsuper: false, owned_relations: 0 });
  });

  it('a user sees their own organizations, projects, members and records, and none of another tenant’s', async () => {
    const visible = (user: string) =>
      withUser(db, user, async (tx) => ({
        organizations: (await rowsOf<{ id: string }>(tx, 'SELECT id FROM app.organizations ORDER BY name')).map((r) => r.id),
        projects: (await rowsOf<{ id: string }>(tx, 'SELECT id FROM app.projects ORDER BY name')).map((r) => r.id),
        members: (await rowsOf<{ user_id: string; organization_id: string }>(tx, 'SELECT user_id, organization_id FROM app.organization_members'))
          .map((r) => `${r.organization_id}:${r.user_id}`)
          .sort(),
        users: (await rowsOf<{ id: string }>(tx, 'SELECT id FROM app.users')).map((r) => r.id).sort(),
        sessions: (await rowsOf<{ user_id: string }>(tx, 'SELECT user_id FROM app.user_sessions')).map((r) => r.user_id),
        tokens: (await rowsOf<{ user_id: string }>(tx, 'SELECT user_id FROM app.tokens')).map((r) => r.user_id),
        audit: (await rowsOf<{ user_id: string }>(tx, 'SELECT user_id FROM app.audit_log')).map((r) => r.user_id),
      }));

    expect(await visible(id.userA)).toEqual({
      organizations: [id.orgA],
      projects: [id.projectA],
      members: [`${id.orgA}:${id.userA}`, `${id.orgA}:${id.userC}`].sort(),
      users: [id.userA, id.userC].sort(),
      sessions: [id.userA],
      tokens: [id.userA],
      audit: [id.userA],
    });
    expect(await visible(id.userB)).toEqual({
      organizations: [id.orgB],
      projects: [id.projectB],
      members: [`${id.orgB}:${id.userB}`],
      users: [id.userB],
      sessions: [id.userB],
      tokens: [id.userB],
      audit: [id.userB],
    });
    // C is a viewer of A's organization: reads it, not the organization's audit trail (admins only), nothing of B's.
    expect(await visible(id.userC)).toEqual({
      organizations: [id.orgA],
      projects: [id.projectA],
      members: [`${id.orgA}:${id.userA}`, `${id.orgA}:${id.userC}`].sort(),
      users: [id.userA, id.userC].sort(),
      sessions: [],
      tokens: [],
      audit: [],
    });
  });

  it('a user cannot change another tenant’s rows, nor write beyond their role', async () => {
    const asA = <T>(work: (tx: Tx) => Promise<T>) => withUser(db, id.userA, work);
    expect(await asA((tx) => affected(tx, sql`UPDATE app.projects SET name = 'hijacked' WHERE id = ${id.projectB}`))).toBe(0);
    expect(await asA((tx) => affected(tx, sql`DELETE FROM app.projects WHERE id = ${id.projectB}`))).toBe(0);
    expect(await asA((tx) => affected(tx, sql`UPDATE app.organizations SET name = 'hijacked' WHERE id = ${id.orgB}`))).toBe(0);
    expect(await asA((tx) => affected(tx, sql`DELETE FROM app.organization_members WHERE organization_id = ${id.orgB}`))).toBe(0);
    expect(await asA((tx) => affected(tx, sql`UPDATE app.users SET name = 'hijacked' WHERE id = ${id.userB}`))).toBe(0);
    expect(await asA((tx) => affected(tx, sql`DELETE FROM app.user_sessions WHERE user_id = ${id.userB}`))).toBe(0);
    expect(
      await refusal(() =>
        asA((tx) => tx.execute(sql`INSERT INTO app.projects (id, organization_id, name, key) VALUES (${crypto.randomUUID()}, ${id.orgB}, 'Mine', 'MINE')`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await refusal(() =>
        asA((tx) => tx.execute(sql`INSERT INTO app.organization_members (id, organization_id, user_id, role) VALUES (${crypto.randomUUID()}, ${id.orgB}, ${id.userA}, 'owner')`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await refusal(() =>
        asA((tx) => tx.execute(sql`INSERT INTO app.audit_log (user_id, action, resource_type) VALUES (${id.userB}, 'forged', 'user')`)),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    // Moving one's own project into another tenant's organization is refused too.
    expect(
      await refusal(() => asA((tx) => tx.execute(sql`UPDATE app.projects SET organization_id = ${id.orgB} WHERE id = ${id.projectA}`))),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    // A viewer reads but does not write.
    expect(await withUser(db, id.userC, (tx) => affected(tx, sql`UPDATE app.projects SET name = 'by viewer' WHERE id = ${id.projectA}`))).toBe(0);
    // The same statements work on one's own rows, so the zeros above are the policies at work.
    expect(await asA((tx) => affected(tx, sql`UPDATE app.projects SET description = 'mine' WHERE id = ${id.projectA}`))).toBe(1);

    const [state] = await db.withAdmin((client) =>
      client.query<{ hijacked: number; b_members: number; b_project: number; b_sessions: number }>(
        `SELECT (SELECT count(*)::int FROM app.projects WHERE name IN ('hijacked', 'by viewer')) +
                (SELECT count(*)::int FROM app.organizations WHERE name = 'hijacked') +
                (SELECT count(*)::int FROM app.users WHERE name = 'hijacked') AS hijacked,
                (SELECT count(*)::int FROM app.organization_members WHERE organization_id = $1) AS b_members,
                (SELECT count(*)::int FROM app.projects WHERE id = $2 AND organization_id = $1) AS b_project,
                (SELECT count(*)::int FROM app.user_sessions WHERE user_id = $3) AS b_sessions`,
        [id.orgB, id.projectB, id.userB],
      ),
    );
    expect(state).toEqual({ hijacked: 0, b_members: 1, b_project: 1, b_sessions: 1 });
  });

  it('the audit log is append-only in the database, even for the table owner', async () => {
    const count = async () =>
      (await db.withAdmin((client) => client.query<{ n: number }>('SELECT count(*)::int AS n FROM app.audit_log')))[0]!.n;
    const before = await count();
    for (const statement of [
      `UPDATE app.audit_log SET action = 'rewritten'`,
      'DELETE FROM app.audit_log',
      'TRUNCATE app.audit_log',
    ]) {
      const error = await db.withAdmin((client) => client.exec(statement)).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message, statement).toMatch(/append-only/);
    }
    // The runtime role has no UPDATE or DELETE right on it at all.
    for (const statement of [sql`UPDATE app.audit_log SET action = 'rewritten'`, sql`DELETE FROM app.audit_log`]) {
      expect(await refusal(() => withUser(db, id.userA, (tx) => tx.execute(statement)))).toBe(INSUFFICIENT_PRIVILEGE);
    }
    expect(await count()).toBe(before);
    const [rewritten] = await db.withAdmin((client) =>
      client.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.audit_log WHERE action = 'rewritten'`),
    );
    expect(rewritten!.n).toBe(0);
  });

  it('the server runs its connections as the runtime role', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-rls-'));
    const server = await startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        ...(kind === 'postgres' ? { DATABASE_URL: t.url } : {}),
      }),
    );
    try {
      expect(server.db.kind).toBe(kind);
      const [row] = await rowsOf<{ current_user: string; is_superuser: string }>(
        server.db.orm,
        `SELECT current_user, current_setting('is_superuser') AS is_superuser`,
      );
      expect(row).toEqual({ current_user: RUNTIME_ROLE, is_superuser: 'off' });
      expect(await rowsOf(server.db.orm, 'SELECT id FROM app.organizations')).toEqual([]);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
