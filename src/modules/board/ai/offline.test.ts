import { describe, expect, it } from 'vitest';
import { gateOutput } from '../../../core/ai/prose-gate.js';
import { clinicModel, libraryModel } from '../../../../test/support/project-models.js';
import { lendingLibraryModel } from '../../../../test/support/lending-library-model.js';
import {
  boardContributionTask,
  boardFramingTask,
  boardModeratorTask,
  boardSingleAnswerTask,
  boardSynthesisTask,
  boardVoteTask,
  type ContributionOutput,
  type OptionInput,
  type PersonaProfile,
  type Problem,
  type ProjectDigest,
} from './index.js';
import type { RoundKind } from '../../../shared/board-kinds.js';
import { problemSchema } from './inputs.js';
import { projectDigest } from './project-digest.js';
import { namedOptions } from './engine/options.js';
import { ranked, scoreOptions, TIE } from './engine/scoring.js';

/**
 * The offline engine over decisions nobody tuned it to: options read from the statement, five personas of different
 * disciplines giving different, grammatical contributions that cite the project, no figure the input does not
 * contain, the same answer for the same seed, ballots that rank everything, and a synthesis naming the winner.
 */

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

function persona(code: string, family: PersonaProfile['family'], riskAppetite: number, lens: string, checks: string[]): PersonaProfile {
  return { code, name: `${code.charAt(0).toUpperCase()}${code.slice(1).replace(/-/g, ' ')}`, family, expertise: lens, lens, checks, riskAppetite, systemPrompt: `You are the ${family} voice of the board.` };
}

const PANEL: PersonaProfile[] = [
  persona('cfo', 'finance', -0.5, 'cash, unit economics and the cost of being wrong', ['runway and burn', 'payback period']),
  persona('growth-lead', 'marketing', 0.6, 'demand, positioning and reach', ['evidence of demand', 'Who is the first customer?']),
  persona('head-of-ops', 'operations', -0.2, 'what it takes to run this every day', ['who does the work', 'capacity at peak']),
  persona('staff-engineer', 'engineering', 0.1, 'what we build, run and maintain for years', ['effort and maintenance', 'rollback plan']),
  persona('counsel', 'legal', -0.7, 'obligations, contracts and liability', ['contracts we sign', 'data protection']),
];

const library = projectDigest('ToolShare', libraryModel);
const lending = projectDigest('Lendy', lendingLibraryModel());
const clinic = projectDigest('CareDesk', clinicModel);

type Case = { statement: string; options: string[]; context?: string; project?: ProjectDigest };

/** Decisions of many kinds, with the options a reader would take from them. */
const CORPUS: Case[] = [
  { statement: 'Should we launch in one city or three?', options: ['Launch in one city', 'Launch in three cities'], project: library },
  { statement: 'Should we raise the price of the pro plan?', options: ['Raise the price of the pro plan', 'Do not raise the price of the pro plan yet'], context: 'churn: 3% a month\ncurrent price: $12 a month' },
  { statement: 'Should we hire a senior engineer or two juniors?', options: ['Hire a senior engineer', 'Hire two juniors'], context: 'team: 4 engineers\nbudget: $180k a year for salaries' },
  { statement: 'Should we build or buy our billing system?', options: ['Build our billing system', 'Buy our billing system'], project: lending },
  { statement: 'Should we outsource customer support?', options: ['Outsource customer support', 'Do not outsource customer support yet'], context: 'Support gets 400 tickets a week. Two people answer them.' },
  { statement: 'Which market should we enter first: Germany or France?', options: ['Enter Germany first', 'Enter France first'] },
  { statement: 'Should we rewrite the mobile app in Flutter or keep improving the native apps?', options: ['Rewrite the mobile app in Flutter', 'Keep improving the native apps'], project: library },
  {
    statement: 'We had a data breach last week. Should we notify all patients now or wait for the forensic report?',
    options: ['Notify all patients now', 'Wait for the forensic report'],
    project: clinic,
  },
  { statement: 'Should we launch a freemium tier?', options: ['Launch a freemium tier', 'Do not launch a freemium tier yet'], project: library },
  { statement: 'Is it time to migrate from Heroku to AWS?', options: ['Migrate from Heroku to AWS', 'Do not migrate from Heroku to AWS yet'], context: 'hosting cost: $2,400 a month' },
  { statement: 'Should we partner with Acme for distribution or not?', options: ['Partner with Acme for distribution', 'Do not partner with Acme for distribution yet'] },
  { statement: 'Should we shut down the Berlin office?', options: ['Shut down the Berlin office', 'Do not shut down the Berlin office yet'], context: 'The Berlin office has 6 staff and loses money every quarter.' },
  { statement: 'Which CRM should we choose: HubSpot, Salesforce or Pipedrive?', options: ['Choose HubSpot', 'Choose Salesforce', 'Choose Pipedrive'] },
  { statement: 'Should we expand to Spain, Italy or Portugal?', options: ['Expand to Spain', 'Expand to Italy', 'Expand to Portugal'] },
  { statement: 'Should we use Stripe or Paddle for payments?', options: ['Use Stripe for payments', 'Use Paddle for payments'], project: lending },
  { statement: 'We are deciding between building in-house and buying a vendor tool.', options: ['Build in-house', 'Buy a vendor tool'] },
  { statement: 'Should we hire now or later?', options: ['Hire now', 'Hire later'], context: 'runway: 14 months' },
  { statement: 'Should we keep the legacy app running, or shut it down?', options: ['Keep the legacy app running', 'Shut the legacy app down'] },
  { statement: 'Should we price the pro plan at $10 or $15?', options: ['Price the pro plan at $10', 'Price the pro plan at $15'], project: lending },
  { statement: 'Should we move to AWS or to GCP?', options: ['Move to AWS', 'Move to GCP'] },
  { statement: 'Should the company accept the acquisition offer from Globex?', options: ['Accept the acquisition offer from Globex', 'Do not accept the acquisition offer from Globex yet'] },
  { statement: 'Should we open a second warehouse or extend the hours of the first one?', options: ['Open a second warehouse', 'Extend the hours of the first one'] },
  { statement: 'Should we sunset the desktop client?', options: ['Sunset the desktop client', 'Do not sunset the desktop client yet'], project: clinic },
];

/** Small probes of the option reader: statement → options. */
const PROBES: Array<[string, string[]]> = [
  ['Should we launch in one city or three?', ['Launch in one city', 'Launch in three cities']],
  ['Build or buy?', ['Build it in-house', 'Buy an existing product']],
  ['Whether to outsource payroll', ['Outsource payroll', 'Do not outsource payroll yet']],
  ['Should we hire now?', ['Hire now', 'Do not hire yet']],
  ['Postgres vs MongoDB for the new service', ['Go with Postgres', 'Go with MongoDB']],
  ['Which of Lisbon, Porto or Faro should we open in first?', ['Open in Lisbon first', 'Open in Porto first', 'Open in Faro first']],
  ['Should we go with one vendor or two vendors?', ['Go with one vendor', 'Go with two vendors']],
  ['Should we raise prices by 10% now or wait until Q3?', ['Raise prices by 10% now', 'Wait until Q3']],
  ['Our churn is up. Should we cut the price or add features?', ['Cut the price', 'Add features']],
  ['Should we launch in Paris or Berlin?', ['Launch in Paris', 'Launch in Berlin']],
  ['How should we price the new plan?', []],
];

const problemOf = (c: Case): Problem => problemSchema.parse({ statement: c.statement, context: c.context ?? '', project: c.project ?? null });
const optionsOf = (labels: readonly string[]): OptionInput[] => labels.map((label, i) => ({ id: String.fromCharCode(65 + i), label, description: '' }));

function contribute(p: PersonaProfile, problem: Problem, options: OptionInput[], round: { number: number; kind: RoundKind } = { number: 1, kind: 'initial' }, extra: Partial<Parameters<typeof boardContributionTask.builtin>[0]> = {}, seed = 7) {
  const input = boardContributionTask.input.parse({ persona: p, problem, subQuestions: [], options, round, own: null, others: [], moderator: null, seed, ...extra });
  return { input, output: boardContributionTask.builtin(input, {}) };
}

function proseOf(output: ContributionOutput): string {
  return [output.claim, ...output.evidence, ...output.assumptions, output.changeReason ?? '', output.proposal?.label ?? '', output.proposal?.description ?? '', output.content].join('\n');
}

/** Every figure (a run of digits) the text writes, which must appear in what the task was given. */
function inventedNumbers(text: string, input: unknown): string[] {
  const given = JSON.stringify(input);
  return [...new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? [])].filter((n) => !given.includes(n));
}

function expectGatePasses(task: Parameters<typeof gateOutput>[0], output: unknown): void {
  const verdict = gateOutput(task, output);
  expect(verdict.ok ? 'ok' : verdict.problem).toBe('ok');
}

function projectNames(digest: ProjectDigest): string[] {
  return [...digest.actors.map((a) => a.name), ...digest.entities.map((e) => e.name), ...digest.metrics.map((m) => m.name)].map((n) => n.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------

describe('board offline engine: options', () => {
  it('reads the options each probe names', () => {
    const results = PROBES.map(([statement, expected]) => ({ statement, expected, got: namedOptions(statement).labels }));
    expect(results.filter((r) => JSON.stringify(r.got) !== JSON.stringify(r.expected))).toEqual([]);
  });

  it('frames every decision of the corpus with the options it names, described and grammatical', () => {
    for (const c of CORPUS) {
      const input = boardFramingTask.input.parse({ problem: problemOf(c), mayAsk: true, seed: 1 });
      const framing = boardFramingTask.builtin(input, {});
      expect(framing.options.map((o) => o.label), c.statement).toEqual(c.options);
      expect(framing.subQuestions.length).toBeGreaterThanOrEqual(1);
      expect(framing.subQuestions.length).toBeLessThanOrEqual(5);
      expect(framing.subQuestions.every((q) => q.text.endsWith('?'))).toBe(true);
      expect(framing.clarifications.length).toBeLessThanOrEqual(3);
      expectGatePasses(boardFramingTask, framing);
      expect(inventedNumbers(JSON.stringify(framing), input), c.statement).toEqual([]);
    }
  });

  it('names the project in its sub-questions when the decision is tied to one', () => {
    const framing = boardFramingTask.builtin(boardFramingTask.input.parse({ problem: problemOf(CORPUS[0]!), mayAsk: true, seed: 1 }), {});
    const text = framing.subQuestions.map((q) => q.text).join(' ').toLowerCase();
    expect(projectNames(library).some((name) => text.includes(name)) || text.includes('toolshare')).toBe(true);
    expect(new Set(framing.subQuestions.flatMap((q) => q.families)).size).toBeGreaterThanOrEqual(3);
  });

  it('asks for a budget only when a spending decision gives none, and nothing when it may not ask', () => {
    const ask = (statement: string, context: string, mayAsk = true) =>
      boardFramingTask.builtin(boardFramingTask.input.parse({ problem: { statement, context }, mayAsk, seed: 1 }), {}).clarifications.map((c) => c.question);
    expect(ask('Should we launch in one city or three?', '').join(' ')).toMatch(/budget/i);
    expect(ask('Should we launch in one city or three?', 'budget: $50k\ndeadline: end of March\nwaitlist: 900 sign-ups')).toEqual([]);
    expect(ask('Should we launch in one city or three?', '', false)).toEqual([]);
    expect(ask('How should we price the new plan?', '')[0]).toMatch(/options/i);
  });
});

describe('board offline engine: contributions', () => {
  for (const c of CORPUS) {
    it(`five disciplines give distinct, grammatical, grounded views: ${c.statement}`, () => {
      const problem = problemOf(c);
      const options = optionsOf(c.options);
      const results = PANEL.map((p) => contribute(p, problem, options));
      const contents = results.map((r) => r.output.content);
      expect(new Set(contents).size).toBe(PANEL.length);
      expect(new Set(results.map((r) => r.output.claim)).size).toBe(PANEL.length);
      for (const { input, output } of results) {
        expect(options.map((o) => o.id)).toContain(output.position);
        const words = output.content.split(/\s+/).length;
        expect(words).toBeGreaterThanOrEqual(70);
        expect(words).toBeLessThanOrEqual(270);
        expectGatePasses(boardContributionTask, output);
        expect(inventedNumbers(proseOf(output), input)).toEqual([]);
        expect(boardContributionTask.builtin(input, {})).toEqual(output);
        if (c.project) {
          const text = proseOf(output).toLowerCase();
          expect(projectNames(c.project).some((name) => text.includes(name)), `${input.persona.code} names the project`).toBe(true);
        }
      }
    });
  }

  it('takes sides by discipline: the careful finance voice and the bold marketing voice part ways on scale', () => {
    const problem = problemOf(CORPUS[0]!);
    const options = optionsOf(CORPUS[0]!.options);
    expect(contribute(PANEL[0]!, problem, options).output.position).toBe('A');
    expect(contribute(PANEL[1]!, problem, options).output.position).toBe('B');
  });

  it('a different seed changes a position only where the persona saw a tie', () => {
    let ties = 0;
    for (const c of CORPUS) {
      const problem = problemOf(c);
      const options = optionsOf(c.options);
      for (const p of PANEL) {
        const order = ranked(scoreOptions(p, problem, options, 7));
        const margin = order[0]!.score - order[1]!.score;
        const a = contribute(p, problem, options, undefined, {}, 7).output.position;
        const b = contribute(p, problem, options, undefined, {}, 8).output.position;
        if (margin > 2 * TIE) expect(b, `${p.code} on ${c.statement}`).toBe(a);
        else ties += 1;
      }
    }
    expect(ties).toBeLessThan(CORPUS.length * PANEL.length);
  });

  it('later rounds add what round 1 did not say, answer the strongest opposing peer by label, and move only for a reason', () => {
    const c = CORPUS[0]!;
    const problem = problemOf(c);
    const options = optionsOf(c.options);
    const first = PANEL.map((p) => contribute(p, problem, options).output);
    const digestFor = (i: number) =>
      first.filter((_, j) => j !== i).map((o, j) => ({ label: `Expert ${'ABCD'[j]}`, position: o.position, claim: o.claim, evidence: o.evidence }));
    for (const [kind, number] of [['exploration', 2], ['challenge', 3], ['convergence', 4]] as const) {
      PANEL.forEach((p, i) => {
        const own = { position: first[i]!.position, claim: first[i]!.claim, confidence: first[i]!.confidence };
        const { input, output } = contribute(p, problem, options, { number, kind }, { own, others: digestFor(i) });
        expect(output.content).not.toBe(first[i]!.content);
        const newLines = output.content.split('\n').filter((line) => line.trim() !== '' && !first[i]!.content.includes(line));
        expect(newLines.length, `${p.code} in ${kind}`).toBeGreaterThanOrEqual(2);
        expectGatePasses(boardContributionTask, output);
        expect(inventedNumbers(proseOf(output), input)).toEqual([]);
        if (output.positionChanged) expect(output.changeReason).toMatch(/Expert [A-D]|panel/);
        else expect(output.changeReason).toBeNull();
        const opposed = input.others.some((o) => o.position !== output.position);
        if (kind === 'challenge' && opposed) expect(output.content).toMatch(/Expert [A-D] argues/);
      });
    }
  });

  it('changes position when the whole panel brings evidence against a narrow view', () => {
    const c = CORPUS[0]!;
    const problem = problemOf(c);
    const options = optionsOf(c.options);
    // A product voice with no appetite either way sees the two launches as close.
    const engineer = persona('product-lead', 'product', 0, 'what users get and when', ['time to first value']);
    const mine = contribute(engineer, problem, options).output;
    const other = mine.position === 'A' ? 'B' : 'A';
    const others = ['Expert A', 'Expert B', 'Expert C', 'Expert D'].map((label) => ({ label, position: other, claim: `${label} backs ${other} because the evidence favours it.`, evidence: ['One fact.', 'Another fact.', 'A third fact.'] }));
    const { output } = contribute(engineer, problem, options, { number: 2, kind: 'exploration' }, { own: { position: mine.position, claim: mine.claim, confidence: mine.confidence }, others });
    expect(output.position).toBe(other);
    expect(output.positionChanged).toBe(true);
    expect(output.changeReason).toMatch(/Expert A/);
    // A strong view holds against the same panel: the careful finance voice keeps its smaller launch.
    const cfo = contribute(PANEL[0]!, problem, options).output;
    const against = others.map((o) => ({ ...o, position: cfo.position === 'A' ? 'B' : 'A' }));
    const held = contribute(PANEL[0]!, problem, options, { number: 2, kind: 'exploration' }, { own: { position: cfo.position, claim: cfo.claim, confidence: cfo.confidence }, others: against }).output;
    expect(held.position).toBe(cfo.position);
    expect(held.positionChanged).toBe(false);
  });

  it('proposes a hybrid at most in the exploration round, and answers the moderator when challenged', () => {
    const c = CORPUS[0]!;
    const problem = problemOf(c);
    const options = optionsOf(c.options);
    const proposals = PANEL.flatMap((p) =>
      (['initial', 'exploration', 'challenge', 'convergence'] as const).map((kind, i) => contribute(p, problem, options, { number: i + 1, kind }).output.proposal).filter((x) => x !== null),
    );
    expect(proposals.length).toBeLessThanOrEqual(PANEL.length);
    const moderator = { challenge: 'What evidence shows one city is enough to learn from?', targetOption: 'A' };
    const { output } = contribute(PANEL[0]!, problem, options, { number: 3, kind: 'challenge' }, { moderator, own: { position: 'A', claim: 'x', confidence: 0.6 } });
    expect(output.content).toContain('The moderator asks');
    expectGatePasses(boardContributionTask, output);
  });
});

describe('board offline engine: moderator, votes, baseline and synthesis', () => {
  for (const c of CORPUS.slice(0, 12)) {
    it(`runs a small session on: ${c.statement}`, () => {
      const problem = problemOf(c);
      const options = optionsOf(c.options);
      const views = PANEL.map((p) => contribute(p, problem, options).output);
      const positions = views.map((v, i) => ({ label: `Expert ${'ABCDE'[i]}`, position: v.position, claim: v.claim, evidence: v.evidence }));

      const moderatorInput = boardModeratorTask.input.parse({ problem, options, roundNumber: 2, positions, consensus: views[0]!.position, seed: 1 });
      const moderator = boardModeratorTask.builtin(moderatorInput, {});
      expect(moderator.targetOption).toBe(views[0]!.position);
      expect(options.some((o) => o.id !== moderator.targetOption && moderator.challenge.includes(o.label))).toBe(true);
      expectGatePasses(boardModeratorTask, moderator);
      expect(inventedNumbers(`${moderator.challenge}\n${moderator.content}`, moderatorInput)).toEqual([]);

      const ballots = PANEL.map((p, i) => {
        const voteOptions = options.map((o) => ({ ...o, own: o.id === views[i]!.position && i % 2 === 0 }));
        const input = boardVoteTask.input.parse({ persona: p, problem, options: voteOptions, own: { position: views[i]!.position, claim: views[i]!.claim, confidence: views[i]!.confidence }, others: positions.filter((_, j) => j !== i), seed: 1 });
        const ballot = boardVoteTask.builtin(input, {});
        expect([...ballot.ranking].sort()).toEqual(options.map((o) => o.id).sort());
        expect(voteOptions.find((o) => o.id === ballot.ranking[0])?.own).toBe(false);
        expect(ballot.approved).toContain(ballot.ranking[0]);
        expectGatePasses(boardVoteTask, ballot);
        expect(inventedNumbers(ballot.reasoning, input)).toEqual([]);
        return ballot;
      });

      // Borda: n-1 points for a first place, down to 0 for the last.
      const points = new Map(options.map((o) => [o.id, 0]));
      for (const ballot of ballots) ballot.ranking.forEach((id, place) => points.set(id, (points.get(id) ?? 0) + options.length - 1 - place));
      const scores = options.map((o) => ({ optionId: o.id, label: o.label, points: points.get(o.id)! })).sort((a, b) => b.points - a.points);
      const winner = { id: scores[0]!.optionId, label: scores[0]!.label };

      const single = boardSingleAnswerTask.builtin(boardSingleAnswerTask.input.parse({ problem, options, seed: 1 }), {});
      expect(options.map((o) => o.id)).toContain(single.optionId);
      expectGatePasses(boardSingleAnswerTask, single);

      const dissenter = views.findIndex((v) => v.position !== winner.id);
      const synthesisInput = boardSynthesisTask.input.parse({
        problem,
        options,
        winner,
        scores,
        support: views.filter((v) => v.position === winner.id).map((v) => v.claim).slice(0, 3),
        dissent: dissenter >= 0 ? { personaName: PANEL[dissenter]!.name, label: options.find((o) => o.id === views[dissenter]!.position)!.label, argument: views[dissenter]!.claim } : null,
        assumptions: views.flatMap((v) => v.assumptions).slice(0, 10),
        baselines: { singleModel: options.find((o) => o.id === single.optionId)!.label, roundOneMajority: winner.label },
        positionChanges: [],
        budgetReached: c.statement.length % 2 === 0,
      });
      const synthesis = boardSynthesisTask.builtin(synthesisInput, {});
      expect(synthesis.summary).toContain(winner.label);
      expect(synthesis.summary).toContain(`${scores[0]!.points} point`);
      if (dissenter >= 0) expect(synthesis.summary).toContain(PANEL[dissenter]!.name);
      if (synthesisInput.budgetReached) expect(synthesis.summary).toMatch(/budget ended/);
      expect(synthesis.changes).toMatch(/confirmed|instead|moved/);
      expectGatePasses(boardSynthesisTask, synthesis);
      expect(inventedNumbers(`${synthesis.summary}\n${synthesis.changes}`, synthesisInput)).toEqual([]);
    });
  }

  it('says who moved and why when positions changed', () => {
    const problem = problemOf(CORPUS[0]!);
    const options = optionsOf(CORPUS[0]!.options);
    const synthesis = boardSynthesisTask.builtin(
      boardSynthesisTask.input.parse({
        problem,
        options,
        winner: { id: 'A', label: options[0]!.label },
        scores: [{ optionId: 'A', label: options[0]!.label, points: 6 }, { optionId: 'B', label: options[1]!.label, points: 4 }],
        support: ['It is easier to undo.'],
        dissent: null,
        assumptions: [],
        baselines: { singleModel: options[1]!.label, roundOneMajority: options[1]!.label },
        positionChanges: [{ personaName: 'Growth lead', from: options[1]!.label, to: options[0]!.label, because: 'Expert C showed the volunteers cannot cover three cities.' }],
        budgetReached: false,
      }),
      {},
    );
    expect(synthesis.changes).toContain('Growth lead moved');
    expect(synthesis.changes).toContain('volunteers cannot cover three cities');
    expect(synthesis.changes).toMatch(/instead/);
  });
});
