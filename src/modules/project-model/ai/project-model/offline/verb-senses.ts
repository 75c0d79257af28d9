import { derivedForms, isKindOf, type Clause } from '../../../../../core/text/nlp/index.js';

/**
 * What a verb means for the product, read from WordNet: joining (people who register have a record of their own),
 * asking (people who apply submit an application) and holding something for someone (what is reserved is a record).
 */

/** Verbs of joining: "register", "enrol", "sign up", "join" (WordNet's kinds of joining and enrolling). */
export function joins(clause: Clause): boolean {
  const verb = clause.particle ? `${clause.verb} ${clause.particle}` : clause.verb;
  return ['join', 'enroll'].some((kind) => isKindOf(verb, kind, 'verb', 3));
}

/** The request a verb of asking makes, when WordNet derives one from it: "apply" → application, "enquire" → enquiry. */
export function requestMadeBy(verb: string): string | undefined {
  return derivedForms(verb, 'verb', 'noun', 2).find((noun) => !noun.includes(' ') && isKindOf(noun, 'request', 'noun', 2));
}

/** Verbs of booking or reserving: "book", "reserve" (WordNet's kinds of reserving). */
export function reserves(verb: string): boolean {
  return isKindOf(verb, 'reserve', 'verb', 2);
}

/** Verbs of holding something for someone: reserving, or renting, hiring and leasing it. */
export function holdsForSomeone(verb: string): boolean {
  return reserves(verb) || isKindOf(verb, 'rent', 'verb', 2);
}
