import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOffline } from '../../../../core/ai/index.js';
import { storyEstimateTask } from '../story-estimate/index.js';
import { storyGenerationTask } from './index.js';

/**
 * The offline answer as the gateway hands it on, quality gate included, for documents written any which way: headings
 * that are verb phrases, noun phrases or whole sentences, story lines or none, any priority word. The engine has no
 * retry, so text the gate refuses would fail the job.
 */
const ACTORS = ['customer', 'mechanic', 'dog owner', 'nurse', 'volunteer'];
const VERBS = ['approve a quote', 'book a slot', 'order parts', 'cancel a booking', 'export the report', 'rate a walk'];
const NOUNS = ['User registration', 'Shift calendar', 'Payment history', 'Reporting dashboard', 'Data export'];
const SENTENCES = ['Customers can pay online.', 'The owner sees every job in progress.', 'Reminders go out the day before.'];

const heading = fc.oneof(fc.constantFrom(...VERBS.map((v) => v[0]!.toUpperCase() + v.slice(1))), fc.constantFrom(...NOUNS), fc.constantFrom(...SENTENCES));
const storyLine = fc.tuple(fc.constantFrom(...ACTORS), fc.constantFrom(...VERBS), fc.constantFrom('the work can start', 'I save time', 'nothing is forgotten')).map(([a, v, b]) => `As a ${a}, I want to ${v} so that ${b}.`);
const section = fc.tuple(heading, fc.option(storyLine, { nil: undefined }), fc.constantFrom('P0', 'P1', 'Should', 'unknown'), fc.array(fc.constantFrom(...SENTENCES, 'When the date is missing, nothing is saved.', 'Given a booking, when it is cancelled, then the slot is free again.'), { maxLength: 3 }));
const document = fc.tuple(fc.constantFrom('US', 'FR', 'REQ'), fc.array(section, { minLength: 1, maxLength: 6 })).map(([prefix, sections]) =>
  sections
    .map(([title, line, priority, bullets], i) => [`### ${prefix}-${i + 1} ${title}`, line ?? SENTENCES[i % SENTENCES.length], `**Priority:** ${priority}`, 'Acceptance criteria:', ...bullets.map((b) => `- ${b}`)].join('\n\n'))
    .join('\n\n'),
);

describe('offline story proposals through the quality gate', () => {
  it('never writes text the gate refuses, whatever the document’s headings and lines', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('prd', 'srs', 'document'), (markdown, kind) => {
        const answer = answerOffline(storyGenerationTask, storyGenerationTask.input.parse({ projectName: 'Spoke', source: { kind, title: 'Doc', markdown } }), 'run');
        const output = storyGenerationTask.output.parse(answer.output);
        expect(output.proposals.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('estimates pass the gate for any candidates', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 1, max: 99 }).map((n) => `SP-${n}`), points: fc.integer({ min: 0, max: 100 }), similarity: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 8 }), (list) => {
        const candidates = list.map((c, i) => ({ storyId: `s${i}`, key: c.key, title: 'A story', description: '', storyPoints: c.points, similarity: c.similarity }));
        answerOffline(storyEstimateTask, storyEstimateTask.input.parse({ story: { title: 'Approve a quote' }, candidates }), 'run');
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
