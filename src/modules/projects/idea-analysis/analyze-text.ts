import { sentenceWords, splitSentences, summarizeSentences, tokenize } from '../../../core/text/index.js';
import { actorActions, type ActorAction } from './actor-actions.js';
import { actorMentions, rankActors } from './actors.js';
import { entitiesOf, type Entity } from './entities.js';
import { keyTermsOf, type KeyTerm } from './key-terms.js';
import { phraseKey } from './phrase-key.js';
import { readingOf } from './reading.js';
import { requirementsOf, type Requirement } from './requirements.js';

/**
 * What an idea or a requirements text says, read once: its sentences, key terms, actors (the people and roles
 * involved) and what they do, entities (the things data is kept about), requirement sentences and a summary.
 */
export type TextAnalysis = {
  sentences: string[];
  keyTerms: KeyTerm[];
  actors: string[];
  actions: ActorAction[];
  entities: Entity[];
  requirements: Requirement[];
  summary: string;
};

/** One pass over the text for everything the built-in tasks need. */
export function analyzeText(text: string, options: { keyTerms?: number; actors?: number; entities?: number; requirements?: number; summarySentences?: number } = {}): TextAnalysis {
  const sentences = splitSentences(text);
  const wordLists = sentences.map(sentenceWords);
  const reading = readingOf(wordLists);
  const mentions = actorMentions(wordLists, reading);
  const actors = rankActors(mentions, options.actors ?? 8);
  const actorKeys = actors.map((actor) => ({ actor, key: phraseKey(tokenize(actor)) }));
  const actorDisplay = new Map<string, string>();
  for (const m of mentions) {
    if (actorDisplay.has(m.key)) continue;
    if (m.vague) {
      actorDisplay.set(m.key, m.display);
      continue;
    }
    const key = phraseKey(tokenize(m.display));
    const match = actorKeys.find((candidate) => candidate.key === key || candidate.key.endsWith(` ${key}`));
    if (match) actorDisplay.set(m.key, match.actor);
  }
  const actions = actorActions(mentions.filter((m) => actorDisplay.has(m.key)), actorDisplay, reading);
  const actorHeads = new Set(mentions.map((m) => m.words[m.headIndex]?.key ?? ''));
  return {
    sentences,
    keyTerms: keyTermsOf(wordLists, reading, options.keyTerms ?? 10, actors),
    actors,
    actions,
    entities: entitiesOf(wordLists, reading, actorHeads, options.entities ?? 10),
    requirements: requirementsOf(sentences, options.requirements ?? 100),
    summary: summarizeSentences(sentences, wordLists, options.summarySentences ?? 3),
  };
}
