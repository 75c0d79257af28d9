/** Linguistic analysis of English text: part-of-speech tags and lemmas. */
export { tagText, type PosTag, type TaggedSentence, type TaggedToken } from './tagger.js';
