import { baseForm, sentenceWords, singularize, splitSentences, wordSet, type Word } from '../../../core/text/index.js';
import { actorMentions } from './actors.js';
import { attributeList, compoundName, isEntityWord, phraseEntity } from './entity-phrases.js';
import { CLAUSE_BREAKERS, DETERMINERS, HAVE_VERBS, MODALS } from './lexicon/function-words.js';
import { ADJECTIVES } from './lexicon/modifiers.js';
import { isPersonNoun, isRoleWord } from './lexicon/people.js';
import { ATTRIBUTE_WORDS, PRODUCT_NOUNS } from './lexicon/things.js';
import { readingOf, type Reading } from './reading.js';
import { isAdverbLike, looksPlural } from './word-classes.js';

export type Entity = { name: string; attributes: string[] };

/** `evidence` from the statements about a record ("has", "of", possessives, repeats); `support` from the clauses it appears in. */
type EntityTally = { name: string; attributes: string[]; evidence: number; support: number; first: number };

/**
 * The record a transaction verb implies: "people lend drills" → loan, "restaurants order crates" → order.
 * "book" and "reserve" imply a record only when what is booked is a person ("owners book walkers"); "book an
 * appointment" already names it.
 */
const TRANSACTION_RECORDS = new Map<string, string>(Object.entries({
  lend: 'loan',
  borrow: 'loan',
  rent: 'rental',
  buy: 'purchase',
  purchase: 'purchase',
  order: 'order',
  pay: 'payment',
  donate: 'donation',
  apply: 'application',
  subscribe: 'subscription',
  enrol: 'enrolment',
  enroll: 'enrollment',
  register: 'registration',
  book: 'booking',
  reserve: 'reservation',
  bid: 'bid',
  vote: 'vote',
  swap: 'swap',
  refund: 'refund',
  deliver: 'delivery',
  ship: 'shipment',
}));
const RECORD_OF_PEOPLE_ONLY = wordSet(`book reserve`);

/** Verbs that keep a list of attributes when a record is their subject ("each walk tracks …"), but are actions of people. */
const ACTION_HAVE_VERBS = wordSet(`stores store holds hold records record tracks track keeps keep`);

/**
 * Domain nouns that data is kept about, with their attributes: "each walk has a date, a duration and a price",
 * "invoices with an amount and a due date", "the walker's rating", "the price of each walk", repeated nouns used
 * with a determiner ("the booking … each booking"), capitalised domain terms, and the things the text's verbs act
 * on, the things that are logged or stored, and the records its transaction verbs imply.
 */
export function findEntities(text: string, limit = 10): Entity[] {
  const sentences = splitSentences(text).map(sentenceWords);
  const reading = readingOf(sentences);
  const actorKeys = new Set(actorMentions(sentences, reading).map((m) => m.words[m.headIndex]?.key ?? ''));
  return entitiesOf(sentences, reading, actorKeys, limit);
}

/** The entities of sentences already read; `actorKeys` are the heads of actor mentions, which name people, not records. */
export function entitiesOf(sentences: Word[][], reading: Reading, actorKeys: Set<string>, limit: number): Entity[] {
  const tallies = new Map<string, EntityTally>();
  let order = 0;
  const add = (name: string, attributes: string[], evidence: number, support = 0): void => {
    if (!name) return;
    let tally = tallies.get(name);
    if (!tally) {
      tally = { name, attributes: [], evidence: 0, support: 0, first: order++ };
      tallies.set(name, tally);
    }
    tally.evidence += evidence;
    tally.support += support;
    for (const attribute of attributes) {
      if (attribute && attribute !== name && !tally.attributes.includes(attribute) && tally.attributes.length < 8) tally.attributes.push(attribute);
    }
  };

  const determined = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const previous = sentence[index - 1];
      const next = sentence[index + 1];
      // "the warehouse manager": a modifier of a role is no record of its own
      const modifiesRole = next !== undefined && !next.breakBefore && isRoleWord(next.key);
      if (isEntityWord(word) && previous && !word.breakBefore && !modifiesRole && (DETERMINERS.has(previous.lower) || /^\d+$/.test(previous.lower) || previous.possessive || ADJECTIVES.has(previous.lower))) {
        determined.set(word.key, (determined.get(word.key) ?? 0) + 1);
      }
      if (index > 0 && /^\p{Lu}\p{Ll}/u.test(word.surface) && isEntityWord(word) && !previous?.surface.match(/^\p{Lu}/u)) {
        capitalised.set(word.key, (capitalised.get(word.key) ?? 0) + 1);
      }
    });
  }

  const listed = sentences.map(() => new Set<number>());
  sentences.forEach((sentence, sentenceIndex) => {
    const verbs = reading.clauses[sentenceIndex]?.verbs;
    sentence.forEach((word, index) => {
      const next = sentence[index + 1];
      // "each walk has a date, a duration and a price" / "tasks with a title and a due date" / "each user must have …"
      if ((HAVE_VERBS.has(word.lower) || word.lower === 'with') && index > 0 && next?.lower !== 'to' && next?.lower !== 'been') {
        const modalBefore = MODALS.has(sentence[index - 1]?.lower ?? '');
        if (modalBefore && !['have', 'has', 'contain', 'include'].includes(word.lower)) return;
        const subjectIndex = modalBefore ? index - 2 : index - 1;
        const subject = sentence[subjectIndex];
        const joined = !word.breakBefore && !(modalBefore && sentence[index - 1]?.breakBefore);
        // "the driver records a reason", "FleetPulse tracks vans": actions of people and products, not attribute lists
        const acting = ACTION_HAVE_VERBS.has(word.lower) && subject !== undefined && (isRoleWord(subject.key) || actorKeys.has(subject.key) || /^\p{Lu}/u.test(subject.surface) || reading.products.has(subject.key));
        const peopleWith = word.lower === 'with' && subject !== undefined && (isRoleWord(subject.key) || actorKeys.has(subject.key));
        if (subject && joined && !acting && !peopleWith && isEntityWord(subject) && !isAdverbLike(subject) && !ATTRIBUTE_WORDS.has(subject.key)) {
          const determinerBefore = [1, 2].some((back) => DETERMINERS.has(sentence[subjectIndex - back]?.lower ?? '') && !sentence[subjectIndex - back + 1]?.breakBefore);
          const looksLikeNoun = word.lower !== 'with' || determined.has(subject.key) || subject.key !== subject.lower || determinerBefore;
          // "split bills with roommates": people in the plural are company, not fields ("… with the operator" is one)
          const attributes = attributeList(sentence, index + 1, verbs).filter((attribute) => {
            const last = attribute.split(' ').at(-1) ?? '';
            return word.lower !== 'with' || !isPersonNoun(last) || singularize(last) === last;
          });
          if (looksLikeNoun && attributes.length) {
            add(compoundName(sentence, subjectIndex), attributes, 2);
            // the fields listed are no records of their own
            for (let i = index + 1; i < sentence.length && !MODALS.has(sentence[i]?.lower ?? '') && !(verbs?.has(i) ?? false); i++) {
              const item = sentence[i];
              if (!item || (CLAUSE_BREAKERS.has(item.lower) && !['and', 'or'].includes(item.lower))) break;
              listed[sentenceIndex]?.add(i);
            }
          }
        }
      }
      // "the walker's rating"
      if (word.possessive && isEntityWord(word) && next && ATTRIBUTE_WORDS.has(next.key)) add(word.key, [next.key], 1);
      // "the price of each walk"
      if (ATTRIBUTE_WORDS.has(word.key) && next?.lower === 'of') {
        const target = DETERMINERS.has(sentence[index + 2]?.lower ?? '') ? sentence[index + 3] : sentence[index + 2];
        if (target && isEntityWord(target) && !ATTRIBUTE_WORDS.has(target.key)) add(target.key, [word.lower], 1);
      }
    });
  });

  for (const [key, count] of determined) {
    if (ATTRIBUTE_WORDS.has(key) || PRODUCT_NOUNS.has(key) || reading.products.has(key)) continue;
    if (count >= 2 || (capitalised.get(key) ?? 0) >= 1) add(key, [], count);
  }
  for (const [key, count] of capitalised) if (count >= 2 && !ATTRIBUTE_WORDS.has(key)) add(key, [], count);

  // Things the clauses act on or keep: objects of verbs, logged or stored subjects, listed features, "for each order".
  const weights = new Map<string, { score: number; attributes: string[]; first: number }>();
  sentences.forEach((sentence, sentenceIndex) => {
    const clauses = reading.clauses[sentenceIndex];
    if (!clauses) return;
    for (const verb of [...clauses.verbs].sort((a, b) => a - b)) {
      const verbWord = sentence[verb];
      const record = verbWord ? TRANSACTION_RECORDS.get(baseForm(verbWord.lower)) : undefined;
      if (!verbWord || !record) continue;
      const objects = clauses.phrases.filter((phrase) => phrase.slot === 'object' && phrase.verb === verb);
      const ofPeople = objects.every((phrase) => isRoleWord(sentence[phrase.end - 1]?.key ?? '') || actorKeys.has(sentence[phrase.end - 1]?.key ?? ''));
      if (RECORD_OF_PEOPLE_ONLY.has(baseForm(verbWord.lower)) && !ofPeople) continue;
      const entry = weights.get(record) ?? { score: 0, attributes: [], first: sentenceIndex * 1000 + verb };
      entry.score += 1;
      weights.set(record, entry);
    }
    const isPerson = (word: Word | undefined): boolean => word !== undefined && (isRoleWord(word.key) || actorKeys.has(word.key));
    const actedByPeople = new Set(clauses.phrases.filter((p) => p.slot === 'subject' && p.active && p.verb !== undefined && isPerson(sentence[p.end - 1])).map((p) => p.verb));
    for (const phrase of clauses.phrases) {
      if (listed[sentenceIndex]?.has(phrase.start)) continue;
      const named = phraseEntity(sentence, phrase, reading, actorKeys);
      if (!named) continue;
      // a bare singular is a mass noun or a medium ("moisture", "by card") more often than a record, unless people act on it
      const bare = phrase.determiner === undefined && !looksPlural(sentence[phrase.end - 1] as Word) && !(phrase.slot === 'object' && actedByPeople.has(phrase.verb));
      const plural = looksPlural(sentence[phrase.end - 1] as Word);
      let weight = phrase.slot === 'prepositional' ? (plural || (phrase.preposition === 'with' && phrase.afterBreak) ? 1 : 0.5) : 1;
      if (bare) weight /= 2;
      if (phrase.determiner === 'each' || phrase.determiner === 'every') weight = Math.max(weight, 1);
      const entry = weights.get(named.name) ?? { score: 0, attributes: [], first: sentenceIndex * 1000 + phrase.start };
      entry.score += weight;
      for (const attribute of named.attributes) if (!entry.attributes.includes(attribute)) entry.attributes.push(attribute);
      weights.set(named.name, entry);
    }
  });
  for (const [name, entry] of weights) {
    if (entry.score >= 1 || tallies.has(name)) add(name, entry.attributes, 0, entry.score);
  }
  // A compound with a head of its own ("delivery van" … "every van") is the head.
  for (const tally of [...tallies.values()]) {
    const space = tally.name.lastIndexOf(' ');
    const head = tallies.get(tally.name.slice(space + 1));
    if (space === -1 || !head || tally.attributes.length > 0) continue;
    head.evidence += tally.evidence;
    head.support += tally.support;
    head.first = Math.min(head.first, tally.first);
    tallies.delete(tally.name);
  }

  // "booking date", "walk duration": attribute words right after a known entity
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const next = sentence[index + 1];
      const tally = tallies.get(word.key);
      if (tally && next && !next.breakBefore && ATTRIBUTE_WORDS.has(next.key) && tally.attributes.length < 8 && !tally.attributes.includes(next.lower)) {
        tally.attributes.push(next.lower);
      }
    });
  }

  return [...tallies.values()]
    .filter((tally) => !actorKeys.has(tally.name) || tally.attributes.length > 0)
    // Records the text describes come first, in the order it introduces them; then the things its clauses act on.
    .sort((a, b) => b.attributes.length - a.attributes.length || b.evidence - a.evidence || (a.evidence > 0 ? 0 : b.support - a.support) || a.first - b.first)
    .slice(0, limit)
    .map(({ name, attributes }) => ({ name, attributes }));
}
