import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectTask } from '../../../core/ai/index.js';
import { documentMarketingTask, renderMarketing } from './document-marketing/index.js';
import { documentOverviewTask, renderOverview } from './document-overview/index.js';
import { documentPrdTask, renderPrd } from './document-prd/index.js';
import { documentSrsTask, renderSrs } from './document-srs/index.js';
import { documentTasksTask, renderTasks } from './document-tasks/index.js';
import { documentTechTask, renderTech } from './document-tech/index.js';
import { documentTaskInput, MAX_SOURCE_TEXT, passagesOf, type DocumentTaskInput, type RenderOptions } from './document-writer/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Generators

const ACTORS = ['dog owners', 'walkers', 'customers', 'the admin', 'project managers', 'drivers', 'teachers', 'students', 'volunteers', 'landlords', 'tenants', 'nurses'];
const VERBS = ['book', 'rate', 'track', 'share', 'approve', 'export', 'schedule', 'cancel', 'invite', 'search for', 'pay for', 'review', 'see'];
const THINGS = ['walks', 'invoices', 'time entries', 'rides', 'lessons', 'shifts', 'repairs', 'bookings', 'recipes', 'reports', 'orders', 'events'];
const ATTRIBUTES = ['a date', 'a price', 'a status', 'a title', 'a due date', 'an address', 'a rating', 'a duration', 'notes'];
const MODALS = ['can', 'must', 'should', 'could', 'needs to', 'will', 'may'];
const QUALITIES = [
  'The app must load in under 2 seconds.',
  'All personal data must be stored securely and comply with GDPR.',
  'The service should be available 99.9% of the time.',
  'Screens must be accessible to screen reader users.',
  'It must integrate with Slack and Google Calendar.',
  'We expect 5000 nurses in the first year.',
  'Today teams waste hours in spreadsheets.',
];

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const singular = (plural: string): string => plural.replace(/ies$/, 'y').replace(/s$/, '');

const productSentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(ACTORS), pick(MODALS), pick(VERBS), pick(THINGS)).map(([a, m, v, t]) => `${cap(a)} ${m} ${v} ${t}.`),
  fc.tuple(pick(THINGS), pick(ATTRIBUTES), pick(ATTRIBUTES)).map(([t, x, y]) => `Each ${singular(t)} has ${x} and ${y}.`),
  fc.tuple(pick(THINGS), pick(ACTORS), pick(VERBS)).map(([t, a, v]) => `A marketplace where ${a} ${v} ${t}.`),
  fc.tuple(pick(ACTORS), pick(VERBS), pick(THINGS)).map(([a, v, t]) => `As a ${singular(a.replace(/^the /, ''))}, I want to ${v} ${t} so that I save time.`),
  pick(QUALITIES),
);
const productIdea = fc.array(productSentence, { minLength: 1, maxLength: 8 }).map((s) => s.join(' '));

const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: productIdea },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 30, mode: 'sentences' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('a', '.', '?', '-', '42', '日本語のテキスト', '🙂🙂', 'e.g. i.e. etc.', '# Heading\n\n- item', '| a | b |') },
  { weight: 1, arbitrary: fc.array(productSentence, { minLength: 1, maxLength: 5 }).map((s) => `# Notes\n${s.map((line) => `- ${line}`).join('\n')}`) },
);
const nonBlank = (max: number) => anyText.map((text) => text.slice(0, max)).filter((text) => text.trim().length > 0);

const sourceSection = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{8}#[a-z0-9-]{1,20}$/),
  heading: fc.oneof(fc.constant(''), fc.lorem({ maxCount: 4 })),
  text: anyText.map((t) => t.slice(0, 2000)),
});

export const documentInputs: fc.Arbitrary<DocumentTaskInput> = fc
  .record(
    {
      projectName: fc.oneof(fc.constantFrom('PawTrail', 'Billable', 'X', 'Ünïcödé 🙂', '| pipes | and # hashes'), fc.string({ minLength: 1, maxLength: 40 })).filter((n) => n.trim().length > 0),
      idea: nonBlank(20_000),
      answers: fc.array(fc.record({ question: nonBlank(500), answer: fc.oneof(fc.constant(''), anyText.map((a) => a.slice(0, 2000))) }), { maxLength: 4 }),
      sources: fc.array(
        fc.record({
          documentId: fc.uuid(),
          type: fc.constantFrom('scope_statement', 'prd', 'feasibility', 'spec'),
          title: fc.lorem({ maxCount: 3 }),
          sections: fc.array(sourceSection, { maxLength: 5 }),
        }),
        { maxLength: 3 },
      ),
      instructions: nonBlank(300),
    },
    { requiredKeys: ['projectName', 'idea'] },
  )
  .map((input) => documentTaskInput.parse(input));

type Writer = { task: ObjectTask<DocumentTaskInput, unknown>; render: (output: never, options?: RenderOptions) => string };
const writers: Writer[] = [
  { task: documentSrsTask, render: renderSrs },
  { task: documentPrdTask, render: renderPrd },
  { task: documentOverviewTask, render: renderOverview },
  { task: documentMarketingTask, render: renderMarketing },
  { task: documentTechTask, render: renderTech },
  { task: documentTasksTask, render: renderTasks },
] as Writer[];

function labelsOf(input: DocumentTaskInput): RenderOptions {
  const labels = new Map(passagesOf(input).map((p) => [p.id, p.label]));
  return { labelOf: (id) => labels.get(id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Properties

describe('document tasks (generated inputs)', () => {
  for (const { task, render } of writers) {
    it(`${task.name}: schema-valid, deterministic output and Markdown for varied inputs`, () => {
      fc.assert(
        fc.property(documentInputs, (input) => {
          const first = task.builtin(input, {});
          const second = task.builtin(structuredClone(input), {});
          expect(second).toEqual(first);
          task.output.parse(first);
          const json = JSON.stringify(first);
          expect(json).not.toMatch(/undefined|NaN|\[object /);
          const markdown = render(first as never, labelsOf(input));
          expect(render(second as never, labelsOf(input))).toBe(markdown);
          expect(markdown.startsWith('# ')).toBe(true);
          expect(markdown).not.toMatch(/undefined|NaN|\[object /);
          // Every heading has text, and no table row breaks its columns.
          for (const line of markdown.split('\n')) {
            if (/^#{1,6}(?:\s|$)/.test(line)) expect(line).toMatch(/^#{1,6} \S/);
          }
        }),
        { numRuns: 60, seed: 20_261_127 },
      );
    });

    it(`${task.name}: builds a prompt that carries the idea and every source section id`, () => {
      fc.assert(
        fc.property(documentInputs, (input) => {
          const parts = task.buildPrompt(input);
          expect(parts.system.length).toBeGreaterThan(20);
          expect(parts.prompt).toContain(input.idea);
          for (const source of input.sources ?? []) for (const section of source.sections) expect(parts.prompt).toContain(`id="${section.id}"`);
        }),
        { numRuns: 25, seed: 11 },
      );
    });
  }

  it('handles inputs at their maximum size', () => {
    const idea = fc.sample(productIdea, { numRuns: 300, seed: 5 }).join(' ').slice(0, 20_000);
    const section = (i: number) => ({ id: `s-${i}`, heading: `Section ${i}`, text: idea.slice(i * 100, i * 100 + 1400) });
    const input = documentTaskInput.parse({
      projectName: 'N'.repeat(255),
      idea,
      answers: Array.from({ length: 10 }, (_, i) => ({ question: `Question ${i}?`, answer: idea.slice(i * 500, i * 500 + 2000) })),
      sources: Array.from({ length: 8 }, (_, d) => ({ documentId: `doc-${d}`, type: 'spec', title: `Spec ${d}`, sections: Array.from({ length: 5 }, (_, i) => section(d * 5 + i)) })),
      instructions: 'Keep it short.',
    });
    for (const { task, render } of writers) {
      const output = task.builtin(input, {});
      task.output.parse(output);
      expect(render(output as never).length).toBeGreaterThan(200);
    }
  });

  it('refuses unknown fields and oversized inputs, naming the field', () => {
    expect(documentTaskInput.safeParse({ projectName: 'P', idea: 'i', extra: 1 }).success).toBe(false);
    expect(documentTaskInput.safeParse({ projectName: 'P', idea: '   ' }).success).toBe(false);
    expect(documentTaskInput.safeParse({ projectName: 'P', idea: 'x'.repeat(20_001) }).success).toBe(false);
    const tooMuch = documentTaskInput.safeParse({
      projectName: 'P',
      idea: 'i',
      sources: Array.from({ length: 8 }, (_, d) => ({ documentId: `d${d}`, type: 'spec', title: 'T', sections: Array.from({ length: 2 }, (_, i) => ({ id: `${d}-${i}`, heading: '', text: 'y'.repeat(4000) })) })),
    });
    expect(tooMuch.success).toBe(false);
    expect(tooMuch.error?.issues[0]?.path).toEqual(['sources']);
    expect(MAX_SOURCE_TEXT).toBeLessThan(64_000);
  });
});
