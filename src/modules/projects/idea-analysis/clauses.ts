import { STOP_WORDS, type Word } from '../../../core/text/index.js';
import { BE_FORMS, CLAUSE_OPENERS, DETERMINERS, MODALS, NUMBER_WORDS, PARTICLES, POSSESSIVE_PRONOUNS, PREPOSITIONS } from './lexicon/function-words.js';
import { modalPhraseAt } from './lexicon/modal-phrases.js';
import { IRREGULAR_PARTICIPLES } from './lexicon/modifiers.js';
import { isRoleWord } from './lexicon/people.js';
import { ATTRIBUTE_WORDS, GENERIC_NOUNS } from './lexicon/things.js';
import { couldBeVerb, isAdverbLike, looksPlural } from './word-classes.js';

// Clauses: who does what to which things, from word order alone
//
// English product texts mostly follow subject-verb-object order, so word positions tell people from things better
// than word shapes do: a noun phrase that starts a clause and is followed by a modal or by a verb that agrees with it
// is a subject ("Growers can set …", "dog owners book …", "the driver records …"); a noun phrase after a verb is its
// object ("lend drills and ladders"), and one after a preposition a prepositional object ("for each order").
// Verbs are found by agreement: a plural noun followed by a plain word ("farmers list"), or a determined singular noun
// followed by a word in -s that is followed by more ("the valve opens automatically").
//
// This is hand-written on purpose. A general part-of-speech library (compromise 14.17, 4.7 MB unpacked) was measured
// on the analysis corpus (analysis-corpus.test.ts): its subjects and its "Actor" tag found fewer of the expected
// actors and named far more things as actors, because its people lexicon misses most product roles (student, patient,
// nurse, owner, buyer, member, volunteer …) and it misreads the verbs of product prose ("Patients book, move and
// cancel …", "The landlord approves repair requests"). The lists of people, organisations and products here, plus word
// order, do better on this kind of text at no cost in size or speed.

export type PhraseSlot = 'subject' | 'object' | 'prepositional';
/** A noun phrase: words [start, end) of its sentence, the last one its head. */
export type NounPhrase = {
  start: number;
  end: number;
  slot: PhraseSlot;
  /** The determiner before it, if any ("each", "the", "their"). */
  determiner?: string;
  preposition?: string;
  /** For subjects: acted ("owners book", "growers can set") rather than acted upon ("donations are logged"). */
  active: boolean;
  passive: boolean;
  /** The verb index the phrase is the object of, or the verb its subject acts with. */
  verb?: number;
  /** Set when punctuation comes right before the preposition (", with deposits and reminders"). */
  afterBreak: boolean;
};
export type Clauses = { phrases: NounPhrase[]; verbs: Set<number> };

/** Determiners, possessives, numbers: the words before a noun phrase's modifiers. */
function skipDeterminers(sentence: Word[], from: number): { index: number; determiner?: string } {
  let index = from;
  let determiner: string | undefined;
  for (;;) {
    const word = sentence[index];
    if (!word || (index > from && word.breakBefore)) break;
    if (DETERMINERS.has(word.lower) || POSSESSIVE_PRONOUNS.has(word.lower) || NUMBER_WORDS.has(word.lower) || /^\d/.test(word.lower)) determiner ??= word.lower;
    else if (word.possessive && sentence[index + 1] && !sentence[index + 1]?.breakBefore) determiner ??= 'possessive';
    else break;
    index++;
  }
  return { index, determiner };
}

/** The content words of a noun phrase starting at `from` (modifiers and head), up to four. */
export function phraseRun(sentence: Word[], from: number): number {
  let end = from;
  while (end < sentence.length && end - from < 4) {
    const word = sentence[end];
    if (!word || (end > from && word.breakBefore) || !/^\p{L}/u.test(word.lower)) break;
    if (STOP_WORDS.has(word.lower) || MODALS.has(word.lower) || isAdverbLike(word) || NUMBER_WORDS.has(word.lower)) break;
    if (end > from && (sentence[end - 1]?.possessive ?? false)) break;
    end++;
  }
  return end;
}

/**
 * Inside a clause-opening run, the index of its verb ("soil sensors report moisture" → report), or -1.
 * `opensClause`: the run starts a clause, so its verb may end it ("When a delivery fails, …").
 */
function verbInRun(sentence: Word[], start: number, end: number, determined: boolean, opensClause = false): number {
  for (let j = start + 1; j < end; j++) {
    const head = sentence[j - 1];
    const candidate = sentence[j];
    if (!head || !candidate || !couldBeVerb(candidate) || isRoleWord(candidate.key)) continue;
    if (looksPlural(head) && !looksPlural(candidate) && !/ing$/.test(candidate.lower)) return j;
    const more = sentence[j + 1];
    const continues = more === undefined || more.breakBefore ? opensClause : !BE_FORMS.has(more.lower) && !MODALS.has(more.lower) && more.lower !== 'per';
    if (!looksPlural(head) && determined && /[^s]s$/.test(candidate.lower) && continues) return j;
  }
  return -1;
}

/** `nounish`: words the text uses after a determiner somewhere ("a pickup slot"), so never read as verbs. */
export function clausesOf(sentence: Word[], nounish: ReadonlySet<string> = new Set()): Clauses {
  const verbs = new Set<number>();
  const phrases: NounPhrase[] = [];
  const addObjects = (verb: number): void => {
    let index = verb + 1;
    // "book, move and cancel appointments": the verbs of a list share the object
    while (sentence[index] && ['and', 'or'].includes(sentence[index]?.lower ?? '') && couldBeVerb(sentence[index + 1]) && !looksPlural(sentence[index + 1] as Word)) {
      verbs.add(index + 1);
      index += 2;
    }
    while (sentence[index] && !sentence[index]?.breakBefore && (PARTICLES.has(sentence[index]?.lower ?? '') || isAdverbLike(sentence[index] as Word))) index++;
    if (sentence[index]?.breakBefore) return;
    coordinatedPhrases(index, 'object', verb);
  };
  /** A noun phrase and the ones joined to it by "and"/"or": "drills and ladders", "deposits and reminders". */
  const coordinatedPhrases = (from: number, slot: PhraseSlot, verb: number | undefined, preposition?: string, afterBreak = false): void => {
    let index = from;
    for (let guard = 0; guard < 6; guard++) {
      const { index: start, determiner } = skipDeterminers(sentence, index);
      if (start > index && sentence[start]?.breakBefore) return;
      let end = phraseRun(sentence, start);
      if (end === start) return;
      const inner = verbInRun(sentence, start, end, determiner !== undefined);
      // A run that contains its own verb starts a new clause ("… and students submit answers", "… of an item falls").
      if (inner !== -1 && guard > 0) return;
      if (inner !== -1) {
        verbs.add(inner);
        end = inner;
      }
      phrases.push({ start, end, slot, determiner, preposition, active: false, passive: false, verb, afterBreak });
      if (inner !== -1) return;
      const next = sentence[end];
      if (!next || next.breakBefore || !['and', 'or'].includes(next.lower)) return;
      const following = sentence[end + 1];
      if (!following || following.breakBefore) return;
      const modifiedPlural = !verbs.has(end + 1) && sentence[end + 2] !== undefined && !sentence[end + 2]?.breakBefore && looksPlural(sentence[end + 2] as Word); // "email and chat channels"
      if (!(DETERMINERS.has(following.lower) || POSSESSIVE_PRONOUNS.has(following.lower) || looksPlural(following) || modifiedPlural)) return;
      index = end + 1;
    }
  };

  sentence.forEach((word, index) => {
    // Verbs after modal phrases: "must be able to export", "can move", "need to see".
    const modal = modalPhraseAt(sentence, index);
    if (modal && (index === 0 || !MODALS.has(sentence[index - 1]?.lower ?? ''))) {
      let verb = index + modal.words.length;
      while (sentence[verb] && isAdverbLike(sentence[verb] as Word)) verb++;
      const candidate = sentence[verb];
      if (candidate && !candidate.breakBefore && (couldBeVerb(candidate) || candidate.lower === 'be')) verbs.add(verb);
    }
    // "to" + a plain word after a verb of wanting or a role: "want to create", "for residents to apply".
    if (word.lower === 'to' && index > 0) {
      const candidate = sentence[index + 1];
      if (candidate && !candidate.breakBefore && couldBeVerb(candidate) && !looksPlural(candidate) && !ATTRIBUTE_WORDS.has(candidate.key) && !GENERIC_NOUNS.has(candidate.key)) verbs.add(index + 1);
    }
    // A plain word between a clause's start and a determiner is a verb: "send a reminder", "and pay the permit fee";
    // so is one after "and"/"or" that is followed by a plural and never used as a noun: "… and sell tickets".
    const previous = sentence[index - 1];
    const following = sentence[index + 1];
    const clauseSide = !previous || word.breakBefore || (STOP_WORDS.has(previous.lower) && !DETERMINERS.has(previous.lower) && !POSSESSIVE_PRONOUNS.has(previous.lower)) || MODALS.has(previous.lower) || isAdverbLike(previous);
    if (clauseSide && following && !following.breakBefore && couldBeVerb(word) && !looksPlural(word) && !isRoleWord(word.key) && !nounish.has(word.lower)) {
      const determinerFollows = (DETERMINERS.has(following.lower) && following.lower !== 'per') || POSSESSIVE_PRONOUNS.has(following.lower);
      // "create ticketed events and sell tickets", but not "their email and chat channels" nor "and support agents answer …"
      const before = sentence[index - 2];
      const after = sentence[index + 2];
      const coordinated = previous !== undefined && ['and', 'or'].includes(previous.lower) && looksPlural(following) && before !== undefined && looksPlural(before) &&
        (!after || after.breakBefore || !couldBeVerb(after) || looksPlural(after));
      if (determinerFollows || coordinated) verbs.add(index);
    }
    // Gerunds after prepositions: "before taking items", "by clicking send".
    if (PREPOSITIONS.has(word.lower) && /[a-z]{3}ing$/.test(sentence[index + 1]?.lower ?? '') && !sentence[index + 1]?.breakBefore) verbs.add(index + 1);
  });

  // Clause openings: subjects and the verbs that agree with them.
  sentence.forEach((word, index) => {
    const previous = sentence[index - 1];
    const opens = index === 0 || word.breakBefore || (previous !== undefined && CLAUSE_OPENERS.has(previous.lower) && !(index === 1 && previous.lower === 'as'));
    if (!opens || (index > 0 && !word.breakBefore && previous && ['and', 'or'].includes(previous.lower) && verbs.has(index))) return;
    const { index: start, determiner } = skipDeterminers(sentence, index);
    if (start > index && sentence[start]?.breakBefore) return;
    const end = phraseRun(sentence, start);
    if (end === start) return;
    const verb = verbInRun(sentence, start, end, determiner !== undefined, true);
    if (verb !== -1) {
      verbs.add(verb);
      phrases.push({ start, end: verb, slot: 'subject', determiner, active: true, passive: false, verb, afterBreak: false });
      return;
    }
    const next = sentence[end];
    if (!next || next.breakBefore) return;
    const afterBe = sentence[end + 1]?.lower === 'be' ? sentence[end + 2] : sentence[end + 1];
    const passive = (BE_FORMS.has(next.lower) || MODALS.has(next.lower)) && afterBe !== undefined && (/[a-z]ed$/.test(afterBe.lower) || IRREGULAR_PARTICIPLES.has(afterBe.lower));
    const active = !passive && MODALS.has(next.lower);
    if (passive) verbs.add(sentence[end + 1]?.lower === 'be' ? end + 2 : end + 1);
    let modalVerb = end + (modalPhraseAt(sentence, end)?.words.length ?? 0);
    while (sentence[modalVerb] && isAdverbLike(sentence[modalVerb] as Word)) modalVerb++;
    if (passive || active) phrases.push({ start, end, slot: 'subject', determiner, active, passive, verb: active && verbs.has(modalVerb) ? modalVerb : undefined, afterBreak: false });
  });

  for (const verb of [...verbs].sort((a, b) => a - b)) addObjects(verb);
  sentence.forEach((word, index) => {
    if (!PREPOSITIONS.has(word.lower) || verbs.has(index + 1)) return;
    const following = sentence[index + 1];
    if (!following || following.breakBefore) return;
    if (word.lower === 'to' && !(DETERMINERS.has(following.lower) || POSSESSIVE_PRONOUNS.has(following.lower) || looksPlural(following))) return;
    coordinatedPhrases(index + 1, 'prepositional', undefined, word.lower, word.breakBefore);
  });
  return { phrases, verbs };
}
