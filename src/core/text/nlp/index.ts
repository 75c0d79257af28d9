/**
 * Linguistic analysis of English text: part-of-speech tags and lemmas, the tagger's slips corrected with WordNet,
 * noun phrases, subject–verb–object clauses and WordNet's semantic classes, derivations and synonyms.
 */
export { bracketsOf, opensAside } from './brackets.js';
export { clausesOf, isFiniteVerb, type Clause } from './clauses.js';
export { nounPhrases, type NounPhrase } from './chunks.js';
export { OBJECT_PARTICLES } from './particles.js';
export { compoundsOf, readAsParts, readCompoundsAlike } from './discourse.js';
export { isBullet, retag } from './retag.js';
export { authorSpellings, respell } from './spelling.js';
export { tagText, type PosTag, type TaggedSentence, type TaggedToken } from './tagger.js';
export { derivations, derivedForms, isKindOf, knows, knowsWord, lemmasBeginning, semanticClasses, senses, synonyms, takesGerund, takesPersonObject, takesThingObject, verbOfParticiple, type Synset, type WordNetPos } from './wordnet.js';

import { retag } from './retag.js';
import { tagText, type TaggedSentence } from './tagger.js';

/** Tags text and corrects the tagger's known slips: what the rest of this layer reads. */
export function parseText(text: string): TaggedSentence[] {
  return retag(tagText(text));
}
