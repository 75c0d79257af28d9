import { oneLine, singularize, tokenize } from '../../../../core/text/index.js';
import type { Entity } from '../../../projects/index.js';
import type { Passage } from './passages.js';
import type { ProjectFacts, SourcedRequirement } from './project-facts.js';
import { isPluralPhrase } from './wording.js';

// Questions the writers ask of the facts: where a sentence came from, who does what, what the project is about.

/** Which passage a sentence of the analysis came from (the first whose text contains it). */
export function passageOf(facts: ProjectFacts, sentence: string): Passage | undefined {
  const probe = sentence.replace(/…$/, '').slice(0, 120);
  return facts.passages.find((passage) => oneLine(passage.text).includes(oneLine(probe)));
}

/** The first sentence of the input that mentions the term (whole words, any inflection of the last word). */
export function sentenceMentioning(facts: ProjectFacts, term: string): string | undefined {
  const words = tokenize(term).map(singularize);
  if (words.length === 0) return undefined;
  return facts.analysis.sentences.find((sentence) => {
    const tokens = tokenize(sentence).map(singularize);
    for (let i = 0; i + words.length <= tokens.length; i++) if (words.every((w, j) => tokens[i + j] === w)) return true;
    return false;
  });
}

/**
 * Functional requirement sentences that no actor action already covers (an action's sentence is specified through
 * the action), for writers that list both.
 */
export function uncoveredFunctional(facts: ProjectFacts): SourcedRequirement[] {
  const covered = new Set(facts.analysis.actions.map((a) => facts.analysis.sentences[a.sentenceIndex] ?? ''));
  return facts.requirements.filter((r) => r.kind === 'functional' && ![...covered].some((sentence) => sentence.startsWith(r.text.replace(/…$/, ''))));
}

/** The actions of one actor. */
export function actionsOf(facts: ProjectFacts, actor: string): string[] {
  return facts.analysis.actions.filter((a) => a.actor === actor).map((a) => a.action);
}

export function primaryGroup(facts: ProjectFacts): string {
  return facts.groups[0] ?? 'users';
}

/** Entities with the one the idea says most about first. */
export function entitiesOf(facts: ProjectFacts): Entity[] {
  return facts.analysis.entities;
}

/** The main subject of the project as a short noun phrase ("walks", "the neighbourhood tool library"). */
export function subjectOf(facts: ProjectFacts): string {
  const subject = facts.topics[0] ?? facts.terms.find((t) => !facts.groups.includes(t));
  if (!subject) return facts.name;
  return isPluralPhrase(subject) ? subject : `the ${subject}`;
}

/** What kind of product this is, from the idea's own words. */
export function productKind(facts: ProjectFacts): string {
  if (/\bmarketplace\b/i.test(facts.idea)) return 'marketplace';
  const named = /\b(?:an?|the)\s+((?:[\p{L}-]+\s+){0,2}?(?:app|platform|tool|service|marketplace|dashboard|portal|website|bot|assistant|tracker|planner|network|community|system))\b/iu.exec(facts.idea);
  if (named?.[1] && named[1].split(' ').length <= 3) return named[1].toLowerCase();
  if (facts.platforms.includes('mobile') || facts.platforms.includes('iOS') || facts.platforms.includes('Android')) return 'mobile app';
  return 'web application';
}

/** The subject of a requirement sentence when it is an actor of the facts ("Owners must …" → "dog owners"). */
export function actorOfSentence(facts: ProjectFacts, sentence: string): string | undefined {
  const head = tokenize(sentence.split(/\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to)\b/i)[0] ?? '').map(singularize);
  return facts.analysis.actors.find((actor) => {
    const last = singularize(tokenize(actor).at(-1) ?? '');
    return last !== '' && head.includes(last);
  });
}
