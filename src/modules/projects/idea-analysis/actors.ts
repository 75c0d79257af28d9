import { isContentWord, LOW_SIGNAL, sentenceWords, splitSentences, STOP_WORDS, type Word } from '../../../core/text/index.js';
import { MODALS, NUMBER_WORDS, POSSESSIVE_PRONOUNS } from './lexicon/function-words.js';
import { ADJECTIVES } from './lexicon/modifiers.js';
import { isRoleWord, looksLikeRoleNoun, NOT_ROLE_NOUNS, NOUN_MODIFIERS, ORGANISATION_NOUNS, ROLE_MODIFIED_NOUNS, VAGUE_ACTORS } from './lexicon/people.js';
import { ATTRIBUTE_WORDS, PRODUCT_NOUNS } from './lexicon/things.js';
import { mostCommon } from './most-common.js';
import { readingOf, type Reading } from './reading.js';
import { userStoryActorEnd } from './user-story.js';

/** `vague` mentions ("people", "everyone") are not actors, but what they do still describes the product. */
export type ActorMention = { key: string; display: string; start: number; headIndex: number; words: Word[]; vague: boolean };

/** People and roles: "customer", "project manager", "dog owners", from role nouns and "as a X" user stories. */
export function findActors(text: string, limit = 8): string[] {
  const sentences = splitSentences(text).map(sentenceWords);
  return rankActors(actorMentions(sentences, readingOf(sentences)), limit);
}

/** Every mention of a person or role in the sentences, with its sentence; vague ones ("people", "everyone") marked. */
export function actorMentions(sentences: Word[][], reading: Reading): ActorMention[] {
  const mentions: ActorMention[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const storyEnd = userStoryActorEnd(sentence);
    if (storyEnd > 0) {
      const phrase = sentence.slice(2, storyEnd);
      mentions.push(mention(phrase, 2, storyEnd - 1, sentence));
    }
    const attributes = reading.attributePositions[sentenceIndex];
    sentence.forEach((word, index) => {
      if (storyEnd > 0 && index < storyEnd) return;
      if (VAGUE_ACTORS.has(word.lower)) {
        mentions.push({ ...mention([word], index, index, sentence), vague: true });
        return;
      }
      // A field of a record ("… has an amount, a date and a merchant") names data, not someone who acts.
      if (attributes?.has(index) || !isRole(word, reading)) return;
      // "my child's progress": someone the speaker writes about, not someone who uses the product
      if (word.possessive && POSSESSIVE_PRONOUNS.has(sentence[index - 1]?.lower ?? '')) return;
      const next = sentence[index + 1];
      const verbFollows = reading.clauses[sentenceIndex]?.verbs.has(index + 1) ?? false;
      // "customer support", "admin dashboard": a role word used as a modifier of a following noun
      if (next && !next.breakBefore && !word.possessive && !verbFollows && (ATTRIBUTE_WORDS.has(next.key) || ROLE_MODIFIED_NOUNS.has(next.lower))) return;
      if (next && !next.breakBefore && !word.possessive && isRoleWord(next.key) && !MODALS.has(next.lower)) return;
      // "a courier company", "the driver app": a role word naming the kind of organisation or product
      if (next && !next.breakBefore && !word.possessive && (ORGANISATION_NOUNS.has(next.key) || PRODUCT_NOUNS.has(next.key) || reading.products.has(next.key))) return;
      const start = modifierStart(sentence, index);
      mentions.push(mention(sentence.slice(start, index + 1), start, index, sentence));
    });
  });
  return mentions;
}

function mention(phrase: Word[], start: number, headIndex: number, sentence: Word[]): ActorMention {
  const key = phrase.map((w) => (w === sentence[headIndex] ? w.key : w.lower)).join(' ');
  return { key, display: phrase.map((w) => w.lower).join(' '), start, headIndex, words: sentence, vague: false };
}

/**
 * A role by name anywhere (people are acted upon too: "dog owners book walkers"); a word that only looks like a role
 * ("-er", "-or", "-ist", "-ian") or names an organisation only where it is the subject of a verb somewhere in the text.
 */
function isRole(word: Word, reading: Reading): boolean {
  if (reading.products.has(word.key)) return false;
  if (isRoleWord(word.key)) return true;
  if (!reading.subjects.has(word.key) || NOT_ROLE_NOUNS.has(word.key)) return false;
  return ORGANISATION_NOUNS.has(word.key) || looksLikeRoleNoun(word.key);
}

/** Up to two noun modifiers before a role ("dog owners", "project manager"), only when they start a noun phrase. */
function modifierStart(sentence: Word[], headIndex: number): number {
  for (let count = 2; count >= 1; count--) {
    const start = headIndex - count;
    if (start < 0) continue;
    const modifiers = sentence.slice(start, headIndex + 1);
    const joined = modifiers.every((w, i) => i === 0 || !w.breakBefore);
    const usable = modifiers
      .slice(0, -1)
      .every((w) => (isContentWord(w.lower) || NOUN_MODIFIERS.has(w.lower)) && !ADJECTIVES.has(w.lower) && !NUMBER_WORDS.has(w.lower) && !w.possessive && !/^\p{N}/u.test(w.lower) && !MODALS.has(w.lower));
    const before = sentence[start - 1];
    const verbSlot = before !== undefined && (MODALS.has(before.lower) || before.lower === 'to');
    const startsPhrase = !before || sentence[start]?.breakBefore || STOP_WORDS.has(before.lower) || ADJECTIVES.has(before.lower) || LOW_SIGNAL.has(before.lower);
    if (joined && usable && startsPhrase && !verbSlot) return start;
  }
  return headIndex;
}

/** The actors mentioned most often, the first mentioned first on a tie, as the text writes them most often. */
export function rankActors(mentions: ActorMention[], limit: number): string[] {
  type Tally = { key: string; displays: Map<string, number>; count: number; first: number };
  const tallies = new Map<string, Tally>();
  mentions.forEach((m, order) => {
    if (m.vague) return;
    let tally = tallies.get(m.key);
    if (!tally) {
      tally = { key: m.key, displays: new Map(), count: 0, first: order };
      tallies.set(m.key, tally);
    }
    tally.count += 1;
    tally.displays.set(m.display, (tally.displays.get(m.display) ?? 0) + 1);
  });
  // A bare head ("owners") joins the compound it abbreviates ("dog owners") when there is exactly one.
  const compoundsByHead = new Map<string, Tally[]>();
  for (const tally of tallies.values()) {
    const space = tally.key.lastIndexOf(' ');
    if (space === -1) continue;
    const head = tally.key.slice(space + 1);
    compoundsByHead.set(head, [...(compoundsByHead.get(head) ?? []), tally]);
  }
  for (const tally of [...tallies.values()]) {
    const compounds = tally.key.includes(' ') ? [] : (compoundsByHead.get(tally.key) ?? []);
    const [compound] = compounds;
    if (compounds.length === 1 && compound) {
      compound.count += tally.count;
      compound.first = Math.min(compound.first, tally.first);
      tallies.delete(tally.key);
    }
  }
  return [...tallies.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map((tally) => mostCommon(tally.displays));
}
