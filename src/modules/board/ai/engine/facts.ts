import { personaFamilies, type PersonaFamily } from '../../../../shared/board-kinds.js';
import { isContentWord, splitSentences, stem, tokenize } from '../../../../core/text/index.js';
import { rolePlural, withIndefinite } from '../../../../core/text/compose/index.js';
import type { Problem, ProjectDigest } from '../inputs.js';
import { FAMILIES } from './families.js';
import { decisionSentence } from './options.js';
import { clip, keywords, lowerFirst } from './words.js';

/**
 * The facts a persona may cite: the statement's other sentences, the context's lines, the person's answers and what
 * the project model says (actors and their needs, records and their states, measures, constraints, rules, open
 * questions). Each is a sentence ready to use, quoting the input rather than restating it, so a figure is never
 * changed and nothing is invented; each is tagged with the disciplines it concerns.
 */
export type FactKind = 'statement' | 'context' | 'answer' | 'actor' | 'entity' | 'metric' | 'constraint' | 'rule' | 'question' | 'summary';
export type Fact = {
  /** The fact as a sentence, ending in its punctuation. */
  text: string;
  kind: FactKind;
  fromProject: boolean;
  families: PersonaFamily[];
  words: Set<string>;
  /** Stems of the content words of the input it quotes, for relevance (engine/relevance). */
  stems: Set<string>;
  /** The quoted input itself, lower-cased and flattened: two facts quoting the same text are one fact. */
  source: string;
  /** Whether the sentence opens with a name (the project's), which must keep its capital mid-sentence. */
  properStart: boolean;
  /** Constraint category, for constraints. */
  category?: string;
  key: string;
};

const QUOTE_MAX = 260;

/** A quoted piece of input that ends the sentence: “A loan lasts one week.” or “nine in ten”. */
export function quote(text: string): string {
  const inner = clip(text, QUOTE_MAX).replace(/[“”"]/g, '');
  return /[.!?…]$/.test(inner) ? `“${inner}”` : `“${inner}”.`;
}

/** A name as it reads mid-sentence: "Member" → "member", "Email service" → "email service", "EU" stays. */
export function common(name: string): string {
  return /^[A-Z][a-z]/.test(name) && !/\s[A-Z]/.test(name) ? lowerFirst(name) : name;
}

const byKind: Partial<Record<FactKind, PersonaFamily[]>> = {
  actor: ['product', 'design', 'research', 'marketing', 'sales'],
  entity: ['engineering', 'data', 'operations', 'product'],
  metric: ['data', 'finance', 'product', 'marketing', 'strategy'],
  rule: ['legal', 'operations', 'domain'],
  question: ['research', 'strategy', 'domain'],
  summary: ['strategy', 'marketing'],
};

const byConstraint: Record<string, PersonaFamily[]> = {
  platform: ['engineering', 'design'],
  privacy: ['legal', 'security'],
  security: ['security', 'engineering'],
  scale: ['engineering', 'operations'],
  performance: ['engineering'],
  integration: ['engineering'],
  compliance: ['legal'],
  budget: ['finance'],
  schedule: ['operations', 'strategy'],
  accessibility: ['design'],
};

function familiesOf(text: string, defaults: readonly PersonaFamily[]): PersonaFamily[] {
  const found = new Set<PersonaFamily>(defaults);
  for (const family of personaFamilies) if (FAMILIES[family].topics.test(text)) found.add(family);
  return [...found];
}

/** Stems of a text's content words: "cities" and "city" meet, "the" and "need" do not count. */
export function stemsOf(text: string): Set<string> {
  return new Set(tokenize(text).filter(isContentWord).map(stem));
}

function fact(text: string, kind: FactKind, source: string, defaults: readonly PersonaFamily[] = [], properStart = false, category?: string): Fact {
  return {
    text,
    kind,
    fromProject: !['statement', 'context', 'answer'].includes(kind),
    families: familiesOf(source, defaults),
    words: keywords(source),
    stems: stemsOf(source),
    source: source.toLowerCase().replace(/[“”"]/g, '').replace(/\s+/g, ' ').replace(/[.!?]+$/, '').trim(),
    properStart,
    ...(category ? { category } : {}),
    key: `${kind}:${source}`,
  };
}

function contextFacts(context: string): Fact[] {
  const facts: Fact[] = [];
  for (const line of context.split(/\n+/).map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter((l) => /\p{L}/u.test(l))) {
    const keyed = /^([\p{L}][\p{L}\p{N} _-]{0,40}?)\s*:\s*(.+)$/u.exec(line);
    if (keyed) {
      const key = keyed[1]!.replace(/[_-]+/g, ' ').trim().toLowerCase();
      for (const value of splitSentences(keyed[2]!).slice(0, 3)) facts.push(fact(`On ${key}, the context says ${quote(value)}`, 'context', `${key} ${value}`));
      continue;
    }
    for (const sentence of splitSentences(line).slice(0, 6)) facts.push(fact(`The context says ${quote(sentence)}`, 'context', sentence));
  }
  return facts;
}

function projectFacts(project: ProjectDigest): Fact[] {
  const name = project.name.trim() || 'The project';
  const facts: Fact[] = [];
  for (const actor of project.actors) {
    const people = rolePlural(common(actor.name));
    if (actor.kind === 'system') facts.push(fact(`${name} depends on the ${common(actor.name)}.`, 'actor', actor.name, ['engineering', 'operations'], true));
    else if (actor.needs.length > 0) for (const need of actor.needs.slice(0, 2)) facts.push(fact(`In ${name}, ${people} need to ${need.replace(/[.!?]+$/, '').replace(/^to\s+/i, '')}.`, 'actor', `${actor.name} ${need}`, byKind.actor));
    else facts.push(fact(`${name} serves ${people}.`, 'actor', actor.name, byKind.actor, true));
  }
  for (const entity of project.entities) {
    const record = common(entity.name);
    const text =
      entity.states.length > 1
        ? `${name} tracks each ${record} through the states ${entity.states.slice(0, -1).map(common).join(', ')} and ${common(entity.states.at(-1)!)}.`
        : `${name} keeps a record of each ${record}.`;
    facts.push(fact(text, 'entity', `${entity.name} ${entity.states.join(' ')}`, byKind.entity, true));
  }
  for (const metric of project.metrics) {
    const target = metric.target.trim() ? `, with the target “${metric.target.replace(/[.!?]+$/, '').replace(/[“”"]/g, '')}”` : '';
    facts.push(fact(`${name} measures success by “${metric.name.replace(/[“”"]/g, '')}”${target}.`, 'metric', `${metric.name} ${metric.target}`, byKind.metric, true));
  }
  for (const constraint of project.constraints) {
    const label = constraint.category === 'other' ? 'a constraint' : `${withIndefinite(constraint.category)} constraint`;
    facts.push(fact(`${name} has ${label}: ${quote(constraint.text)}`, 'constraint', constraint.text, byConstraint[constraint.category] ?? [], true, constraint.category));
  }
  for (const rule of project.rules) facts.push(fact(`A rule of ${name} says ${quote(rule)}`, 'rule', rule, byKind.rule));
  for (const question of project.openQuestions) facts.push(fact(`${name}’s model still leaves open ${quote(question)}`, 'question', question, byKind.question, true));
  const summary = splitSentences(project.summary)[0];
  if (summary) facts.push(fact(`The project model describes ${name} this way: ${quote(summary)}`, 'summary', summary, byKind.summary));
  return facts;
}

/** Every fact of the problem, in the order of the input; a text quoted twice (a rule and the summary) is kept once. */
export function factsOf(problem: Problem): Fact[] {
  const seen = new Set<string>();
  return allFacts(problem).filter((f) => {
    if (seen.has(f.source)) return false;
    seen.add(f.source);
    return true;
  });
}

function allFacts(problem: Problem): Fact[] {
  const decision = decisionSentence(problem.statement);
  const facts: Fact[] = [];
  for (const sentence of splitSentences(problem.statement)) {
    if (sentence.trim() === decision.trim() || !/\p{L}/u.test(sentence)) continue;
    facts.push(fact(`The decision notes ${quote(sentence)}`, 'statement', sentence));
  }
  facts.push(...contextFacts(problem.context));
  for (const answer of problem.answers) {
    if (!answer.answer.trim()) continue;
    facts.push(fact(`Asked ${quote(answer.question).replace(/\.$/, '')}, the person answered ${quote(answer.answer)}`, 'answer', `${answer.question} ${answer.answer}`));
  }
  if (problem.project) facts.push(...projectFacts(problem.project));
  return facts;
}

/** All the text of the problem, for looking up whether a figure was given. */
export function problemText(problem: Problem): string {
  return [problem.statement, problem.context, ...problem.answers.map((a) => `${a.question} ${a.answer}`), problem.project ? JSON.stringify(problem.project) : ''].join('\n');
}
