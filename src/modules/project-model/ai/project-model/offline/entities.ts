import { derivations, derivedForms, isKindOf, knows, nounPhrases, parseText, semanticClasses, synonyms, takesPersonObject, takesThingObject, type Clause, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import type { ModelSource } from '../../../project-model.contract.js';
import { wishedPhrases, type Sentence } from './read.js';
import { holdsForSomeone } from './verb-senses.js';
import { isBusinessVerb } from './writer.js';
import { isDocumentWord, isGroupWord, isPersonWord, isProductWord, isRecordPhrase, isVagueWord, isVehicleWord, lemmaOf, sharedStem, termOf } from './words.js';

/**
 * The records the product keeps, read from the syntax: what the actors act on (direct objects weigh most, then the
 * objects of their prepositions), what statements are made about (subjects of verbs that are not people: "a loan
 * lasts one week"), and the act noun of each transaction ("book a room" → booking, "reserve" → reservation), found
 * through WordNet's derivations. Only heads WordNet classes as things, acts, events, possessions, documents, places,
 * animals or groups qualify; qualities, quantities, times and states never do.
 */
export type EntityFinding = {
  term: string;
  lemma: string;
  score: number;
  order: number;
  sources: ModelSource[];
  /** Verbs applied to it, in order of mention (lemmas). */
  verbs: string[];
  /** The entity an act noun is about: "loan" → "tool". */
  about?: string;
  /** True when it was only ever found as the act of a verb. */
  derived: boolean;
  /** The terms merged into it ("cat", "rabbit" into "animal"; "reservation" into "booking"). */
  absorbed?: string[];
};

const ENTITY_PREPOSITIONS = new Set(['for', 'to', 'on', 'of', 'against', 'onto', 'into']);
/** Where an action happens ("at the shed", "in the county", "from the warehouse") says little about what is kept. */
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'from']);
/** Verbs that state something about their subject rather than have it act: "a loan lasts one week". */
const STATEMENT_VERBS = new Set(['be', 'have', 'get', 'last', 'cost', 'include', 'contain', 'need', 'expire', 'take', 'belong', 'hold', 'require', 'show', 'change', 'appear', 'open', 'close', 'run', 'start', 'end']);
/**
 * Verbs whose object is no evidence of a record: light verbs, and verbs of seeing, finding, asking and giving, which
 * are use cases of their own ("see the timetable") but name what is shown or asked, not what is kept. The use cases'
 * light verbs are fewer for that reason.
 */
const VERBS_KEEPING_NOTHING = new Set(['be', 'have', 'want', 'need', 'like', 'love', 'use', 'get', 'make', 'let', 'keep', 'try', 'hate', 'go', 'come', 'take', 'do', 'see', 'know', 'think', 'help', 'run', 'rely', 'work', 'become', 'seem', 'lose', 'stop', 'start', 'hope', 'wish', 'say', 'ask', 'give', 'find', 'include', 'change']);
const ACT_CLASSES = new Set(['noun.act', 'noun.event', 'noun.possession', 'noun.communication']);
const TRANSACTION_VERB_CLASSES = new Set(['verb.possession', 'verb.social', 'verb.communication', 'verb.competition']);
const NOMINAL_SUFFIX = /(?:tion|sion|ment|ing|al|ance|ence|ure|ery|very|ry|sal)$/;

/** The act noun of a verb ("reserve" → "reservation", "book" → "booking", "return" → "return"), or undefined. */
export function actNounOf(verb: string): string | undefined {
  const related = derivedForms(verb, 'verb', 'noun').filter((noun) => !noun.includes(' '));
  const acts = related.filter((noun) => {
    const classes = semanticClasses(noun, 'noun', 2);
    return classes.some((name) => ACT_CLASSES.has(name)) && !classes.includes('noun.person');
  });
  // The noun made from the verb shares its stem: "approve" → "approval" before "approbation", "enter" → "entry".
  const shared = (noun: string): number => sharedStem(noun, verb);
  // The -ing form is the doing; another nominal of the same stem is the thing done ("renting" → "rental").
  const nominal = acts.filter((noun) => noun !== verb && NOMINAL_SUFFIX.test(noun)).sort((a, b) => shared(b) - shared(a) || Number(a.endsWith('ing')) - Number(b.endsWith('ing')))[0];
  // A verb whose own noun is first an act keeps its name ("repair", not "reparation"; "vote", not "voting").
  const firstAct = (noun: string): boolean => semanticClasses(noun, 'noun', 1)[0] === 'noun.act';
  if (nominal && acts.includes(verb) && firstAct(verb) && (!firstAct(nominal) || nominal.endsWith('ing'))) return verb;
  if (nominal) return nominal;
  if (acts.includes(verb)) return verb;
  // WordNet misses some derivations: the -ing form, when WordNet knows it as an act.
  const ing = `${verb.replace(/e$/, '')}ing`;
  if (knows(ing, 'noun') && semanticClasses(ing, 'noun', 1)[0] === 'noun.act') return ing;
  return acts[0];
}

/** A verb by which something changes hands, is booked or is said: book, reserve, pay, order, register. */
export function isTransactionVerb(verb: string): boolean {
  return semanticClasses(verb, 'verb', 2).some((name) => TRANSACTION_VERB_CLASSES.has(name));
}

/** Things, places, animals and possessions change hands or get booked; documents and acts do not ("write a note"). */
function isTransacted(lemma: string): boolean {
  const first = semanticClasses(lemma, 'noun', 1)[0];
  return first === 'noun.artifact' || first === 'noun.location' || first === 'noun.animal' || first === 'noun.possession' || first === 'noun.object';
}

/** A thing, a place, an animal: what can be photographed rather than said or paid. */
function isPhysical(lemma: string): boolean {
  return isTransacted(lemma) && semanticClasses(lemma, 'noun', 1)[0] !== 'noun.possession';
}

/**
 * Whether the act of a verb is kept as a record though the text never names it: a change of hands (pay → payment,
 * reserve → reservation, donate → donation), never a mere doing ("recording", "marking", "browse").
 */
const RECORDED_ACT_CLASSES = new Set(['verb.possession']);
function isRecordedAct(verb: string, act: string): boolean {
  return RECORDED_ACT_CLASSES.has(semanticClasses(verb, 'verb', 1)[0] ?? '') && act !== verb && !act.endsWith('ing');
}

/**
 * The act of a transaction done on something that is not itself traded ("nominate books", "assign a ticket"): WordNet
 * derives a noun first classed as an act from the verb (nomination, assignment). Weak evidence on its own: the act is
 * kept when the text does it again or names it.
 */
function isActRecord(verb: string, act: string, onThing: boolean): boolean {
  // Done to a thing that changes hands, the act is the record whatever its form ("book a boat" → booking, "repair").
  if (!onThing && (act === verb || act.endsWith('ing'))) return false;
  return semanticClasses(act, 'noun', 1)[0] === 'noun.act' && (act === verb || derivedForms(verb, 'verb', 'noun').includes(act));
}

/**
 * What a person says or judges by a verb and leaves behind as content ("rate a recipe" → rating, "review" → review,
 * "suggest meals" → suggestion, "invite members" → invitation): the verb's own noun (same stem), first classed by
 * WordNet as a communication or a judgement. Weak evidence: it is kept when done again or named.
 */
const CONTENT_CLASSES = new Set(['noun.communication', 'noun.cognition']);
export function contentActOf(verb: string): string | undefined {
  if (VERBS_KEEPING_NOTHING.has(verb)) return undefined;
  const act = actNounOf(verb);
  if (!act || act.slice(0, 3) !== verb.slice(0, 3) || !derivedForms(verb, 'verb', 'noun').includes(act)) return undefined;
  return CONTENT_CLASSES.has(semanticClasses(act, 'noun', 1)[0] ?? '') ? act : undefined;
}

/**
 * The act of a phrasal verb, when WordNet names it in one word and classes it first as an act: "check in" →
 * check-in, "check a sample out" → checkout, "hand over" → handover.
 */
export function phrasalActOf(verb: string, particle: string | undefined): string | undefined {
  if (!particle) return undefined;
  return [`${verb}-${particle}`, `${verb}${particle}`].find((noun) => knows(noun, 'noun') && semanticClasses(noun, 'noun', 1)[0] === 'noun.act');
}

/** A verb of paying that is also the noun of the document it sends: "invoice", "bill". */
export function billsWithDocument(verb: string): boolean {
  return semanticClasses(verb, 'verb', 1)[0] === 'verb.possession' && isDocumentWord(verb) && derivedForms(verb, 'verb', 'noun').includes(verb);
}

/**
 * Whether `act` is what a verb's booking sense makes: WordNet derives it, as an act, from a sense of the verb that is a
 * change of hands or social ("book" → "booking", "rent" → "rental"); never a moving or a meeting ("arrive" → arrival).
 */
function isBookingAct(verb: string, act: string): boolean {
  // "-ion" acts are as often judgements or undoings (acceptation, cancellation, rejection) as bookings.
  if (act === verb || !/(?:ing|al)$/.test(act)) return false;
  return derivations(verb, 'verb', 'noun').some((d) => d.word === act && d.to === 'noun.act' && (d.from === 'verb.possession' || d.from === 'verb.social'));
}

/**
 * Whether a verb is used with nothing it acts on ("pays at the counter", "customers reserve online"): no object, no
 * pronoun standing for a thing ("replace it"), and not in a relative clause whose object is the phrase before its
 * subject ("a CSV they can import").
 */
function actsOnNothingNamed(clause: Clause, sentence: Sentence): boolean {
  if (clause.objects.length > 0 || clause.passive) return false;
  const { tokens } = sentence.tagged;
  const next = tokens[clause.verbIndex + (clause.particle ? 2 : 1)];
  // "book them on a course" still books: "them" is as often people as things.
  if (next?.pos === 'PRON' && /^(?:it|this|that|these|those|one)$/.test(next.normal)) return false;
  let before = clause.verbIndex - 1;
  while (before >= 0 && /^(?:AUX|ADV|PART)$/.test(tokens[before]?.pos ?? '')) before -= 1;
  return !(clause.subjectPronoun !== undefined && tokens[before]?.pos === 'PRON' && /^(?:NOUN|PROPN)$/.test(tokens[before - 1]?.pos ?? ''));
}

/** A device, equipment or furniture: a laptop, a phone, a shelf, a desk (never a vehicle or a room). */
function isDeviceWord(lemma: string): boolean {
  return ['device', 'equipment', 'furniture'].some((kind) => isKindOf(lemma, kind, 'noun', 1));
}

/** A payment, a donation: an act or a possession in WordNet's first sense, never a place or a group ("reception"). */
function isHeldAct(act: string): boolean {
  const first = semanticClasses(act, 'noun', 1)[0];
  return first === 'noun.possession' || first === 'noun.act';
}

/** The act of a transaction on a thing ("book a place" → booking), the record it makes; undefined for a mere doing. */
export function transactionActOf(verb: string, objectLemma: string): string | undefined {
  if (VERBS_KEEPING_NOTHING.has(verb) || !isTransactionVerb(verb) || !isTransacted(objectLemma)) return undefined;
  const act = actNounOf(verb);
  return act && act !== verb && act !== objectLemma ? act : undefined;
}

/**
 * "Owners book days", "reserve an evening": a time a booking verb acts on is what is booked, and the verb's act is the
 * record it makes (booking, reservation); undefined when the verb books nothing or the object is no time.
 */
export function bookedTimeAct(object: NounPhrase, verb: string): string | undefined {
  if (object.number !== undefined || semanticClasses(lemmaOf(object), 'noun', 1)[0] !== 'noun.time') return undefined;
  // A period or unit of time ("days", "an evening"), not a way of keeping it ("manage their calendars").
  if (!['time_period', 'time_unit'].some((kind) => isKindOf(lemmaOf(object), kind, 'noun', 1))) return undefined;
  if (!semanticClasses(verb, 'verb', 2).some((name) => name === 'verb.possession' || name === 'verb.social')) return undefined;
  const act = actNounOf(verb);
  return act && act !== verb && semanticClasses(act, 'noun', 1)[0] === 'noun.act' ? act : undefined;
}

/** "24 hours", "2 days": a span of time written as the object ("cancel up to 24 hours before") is a limit, not a thing. */
export function isMeasure(phrase: NounPhrase): boolean {
  if (phrase.number === undefined) return false;
  const lemma = lemmaOf(phrase);
  // "48h", "30 hrs": a unit's short form (a letter, or a word WordNet does not know) is a measure too.
  return semanticClasses(lemma, 'noun', 1)[0] === 'noun.time' || lemma.length === 1 || (lemma.length <= 3 && !knows(lemma, 'noun'));
}

/** The act of the first transaction on a thing before `clause` in its sentence. */
export function earlierTransaction(sentence: Sentence, clause: Clause): string | undefined {
  for (const other of sentence.clauses) {
    // The same doer's ("members book … and cancel"), not another's ("gets the manager to sign").
    const same = other.subject?.start === clause.subject?.start && other.subjectPronoun === clause.subjectPronoun;
    if (other.verbIndex >= clause.verbIndex || other.passive || !other.objects[0] || !same) continue;
    const act = transactionActOf(other.verb, lemmaOf(other.objects[0]));
    if (act) return act;
  }
  return undefined;
}

/**
 * "keeps a waiting list", "keep a visitor log": "keep" with a record right after it keeps that record; never an idiom
 * ("keep track of", "keep costs low", "keep them informed").
 */
export function keepsRecord(clause: Clause, sentence: Sentence, asAction = false): boolean {
  const object = clause.objects[0];
  const { tokens } = sentence.tagged;
  // "counts toward keeping a qualification" names a record kept, but as a purpose, not something someone does.
  if (asAction && tokens[clause.verbIndex]?.normal.endsWith('ing')) return false;
  if (clause.verb !== 'keep' || clause.passive || clause.particle || object === undefined || object.start > clause.verbIndex + 2) return false;
  // "we keep double booking beds": "keep" before an -ing word goes on doing it.
  // A compound WordNet knows ("a waiting list") is a record.
  const doing = tokens.slice(clause.verbIndex + 1, object.end).some((token, k, words) => token.normal.endsWith('ing') && token.normal !== 'thing'
    && !knows(`${token.normal}_${words[k + 1]?.lemma ?? ''}`, 'noun'));
  if (doing) return false;
  const after = tokens[object.end];
  if (after && (after.normal === 'of' || after.pos === 'ADJ' || after.pos === 'ADV' || after.pos === 'VERB')) return false;
  // As something someone does, what is kept is written down: "keep a diary" is an act, "keep a dog" is not.
  const kept = object.head.lemma;
  const written = !asAction || isDocumentWord(kept) || semanticClasses(kept, 'noun', 2).includes('noun.communication');
  return tokens[clause.verbIndex + 1]?.pos !== 'PRON' && isRecordPhrase(object, true) && written && !isProductWord(lemmaOf(object));
}

function isGerund(phrase: NounPhrase): boolean {
  const { head } = phrase;
  // "a star rating", "a booking": what is counted with "a" is a thing, never the doing itself.
  if (!head.normal.endsWith('ing') || phrase.plural || phrase.determiner === 'a' || phrase.determiner === 'an') return false;
  const stem = head.normal.slice(0, -3);
  return (knows(stem, 'verb') || knows(`${stem}e`, 'verb')) && phrase.nouns.length === 0 && (phrase.determiner === undefined || phrase.adjectives.length > 0);
}

function subjectIsActor(clause: Clause): boolean {
  if (clause.subjectPronoun) return clause.subjectPronoun !== 'it';
  if (!clause.subject) return true;
  // People in general and groups act too ("people post comments", "the town council runs a market"), and so does
  // the product for them ("the app builds a shopping list").
  const lemma = lemmaOf(clause.subject);
  if (isProductWord(lemma) && clause.objects.length > 0) return true;
  // "HR publishes the job posting": an acronym that acts is a team.
  if (clause.subject.head.pos === 'PROPN' && /^[A-Z]{2,4}$/.test(clause.subject.text) && clause.objects.length > 0) return true;
  return clause.subject.head.pos !== 'PROPN' && (isPersonWord(lemma, clause.objects.length > 0) || (clause.objects.length > 0 && semanticClasses(lemma, 'noun', 1)[0] === 'noun.group'));
}

/**
 * For each phrase of a sentence, the preposition that opens the list it belongs to: "with a description, the flat and
 * photos" gives "with" to all three.
 */
function listPrepositions(sentence: Sentence): (string | undefined)[] {
  const { tokens } = sentence.tagged;
  const result: (string | undefined)[] = [];
  sentence.phrases.forEach((phrase, index) => {
    const previous = sentence.phrases[index - 1];
    const between = previous ? tokens.slice(previous.end, phrase.start) : [];
    const coordinated = previous !== undefined && between.length > 0 && between.every((token) => token.text === ',' || token.pos === 'CCONJ');
    const before = tokens[phrase.start - 1];
    result.push(coordinated ? result[index - 1] : before?.pos === 'ADP' ? before.normal : undefined);
  });
  return result;
}

/**
 * "Customers rent a unit", "reserve one for a caller": what is rented or reserved is a thing held for someone, though
 * WordNet knows the word only as something else (a unit of measure); never a time or a vague word ("book a time").
 */
function isHired(phrase: NounPhrase, verb: string): boolean {
  const lemma = lemmaOf(phrase);
  if (isVagueWord(lemma) || semanticClasses(lemma, 'noun', 1)[0] === 'noun.time' || !knows(lemma, 'noun')) return false;
  return holdsForSomeone(verb);
}

export function findEntities(sentences: Sentence[], productWords: Set<string>, business: Set<string>): EntityFinding[] {
  const found = new Map<string, EntityFinding>();
  const personTerms = new Set<string>();
  const subjectPersons = new Set<string>();
  // Whatever acts on something is an agent (the business, an organisation), not a record, unless it is acted on too.
  const agents = new Set<string>();
  const actedOn = new Set<string>();

  const add = (phrase: NounPhrase, weight: number, sentence: Sentence, verb?: string, countable = false): EntityFinding | undefined => {
    // "services (bath, full groom)": an example is a value of the record it illustrates, not a record.
    if (sentence.examples.has(phrase.start)) return undefined;
    const lemma = lemmaOf(phrase);
    // "VAT", "GPS": an acronym is not the word WordNet spells the same way (a vat is a tub).
    if (phrase.head.pos === 'PROPN' || productWords.has(lemma) || /^[A-Z]{2,}s?$/.test(phrase.head.text)) return undefined;
    // "the public looking to adopt": a gerund is an action, not a record; "a booking", "bookings" are records.
    if (isGerund(phrase)) return undefined;
    // "has 6 FDM printers": a thing counted is a machine, though WordNet knows the word first as a person.
    const countedThing = countable && phrase.number !== undefined && semanticClasses(lemma, 'noun', 3).includes('noun.artifact');
    if (isPersonWord(lemma) && !countedThing) {
      // People are records only when acted on ("register players"), never from a mere mention.
      if (weight < 2 || verb === undefined) return undefined;
      personTerms.add(termOf(phrase));
    } else if (!isRecordPhrase(phrase, countable || (weight >= 2 && verb !== undefined)) && !(weight >= 2 && verb !== undefined && isHired(phrase, verb))) return undefined;
    const term = termOf(phrase);
    return addTerm(term, lemma, weight, sentence, verb, false);
  };
  const addTerm = (term: string, lemma: string, weight: number, sentence: Sentence, verb: string | undefined, derived: boolean): EntityFinding => {
    let finding = found.get(term);
    if (!finding) {
      finding = { term, lemma, score: 0, order: sentence.order, sources: [], verbs: [], derived };
      found.set(term, finding);
    }
    if (!derived) finding.derived = false;
    finding.score += weight;
    if (verb && !finding.verbs.includes(verb)) finding.verbs.push(verb);
    if (finding.sources.length < 3 && !finding.sources.some((s) => s.quote === sentence.source.quote)) finding.sources.push(sentence.source);
    return finding;
  };

  // Money asked about and answered ("Payments?" → "Online by card") is kept: the answer says it changes hands.
  const asked = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.question === undefined || asked.has(sentence.question)) continue;
    asked.add(sentence.question);
    if (/^\s*(?:no|not|none|nope|never)\b/i.test(sentence.text)) continue;
    for (const tagged of parseText(sentence.question)) {
      for (const phrase of nounPhrases(tagged.tokens)) {
        const lemma = lemmaOf(phrase);
        if (phrase.plural && phrase.head.pos === 'NOUN' && semanticClasses(lemma, 'noun', 1)[0] === 'noun.possession' && !productWords.has(lemma) && isRecordPhrase(phrase)) {
          addTerm(termOf(phrase), lemma, 1.5, sentence, undefined, false);
        }
      }
    }
  }
  // Act nouns the text itself uses ("bookings", "the loan") are records whichever verb they come from.
  const mentioned = new Set(sentences.flatMap((sentence) => sentence.phrases.map(lemmaOf)));
  for (const sentence of sentences) {
    const acting = sentence.clauses.some((clause) => !VERBS_KEEPING_NOTHING.has(clause.verb) && (subjectIsActor(clause) || clause.passive));
    for (const [index, clause] of sentence.clauses.entries()) {
      // "check visitors in and out": the second particle's act keeps nothing the first did not (the check-in is the
      // record; checking out closes it).
      if (sentence.clauses.slice(0, index).some((other) => other.verbIndex === clause.verbIndex)) continue;
      if (clause.subject && !clause.passive && isPersonWord(lemmaOf(clause.subject), clause.objects.length > 0)) subjectPersons.add(termOf(clause.subject));
      // A document that says or shows something is still a record ("the prescription, which says what care").
      const saying = clause.subject !== undefined && semanticClasses(lemmaOf(clause.subject), 'noun', 1)[0] === 'noun.communication';
      if (clause.subject && !clause.passive && !STATEMENT_VERBS.has(clause.verb) && clause.objects.length > 0 && !saying) agents.add(termOf(clause.subject));
      if (clause.passive && clause.subject) agents.add(termOf(clause.subject));
      // The idea's opening subject that has or does something is the business itself ("A wholesale plant nursery
      // takes orders", "Our coworking space has 6 meeting rooms").
      if (sentence.order === 0 && clause.subject && !clause.passive && clause.objects.length > 0 && !saying && !isPersonWord(lemmaOf(clause.subject), true)) agents.add(termOf(clause.subject));
      // An organisation that does or wants something is the business behind the product ("a small translation agency
      // wants to stop …", "the town council runs …"), not one of its records.
      if (clause.subject && !clause.passive && !STATEMENT_VERBS.has(clause.verb) && semanticClasses(lemmaOf(clause.subject), 'noun', 2).includes('noun.group')) agents.add(termOf(clause.subject));
      for (const object of clause.objects) if (!clause.passive) actedOn.add(termOf(object));
      if (clause.passive) for (const object of clause.objects) actedOn.add(termOf(object));
      // "We also run 6-week beginner courses", "we hold workshops": what the business runs many of is what it offers, a
      // record (the business itself is one, "we run a pottery studio").
      const offered = (clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i') && !clause.passive && sentence.order > 0 && isBusinessVerb(clause.verb);
      if (offered) for (const object of clause.objects) if (object.plural && !isPersonWord(lemmaOf(object), true)) add(object, 1, sentence, clause.verb);
      // "gives feedback on each chapter", "give a score": what is given as said or judged is kept; "give them access" is not.
      const light = VERBS_KEEPING_NOTHING.has(clause.verb) && !keepsRecord(clause, sentence) && !(clause.verb === 'give' && clause.objects.length > 0 && clause.objects.every((object) => CONTENT_CLASSES.has(semanticClasses(lemmaOf(object), 'noun', 2).find((name) => name !== 'noun.process') ?? '')));
      const byActor = subjectIsActor(clause) || clause.passive;
      if (byActor && !light) {
        // "phone the office": a verb done to people names a party, not something kept; unless a sum or a thing is what
        // it is done to ("a repair charge invoiced").
        const objectWeight = (object: NounPhrase): number => (takesPersonObject(clause.verb) && semanticClasses(object.head.lemma, 'noun', 1)[0] !== 'noun.possession' ? 0.5 : 2);
        for (const object of clause.objects) {
          // "book days": the booking is kept, and the day is its date, not a record.
          const bookedTime = clause.passive ? undefined : bookedTimeAct(object, clause.verb);
          if (bookedTime) {
            if (!productWords.has(bookedTime)) addTerm(bookedTime, bookedTime, 1.5, sentence, clause.verb, true);
            continue;
          }
          const finding = add(object, objectWeight(object), sentence, clause.verb);
          // "approve an application": a judgement on an act is a step of that act, not a record; booking or reserving
          // an act ("book walks", "reserve a class") makes a record of its own.
          const onAct = finding !== undefined && ['noun.act', 'noun.event'].includes(semanticClasses(finding.lemma, 'noun', 1)[0] ?? '')
            && !semanticClasses(clause.verb, 'verb', 2).some((name) => name === 'verb.social' || name === 'verb.possession');
          const act = finding && !onAct && isTransactionVerb(clause.verb) ? actNounOf(clause.verb) : undefined;
          const strong = finding && isTransacted(finding.lemma) ? mentioned.has(act ?? '') || isRecordedAct(clause.verb, act ?? '') : isRecordedAct(clause.verb, act ?? '') && isHeldAct(act ?? '');
          if (finding && act && act !== finding.lemma && !productWords.has(act) && (strong || isActRecord(clause.verb, act, isTransacted(finding.lemma)))) {
            const actFinding = addTerm(act, act, strong ? 1.5 : 0.75, sentence, clause.verb, true);
            actFinding.about ??= finding.term;
          }
        }
        const said = !clause.passive && (clause.subjectPronoun !== undefined || (clause.subject !== undefined && isPersonWord(lemmaOf(clause.subject), true))) ? contentActOf(clause.verb) : undefined;
        if (said && !productWords.has(said)) addTerm(said, said, mentioned.has(said) ? 1.5 : 0.75, sentence, clause.verb, true);
        // "when they're locked out": a passive said of a pronoun is a state its people are in, no act kept ("guests are
        // checked in" keeps the check-in).
        const stateOfPronoun = clause.passive && clause.object === undefined;
        const phrasal = stateOfPronoun ? undefined : phrasalActOf(clause.verb, clause.particle);
        if (phrasal && !productWords.has(phrasal)) addTerm(phrasal, phrasal, 1.5, sentence, clause.verb, true);
        // Money changing hands is kept though nothing is named ("pays at the counter" → payment).
        const act = actsOnNothingNamed(clause, sentence) && isTransactionVerb(clause.verb) ? actNounOf(clause.verb) : undefined;
        if (act && !productWords.has(act) && isRecordedAct(clause.verb, act) && isHeldAct(act)) addTerm(act, act, 1.5, sentence, clause.verb, true);
        // "Customers reserve online", "guests pick their seats when booking": booking or reserving with nothing named
        // keeps the booking, whichever sense WordNet gives the verb or its noun first.
        else if (act && !productWords.has(act) && isBookingAct(clause.verb, act)) addTerm(act, act, 1.5, sentence, clause.verb, true);
        // "book a place in a class … and cancel up to 2 hours before": what is cancelled is the booking, so it is kept.
        const undone = clause.objects.every(isMeasure) && !clause.passive && !clause.preps.some(({ prep }) => ENTITY_PREPOSITIONS.has(prep) || PLACE_PREPOSITIONS.has(prep)) && takesThingObject(clause.verb) ? earlierTransaction(sentence, clause) : undefined;
        if (undone && !productWords.has(undone)) addTerm(undone, undone, 1.5, sentence, clause.verb, true);
        for (const { prep, phrase } of clause.preps) {
          // "log seeds on a laptop", "leave pieces on the shelf": a device or furniture something is done on is what
          // it is done with, as a place is where; a record, a vehicle or an act so named is kept ("a seat on a tour").
          if (ENTITY_PREPOSITIONS.has(prep)) add(phrase, prep !== 'to' && prep !== 'of' && isDeviceWord(lemmaOf(phrase)) ? 0.5 : 1, sentence, clause.verb);
          else if (PLACE_PREPOSITIONS.has(prep)) add(phrase, 0.5, sentence, clause.verb);
        }
      }
      // Money someone gets is paid out and kept ("everyone gets a full refund").
      // So is a document someone gets or wants ("the bakers get a production list", "the owner wants a daily report"):
      // the product makes it.
      // A document is named without an article too ("get monthly invoice"); "no signal" names none.
      const document = (object: NounPhrase): boolean => semanticClasses(lemmaOf(object), 'noun', 1)[0] === 'noun.communication' && object.determiner !== 'no'
        && (object.determiner !== undefined || isDocumentWord(lemmaOf(object)));
      if (clause.verb === 'get' && !clause.passive) for (const object of clause.objects) if (semanticClasses(lemmaOf(object), 'noun', 1)[0] === 'noun.possession' || document(object)) add(object, 1, sentence);
      // "Owners should see their invoices": a document someone wants or sees is one the product keeps.
      if (/^(?:want|need|require|see)$/.test(clause.verb) && !clause.passive) for (const object of clause.objects) if (document(object)) add(object, 1, sentence);
      // "We invoice monthly", "fees are invoiced monthly": charging by a document of the same name makes one.
      if (billsWithDocument(clause.verb) && !productWords.has(clause.verb)) addTerm(clause.verb, clause.verb, 1.5, sentence, clause.verb, true);
      // "repairs needed", "queen seen": a light verb in the passive says something about what it is said of.
      if (clause.passive && light) for (const object of clause.objects) if (!isPersonWord(lemmaOf(object))) add(object, 2, sentence);
      // Statements about a record: "a loan lasts one week", "each tour has a guide".
      // "Basements have no signal" says what is missing, not what is kept.
      const absent = clause.objects.length > 0 && clause.objects.every((object) => object.determiner === 'no');
      if (!absent && !clause.passive && clause.subject && (STATEMENT_VERBS.has(clause.verb) || clause.objects.length === 0) && !isPersonWord(lemmaOf(clause.subject))) {
        add(clause.subject, 2, sentence);
        // "Job has origin, destination, priority": bare words in a list of three or more are what the record holds, its
        // attributes ("has a guide, a meeting point and …" names records).
        const listed = (object: NounPhrase): number => (clause.objects.length >= 3 && object.determiner === undefined ? 0.25 : 1);
        // "each order should hold its cut list, the quote and a deposit": what a record holds or contains too.
        if (/^(?:have|include|hold|contain)$/.test(clause.verb)) for (const object of clause.objects) add(object, listed(object), sentence, undefined, object.number !== undefined);
      }
    }
    // "What I need: - customers and their appliances": a wished item names what the product is to keep, as the object
    // of the lead's "need" would: people so named are kept; things only when WordNet classes them as records ("price
    // per 100g" is a value).
    for (const phrase of wishedPhrases(sentence)) add(phrase, 2, sentence, isPersonWord(lemmaOf(phrase)) ? 'need' : undefined);
    // Mentions count a little: a record named again and again is central ("there are fixtures", "each team has …").
    const listPreps = listPrepositions(sentence);
    for (const [index, phrase] of sentence.phrases.entries()) {
      // Things an action is done with, listed ("add each animal with photos, breed and age"), are kept with it.
      // A physical thing or a place listed so ("with photos", "with a venue") is a record of its own; a text or an
      // amount ("with a title", "with the cost") is a value of the record.
      if (listPreps[index] === 'with' && acting) add(phrase, isPhysical(lemmaOf(phrase)) ? 1 : 0.5, sentence);
      // "each animal", "every sample", "the building's risk level": a thing counted one by one or owning another is
      // a record.
      const owns = sentence.tagged.tokens[phrase.end]?.pos === 'PART' && sentence.phrases[index + 1]?.start === phrase.end + 1;
      // Many of a physical thing ("photos", "laptops") are rows of their own.
      // So is what is counted ("5 branches", "two depots") or priced and limited one by one ("max 10 per table").
      const counted = (phrase.number !== undefined && !isMeasure(phrase) && /^(?:\d|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)/i.test(phrase.number))
        || sentence.tagged.tokens[phrase.start - 1]?.normal === 'per';
      // "services (bath, full groom, nail clip)": a kind of thing given with examples is kept as a list of its own.
      const bonus = (sentence.exampled.has(phrase.start) ? 0.75 : 0) + (counted ? 0.5 : 0) + (phrase.determiner === 'each' || phrase.determiner === 'every' || owns ? 0.5 : 0) + (phrase.plural && isPhysical(lemmaOf(phrase)) ? 0.5 : 0);
      const finding = found.get(termOf(phrase));
      if (finding) finding.score += 0.5 + bonus;
      // "50 pitches": what is counted in a number is a thing in one of its senses, though English uses the word first
      // for something else (a pitch is first a sound's).
      // Never a unit ("20 metres", "5 kilos").
      else if (phrase.head.pos === 'NOUN') add(phrase, 0.75 + bonus, sentence, undefined, counted && phrase.plural && semanticClasses(lemmaOf(phrase), 'noun', 1)[0] !== 'noun.quantity');
    }
  }
  // People are records only when nobody does anything as them ("register players").
  // A group acted on is kept though it acts too ("captains register a team … teams play their match"): a team, a
  // family, a class is a record of who belongs to it.
  for (const term of personTerms) if (subjectPersons.has(term) && !isGroupWord(found.get(term)?.lemma ?? term)) found.delete(term);
  // A vehicle that does things is one of the fleet the business keeps ("the vans do evening rounds").
  for (const term of agents) if (!actedOn.has(term) && !isVehicleWord(found.get(term)?.lemma ?? term)) found.delete(term);
  for (const term of business) found.delete(term);
  // "back to the workshop", "filled in on my tablet": a building or a device only ever named as the one ("the", "my")
  // is where or with what the business works, not a record it keeps of many.
  const phrases = sentences.flatMap((sentence) => sentence.phrases);
  for (const [term, finding] of found) {
    if (finding.derived || !(PREMISES.some((kind) => isKindOf(finding.lemma, kind, 'noun', 1)) || isDeviceWord(finding.lemma))) continue;
    const mentions = phrases.filter((phrase) => termOf(phrase) === term);
    if (mentions.every((phrase) => !phrase.plural && phrase.number === undefined && /^(?:the|our|my)$/.test(phrase.determiner ?? ''))) found.delete(term);
  }
  // "we keep the money", "the money is released": a sum the text never counts is no record of its own (a deposit, a
  // fee are counted; a payment or a donation is an act, an insurance a document, whatever the text's wording).
  for (const [term, finding] of found) {
    const classes = semanticClasses(finding.lemma, 'noun', 3);
    if (finding.derived || classes[0] !== 'noun.possession' || classes.includes('noun.act') || classes.includes('noun.communication')) continue;
    const counted = sentences.some((sentence) => sentence.phrases.some((phrase) => termOf(phrase) === term && (phrase.plural || phrase.number !== undefined || /^(?:a|an|each|every|one|another)$/.test(phrase.determiner ?? ''))));
    if (!counted) found.delete(term);
  }
  return mergeSynonyms([...found.values()], phrases);
}

function absorb(into: EntityFinding, finding: EntityFinding): void {
  into.absorbed = [...(into.absorbed ?? []), finding.term, ...(finding.absorbed ?? [])];
  into.score += finding.score;
  into.derived &&= finding.derived;
  for (const verb of finding.verbs) if (!into.verbs.includes(verb)) into.verbs.push(verb);
}

/** Kinds of building and room: where a business works when there is one of them. */
const PREMISES = ['structure', 'building', 'facility', 'room'];

const TANGIBLE_CLASSES = new Set(['noun.artifact', 'noun.animal', 'noun.object']);
function isTangible(lemma: string): boolean {
  return TANGIBLE_CLASSES.has(semanticClasses(lemma, 'noun', 1)[0] ?? '');
}

/** "their dog or cat … rabbits too": kinds of animal the product treats alike are one record, the animal (or pet). */
function foldAnimals(findings: EntityFinding[]): EntityFinding[] {
  const animals = findings.filter((finding) => !finding.term.includes(' ') && semanticClasses(finding.lemma, 'noun', 1)[0] === 'noun.animal');
  const general = animals.find((finding) => GENERAL_ANIMALS.has(finding.lemma)) ?? animals[0];
  if (animals.length < 2 || !general) return findings;
  for (const other of animals) if (other !== general) absorb(general, other);
  if (!GENERAL_ANIMALS.has(general.lemma)) Object.assign(general, { term: 'animal', lemma: 'animal', absorbed: [...(general.absorbed ?? []), general.term] });
  return findings.filter((finding) => !animals.includes(finding) || finding === general);
}
const GENERAL_ANIMALS = new Set(['animal', 'pet']);

/** "reservation" and "booking" are one record: WordNet synonyms (first sense) and plain repeats merge into the first. */
function mergeSynonyms(findings: EntityFinding[], phrases: readonly NounPhrase[]): EntityFinding[] {
  const mentions = (lemma: string): number => phrases.filter((phrase) => lemmaOf(phrase) === lemma).length;
  const sorted = [...findings].sort((a, b) => a.order - b.order);
  const kept: EntityFinding[] = [];
  for (const finding of sorted) {
    const same = kept.find((other) => other.term === finding.term
      || (!other.term.includes(' ') && !finding.term.includes(' ') && synonyms(other.lemma, 'noun', 1).includes(finding.lemma)));
    if (same) {
      absorb(same, finding);
      continue;
    }
    kept.push(finding);
  }
  // A kind of a physical thing also kept is one of its values ("kayaks … boats", "loaves … bread", "cars … vehicles"):
  // one record, named by the general kind. A named compound ("job card") is a record of its own, and so is a kind the
  // text names more often than the general word ("each bike … parking for one vehicle").
  const merged = kept.filter((finding) => {
    if (finding.term.includes(' ') || !isTangible(finding.lemma)) return true;
    const general = kept.find((other) => other !== finding && other.term === other.lemma && isTangible(other.lemma)
      && isKindOf(finding.lemma, other.lemma, 'noun', 1) && !synonyms(other.lemma, 'noun', 1).includes(finding.lemma) && mentions(other.lemma) >= mentions(finding.lemma));
    if (!general) return true;
    absorb(general, finding);
    return false;
  });
  // A compound and its bare head ("time slot", "slot") are one record: the compound when it was said more.
  return foldAnimals(merged).filter((finding) => !kept.some((other) => other !== finding && finding.term.includes(' ') && other.term === finding.lemma && other.score >= finding.score));
}
