import { semanticClasses } from '../nlp/index.js';
import { pluralize } from '../inflection.js';
import { indefiniteArticle } from './articles.js';
import type { NounPhrase } from './noun-phrase.js';

/**
 * How the name of a group of people reads: undefined for one person's role ("member"); "plural" for a team read as
 * many ("staff"), "singular" for one read as one ("HR", "reception"). Its last word is an acronym, has no plural of its
 * own, or names first what the group does rather than who they are (WordNet's act, communication, state, possession
 * or cognition: "reception", "housekeeping").
 */
function teamNumber(name: string): NounPhrase['number'] | undefined {
  const last = name.trim().split(/\s+/).pop() ?? '';
  if (/^[A-Z]{2,}$/.test(last)) return 'singular';
  const word = last.toLowerCase();
  if (word === '') return undefined;
  if (pluralize(word) === word) return 'plural';
  return /^noun\.(?:act|communication|state|possession|cognition)$/.test(semanticClasses(word, 'noun', 1)[0] ?? '') ? 'singular' : undefined;
}

/** Whether the name of a group of people reads without an article and has no plural: "staff", "HR", "reception". */
export function isTeamName(name: string): boolean {
  return teamNumber(name) !== undefined;
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
  const number = teamNumber(name);
  return number ? { text: name, number } : { text: `the ${name}`, number: 'singular' };
}
