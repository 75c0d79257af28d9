import { baseForm, normalizeApostrophe, STOP_WORDS, wordSet, type Word } from '../../../core/text/index.js';
import type { ActorMention } from './actors.js';
import { CLAUSE_BREAKERS, DETERMINERS, MODALS, POSSESSIVE_PRONOUNS, PREPOSITIONS } from './lexicon/function-words.js';
import { MODAL_PHRASES, modalPhraseAt } from './lexicon/modal-phrases.js';
import { ACTION_ADVERBS } from './lexicon/modifiers.js';
import { isRoleWord } from './lexicon/people.js';
import { ATTRIBUTE_WORDS, GENERIC_NOUNS } from './lexicon/things.js';
import type { Priority } from './priority.js';
import type { Reading } from './reading.js';
import { userStoryActorEnd } from './user-story.js';
import { couldBeVerb, looksPlural } from './word-classes.js';

/** Something an actor does, as a base-form verb phrase: { actor: 'dog owners', action: 'book walkers' }. */
export type ActorAction = { actor: string; action: string; priority: Priority; sentenceIndex: number };

/** Verbs that hand an action to the actor that follows: "lets support agents search …", "allows owners to …". */
const LETTING_VERBS = wordSet(`let lets letting help helps helping`);
const ALLOWING_VERBS = wordSet(`allow allows allowing enable enables enabling want wants need needs for`);

/**
 * What each actor does: the verb phrase after the actor ("dog owners can book walkers"), after "I want to" in a user
 * story, or after "lets X" / "allows X to" / "for X to".
 */
export function actorActions(mentions: ActorMention[], actorDisplay: Map<string, string>, reading: Reading): ActorAction[] {
  const actions: ActorAction[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    const verbs = reading.clauses[m.words[0]?.sentence ?? 0]?.verbs ?? new Set<number>();
    const actor = actorDisplay.get(m.key) ?? m.display;
    // "gardeners must list produce and should rate neighbours": each modal clause is an action of its own
    for (let from: ActorMention | undefined = m, steps = 0; from && steps < 5; steps++) {
      const found = actionAfter(from, verbs);
      if (!found) break;
      from = found.nextModal === undefined ? undefined : { ...m, headIndex: found.nextModal };
      const dedupe = `${actor}|${found.action.toLowerCase()}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      actions.push({ actor, action: found.action, priority: found.priority, sentenceIndex: m.words[0]?.sentence ?? 0 });
    }
  }
  return actions.sort((a, b) => a.sentenceIndex - b.sentenceIndex);
}

/** In a user story the actor speaks: "I want to see my results" is an action "see their results". */
const FIRST_TO_THIRD_PERSON = new Map<string, string>(Object.entries({ i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves', am: 'are', "i'm": "they're", "i've": "they've" }));

/** "and should …", ", and must …": a conjunction that opens a second modal clause with the same subject. */
function opensModalClause(sentence: Word[], index: number): boolean {
  return ['and', 'or', 'but'].includes(sentence[index]?.lower ?? '') && modalPhraseAt(sentence, index + 1) !== undefined;
}

/** `nextModal` is the conjunction before a second modal clause of the same subject, when there is one. */
function actionAfter(m: ActorMention, verbs: ReadonlySet<number>): { action: string; priority: Priority; nextModal?: number } | undefined {
  const sentence = m.words;
  const before = sentence[m.start - 1];
  let index = m.headIndex + 1;
  if (sentence[index]?.breakBefore && sentence[0]?.lower === 'as' && ['i', 'we'].includes(sentence[index]?.lower ?? '')) index++; // "As a walker, I want to …"

  let priority: Priority | undefined;
  const modal = MODAL_PHRASES.find((phrase) => phrase.words.every((w, i) => sentence[index + i]?.lower === w));
  // "As a parent, I want a weekly summary …": wanting a thing is getting it
  const wanted = userStoryActorEnd(sentence) > 0 && ['want', 'need'].includes(sentence[index]?.lower ?? '') && (DETERMINERS.has(sentence[index + 1]?.lower ?? '') || POSSESSIVE_PRONOUNS.has(sentence[index + 1]?.lower ?? ''));
  if (wanted) {
    priority = sentence[index]?.lower === 'need' ? 'must' : 'should';
    index += 1;
  } else if (modal) {
    priority = modal.priority;
    index += modal.words.length;
  } else if (before && !sentence[m.start]?.breakBefore && LETTING_VERBS.has(before.lower)) {
    priority = 'should';
  } else if (before && !sentence[m.start]?.breakBefore && ALLOWING_VERBS.has(before.lower) && sentence[index]?.lower === 'to') {
    priority = 'should';
    index += 1;
  }
  while (sentence[index] && ACTION_ADVERBS.has(sentence[index]?.lower ?? '')) index++;
  const verb = sentence[index];
  if (!verb || (verb.breakBefore && !priority) || !/^\p{L}/u.test(verb.lower)) return undefined;

  if (!priority) {
    // Without a modal the actor must be a subject ("where dog owners book …", not "… browse walker profiles")
    // and the verb must agree with it: "owners book", "the driver accepts".
    const subject =
      !before || sentence[m.start]?.breakBefore || /^\d/.test(before.lower) || (STOP_WORDS.has(before.lower) && !PREPOSITIONS.has(before.lower) && !MODALS.has(before.lower));
    if (!subject) return undefined;
    const head = sentence[m.headIndex];
    const headPlural = head !== undefined && looksPlural(head);
    const verbThirdPerson = /[^s]s$/.test(verb.lower);
    if (STOP_WORDS.has(verb.lower) || isRoleWord(verb.key) || headPlural === verbThirdPerson || /(?:ing|ed)$/.test(verb.lower)) return undefined;
    // "farmers list produce": a word that is also a noun is a verb where the clause reads it as one
    if ((!verbs.has(index) && (ATTRIBUTE_WORDS.has(verb.key) || GENERIC_NOUNS.has(verb.key))) || verb.possessive) return undefined;
  } else if (STOP_WORDS.has(verb.lower) && verb.lower !== 'be' && !wanted) return undefined;

  const phrase: string[] = wanted ? ['get', verb.surface] : [priority ? verb.surface : baseForm(verb.lower)];
  // Up to the end of the clause; a list of bare verbs carries on: "book, move and cancel appointments".
  let itemWords = 1;
  let afterConjunction = false;
  let nextModal: number | undefined;
  for (let i = index + 1; i < sentence.length && phrase.length < 9; i++) {
    const word = sentence[i];
    if (!word) break;
    if (opensModalClause(sentence, i)) {
      nextModal = i;
      break;
    }
    const inVerbList = itemWords === 1 && !afterConjunction;
    if (inVerbList && (word.lower === 'and' || word.lower === 'or')) {
      phrase.push(word.lower);
      afterConjunction = true;
      continue;
    }
    if (word.breakBefore && inVerbList && /^\p{Ll}/u.test(word.surface) && !STOP_WORDS.has(word.lower)) {
      phrase[phrase.length - 1] += ',';
      itemWords = 0;
    } else if (!word.breakBefore && coordinatesObjects(sentence, i)) {
      // "lend drills and ladders to neighbours": one object list, not a new clause
    } else if (word.breakBefore || CLAUSE_BREAKERS.has(word.lower)) break;
    phrase.push(word.surface);
    itemWords = afterConjunction ? 1 : itemWords + 1;
    afterConjunction = false;
  }
  const full = phrase.length;
  while (phrase.length > 1 && STOP_WORDS.has((phrase[phrase.length - 1] ?? '').toLowerCase())) phrase.pop();
  // A bare verb says little ("parents pick one" → "pick"): keep its particle or object even if it is a stop word.
  if (phrase.length === 1 && full > 1) phrase.push(sentence[index + 1]?.surface ?? '');
  if (phrase.length === 1 && !priority) return undefined;
  const story = userStoryActorEnd(sentence) > 0;
  const words = story ? phrase.map((word) => FIRST_TO_THIRD_PERSON.get(normalizeApostrophe(word.toLowerCase())) ?? word) : phrase;
  const action = words.join(' ').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  return { action, priority: priority ?? 'should', ...(nextModal === undefined ? {} : { nextModal }) };
}

/** "and" between two plural nouns, unless the second one starts a clause of its own ("quizzes and students submit …"). */
function coordinatesObjects(sentence: Word[], index: number): boolean {
  const before = sentence[index - 1];
  const after = sentence[index + 1];
  const next = sentence[index + 2];
  if (!['and', 'or'].includes(sentence[index]?.lower ?? '') || !before || !after || after.breakBefore) return false;
  if (!looksPlural(before) || !looksPlural(after) || isRoleWord(after.key)) return false;
  return !next || next.breakBefore || !couldBeVerb(next) || looksPlural(next);
}
