import { bracketsOf } from './brackets.js';
import { nounPhrases, POSSESSIVES, type NounPhrase } from './chunks.js';
import { OBJECT_PARTICLES, PARTICLES } from './particles.js';
import { CAUSATIVE_VERBS, closesApposition, INDEFINITE_PERSONS, SAME_PARTICIPLE } from './retag.js';
import type { TaggedSentence, TaggedToken } from './tagger.js';
import { knows, namesMessage, semanticClasses, takesPersonObject, takesThingObject } from './wordnet.js';

/**
 * Subject–verb–object extraction: for every main verb of a sentence, the noun phrase doing it, the noun phrase it acts
 * on, its prepositional phrases ("apply for a plot", "assign judges to projects") and its particle ("pick up", "sign
 * up"). Coordinated verbs share their subject ("reserves a tool and picks it up"); a passive verb's grammatical
 * subject is its object and its "by" phrase its agent ("cases are assigned to a solicitor by the caseworker").
 */
export type Clause = {
  /** The verb's lemma, lower case. */
  verb: string;
  verbIndex: number;
  particle?: string;
  subject?: NounPhrase;
  /** A subject pronoun ("we", "they", "you") when the subject is one. */
  subjectPronoun?: string;
  object?: NounPhrase;
  /** Every object, the first and those coordinated with it ("records appointments and notes"). */
  objects: NounPhrase[];
  /** Prepositional phrases after the verb (and its object), in order. */
  preps: { prep: string; phrase: NounPhrase }[];
  passive: boolean;
  negated: boolean;
  /** The modal before the verb ("must", "can", "should"), lower case. */
  modal?: string;
};

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got']);
const MODALS = new Set(['must', 'should', 'can', 'could', 'may', 'might', 'will', 'would', 'shall', 'need', 'needs', 'have', 'has']);
const CLAUSE_BREAKS = new Set(['SCONJ', 'PUNCT']);
const HANGING_PREPOSITIONS = new Set(['of', 'over', 'under', 'with', 'without', 'from', 'in', 'on', 'at', 'for']);
const HAVE = new Set(['has', 'have', 'had']);
/**
 * Whether an infinitive after `object`, an object of `clause`, says what the clause's subject does it for: "use the
 * app to log visits", "do a site visit to check the ground". Not when the object is people ("send drivers to collect
 * the bins" has the drivers collect), a message, whose infinitive says what it asks ("gets a message to collect"), what
 * is asked about ("know what flowers to order"), or the object of a verb of wanting or asking, which does it ("we'd
 * like the deals to sync"); nor a bare noun, which in a note may be no object at all ("assigns job to free rider").
 */
function isPurposeAfterObject(clause: Clause, object: NounPhrase): boolean {
  if (!clause.objects.some((o) => o.start === object.start) || OBJECT_DOES_VERBS.has(clause.verb)) return false;
  if (namesPeople(object) || namesMessage(object.head.lemma) || /^(?:what|which)$/.test(object.determiner ?? '')) return false;
  return object.determiner !== undefined || object.head.pos === 'PROPN';
}

/** Verbs whose object does the infinitive after it: "want the deals to sync", "ask members to bring tools". */
const OBJECT_DOES_VERBS = new Set(['want', 'like', 'love', 'need', 'prefer', 'expect', 'ask', 'allow', 'tell', 'remind', 'get', 'help', 'enable', 'require', 'invite', 'encourage', 'let', 'make', 'send']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'those', 'these', 'him', 'her', 'me', 'us']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', ...INDEFINITE_PERSONS]);
/** What an idiom's noun is ("sense", "place", "track"), never a thing or a sum. */
const ABSTRACT_CLASSES = new Set(['noun.cognition', 'noun.location', 'noun.state', 'noun.feeling', 'noun.attribute']);
/** Object pronouns that name the writer or a person, never an earlier thing. */
const PERSONAL_PRONOUNS = new Set(['me', 'us', 'him', 'her']);
const COMPLEMENT_VERBS = new Set(['want', 'need', 'have', 'get', 'like', 'require', 'expect', 'prefer']);

function phraseEndingAt(phrases: NounPhrase[], index: number): NounPhrase | undefined {
  return phrases.find((phrase) => phrase.end === index);
}

const SUBJECT_OF_OBJECT_PRONOUN: Record<string, string> = { me: 'i', us: 'we', them: 'they', him: 'he', her: 'she' };

/**
 * "for me to see which sites are uncovered", "a form for parents to fill in": who "for" names before an infinitive
 * does it.
 */
function forSubject(tokens: TaggedToken[], phrases: NounPhrase[], to: number): { subject?: NounPhrase; subjectPronoun?: string } | undefined {
  if (tokens[to]?.normal !== 'to') return undefined;
  const pronoun = SUBJECT_OF_OBJECT_PRONOUN[tokens[to - 1]?.normal ?? ''];
  if (pronoun && tokens[to - 1]?.pos === 'PRON' && tokens[to - 2]?.normal === 'for') return { subjectPronoun: pronoun };
  const phrase = phraseEndingAt(phrases, to);
  return phrase && tokens[phrase.start - 1]?.normal === 'for' ? { subject: phrase } : undefined;
}

/** "go", "need", "expires", "is": a verb that can only be finite; never a participle ("sent", "logged", "recording"). */
export function isFiniteVerb(token: TaggedToken | undefined): boolean {
  return token !== undefined && (token.pos === 'AUX' || (token.pos === 'VERB' && (token.normal === token.lemma || token.normal.endsWith('s'))));
}

function phraseStartingAt(phrases: NounPhrase[], index: number): NounPhrase | undefined {
  return phrases.find((phrase) => phrase.start === index);
}

function isPassive(tokens: TaggedToken[], phrases: NounPhrase[], verbIndex: number): boolean {
  const verb = tokens[verbIndex] as TaggedToken;
  // Any form but the bare verb, the -ing form and the third person: "held", "sold", "brought", "hung" too; and right
  // after "be", a verb that is its own participle ("orders are put onto a route").
  const ownParticiple = SAME_PARTICIPLE.has(verb.normal) && tokens[verbIndex - 1]?.lemma === 'be';
  if ((verb.normal === verb.lemma && !ownParticiple) || /ing$/.test(verb.normal) || /^(?:s|es)$/.test(verb.normal.slice(verb.lemma.length)) || /ies$/.test(verb.normal)) return false;
  // "I'm sat in the car", "we're stood at the gate": a verb that takes nothing after "be" says where someone is.
  if (!takesThingObject(verb.lemma, 2) && !takesPersonObject(verb.lemma)) return false;
  for (let i = verbIndex - 1; i >= 0 && i >= verbIndex - 3; i -= 1) {
    const token = tokens[i] as TaggedToken;
    if (BE.has(token.normal) || (token.pos === 'AUX' && token.lemma === 'be')) return true;
    if (token.pos !== 'ADV' && token.pos !== 'AUX' && token.pos !== 'PART') break;
  }
  return reducedRelative(tokens, verbIndex) || reducedPassive(tokens, phrases, verbIndex);
}

/**
 * "has checkpoints, little NFC tags stuck on doors, and …": a participle and its preposition right after a plural set
 * off by a comma only describe it; they make no clause.
 */
function describesApposition(tokens: TaggedToken[], phrases: NounPhrase[], verbIndex: number, previous: Clause | undefined): boolean {
  const described = phraseEndingAt(phrases, verbIndex);
  // The phrase before the comma is what the last clause acted on, which the apposition renames ("want: job list on a
  // map, tallies entered on phone" is a list of wishes).
  const renames = previous?.objects.some((object) => object.end === (described?.start ?? 0) - 1) ?? false;
  return described !== undefined && described.plural && renames && tokens[described.start - 1]?.normal === ',' && tokens[verbIndex + 1]?.pos === 'ADP';
}

/** The index of the "(" that opens the bracketed aside closing at `close`, or `close` when no aside closes there. */
function asideStart(tokens: TaggedToken[], close: number): number {
  if (tokens[close]?.text !== ')') return close;
  for (let i = close - 1; i >= 0; i -= 1) if (tokens[i]?.text === '(') return i;
  return close;
}

/**
 * "Interim expenses (toiletries etc) reimbursed up to EUR 50 a day", "lane swimming booked in 45-minute slots", "the
 * owner notified same day", "— invoiced monthly": a participle with no auxiliary and no object after it, right after
 * a noun phrase that opens a clause (past a bracketed aside) or after a dash, is passive, the clause of a note written
 * short. A person
 * before it is what it is done to only when the verb is done to people ("notified"); else the person did it.
 */
function reducedPassive(tokens: TaggedToken[], phrases: NounPhrase[], verbIndex: number): boolean {
  const verb = tokens[verbIndex] as TaggedToken;
  if (!/(?:ed|en|wn|t)$/.test(verb.normal) || !(takesThingObject(verb.lemma) || takesPersonObject(verb.lemma))) return false;
  const next = phraseStartingAt(phrases, verbIndex + 1);
  if ((next && semanticClasses(next.head.lemma, 'noun', 1)[0] !== 'noun.time') || tokens[verbIndex + 1]?.pos === 'PRON') return false;
  const before = asideStart(tokens, verbIndex - 1) - (tokens[verbIndex - 1]?.text === ')' ? 1 : 0);
  // "seating plans per room, printed for the door": after a comma, the phrase that opens the clause.
  const subject = pastPrepositions(tokens, phrases, phraseEndingAt(phrases, before + 1)) ?? (tokens[before]?.normal === ',' ? openingPhraseBefore(tokens, phrases, before) : undefined);
  if (!subject) return /^(?:-|–|—)$/.test(tokens[before]?.text ?? '');
  // "builds a shopping list grouped by aisle" only describes the list: the phrase must open its clause.
  if (subject.start > 0 && !/^(?:PUNCT|CCONJ|SCONJ)$/.test(tokens[subject.start - 1]?.pos ?? '')) return false;
  // "accept, mark picked up and completed": a bare word in a row of verbs is one of them, its object left out.
  const bare = subject.start === subject.headIndex && !subject.plural && knows(subject.head.normal, 'verb');
  if (bare && (tokens[subject.start - 1]?.normal === ',' || tokens[subject.start - 1]?.pos === 'CCONJ') && tokens[subject.start - 2]?.pos === 'VERB') return false;
  const person = semanticClasses(subject.head.lemma, 'noun', 1)[0] === 'noun.person';
  return !person || takesPersonObject(verb.lemma);
}

/**
 * The phrase opening the clause that ends at the comma at `comma`, past the phrases hanging from it ("seating plans"
 * in "seating plans per room,"); undefined when the clause opens otherwise.
 */
function openingPhraseBefore(tokens: TaggedToken[], phrases: NounPhrase[], comma: number): NounPhrase | undefined {
  const phrase = pastPrepositions(tokens, phrases, phraseEndingAt(phrases, comma));
  // A note lists things in the plural or bare ("desk plans, printed"); "The office scheduler, based on …" describes one.
  const listed = phrase !== undefined && (phrase.plural || phrase.determiner === undefined);
  return phrase && listed && (phrase.start === 0 || /^(?:PUNCT|CCONJ)$/.test(tokens[phrase.start - 1]?.pos ?? '')) ? phrase : undefined;
}

/** "seating plans per room", "salt stock at the barn": the phrase the phrases hanging from it by a preposition hang from. */
function pastPrepositions(tokens: TaggedToken[], phrases: NounPhrase[], last: NounPhrase | undefined): NounPhrase | undefined {
  let phrase = last;
  while (phrase && /^(?:per|of|for|in|at|on)$/.test(tokens[phrase.start - 1]?.normal ?? '')) phrase = phraseEndingAt(phrases, phrase.start - 1);
  return phrase;
}

/**
 * "Lessons cancelled with less than 48 hours' notice are still charged", "Each player picked for a match pays £5": a
 * participle in -ed right after the noun that opens the sentence, plural or counted one by one, before a preposition,
 * with the sentence's own verb still to come, is passive.
 */
function reducedRelative(tokens: TaggedToken[], verbIndex: number): boolean {
  const [noun, verb, next] = [tokens[verbIndex - 1], tokens[verbIndex] as TaggedToken, tokens[verbIndex + 1]];
  if (!noun || noun.pos !== 'NOUN' || !verb.normal.endsWith('ed') || next?.pos !== 'ADP') return false;
  const plural = noun.normal !== noun.lemma;
  const opening = tokens.slice(0, verbIndex - 1).every((token) => /^(?:DET|ADJ|NOUN|NUM|PUNCT)$/.test(token.pos));
  // A singular needs "each" or "every" before it, and its own verb in -s.
  const oneByOne = !plural && tokens.slice(0, verbIndex - 1).some((token) => /^(?:each|every)$/.test(token.normal));
  if (!opening || (!plural && !oneByOne)) return false;
  const agrees = (token: TaggedToken): boolean => (plural ? !/[^s]s$/.test(token.normal) : /[^s]s$/.test(token.normal));
  return tokens.slice(verbIndex + 2).some((token) => token.pos === 'AUX' || (token.pos === 'VERB' && agrees(token) && token.normal !== token.lemma && !token.normal.endsWith('ed')));
}

/**
 * "send people books", "give parents updates": after a verb of giving or telling, a phrase whose first word names
 * people in the plural holds who is given something, then what; the object is what follows.
 */
function withoutRecipient(phrase: NounPhrase | undefined, tokens: TaggedToken[], verb: string): NounPhrase | undefined {
  if (!phrase || phrase.determiner !== undefined || phrase.headIndex === phrase.start) return phrase;
  const first = tokens[phrase.start] as TaggedToken;
  // "people" is its own plural, and WordNet's first sense of it is a group.
  const people = first.normal === 'people' || (first.pos === 'NOUN' && first.normal !== first.lemma && semanticClasses(first.lemma, 'noun', 1)[0] === 'noun.person');
  if (!people) return phrase;
  if (!semanticClasses(verb, 'verb', 3).some((name) => name === 'verb.possession' || name === 'verb.communication')) return phrase;
  const rest = tokens.slice(phrase.start + 1, phrase.end);
  return { ...phrase, start: phrase.start + 1, text: rest.map((token) => token.text).join(' '), nouns: phrase.nouns.slice(1), adjectives: rest.filter((token) => token.pos === 'ADJ').map((token) => token.lemma) };
}

/** "the household picks one": "one" standing alone after a verb, no noun after it. */
function standsForOne(tokens: TaggedToken[], index: number): boolean {
  // "scans each one on their round": "each one" and "every one" too.
  const each = /^(?:each|every)$/.test(tokens[index]?.normal ?? '') ? 1 : 0;
  const next = tokens[index + each + 1];
  return tokens[index + each]?.normal === 'one' && tokens[index - 1]?.pos === 'VERB' && (next === undefined || /^(?:PUNCT|CCONJ|ADP|SCONJ)$/.test(next.pos));
}

/**
 * "record lunch eaten, medication given, and any falls": a participle right after a noun, before the comma of a list,
 * says what became of it; it is no verb of its own ("marks parcels collected and delivered" declares a state; "book
 * the date, crew assigned." is a note of its own).
 */
function isTrailingParticiple(tokens: TaggedToken[], index: number): boolean {
  const [noun, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (noun?.pos !== 'NOUN' || word?.pos !== 'VERB' || word.normal === word.lemma || /(?:ing|s)$/.test(word.normal)) return false;
  return next?.normal === ',';
}

/** The index of the last form of "be" before the "and" or comma that joins the verb at `verbIndex` to what came before. */
function copulaBeforeJoin(tokens: TaggedToken[], verbIndex: number): number | undefined {
  const lastIndex = (from: number, test: (token: TaggedToken) => boolean): number | undefined => {
    for (let at = from - 1; at >= 0; at -= 1) if (test(tokens[at] as TaggedToken)) return at;
    return undefined;
  };
  const join = lastIndex(verbIndex, (token) => token.pos === 'CCONJ' || token.normal === ',');
  return join === undefined ? undefined : lastIndex(join, (token) => token.lemma === 'be' && token.pos === 'AUX');
}

/** "meant" in "is meant to", "supposed" in "are supposed to": a passive of these before "to" is a modal's meaning. */
function isModalParticiple(tokens: TaggedToken[], index: number): boolean {
  const token = tokens[index];
  return token !== undefined && /^(?:meant|supposed)$/.test(token.normal) && tokens[index + 1]?.normal === 'to' && tokens[index - 1]?.lemma === 'be';
}

/** Whether a phrase names a person first ("officers"; a "party" is first a group). */
function namesPerson(phrase: NounPhrase): boolean {
  return semanticClasses(phrase.head.lemma, 'noun', 1)[0] === 'noun.person';
}

/** Whether a phrase names people: a person or a group of them. */
function namesPeople(phrase: NounPhrase): boolean {
  return ['noun.person', 'noun.group'].includes(semanticClasses(phrase.head.lemma, 'noun', 1)[0] ?? '');
}

/** "text", "email", "message": a verb made of a word for a message (retag's reading where WordNet has no such verb). */
function isMessageVerb(verb: string): boolean {
  return !knows(verb, 'verb') && namesMessage(verb);
}

/** The clauses of one tagged sentence, in the order of their verbs. */
/** "the doctor's prescription", "each dog's vet details": what a possessive phrase names is what it owns. */
function possessed(phrases: NounPhrase[], tokens: TaggedToken[], phrase: NounPhrase): NounPhrase {
  const mark = tokens[phrase.end];
  const owned = mark?.pos === 'PART' && /^(?:'s|'|’s|’)$/.test(mark.normal) ? phraseStartingAt(phrases, phrase.end + 1) : undefined;
  return owned ?? phrase;
}

/** "bar takings + ticket sales reconciled", "invoices and receipts are filed": a phrase with those joined to it by "and". */
function joinedBefore(phrases: NounPhrase[], tokens: TaggedToken[], phrase: NounPhrase): NounPhrase[] {
  const joined = [phrase];
  for (let earlier = phrase; tokens[earlier.start - 1]?.pos === 'CCONJ';) {
    const before = phraseEndingAt(phrases, earlier.start - 1);
    if (!before) break;
    joined.unshift(before);
    earlier = before;
  }
  return joined;
}

/**
 * "register their apiaries (where they are) and their hives": the index after a bracketed aside that starts at
 * `index` and is followed by a conjunction, so that the list goes on past it; else `index`.
 */
function afterAside(tokens: TaggedToken[], index: number): number {
  if (tokens[index]?.text !== '(') return index;
  const close = tokens.findIndex((token, at) => at > index && token.text === ')');
  return close > 0 && tokens[close + 1]?.pos === 'CCONJ' ? close + 1 : index;
}

/**
 * The phrase a relative clause hangs from: "tools that members borrow", "events which members sign up for" (the
 * pronoun before the subject, or read as its determiner), or "the paints they buy" (no pronoun: a subject pronoun at
 * `pronounAt`, right after the phrase).
 */
function relativeAntecedent(tokens: TaggedToken[], phrases: NounPhrase[], subject: NounPhrase | undefined, pronounAt?: number): NounPhrase | undefined {
  if (!subject) {
    if (pronounAt === undefined) return undefined;
    // "a deposit which I hold", "4 vans (two T6s and a Hymer) that I hire out": a relative pronoun before the subject
    // pronoun hangs the clause from the phrase before it, past a bracketed aside.
    const relative = /^(?:that|which)$/.test(tokens[pronounAt - 1]?.normal ?? '') ? pronounAt - 1 : undefined;
    if (relative === undefined) return phraseEndingAt(phrases, pronounAt);
    return phraseEndingAt(phrases, tokens[relative - 1]?.text === ')' ? asideStart(tokens, relative - 1) : relative);
  }
  const at = /^(?:that|which)$/.test(tokens[subject.start]?.normal ?? '') ? subject.start : subject.start - 1;
  const pronoun = tokens[at];
  // "a paper docket the farmer signs": a phrase right before the subject, after a preposition, is what the clause
  // hangs from, with no pronoun.
  const bare = phraseEndingAt(phrases, subject.start);
  if (bare && tokens[bare.start - 1]?.pos === 'ADP' && /^(?:the|a|an|each|every|our|their|his|her)$/.test(tokens[subject.start]?.normal ?? '')) return bare;
  if (!((pronoun?.pos === 'PRON' || pronoun?.pos === 'DET') && /^(?:that|which)$/.test(pronoun.normal))) return undefined;
  // "the follow-up appointment, which reception books": a clause set off by a comma hangs from the phrase before it.
  const before = phraseEndingAt(phrases, at) ?? (tokens[at - 1]?.text === ',' && pronoun.normal === 'which' ? phraseEndingAt(phrases, at - 1) : undefined);
  // "a fare based on distance, which the driver collects": past a participle's phrase, the phrase it describes.
  const participle = before && tokens[before.start - 1]?.pos === 'ADP' ? tokens[before.start - 2] : undefined;
  if (before && participle?.pos === 'VERB' && /(?:ed|en)$/.test(participle.normal)) return phraseEndingAt(phrases, before.start - 2) ?? before;
  return before;
}

/**
 * The thing a pronoun stands for: the subject, else the object, of the last clause naming one that agrees in number
 * ("every sample gets a label when it is collected", "we clean the aids or they get sent off"); never people.
 */
function antecedentOf(clauses: Clause[], plural: boolean): NounPhrase | undefined {
  // A message someone gets is seldom what "it" is: "the member gets a message when it is fired" (the piece).
  const thing = (phrase: NounPhrase | undefined): phrase is NounPhrase => phrase !== undefined && phrase.plural === plural && phrase.head.pos === 'NOUN'
    && !['noun.person', 'noun.group', 'noun.communication'].includes(semanticClasses(phrase.head.lemma, 'noun', 1)[0] ?? '');
  for (const clause of [...clauses].reverse()) {
    const found = [clause.passive ? clause.object : clause.subject, ...clause.objects].find(thing);
    if (found) return found;
  }
  return undefined;
}

/**
 * "when one sells the consignor gets 60%": a singular phrase then a verb in -s is that verb's subject; no verb takes an
 * object followed by a verb in -s.
 */
function agreesAsSubject(phrase: NounPhrase, verb: TaggedToken): boolean {
  return !phrase.plural && verb.normal !== verb.lemma && /[^s]s$/.test(verb.normal);
}

export function clausesOf(sentence: TaggedSentence): Clause[] {
  const { tokens } = sentence;
  const phrases = nounPhrases(tokens);
  const bracketed = bracketsOf(tokens);
  const clauses: Clause[] = [];
  let previous: Clause | undefined;
  let previousRelative = false;
  const relatives = new Set<Clause>();
  for (let v = 0; v < tokens.length; v += 1) {
    const token = tokens[v] as TaggedToken;
    // "Each team has a squad": "have" tagged as an auxiliary but followed by no verb is the main verb.
    const mainHave = token.pos === 'AUX' && HAVE.has(token.normal) && phraseStartingAt(phrases, v + 1) !== undefined
      && !tokens.slice(v + 1, (phraseStartingAt(phrases, v + 1) as NounPhrase).end).some((t) => t.pos === 'VERB');
    if (token.pos !== 'VERB' && !mainHave) continue;
    // A participle inside a noun phrase ("the translated files") is no clause; nor one after an object in a list
    // ("record lunch eaten, medication given").
    if (phrases.some((phrase) => v >= phrase.start && v < phrase.end)) continue;
    if (isTrailingParticiple(tokens, v) && previous !== undefined && !COMPLEMENT_VERBS.has(previous.verb) && previous.objects.some((object) => object.end === v)) continue;
    if (token.normal !== token.lemma && !/(?:ing|s)$/.test(token.normal) && describesApposition(tokens, phrases, v, previous)) continue;
    // "Every patient is meant to get a reminder": "be meant to", "be supposed to" say what should happen; the verb is
    // the infinitive's.
    if (isModalParticiple(tokens, v)) continue;

    let modal: string | undefined;
    let negated = false;
    let subject: NounPhrase | undefined;
    let subjectPronoun: string | undefined;
    let coordinated = false;
    let relative = false;
    const doneFor = forSubject(tokens, phrases, v - 1);
    if (doneFor) ({ subject, subjectPronoun } = doneFor);
    for (let i = v - 1; i >= 0 && !doneFor; i -= 1) {
      const before = tokens[i] as TaggedToken;
      if (before.pos === 'AUX' || (before.pos === 'VERB' && MODALS.has(before.normal) && tokens[i + 1]?.normal === 'to')) {
        if (MODALS.has(before.normal) && !modal) modal = before.normal;
        continue;
      }
      if (isModalParticiple(tokens, i)) {
        modal ??= 'should';
        continue;
      }
      if (before.pos === 'PART' && (before.normal === 'not' || before.normal === "n't")) { negated = true; continue; }
      // "if nobody answers the door": no one does it.
      if (before.pos === 'PRON' && /^(?:nobody|noone)$/.test(before.normal)) { negated = true; break; }
      // "Don't want to replace it": an infinitive after a denied verb is denied too.
      if (before.pos === 'VERB' && tokens[i + 1]?.normal === 'to' && previous?.verbIndex === i && previous.negated) { negated = true; break; }
      if (before.pos === 'PART' || before.pos === 'ADV') continue;
      // "Incident reports (scuffles, injuries) need to be logged": a bracketed aside stands outside the sentence.
      if (before.text === ')' && asideStart(tokens, i) < i) {
        i = asideStart(tokens, i);
        // "reviews them (is it printable?) then approves": past the aside, the last clause ended; this verb shares its
        // subject.
        const ended = tokens[i - 1];
        if (previous && ended && (previous.objects.some((o) => o.end === i) || (ended.pos === 'PRON' && OBJECT_PRONOUNS.has(ended.normal)))) {
          coordinated = true;
          break;
        }
        continue;
      }
      // "should be able to book": the adjective of a modal phrase sits between subject and verb.
      if (before.pos === 'ADJ' && /^(?:able|unable|allowed|supposed|likely|free|happy|required)$/.test(before.normal)) continue;
      // "Tom and Ali, our two technicians, load the kilns": a phrase set off by commas after a name says who the name
      // is; one of the two is the subject.
      const apposition = closesApposition(tokens, i) ? phraseEndingAt(phrases, i) : undefined;
      const named = apposition ? phraseEndingAt(phrases, apposition.start - 1) : undefined;
      if (apposition && named && !token.normal.endsWith('ing') && (previous === undefined || previous.verbIndex < named.start)) {
        // "The owner, Sam, books": the role, whichever side of the name it is.
        subject = apposition.head.pos === 'PROPN' && named.head.pos !== 'PROPN' ? named : apposition;
        break;
      }
      // "Customers either ring up or …": "either" opens a choice; the subject is before it.
      if (before.pos === 'CCONJ' && /^(?:either|neither|both)$/.test(before.normal)) continue;
      if (before.pos === 'CCONJ' || (before.normal === ',' && previous !== undefined)) { coordinated = true; break; }
      // "make them record an action": the pronoun after a verb of letting or making does this verb.
      if (before.pos === 'PRON' && OBJECT_PRONOUNS.has(before.normal) && previous?.verbIndex === i - 1 && CAUSATIVE_VERBS.has(previous.verb)) {
        subject = previous.object;
        break;
      }
      // "Meetings between them are logged": a pronoun after a preposition belongs to the subject's phrase.
      // "before it can be tapped": a preposition of time opens a clause of its own.
      if (before.pos === 'PRON' && OBJECT_PRONOUNS.has(before.normal) && tokens[i - 1]?.pos === 'ADP' && !/^(?:before|after|until|till|since|once)$/.test(tokens[i - 1]?.normal ?? '') && phraseEndingAt(phrases, i - 1)) {
        subject = phraseEndingAt(phrases, i - 1);
        break;
      }
      if (before.pos === 'PRON' && SUBJECT_PRONOUNS.has(before.normal)) { subjectPronoun = before.normal; break; }
      if (before.pos === 'PRON' && /^(who|that|which)$/.test(before.normal)) {
        relative = true;
        let end = i;
        while (end > 0 && tokens[end - 1]?.pos === 'PUNCT') end -= 1;
        subject = phraseEndingAt(phrases, end);
        // "a safety inspection each 6 weeks, which is planned …": "which" stands for the thing, not the time after it.
        const timed = subject && (subject.number !== undefined || /^(?:each|every)$/.test(subject.determiner ?? '')) && semanticClasses(subject.head.lemma, 'noun', 1)[0] === 'noun.time';
        if (timed && subject && phraseEndingAt(phrases, subject.start)) subject = phraseEndingAt(phrases, subject.start);
        // "the subcontractor responsible for that trade, who fixes it": "who" is a person, the phrase the adjective
        // or prepositional phrase before it hangs from.
        while (before.normal === 'who' && subject && tokens[subject.start - 1]?.pos === 'ADP') {
          const hangsFrom = tokens[subject.start - 2]?.pos === 'ADJ' ? subject.start - 2 : subject.start - 1;
          const outer = phraseEndingAt(phrases, hangsFrom);
          if (!outer) break;
          subject = outer;
        }
        break;
      }
      // "We want to reserve a unit", "members like to swap": an infinitive right after a verb is done by its subject.
      // "customers log in to download their certificates": so is one after a verb's particle.
      const rightAfterVerb = before.pos === 'VERB' && previous?.verbIndex === i;
      const afterParticle = previous?.particle === before.normal && previous.verbIndex === i - 1;
      if ((rightAfterVerb || afterParticle) && i === v - 2 && tokens[v - 1]?.normal === 'to' && previous && !previous.passive) {
        subject = previous.subject;
        subjectPronoun = previous.subjectPronoun;
        break;
      }
      // "An officer is allocated to inspect the property", "volunteers are trained to use it": after a passive, the
      // person it is done to does what the infinitive says.
      const person = previous?.passive ? previous.objects[0] : undefined;
      if (rightAfterVerb && i === v - 2 && tokens[v - 1]?.normal === 'to' && person && semanticClasses(person.head.lemma, 'noun', 1)[0] === 'noun.person') {
        subject = person;
        break;
      }
      // "Staff who've worked before should be invited": a relative clause ending in its verb; the phrase it hangs from
      // is the subject.
      if (before.pos === 'VERB' && previousRelative && previous?.verbIndex === i && previous.subject && previous.subject.end < i) {
        subject = previous.subject;
        break;
      }
      // "any variation over £2,000 needs …": an amount after a preposition hangs from the phrase before it.
      let amount = i;
      while (amount > 0 && /^(?:NUM|SYM)$/.test(tokens[amount]?.pos ?? '')) amount -= 1;
      const amountHangs = amount < i && tokens[amount]?.pos === 'ADP' && HANGING_PREPOSITIONS.has(tokens[amount]?.normal ?? '');
      subject = phraseEndingAt(phrases, i + 1) ?? (amountHangs ? phraseEndingAt(phrases, amount) : undefined);
      const nearest = subject;
      // "Members who get three reports are suspended": the object of a relative clause before the verb is not its
      // subject; the phrase the relative clause hangs from is.
      // "Residents who can't get to a branch library borrow books": nor is its prepositional phrase.
      const endsRelative = (phrase: NounPhrase) => previous !== undefined && [...previous.objects, ...previous.preps.map((p) => p.phrase)].some((o) => o.start === phrase.start);
      if (subject && previousRelative && tokens[v - 1]?.normal !== 'to' && previous?.subject && endsRelative(subject) && previous.subject.end < subject.start) subject = previous.subject;
      // "Patients of a clinic book …", "bookings over 10 people need …": the subject is the phrase the prepositional
      // phrase hangs from.
      // "missed appointments without 24 hours' notice are charged": a plural's possessive inside that phrase is part of it.
      const possessor = (phrase: NounPhrase): NounPhrase | undefined => {
        if (tokens[phrase.start - 1]?.text !== "'") return undefined;
        const owner = phraseEndingAt(phrases, phrase.start - 1);
        return owner && HANGING_PREPOSITIONS.has(tokens[owner.start - 1]?.normal ?? '') ? owner : undefined;
      };
      for (let owner = subject && possessor(subject); owner; owner = possessor(owner)) subject = owner;
      while (subject && ((tokens[subject.start - 1]?.pos === 'ADP' && HANGING_PREPOSITIONS.has(tokens[subject.start - 1]?.normal ?? ''))
        || (tokens[subject.start - 1]?.normal === 'than' && tokens[subject.start - 2]?.pos === 'ADJ'))) {
        // "Samples older than 5 years must be reviewed": the comparison hangs from the phrase before it.
        const comparison = tokens[subject.start - 1]?.normal === 'than';
        const outer = phraseEndingAt(phrases, subject.start - (comparison ? 2 : 1));
        if (!outer) break;
        subject = outer;
      }
      // "whoever's on the phone logs the job": the phrase after "whoever is" and a preposition says where the doer is.
      const whoever = subject && tokens[subject.start - 1]?.pos === 'ADP' && tokens[subject.start - 2]?.lemma === 'be' && tokens[subject.start - 3]?.normal === 'whoever';
      if (whoever) {
        subject = undefined;
        subjectPronoun = 'whoever';
      }
      // "Patients log in on their phone to see the plan": an infinitive after the last clause's prepositional phrase
      // says what that clause's subject does it for.
      // "use the app to log visits": so does one after a thing the clause acts on.
      const afterThing = previous !== undefined && subject !== undefined && isPurposeAfterObject(previous, subject);
      // "lose a day a week on phone calls to arrange viewings": the phrase right before the infinitive, before any
      // phrase it hangs from.
      const last = previous;
      const purposeOf = tokens[v - 1]?.normal === 'to' && last && !last.passive && (last.preps.some(({ phrase }) => phrase.start === subject?.start || (phrase.start === nearest?.start && !OBJECT_DOES_VERBS.has(last.verb))) || afterThing) ? last : undefined;
      if (purposeOf) {
        subject = purposeOf.subject;
        subjectPronoun = purposeOf.subjectPronoun;
      }
      // "I'm sat in the car ringing round relief staff": an -ing form right after where the last clause's verb happens
      // is done by that clause's subject, never by the place.
      const where = !purposeOf && token.normal.endsWith('ing') && nearest !== undefined && subject === nearest && nearest.end === v && previous !== undefined
        && tokens[nearest.start - 1]?.pos === 'ADP' && previous.preps.some(({ phrase }) => phrase.start === nearest.start);
      if (where && previous) ({ subject, subjectPronoun } = previous);
      break;
    }
    // "Guests choose their pickup point when booking": an -ing form right after "when", "while", "before", "after" or
    // "by" is done by the subject of the clause before it.
    if (token.normal.endsWith('ing') && /^(?:when|while|before|after|by)$/.test(tokens[v - 1]?.normal ?? '') && previous && !previous.passive) {
      subject = previous.subject;
      subjectPronoun = previous.subjectPronoun;
    }
    // "The fee is £420 a year and can be paid by direct debit", "if a donor is a taxpayer and signs a declaration":
    // after a copula, which makes no clause, the verb shares the subject of the nearest one before the "and".
    const copula = coordinated && !subject && !subjectPronoun && !previous ? copulaBeforeJoin(tokens, v) : undefined;
    if (copula !== undefined) {
      // "The fee for a senior is …" where "senior" was read as an adjective: the phrase that opens the sentence.
      let said = phraseEndingAt(phrases, copula) ?? (phrases[0] !== undefined && phrases[0].start <= 1 && phrases[0].end < copula ? phrases[0] : undefined);
      while (said && HANGING_PREPOSITIONS.has(tokens[said.start - 1]?.normal ?? '')) said = phraseEndingAt(phrases, said.start - 1);
      if (said) subject = said;
    }
    if (coordinated && !subject && !subjectPronoun && previous) {
      // "see who's booked and take attendance": the subject of the last clause that was not turned round.
      // A verb in -s shares the subject of a verb that agrees with one, never of an infinitive ("gets a message to
      // collect and pays"), and never of a clause without a subject ("orders parts if needed and logs the time").
      const finite = token.normal !== token.lemma && /[^s]s$/.test(token.normal);
      // "owners to request services that go onto the list, log visits …": after a comma, a relative clause has ended.
      const afterComma = tokens[v - 1]?.normal === ',';
      // "quote by the metre (£14/m2 skim, …) and send the quote": a clause in a bracketed aside has no say outside it.
      const aside = (c: Clause): boolean => (bracketed[c.verbIndex] ?? false) && !(bracketed[v] ?? false);
      // "they get a letter saying so and may be charged": an -ing form right after an object describes it; the verb after
      // "and" shares the subject of the clause whose object it is.
      const describesObject = (c: Clause): boolean => tokens[c.verbIndex]?.normal.endsWith('ing') === true && c.subject !== undefined && c.subject.end === c.verbIndex
        && clauses.some((other) => other !== c && other.objects.some((o) => o.start === c.subject?.start));
      const sharing = [...clauses].reverse().find((c) => !c.passive && !aside(c) && !describesObject(c) && !(afterComma && relatives.has(c)) && (!finite || ((c.subject !== undefined || c.subjectPronoun !== undefined) && tokens[c.verbIndex - 1]?.normal !== 'to')))
        ?? [...clauses].reverse().find((c) => !c.passive) ?? previous;
      subject = sharing.subject;
      subjectPronoun = sharing.subjectPronoun;
      modal ??= previous.modal;
    }

    let particle: string | undefined;
    let pairedParticle: string | undefined;
    let object: NounPhrase | undefined;
    const preps: Clause['preps'] = [];
    let i = v + 1;
    // "raise over £250": "over" or "under" before an amount says more or less than it; it is no particle.
    const aboutAmount = /^(?:over|under)$/.test(tokens[i]?.normal ?? '') && /^(?:NUM|SYM)$/.test(tokens[i + 1]?.pos ?? '');
    if (tokens[i] && PARTICLES.has((tokens[i] as TaggedToken).normal) && !(tokens[i]?.normal === 'up' && tokens[i + 1]?.normal === 'to') && !aboutAmount) {
      const after = tokens[i + 1];
      // "sign up for", "check in" — a particle is followed by a preposition, punctuation, a conjunction or nothing.
      const startsPhrase = after !== undefined && /^(?:DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(after.pos);
      // "put in a request", "send in the forms": WordNet's phrasal verbs that take a thing keep "in"/"on" as a particle.
      const phrasal = `${token.lemma} ${(tokens[i] as TaggedToken).normal}`;
      if (!after || !startsPhrase || (tokens[i] as TaggedToken).pos === 'ADV' || OBJECT_PARTICLES.has((tokens[i] as TaggedToken).normal) || (knows(phrasal, 'verb') && takesThingObject(phrasal, 2))) {
        particle = (tokens[i] as TaggedToken).normal;
        i += 1;
      }
    }
    // "borrow at most 3 tools", "book up to 4 seats": the limit before an object is no preposition.
    for (;;) {
      if (tokens[i] && (tokens[i] as TaggedToken).pos === 'ADV') i += 1;
      else if (/^(?:at|up)$/.test(tokens[i]?.normal ?? '') && /^(?:most|least|to)$/.test(tokens[i + 1]?.normal ?? '') && tokens[i + 2]?.pos === 'NUM') i += 2;
      // "cancel any time": when, not what.
      else if (tokens[i]?.normal === 'any' && tokens[i + 1]?.normal === 'time') i += 2;
      else break;
    }
    // "When the boat comes back staff inspect it": a phrase right before a verb in the present with an object of its
    // own is that verb's subject, not this verb's object ("let members book rooms" excepted).
    const found = phraseStartingAt(phrases, i);
    const nextVerb = found ? tokens[found.end] : undefined;
    const nextSubject = found !== undefined && nextVerb?.pos === 'VERB' && !/(?:ing|ed)$/.test(nextVerb.normal) && /^(?:DET|NUM|PRON|ADJ|NOUN)$/.test(tokens[found.end + 1]?.pos ?? '')
      && !CAUSATIVE_VERBS.has(token.lemma) && (!/^(?:a|an|the)$/.test(tokens[found.start]?.normal ?? '') || agreesAsSubject(found, nextVerb));
    // "make sense", "take place", "keep track": a bare abstract noun that makes a verb with this one in WordNet is part
    // of the verb, no object ("pay cash" pays something).
    const idiom = found !== undefined && found.determiner === undefined && found.start === found.headIndex && knows(`${token.lemma} ${found.head.normal}`, 'verb')
      && ABSTRACT_CLASSES.has(semanticClasses(found.head.lemma, 'noun', 1)[0] ?? '');
    if (idiom) i = found.end;
    const direct = nextSubject || idiom ? undefined : withoutRecipient(found, tokens, token.lemma);
    const objects: NounPhrase[] = [];
    if (direct) {
      object = direct;
      objects.push(direct);
      i = afterAside(tokens, direct.end);
      // "want the sites listed" says what is to be done to the object; "record lunch eaten" only what became of it.
      const describing = !COMPLEMENT_VERBS.has(token.lemma);
      if (describing && isTrailingParticiple(tokens, i)) i += 1;
      for (;;) {
        // "medication given, and any falls": a comma before the "and" of a list's last item.
        const serial = tokens[i]?.normal === ',' && tokens[i + 1]?.pos === 'CCONJ' && objects.length > 1 ? 1 : 0;
        const more = (tokens[i + serial]?.pos === 'CCONJ' || tokens[i]?.normal === ',') ? phraseStartingAt(phrases, i + serial + 1) : undefined;
        if (!more) break;
        // "and picks it up" is a new clause, not a second object.
        const described = describing && isTrailingParticiple(tokens, more.end);
        // "…, and the credit committee to see a queue": nor is the subject of an infinitive.
        const infinitiveAfter = tokens[more.end]?.normal === 'to' && tokens[more.end + 1]?.pos === 'VERB';
        if ((tokens[more.end]?.pos === 'VERB' && !described) || tokens[more.end]?.pos === 'AUX' || more.head.pos === 'PROPN' || infinitiveAfter) break;
        // "residents organising the party, our events officers who …": after a comma, people listed after a thing are
        // the next item of a list of people, not a second thing acted on.
        if (tokens[i]?.normal === ',' && namesPerson(more) && !namesPerson(direct)) break;
        objects.push(more);
        i = afterAside(tokens, more.end);
        if (described) i += 1;
      }
      // "checks guests in and out", "check samples out of the freezer": a particle after the object, before a break.
      const next = tokens[i + 1];
      const word = tokens[i]?.normal ?? '';
      // "cancel a booking up to 2 hours before": "up to" is a limit, not a particle.
      // "scores every image out of 20": "out of" before a number is a score, not a particle.
      const limit = (word === 'up' && next?.normal === 'to') || (word === 'out' && next?.normal === 'of' && tokens[i + 2]?.pos === 'NUM');
      // "checks each driver in on arrival": a word that opens no phrase, as a preposition right before another does not,
      // is the verb's particle.
      if (!particle && !limit && tokens[i] && PARTICLES.has(word) && (!next || next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.pos === 'ADP')) {
        particle = (tokens[i] as TaggedToken).normal;
        // "check visitors in and out": a second particle joined to the first is a second act on the same object.
        const second = tokens[i + 2];
        if (next?.pos === 'CCONJ' && second && PARTICLES.has(second.normal) && second.normal !== particle && !/^(?:NOUN|PROPN|DET|ADJ|NUM)$/.test(tokens[i + 3]?.pos ?? '')) pairedParticle = second.normal;
        i += 1;
      }
    } else if (tokens[i] && (OBJECT_PRONOUNS.has((tokens[i] as TaggedToken).normal) || standsForOne(tokens, i))
      // "if they disagree it becomes a dispute": "it" before a verb is the next clause's subject, not this one's object.
      && !(SUBJECT_PRONOUNS.has((tokens[i] as TaggedToken).normal) && /^(?:VERB|AUX)$/.test(tokens[i + 1]?.pos ?? ''))) {
      // "it"/"them" is the last object, or else the nearest phrase before the verb that is not its subject; of those,
      // the last that agrees in number ("gets a text and collects them": the medicines). "picks one" is one of the
      // last plural things ("send offers …; the household picks one").
      const each = standsForOne(tokens, i) && tokens[i]?.normal !== 'one';
      if (each) i += 1;
      const pronoun = (tokens[i] as TaggedToken).normal;
      // "without telling us", "send me the photos": the writer, or a person, is no earlier thing; what follows the
      // pronoun, if a phrase, is the object.
      // "send them the invoice": a pronoun followed by a phrase with its article is who it is sent to.
      const indirect = pronoun === 'them' && /^(?:a|an|the|their|our|your)$/.test(tokens[i + 1]?.normal ?? '') && phraseStartingAt(phrases, i + 1) !== undefined;
      // "lets them book", "make them record an action", "text them": a pronoun that does the next verb, or that a
      // message is sent to, stands for people.
      const forPeople = pronoun === 'them' && ((CAUSATIVE_VERBS.has(token.lemma) && tokens[i + 1]?.pos === 'VERB') || isMessageVerb(token.lemma));
      if (PERSONAL_PRONOUNS.has(pronoun) || indirect) {
        // "tells us a unit has been used": a phrase a finite verb follows is the subject of what is told.
        const after = phraseStartingAt(phrases, i + 1);
        object = after && !isFiniteVerb(tokens[after.end]) ? after : undefined;
        if (object) objects.push(object);
        i = object ? object.end : i + 1;
      } else if (forPeople) {
        const people = [...phrases].reverse().filter((phrase) => phrase.end <= v && namesPeople(phrase));
        // A singular "them" is someone named once ("alert the manager and make them record it").
        object = people.find((phrase) => phrase.plural) ?? people[0];
        if (object) objects.push(object);
        i += 1;
      } else {
        const plural = /^(?:them|those|these|one)$/.test(pronoun) ? true : pronoun === 'it' ? false : undefined;
        // Never the clause's own subject ("sends a crew to repair it": the crew repairs something else).
        // "Damage to gear – log it": a phrase hanging from the noun before it by a preposition is what that noun is of,
        // so the noun comes first.
        const hangs = (phrase: NounPhrase): boolean => tokens[phrase.start - 1]?.pos === 'ADP' && tokens[phrase.start - 2]?.pos === 'NOUN';
        const before = [...phrases].reverse().filter((phrase) => phrase.end <= v);
        const earlier = [...clauses.flatMap((c) => c.objects).reverse(), ...before.filter((phrase) => !hangs(phrase)), ...before.filter(hangs)].filter((phrase) => phrase.start !== subject?.start);
        // "firewood and fresh bread in the morning, guests can order it": never a time.
        // "which crew is putting it up": nor, for "it", a person; "types it all up" stands for everything.
        const everything = pronoun === 'it' && tokens[i + 1]?.normal === 'all';
        // A date named by what it is of is kept, though ("expiry dates … so guardians can enter them"), and so is a time
        // some verb acts on ("when a stage is finished, the lead marks it complete").
        const actedOn = new Set(clauses.flatMap((c) => c.objects).map((o) => o.start));
        const standsFor = (phrase: NounPhrase): boolean => (semanticClasses(phrase.head.lemma, 'noun', 1)[0] !== 'noun.time' || phrase.nouns.length > 0 || actedOn.has(phrase.start)) && !(pronoun === 'it' && namesPerson(phrase));
        const agreeing = plural === undefined || everything ? undefined : earlier.find((phrase) => phrase.plural === plural && standsFor(phrase));
        const lastObject = [...clauses].reverse().find((c) => c.object)?.object;
        object = agreeing ?? (pronoun === 'one' || everything ? undefined : lastObject ?? [...phrases].reverse().find((phrase) => phrase.end <= v && phrase !== subject));
        if (object && !agreeing && !standsFor(object)) object = undefined;
        if (agreeing && pronoun === 'one') object = { ...agreeing, plural: false };
        if (object) objects.push(object);
        i += everything ? 2 : 1;
      }
      // "picks it up", never "order those in advance": a particle ends the clause or comes before a preposition.
      const idiom = tokens[i]?.pos === 'ADV' && tokens[i + 1]?.pos === 'ADV';
      // "scans them on their round": before a possessive, the word is the preposition of a phrase.
      const possessiveNext = POSSESSIVES.test(tokens[i + 1]?.normal ?? '');
      if (tokens[i] && PARTICLES.has((tokens[i] as TaggedToken).normal) && !idiom && !possessiveNext && !/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[i + 1]?.pos ?? '')) {
        particle = (tokens[i] as TaggedToken).normal;
        i += 1;
      }
    }
    // "an extractor and a wax melter that members borrow", "the products they sell": a verb left without an object in
    // a relative clause acts on what an earlier verb acted on, the phrase right before the relative clause.
    // "contacts we need to track" is no relative clause: its verb's object is the infinitive after it.
    const infinitiveNext = tokens[i]?.normal === 'to' && tokens[i + 1]?.pos === 'VERB';
    // "which the drivers keep forgetting": the -ing form after the verb is what acts on the relative's antecedent.
    const gerundNext = tokens[i]?.pos === 'VERB' && tokens[i]?.normal.endsWith('ing');
    // "which the driver collects on the day": a particle's word before a phrase is its preposition.
    const prepositionNext = tokens[i]?.pos === 'ADP' && /^(?:DET|NOUN|PROPN|NUM|ADJ)$/.test(tokens[i + 1]?.pos ?? '');
    if (!direct && objects.length === 0 && (subject || subjectPronoun) && !coordinated && !infinitiveNext && !gerundNext && (!PARTICLES.has(tokens[i]?.normal ?? '') || prepositionNext)
      && !(tokens[i]?.pos === 'ADP' && (tokens[i + 1] === undefined || /^(?:PUNCT|CCONJ)$/.test(tokens[i + 1]?.pos ?? '')))) {
      const antecedent = relativeAntecedent(tokens, phrases, subject, subjectPronoun && tokens[v - 1]?.pos === 'PRON' ? v - 1 : undefined);
      const host = antecedent ? clauses.find((c) => c.objects.some((o) => o.start === antecedent.start)) : undefined;
      if (antecedent && host) {
        const last = host.objects[host.objects.length - 1];
        objects.push(...(last?.start === antecedent.start ? host.objects : [antecedent]));
        object = objects[0];
      } else if (antecedent && (subject || (subjectPronoun && /^(?:which|that)$/.test(tokens[v - 2]?.normal ?? ''))) && takesThingObject(token.lemma)) {
        // "Before the appointment, which reception books, …": a relative pronoun names what its verb acts on though
        // no clause acts on it.
        objects.push(antecedent);
        object = antecedent;
      }
    }
    // "events that members register for": a preposition left at the end of a relative clause takes its antecedent.
    const stranded = tokens[i];
    if (!direct && stranded?.pos === 'ADP' && (tokens[i + 1] === undefined || /^(?:PUNCT|CCONJ)$/.test(tokens[i + 1]?.pos ?? '')) && subject) {
      const antecedent = relativeAntecedent(tokens, phrases, subject);
      if (antecedent) preps.push({ prep: stranded.normal, phrase: antecedent });
    }
    // Prepositional phrases up to the next verb or clause break.
    for (; i < tokens.length; i += 1) {
      const after = tokens[i] as TaggedToken;
      // "to a carrier and a truck", "at pickup and at delivery": a phrase coordinated with the last one shares its
      // preposition; a conjunction before anything else ends the clause.
      const last = preps[preps.length - 1];
      if (after.pos === 'CCONJ' && last && last.phrase.end === i) {
        const again = tokens[i + 1]?.normal === last.prep ? i + 2 : i + 1;
        const more = phraseStartingAt(phrases, again);
        // "book rooms by the hour and desks by the day": a phrase followed by the same preposition again is a second
        // object with its own "by …", the verb left out.
        const gapped = more && again === i + 1 && objects.length > 0 && tokens[more.end]?.normal === last.prep && phraseStartingAt(phrases, more.end + 1);
        if (more && gapped) {
          objects.push(more);
          i = more.end - 1;
          continue;
        }
        if (more && tokens[more.end]?.pos !== 'VERB') {
          preps.push({ prep: last.prep, phrase: more });
          i = more.end - 1;
          continue;
        }
      }
      if (after.pos === 'VERB' || after.pos === 'AUX' || CLAUSE_BREAKS.has(after.pos) || after.pos === 'CCONJ') break;
      if (after.pos === 'ADP' || (after.pos === 'PART' && after.normal === 'to')) {
        const found = phraseStartingAt(phrases, i + 1);
        const phrase = found && possessed(phrases, tokens, found);
        if (phrase) {
          preps.push({ prep: after.normal, phrase });
          i = phrase.end - 1;
        }
      }
    }

    // "Orders are picked, loaded onto vans and delivered": a participle coordinated with a passive is passive too.
    const sharesPassive = coordinated && previous?.passive === true && objects.length === 0 && token.normal !== token.lemma && /(?:ed|en|wn|t)$/.test(token.normal);
    // "We want each snag recorded", "needs an agreement signed by both directors": a participle right after the object
    // of a verb of wanting or having done is said of that object, passive ("builds a list grouped by aisle" only
    // describes the list).
    const joinedObject = previous?.objects.find((o) => subject !== undefined && o.end === subject.start - 1 && tokens[o.end]?.pos === 'CCONJ');
    const complement = !relative && subject !== undefined && subject.end === v && token.normal !== token.lemma && /(?:ed|en|wn|ne|un|id|t)$/.test(token.normal)
      && previous !== undefined && COMPLEMENT_VERBS.has(previous.verb)
      // "has supervisors and an assessor assigned": the last of objects joined by "and" too.
      && previous.objects.some((o) => o.start === subject?.start || o === joinedObject);
    // "collects the signs from the depot, returned the next working day": a participle after a comma, followed only by
    // when, says what becomes of the last thing acted on.
    const timed = objects.length > 0 && objects.every((o) => semanticClasses(o.head.lemma, 'noun', 1)[0] === 'noun.time');
    const lastObject = previous?.objects[previous.objects.length - 1];
    const reducedAfterComma = coordinated && tokens[v - 1]?.normal === ',' && timed && /ed$/.test(token.normal) && token.normal !== token.lemma && !previous?.passive && lastObject !== undefined;
    const passive = sharesPassive || complement || reducedAfterComma || isPassive(tokens, phrases, v);
    if (passive && !subject && tokens[v - 1]?.normal === ',' && !reducedAfterComma) subject = openingPhraseBefore(tokens, phrases, v - 1);
    if (sharesPassive && previous?.object) subject = previous.object;
    if (reducedAfterComma) subject = lastObject;
    const clause: Clause = {
      verb: mainHave ? 'have' : idiom ? `${token.lemma.toLowerCase()} ${found.head.normal}` : token.lemma.toLowerCase(),
      verbIndex: v,
      ...(particle ? { particle } : {}),
      // "want their handicap and classification worked out": a complement says what becomes of every object joined.
      objects: passive ? (subject ? (complement && joinedObject ? [joinedObject, subject] : joinedBefore(phrases, tokens, subject)) : []) : objects,
      preps,
      passive,
      negated,
      ...(modal ? { modal } : {}),
    };
    if (passive) {
      const agent = preps.find((p) => p.prep === 'by');
      if (subject) clause.object = subject;
      // "otherwise they get sent off to the manufacturer": "they" or "it" stands for the last thing before it that
      // agrees in number.
      const standsFor = !subject && (subjectPronoun === 'they' || subjectPronoun === 'it') ? antecedentOf(clauses, subjectPronoun === 'they') : undefined;
      if (standsFor) {
        clause.object = standsFor;
        clause.objects = [standsFor];
      }
      // "paid by bank transfer", "sent by email": a means is no agent; nor is a thing named bare, as a way of doing
      // something ("charged by card", "sent by post"), where an agent has an article or is many ("by the warden").
      const firstClass = agent && semanticClasses(agent.phrase.head.lemma, 'noun', 1)[0];
      // A word that also names a team is one ("confirmed by office", "booked by reception").
      const team = agent !== undefined && semanticClasses(agent.phrase.head.lemma, 'noun', 2).includes('noun.group');
      const bareThing = agent !== undefined && agent.phrase.determiner === undefined && !agent.phrase.plural && agent.phrase.head.pos === 'NOUN' && firstClass !== 'noun.person' && !team;
      const means = bareThing || ['noun.act', 'noun.possession', 'noun.communication'].includes(firstClass ?? '');
      if (agent && !means) clause.subject = agent.phrase;
    } else {
      if (subject) clause.subject = subject;
      if (subjectPronoun) clause.subjectPronoun = subjectPronoun;
      if (object) clause.object = object;
    }
    // "a queue of applications to approve", "jobs to do": an infinitive with nothing to act on, right after things,
    // acts on them; the one who sees the queue does it ("gets a message to collect" is the reader's to do).
    const before = phraseEndingAt(phrases, v - 1);
    if (!passive && clause.objects.length === 0 && clause.preps.length === 0 && tokens[v - 1]?.normal === 'to' && before?.plural && !namesPeople(before)
      && (tokens[v + 1] === undefined || /^(?:PUNCT|CCONJ)$/.test(tokens[v + 1]?.pos ?? '')) && previous && (previous.subject || previous.subjectPronoun)) {
      clause.objects = [before];
      clause.object = before;
      if (previous.subject) clause.subject = previous.subject;
      else delete clause.subject;
      if (previous.subjectPronoun) clause.subjectPronoun = previous.subjectPronoun;
    }
    // "approve or decline": a verb after a conjunction, with nothing after it, shares the object of the verb before.
    if (previous && !passive && clause.objects.length === 0 && clause.preps.length === 0 && tokens[v - 1]?.pos === 'CCONJ' && previous.verbIndex === v - 2
      && previous.objects.length > 0 && (tokens[v + 1] === undefined || tokens[v + 1]?.pos === 'PUNCT')) {
      clause.objects = [...previous.objects];
      clause.object = previous.object;
    }
    // "accepts or rejects proposals": a verb with nothing after it but a conjunction and the next verb shares its object.
    if (previous && previous.objects.length === 0 && previous.preps.length === 0 && !previous.passive && !passive
      && tokens[v - 1]?.pos === 'CCONJ' && previous.verbIndex === v - 2 && clause.objects.length > 0) {
      previous.objects = [...clause.objects];
      if (clause.object) previous.object = clause.object;
    }
    // "log the number of guests who turned up and any incidents": a phrase after a relative clause ends, not followed
    // by a verb of its own, is a second object of the clause the relative clause hangs from.
    // A parenthesis closing the relative clause ("donations that come in (who donated, what) and the parcels") is
    // skipped.
    let end = i;
    if (relative && tokens[end]?.text === '(') while (end < tokens.length && tokens[end - 1]?.text !== ')') end += 1;
    const after = relative && tokens[end]?.pos === 'CCONJ' ? phraseStartingAt(phrases, end + 1) : undefined;
    const host = [...clauses].reverse().find((c) => !c.passive && c.objects.length > 0);
    if (after && host && tokens[after.end]?.pos !== 'VERB' && tokens[after.end]?.pos !== 'AUX' && after.head.pos !== 'PROPN') host.objects = [...host.objects, after];
    // "Lessons cancelled with less than 48 hours' notice are still charged": the verb after a reduced relative is said
    // of the phrase it hangs from, not of the relative's last phrase.
    const reduced = previous?.passive && previous.object && reducedRelative(tokens, previous.verbIndex) ? previous.object : undefined;
    if (reduced && (!subject || subject.start > (previous?.verbIndex ?? 0))) {
      if (clause.passive) {
        clause.objects = [reduced];
        clause.object = reduced;
      } else {
        clause.subject = reduced;
      }
    }
    // "broken knives need noting", "the tanks want cleaning": an -ing form right after "need" is done to need's subject.
    // "needs booking of plots" says what is booked instead.
    const needer = previous && /^(?:need|want)$/.test(previous.verb) && previous.verbIndex === v - 1 && token.normal.endsWith('ing') && tokens[v + 1]?.normal !== 'of' ? previous.subject : undefined;
    // How often it is needed ("every 5 years") is no object.
    const when = (phrase: NounPhrase): boolean => phrase.determiner === 'every' || semanticClasses(phrase.head.lemma, 'noun', 1)[0] === 'noun.time';
    if (needer && clause.objects.every(when) && semanticClasses(needer.head.lemma, 'noun', 1)[0] !== 'noun.person') {
      Object.assign(clause, { passive: true, objects: [needer], object: needer, subject: undefined, subjectPronoun: undefined });
    }
    clauses.push(clause);
    if (pairedParticle) clauses.push({ ...clause, particle: pairedParticle });
    if (relative) relatives.add(clause);
    previous = clause;
    previousRelative = relative;
  }
  return clauses;
}
