/**
 * Sentences composed from typed parts rather than pasted from fragments: noun phrases with number and article, verbs
 * agreeing with their subject (modals, passive, negation), Given/When/Then criteria, capitalisation and end marks.
 */
export { indefiniteArticle, withIndefinite } from './articles.js';
export { nounPhrase, THEY, type Determiner, type NounPhrase, type NounPhraseParts } from './noun-phrase.js';
export { givenWhenThen, inner, sentence } from './sentence.js';
export { isTeamName, rolePlural, roleSubject, withRoleArticle } from './team-names.js';
export { bareInfinitive, clause, parseVerbPhrase, predicate, type VerbPhrase } from './verb-phrase.js';
export { MODALS, pastParticiple, present, presentOfBe, thirdPerson, type GrammaticalNumber } from './verbs.js';
