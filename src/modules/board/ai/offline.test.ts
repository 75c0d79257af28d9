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
import { problemSchema, projectDigestSchema } from './inputs.js';
import { projectDigest } from './project-digest.js';
import { namedOptions } from './engine/options.js';
import { ranked, scoreOptions, TIE } from './engine/scoring.js';
import { checkFeatures } from './engine/families.js';
import { KINDS, kindsOf } from './engine/kinds.js';
import type { Feature } from './engine/features.js';
import { offlineSession } from '../../../../test/support/board-offline-session.js';

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

const STRATEGIST = persona('strategist', 'strategy', 0.4, 'position, moat and the long game', ['what competitors can copy', 'where we want to be in three years']);

const library = projectDigest('ToolShare', libraryModel);
/** A project as a new user's idea makes it: many records and needs that have nothing to do with most decisions. */
const walk: ProjectDigest = projectDigestSchema.parse({
  name: 'Walk 85675',
  summary: 'A neighbourhood tool library: members borrow drills, ladders and garden tools from a shared shed, book them online for up to one week, and volunteers check tools in and out.',
  actors: [
    { name: 'Member', kind: 'person', needs: ['borrow a drill', 'borrow a ladder'] },
    { name: 'Volunteer', kind: 'person', needs: ['check in a tool'] },
  ],
  entities: [{ name: 'Drill' }, { name: 'Ladder' }, { name: 'Garden tool', states: ['borrowed', 'booked'] }, { name: 'Booking', states: ['booked', 'borrowed'] }, { name: 'Tool' }],
  constraints: [{ category: 'scale', text: 'We want 200 active members in the first year.' }],
  rules: ['A neighbourhood tool library: members borrow drills, ladders and garden tools from a shared shed, book them online for up to one week, and volunteers check tools in and out.'],
  openQuestions: ['Which devices and platforms must the product run on?'],
});
const lending = projectDigest('Lendy', lendingLibraryModel());
const clinic = projectDigest('CareDesk', clinicModel);

type Case = { statement: string; options: string[]; context?: string; project?: ProjectDigest };

/** Decisions of many kinds, with the options a reader would take from them. */
const CORPUS: Case[] = [
  { statement: 'Should we launch in one city or three?', options: ['Launch in one city', 'Launch in three cities'], project: library },
  { statement: 'Should we launch in one city or three?', options: ['Launch in one city', 'Launch in three cities'], project: walk },
  { statement: 'Should we offer a free tier?', options: ['Offer a free tier', 'Do not offer a free tier yet'], context: 'customers: 40 paying teams\nsales cycle: about six weeks' },
  { statement: 'Should we open a second clinic or add evening hours?', options: ['Open a second clinic', 'Add evening hours'], project: clinic },
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
  // Decisions between kinds of thing rather than sizes: pricing models, business models, build or buy.
  {
    statement: 'Should we charge a monthly subscription or a price per meal?',
    options: ['Charge a monthly subscription', 'Charge a price per meal'],
    context: 'We have 300 families on a waiting list; our costs are about 6 euros per meal; we can fund 12 months.',
  },
  { statement: 'Should we charge restaurants a monthly fee or a commission per order?', options: ['Charge restaurants a monthly fee', 'Charge restaurants a commission per order'], project: lending },
  { statement: 'Should we build our own scheduling engine or buy one?', options: ['Build our own scheduling engine', 'Buy a scheduling engine'], context: 'team: 3 engineers' },
  { statement: 'Should we keep support in-house or outsource it?', options: ['Keep support in-house', 'Outsource support'] },
  { statement: 'Should we build a native app or a web app?', options: ['Build a native app', 'Build a web app'], project: library },
  { statement: 'Should we partner with a distributor or go alone?', options: ['Partner with a distributor', 'Go alone'] },
];

/** The decisions between kinds of thing, not sizes, of the corpus. */
const KIND_CASES = CORPUS.slice(-6);

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
  ['Should we charge a monthly subscription or a price per meal?', ['Charge a monthly subscription', 'Charge a price per meal']],
  ['Should we charge a monthly fee or a commission per order?', ['Charge a monthly fee', 'Charge a commission per order']],
  ['Should we build our own scheduling engine or buy one?', ['Build our own scheduling engine', 'Buy a scheduling engine']],
  ['Should we keep support in-house or outsource it?', ['Keep support in-house', 'Outsource support']],
  ['Should we use Stripe or Paddle for payments?', ['Use Stripe for payments', 'Use Paddle for payments']],
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

/** The facts a contribution cites: its evidence that is not reasoning. */
function citedFacts(output: ContributionOutput): string[] {
  return output.evidence.filter((e) => !/^Reasoned consequence|^The problem names/.test(e));
}

const STEM_STOP = new Set(['the', 'and', 'for', 'with', 'our', 'we', 'should', 'or', 'a', 'an', 'in', 'of', 'to', 'one', 'two', 'three', 'not', 'yet', 'do']);
const stems = (text: string) => new Set((text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 2 && !STEM_STOP.has(w)).map((w) => w.replace(/(?:ies|es|s)$/, '').slice(0, 6)));

/**
 * Whether a cited fact bears on the decision, judged independently of the engine: it came with the decision (its
 * statement, context or answers), it is a target or a constraint of the project, or it shares a word with the
 * decision or its options other than the project's own name and the names of its people and records (which every
 * fact of the project shares, and which prove nothing).
 */
function bearsOn(fact: string, c: Case): boolean {
  if (/^(?:The decision notes|The context says|On [^,]+, the context says|Asked )/.test(fact)) return true;
  if (/ measures success by | has (?:a|an) [\w ]*constraint: /.test(fact)) return true;
  const names = c.project ? stems([c.project.name, ...c.project.actors.map((a) => a.name), ...c.project.entities.map((e) => e.name)].join(' ')) : new Set<string>();
  const decision = stems(`${c.statement} ${c.options.join(' ')}`);
  return [...stems(fact)].some((w) => decision.has(w) && !names.has(w));
}

/** The sentences of a text, Markdown marks and list bullets left out. */
function sentencesOf(text: string): string[] {
  return text
    .replace(/\*\*/g, '')
    .split(/\n+/)
    .map((line) => line.replace(/^\s*-\s+/, ''))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z“])/))
    .map((x) => x.trim())
    .filter((x) => x !== '');
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
        // At most two facts, each bearing on the decision, and no sentence said twice.
        const cited = citedFacts(output);
        expect(cited.length, `${input.persona.code} cites at most two facts`).toBeLessThanOrEqual(2);
        for (const fact of cited) expect(bearsOn(fact, c), `${input.persona.code} cites “${fact}”`).toBe(true);
        const said = sentencesOf(output.content);
        expect(said.filter((x, i) => said.indexOf(x) !== i), `${input.persona.code} repeats itself`).toEqual([]);
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
        if (output.positionChanged) expect(output.changeReason).toMatch(/Experts? [A-D]|panel/);
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
    expect(output.changeReason).toMatch(/^Experts A, B, C and D made/);
    expect(output.changeReason).not.toMatch(/Expert \w and Expert/);
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
    expect(output.content).toContain("On the moderator's challenge");
    expect(output.content).toMatch(/the company’s cash/);
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

  it('says the count made the difference when nobody moved and round 1 favoured another option', () => {
    const problem = problemOf(CORPUS[0]!);
    const options = optionsOf(CORPUS[0]!.options);
    const synthesis = boardSynthesisTask.builtin(
      boardSynthesisTask.input.parse({
        problem,
        options,
        winner: { id: 'A', label: options[0]!.label },
        scores: [{ optionId: 'A', label: options[0]!.label, points: 7 }, { optionId: 'B', label: options[1]!.label, points: 6 }],
        support: ['It is easier to undo.'],
        dissent: null,
        assumptions: [],
        baselines: { singleModel: null, roundOneMajority: options[1]!.label },
        positionChanges: [],
        budgetReached: false,
      }),
      {},
    );
    expect(synthesis.changes).toContain('no persona changed position');
    expect(synthesis.changes).toContain('full ranking');
    expect(synthesis.changes).not.toMatch(/rounds moved the panel/);
    expectGatePasses(boardSynthesisTask, synthesis);
  });

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

// ---------------------------------------------------------------------------------------------------------------
// Whole sessions, read as a reviewer reads the decision record: what is cited, what each check says, what the
// moderator argues, whether five voices stay five, and whether the ballots and the synthesis match the rounds.

/** Which comparison a sentence makes, by the words each comparison is written with. */
const SAYS: Array<[Feature, RegExp]> = [
  ['scale', /smaller commitment|more at once|reaches further|first commitment smaller/],
  ['speed', /acts sooner|more time than .* to learn/],
  ['reversibility', /easier to undo|commits fully/],
  ['cost', /money up front|money where the larger return/],
  ['upside', /more to gain|protects what already works/],
  ['control', /own control|frees the team/],
  ['risk', /less at stake|larger prize/],
];
const UNLABELLED = /^(?:Reasoned, not measured|What I do not know|What would settle it|On the moderator's challenge)$/;

function sessionOf(c: Case, seed = 7) {
  return offlineSession(problemOf(c), optionsOf(c.options), PANEL, seed);
}

const isOptionLabel = (sentence: string, c: Case) => c.options.some((o) => sentence.replace(/[.“”]/g, '').trim() === o);

/** Words that name a feature of an option or a fact of the problem: what every stated reason must contain. */
const CONCRETE = /\b(?:cost\w*|money|cash|revenue|price|fee|spend|undo|commit\w*|control\w*|risk\w*|stake|sooner|longer|time|weeks|months|window|demand|reach\w*|upside|gain|vendor|supplier|partner|barrier|churn|locked|upkeep|margin|customers?|users?|people|pay\w*|team|hiring|platform|codebase|release|device|browser|phone|notifications|hardware|screen|install\w*|figure|learn)\b/i;
const EMPTY = /no other option (?:named )?(?:does better|is clearly better)|what I weigh|outweighs the small margin|labels alone|does best on what/i;

describe('board offline engine: decisions between kinds of thing', () => {
  it('never gives an empty reason: every claim, ballot, challenge and baseline names a feature or a fact', () => {
    for (const c of CORPUS) {
      const session = sessionOf(c);
      const texts = [
        ...session.rounds.flatMap((r) => r.outputs.map((o) => o.claim)),
        ...session.ballots.map((b) => b.output.reasoning.split(/(?<=\.)\s/)[0]!),
        ...(session.intervention ? [session.intervention.challenge] : []),
        boardSingleAnswerTask.builtin(boardSingleAnswerTask.input.parse({ problem: problemOf(c), options: optionsOf(c.options), seed: 7 }), {}).reasoning.split(/(?<=\.)\s/)[0]!,
      ];
      for (const text of texts) {
        expect(text, c.statement).not.toMatch(EMPTY);
        expect(text.replace(/“[^”]*”/g, ''), `${c.statement}: ${text}`).toMatch(CONCRETE);
      }
    }
  });

  it('reads a difference between kinds of thing, so disciplines reach different positions for reasons of their own', () => {
    for (const c of KIND_CASES) {
      const problem = problemOf(c);
      const options = optionsOf(c.options);
      const views = [...PANEL, STRATEGIST].map((p) => contribute(p, problem, options).output);
      // Both options find a backer in round 1, and the reasons differ between the two camps.
      expect(new Set(views.map((v) => v.position)).size, c.statement).toBe(2);
      const reasons = new Set(views.map((v) => v.claim.replace(/^From an? \w+ view, /, '').replace(/“[^”]*”/g, '')));
      expect(reasons.size, c.statement).toBeGreaterThanOrEqual(2);
    }
  });

  it('names the trade-off each kind carries: predictable revenue against a barrier to start, control against speed', () => {
    const claims = (c: Case) => PANEL.map((p) => contribute(p, problemOf(c), optionsOf(c.options)).output.claim).join('\n');
    const pricing = claims(KIND_CASES[0]!);
    expect(pricing).toMatch(/predictable revenue/);
    expect(pricing).toMatch(/no commitment|barrier/);
    const build = claims(KIND_CASES[2]!);
    expect(build).toMatch(/control|vendor/);
    expect(build).toMatch(/weeks|longer|up front/);
  });

  it('says which missing figure would settle a choice of kind, and never invents it', () => {
    const c = KIND_CASES[0]!;
    const problem = problemOf(c);
    const options = optionsOf(c.options);
    const cfo = contribute(PANEL[0]!, problem, options);
    expect(cfo.output.content).toContain('What would settle it:** for the company’s cash, the monthly fee against the price per meal');
    expect(inventedNumbers(proseOf(cfo.output), cfo.input)).toEqual([]);
    const singleInput = boardSingleAnswerTask.input.parse({ problem, options, seed: 7 });
    const single = boardSingleAnswerTask.builtin(singleInput, {});
    expect(single.reasoning).toMatch(/what would settle it is the monthly fee against the price per meal[^.]*, which the problem does not give/);
    expect(inventedNumbers(single.reasoning, singleInput)).toEqual([]);
    // With the fee and the price given, nobody asks for them.
    const priced = problemSchema.parse({ statement: c.statement, context: 'The subscription would be €160 a month; we would charge a price of €9 per meal.' });
    expect(contribute(PANEL[0]!, priced, options).output.content).not.toContain('What would settle it');
  });

  it('words every trade-off of the lexicon so the prose gate passes it, as a claim and in the content', () => {
    const { output } = contribute(PANEL[0]!, problemOf(KIND_CASES[0]!), optionsOf(KIND_CASES[0]!.options));
    for (const kind of KINDS) {
      for (const trait of Object.values(kind.traits)) {
        const claim = `From a finance view, “Charge a monthly subscription” is the better choice, because ${trait}.`;
        expectGatePasses(boardContributionTask, { ...output, claim, content: `${output.content}\n\n${claim}` });
      }
    }
  });

  it('never gives an option’s own drawback as the reason to choose it', () => {
    for (const c of KIND_CASES) {
      const options = optionsOf(c.options);
      for (const p of [...PANEL, STRATEGIST]) {
        const { output } = contribute(p, problemOf(c), options);
        const chosen = options.find((o) => o.id === output.position)!.label;
        const own = output.claim.split(', while with ')[0]!;
        const drawbacks = kindsOf(chosen).flatMap((k) => k.cons.map((f) => k.traits[f]!));
        for (const drawback of drawbacks) expect(own, `${p.code}: ${output.claim}`).not.toContain(drawback);
      }
    }
  });

  it('reads a middle path as the kind of its first step, so its reasons are not the later step’s', () => {
    const options = optionsOf(['Build our own scheduling engine', 'Buy a scheduling engine', 'Buy a scheduling engine now, keeping the option of building our own scheduling engine later']);
    const problem = problemOf(KIND_CASES[2]!);
    for (const p of [...PANEL, STRATEGIST]) {
      const { output } = contribute(p, problem, options);
      if (output.position === 'C') expect(output.claim, p.code).not.toMatch(/costs more up front|cannot simply buy|full control/);
    }
    // A middle path of sizes is as large as its first step, so it does not borrow the larger step's upside.
    const sized = optionsOf(['Launch in one city', 'Launch in three cities', 'Launch in one city, with a set date to decide on launching in three cities']);
    const single = boardSingleAnswerTask.builtin(boardSingleAnswerTask.input.parse({ problem: problemOf(CORPUS[0]!), options: sized, seed: 1 }), {});
    expect(single.reasoning).not.toMatch(/“Launch in one city, with a set date[^”]*”, because it has the larger upside/);
    const framing = boardFramingTask.builtin(boardFramingTask.input.parse({ problem, mayAsk: false, seed: 1 }), {});
    for (const option of framing.options) expect(option.description, option.label).not.toMatch(/\bit is (?:keeps|relies)\b/);
  });

  it('asks the finance sub-question in plain words, with the person’s own figure', () => {
    const questions = (statement: string, context: string) =>
      boardFramingTask.builtin(boardFramingTask.input.parse({ problem: { statement, context }, mayAsk: false, seed: 1 }), {}).subQuestions.map((q) => q.text);
    const sized = questions('Should we launch in one city or three?', 'We can fund 12 months.').join('\n');
    expect(sized).toContain('With 12 months of funding, can the company afford “Launch in three cities”?');
    expect(questions('Should we launch in one city or three?', 'budget: $50k').join('\n')).toContain('Can the company afford “Launch in three cities”, and for how long?');
    const pricing = questions(KIND_CASES[0]!.statement, KIND_CASES[0]!.context!).join('\n');
    expect(pricing).toContain('Over the 12 months the company can fund, which option brings in more money, weighing the monthly fee against the price per meal');
    const build = questions(KIND_CASES[2]!.statement, 'We can fund 18 months.').join('\n');
    expect(build).toMatch(/which option costs less, weighing the cost to build and maintain it against the vendor’s yearly price/);
    expect([sized, pricing, build].join('\n')).not.toMatch(/money the problem mentions/);
  });
});

describe('board offline engine: whole sessions', () => {
  const sessions = CORPUS.map((c) => ({ c, session: sessionOf(c) }));

  it('cites at most two facts, only facts that bear on the decision, and never the same sentence twice', () => {
    for (const { c, session } of sessions) {
      for (const round of session.rounds) {
        round.outputs.forEach((output, i) => {
          const who = `${PANEL[i]!.code}, round ${round.number}: ${c.statement}`;
          const cited = citedFacts(output);
          expect(cited.length, who).toBeLessThanOrEqual(2);
          for (const fact of cited) expect(bearsOn(fact, c), `${who} cites “${fact}”`).toBe(true);
          const said = sentencesOf(output.content);
          expect(said.filter((x, j) => said.indexOf(x) !== j), who).toEqual([]);
        });
      }
    }
  });

  it('on a project full of records and needs, cites the target the choice is judged by and none of the filler', () => {
    const c = CORPUS.find((x) => x.project === walk)!;
    const { rounds } = sessionOf(c);
    for (const output of rounds[0]!.outputs) expect(output.content).toContain('200 active members in the first year');
    for (const output of rounds.flatMap((r) => r.outputs)) {
      expect(output.content).not.toMatch(/keeps a record of each|need to borrow|need to check in|tracks each|leaves open “Which devices/);
      expect(output.content.split('A neighbourhood tool library').length).toBeLessThanOrEqual(2);
    }
    const single = boardSingleAnswerTask.builtin(boardSingleAnswerTask.input.parse({ problem: problemOf(c), options: optionsOf(c.options), seed: 1 }), {});
    expect(single.reasoning).toContain('200 active members');
    expect(single.reasoning).not.toMatch(/borrow a drill|record of each/);
  });

  it('cites nothing from a project when nothing in it bears on the decision, and still makes its case', () => {
    const c: Case = { statement: 'Should we move to AWS or to GCP?', options: ['Move to AWS', 'Move to GCP'], project: clinic };
    const { rounds } = sessionOf(c);
    for (const output of rounds.flatMap((r) => r.outputs)) {
      expect(citedFacts(output)).toEqual([]);
      expect(output.content).not.toMatch(/CareDesk/);
      expectGatePasses(boardContributionTask, output);
    }
    const single = boardSingleAnswerTask.builtin(boardSingleAnswerTask.input.parse({ problem: problemOf(c), options: optionsOf(c.options), seed: 1 }), {});
    expect(single.reasoning).not.toMatch(/main fact/);
  });

  it('labels a check only with a sentence about what the check names; other checks are said as what the persona looks at', () => {
    let labelled = 0;
    for (const { c, session } of sessions) {
      for (const output of session.rounds.flatMap((r) => r.outputs)) {
        for (const line of output.content.split('\n').filter((l) => l.startsWith('- **'))) {
          const [, label = '', sentence = ''] = /^- \*\*(.+?)[:?]\*\* (.*)$/.exec(line) ?? [];
          if (UNLABELLED.test(label)) continue;
          labelled += 1;
          const said = SAYS.filter(([, pattern]) => pattern.test(sentence)).map(([feature]) => feature);
          expect(said.length, `${c.statement}: ${line}`).toBeGreaterThan(0);
          expect(checkFeatures(label), `${c.statement}: ${line}`).toContain(said[0]);
        }
      }
    }
    expect(labelled).toBeGreaterThan(0);
    // A check that names no feature the options differ on is never a label.
    const partners = persona('city-ops', 'operations', 0.5, 'who does the work on day one', ['Local partners and supply ready at launch', 'The playbook that transfers']);
    const { output } = contribute(partners, problemOf(CORPUS[1]!), optionsOf(CORPUS[1]!.options));
    expect(output.content).not.toContain('**Local partners and supply ready at launch:**');
    expect(output.content).toContain('What I check first is local partners and supply ready at launch');
  });

  it('makes the case against the consensus from the alternative’s own strengths', () => {
    for (const c of CORPUS) {
      const problem = problemOf(c);
      const options = optionsOf(c.options);
      for (const consensus of options) {
        const positions = PANEL.map((p, i) => ({ label: `Expert ${'ABCDE'[i]}`, position: consensus.id, claim: `${p.name} backs it.`, evidence: [] }));
        const input = boardModeratorTask.input.parse({ problem, options, roundNumber: 3, positions, consensus: consensus.id, seed: 1 });
        const out = boardModeratorTask.builtin(input, {});
        const line = out.content.split('\n').find((l) => l.startsWith('- **The case for'))!;
        const [, alternative = '', theCase = ''] = /^- \*\*The case for (.+?):\*\* (.*)$/.exec(line) ?? [];
        expect(alternative, line).not.toBe(consensus.label);
        // The alternative is the subject of its own case, and the consensus is never praised in it.
        expect(theCase.startsWith(`“${alternative}”`), line).toBe(true);
        expect(out.challenge.startsWith(`“${alternative}”`), out.challenge).toBe(true);
        expect(theCase, line).not.toMatch(new RegExp(`“${consensus.label.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&')}” (?:is easier|asks for less|puts less|is the smaller|has more|reaches|acts sooner)`));
        expectGatePasses(boardModeratorTask, out);
        expect(inventedNumbers(`${out.challenge}\n${out.content}`, input)).toEqual([]);
      }
    }
  });

  it('keeps five voices five: no two contributions of a round share a sentence, in any round', () => {
    for (const { c, session } of sessions) {
      for (const round of session.rounds) {
        const seen = new Map<string, number>();
        round.outputs.forEach((output, i) => {
          for (const sentence of new Set(sentencesOf(output.content))) {
            if (isOptionLabel(sentence, c)) continue;
            const before = seen.get(sentence);
            expect(before, `round ${round.number} of “${c.statement}”: ${PANEL[before ?? 0]!.code} and ${PANEL[i]!.code} both say “${sentence}”`).toBeUndefined();
            seen.set(sentence, i);
          }
          expect(new Set(round.outputs.map((o) => o.claim)).size, `claims of round ${round.number}: ${c.statement}`).toBe(PANEL.length);
          expectGatePasses(boardContributionTask, output);
          expect(inventedNumbers(proseOf(output), round.inputs[i])).toEqual([]);
        });
      }
    }
  });

  it('casts each ballot from the persona’s last position, with reasoning that says so', () => {
    for (const { c, session } of sessions) {
      const last = session.rounds.at(-1)!.outputs;
      session.ballots.forEach(({ input, output }, i) => {
        expect(output.ranking[0], `${PANEL[i]!.code}: ${c.statement}`).toBe(last[i]!.position);
        const label = c.options[output.ranking[0]!.charCodeAt(0) - 65]!;
        expect(output.reasoning.startsWith(`I rank “${label}” first`)).toBe(true);
        expectGatePasses(boardVoteTask, output);
        expect(inventedNumbers(output.reasoning, input)).toEqual([]);
      });
    }
    // A bold voice that the rounds moved to the smaller launch ranks it first, and says the rounds moved it.
    const c = CORPUS[1]!;
    const problem = problemOf(c);
    const growth = PANEL[1]!;
    expect(ranked(scoreOptions(growth, problem, optionsOf(c.options), 7))[0]!.id).toBe('B');
    const ballot = boardVoteTask.builtin(
      boardVoteTask.input.parse({ persona: growth, problem, options: optionsOf(c.options).map((o) => ({ ...o, own: false })), own: { position: 'A', claim: 'I now back it.', confidence: 0.5 }, others: [], seed: 7 }),
      {},
    );
    expect(ballot.ranking).toEqual(['A', 'B']);
    expect(ballot.reasoning).toMatch(/^I rank “Launch in one city” first because/);
    // Its own proposal never goes first: then the best of the others does.
    const three = optionsOf([...c.options, 'Launch in one city, with a set date to decide on launching in three cities']);
    const proposer = boardVoteTask.builtin(
      boardVoteTask.input.parse({ persona: growth, problem, options: three.map((o) => ({ ...o, own: o.id === 'C' })), own: { position: 'C', claim: 'My proposal.', confidence: 0.5 }, others: [], seed: 7 }),
      {},
    );
    expect(proposer.ranking[0]).not.toBe('C');
  });

  it('names who moved as a natural list', () => {
    for (const { session } of sessions) {
      for (const output of session.rounds.flatMap((r) => r.outputs)) if (output.changeReason) expect(output.changeReason).not.toMatch(/Expert \w+ and Expert/);
    }
  });

  it('states assumptions plainly, once each', () => {
    const prefix = (a: string) => a.split(/\s+/).slice(0, 4).join(' ').toLowerCase();
    for (const { c, session } of sessions) {
      const all = [...new Set(session.rounds.flatMap((r) => r.outputs.flatMap((o) => o.assumptions)))];
      for (const assumption of all) {
        expect(assumption, c.statement).not.toMatch(/^Nothing the problem leaves out|^[^“]*:/);
        expect(assumption, c.statement).not.toMatch(/\b(?:I|my)\b/);
      }
      // One side's assumptions (what the decision record lists for the winner) never say the same thing twice.
      for (const option of optionsOf(c.options)) {
        const side = [...new Set(session.rounds.flatMap((r) => r.outputs.filter((o) => o.position === option.id).flatMap((o) => o.assumptions)))];
        const prefixes = side.map(prefix);
        expect(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), `${c.statement}, ${option.label}`).toEqual([]);
      }
      for (const output of session.rounds.flatMap((r) => r.outputs)) {
        const [a, b] = output.assumptions.map((x) => new Set([...stems(x)].filter((w) => !stems(c.options.join(' ')).has(w))));
        if (a && b) expect([...a].filter((w) => b.has(w)).length, output.assumptions.join(' | ')).toBeLessThan(2);
      }
    }
  });

  it('writes the synthesis in the board’s voice: support as reasons, the dissent in one sentence', () => {
    const c = CORPUS[1]!;
    const options = optionsOf(c.options);
    const dissent = 'I rank “Launch in three cities” first because it reaches more at once. “Launch in one city” goes last: against it, my first choice has the larger upside if the demand is there.';
    const synthesis = boardSynthesisTask.builtin(
      boardSynthesisTask.input.parse({
        problem: problemOf(c),
        options,
        winner: { id: 'A', label: options[0]!.label },
        scores: [{ optionId: 'A', label: options[0]!.label, points: 4 }, { optionId: 'B', label: options[1]!.label, points: 1 }],
        support: ['I stay with “Launch in one city” because, for the company’s cash, it commits less money before the evidence is in.', 'From a design view, “Launch in one city” is the better choice, because it is easier to undo if the first results disappoint.', 'I stay with it, provided my plan holds.'],
        dissent: { personaName: 'Growth lead', label: options[1]!.label, argument: dissent },
        assumptions: [],
        baselines: { singleModel: options[0]!.label, roundOneMajority: options[0]!.label },
        positionChanges: [{ personaName: 'Growth lead', from: options[1]!.label, to: options[0]!.label, because: 'Experts A and B made the stronger case for “Launch in one city”, and my margin for “Launch in three cities” was small from a marketing view.' }],
        budgetReached: false,
      }),
      {},
    );
    expect(synthesis.changes).toContain('Growth lead moved from “Launch in three cities” to “Launch in one city”: Experts A and B made the stronger case');
    expect(synthesis.changes).not.toMatch(/\b(?:I|my|me)\b/);
    expect(synthesis.summary).toContain('Its main support: it commits less money before the evidence is in and it is easier to undo');
    expect(synthesis.summary).not.toMatch(/\b(?:I|my|me)\b/);
    const dissentSentences = sentencesOf(synthesis.summary).filter((x) => x.includes('Growth lead') || x.includes('goes last'));
    expect(dissentSentences).toEqual(['Growth lead dissents in favour of “Launch in three cities”, because it reaches more at once.']);
  });

  it('tells an earlier case from a dissent held to the end', () => {
    const c = CORPUS[1]!;
    const options = optionsOf(c.options);
    const synthesize = (argument: string) =>
      boardSynthesisTask.builtin(
        boardSynthesisTask.input.parse({
          problem: problemOf(c),
          options,
          winner: { id: 'A', label: options[0]!.label },
          scores: [{ optionId: 'A', label: options[0]!.label, points: 5 }, { optionId: 'B', label: options[1]!.label, points: 0 }],
          support: [],
          dissent: { personaName: 'Growth lead', label: options[1]!.label, argument },
          assumptions: [],
          baselines: { singleModel: null, roundOneMajority: null },
          positionChanges: [],
          budgetReached: false,
        }),
        {},
      ).summary;
    const claim = 'From a marketing view, “Launch in three cities” is the better choice, because it reaches more at once.';
    expect(synthesize(`In round 1, before the panel converged:\n${claim}`)).toContain('Growth lead argued earlier for “Launch in three cities”, because it reaches more at once.');
    expect(synthesize(`In round 1, before the panel converged:\n${claim}`)).not.toMatch(/dissents/);
    expect(synthesize(claim)).toContain('Growth lead dissents in favour of “Launch in three cities”, because it reaches more at once.');
  });

  it('gives the same session for the same seed', () => {
    for (const c of CORPUS.slice(0, 6)) expect(JSON.stringify(sessionOf(c, 11))).toBe(JSON.stringify(sessionOf(c, 11)));
  });
});
