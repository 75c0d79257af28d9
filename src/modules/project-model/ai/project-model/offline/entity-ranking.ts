import { knows, semanticClasses, senses, synonyms, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import { isMeasure, type EntityFinding } from './entities.js';
import { ENTITY_RANKING as LEARNT } from './entity-ranking.weights.js';
import type { Sentence } from './read.js';
import { TODAY_OPENERS } from './statements.js';
import { isMostlyNoun, isPersonWord, isRecordPhrase, isVagueWord, lemmaOf, termOf } from './words.js';

/**
 * Which of the candidate records a careful analyst would keep. Each candidate is described by what the text says of
 * it (how often and how it is named, acted on, counted, its WordNet class, the evidence the readers scored) and a
 * logistic model weighs those features. The weights are learnt from the quality corpus by
 * `npm run train:entities` (bench/corpus/train-entity-ranking.ts), never written by hand.
 */

/** WordNet classes that get a feature of their own; any other class is "other". */
const CLASSES = ['act', 'artifact', 'communication', 'possession', 'event', 'group', 'location', 'person', 'time', 'attribute', 'state', 'cognition', 'food', 'animal'] as const;
/** WordNet classes of the verbs done to a candidate that get a feature of their own. */
const VERB_CLASSES = ['possession', 'social', 'communication', 'creation', 'change', 'contact', 'motion', 'perception'] as const;

/** What the text says of one candidate, read once for all its features. */
type Evidence = {
  candidate: EntityFinding;
  mentions: { phrase: NounPhrase; sentence: Sentence }[];
  asObject: number;
  asSubject: number;
  asPassive: number;
  asModifier: number;
  asHolder: number;
  verbClasses: Set<string>;
  firstClass: string;
  rank: number;
  context: RankingContext;
};

/** What the ranking reads besides the candidates: the sentences and the actors' names. */
export type RankingContext = { sentences: readonly Sentence[]; actors: ReadonlySet<string> };

/** Verbs by which a record holds what is kept with it: "a referral has a priority". */
const HOLDING_VERBS = new Set(['have', 'include', 'hold', 'contain', 'carry', 'need']);

/**
 * Words by which a sentence says how the work is done today: "right now they sign a paper book at reception", "today
 * the operator fills in a paper sheet". What is only named there is often the tool the product replaces.
 */
const TODAY = new RegExp(`\\b(?:${[...TODAY_OPENERS, 'today', 'still'].join('|')})\\b`, 'i');

const cap = (value: number, max: number): number => Math.min(value, max);
const some = (evidence: Evidence, test: (phrase: NounPhrase, sentence: Sentence) => boolean): number => Number(evidence.mentions.some(({ phrase, sentence }) => test(phrase, sentence)));

const FEATURES: readonly (readonly [string, (evidence: Evidence) => number])[] = [
  ['found by the readers', (e) => Number(e.candidate.score > 0)],
  ['a record by its WordNet class', (e) => some(e, (phrase) => isRecordPhrase(phrase, true))],
  ['unknown to WordNet', (e) => Number(!knows(e.candidate.lemma, 'noun'))],
  ['senses WordNet knows (a general word has many)', (e) => Math.log1p(senses(e.candidate.lemma, 'noun').length)],
  ['a vague word', (e) => Number(isVagueWord(e.candidate.lemma))],
  ['also a describing word ("single", "primary")', (e) => Number(!e.candidate.term.includes(' ') && knows(e.candidate.lemma, 'adj'))],
  ['only named as an example', (e) => Number(e.mentions.length > 0 && e.mentions.every(({ phrase, sentence }) => sentence.examples.has(phrase.start)))],
  ['named as a person who acts', (e) => Number(e.context.actors.has(e.candidate.term) || e.context.actors.has(e.candidate.lemma))],
  ['log score', (e) => Math.log1p(e.candidate.score)],
  ['score rank', (e) => e.rank],
  ['derived from a verb', (e) => Number(e.candidate.derived)],
  ['verbs done to it', (e) => cap(e.candidate.verbs.length, 3)],
  ['sentences it comes from', (e) => e.candidate.sources.length],
  ['compound name', (e) => Number(e.candidate.term.includes(' '))],
  ['mentions', (e) => cap(e.mentions.length, 5)],
  ['mentioned in the plural', (e) => some(e, (phrase) => phrase.plural)],
  ['counted with a number', (e) => some(e, (phrase) => phrase.number !== undefined)],
  ['named one by one (each, every)', (e) => some(e, (phrase) => phrase.determiner === 'each' || phrase.determiner === 'every')],
  ['owned by someone (their, its)', (e) => some(e, (phrase) => /^(?:their|his|her|its|your)$/.test(phrase.determiner ?? ''))],
  ['only named as the one (the, our, my)', (e) => Number(e.mentions.length > 0 && e.mentions.every(({ phrase }) => !phrase.plural && /^(?:the|our|my)$/.test(phrase.determiner ?? '')))],
  ['object of a verb', (e) => cap(e.asObject, 3)],
  ['subject of a verb', (e) => cap(e.asSubject, 3)],
  ['object of a passive', (e) => cap(e.asPassive, 3)],
  ['names other things (a modifier)', (e) => cap(e.asModifier, 3)],
  ['has things of its own ("each referral has a priority")', (e) => cap(e.asHolder, 3)],
  ...VERB_CLASSES.map((name) => [`done to by a verb of ${name}`, (e: Evidence) => Number(e.verbClasses.has(`verb.${name}`))] as const),
  ['named in an answer', (e) => Number(e.candidate.sources.some((source) => source.kind === 'answer') || e.mentions.some(({ sentence }) => sentence.source.kind === 'answer'))],
  ['named in the opening sentence', (e) => some(e, (_, sentence) => sentence.order === 0)],
  ['named in a list of wishes', (e) => some(e, (_, sentence) => sentence.wished === true)],
  ['first named late in the text', (e) => (e.mentions.length > 0 ? Math.min(...e.mentions.map(({ sentence }) => sentence.order)) / Math.max(1, e.context.sentences.length) : 1)],
  ['person word', (e) => Number(isPersonWord(e.candidate.lemma))],
  ['only named where the text says how the work is done today', (e) => Number(e.mentions.length > 0 && e.mentions.every(({ sentence }) => TODAY.test(sentence.text)))],
  ['an act named after what it is about', (e) => Number(e.candidate.about !== undefined)],
  ...CLASSES.map((name) => [`class ${name}`, (e: Evidence) => Number(e.firstClass === name)] as const),
  ['class other', (e) => Number(!(CLASSES as readonly string[]).includes(e.firstClass))],
];

export const ENTITY_FEATURES = FEATURES.map(([name]) => name);

/** A learnt ranking: each feature's mean and scale over the training candidates, its weight, and the threshold. */
export type EntityRanking = { features: string[]; mean: number[]; scale: number[]; weights: number[]; bias: number; threshold: number };
const ENTITY_RANKING: EntityRanking = LEARNT;

/** The features of each candidate, in `ENTITY_FEATURES` order. */
export function entityFeatures(candidates: readonly EntityFinding[], context: RankingContext): number[][] {
  const { sentences } = context;
  const byScore = [...candidates].sort((a, b) => b.score - a.score);
  const clauses = sentences.flatMap((sentence) => sentence.clauses);
  const phrases = sentences.flatMap((sentence) => sentence.phrases);
  return candidates.map((candidate) => {
    const names = (phrase: NounPhrase): boolean => termOf(phrase) === candidate.term || (!candidate.term.includes(' ') && lemmaOf(phrase) === candidate.lemma);
    const actedOn = clauses.filter((clause) => clause.objects.some(names));
    const evidence: Evidence = {
      candidate,
      mentions: sentences.flatMap((sentence) => sentence.phrases.filter(names).map((phrase) => ({ phrase, sentence }))),
      asObject: actedOn.filter((clause) => !clause.passive).length,
      asSubject: clauses.filter((clause) => !clause.passive && clause.subject !== undefined && names(clause.subject)).length,
      asPassive: actedOn.filter((clause) => clause.passive).length,
      asModifier: candidate.term.includes(' ') ? 0 : phrases.filter((phrase) => phrase.nouns.includes(candidate.lemma)).length,
      asHolder: clauses.filter((clause) => HOLDING_VERBS.has(clause.verb) && !clause.passive && clause.subject !== undefined && names(clause.subject) && clause.objects.length > 0).length,
      verbClasses: new Set(actedOn.map((clause) => semanticClasses(clause.verb, 'verb', 1)[0] ?? '')),
      firstClass: semanticClasses(candidate.lemma, 'noun', 1)[0]?.replace(/^noun\./, '') ?? '',
      rank: byScore.indexOf(candidate) / Math.max(1, candidates.length - 1),
      context,
    };
    return FEATURES.map(([, value]) => value(evidence));
  });
}

/** The likelihood, between 0 and 1, that an analyst keeps each candidate as a record. */
export function recordLikelihoods(candidates: readonly EntityFinding[], context: RankingContext): number[] {
  return entityFeatures(candidates, context).map((features) => likelihoodOf(ENTITY_RANKING, features));
}

/** The likelihood a ranking gives one candidate's features. */
export function likelihoodOf(ranking: EntityRanking, features: readonly number[]): number {
  const { mean, scale, weights, bias } = ranking;
  const z = features.reduce((sum, value, k) => sum + (((value - (mean[k] ?? 0)) / (scale[k] || 1)) * (weights[k] ?? 0)), bias);
  return 1 / (1 + Math.exp(-z));
}

const MIN_RECORDS = 4;

/**
 * The candidates an analyst would keep, most likely first, at most `max`. A short text says too little of each thing for
 * the ranking to tell records apart ("Volunteers sign up online and book shifts"): while fewer than `MIN_RECORDS` are
 * chosen, what the readers found good evidence of (`evidence`, their score) fills up, best evidence first.
 */
export function selectEntities(candidates: readonly EntityFinding[], context: RankingContext, max: number, evidence: number): EntityFinding[] {
  const chosen = chooseRecords(candidates, recordLikelihoods(candidates, context), ENTITY_RANKING.threshold, max);
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= MIN_RECORDS || candidate.score < evidence) break;
    admit(chosen, candidate, MIN_RECORDS);
  }
  return chosen;
}

/** The candidates at least as likely as `threshold`, likeliest first, one name per record, at most `max`. */
export function chooseRecords<T extends EntityFinding>(candidates: readonly T[], likelihoods: readonly number[], threshold: number, max: number): T[] {
  const ranked = candidates
    .map((candidate, index) => ({ candidate, likelihood: likelihoods[index] ?? 0 }))
    .filter(({ likelihood }) => likelihood >= threshold)
    .sort((a, b) => b.likelihood - a.likelihood || a.candidate.order - b.candidate.order);
  const chosen: T[] = [];
  for (const { candidate } of ranked) admit(chosen, candidate, max);
  return chosen;
}

/**
 * Adds a candidate unless it is a record already chosen: "water test" and "test" are one record, and the compound, the
 * more specific name, stands for both ("the cards" after "entry cards" are those cards); a record the readers merged
 * others into ("cats and rabbits" into the animal) names them all.
 */
function admit<T extends EntityFinding>(chosen: T[], candidate: T, max: number): void {
  const same = chosen.findIndex((other) => sameRecord(other, candidate));
  if (same === -1 && chosen.length < max) chosen.push(candidate);
  else if (same !== -1 && (candidate.absorbed?.includes((chosen[same] as T).term) || narrows(candidate, chosen[same] as T))) chosen[same] = candidate;
}

const head = (term: string): string => term.split(' ').pop() ?? term;

/**
 * "entry card" narrows "card": a compound whose last word is the other, a single word, named no later than it, so that
 * the word refers back to it. A describing word ("diabetic patients", "private events") or a time ("Sunday services")
 * picks out some of the records, not all of them.
 */
function narrows(compound: EntityFinding, word: EntityFinding): boolean {
  if (!compound.term.includes(' ') || word.term.includes(' ') || head(compound.lemma) !== word.lemma || compound.order > word.order) return false;
  const modifier = compound.term.split(' ')[0] ?? '';
  return isMostlyNoun(modifier) && semanticClasses(modifier, 'noun', 1)[0] !== 'noun.time';
}

function sameRecord(a: EntityFinding, b: EntityFinding): boolean {
  if (a.absorbed?.includes(b.term) || b.absorbed?.includes(a.term)) return true;
  if (a.term === b.term || (a.term.includes(' ') && b.term.includes(' '))) return a.term === b.term;
  // "cargo bike" and "bicycle", "reservation" and "booking": one word and a head WordNet knows as the same are one record.
  const [headA, headB] = [head(a.lemma), head(b.lemma)];
  return headA === headB || synonyms(headA, 'noun', 1).includes(headB) || synonyms(headB, 'noun', 1).includes(headA);
}

/**
 * Every other thing the text names, as a candidate the readers did not find: each phrase's term ("room measurement"),
 * never a name, a measure ("24 hours"), the product or the business itself.
 */
export function phraseCandidates(sentences: readonly Sentence[], found: readonly EntityFinding[], excluded: ReadonlySet<string>): EntityFinding[] {
  const known = new Set(found.flatMap((finding) => (finding.term.includes(' ') ? [finding.term] : [finding.term, finding.lemma])));
  const candidates = new Map<string, EntityFinding>();
  for (const sentence of sentences) {
    for (const phrase of sentence.phrases) {
      if (!namesThing(phrase) || excluded.has(termOf(phrase)) || excluded.has(lemmaOf(phrase))) continue;
      const term = termOf(phrase);
      if (known.has(term)) continue;
      const candidate = candidates.get(term) ?? { term, lemma: lemmaOf(phrase), score: 0, order: sentence.order, sources: [], verbs: [], derived: false };
      if (candidate.sources.length < 3 && !candidate.sources.some((source) => source.quote === sentence.source.quote)) candidate.sources.push(sentence.source);
      for (const clause of sentence.clauses) if (clause.objects.includes(phrase) && !candidate.verbs.includes(clause.verb)) candidate.verbs.push(clause.verb);
      candidates.set(term, candidate);
    }
  }
  return [...candidates.values()];
}

function namesThing(phrase: NounPhrase): boolean {
  const lemma = lemmaOf(phrase);
  return phrase.head.pos === 'NOUN' && lemma.length >= 3 && /^[a-z][a-z -]*$/.test(lemma) && !isMeasure(phrase);
}
