import { semanticClasses } from '../nlp/index.js';
import { pluralize } from '../inflection.js';
import { indefiniteArticle } from './articles.js';
import type { NounPhrase } from './noun-phrase.js';

/**
 * Whether the name of a group of people reads without an article and has no plural: "staff", "HR", "reception",
 * "finance". Its last word is an acronym, has no plural of its own, or names first what the group does rather than
 * who they are (WordNet's act, communication, state, possession or cognition: "reception", "housekeeping").
 */
export function isTeamName(name: string): boolean {
  const last = name.trim().split(/\s+/).pop() ?? '';
  if (/^[A-Z]{2,}$/.test(last)) return true;
  const word = last.toLowerCase();
  if (word === '' || pluralize(word) === word) return word !== '';
  return /^noun\.(?:act|communication|state|possession|cognition)$/.test(semanticClasses(word, 'noun', 1)[0] ?? '');
}

/** "a member", "an editor", but "staff", "HR", "reception". */
export function withRoleArticle(name: string): string {
  return isTeamName(name) ? name : `${indefiniteArticle(name)} ${name}`;
}

/** "members", "editors", but "staff", "HR", "reception": the people in a role, together. */
export function rolePlural(name: string): string {
  return isTeamName(name) ? name : pluralize(name);
}

/** A role as the subject of a sentence: "the member" (one), "staff" (many), "HR" and "reception" (one, no article). */
export function roleSubject(name: string): NounPhrase {
  if (!isTeamName(name)) return { text: `the ${name}`, number: 'singular' };
  const last = (name.trim().split(/\s+/).pop() ?? '').toLowerCase();
  return { text: name, number: !/^[A-Z]{2,}$/.test(name.trim().split(/\s+/).pop() ?? '') && pluralize(last) === last ? 'plural' : 'singular' };
}
