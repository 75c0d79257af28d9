import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personaFamilies, type PersonaFamily } from '../../../shared/board-kinds.js';
import { selectPanel, type PanelCandidate, type PanelRequest } from './select-panel.js';

/** The built-in personas as migration 0009 writes them: selection is tested against the catalog people get. */
function readBuiltInCatalog(): PanelCandidate[] {
  const sql = fs.readFileSync(new URL('../../../../migrations/0009_board_personas.up.sql', import.meta.url), 'utf8');
  const values = sql.slice(sql.indexOf(') VALUES') + ') VALUES'.length);
  const literal = String.raw`'(?:[^']|'')*'(?:::jsonb)?|-?[0-9.]+`;
  const row = new RegExp(String.raw`\(((?:${literal})(?:, (?:${literal}))*)\)[,;]`, 'g');
  return Array.from(values.matchAll(row), (match) => {
    const fields = Array.from(match[1]!.matchAll(/'((?:[^']|'')*)'|(-?[0-9.]+)/g), (f) => (f[1] !== undefined ? f[1].replaceAll("''", "'") : Number(f[2])));
    const [code, name, expertise, , family, , , riskAppetite, keywords] = fields as [string, string, string, string, PersonaFamily, string, string, number, string];
    return { code, name, expertise, family, riskAppetite, keywords: JSON.parse(keywords) as string[] };
  });
}

const catalog = readBuiltInCatalog();
const byCode = new Map(catalog.map((p) => [p.code, p]));
const q = (id: string, text: string, ...families: PersonaFamily[]) => ({ id, text, families });

function seat(request: PanelRequest, candidates: readonly PanelCandidate[] = catalog) {
  const panel = selectPanel(candidates, request);
  const personas = panel.map((choice) => candidates.find((c) => c.code === choice.code)!);
  return { panel, codes: panel.map((c) => c.code), personas, families: personas.map((p) => p.family) };
}

/** What every panel must be, whatever the problem. */
function expectWellFormed(request: PanelRequest, candidates: readonly PanelCandidate[] = catalog) {
  const { panel, personas } = seat(request, candidates);
  expect(panel.length).toBeGreaterThanOrEqual(3);
  expect(panel.length).toBeLessThanOrEqual(5);
  expect(new Set(panel.map((c) => c.code)).size).toBe(panel.length);
  expect(personas.some((p) => p.riskAppetite < 0), 'a cautious voice').toBe(true);
  expect(personas.some((p) => p.riskAppetite > 0), 'a bold, dissenting voice').toBe(true);
  for (const choice of panel) {
    // One readable sentence.
    expect(choice.reason).toMatch(/^Seated .+\.$/);
    expect(choice.reason.split(/[.?!]\s+[A-Z]/).length).toBe(1);
  }
  // Every sub-question is covered by someone seated for it.
  for (const sub of request.subQuestions) {
    expect(panel.some((c) => c.reason.includes(`"${sub.text}"`)), `nobody seated for "${sub.text}"`).toBe(true);
  }
  return seat(request, candidates);
}

describe('the built-in catalog as selection reads it', () => {
  it('has 45 personas in every family, each family with a cautious and a bold voice', () => {
    expect(catalog).toHaveLength(45);
    for (const family of personaFamilies) {
      const members = catalog.filter((p) => p.family === family);
      expect(members.length, family).toBeGreaterThanOrEqual(2);
      expect(members.some((p) => p.riskAppetite < 0) && members.some((p) => p.riskAppetite > 0), family).toBe(true);
    }
  });
});

describe('selectPanel on varied decisions', () => {
  it('a launch decision: the operations voice for the staffing question, a strategist, finance for the spend', () => {
    const request: PanelRequest = {
      problem: 'Should we launch in one city or three?',
      subQuestions: [
        q('q1', 'How fast can operations staff a second city?', 'operations', 'people'),
        q('q2', 'Is there enough demand in three cities to justify the spend?', 'research', 'finance'),
        q('q3', 'What will competitors do if we spread thin?', 'strategy'),
      ],
      seed: 7,
    };
    const { panel, codes, families } = expectWellFormed(request);
    expect(families).toEqual(expect.arrayContaining(['operations', 'strategy']));
    expect(new Set(families).size).toBe(families.length);
    // The launch specialist rather than the generalist COO: its keywords are the question's words.
    expect(codes).toContain('expansion_ops_lead');
    expect(panel.find((c) => c.code === 'expansion_ops_lead')!.reason).toBe(
      'Seated for "How fast can operations staff a second city?" as the operations voice, and it is bold.',
    );
    // No industry is named, so no domain persona is seated.
    expect(families).not.toContain('domain');
  });

  it('pricing: the pricing strategist speaks for finance, customer success for existing customers', () => {
    const { codes } = expectWellFormed({
      problem: 'Should we raise the price of the Pro plan from $20 to $30?',
      subQuestions: [
        q('q1', 'What will existing customers pay before they churn?', 'finance', 'sales'),
        q('q2', 'How does the new price compare with competitors?', 'strategy', 'marketing'),
      ],
      seed: 1,
    });
    expect(codes).toContain('pricing_strategist');
    expect(codes).not.toContain('cfo');
    expect(codes).toContain('customer_success_lead');
    expect(codes).toContain('competitive_analyst');
  });

  it('hiring: the people voice, and the cost and engineering questions answered', () => {
    const { codes, families } = expectWellFormed({
      problem: 'Should we hire two senior engineers or five juniors?',
      subQuestions: [q('q1', 'Who can mentor juniors?', 'people', 'engineering'), q('q2', 'What does each option cost?', 'finance')],
      seed: 3,
    });
    expect(codes).toContain('head_of_people');
    expect(families).toEqual(expect.arrayContaining(['people', 'engineering', 'finance']));
  });

  it('build or buy: engineering and finance, and the payments domain because the problem names Stripe', () => {
    const { codes, panel } = expectWellFormed({
      problem: 'Build our own billing system or buy Stripe Billing?',
      subQuestions: [
        q('q1', 'What is the total cost of ownership of each?', 'finance', 'engineering'),
        q('q2', 'How much lock-in does the vendor bring?', 'engineering', 'product'),
      ],
      seed: 11,
    });
    expect(codes).toContain('cto');
    expect(codes).toContain('payments_expert');
    expect(panel.find((c) => c.code === 'payments_expert')!.reason).toContain('"stripe"');
  });

  it('a security incident: incident response, privacy counsel for the notification duty, and a cautious voice', () => {
    const { codes, families } = expectWellFormed({
      problem: 'We found customer passwords in a public bucket: disclose now or after the investigation?',
      subQuestions: [
        q('q1', 'What must we contain first?', 'security'),
        q('q2', 'What are our notification duties under GDPR?', 'legal'),
        q('q3', 'How do we keep customer trust?', 'marketing', 'sales'),
      ],
      seed: 5,
    });
    expect(codes).toContain('incident_responder');
    expect(codes).toContain('privacy_counsel');
    expect(families).toEqual(expect.arrayContaining(['security', 'legal', 'marketing']));
  });

  it('a data migration: the data engineer, the architect, and someone for the downtime', () => {
    const { codes, families } = expectWellFormed({
      problem: 'Migrate our reporting database from MySQL to Postgres this quarter or next year?',
      subQuestions: [q('q1', 'What breaks during the data migration?', 'data', 'engineering'), q('q2', 'Can we afford the downtime?', 'operations')],
      seed: 2,
    });
    expect(codes).toContain('data_engineer');
    expect(families).toEqual(expect.arrayContaining(['engineering', 'operations']));
  });

  it('a marketplace expansion: the marketplace strategist and no other domain', () => {
    const { codes, personas } = expectWellFormed({
      problem: 'Should our dog-walking marketplace expand to Berlin and Paris?',
      subQuestions: [q('q1', 'Is there enough supply of walkers in each city?', 'domain', 'operations'), q('q2', 'What does it cost to launch?', 'finance')],
      seed: 9,
    });
    expect(codes).toContain('marketplace_strategist');
    expect(personas.filter((p) => p.family === 'domain')).toHaveLength(1);
  });

  it('a healthcare product seats the healthcare advisor even when no sub-question names the domain', () => {
    const { codes } = expectWellFormed({
      problem: 'Should our clinic scheduling app add telehealth video visits for patients?',
      subQuestions: [q('q1', 'Can we build video visits in a quarter?', 'engineering'), q('q2', 'Will it pay for itself?', 'finance')],
      seed: 4,
    });
    expect(codes).toContain('healthcare_advisor');
  });

  it('a question open to "domain" in a problem that names no industry seats no domain persona', () => {
    const { families } = expectWellFormed({
      problem: 'Should we move our weekly release to a daily one?',
      subQuestions: [q('q1', 'What does the industry expect?', 'domain', 'engineering'), q('q2', 'What breaks if we ship daily?', 'engineering')],
      seed: 8,
    });
    expect(families).not.toContain('domain');
  });

  it('without sub-questions, the problem itself chooses: a rename seats the brand strategist', () => {
    const { codes } = expectWellFormed({ problem: 'Should we rename the product?', subQuestions: [], seed: 6 });
    expect(codes).toContain('brand_strategist');
  });

  it('more sub-questions, more voices: five facets seat five personas', () => {
    const { panel } = expectWellFormed({
      problem: 'Should we open a second warehouse before the holiday peak?',
      subQuestions: [
        q('q1', 'Can our carriers handle the peak volume?', 'operations'),
        q('q2', 'What does a second warehouse cost per month?', 'finance'),
        q('q3', 'Can we hire and train pickers in six weeks?', 'people'),
        q('q4', 'Does the inventory system support two sites?', 'engineering'),
        q('q5', 'What do customers expect for delivery times?', 'research'),
      ],
      seed: 12,
    });
    expect(panel).toHaveLength(5);
    expect(panel.map((c) => c.code)).toContain('logistics_expert');
  });
});

describe('selectPanel rules', () => {
  const launch: PanelRequest = {
    problem: 'Should we launch in one city or three?',
    subQuestions: [q('q1', 'How fast can operations staff a second city?', 'operations'), q('q2', 'Is the demand there?', 'research')],
    seed: 42,
  };

  it('is deterministic: the same request gives the same panel and reasons', () => {
    expect(selectPanel(catalog, launch)).toEqual(selectPanel(catalog, { ...launch, subQuestions: launch.subQuestions.map((s) => ({ ...s })) }));
    expect(selectPanel([...catalog].reverse(), launch).map((c) => c.code).sort()).toEqual(selectPanel(catalog, launch).map((c) => c.code).sort());
  });

  it('uses the seed only to break exact ties', () => {
    // A clear winner does not move with the seed.
    const firsts = new Set(Array.from({ length: 20 }, (_, seed) => selectPanel(catalog, { ...launch, seed })[0]!.code));
    expect([...firsts]).toEqual(['expansion_ops_lead']);
    // Two identical personas: the seed decides which one sits, and both get their turn over a few seeds.
    const twin = (code: string): PanelCandidate => ({ code, name: code, family: 'finance', expertise: 'Cash.', riskAppetite: -0.5, keywords: ['cash'] });
    const others: PanelCandidate[] = [
      { code: 'bold_one', name: 'B', family: 'marketing', expertise: 'Growth.', riskAppetite: 0.6, keywords: ['growth'] },
      { code: 'third', name: 'C', family: 'product', expertise: 'Users.', riskAppetite: 0.2, keywords: ['users'] },
    ];
    const chosen = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        selectPanel([twin('twin_a'), twin('twin_b'), ...others], { problem: 'How much cash?', subQuestions: [q('q1', 'How much cash do we keep?', 'finance')], seed })
          .map((c) => c.code)
          .find((code) => code.startsWith('twin_')),
      ),
    );
    expect(chosen).toEqual(new Set(['twin_a', 'twin_b']));
  });

  it('prefers distinct families over a second voice of the same discipline', () => {
    const { families } = seat({
      problem: 'Should we cut the marketing budget to extend runway?',
      subQuestions: [q('q1', 'How much runway do we gain?', 'finance'), q('q2', 'How much does the cash burn drop?', 'finance')],
      seed: 1,
    });
    expect(families.filter((f) => f === 'finance')).toHaveLength(1);
  });

  it('adds a bold voice to a panel the questions would fill with cautious ones', () => {
    // Every sub-question asks for a discipline whose best match is cautious.
    const request: PanelRequest = {
      problem: 'Should we store patient records with a new cloud vendor?',
      subQuestions: [
        q('q1', 'What is the threat model of the vendor?', 'security'),
        q('q2', 'Which personal data leaves our hands, on what lawful basis?', 'legal'),
        q('q3', 'How does the failover work during an outage?', 'engineering'),
      ],
      seed: 10,
    };
    const { personas, panel } = expectWellFormed(request);
    const bold = personas.filter((p) => p.riskAppetite > 0);
    expect(bold.length).toBeGreaterThanOrEqual(1);
    if (bold.length === 1) expect(panel.find((c) => c.code === bold[0]!.code)!.reason).toContain("the panel's only bold voice");
  });

  it('swaps a seat for the missing side when the panel is already full, keeping every question covered', () => {
    const cautious = (code: string, family: PersonaFamily, keyword: string): PanelCandidate => ({
      code,
      name: code,
      family,
      expertise: `${keyword}.`,
      riskAppetite: -0.5,
      keywords: [keyword],
    });
    const candidates = [
      cautious('a_finance', 'finance', 'cash'),
      cautious('a_legal', 'legal', 'contract'),
      cautious('a_security', 'security', 'breach'),
      cautious('a_people', 'people', 'hiring'),
      cautious('a_ops', 'operations', 'process'),
      cautious('b_finance', 'finance', 'cash'),
      { code: 'bold_ops', name: 'bold', family: 'operations' as const, expertise: 'Process.', riskAppetite: 0.7, keywords: ['process'] },
    ];
    const request: PanelRequest = {
      problem: 'A hard decision',
      subQuestions: [
        q('q1', 'What about cash?', 'finance'),
        q('q2', 'What about the contract?', 'legal'),
        q('q3', 'What about a breach?', 'security'),
        q('q4', 'What about hiring?', 'people'),
        q('q5', 'What about the process?', 'operations'),
      ],
      seed: 0,
    };
    const { codes } = expectWellFormed(request, candidates);
    expect(codes).toHaveLength(5);
    expect(codes).toContain('bold_ops');
    expect(codes).not.toContain('a_ops');
  });

  it("seats an organization's own persona when its keywords are the problem's words", () => {
    const potter: PanelCandidate = {
      code: 'ceramics_maker',
      name: 'Ines Duarte',
      family: 'domain',
      expertise: 'Studio ceramics: clay bodies, glazes, kilns and firing schedules.',
      riskAppetite: 0.4,
      keywords: ['kiln', 'glaze', 'ceramics', 'pottery'],
    };
    const { codes, panel } = expectWellFormed({
      problem: 'Should our pottery studio buy a second kiln or rent firing time?',
      subQuestions: [q('q1', 'What does each option cost a year?', 'finance'), q('q2', 'How many firings a week do we need?', 'operations')],
      seed: 3,
    }, [...catalog, potter]);
    expect(codes).toContain('ceramics_maker');
    expect(panel.find((c) => c.code === 'ceramics_maker')!.reason).toMatch(/"pottery"|"kiln"/);
  });

  it('seats whoever there is when fewer than three personas exist, and nobody from an empty list', () => {
    const two = catalog.slice(0, 2);
    expect(selectPanel(two, launch).map((c) => c.code).sort()).toEqual(two.map((p) => p.code).sort());
    expect(selectPanel([], launch)).toEqual([]);
  });

  it('still seats three when a named discipline has no persona', () => {
    const withoutLegal = catalog.filter((p) => p.family !== 'legal');
    const { panel } = seat({ problem: 'Can we use this font commercially?', subQuestions: [q('q1', 'What does the licence allow?', 'legal')], seed: 1 }, withoutLegal);
    expect(panel.length).toBeGreaterThanOrEqual(3);
    for (const choice of panel) expect(byCode.has(choice.code)).toBe(true);
  });
});
