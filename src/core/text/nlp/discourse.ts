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
