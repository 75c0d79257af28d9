import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AiTask } from '../core/ai/index.js';
import { moduleRegistry } from '../app.js';
import { answerQuestionTask } from './chat/index.js';
import { generateDiagramTask } from './diagrams/index.js';
import { clarifyingQuestionsTask, documentAiTasks, extractInsightsTask, projectBriefTask } from './generation/index.js';
import { personaFamilies, roundKinds } from '../shared/board-kinds.js';
import { tableKinds } from '../shared/dbassist-kinds.js';
import { projectModelTask, validateModel, type ProjectModel } from './project-model/index.js';
import { generateWireframeTask } from './wireframes/index.js';

const catalog = moduleRegistry.aiTasks;
const aiTasks = catalog.all;

// ---------------------------------------------------------------------------------------------------------------
// Generators

const ACTORS = ['dog owners', 'walkers', 'customers', 'the admin', 'project managers', 'drivers', 'teachers', 'students', 'volunteers', 'landlords', 'tenants', 'nurses'];
const VERBS = ['book', 'rate', 'track', 'share', 'approve', 'export', 'schedule', 'cancel', 'invite', 'search for', 'pay for', 'review'];
const THINGS = ['walks', 'invoices', 'time entries', 'rides', 'lessons', 'shifts', 'repairs', 'bookings', 'recipes', 'reports', 'orders', 'events'];
const ATTRIBUTES = ['a date', 'a price', 'a status', 'a title', 'a due date', 'an address', 'a rating', 'a duration', 'notes'];
const MODALS = ['can', 'must', 'should', 'could', 'needs to', 'will', 'may'];
const QUALITIES = [
  'The app must load in under 2 seconds.',
  'All personal data must be stored securely and comply with GDPR.',
  'The service should be available 99.9% of the time.',
  'Screens must be accessible to screen reader users.',
];

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);

const productSentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(ACTORS), pick(MODALS), pick(VERBS), pick(THINGS)).map(([a, m, v, t]) => `${cap(a)} ${m} ${v} ${t}.`),
  fc.tuple(pick(THINGS), pick(ATTRIBUTES), pick(ATTRIBUTES)).map(([t, x, y]) => `Each ${singular(t)} has ${x} and ${y}.`),
  fc.tuple(pick(THINGS), pick(ACTORS), pick(VERBS)).map(([t, a, v]) => `A marketplace where ${a} ${v} ${t}.`),
  fc.tuple(pick(ACTORS), pick(VERBS), pick(THINGS)).map(([a, v, t]) => `As a ${singular(a.replace(/^the /, ''))}, I want to ${v} ${t} so that I save time.`),
  pick(QUALITIES),
);

const productIdea: fc.Arbitrary<string> = fc.array(productSentence, { minLength: 1, maxLength: 8 }).map((s) => s.join(' '));

/** Random text of every kind: word salad, unicode, punctuation only, product-like prose, markdown lists. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: productIdea },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 40, mode: 'sentences' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom('a', '.', '?', '!!!', '-', ' x ', '42', '日本語のテキスト', '🙂🙂', 'e.g. i.e. etc.', "'s", 'A. B. C.', '\n\n- \n* ') },
  { weight: 1, arbitrary: fc.array(productSentence, { minLength: 1, maxLength: 6 }).map((s) => `# Notes\n${s.map((line) => `- ${line}`).join('\n')}`) },
);

const nonBlank = (max: number) => anyText.map((text) => text.slice(0, max)).filter((text) => text.trim().length > 0);

const inputs: Record<string, fc.Arbitrary<unknown>> = {
  'extract-insights': fc.record({ text: nonBlank(50_000) }),
  'project-brief': fc.record(
    {
      name: fc.oneof(fc.constantFrom('PawTrail', 'Billable', 'X', 'Ünïcödé 🙂'), fc.string({ minLength: 1, maxLength: 40 })).filter((n) => n.trim().length > 0),
      idea: nonBlank(20_000),
      answers: fc.array(fc.record({ question: nonBlank(1000), answer: anyText.map((a) => a.slice(0, 4000)) }), { maxLength: 4 }),
    },
    { requiredKeys: ['name', 'idea'] },
  ),
  'clarifying-questions': fc.record({ idea: nonBlank(20_000) }),
  'project-model': fc.record(
    {
      projectName: fc.oneof(fc.constantFrom('PawTrail', 'Billable', 'X', 'Ünïcödé 🙂'), fc.string({ minLength: 1, maxLength: 40 })).filter((n) => n.trim().length > 0),
      idea: nonBlank(20_000),
      answers: fc.array(fc.record({ question: nonBlank(1000), answer: anyText.map((a) => a.slice(0, 4000)) }), { maxLength: 4 }),
      instructions: nonBlank(400),
    },
    { requiredKeys: ['projectName', 'idea'] },
  ),
  'story-generation': fc.record(
    {
      projectName: fc.constantFrom('Spoke', 'X', 'Ünïcödé 🙂'),
      source: fc.record({
        kind: fc.constantFrom('prd', 'srs', 'document', 'model'),
        title: fc.lorem({ maxCount: 4 }),
        markdown: fc.oneof(
          anyText,
          // Numbered sections as PRDs and SRSs have them, with random headings, story lines, priorities and bullets.
          fc
            .array(fc.tuple(fc.oneof(productSentence, fc.lorem({ maxCount: 5 }), fc.string({ minLength: 1, maxLength: 30 })), productSentence, fc.constantFrom('P0', 'P2', 'Must', 'Could', 'soon')), { maxLength: 6 })
            .map((sections) => sections.map(([heading, line, priority], i) => `### ${i % 2 ? 'FR' : 'US'}-${i + 1} ${heading}\n\n${line}\n\n**Priority:** ${priority}\n\n- ${line}`).join('\n\n')),
        ),
      }),
      instructions: nonBlank(400),
    },
    { requiredKeys: ['projectName', 'source'] },
  ),
  'story-estimate': fc.record({
    story: fc.record({ title: nonBlank(255), description: anyText.map((t) => t.slice(0, 2000)) }),
    candidates: fc.array(
      fc.record({
        storyId: fc.uuid(),
        key: fc.integer({ min: 1, max: 999 }).map((n) => `SP-${n}`),
        title: fc.lorem({ maxCount: 6 }),
        description: fc.constant(''),
        storyPoints: fc.integer({ min: 0, max: 100 }),
        similarity: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 20 },
    ),
  }),
  'answer-question': fc.record({
    question: nonBlank(4000),
    context: fc.array(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        title: fc.oneof(fc.constant(''), fc.lorem({ maxCount: 4 })),
        text: anyText.map((t) => t.slice(0, 20_000)),
      }),
      { maxLength: 6 },
    ),
  }),
};


// The board's tasks: decisions of every shape, personas of every family, rounds with and without peers.
const DECISIONS = [
  'Should we launch in one city or three?',
  'Should we build or buy our billing system?',
  'Whether to outsource customer support',
  'Which CRM should we choose: HubSpot, Salesforce or Pipedrive?',
  'Should we go freemium?',
  'We are deciding between a rewrite and a refactor.',
  'How should we price the new plan?',
];
const decision = fc.oneof({ weight: 3, arbitrary: pick(DECISIONS) }, { weight: 1, arbitrary: nonBlank(4000) });
const shortText = (max: number) => anyText.map((t) => t.slice(0, max));
const digest = fc.record({
  name: fc.constantFrom('ToolShare', 'X', 'Ünïcödé 🙂'),
  summary: shortText(1000),
  problem: shortText(1000),
  actors: fc.array(fc.record({ name: fc.constantFrom('Member', 'Volunteer', 'Email service', 'x'), kind: fc.constantFrom('person' as const, 'system' as const), needs: fc.array(shortText(200), { maxLength: 3 }) }), { maxLength: 4 }),
  entities: fc.array(fc.record({ name: fc.constantFrom('Loan', 'Tool', 'Invoice'), states: fc.array(fc.constantFrom('open', 'closed', 'overdue'), { maxLength: 3 }) }), { maxLength: 4 }),
  metrics: fc.array(fc.record({ name: shortText(120).filter((t) => t.trim() !== ''), target: shortText(200) }), { maxLength: 3 }),
  constraints: fc.array(fc.record({ category: fc.constantFrom('budget', 'privacy', 'other'), text: shortText(300) }), { maxLength: 3 }),
  rules: fc.array(shortText(300), { maxLength: 3 }),
  openQuestions: fc.array(shortText(300), { maxLength: 3 }),
});
const problem = fc.record({
  statement: decision,
  context: fc.oneof(fc.constant(''), shortText(2000), fc.constantFrom('budget: $40k\ndeadline: end of Q3', 'Options: A, B or C')),
  answers: fc.array(fc.record({ question: shortText(300), answer: shortText(600) }), { maxLength: 3 }),
  project: fc.option(digest, { nil: null }),
});
const persona = fc.record({
  code: fc.stringMatching(/^[a-z-]{1,20}$/),
  name: fc.constantFrom('The CFO', 'Growth lead', 'X'),
  family: fc.constantFrom(...personaFamilies),
  expertise: shortText(200),
  lens: shortText(200),
  checks: fc.array(shortText(80), { maxLength: 6 }),
  riskAppetite: fc.double({ min: -1, max: 1, noNaN: true }),
  systemPrompt: shortText(400),
});
const optionLabels = fc.array(fc.oneof(fc.constantFrom('Launch in one city', 'Launch in three cities', 'Do not launch yet', 'Buy it', 'Build it in-house'), shortText(120)).filter((t) => t.trim() !== ''), { minLength: 2, maxLength: 6 });
const options = optionLabels.map((labels) => labels.map((label, i) => ({ id: String.fromCharCode(65 + i), label, description: '' })));
const peers = (ids: string[]) =>
  fc.array(fc.record({ label: fc.constantFrom('Expert A', 'Expert B', 'Expert C'), position: fc.option(fc.constantFrom(...ids), { nil: null }), claim: shortText(400), evidence: fc.array(shortText(200), { maxLength: 3 }) }), { maxLength: 4 });
const own = (ids: string[]) => fc.option(fc.record({ position: fc.option(fc.constantFrom(...ids), { nil: null }), claim: shortText(300), confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }) }), { nil: null });
const seed = fc.integer({ min: -1000, max: 1000 });

Object.assign(inputs, {
  'board-framing': fc.record({ problem, mayAsk: fc.boolean(), seed }),
  'board-contribution': options.chain((opts) => {
    const ids = opts.map((o) => o.id);
    return fc.record({
      persona,
      problem,
      subQuestions: fc.constant([]),
      options: fc.constant(opts),
      round: fc.record({ number: fc.integer({ min: 1, max: 10 }), kind: fc.constantFrom(...roundKinds) }),
      own: own(ids),
      others: peers(ids),
      moderator: fc.option(fc.record({ challenge: shortText(400).filter((t) => t.trim() !== ''), targetOption: fc.option(fc.constantFrom(...ids), { nil: null }) }), { nil: null }),
      seed,
    });
  }),
  'board-moderator': options.chain((opts) => {
    const ids = opts.map((o) => o.id);
    return fc.record({ problem, options: fc.constant(opts), roundNumber: fc.integer({ min: 1, max: 10 }), positions: peers(ids), consensus: fc.option(fc.constantFrom(...ids), { nil: null }), seed });
  }),
  'board-vote': options.chain((opts) => {
    const ids = opts.map((o) => o.id);
    return fc.record({
      persona,
      problem,
      options: fc.array(fc.boolean(), { minLength: opts.length, maxLength: opts.length }).map((flags) => opts.map((o, i) => ({ ...o, own: flags[i]! }))),
      own: own(ids),
      others: peers(ids),
      seed,
    });
  }),
  'board-single-answer': fc.record({ problem, options, seed }),
  'board-synthesis': options.chain((opts) =>
    fc.record({
      problem,
      options: fc.constant(opts),
      winner: fc.option(fc.constantFrom(...opts.map((o) => ({ id: o.id, label: o.label }))), { nil: null }),
      scores: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: opts.length, maxLength: opts.length }).map((points) => opts.map((o, i) => ({ optionId: o.id, label: o.label, points: points[i]! }))),
      support: fc.array(shortText(400), { maxLength: 3 }),
      dissent: fc.option(fc.record({ personaName: fc.constantFrom('The CFO', 'X'), label: fc.constantFrom(...opts.map((o) => o.label)), argument: shortText(400) }), { nil: null }),
      assumptions: fc.array(shortText(200), { maxLength: 3 }),
      baselines: fc.record({ singleModel: fc.option(fc.constantFrom(...opts.map((o) => o.label)), { nil: null }), roundOneMajority: fc.option(fc.constantFrom(...opts.map((o) => o.label)), { nil: null }) }),
      positionChanges: fc.array(fc.record({ personaName: fc.constantFrom('The CFO', 'X'), from: fc.constantFrom(...opts.map((o) => o.label)), to: fc.constantFrom(...opts.map((o) => o.label)), because: shortText(300) }), { maxLength: 4 }),
      budgetReached: fc.boolean(),
    }),
  ),
});

// A table of an outside database as the documentation task reads it: names in every casing, any type, nullable or
// not, keys, and sampled statistics that may be empty or masked.
const identifier = fc.oneof(
  fc.constantFrom('id', 'customer_id', 'CustomerId', 'email', 'created_at', 'status', 'unit_price', 'is_active', 'notes', 'x', 'order', 'Address Line 2'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ ]{0,30}$/),
);
const columnStats = fc.option(
  fc.record({
    sampledRows: fc.integer({ min: 0, max: 1000 }),
    nullShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    distinctCount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    min: fc.option(shortText(40), { nil: null }),
    max: fc.option(shortText(40), { nil: null }),
    examples: fc.array(shortText(40), { maxLength: 5 }),
    masked: fc.boolean(),
  }),
  { nil: null },
);
const docColumns = fc.uniqueArray(
  fc.record({
    name: identifier,
    dataType: fc.constantFrom('integer', 'bigint', 'text', 'character varying(40)', 'numeric(10,2)', 'timestamp with time zone', 'boolean', 'jsonb', 'BLOB', 'int(11) unsigned'),
    isNullable: fc.boolean(),
    isPk: fc.boolean(),
    isUnique: fc.boolean(),
    isIdentity: fc.boolean(),
    references: fc.option(fc.record({ table: fc.constantFrom('public.customers', 'main.Artist', 'orders'), column: fc.constantFrom('id', 'ArtistId') }), { nil: null }),
    defaultValue: fc.option(fc.constantFrom('0', 'now()', "'new'::text"), { nil: null }),
    comment: fc.option(shortText(200), { nil: null }),
    enumValues: fc.array(fc.constantFrom('new', 'paid', 'shipped'), { maxLength: 3 }),
    personal: fc.option(fc.constantFrom('email', 'phone', 'name', 'secret'), { nil: null }),
    stats: columnStats,
  }),
  { minLength: 1, maxLength: 8, selector: (column) => column.name },
);
inputs['dbassist-document-schema'] = fc.oneof(
  fc.record({
    scope: fc.constant('table' as const),
    template: fc.constantFrom('short' as const, 'full' as const),
    engine: fc.constantFrom('postgres' as const, 'mysql' as const, 'sqlite' as const),
    table: docColumns.chain((columns) =>
      fc.record({
        namespace: fc.constantFrom('public', 'main', ''),
        name: identifier,
        kind: fc.constantFrom(...tableKinds),
        comment: fc.option(shortText(200), { nil: null }),
        rowEstimate: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        columns: fc.constant(columns),
        primaryKey: fc.subarray(columns.map((column) => column.name), { maxLength: Math.min(2, columns.length) }),
        foreignKeys: fc.constant([]),
        referencedBy: fc.array(fc.record({ table: fc.constantFrom('public.orders', 'Track'), columns: fc.constant(['customer_id']) }), { maxLength: 2 }),
        uniques: fc.constant([]),
        indexes: fc.constant([]),
        checks: fc.array(shortText(80), { maxLength: 2 }),
        viewSources: fc.constant([]),
      }),
    ),
    neighbours: fc.array(fc.constantFrom('public.customers', 'public.orders', 'main.Artist'), { maxLength: 3 }),
  }),
  fc.record({
    scope: fc.constant('schema' as const),
    template: fc.constantFrom('short' as const, 'full' as const),
    engine: fc.constantFrom('postgres' as const, 'mysql' as const, 'sqlite' as const),
    databaseName: shortText(60),
    namespaces: fc.array(fc.constantFrom('public', 'sales'), { maxLength: 2 }),
    tables: fc.array(
      fc.record({
        key: identifier,
        name: identifier,
        kind: fc.constantFrom(...tableKinds),
        comment: fc.option(shortText(200), { nil: null }),
        columnCount: fc.integer({ min: 0, max: 200 }),
        rowEstimate: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        references: fc.array(identifier, { maxLength: 3 }),
        referencedByCount: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 12 },
    ),
  }),
);

const askColumns = fc.uniqueArray(
  fc.record({
    name: identifier,
    dataType: fc.constantFrom('integer', 'text', 'character varying(40)', 'numeric(10,2)', 'timestamp', 'date', 'boolean'),
    isNullable: fc.boolean(),
    description: fc.option(shortText(200), { nil: null }),
    examples: fc.array(shortText(40), { maxLength: 3 }),
    min: fc.option(shortText(20), { nil: null }),
    max: fc.option(shortText(20), { nil: null }),
  }),
  { minLength: 1, maxLength: 6, selector: (column) => column.name },
);
const askTable = askColumns.chain((columns) =>
  fc.record({
    namespace: fc.constantFrom('public', 'main', ''),
    name: identifier,
    kind: fc.constantFrom(...tableKinds),
    description: fc.option(shortText(200), { nil: null }),
    primaryKey: fc.subarray(columns.map((column) => column.name), { maxLength: 1 }),
    columns: fc.constant(columns),
    foreignKeys: fc.constant([]),
  }),
);
inputs['dbassist-ask-sql'] = fc.record({
  question: fc.oneof(
    anyText.map((t) => t.slice(0, 300)).filter((t) => t.trim().length > 0),
    fc.constantFrom('How many rows are in each table?', 'List all customers', 'What is the total amount per month in 2023?', 'Which orders have no lines?'),
  ),
  engine: fc.constantFrom('postgres' as const, 'mysql' as const, 'sqlite' as const),
  tables: fc.uniqueArray(askTable, { maxLength: 4, selector: (table) => `${table.namespace}.${table.name}` }),
  values: fc.constant([]),
  examples: fc.array(fc.record({ question: shortText(100), sql: shortText(200) }), { maxLength: 2 }),
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

function runBuiltin(task: AiTask, rawInput: unknown): unknown {
  const input = task.input.parse(rawInput);
  const first = task.builtin(input, {});
  const second = task.builtin(input, {});
  expect(second).toEqual(first);
  expect(JSON.stringify(first)).not.toMatch(/undefined|NaN|\[object /);
  if (task.kind === 'object') {
    task.output.parse(first);
    // A model whose items point at ids that do not exist could not be saved.
    if (task === projectModelTask) expect(validateModel(first as ProjectModel)).toEqual([]);
  } else {
    expect(typeof first).toBe('string');
    expect((first as string).trim().length).toBeGreaterThan(0);
  }
  return first;
}

describe('built-in AI tasks (generated inputs)', () => {
  it('registers every task once under its name', () => {
    expect(aiTasks.map((task) => task.name)).toEqual([
      'project-model',
      'extract-insights',
      'project-brief',
      'clarifying-questions',
      ...documentAiTasks.map((task) => task.name),
      'generate-diagram',
      'generate-wireframe',
      'answer-question',
      'story-generation',
      'story-estimate',
      'board-framing',
      'board-contribution',
      'board-moderator',
      'board-vote',
      'board-single-answer',
      'board-synthesis',
      'dbassist-document-schema',
      'dbassist-ask-sql',
    ]);
    for (const task of aiTasks) expect(catalog.find(task.name)).toBe(task);
    expect(catalog.find('no-such-task')).toBeUndefined();
    expect(answerQuestionTask.consumesCredit).toBe(true);
  });

  // The document, diagram and wireframe tasks have generators of their own, in their modules
  // (generation/ai/document-writers.property.test.ts, diagrams/ai/generate-diagram/offline.property.test.ts, and
  // wireframes/html-sanitizer.test.ts for wireframes).
  const testedElsewhere: readonly AiTask[] = [...documentAiTasks, generateDiagramTask, generateWireframeTask];
  for (const task of aiTasks.filter((t) => !testedElsewhere.includes(t))) {
    it(`${task.name}: valid, deterministic output for varied inputs`, () => {
      const arbitrary = inputs[task.name];
      if (!arbitrary) throw new Error(`no generator for ${task.name}`);
      fc.assert(
        fc.property(arbitrary, (input) => {
          runBuiltin(task, input);
        }),
        { numRuns: 250, seed: 20_240_601 },
      );
    });

    it(`${task.name}: builds a prompt that carries the input`, () => {
      const arbitrary = inputs[task.name];
      if (!arbitrary) throw new Error(`no generator for ${task.name}`);
      fc.assert(
        fc.property(arbitrary, (raw) => {
          const parts = task.buildPrompt(task.input.parse(raw));
          expect(parts.system.length).toBeGreaterThan(20);
          expect(parts.prompt.length).toBeGreaterThan(0);
        }),
        { numRuns: 50, seed: 7 },
      );
    });
  }

  it('handles inputs at their maximum length', () => {
    const longIdea = fc.sample(productIdea, { numRuns: 200, seed: 3 }).join(' ');
    const text = longIdea.repeat(Math.ceil(50_000 / longIdea.length)).slice(0, 50_000);
    const noPunctuation = 'dog owners book walkers and walkers rate owners '.repeat(1100).slice(0, 50_000);
    runBuiltin(extractInsightsTask, { text });
    runBuiltin(extractInsightsTask, { text: noPunctuation });
    runBuiltin(projectBriefTask, { name: 'N'.repeat(255), idea: text.slice(0, 20_000), answers: Array.from({ length: 10 }, () => ({ question: 'q'.repeat(1000), answer: text.slice(0, 4000) })) });
    runBuiltin(clarifyingQuestionsTask, { idea: noPunctuation.slice(0, 20_000) });
    const context = Array.from({ length: 20 }, (_, i) => ({ id: `doc-${i}`, title: `Document ${i}`, text: text.slice(i * 1000, i * 1000 + 20_000) }));
    runBuiltin(answerQuestionTask, { question: text.slice(0, 4000), context });
  });

  it('describes every object output as JSON Schema for remote models', () => {
    for (const task of aiTasks) {
      if (task.kind !== 'object') continue;
      const schema = JSON.stringify(z.toJSONSchema(task.output, { io: 'output', unrepresentable: 'any' }));
      expect(schema).toContain('"description"');
      expect(schema).toContain('"required"');
    }
  });

  it('rejects unknown input fields and oversized inputs', () => {
    expect(extractInsightsTask.input.safeParse({ text: 'x', extra: 1 }).success).toBe(false);
    expect(extractInsightsTask.input.safeParse({ text: 'x'.repeat(50_001) }).success).toBe(false);
    expect(extractInsightsTask.input.safeParse({ text: '   ' }).success).toBe(false);
    expect(projectBriefTask.input.safeParse({ name: 'n', idea: 'i', answers: Array.from({ length: 11 }, () => ({ question: 'q', answer: 'a' })) }).success).toBe(false);
    expect(answerQuestionTask.input.safeParse({ question: 'q', context: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, title: '', text: '' })) }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Output specific to the input

describe('built-in AI tasks (specific to the input)', () => {
  const dogIdea = 'A marketplace where dog owners book walkers.';

  it('project-brief: a dog-walking marketplace names its two sides and the booking feature', () => {
    const brief = projectBriefTask.builtin(projectBriefTask.input.parse({ name: 'PawTrail', idea: dogIdea }), {});
    const users = brief.targetUsers.map((user) => user.name.toLowerCase());
    expect(users).toContain('dog owners');
    expect(users).toContain('walkers');
    expect(brief.features.some((feature) => /book/i.test(`${feature.name} ${feature.description}`))).toBe(true);
    expect(brief.features[0]?.priority).toBe('must');
    expect(brief.title).toBe('PawTrail');
    expect(brief.summary).toMatch(/offline engine/);
    expect(brief.risks.some((risk) => /walkers/.test(risk.risk) && /dog owners/.test(risk.risk))).toBe(true);
    expect(brief.successMetrics.join(' ')).toMatch(/dog owners/);
  });

  it('project-brief: answers to clarifying questions feed the brief', () => {
    const brief = projectBriefTask.builtin(
      projectBriefTask.input.parse({
        name: 'Shelf',
        idea: 'An app for our book club.',
        answers: [
          { question: 'Who will use it?', answer: 'Members vote on the next book and the host confirms the date.' },
          { question: 'How will you measure success?', answer: '80% of members vote every month.' },
        ],
      }),
      {},
    );
    expect(brief.targetUsers.map((user) => user.name)).toContain('Members');
    expect(brief.features.some((feature) => /vote on the next book/i.test(feature.name))).toBe(true);
    expect(brief.successMetrics).toContain('80% of members vote every month.');
  });

  it('project-brief: entities with attributes become record features, quality targets become goals', () => {
    const brief = projectBriefTask.builtin(
      projectBriefTask.input.parse({
        name: 'Billable',
        idea: 'Consultants log time entries against projects. Each time entry has a date, hours and a description. The app must be GDPR compliant.',
      }),
      {},
    );
    expect(brief.features.map((feature) => feature.name)).toContain('Time entry records');
    expect(brief.features.find((feature) => feature.name === 'Time entry records')?.description).toMatch(/date, hours and description/);
    expect(brief.goals.join(' ')).toMatch(/stated compliance requirements/);
  });

  it('extract-insights: actors, entities and numbered requirements come from the text', () => {
    const insights = extractInsightsTask.builtin(
      extractInsightsTask.input.parse({
        text:
          'Riders can request a ride from their phone. The driver must accept or decline within 30 seconds. ' +
          'Each ride has a pickup address, a destination and a fare. Location data must be encrypted at rest. ' +
          'Riders could split the fare with friends.',
      }),
      {},
    );
    expect(insights.actors).toEqual(expect.arrayContaining(['riders', 'driver']));
    expect(insights.entities[0]).toEqual({ name: 'ride', attributes: ['pickup address', 'destination', 'fare'] });
    expect(insights.requirements.map(({ id, kind, priority }) => ({ id, kind, priority }))).toEqual([
      { id: 'FR-1', kind: 'functional', priority: 'should' },
      { id: 'FR-2', kind: 'functional', priority: 'must' },
      { id: 'NFR-1', kind: 'non-functional', priority: 'must' },
      { id: 'FR-3', kind: 'functional', priority: 'could' },
    ]);
    expect(insights.keyTerms[0]?.weight).toBe(1);
    expect(insights.keyTerms.map((term) => term.term)).toContain('fare');
  });

  it('clarifying-questions: asks about what the idea leaves open, in its own terms', () => {
    const vague = clarifyingQuestionsTask.builtin({ idea: 'Something to organise our neighbourhood tool library.' }, {});
    expect(vague.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(vague.questions[0]?.question).toMatch(/^Who exactly/);
    expect(vague.questions.map((q) => q.question).join(' ')).toMatch(/tool library/);

    const dog = clarifyingQuestionsTask.builtin({ idea: dogIdea }, {});
    expect(dog.questions.length).toBeGreaterThanOrEqual(2);
    expect(dog.questions.length).toBeLessThanOrEqual(3);
    expect(dog.questions.some((q) => /who exactly/i.test(q.question))).toBe(false);
    expect(dog.questions.map((q) => q.question).join(' ')).toMatch(/dog owners/);

    const complete = clarifyingQuestionsTask.builtin(
      { idea: 'A mobile app where 5000 nurses swap shifts. Success means 30% fewer unfilled shifts. Each shift has a ward, a date and a start time.' },
      {},
    );
    expect(complete.questions).toHaveLength(2);
    expect(complete.questions[0]?.question).toMatch(/each shift besides ward, date and start time/);
  });

  it('answer-question: cites the passage about the question, not an unrelated one', () => {
    const context = [
      { id: 'onboarding', title: 'Onboarding', text: 'New users verify their email address. Then they create their first project and invite their team.' },
      {
        id: 'billing',
        title: 'Billing',
        text: 'Invoices are sent on the first of each month. Customers can request a refund within 30 days of purchase. Refunds go back to the original card.',
      },
    ];
    const answer = answerQuestionTask.builtin({ question: 'How do refunds work?', context }, {});
    expect(answer).toContain('[billing]');
    expect(answer).not.toContain('[onboarding]');
    expect(answer).toContain('> Customers can request a refund within 30 days of purchase.');
    expect(answer).not.toContain('Invoices are sent');
    expect(answer).toContain('**Billing** says:');
  });

  it('answer-question: matches inflected words and quotes the answer that follows a FAQ question', () => {
    const context = [
      { id: 'faq', title: '', text: 'Can I cancel a walk? Yes, up to 24 hours before the walk for free.' },
      { id: 'payments', title: 'Payments', text: 'Walkers are paid out every Friday. A cancellation less than 24 hours before the walk costs 50% of the price.' },
      { id: 'onboarding', title: 'Onboarding', text: 'Background checks are mandatory for every walker.' },
    ];
    const answer = answerQuestionTask.builtin({ question: 'What happens if I cancel a walk late?', context }, {});
    expect(answer).toContain('> Yes, up to 24 hours before the walk for free. [faq]');
    expect(answer).toContain('> A cancellation less than 24 hours before the walk costs 50% of the price. [payments]');
    expect(answer).not.toContain('[onboarding]');
    expect(answer).toMatch(/Nothing I found mentions “late”/);
  });

  it('answer-question: says plainly when nothing in the context is about the question', () => {
    const context = [{ id: 'onboarding', title: 'Onboarding', text: 'New users verify their email address.' }];
    const answer = answerQuestionTask.builtin({ question: 'What is our data retention policy?', context }, {});
    expect(answer).toBe('I found nothing about that in this project.');
    expect(answerQuestionTask.builtin({ question: 'What is our data retention policy?', context: [] }, {})).toBe('I found nothing about that in this project.');
  });

  it('answer-question: states a fact of the project model first, saying where it was read', () => {
    const context = [
      { id: 'mod-1', title: 'the idea', text: 'A loan lasts one week.', kind: 'fact' as const },
      { id: 'sec-1', title: 'SRS — Loans', text: 'Members borrow tools. Each loan is approved by a coordinator.' },
    ];
    const answer = answerQuestionTask.builtin({ question: 'How long does a loan last?', context }, {});
    expect(answer.split('\n')[0]).toBe('According to the idea: A loan lasts one week. [mod-1]');
  });
});

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function singular(plural: string): string {
  return plural.replace(/ies$/, 'y').replace(/s$/, '');
}
