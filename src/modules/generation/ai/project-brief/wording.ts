import { capitalize, isStopWord, singularize, tokenize } from '../../../../core/text/index.js';

// How the brief words its statements (its own rules: the document writers word theirs a little differently).

/** The first words of an action, cut before a trailing preposition or conjunction. */
export function shortAction(action: string, maxWords: number): string {
  const words = action.split(' ').slice(0, maxWords);
  while (words.length > 2 && isStopWord(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/** "book trusted walkers in their neighbourhood" → "Book trusted walkers". */
export function featureName(action: string): string {
  const words = action.split(' ');
  // "see who is missing …" needs its clause; "book appointments online" does without the adverb
  const from = /^(?:who|what|which|how|when|where|whether)$/i.test(words[1] ?? '') ? 4 : 2;
  const cut = words.findIndex((word, index) => index >= from && ((isStopWord(word) && !DETERMINER.test(word) && !/^(?:and|or)$/i.test(word)) || /^\d/.test(word) || ADVERB.test(word)));
  return capitalize(shortAction(words.slice(0, cut === -1 ? 6 : Math.min(cut, 6)).join(' '), 6));
}

/** Verbs whose object is asked for something: "owners book walkers" means walkers get requests to answer. */
export const REQUEST_VERBS = /^(?:book|hire|request|invite|ask|message|contact|call|reserve|schedule|order|engage|commission)$/;
export const DETERMINER = /^(?:a|an|the|their|its|his|her|our|your|my|each|every|this|these|those)$/i;
/** Words that say how or when, which a feature name can do without: "Book appointments online", "See results right after". */
const ADVERB = /^(?:online|offline|right|straight|now|later|together|automatically|quickly|instantly|immediately|manually|monthly)$/i;

/** The capability a requirement sentence states: the words after its modal verb. */
export function capabilityOf(requirement: string): string | undefined {
  const match = /\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to|would like to|allows?|enables?|lets)\s+(?:(?:also|easily|be able to|not)\s+)*(.+)$/i.exec(requirement);
  const rest = match?.[1]?.replace(/[.!…]+$/, '').trim();
  if (!rest) return undefined;
  if (/^be\s/i.test(rest)) {
    const subject = requirement.slice(0, match?.index ?? 0).trim().replace(/^(?:the|a|an|all|each|every)\s+/i, '');
    return subject ? `${subject} ${rest.replace(/^be\s+/i, '')}` : undefined;
  }
  return rest;
}

export function asSentence(text: string): string {
  const trimmed = capitalize(text.trim());
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function isPlural(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}

export function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
