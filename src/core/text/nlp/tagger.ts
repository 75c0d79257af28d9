import winkNLP, { type ItemSentence, type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { baseForm, pluralize, singularize } from '../inflection.js';
import { knows, synsetOffsets, verbOfParticiple } from './wordnet.js';

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

/** wink's normal form, except that it spells "through" as "thru", which no rule reading prepositions expects. */
function normalOf(value: string, normal: string): string {
  return normal === 'thru' && value.toLowerCase() === 'through' ? 'through' : normal;
}

/**
 * wink's lemma, where WordNet does not contradict it. wink reads some singular nouns as another word's plural ("dive"
 * → diva): a noun WordNet knows that does not end in "s" is its own lemma unless it is the plural of wink's ("people"
 * → person) or a Latin plural in "-a" ("data" → datum). And it cuts a verb's "e" before "-ing" or "-ed" into a rarer
 * verb ("tuning" → tun): the verb with the "e" is the lemma when WordNet has more senses of it.
 */
function lemmaOf(normal: string, lemma: string, pos: PosTag): string {
  // A word in "-s" is its own lemma when English keeps it the same in the singular ("species" → species, not specie).
  const ownSingular = normal.endsWith('s') ? singularize(normal) === normal : !normal.endsWith('a') && pluralize(lemma) !== normal;
  if (pos === 'NOUN' && lemma !== normal && knows(normal, 'noun') && ownSingular) return normal;
  // "fined" is no form of "fin", which doubles its last consonant ("finned"): a one-syllable verb ending in a vowel and
  // one consonant never takes "-ed" or "-ing" without doubling it.
  const undoubled = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma);
  if (pos === 'VERB' && (normal === `${lemma}ing` || normal === `${lemma}ed`) && knows(`${lemma}e`, 'verb') && (undoubled || synsetOffsets(`${lemma}e`, 'verb').length > synsetOffsets(lemma, 'verb').length)) return `${lemma}e`;
  if (pos === 'VERB' && lemma === normal) return inflectedVerbBase(normal) ?? lemma;
  return lemma;
}

/**
 * The base of an inflected verb wink leaves as it is: the verb WordNet knows the participle or the -s form as ("shipped"
 * → ship, "tidies" → tidy) or, failing that, a noun made a verb ("texting" → text). A prefix joined by a hyphen stays
 * ("pre-booked" → pre-book).
 */
function inflectedVerbBase(normal: string): string | undefined {
  const hyphen = normal.lastIndexOf('-');
  if (hyphen > 0) {
    const base = inflectedVerbBase(normal.slice(hyphen + 1));
    return base ? `${normal.slice(0, hyphen + 1)}${base}` : undefined;
  }
  if (knows(normal, 'verb')) return undefined;
  const participle = /(?:ing|ed)$/.test(normal);
  const base = participle ? verbOfParticiple(normal) : /s$/.test(normal) ? baseForm(normal) : undefined;
  if (base && base !== normal && knows(base, 'verb')) return base;
  // English makes verbs of nouns WordNet knows only as nouns ("texting" → text, "juiced" → juice, "rugging" → rug,
  // "juried" → jury).
  const stem = participle ? normal.replace(/(?:ing|ed)$/, '') : undefined;
  if (stem === undefined) return undefined;
  return [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1'), stem.replace(/i$/, 'y')].find((noun) => noun.length > 1 && knows(noun, 'noun'));
}

/**
 * Splits text into sentences and tags every token. Same text, same result.
 * wink reads "in." as the abbreviation for inches and so runs "… when they walk in. Cancellations: …" into one
 * sentence: a lower-case "in." before a capital ends a sentence.
 */
export function tagText(text: string): TaggedSentence[] {
  return text.split(/(?<=\bin\.)\s+(?=[A-Z])/).flatMap(tagSentences);
}

/** "walk in.": the adverb and the full stop wink keeps as one token. */
function splitFinalIn(tokens: TaggedToken[]): TaggedToken[] {
  const last = tokens[tokens.length - 1];
  if (!last || last.text !== 'in.') return tokens;
  return [...tokens.slice(0, -1), { text: 'in', normal: 'in', lemma: 'in', pos: 'ADP', type: 'word' }, { text: '.', normal: '.', lemma: '.', pos: 'PUNCT', type: 'punctuation' }];
}

function tagSentences(text: string): TaggedSentence[] {
  const { its } = nlp();
  const doc = nlp().readDoc(text);
  const sentences: TaggedSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens: TaggedToken[] = [];
    const spaced: boolean[] = [];
    sentence.tokens().each((token: ItemToken) => {
      spaced.push(token.out(its.precedingSpaces) !== '');
      const normal = normalOf(token.out(its.value), token.out(its.normal));
      const pos = token.out(its.pos) as PosTag;
      tokens.push({
        text: token.out(its.value),
        normal,
        // wink's typings declare its.lemma with an incompatible signature, though out() accepts it at run time.
        lemma: lemmaOf(normal, token.out(its.lemma as unknown as typeof its.normal), pos),
        pos,
        type: token.out(its.type),
      });
    });
    const dashed = tokens.map((token, index) => asDash(token, spaced[index] ?? false, spaced[index + 1] ?? false));
    const short = readShorthand(dashed, spaced);
    sentences.push({ text: sentence.out(its.value), tokens: splitFinalIn(splitPossessive(splitIAm(joinHyphenated(short.tokens, short.spaced)))) });
  });
  return closingBracketsBack(sentences);
}

/**
 * wink ends a sentence at "!" or "?" inside brackets ("(fire regs!!)"), so the next sentence opens with the ")". The
 * bracket goes back to the sentence it closes; a sentence left with nothing but punctuation goes with it.
 */
function closingBracketsBack(sentences: TaggedSentence[]): TaggedSentence[] {
  const joined: TaggedSentence[] = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    const closing = sentence.tokens.findIndex((token) => !/^[)\]]$/.test(token.text));
    const count = closing === -1 ? sentence.tokens.length : closing;
    if (!previous || count === 0) {
      joined.push(sentence);
      continue;
    }
    const rest = sentence.tokens.slice(count);
    previous.tokens.push(...sentence.tokens.slice(0, count));
    previous.text = `${previous.text}${sentence.text.trimStart().slice(0, count)}`;
    if (rest.some((token) => token.type !== 'punctuation')) joined.push({ text: sentence.text.trimStart().slice(count).trimStart(), tokens: rest });
    else previous.tokens.push(...rest);
  }
  return joined;
}

/**
 * "St Michael's": wink splits a possessive "'s" off its word, until it has once read the word with the "'s" attached
 * (before a comma, say), after which it keeps the two as one token in every text it reads. Split the same way always,
 * so the same text is read the same way whatever was read before it.
 */
function splitPossessive(tokens: TaggedToken[]): TaggedToken[] {
  return tokens.flatMap((token) => {
    const match = /^([A-Za-z][\w-]*)(['’]s)$/.exec(token.text);
    if (!match || token.type !== 'word') return [token];
    const word = match[1] as string;
    return [
      { ...token, text: word, normal: word.toLowerCase(), lemma: token.lemma.replace(/['’]s$/, '') || word.toLowerCase() },
      { text: match[2] as string, normal: "'s", lemma: "'s", pos: 'PART' as const, type: 'word' },
    ];
  });
}

/**
 * wink splits "we're", "don't" and "I've" but keeps "I'm" as one token, which it tags as a name: it is "I" and "am",
 * as the other contractions come out.
 */
function splitIAm(tokens: TaggedToken[]): TaggedToken[] {
  return tokens.flatMap((token, index) => {
    // "im the treasurer": written without its apostrophe, before an article.
    const bare = /^im$/i.test(token.text) && /^(?:DET|PRON)$/.test(tokens[index + 1]?.pos ?? '') ? /^(i)(m)$/i.exec(token.text) : null;
    const match = /^(i)(['’]m)$/i.exec(token.text) ?? bare;
    if (!match) return [token];
    return [
      { text: match[1] as string, normal: 'i', lemma: 'i', pos: 'PRON' as const, type: 'word' },
      { text: match[2] as string, normal: 'am', lemma: 'be', pos: 'AUX' as const, type: 'word' },
    ];
  });
}

/**
 * Notes written short: "+" between two words is "and" ("moulding + glass"), and "w/" is "with" ("report w/ photos").
 * Returns the tokens and whether a space precedes each, with the slash of "w/" dropped from both.
 */
function readShorthand(tokens: TaggedToken[], spaced: boolean[]): { tokens: TaggedToken[]; spaced: boolean[] } {
  const read: TaggedToken[] = [];
  const readSpaced: boolean[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const [before, token, after] = [tokens[index - 1], tokens[index] as TaggedToken, tokens[index + 1]];
    const betweenWords = /^[a-z]/i.test(before?.text ?? '') && /^[a-z]/i.test(after?.text ?? '');
    const spacedHere = spaced[index] ?? false;
    if (token.text === '+' && betweenWords) {
      read.push({ ...token, normal: 'and', lemma: 'and', pos: 'CCONJ' });
    } else if (/^w$/i.test(token.text) && after?.text === '/' && !spaced[index + 1]) {
      read.push({ text: `${token.text}/`, normal: 'with', lemma: 'with', pos: 'ADP', type: 'word' });
      index += 1;
    } else {
      read.push(token);
    }
    readSpaced.push(spacedHere);
  }
  return { tokens: read, spaced: readSpaced };
}

/** "a bike share - 120 bikes": a hyphen with a space on either side is a dash, never part of a word. */
function asDash(token: TaggedToken, spacedBefore: boolean, spacedAfter: boolean): TaggedToken {
  return token.text === '-' && (spacedBefore || spacedAfter) ? { ...token, text: '–', normal: '–', pos: 'PUNCT' } : token;
}

/**
 * "a make-up lesson", "the check-in", "a walk-around check": wink splits a hyphenated word in three. A word WordNet
 * knows with its hyphen, or with a space for it ("a thank-you"), is one noun; so is an unknown one an article or a
 * possessive opens ("their sign-up"); an unknown one before a noun modifies it, as one adjective. A hyphenated verb
 * ("re-inspected") and anything written with spaces around the dash stay as they are.
 */
function joinHyphenated(tokens: TaggedToken[], spaced: boolean[]): TaggedToken[] {
  const joined: TaggedToken[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const [first, dash, second] = [tokens[i] as TaggedToken, tokens[i + 1], tokens[i + 2]];
    const word = dash && second ? `${first.normal}-${second.normal}` : '';
    // "30-minute slots", "a 600-bed hospital": a number joined to a unit before a noun is one adjective.
    const measure = /^\d+$/.test(first.text) && tokens[i + 3]?.pos === 'NOUN';
    const attached = dash?.text === '-' && !spaced[i + 1] && !spaced[i + 2] && (/^[a-z]+$/i.test(first.text) || measure) && /^[a-z]+$/i.test(second?.text ?? '');
    const beforeNoun = tokens[i + 3]?.pos === 'NOUN';
    // "a sign-making workshop": an -ing form joined to a noun before a noun describes it.
    const describing = second?.pos === 'VERB' && second.normal.endsWith('ing') && beforeNoun;
    // "walk-ins", "no-shows": the plural of a hyphenated noun WordNet knows.
    const singular = attached && word.endsWith('s') && knows(word.slice(0, -1), 'noun') ? word.slice(0, -1) : undefined;
    // A word of three parts ("sister-in-law", "out-of-hours") is not opened at its first hyphen.
    const determined = /^(?:a|an|the|each|every|my|our|your|their|his|her|its)$/.test(tokens[i - 1]?.normal ?? '') && tokens[i + 3]?.text !== '-';
    const known = attached && !describing && !measure && (knows(word, 'noun') || knows(word.replace('-', ' '), 'noun') || singular !== undefined || (determined && !beforeNoun));
    if (!attached || !second || (second.pos === 'VERB' && !describing && singular === undefined)) {
      joined.push(first);
      continue;
    }
    if (!known && !beforeNoun) {
      joined.push(first);
      continue;
    }
    joined.push({ text: `${first.text}-${second.text}`, normal: word, lemma: known ? singular ?? word : word, pos: known ? 'NOUN' : 'ADJ', type: 'word' });
    i += 2;
  }
  return joined;
}
