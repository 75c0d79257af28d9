import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, gateTexts } from '../../../../core/text/quality/index.js';
import { documentKinds } from '../../../generation/index.js';
import { emptyProjectModel, projectModelTask, type ProjectModel } from '../../../project-model/index.js';
import { investCheck, pointsFor } from './invest.js';
import { storyGenerationTask, type StoryGenerationInput, type StoryGenerationOutput } from './index.js';

/** Stories proposed offline from PRDs and SRSs the offline engine wrote for ideas of the quality corpus. */
const IDEAS = ['dev-bike-repair', 'dev-clinic-booking', 'dev-book-club', 'dev-animal-shelter', 'dev-coworking-rooms'];

type Idea = { name: string; idea: string; answers: Array<{ question: string; answer: string }> };

function generated(file: string) {
  const idea = JSON.parse(readFileSync(new URL(`../../../../../bench/corpus/ideas/${file}.json`, import.meta.url), 'utf8')) as Idea;
  const model = projectModelTask.builtin({ projectName: idea.name, idea: idea.idea, answers: idea.answers }, {});
  const write = (type: 'prd' | 'srs') => {
    const kind = documentKinds[type];
    const input = kind.task.input.parse({ projectName: idea.name, idea: idea.idea, answers: idea.answers, model });
    const content = kind.task.builtin(input, {});
    return { content, markdown: kind.render(content, {}) };
  };
  return { idea, model, prd: write('prd'), srs: write('srs') };
}

function propose(input: Omit<StoryGenerationInput, 'model'> & { model: ProjectModel }): StoryGenerationOutput {
  return storyGenerationTask.output.parse(storyGenerationTask.builtin(storyGenerationTask.input.parse(input), {}));
}

/** The titles of the PRD's stories as its headings show them: "### US-3 Approve a quote". */
const headingTitles = (markdown: string, prefix: string) =>
  [...markdown.matchAll(new RegExp(`^#{3,4} ${prefix}-\\d+ (.+)$`, 'gm'))].map((m) => m[1]!.trim());

describe.each(IDEAS)('story proposals from the documents of %s', (file) => {
  const { idea, model, prd, srs } = generated(file);
  const fromPrd = propose({ projectName: idea.name, source: { kind: 'prd', title: `${idea.name} — Product Requirements`, markdown: prd.markdown, content: prd.content }, model });

  it('takes its titles from the PRD’s own stories, each with Given/When/Then criteria, a priority and points', () => {
    const titles = headingTitles(prd.markdown, 'US');
    expect(titles.length).toBeGreaterThan(0);
    expect(fromPrd.proposals.map((p) => p.title)).toEqual(titles);
    for (const proposal of fromPrd.proposals) {
      expect(proposal.acceptanceCriteria.length).toBeGreaterThan(0);
      for (const criterion of proposal.acceptanceCriteria) expect(criterion).toMatch(/^Given .+, when .+, then .+\.$/);
      expect([1, 2, 3, 5, 8]).toContain(proposal.storyPoints);
      expect(proposal.invest.map((c) => c.criterion)).toEqual(['independent', 'negotiable', 'valuable', 'estimable', 'small', 'testable']);
      expect(fromPrd.epics.map((e) => e.title)).toContain(proposal.epic.title);
      expect(proposal.source).toMatch(/^US-\d+ in “/);
    }
    expect(new Set(fromPrd.proposals.map((p) => p.proposalId)).size).toBe(fromPrd.proposals.length);
  });

  it('reads the same stories from the PRD’s Markdown alone (an edited or uploaded PRD)', () => {
    const fromMarkdown = propose({ projectName: idea.name, source: { kind: 'prd', title: 'PRD', markdown: prd.markdown }, model });
    expect(fromMarkdown.proposals.map((p) => [p.title, p.priority])).toEqual(fromPrd.proposals.map((p) => [p.title, p.priority]));
  });

  it('takes an SRS’s functional requirements as stories, and the model’s use cases when there is no document', () => {
    const fromSrs = propose({ projectName: idea.name, source: { kind: 'srs', title: 'SRS', markdown: srs.markdown, content: srs.content }, model });
    expect(fromSrs.proposals.map((p) => p.title)).toEqual(headingTitles(srs.markdown, 'FR'));
    const fromModel = propose({ projectName: idea.name, source: { kind: 'model', title: '', markdown: '' }, model });
    expect(fromModel.proposals.length).toBe(model.useCases.filter((uc) => model.actors.find((a) => a.id === uc.actor)?.kind === 'person').length);
    for (const proposal of [...fromSrs.proposals, ...fromModel.proposals]) {
      expect(proposal.acceptanceCriteria.every((c) => /^Given .+, when .+, then .+\.$/.test(c))).toBe(true);
    }
  });

  it('passes the quality gate without a repair: no broken grammar, no template tokens', () => {
    for (const output of [fromPrd, propose({ projectName: idea.name, source: { kind: 'srs', title: 'SRS', markdown: srs.markdown, content: srs.content }, model })]) {
      const gated = gateTexts(storyGenerationTask.prose!(output));
      expect(gated.failures, JSON.stringify(gated.failures)).toEqual([]);
      expect(gated.fields.filter((f) => f.repaired)).toEqual([]);
      for (const proposal of output.proposals) expect(checkText(proposal.description, 'prose')).toEqual([]);
      expect(JSON.stringify(output)).not.toMatch(/\{\{|\}\}|\bundefined\b|\bnull\b(?!,)|\[object/);
    }
  });
});

describe('priorities, sizes and the INVEST check', () => {
  const { idea, model, prd } = generated('dev-bike-repair');

  it('maps P0/P1/P2 to high/medium/low', () => {
    const markdown = prd.markdown.replace(/\*\*Priority:\*\* P1/, '**Priority:** P0').replace(/(### US-2[\s\S]*?)\*\*Priority:\*\* P1/, '$1**Priority:** P2');
    const out = propose({ projectName: idea.name, source: { kind: 'prd', title: 'PRD', markdown }, model });
    expect(out.proposals.slice(0, 3).map((p) => p.priority)).toEqual(['high', 'low', 'medium']);
  });

  it('flags a story that names another one, and keeps a hand-written PRD’s own criteria', () => {
    const markdown = [
      '# Tiny PRD',
      '## User stories',
      '### US-1 Approve a quote',
      'As a customer, I want to approve a quote so that the work can start.',
      '**Priority:** Must',
      'Acceptance criteria:',
      '- Given a customer with a quote, when they approve it, then the mechanic sees the approval.',
      '### US-2 Pay for the repair',
      'As a customer, I want to pay for the repair so that I can take my bike home.',
      'Acceptance criteria:',
      '- Given a customer whose quote was approved in Approve a quote, when they pay, then the job is closed.',
    ].join('\n');
    const out = propose({ projectName: 'Spoke', source: { kind: 'prd', title: 'Tiny PRD', markdown }, model: emptyProjectModel() });
    const check = (i: number, criterion: string) => out.proposals[i]!.invest.find((c) => c.criterion === criterion)!;
    expect(out.proposals.map((p) => p.title)).toEqual(['Approve a quote', 'Pay for the repair']);
    expect(out.proposals[0]!.priority).toBe('high');
    expect(check(1, 'independent')).toMatchObject({ ok: false, note: expect.stringContaining('Approve a quote') });
    expect(check(0, 'independent').ok).toBe(true);
    expect(check(0, 'testable').ok).toBe(true);
    expect(out.proposals[0]!.acceptanceCriteria).toEqual(['Given a customer with a quote, when they approve it, then the mechanic sees the approval.']);
  });

  it('flags a story too big for a sprint and one without Given/When/Then criteria', () => {
    const base = { ref: 'US-1', title: 'Run the shop', text: 'As an owner, I want to run the shop.', benefit: true, storyPoints: 8, steps: 9 };
    const big = investCheck({ ...base, criteria: ['Given a shop, when it opens, then it runs.'] }, []);
    expect(big.find((c) => c.criterion === 'small')).toMatchObject({ ok: false, note: expect.stringContaining('9 steps') });
    const untestable = investCheck({ ...base, storyPoints: 2, steps: 1, criteria: ['It works.'] }, []);
    expect(untestable.find((c) => c.criterion === 'testable')!.ok).toBe(false);
    expect(untestable.find((c) => c.criterion === 'small')!.ok).toBe(true);
    expect(pointsFor({ steps: 0, rules: 0, entities: 1, criteria: 1 })).toBe(1);
    expect(pointsFor({ steps: 5, rules: 1, entities: 2, criteria: 4 })).toBe(8);
    expect(pointsFor({ steps: 5, rules: 0, entities: 1, criteria: 3 })).toBe(3);
  });
});

describe('over every idea of the quality corpus', () => {
  it('proposes the PRD’s and the SRS’s own titles, from their content or their Markdown, with Given/When/Then criteria that pass the gate unrepaired', () => {
    const files = readdirSync(new URL('../../../../../bench/corpus/ideas/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));
    expect(files.length).toBeGreaterThanOrEqual(36);
    const problems: string[] = [];
    for (const file of files) {
      const { idea, model, prd, srs } = generated(file);
      for (const [kind, doc, prefix] of [['prd', prd, 'US'], ['srs', srs, 'FR']] as const) {
        for (const content of [doc.content, undefined]) {
          const out = propose({ projectName: idea.name, source: { kind, title: 'Doc', markdown: doc.markdown, ...(content ? { content } : {}) }, model });
          const where = `${file} ${kind}${content ? '' : ' (Markdown only)'}`;
          if (JSON.stringify(out.proposals.map((p) => p.title)) !== JSON.stringify(headingTitles(doc.markdown, prefix))) problems.push(`${where}: titles differ`);
          if (out.proposals.some((p) => !p.acceptanceCriteria.length || p.acceptanceCriteria.some((c) => !/^Given .+, when .+, then .+\.$/.test(c)))) problems.push(`${where}: a criterion is not Given/When/Then`);
          const gated = gateTexts(storyGenerationTask.prose!(out));
          if (gated.failures.length || gated.fields.some((f) => f.repaired)) problems.push(`${where}: ${JSON.stringify(gated.failures)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('a PRD written by hand', () => {
  it('takes “As a …, I want to … so that …” lines as stories when they stand under no numbered heading, and the model’s use cases when there are none', () => {
    const markdown = [
      '# Spoke PRD',
      '| Story | Priority |',
      '| --- | --- |',
      '| As a customer, I want to approve a quote by text so that the work can start. | P0 |',
      '| As a mechanic I need to order parts, so that the repair is not held up. | P2 |',
      '',
      '- As a customer, I want to approve a quote by text so that the work can start.',
    ].join('\n');
    const out = propose({ projectName: 'Spoke', source: { kind: 'prd', title: 'Spoke PRD', markdown }, model: emptyProjectModel() });
    expect(out.proposals.map((p) => [p.title, p.priority, p.epic.title])).toEqual([
      ['Approve a quote by text', 'high', 'Customers'],
      ['Order parts', 'low', 'Mechanics'],
    ]);
    expect(out.proposals[0]!.acceptanceCriteria).toEqual(['Given a signed-in customer, when they approve a quote by text, then the work can start.']);
    const { idea, model } = generated('dev-bike-repair');
    const none = propose({ projectName: idea.name, source: { kind: 'document', title: 'Notes', markdown: '# Notes\nWe repair bikes.' }, model });
    expect(none.proposals.length).toBeGreaterThan(0);
    expect(none.proposals[0]!.source).toMatch(/project model/);
  });
});
