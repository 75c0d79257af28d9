import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personaFamilies } from '../src/shared/board-kinds.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Persona = {
  code: string;
  name: string;
  expertise: string;
  systemPrompt: string;
  family: string;
  lens: string;
  checks: string[];
  riskAppetite: number;
  keywords: string[];
  organizationId: string | null;
  createdAt: string;
};
type AuditEvent = { action: string; resourceId: string | null; organizationId: string | null; details: Record<string, unknown> | null };

/** A persona an organization adds: a ceramics studio's kiln expert. */
const kilnExpert = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  organizationId,
  code: 'kiln_technician',
  name: 'Ines Duarte',
  expertise: 'Studio ceramics: clay bodies, glazes, kilns and firing schedules.',
  systemPrompt: 'You are Ines Duarte, a kiln technician. You always ask first what the firing schedule can bear. Stay in character.',
  family: 'domain',
  lens: 'Can the kilns fire this reliably, at what cost per firing?',
  checks: ['Firing schedule', 'Kiln wear', 'Glaze defects'],
  riskAppetite: 0.3,
  keywords: ['Kiln', 'glaze', ' pottery '],
  ...overrides,
});

describe.each(testDrivers)('board personas on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  const { api, team: makeTeam } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    team = await makeTeam({ name: 'Ceramics Studio' });
  });
  afterAll(async () => t?.close());

  const list = async (user: Team['owner'], query = '') => {
    const res = await api('GET', `/board/personas${query}`, user);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    return res.data.items as Persona[];
  };

  it('lists the 45 built-in personas, each distinct, covering every family with cautious and bold voices', async () => {
    const builtIn = (await list(team.viewer)).filter((p) => p.organizationId === null);
    expect(builtIn).toHaveLength(45);
    for (const field of ['code', 'name', 'lens', 'systemPrompt', 'expertise'] as const) {
      expect(new Set(builtIn.map((p) => p[field])).size, field).toBe(45);
    }
    for (const family of personaFamilies) {
      const members = builtIn.filter((p) => p.family === family);
      expect(members.length, family).toBeGreaterThanOrEqual(2);
      expect(members.some((p) => p.riskAppetite < 0) && members.some((p) => p.riskAppetite > 0), `${family} has both tempers`).toBe(true);
    }
    for (const p of builtIn) {
      expect(p.code).toMatch(/^[a-z][a-z0-9_]{1,49}$/);
      expect(p.expertise.length).toBeLessThanOrEqual(500);
      expect(p.checks.length).toBeGreaterThanOrEqual(2);
      expect(p.checks.length).toBeLessThanOrEqual(6);
      expect(p.riskAppetite).toBeGreaterThanOrEqual(-1);
      expect(p.riskAppetite).toBeLessThanOrEqual(1);
      expect(p.keywords.length).toBeGreaterThan(0);
      for (const keyword of p.keywords) expect(keyword).toBe(keyword.toLowerCase());
      // The prompt speaks to the persona, states its lens and checks, how to argue, and to stay in character.
      expect(p.systemPrompt.startsWith(`You are ${p.name}`), p.code).toBe(true);
      expect(p.systemPrompt).toContain(p.lens);
      expect(p.systemPrompt.toLowerCase()).toContain(p.checks[0]!.toLowerCase());
      expect(p.systemPrompt).toMatch(/claim/);
      expect(p.systemPrompt).toMatch(/evidence/);
      expect(p.systemPrompt).toMatch(/assumptions/);
      expect(p.systemPrompt).toMatch(/confidence/);
      expect(p.systemPrompt).toMatch(/Stay in character/);
      expect(p.systemPrompt).toMatch(/disagree/);
    }
    expect(builtIn.map((p) => p.code)).toEqual(expect.arrayContaining(['cfo', 'growth_hacker', 'privacy_counsel', 'ciso', 'marketplace_strategist']));
  });

  it('filters by family', async () => {
    const security = await list(team.viewer, '?family=security');
    expect(security.length).toBeGreaterThanOrEqual(2);
    expect(security.every((p) => p.family === 'security')).toBe(true);
    const bad = await api('GET', '/board/personas?family=astrology', team.viewer);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].field).toBe('family');
  });

  it("shows an editor's persona to the organization's members and to nobody else", async () => {
    const created = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId));
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    expect(created.data).toMatchObject({
      code: 'kiln_technician',
      organizationId: team.orgId,
      family: 'domain',
      riskAppetite: 0.3,
      keywords: ['kiln', 'glaze', 'pottery'],
      checks: ['Firing schedule', 'Kiln wear', 'Glaze defects'],
    });

    for (const member of [team.owner, team.editor, team.viewer]) {
      expect((await list(member)).map((p) => p.code), 'member sees it').toContain('kiln_technician');
    }
    const orgOnly = await list(team.viewer, `?organizationId=${team.orgId}`);
    expect(orgOnly).toHaveLength(46);
    expect(orgOnly.at(-1)!.code).toBe('kiln_technician');
    expect((await list(team.viewer, `?organizationId=${team.orgId}&family=domain`)).map((p) => p.code)).toContain('kiln_technician');

    // Another tenant: sees the built-ins only, and cannot ask for the studio's list.
    const outsider = await createUser(t);
    const theirs = await list(outsider);
    expect(theirs).toHaveLength(45);
    expect(theirs.map((p) => p.code)).not.toContain('kiln_technician');
    expect((await api('GET', `/board/personas?organizationId=${team.orgId}`, outsider)).statusCode).toBe(404);
    // …nor delete it.
    expect((await api('DELETE', `/board/personas/kiln_technician?organizationId=${team.orgId}`, outsider)).statusCode).toBe(404);

    // The same code in another organization is that organization's own business.
    const elsewhere = await api('POST', '/board/personas', outsider, kilnExpert(outsider.personalOrgId, { name: 'Another Kiln Expert' }));
    expect(elsewhere.statusCode, JSON.stringify(elsewhere.data)).toBe(201);
    expect((await list(team.viewer)).filter((p) => p.code === 'kiln_technician').map((p) => p.name)).toEqual(['Ines Duarte']);

    const audit = await api('GET', `/audit?organizationId=${team.orgId}`, team.owner);
    expect(audit.statusCode, JSON.stringify(audit.data)).toBe(200);
    const event = (audit.data.items as AuditEvent[]).find((e) => e.action === 'board_persona_created');
    expect(event).toMatchObject({ resourceId: 'kiln_technician', organizationId: team.orgId, details: { code: 'kiln_technician', family: 'domain' } });
  });

  it('refuses viewers, and answers 409 naming a code already taken', async () => {
    const byViewer = await api('POST', '/board/personas', team.viewer, kilnExpert(team.orgId, { code: 'glaze_chemist' }));
    expect(byViewer.statusCode).toBe(403);

    const builtIn = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId, { code: 'cfo' }));
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.data.error.message).toContain('"cfo"');
    expect(builtIn.data.error.message).toContain('built-in');

    const again = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId, { code: 'studio_manager' }));
    expect(again.statusCode, JSON.stringify(again.data)).toBe(201);
    const duplicate = await api('POST', '/board/personas', team.owner, kilnExpert(team.orgId, { code: 'studio_manager', name: 'Someone Else' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.data.error.message).toContain('"studio_manager"');
    // Nothing half-written: still one studio_manager.
    expect((await list(team.viewer)).filter((p) => p.code === 'studio_manager')).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad code, the reserved moderator code, too few checks, and more', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ code: 'Kiln Tech' }, 'code', /lower-case/],
      [{ code: 'moderator' }, 'code', /reserved/],
      [{ checks: ['Only one'] }, 'checks', /at least 2/],
      [{ checks: ['1', '2', '3', '4', '5', '6', '7'] }, 'checks', /at most 6/],
      [{ family: 'astrology' }, 'family', /Family/],
      [{ riskAppetite: 2 }, 'riskAppetite', /1 or less/],
      [{ expertise: 'x'.repeat(501) }, 'expertise', /500/],
      [{ lens: '   ' }, 'lens', /Lens/],
      [{ organizationId: 'not-a-uuid' }, 'organizationId', /UUID/],
    ];
    for (const [override, field, message] of cases) {
      const res = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId, { code: 'valid_code', ...override }));
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      const detail = (res.data.error.details as Array<{ field: string; message: string }>).find((d) => d.field.startsWith(field));
      expect(detail, `${JSON.stringify(override)} → ${JSON.stringify(res.data.error.details)}`).toBeDefined();
      expect(detail!.message).toMatch(message);
    }
    expect((await list(team.viewer)).map((p) => p.code)).not.toContain('valid_code');
  });

  it('deletes an organization persona for editors only, never a built-in one', async () => {
    const created = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId, { code: 'clay_buyer' }));
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);

    expect((await api('DELETE', `/board/personas/clay_buyer?organizationId=${team.orgId}`, team.viewer)).statusCode).toBe(403);

    const builtIn = await api('DELETE', `/board/personas/cfo?organizationId=${team.orgId}`, team.owner);
    expect(builtIn.statusCode).toBe(403);
    expect(builtIn.data.error.message).toMatch(/"cfo" is built in and cannot be deleted/);
    expect((await list(team.viewer, '?family=finance')).map((p) => p.code)).toContain('cfo');

    const withoutOrg = await api('DELETE', '/board/personas/clay_buyer', team.editor);
    expect(withoutOrg.statusCode).toBe(400);
    expect(withoutOrg.data.error.details[0].field).toBe('organizationId');

    const reserved = await api('DELETE', `/board/personas/moderator?organizationId=${team.orgId}`, team.editor);
    expect(reserved.statusCode).toBe(400);
    expect(reserved.data.error.details[0].field).toBe('code');

    const deleted = await api('DELETE', `/board/personas/clay_buyer?organizationId=${team.orgId}`, team.editor);
    expect(deleted.statusCode).toBe(204);
    expect((await list(team.viewer)).map((p) => p.code)).not.toContain('clay_buyer');
    expect((await api('DELETE', `/board/personas/clay_buyer?organizationId=${team.orgId}`, team.editor)).statusCode).toBe(404);

    const audit = await api('GET', `/audit?organizationId=${team.orgId}`, team.owner);
    const event = (audit.data.items as AuditEvent[]).find((e) => e.action === 'board_persona_deleted');
    expect(event).toMatchObject({ resourceId: 'clay_buyer', organizationId: team.orgId });

    // The code is free again once deleted.
    const recreated = await api('POST', '/board/personas', team.editor, kilnExpert(team.orgId, { code: 'clay_buyer' }));
    expect(recreated.statusCode).toBe(201);
  });

  it('asks for a signed-in user', async () => {
    expect((await api('GET', '/board/personas', undefined)).statusCode).toBe(401);
    expect((await api('POST', '/board/personas', undefined, kilnExpert(team.orgId))).statusCode).toBe(401);
  });
});
