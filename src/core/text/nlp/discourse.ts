import { bracketsOf } from './brackets.js';
import type { TaggedSentence, TaggedToken } from './tagger.js';

/**
 * One reading per text: a pair of words the writer uses once as a compound noun ("Pet portraits are £120") is the same
 * compound where the tagger read its first word as a verb ("mostly pet portraits and custom illustrations").
 */

/** Each noun-noun pair of the sentences, as "modifier head-lemma": "pet portrait". */
export function compoundsOf(sentences: readonly TaggedSentence[]): Set<string> {
  const pairs = new Set<string>();
  for (const { tokens } of sentences) {
    tokens.forEach((token, index) => {
      const head = tokens[index + 1];
      // The modifier is a singular noun; what follows the pair is no noun, so the pair ends its phrase.
      if (token.pos === 'NOUN' && token.normal === token.lemma && head?.pos === 'NOUN' && tokens[index + 2]?.pos !== 'NOUN') pairs.add(`${token.normal} ${head.lemma}`);
    });
  }
  return pairs;
}

/** The sentence with a bare verb read as a noun where it and the noun after it make a compound the text uses. */
export function readCompoundsAlike(sentence: TaggedSentence, compounds: ReadonlySet<string>): TaggedSentence {
  const { tokens } = sentence;
  if (!tokens.some((token, index) => isCompoundVerb(token, tokens[index + 1], compounds))) return sentence;
  return { ...sentence, tokens: tokens.map((token, index): TaggedToken => (isCompoundVerb(token, tokens[index + 1], compounds) ? { ...token, pos: 'NOUN', lemma: token.normal } : token)) };
}

function isCompoundVerb(token: TaggedToken, next: TaggedToken | undefined, compounds: ReadonlySet<string>): boolean {
  return token.pos === 'VERB' && token.normal === token.lemma && next?.pos === 'NOUN' && compounds.has(`${token.normal} ${next.lemma}`);
}

/**
 * "Every batch has: - make date, milk batch - starting weight - turning and brushing schedule": the items of a list of
 * what something has are noun phrases, so a bare or -ing verb before a noun, or joined by "and" or "or" to a word
 * that is, describes that noun ("starting weight"). Bracketed asides keep their verbs ("(hard ones turned weekly)").
 */
export function readAsParts(sentence: TaggedSentence): TaggedSentence {
  const { tokens } = sentence;
  const inside = bracketsOf(tokens);
  const modifies = (index: number): boolean => {
    const token = tokens[index];
    if (token?.pos !== 'VERB' || inside[index] || !(token.normal === token.lemma || token.normal.endsWith('ing'))) return false;
    const next = tokens[index + 1];
    if (next?.pos === 'NOUN') return true;
    const joined = tokens[index + 2];
    if (!/^(?:and|or)$/.test(next?.normal ?? '') || !joined) return false;
    return joined.pos === 'VERB' ? modifies(index + 2) : joined.pos === 'NOUN' && tokens[index + 3]?.pos === 'NOUN';
  };
  if (!tokens.some((_, index) => modifies(index))) return sentence;
  return { ...sentence, tokens: tokens.map((token, index): TaggedToken => (modifies(index) ? { ...token, pos: 'NOUN', lemma: token.normal } : token)) };
}
