import winkNLP, { type ItemSentence, type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Part-of-speech tagging and lemmas for English, from wink-nlp and its English model (Universal POS tags: NOUN,
 * PROPN, VERB, AUX, ADJ, ADP, DET, PRON, NUM, CCONJ, SCONJ, PART, ADV, PUNCT, SYM, X, SPACE). The model loads once,
 * on first use (about 150 ms), and tags thousands of sentences a second.
 */
export type PosTag = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export type TaggedToken = {
  /** As written. */
  text: string;
  /** Lower case, apostrophes normalised. */
  normal: string;
  lemma: string;
  pos: PosTag;
  /** wink's shape/type: word, number, punctuation, email, url, … */
  type: string;
};

export type TaggedSentence = { text: string; tokens: TaggedToken[] };

let engine: WinkMethods | undefined;

function nlp(): WinkMethods {
  engine ??= winkNLP(model);
  return engine;
}

/** Splits text into sentences and tags every token. Same text, same result. */
export function tagText(text: string): TaggedSentence[] {
  const { its } = nlp();
  const doc = nlp().readDoc(text);
  const sentences: TaggedSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens: TaggedToken[] = [];
    sentence.tokens().each((token: ItemToken) => {
      tokens.push({
        text: token.out(its.value),
        normal: token.out(its.normal),
        // wink's typings declare its.lemma with an incompatible signature, though out() accepts it at run time.
        lemma: token.out(its.lemma as unknown as typeof its.normal),
        pos: token.out(its.pos) as PosTag,
        type: token.out(its.type),
      });
    });
    sentences.push({ text: sentence.out(its.value), tokens });
  });
  return sentences;
}
