import { pluralize, singularize, tokenize } from '../../../core/text/index.js';
import type { TextAnalysis } from './analyze-text.js';
import { isPersonNoun } from './lexicon/people.js';
import { TIME_NOUNS } from './lexicon/things.js';
import { phraseKey } from './phrase-key.js';

/**
 * What the text is about, as noun phrases that read well in a sentence: entity names (plural), then key terms that are
 * plural or several words long; actors and the verbs of their actions are left out.
 */
export function topicsOf(analysis: Pick<TextAnalysis, 'keyTerms' | 'actors' | 'actions' | 'entities'>, limit = 5): string[] {
  const actorWords = new Set(analysis.actors.flatMap((actor) => tokenize(actor).map(singularize)));
  const verbs = new Set(analysis.actions.map((action) => tokenize(action.action)[0] ?? ''));
  // An entity named once in passing ("rate each walk") or only implied by a verb ("lend" → loan) is no topic; things
  // named in the plural ("lend drills and ladders") are.
  const mentions = new Map(analysis.keyTerms.map((term) => [phraseKey(tokenize(term.term)), { count: term.count, plural: isPluralPhrase(term.term) }]));
  const topics: string[] = analysis.entities
    .filter((entity) => {
      if (isPersonNoun(tokenize(entity.name).at(-1) ?? '')) return false;
      const term = mentions.get(phraseKey(tokenize(entity.name)));
      return entity.attributes.length > 0 || (term !== undefined && (term.count >= 2 || term.plural));
    })
    .map((entity) => pluralize(entity.name));
  for (const { term, nounLike } of analysis.keyTerms) {
    const termWords = tokenize(term);
    const last = termWords[termWords.length - 1] ?? '';
    // "small growers", "dog owners": people, however they are described; "five minutes": a duration
    if (termWords.every((word) => actorWords.has(singularize(word))) || actorWords.has(singularize(last)) || isPersonNoun(last) || TIME_NOUNS.has(singularize(last)) || verbs.has(termWords[0] ?? '')) continue;
    if (termWords.length > 1 || (singularize(last) !== last && nounLike)) topics.push(term);
  }
  if (topics.length === 0) {
    const fallback = analysis.keyTerms.find(({ term }) => !verbs.has(tokenize(term)[0] ?? '') && !tokenize(term).every((word) => actorWords.has(singularize(word))));
    if (fallback) topics.push(fallback.term);
  }
  const seen = new Set<string>();
  return topics
    .filter((topic) => {
      const key = tokenize(topic).map(singularize).join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

function isPluralPhrase(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}
