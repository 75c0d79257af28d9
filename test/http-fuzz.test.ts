import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, userSessions, users } from '../src/core/db/platform.schema.js';
import { asSystem } from '../src/core/db/tenancy.js';
import { createLogger } from '../src/core/logging.js';
import { createUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Property-based fuzzing of the whole API, driven by its OpenAPI document: every operation gets generated path
 * parameters (real ids of a signed-in user's organization and project, or hostile strings), query strings and bodies
 * (shaped like the schema, with wrong types, U+0000, lone surrogates, huge and negative numbers, deep nesting, SQL and
 * path traversal mixed in). No answer may be a 5xx, and afterwards the server's log may hold no secret of the user.
 *
 * Each operation first gets a sweep (its real URL with each query parameter, then each body field, poisoned in
 * turn), then FUZZ_RUNS random requests (default 8). FUZZ_SEED replays the seed a failure printed; FUZZ_DEBUG=1
 * prints the answers per operation and every 400, to see how far the generated requests get.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const PASSWORD = 'Orchid-Lantern-Quarry-58';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  required?: string[];
  minItems?: number;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** A value nested `depth` levels deep, written out without recursion when the body is serialized. */
class Deep {
  constructor(readonly depth: number) {}
}

/** JSON text of a generated value; Deep values become `[[[…1…]]]`, lone surrogates are escaped as JSON allows. */
function toJson(value: unknown): string {
  if (value instanceof Deep) return `${'['.repeat(value.depth)}1${']'.repeat(value.depth)}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Percent-encoding that also sends lone surrogates (as the bytes of their 3-byte form, which is not valid UTF-8). */
function encode(text: string): string {
  let result = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    result += code >= 0xd800 && code <= 0xdfff && character.length === 1 ? `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (code & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(character);
  }
  return result;
}

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    "'; DROP TABLE app.users; --",
    "' OR '1'='1",
    '1; SELECT pg_sleep(0)',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%00',
    '%2e%2e%2f%2e%2e%2f',
    '${7*7}{{7*7}}<%= 7*7 %>',
    '<script>alert(1)</script>',
    '\u202egnp.exe',
    '',
    ' ',
    '-1',
    '1e308',
    '99999999999999999999999',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: anyCodeUnit, maxLength: 24 }),
  fc.constant('x'.repeat(300)),
  fc.constant('é'.repeat(70_000)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, -0.000001) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { '\u0000': 1 }, { __proto__: 'x' }) },
  { weight: 1, arbitrary: fc.constantFrom(new Deep(10_000), new Deep(40), { a: new Deep(33) }) },
);

function stringMatching(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

/** Now and then (one time in eight) a value, else null. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** `text` with U+0000 or a lone surrogate inserted somewhere: the right type and length, but not storable. */
function tainted(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.nat())
    .map(([value, poison, at]) => {
      const index = value.length ? at % value.length : 0;
      return `${value.slice(0, index)}${poison}${value.slice(index + 1)}`;
    });
}

/** A value that fits the schema well enough to get past validation some of the time (and is poisoned some of that). */
function plausible(schema: JsonSchema | undefined, ids: Record<string, string>, depth = 0): fc.Arbitrary<unknown> {
  const value = shaped(schema, ids, depth);
  const type = Array.isArray(schema?.type) ? schema.type.find((t) => t !== 'null') : schema?.type;
  if (type === 'string' && !schema?.enum && schema?.format !== 'uuid') {
    // Past the nesting depth `shaped` gives any JSON value: only text is poisoned.
    const text = value.filter((candidate): candidate is string => typeof candidate === 'string');
    return fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: tainted(text) });
  }
  if (type === 'object' && !schema?.properties) {
    const poisoned = fc.constantFrom<unknown>({ nested: new Deep(10_000) }, { a: { b: new Deep(40) } }, { 'key\u0000': 1 }, { note: 'x\u0000y' }, { note: '\ud800' });
    return fc.oneof({ weight: 2, arbitrary: value }, { weight: 1, arbitrary: poisoned });
  }
  if (type === 'integer' || type === 'number') {
    return fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(-1, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER + 2, 1e20) });
  }
  return value;
}

function shaped(schema: JsonSchema | undefined, ids: Record<string, string>, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((alternative) => plausible(alternative, ids, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...Object.values(ids)), fc.uuid());
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'email') return fc.emailAddress();
      const matching = schema.pattern ? stringMatching(schema.pattern) : undefined;
      if (matching) return matching;
      const sized = fc.string({ minLength: Math.min(schema.minLength ?? 1, 20), maxLength: Math.max(Math.min(schema.maxLength ?? 20, 20), 1) });
      return fc.oneof(sized, fc.constantFrom('Payments', 'flowchart TD\n A-->B', '# Title\n\nText', '<p>Hi</p>'));
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 100, 100) });
    case 'number':
      return fc.double({ min: -5, max: 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items, ids, depth + 1), { maxLength: 3 });
    case 'object':
      if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      return fieldsOf(schema, ids, depth + 1);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An object with the schema's fields: each absent, plausible or hostile; now and then one it does not know. */
function fieldsOf(schema: JsonSchema, ids: Record<string, string>, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {});
  const field = (property: JsonSchema) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: plausible(property, ids, depth) }, { weight: 1, arbitrary: hostileValue });
  return fc
    .tuple(fc.tuple(...fields.map(([, property]) => field(property))), sometimes(fc.tuple(hostileText, hostileValue)))
    .map(([values, extra]) => {
      const body: Record<string, unknown> = {};
      fields.forEach(([name], index) => {
        if (values[index] !== undefined) body[name] = values[index];
      });
      if (extra) body[extra[0]] = extra[1];
      return body;
    });
}

/** A value the schema most likely accepts: the baseline that one poisoned field is then put into. */
function valid(schema: JsonSchema | undefined, ids: Record<string, string>, name = ''): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant('Fuzz value');
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = (schema.anyOf ?? schema.oneOf)?.filter((alternative) => alternative.type !== 'null');
  if (alternatives?.length) return valid(alternatives[0], ids, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.constant(name.toLowerCase().includes('organization') ? ids.orgId : (ids[name] ?? ids.documentId));
      if (schema.format === 'date') return fc.constant('2030-01-15');
      if (schema.format === 'date-time') return fc.constant(new Date().toISOString());
      if (schema.format === 'email') return fc.uuid().map((id) => `fuzz-${id.slice(0, 8)}@example.test`);
      if (schema.pattern) return stringMatching(schema.pattern) ?? fc.constant('Fuzz value');
      if (/password/i.test(name)) return fc.constant('Velvet-Compass-Harbor-91');
      if (/mermaid/i.test(name)) return fc.constant('flowchart TD\n  A-->B');
      if (/html/i.test(name)) return fc.constant('<p>Hi</p>');
      if (/css/i.test(name)) return fc.constant('p { color: red; }');
      return fc.constant('Fuzz value');
    case 'integer':
    case 'number':
      return fc.constant(Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? 1));
    case 'boolean':
      return fc.constant(true);
    case 'array':
      return schema.minItems ? valid(schema.items, ids).map((item) => [item]) : fc.constant([]);
    case 'object':
      if (!schema.properties) return fc.constant({});
      return fc.tuple(...(schema.required ?? []).map((key) => valid(schema.properties?.[key], ids, key))).map((values) =>
        Object.fromEntries((schema.required ?? []).map((key, index) => [key, values[index]])),
      );
    default:
      return fc.constant(null);
  }
}

/** What one poisoned field gets: unstorable text of the right type, a hostile value, poisoned JSON, an extreme number. */
function poison(schema: JsonSchema | undefined, ids: Record<string, string>, name: string): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema?.type) ? schema.type.find((t) => t !== 'null') : schema?.type;
  const alternatives: fc.Arbitrary<unknown>[] = [hostileValue];
  if (type === 'string' || schema?.anyOf?.some((alternative) => alternative.type === 'string')) {
    alternatives.push(tainted(valid(schema, ids, name).map(String)), tainted(valid(schema, ids, name).map(String)));
  }
  if (type === 'object' || type === undefined) {
    alternatives.push(fc.constantFrom<unknown>({ nested: new Deep(10_000) }, new Deep(10_000), { 'key\u0000': 1 }, { note: 'x\u0000y' }, { note: '\ud800' }));
  }
  if (type === 'integer' || type === 'number') alternatives.push(fc.constantFrom(-1, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER + 2, 1e20));
  return fc.oneof(...alternatives);
}

/**
 * A body for the schema: most often a valid one with exactly one field poisoned (so the poison gets past validation
 * of the other fields and reaches the service and the database), else a random mix, else something hostile whole.
 */
function bodyFor(schema: JsonSchema | undefined, ids: Record<string, string>): fc.Arbitrary<unknown> {
  const objectSchema = schema?.properties ? schema : (schema?.anyOf ?? schema?.oneOf)?.find((s) => s.properties);
  const fields = Object.keys(objectSchema?.properties ?? {});
  const onePoisoned = objectSchema && fields.length
    ? fc
        .tuple(valid(objectSchema, ids), fc.constantFrom(...fields))
        .chain(([base, field]) =>
          poison(objectSchema.properties?.[field], ids, field).map((value) => ({ ...(base as Record<string, unknown>), [field]: value })),
        )
    : undefined;
  return fc.oneof(
    ...(onePoisoned ? [{ weight: 4, arbitrary: onePoisoned }] : []),
    { weight: 3, arbitrary: objectSchema ? fieldsOf(objectSchema, ids) : plausible(schema, ids) },
    { weight: 1, arbitrary: hostileValue },
  );
}

function queryFor(parameters: Parameter[], ids: Record<string, string>): fc.Arbitrary<string> {
  const query = parameters.filter((p) => p.in === 'query');
  const value = (parameter: Parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: plausible(parameter.schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
      { weight: 1, arbitrary: hostileText },
    );
  return fc
    .tuple(fc.tuple(...query.map(value)), sometimes(fc.tuple(hostileText, hostileText)))
    .map(([values, extra]) => {
      const pairs = query.flatMap((parameter, index) => (values[index] === undefined ? [] : [`${parameter.name}=${encode(values[index])}`]));
      if (extra) pairs.push(`${encode(extra[0])}=${encode(extra[1])}`);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });
}

type Fixture = {
  token: string;
  ids: Record<string, string>;
  /** Values that must never be in the log. */
  secrets: string[];
};

describe('API fuzzing from the OpenAPI document', () => {
  let t: TestApp;
  const logLines: string[] = [];
  let spec: OpenApi;
  let fixture: Fixture;

  async function api(method: string, url: string, body?: unknown, token = fixture?.token) {
    return call(t.app, method, `/api/v1${url}`, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  }

  beforeAll(async () => {
    const logger = createLogger('debug', new Writable({ write: (chunk: Buffer, _encoding, done) => done(void logLines.push(chunk.toString())) }));
    t = await createTestApp('pglite', {}, { logger });
    spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();

    // A user made through the API, so the database holds a real password hash and real token hashes.
    const email = `fuzz-${Date.now()}@example.test`;
    expect((await api('POST', '/auth/register', { name: 'Fuzz Owner', email, password: PASSWORD }, '')).statusCode).toBe(202);
    const verifyToken = new URL(/https?:\/\/\S+\/verify-email\?\S+/.exec(t.mail.at(-1)!.text)![0]).searchParams.get('token')!;
    const [registered] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    const verificationHash = registered!.emailVerificationTokenHash!;
    expect((await api('POST', '/auth/verify-email', { token: verifyToken }, '')).statusCode).toBe(200);
    const login = await api('POST', '/auth/login', { email, password: PASSWORD }, '');
    expect(login.statusCode).toBe(200);
    const { accessToken, refreshToken } = login.data as { accessToken: string; refreshToken: string };
    // A pending reset code, so its hash is in the database too.
    expect((await api('POST', '/auth/forgot-password', { email }, '')).statusCode).toBe(202);

    const token = accessToken;
    const org = await api('POST', '/organizations', { name: 'Fuzz team' }, token);
    const member = await createUser(t);
    await api('POST', `/organizations/${org.data.id}/members`, { email: member.email, role: 'editor' }, token);
    const project = await api('POST', '/projects', { name: 'Fuzz project', organizationId: org.data.id, description: 'A product to fuzz' }, token);
    const projectId = project.data.id as string;
    const document = await api('POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'Spec', contentMarkdown: '# Goals\n\nShip.\n' }, token);
    const diagram = await api('POST', `/projects/${projectId}/diagrams`, { type: 'flowchart', title: 'Flow', mermaidCode: 'flowchart TD\n A-->B' }, token);
    const wireframe = await api('POST', `/projects/${projectId}/wireframes`, { title: 'Screen', htmlContent: '<p>Hi</p>' }, token);
    const conversation = await api('POST', `/projects/${projectId}/conversations`, {}, token);
    // A finished job, so following its events ends at once.
    const job = await api('POST', `/projects/${projectId}/documents/generate`, { type: 'srs' }, token);
    await api('POST', `/jobs/${job.data.jobId}/cancel`, undefined, token);
    const tasks = await api('GET', '/ai/tasks', undefined, token);
    for (const created of [org, project, document, diagram, wireframe, conversation, job, tasks]) {
      expect(created.statusCode, JSON.stringify(created.data)).toBeLessThan(300);
    }

    const [user] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
    const sessions = await asSystem(t.database.db, (tx) => tx.select().from(userSessions).where(eq(userSessions.userId, user!.id)));
    const refreshTokens = await asSystem(t.database.db, (tx) => tx.select().from(tokens).where(eq(tokens.userId, user!.id)));
    const secrets = [
      PASSWORD,
      user!.passwordHash!,
      user!.resetCodeHash!,
      verificationHash,
      verifyToken,
      accessToken,
      refreshToken,
      ...sessions.map((s) => s.accessTokenHash),
      ...refreshTokens.map((r) => r.tokenHash),
    ];
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length >= 16), 'every secret was found').toBe(true);
    expect(user!.passwordHash).toMatch(/^\$argon2/);

    const taskName = ((tasks.data as { items?: { name: string }[] }).items ?? (tasks.data as { name: string }[]))[0]?.name ?? 'project-brief';
    fixture = {
      token,
      secrets,
      ids: {
        orgId: org.data.id as string,
        projectId,
        documentId: document.data.id as string,
        diagramId: diagram.data.id as string,
        wireframeId: (wireframe.data.wireframe?.id ?? wireframe.data.id) as string,
        conversationId: conversation.data.id as string,
        jobId: job.data.jobId as string,
        userId: member.id,
        taskName,
      },
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  /**
   * The real value for a path parameter of `path`. The AI settings routes get an id of no organization: fuzzed provider
   * settings saved or tested for a real one would send requests off the machine.
   */
  function realParameter(path: string, name: string): string {
    const { ids } = fixture;
    if (path.includes('/ai-settings')) return '0190f0c2-0000-7000-8000-00000000f022';
    if (name === 'id') {
      if (path.startsWith('/api/v1/organizations/')) return ids.orgId!;
      if (path.startsWith('/api/v1/projects/')) return ids.projectId!;
      if (path.startsWith('/api/v1/jobs/')) return ids.jobId!;
      return '0190f0c2-0000-7000-8000-000000000001';
    }
    if (name === 'name') return ids.taskName!;
    if (name === 'rev') return '1';
    return ids[name] ?? ids[`${name}Id`] ?? '0190f0c2-0000-7000-8000-000000000002';
  }

  // Every endpoint of every module, each fuzzed: it grows with the API, so it has more time than a single test.
  it('answers no request with a 5xx, and logs no secret', { timeout: 240_000 }, async () => {
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })))
      // Reads first, then writes, then deletions and logging out, so the fixture lives as long as possible.
      .sort((a, b) => rank(a) - rank(b));
    expect(operations.length).toBeGreaterThan(60);

    const failures: string[] = [];
    let requests = 0;
    let injectTime = 0;
    const started = Date.now();
    const report: string[] = [];
    for (const { path, method, operation } of operations) {
      const opStarted = Date.now();
      const statuses = new Map<number, number>();
      const parameters = operation.parameters ?? [];
      const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const pathArbitrary = fc
        .tuple(
          ...pathParameters.map((name) =>
            fc.oneof({ weight: 6, arbitrary: fc.constant(realParameter(path, name)) }, { weight: 1, arbitrary: hostileText }),
          ),
        )
        .map((values) => pathParameters.reduce((url, name, index) => url.replace(`{${name}}`, encode(values[index]!)), path));
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const bodyArbitrary = operation.requestBody ? fc.option(bodyFor(bodySchema, fixture.ids), { freq: 8 }) : fc.constant(null);
      // Before the random runs, a sweep: the real URL with each query parameter, then each body field, poisoned in turn.
      const realUrl = pathParameters.reduce((url, name) => url.replace(`{${name}}`, encode(realParameter(path, name))), path);
      const objectSchema = bodySchema?.properties ? bodySchema : (bodySchema?.anyOf ?? bodySchema?.oneOf)?.find((s) => s.properties);
      const baseline = objectSchema ? (fc.sample(valid(objectSchema, fixture.ids), { numRuns: 1, seed: SEED })[0] as Record<string, unknown>) : null;
      const examples: [string, string, unknown, boolean][] = [
        ...parameters.filter((p) => p.in === 'query').map((p): [string, string, unknown, boolean] => [realUrl, `?${p.name}=a%00b`, baseline, true]),
        ...Object.entries(objectSchema?.properties ?? {}).map(([field, property]): [string, string, unknown, boolean] => [
          realUrl,
          '',
          { ...baseline, [field]: sweepPoison(property) },
          true,
        ]),
      ];
      const authenticated = fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

      await fc.assert(
        fc.asyncProperty(pathArbitrary, queryFor(parameters, fixture.ids), bodyArbitrary, authenticated, async (url, query, body, signedIn) => {
          requests += 1;
          const payload = body === null ? undefined : toJson(body);
          const injectStarted = Date.now();
          const response = await t.app.inject({
            method: method as 'GET',
            url: `${url}${query}`,
            headers: {
              ...(signedIn ? { authorization: `Bearer ${fixture.token}` } : {}),
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(payload === undefined ? {} : { payload }),
          });
          injectTime += Date.now() - injectStarted;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (process.env.FUZZ_DEBUG && response.statusCode === 400) report.push(`   400 ${method} ${url}${query.slice(0, 100)} ${payload?.slice(0, 150) ?? ''} → ${response.body.slice(0, 200)}`);
          if (response.statusCode >= 500) {
            failures.push(`${method} ${url}${query} ${payload?.slice(0, 300) ?? ''} → ${response.statusCode} ${response.body.slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS + examples.length, seed: SEED, endOnFailure: true, examples },
      );
      if (process.env.FUZZ_DEBUG) report.push(`${Date.now() - opStarted}ms ${method} ${path} ${JSON.stringify([...statuses])}`);
    }
    if (process.env.FUZZ_DEBUG) console.info(report.join('\n'));
    const log = logLines.join('');
    const leaked = fixture.secrets.filter((secret) => log.includes(secret));
    console.info(`[fuzz] ${operations.length} operations, ${requests} requests in ${Date.now() - started} ms (${injectTime} ms answering), seed ${SEED}`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(leaked.map((secret) => `${secret.slice(0, 12)}…`), 'secrets in the log').toEqual([]);
    expect(log.includes('$argon2'), 'an argon2 hash in the log').toBe(false);
  });
});

/** The poison of the sweep for a field: U+0000 in text, 10,000-deep JSON in free-form objects, else U+0000 alone. */
function sweepPoison(schema: JsonSchema): unknown {
  const types = [schema.type, ...(schema.anyOf ?? []).map((alternative) => alternative.type)].flat();
  if (types.includes('string')) return 'Fuzz\u0000value';
  if (types.includes('object') && !schema.properties) return { nested: new Deep(10_000) };
  return '\u0000';
}

function rank(operation: { path: string; method: string }): number {
  if (operation.path === '/api/v1/auth/logout') return 6;
  if (operation.path === '/api/v1/me' && operation.method === 'DELETE') return 5;
  if (operation.path === '/api/v1/organizations/{id}' && operation.method === 'DELETE') return 4;
  if (operation.method === 'DELETE') return 3;
  return operation.method === 'GET' ? 0 : 1;
}
