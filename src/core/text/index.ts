/**
 * Deterministic English text handling with no knowledge of any product feature: words, sentences, inflection,
 * stems, phrase helpers, an extractive summary, a token-count estimate and HTML escaping. Pure functions only: the
 * same text always gives the same result.
 */
export { contentWords, isContentWord, LOW_SIGNAL } from './content-words.js';
export { escapeAttribute, escapeText } from './html-escape.js';
export { baseForm, pluralize, singularize, singularPhrase } from './inflection.js';
export { capitalize, joinList, oneLine, truncate } from './phrases.js';
export { sentenceWords, type Word } from './sentence-words.js';
export { splitSentences } from './sentences.js';
export { stem } from './stem.js';
export { isStopWord, STOP_WORDS } from './stop-words.js';
export { summarize, summarizeSentences } from './summary.js';
export { FNV_OFFSET_BASIS, fnv1a, seededRandom } from './stable-hash.js';
export { estimateTokens } from './tokens.js';
export { normalizeApostrophe, tokenize } from './tokenize.js';
export { wordSet } from './word-set.js';
