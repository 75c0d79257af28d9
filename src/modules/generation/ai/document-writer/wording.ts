import { capitalize, isStopWord, oneLine, pluralize, singularize, tokenize, truncate } from '../../../../core/text/index.js';
import type { Priority } from '../../../projects/index.js';

// How the document writers word their statements: quotes, clauses, feature names, articles, priorities.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text names the word (or phrase) as a whole word, singular or plural. */
export function mentions(text: string, word: string): boolean {
  const singular = escapeRegExp(word.toLowerCase());
  const plural = escapeRegExp(pluralize(word).toLowerCase());
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${singular}|${plural})(?![\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

export function asSentence(text: string): string {
  const trimmed = capitalize(oneLine(text));
  if (!trimmed) return trimmed;
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A sentence's words without its final punctuation, for quoting inside another sentence. */
export function clause(text: string): string {
  return oneLine(text).replace(/[.!?;:…]+$/, '');
}

export function quote(text: string, max = 200): string {
  return `“${truncate(clause(text), max)}”`;
}

/** The first words of an action, cut before a trailing preposition or conjunction. */
export function shortAction(action: string, maxWords = 8): string {
  const words = action.split(' ').slice(0, maxWords);
  while (words.length > 2 && isStopWord(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

const DETERMINER = /^(?:a|an|the|their|its|his|her|our|your|my|each|every|this|these|those)$/i;

/** "book trusted walkers in their neighbourhood" → "Book trusted walkers". */
export function featureName(action: string): string {
  const words = oneLine(action).split(' ');
  const cut = words.findIndex((word, index) => index >= 2 && ((isStopWord(word) && !DETERMINER.test(word) && !/^(?:and|or)$/i.test(word)) || /^\d/.test(word)));
  return capitalize(shortAction(words.slice(0, cut === -1 ? 6 : Math.min(cut, 6)).join(' '), 6)).replace(/[,;:.]+$/, '');
}

/** The capability a requirement sentence states: the words after its modal verb ("owners must see reviews" → "see reviews"). */
export function capabilityOf(requirement: string): string | undefined {
  const match = /\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to|would like to|allows?|enables?|lets)\s+(?:(?:also|easily|be able to|not)\s+)*(.+)$/i.exec(requirement);
  const rest = match?.[1]?.replace(/[.!…]+$/, '').split(/[;:]/)[0]?.trim();
  if (!rest) return undefined;
  if (/^be\s/i.test(rest)) {
    const subject = requirement.slice(0, match?.index ?? 0).trim().replace(/^(?:the|a|an|all|each|every)\s+/i, '');
    return subject ? `${subject} ${rest.replace(/^be\s+/i, '')}` : undefined;
  }
  return rest;
}

/** "dog owners" → "dog owners'", "staff" → "staff's". */
export function possessive(phrase: string): string {
  return /s$/i.test(phrase) ? `${phrase}'` : `${phrase}'s`;
}

/** "time entries" → true; "tool library" → false. */
export function isPluralPhrase(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}

export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(?:uni|use|one|eu)/i.test(word) ? 'an' : 'a';
}

export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

export function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const priorityWord: Record<Priority, string> = { must: 'Must', should: 'Should', could: 'Could' };
export const priorityOrder: Record<Priority, number> = { must: 0, should: 1, could: 2 };

/** A short deterministic hash, to vary wording by input without randomness. */
export function pickBy<T>(key: string, options: readonly T[]): T {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return options[hash % options.length] as T;
}
