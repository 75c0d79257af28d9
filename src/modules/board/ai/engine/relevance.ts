import type { PersonaFamily } from '../../../../shared/board-kinds.js';
import type { ProjectDigest } from '../inputs.js';
import { type Fact, stemsOf } from './facts.js';
import { optionFeatures } from './features.js';
import { decisionSentence } from './options.js';
import { unit } from './words.js';

/**
 * Which facts bear on the decision, and how much, for one reader. A fact earns relevance from what it is (what the
 * person wrote for this decision, a target or a constraint of scale, budget or schedule) and from the words it shares
 * with the decision, its options and its sub-questions — each shared word weighted by how rare it is among the facts,
 * so the project's own name or its main actor, which every fact mentions, proves nothing. The reader's discipline and
 * lens only order facts that already bear on the decision; they never make an unrelated fact relevant. A record the
 * project keeps or a need of its users ("members need to borrow a drill") counts only when it shares words with the
 * choice itself.
 */
export type RelevanceReader = {
  family?: PersonaFamily;
  /** Stems of the reader's lens, expertise and checks. */
  lens?: ReadonlySet<string>;
  /** For seeded near-tie breaking. */
  code?: string;
};

export type DecisionFrame = {
  statement: string;
  options: readonly string[];
  subQuestions?: ReadonlyArray<{ text: string; families: readonly PersonaFamily[] }>;
  /** The project, whose own names in a sub-question link no fact to the decision (the framing put them there). */
  project?: ProjectDigest | null;
};

/** Below this a fact is not cited at all. */
export const RELEVANT = 1;

/** Words every decision is phrased with: they link no fact to this one. */
const FRAMING = new Set(
  'option choice choose decide decision each would larger smaller start first prove justify result slowly experience serve stop building displace take how much quickly cheaply undone fail chosen true know time beat right one two three four five six seven eight nine ten single both'
    .split(' ')
    .map((w) => w.toLowerCase()),
);

const QUANTITY = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|dozen|half|quarter)\b/i;
const DECISIVE_CONSTRAINTS = new Set(['scale', 'budget', 'schedule', 'performance']);

function base(fact: Fact, scaleDecision: boolean): number {
  switch (fact.kind) {
    case 'statement':
    case 'context':
    case 'answer':
      return 1.5;
    case 'metric':
      return 0.5 + (QUANTITY.test(fact.source) ? 0.3 : 0) + (scaleDecision && QUANTITY.test(fact.source) ? 0.3 : 0);
    case 'constraint':
      if (fact.category && DECISIVE_CONSTRAINTS.has(fact.category)) return 1.2 + (scaleDecision && QUANTITY.test(fact.source) ? 0.3 : 0);
      return 0.3;
    default:
      return 0;
  }
}

export type ScoredFact = { fact: Fact; relevance: number };

/** Every fact with its relevance to the decision for this reader, most relevant first (ties broken by seed). */
export function scoreFacts(facts: readonly Fact[], frame: DecisionFrame, reader: RelevanceReader = {}, seed = 0): ScoredFact[] {
  const df = new Map<string, number>();
  for (const f of facts) for (const s of f.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const weight = (s: string) => (FRAMING.has(s) ? 0 : 1 / Math.sqrt(df.get(s) ?? 1));
  const decision = stemsOf(`${decisionSentence(frame.statement)} ${frame.options.join(' ')}`);
  const own = new Set<string>();
  const others = new Set<string>();
  // A sub-question's quotes (an option, a measure, a constraint) and the project's own names were put there by the
  // framing from the same facts, so they would only prove a fact relevant to itself.
  const names = stemsOf([frame.project?.name ?? '', ...(frame.project?.actors ?? []).map((a) => a.name), ...(frame.project?.entities ?? []).map((e) => e.name)].join(' '));
  for (const q of frame.subQuestions ?? []) {
    for (const s of stemsOf(q.text.replace(/“[^”]*”/g, ' '))) if (!names.has(s)) (reader.family && q.families.includes(reader.family) ? own : others).add(s);
  }
  const rows = optionFeatures(frame.options);
  const scales = rows.map((r) => r.scale);
  const scaleDecision = scales.length > 1 && Math.max(...scales) - Math.min(...scales) > 0.5;

  return facts
    .map((fact) => {
      let value = base(fact, scaleDecision);
      for (const s of fact.stems) {
        if (/\d/.test(s)) continue;
        if (decision.has(s)) value += weight(s);
        else if (own.has(s)) value += 0.6 * weight(s);
        else if (others.has(s)) value += 0.3 * weight(s);
      }
      // The lens orders what already bears on the decision; it cannot lift an unrelated fact over the bar.
      if (value >= RELEVANT / 2) {
        if (reader.family && fact.families.includes(reader.family)) value += 0.4;
        if (reader.lens) value += 0.2 * Math.min(2, [...fact.stems].filter((s) => reader.lens!.has(s)).length);
      }
      return { fact, relevance: value + 0.01 * unit(`${reader.code ?? ''}:${fact.key}`, seed) };
    })
    .sort((a, b) => b.relevance - a.relevance || a.fact.key.localeCompare(b.fact.key));
}

/** The facts that bear on the decision for this reader, most relevant first; empty when none does. */
export function relevantFacts(facts: readonly Fact[], frame: DecisionFrame, reader: RelevanceReader = {}, seed = 0): Fact[] {
  return scoreFacts(facts, frame, reader, seed)
    .filter((s) => s.relevance >= RELEVANT)
    .map((s) => s.fact);
}
