import { capitalize, pluralize, singularize } from '../../../../../core/text/index.js';
import { indefiniteArticle, roleSubject } from '../../../../../core/text/compose/index.js';
import { clausesOf, derivedForms, isBullet, OBJECT_PARTICLES, isKindOf, knows, nounPhrases, parseText, semanticClasses, takesGerund, takesThingObject, verbOfParticiple, type Clause, type NounPhrase, type TaggedToken } from '../../../../../core/text/nlp/index.js';
import type { ModelActor, ModelEntity, ModelRule, ModelStep, ModelUseCase } from '../../../project-model.contract.js';
import { actNounOf, billsWithDocument, bookedTimeAct, earlierTransaction, isMeasure, isTransactionVerb, keepsRecord, transactionActOf } from './entities.js';
import type { IdPool } from './ids.js';
import { inBrackets, type Sentence } from './read.js';
import { joins, requestMadeBy, reserves } from './verb-senses.js';
import { doersOf, isBusinessVerb } from './writer.js';
import { participle, thirdPerson } from './verbs.js';
import { isDocumentWord, isGenericPeople, isMostlyNoun, isPersonWord, isPlaceholderWord, isProductWord, isRecordPhrase, isThePublic, isUnitWord, isVagueWord, lemmaOf, MEMBER_OF_THE_PUBLIC, sharedStem, termOf } from './words.js';

/**
 * One use case per thing an actor does to a record: the clause's actor, verb and object entity (or the entity of its
 * first preposition, "apply for a plot"), the steps across the actor, the product and the outside systems, and a
 * priority from the modal ("must" → must, "can"/"could"/"would like" → could) and from the order of mention.
 */

/** Verbs that say what someone has, wants or is, never what they do with the product. */
const LIGHT_VERBS = new Set(['be', 'have', 'own', 'want', 'need', 'like', 'love', 'use', 'get', 'make', 'let', 'keep', 'try', 'hate', 'go', 'come', 'do', 'know', 'think', 'help', 'rely', 'work', 'become', 'seem', 'lose', 'hope', 'wish', 'say', 'include', 'live', 'fill', 'turn', 'agree']);
/**
 * Verbs of failing and of effort: "I miss loads of renewals", "drivers forget the farm", "the treasurer spends ages
 * checking", "trying to remember what they said" state the problem the product is to solve.
 */
const FAILING_VERBS = new Set(['miss', 'forget', 'neglect', 'overlook', 'fail', 'struggle', 'spend', 'remember']);
/**
 * Verbs of doing the work itself, in the world: running a session, bringing a jar, washing a boat, playing a match,
 * driving a van, phoning the office. The product keeps what came of them (a booking, a result, a call logged) and never
 * does them, so none is a use case.
 */
const WORK_VERBS = new Set(['run', 'bring', 'wash', 'play', 'drive', 'phone', 'ring']);
/**
 * Verbs of looking: seeing the bookings, browsing the catalogue or watching the queue changes nothing, so such a use
 * case ends with what is shown, never with a record of it.
 */
const LOOKING_VERBS = new Set(['see', 'view', 'look', 'watch', 'browse', 'monitor']);
const ACTION_PREPOSITIONS = new Set(['for', 'to', 'on', 'into', 'at', 'from', 'of', 'against']);

type Resolver = { actorOf: (phrase: NounPhrase | undefined) => ModelActor | undefined; entityOf: (phrase: NounPhrase) => ModelEntity | undefined };

function priorityOf(clause: Clause, sentence: Sentence): ModelUseCase['priority'] {
  const text = sentence.text.toLowerCase();
  if (clause.modal === 'must' || /\bmust\b|\bhas to\b|\bhave to\b|\bneed(?:s)? to\b/.test(text)) return 'must';
  if (/\b(?:later|eventually|nice|would like|i'd love|could|maybe|one day|future)\b/.test(text)) return 'could';
  return 'should';
}

/** The longest rule a step says in its own words ("checks that a loan lasts one week"); a longer one is quoted. */
const RULE_WORDS_IN_A_STEP = 14;

/**
 * How the product checks a rule: "A loan lasts one week." as a clause ("checks that a loan lasts one week"); a rule of
 * several clauses ("anything not in by 15 January we can't guarantee - they get a letter …") cannot follow "that", so
 * it is quoted.
 */
function ruleCheck(rule: ModelRule, thing: string): string {
  const text = rule.text.replace(/[.!]+$/, '');
  if (/[;:–—]|\s-\s/.test(text) || text.split(/\s+/).length > RULE_WORDS_IN_A_STEP) return `checks the ${thing} against the rule “${text}”`;
  return `checks that ${/^[A-Z](?:[a-z]|\s)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text}`;
}

/**
 * The main steps: the actor does the thing to the record; the product checks it against the rules that name the
 * record (or its stated rules in general when none does), lets an outside system named with the action do its part,
 * records the new state and tells the actor.
 */
function stepsFor(actor: ModelActor, verb: string, particle: string, entity: ModelEntity, systems: ModelActor[], sentence: Sentence, rules: ModelRule[]): ModelStep[] {
  // "apply for a plot": the preposition stays with the verb in every step ("the plot is applied for").
  const thing = entity.name.toLowerCase();
  const on = entity.id ? { entity: entity.id } : {};
  const steps: ModelStep[] = [];
  if (LOOKING_VERBS.has(verb)) {
    return [
      { actor: actor.id, action: `opens the list of ${pluralize(thing)} in the product`, ...on },
      { actor: actor.id, action: `chooses the ${thing}`, ...on },
      { actor: 'system', action: `shows the ${actor.name.toLowerCase()} everything it holds about the ${thing}`, ...on },
    ];
  }
  if (entity.id) steps.push({ actor: actor.id, action: `opens the ${thing} in the product`, ...on });
  steps.push({ actor: actor.id, action: `${thirdPerson(verb)}${particle} the ${thing}`, ...on });
  const applying = entity.id ? rules.filter((rule) => rule.entity === entity.id).slice(0, 2) : [];
  if (applying.length > 0) for (const rule of applying) steps.push({ actor: 'system', action: ruleCheck(rule, thing), ...on });
  else if (entity.id) steps.push({ actor: 'system', action: `checks the ${thing} against the rules`, ...on });
  const mentioned = systems.filter((system) => sentence.text.includes(system.name) || sentence.source.quote?.toLowerCase().includes(system.name.toLowerCase()));
  for (const system of mentioned.slice(0, 1)) steps.push({ actor: system.id, action: `handles its part of the ${thing}`, ...on });
  steps.push({ actor: 'system', action: `records that the ${thing} ${beFor(thing)} ${participle(verb)}${particle}`, ...on });
  steps.push({ actor: 'system', action: `shows the ${actor.name.toLowerCase()} the ${entity.id ? 'updated ' : ''}${thing}`, ...on });
  return steps.slice(0, 8);
}

/** The outcome: the lifecycle state the action puts the record in when the model knows one. */
function outcomeOf(verb: string, particle: string, thing: string, entity: ModelEntity): string {
  if (LOOKING_VERBS.has(verb)) return `Everything the product holds about the ${thing} is shown.`;
  const state = participle(verb);
  const be = beFor(thing);
  if (entity.states.includes(state)) return `The ${thing} ${be} ${state}${particle}; its status is now "${state}".`;
  return `The ${thing} ${be} ${state}${particle} and the product has a record of ${be === 'are' ? 'them' : 'it'}.`;
}

/** "is", or "are" after a name in the plural ("the hours are logged"). */
function beFor(thing: string): 'is' | 'are' {
  const head = thing.split(' ').pop() ?? thing;
  return singularize(head) !== head && knows(singularize(head), 'noun') ? 'are' : 'is';
}

/** "a place in a class", "the number of guests": a vague object stands for the record its preposition names. */
function concreteObject(object: NounPhrase, clause: Clause): NounPhrase {
  if (object.nouns.length > 0 || !isVagueWord(lemmaOf(object))) return object;
  // Only a part of something ("in", "of"): "log time for a client" logs time.
  const named = clause.preps.find((p) => p.phrase.start >= object.end && /^(?:in|of)$/.test(p.prep));
  return named ? named.phrase : object;
}

/**
 * "which we track on a chart", "pay at the counter", "reorder from the pharmacy": a verb whose usual sense takes a
 * thing, without one, is done on or at a place, a tool or a time, or takes the thing from somewhere, none of which it
 * acts on (its object is elsewhere in the sentence). An occasion is acted on: "book on a course". A verb whose usual
 * sense takes none acts on what "on" names ("vote on the films").
 */
function isWhereDone(prep: { prep: string; phrase: NounPhrase }, verb: string): boolean {
  if (!/^(?:on|at|from)$/.test(prep.prep) || !takesThingObject(verb, 1)) return false;
  if (prep.prep === 'from') return true;
  return !/^noun\.(?:act|event|group)$/.test(semanticClasses(lemmaOf(prep.phrase), 'noun', 1)[0] ?? '');
}

/**
 * "Baby ballet is capped at 12 children", "trees are priced at £40": a passive whose "at" or "to" governs a number or
 * a measure states a value, a rule of the record, not something anyone does with it.
 */
function statesValue(clause: Clause, sentence: Sentence): boolean {
  if (!clause.passive) return false;
  const [prep, value] = [sentence.tagged.tokens[clause.verbIndex + 1], sentence.tagged.tokens[clause.verbIndex + 2]];
  const priced = /^(?:at|to)$/.test(prep?.normal ?? '') && (value?.pos === 'NUM' || /^[£$€]/.test(value?.text ?? ''));
  return priced || clause.preps.some(({ prep: word, phrase }) => /^(?:at|to)$/.test(word) && (phrase.number !== undefined || isMeasure(phrase)));
}

/** "weekly", "termly", "daily": a word made of a time and "-ly" says how often, which of the records it is. */
function isFrequency(word: string): boolean {
  const time = word.endsWith('ily') ? `${word.slice(0, -3)}y` : word.endsWith('ly') ? word.slice(0, -2) : '';
  return time.length > 2 && semanticClasses(time, 'noun', 3).includes('noun.time');
}

/** "unpaid", "unsigned", "unclaimed": "un" and a participle, regular or one WordNet knows as an adjective ("paid", "sold"). */
function isNegatedParticiple(word: string): boolean {
  const participle = word.startsWith('un') ? word.slice(2) : '';
  return verbOfParticiple(participle) !== undefined || (/[dtn]$/.test(participle) && knows(participle, 'adj'));
}

/** The object as the text words it ("a home visit"), singular, when its head is the entity's; else the entity's name. */
function nameOf(object: NounPhrase, entity: ModelEntity): string {
  const name = entity.name.toLowerCase();
  const words = object.text.toLowerCase().split(' ');
  // Nouns modify ("donation appointment"); so do adjectives that are mostly nouns ("home visit"), never qualities ("small").
  // A participle says which ones ("a missed repayment", "a running session"), and so do its negation ("unpaid bills")
  // and how often ("a termly report").
  // The unit after a number ("a 30 percent deposit") says how much, not which.
  const counted = object.number === undefined ? undefined : words.indexOf(object.number.toLowerCase());
  const modifiers = words.slice(0, -1).filter((word, at) => /^[a-z][a-z-]*$/.test(word) && word !== object.number?.toLowerCase() && !(at === (counted ?? -2) + 1 && isUnitWord(word))
    && (object.nouns.includes(word) || isMostlyNoun(word) || verbOfParticiple(word) !== undefined || isNegatedParticiple(word) || isFrequency(word)));
  // "invoice the loan fee": the record found through a modifier ("loan") is what it is about, the phrase what is done.
  if (!name.endsWith(lemmaOf(object)) && object.nouns.includes(name) && isRecordPhrase(object, true)) return termOf(object);
  if (!name.endsWith(lemmaOf(object)) || modifiers.length === 0 || modifiers.length > 2 || modifiers.length < name.split(' ').length - 1) return name;
  return [...modifiers, lemmaOf(object)].join(' ');
}

/** The verb an act noun was made from, sharing its stem: "approval" → "approve" (not "approbate"), "delivery" → "deliver". */
function verbOfAct(noun: string): string | undefined {
  if (semanticClasses(noun, 'noun', 1)[0] !== 'noun.act') return undefined;
  const shared = (form: string): number => sharedStem(form, noun);
  return derivedForms(noun, 'noun', 'verb', 4).filter((form) => !form.includes(' ') && shared(form) >= 3).sort((a, b) => shared(b) - shared(a))[0];
}

/**
 * "courier delivery of found bags", "renewal of permits": an act noun followed by "of" and a record names the verb done
 * to the record, though no clause says it. Not an amount or a list of things ("the number of guests", "a list of tools").
 */
function actsNamedWithObject(sentence: Sentence, resolve: Resolver): { verb: string; object: NounPhrase; entity: ModelEntity }[] {
  const found: { verb: string; object: NounPhrase; entity: ModelEntity }[] = [];
  const { tokens } = sentence.tagged;
  for (const phrase of sentence.phrases) {
    const link = tokens[phrase.end]?.normal;
    if ((link !== 'of' && link !== 'for') || sentence.examples.has(phrase.start) || inBrackets(sentence, phrase.start)) continue;
    const verb = verbOfAct(lemmaOf(phrase));
    // "online booking for the courses", "a reservation for a table": what is booked follows "for" too (a payment for
    // a course pays no course).
    if (link === 'for' && !(verb && reserves(verb))) continue;
    const object = sentence.phrases.find((other) => other.start === phrase.end + 1);
    if (!verb || !object || !takesThingObject(verb) || isPersonWord(lemmaOf(object), true) || resolve.actorOf(object)) continue;
    const entity = resolve.entityOf(object) ?? (isRecordPhrase(object, true) ? unkept(termOf(object)) : undefined);
    if (entity) found.push({ verb, object, entity });
  }
  return found;
}

/** Whether a noun names a kind of record that is also the verb of writing in it: "log", "register", "record". */
function isRecordKeepingWord(noun: string): boolean {
  return isKindOf(noun, 'record', 'noun', 4) && semanticClasses(noun, 'verb', 2).includes('verb.communication');
}

/**
 * "- work party log for layout maintenance", "rolling stock register": a list item naming a record kept of something,
 * acted on by no clause, names the act of keeping it (log work parties, register rolling stock).
 */
function actsNamedByRecordKept(sentence: Sentence, resolve: Resolver): { verb: string; object: NounPhrase; entity: ModelEntity }[] {
  const found: { verb: string; object: NounPhrase; entity: ModelEntity }[] = [];
  const { tokens } = sentence.tagged;
  const actedOn = new Set(sentence.clauses.flatMap((clause) => [clause.subject, ...clause.objects, ...clause.preps.map((p) => p.phrase)]).map((phrase) => phrase?.start));
  for (const phrase of sentence.phrases) {
    const modifier = tokens[phrase.headIndex - 1];
    // The heading of a list item: first in it, and no verb said of it ("Care notes are important" says something).
    const heading = (phrase.start === 0 || isBullet(tokens[phrase.start - 1])) && !/^(?:VERB|AUX)$/.test(tokens[phrase.end]?.pos ?? '');
    if (!heading || phrase.nouns.length === 0 || modifier?.pos !== 'NOUN' || actedOn.has(phrase.start) || inBrackets(sentence, phrase.start)) continue;
    const verb = lemmaOf(phrase);
    if (!isRecordKeepingWord(verb)) continue;
    const words = phrase.text.split(' ');
    const object: NounPhrase = { ...phrase, end: phrase.headIndex, headIndex: phrase.headIndex - 1, head: modifier, text: words.slice(0, -1).join(' '), nouns: phrase.nouns.slice(0, -1), plural: false };
    if (isPersonWord(lemmaOf(object), true) || resolve.actorOf(object)) continue;
    const entity = resolve.entityOf(object) ?? (isRecordPhrase(object, true) ? unkept(termOf(object)) : undefined);
    if (entity) found.push({ verb, object, entity });
  }
  return found;
}

/** A clause standing for an act named by a noun, with nothing but its verb. */
function emptyClause(verb: string): Clause {
  return { verb, verbIndex: 0, objects: [], preps: [], passive: false, negated: false };
}

/**
 * "so we stop turning people away", "keep chasing invoices": a verb that takes an -ing form, followed by one, says when
 * the act starts, goes on or ends; the act after it is what is done.
 */
function isAspectOfAct(sentence: Sentence, clause: Clause): boolean {
  const next = sentence.tagged.tokens[clause.verbIndex + 1];
  return clause.objects.length === 0 && next?.pos === 'VERB' && next.normal.endsWith('ing') && takesGerund(clause.verb);
}

/** "upload docs instead of emailing photos": the act after "instead of" or "rather than" is the one the product ends. */
function isReplacedAct(sentence: Sentence, clause: Clause): boolean {
  const before = sentence.tagged.tokens.slice(Math.max(0, clause.verbIndex - 2), clause.verbIndex).map((token) => token.normal).join(' ');
  return before === 'instead of' || before === 'rather than';
}

/** "need approval from the manager": the act a record waits for, as the verb it names ("approval" → "approve"). */
function awaitedAct(clause: Clause, sentence: Sentence): { verb: string; by?: NounPhrase } | undefined {
  if (!/^(?:need|require|await|get)$/.test(clause.verb) || !clause.object || !clause.subject || clause.passive) return undefined;
  // "needs a director's approval": the act follows its doer's possessive.
  const { object } = clause;
  const possessive = /^['’]s$/.test(sentence.tagged.tokens[object.end]?.normal ?? '');
  const act = possessive ? sentence.phrases.find((phrase) => phrase.start === object.end + 1) : object;
  const verb = act ? verbOfAct(lemmaOf(act)) : undefined;
  if (!verb) return undefined;
  const by = possessive ? object : clause.preps.find((p) => p.prep === 'from' || p.prep === 'by')?.phrase;
  return { verb, ...(by ? { by } : {}) };
}

/** A phrase standing for a word alone: the act noun made a record ("booking"). */
function phraseFor(word: string, like: NounPhrase): NounPhrase {
  const head = { ...like.head, text: word, normal: word, lemma: word, pos: 'NOUN' as const };
  return { ...like, text: word, head, nouns: [], adjectives: [], plural: false, determiner: 'a' };
}

/** The record an action is about when the model does not keep it: named, with nothing known of it but where it was read. */
export function unkept(name: string, sources: ModelEntity['sources'] = []): ModelEntity {
  return { id: '', name, description: '', attributes: [], states: [], sources };
}

/**
 * "After each visit I want to log what was done", "after each session the volunteer logs which book they read": what
 * is recorded after each occasion, told by a question, is the occasion.
 */
function occasionRecorded(clause: Clause, sentence: Sentence, resolve: Resolver): NounPhrase | undefined {
  const { tokens } = sentence.tagged;
  if (tokens[0]?.normal !== 'after' || !/^(?:each|every)$/.test(tokens[1]?.normal ?? '') || clause.passive || !isKindOf(clause.verb, 'record', 'verb', 3)) return undefined;
  const asks = /^(?:what|which|how|who|whether)$/.test(tokens[clause.verbIndex + (clause.particle ? 2 : 1)]?.normal ?? '');
  const occasion = sentence.phrases.find((phrase) => phrase.start === 1);
  return asks && occasion && (resolve.entityOf(occasion) !== undefined || isRecordPhrase(occasion, true)) ? occasion : undefined;
}

/**
 * "work out the handicap", "fill in a form": a light verb with its particle is a verb of its own, unless the verb moves
 * or stays ("come back", "keep in"); "in" only before something written ("work in a workshop" says where).
 */
function isPhrasalVerb(clause: Clause): boolean {
  if (clause.particle === undefined || clause.objects.length === 0 || !knows(`${clause.verb} ${clause.particle}`, 'verb')) return false;
  if (!(OBJECT_PARTICLES.has(clause.particle) || clause.particle === 'in') || /^verb\.(?:motion|stative)$/.test(semanticClasses(clause.verb, 'verb', 1)[0] ?? '')) return false;
  return clause.particle !== 'in' || clause.objects.every((object) => semanticClasses(lemmaOf(object), 'noun', 3).includes('noun.communication'));
}

/** "monthly matches where anglers book in": what a booking in a "where" clause is made for is what the clause hangs from. */
function bookedWhere(clause: Clause, sentence: Sentence, resolve: Resolver): { phrase: NounPhrase; entity: ModelEntity } | undefined {
  if (clause.objects.length > 0 || clause.passive || !(reserves(clause.verb) || joins(clause))) return undefined;
  const { tokens } = sentence.tagged;
  const start = clause.subject?.start ?? clause.verbIndex - 1;
  if (tokens[start - 1]?.normal !== 'where') return undefined;
  const booked = sentence.phrases.find((phrase) => phrase.end === start - 1);
  const entity = booked ? resolve.entityOf(booked) : undefined;
  return booked && entity ? { phrase: booked, entity } : undefined;
}

function implicitObject(clause: Clause, sentence: Sentence, resolve: Resolver, earlier: Sentence[], business: Set<string>): { phrase: NounPhrase; entity: ModelEntity } | undefined {
  const where = bookedWhere(clause, sentence, resolve);
  if (where) return where;
  const act = earlierTransaction(sentence, clause);
  const like = clause.subject ?? sentence.phrases[0];
  if (act && like) {
    const phrase = phraseFor(act, like);
    return { phrase, entity: resolve.entityOf(phrase) ?? unkept(act) };
  }
  // "Tours need at least 4 guests or we cancel", "the van arrives and we unload": what the writer's people or another
  // person do without an object they do to the thing an earlier statement of the sentence is about.
  const byPeople = clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i' || (clause.subject !== undefined && resolve.actorOf(clause.subject)?.kind === 'person');
  // "Pitch fee is £28 a day, regulars pay monthly": a statement with "be" alone has no clause; its opening phrase is
  // what it is about.
  const { tokens } = sentence.tagged;
  const opening = sentence.phrases[0];
  const copula = opening !== undefined && tokens[opening.end]?.pos === 'AUX' && tokens[opening.end]?.lemma === 'be' && !/^(?:VERB|AUX)$/.test(tokens[opening.end + 1]?.pos ?? '');
  const stated = opening && copula && opening.start === 0 && opening.end < clause.verbIndex ? [opening] : [];
  const about = byPeople ? [...sentence.clauses.filter((other) => other.verbIndex < clause.verbIndex && !other.passive && (LIGHT_VERBS.has(other.verb) || UNDERGOING_STATEMENTS.has(other.verb)))
    .map((other) => other.subject), ...stated].find((phrase) => phrase !== undefined && semanticClasses(lemmaOf(phrase), 'noun', 1)[0] !== 'noun.group' && resolve.actorOf(phrase) === undefined && !business.has(termOf(phrase))) : undefined;
  // What such a statement names is a record though the model keeps none of it yet ("Locker rent is £5").
  const aboutEntity = about ? resolve.entityOf(about) ?? (stated.includes(about) && isRecordPhrase(about, true) ? unkept(termOf(about)) : undefined) : undefined;
  if (about && aboutEntity) return { phrase: about, entity: aboutEntity };
  const timed = clause.preps.find((p) => p.prep === 'before' || p.prep === 'after');
  const entity = timed ? resolve.entityOf(timed.phrase) : undefined;
  if (timed && entity) return { phrase: timed.phrase, entity };
  // Undoing a booking comes first: "Can owners cancel?" cancels what was reserved, not what was last fed.
  return lastBooked(clause, sentence, resolve, earlier) ?? lastRecordActedOn(clause, sentence, resolve, earlier.at(-1), business);
}

/**
 * "Clients book appointments online … Cancel less than 24 hours before = £10 fee": a verb left with only a time limit
 * ("before") acts on what was last booked, reserved or ordered, in any earlier sentence.
 */
function lastBooked(clause: Clause, sentence: Sentence, resolve: Resolver, earlier: Sentence[]): { phrase: NounPhrase; entity: ModelEntity } | undefined {
  const after = sentence.tagged.tokens.slice(clause.verbIndex + 1);
  // "cancel less than 24 hours before", or the verb alone ends its sentence ("Can customers cancel?"); "cancel with
  // less than 48 hours' notice" (only amounts of time after it).
  const timesOnly = clause.preps.length > 0 && clause.preps.every(({ phrase }) => isMeasure(phrase) || isKindOf(lemmaOf(phrase), 'time_period', 'noun', 1));
  const limited = after.some((token) => token.normal === 'before') || after.every((token) => token.pos === 'PUNCT') || timesOnly;
  // Undoing or moving a booking is social ("cancel", "rebook"); cutting, sending or lasting is not.
  const undoes = semanticClasses(clause.verb, 'verb', 1)[0] === 'verb.social';
  if (!limited || !undoes || clause.passive || !clause.objects.every(isMeasure)) return undefined;
  const clauses = [...earlier.flatMap((other) => other.clauses), ...sentence.clauses.filter((other) => other.verbIndex < clause.verbIndex)].reverse();
  const undone: { phrase: NounPhrase; entity: ModelEntity; timeBooked: boolean }[] = [];
  for (const other of clauses) {
    // Getting or having something books nothing ("drivers get their route list").
    if (other.passive || LIGHT_VERBS.has(other.verb) || !isTransactionVerb(other.verb)) continue;
    // "book days": the booking of a time.
    const time = other.objects.find((phrase) => bookedTimeAct(phrase, other.verb) !== undefined);
    const timeBooking = time ? resolve.entityOf(phraseFor(bookedTimeAct(time, other.verb) as string, time)) : undefined;
    if (time && timeBooking) undone.push({ phrase: phraseFor(timeBooking.name.toLowerCase(), time), entity: timeBooking, timeBooked: true });
    const object = other.objects.find((phrase) => !isMeasure(phrase) && resolve.entityOf(phrase) !== undefined);
    const entity = object ? resolve.entityOf(object) : undefined;
    if (!object || !entity) continue;
    // What is undone is the booking the model keeps ("reserve kennels … cancel" cancels a reservation), else the thing.
    const act = transactionActOf(other.verb, lemmaOf(object));
    const booking = act ? resolve.entityOf(phraseFor(act, object)) : undefined;
    undone.push(booking ? { phrase: phraseFor(act as string, object), entity: booking, timeBooked: false } : { phrase: object, entity, timeBooked: false });
  }
  // A time booked comes before anything bought since ("book days … or buy a pack … Can owners cancel?").
  const found = undone.find((candidate) => candidate.timeBooked) ?? undone[0];
  return found ? { phrase: found.phrase, entity: found.entity } : undefined;
}

/**
 * "- customer requests a booking / - secretary approves or refuses", "make an offer; the seller accepts or declines": a
 * verb left with nothing after it acts on the last record acted on before it, in its sentence or the one before; so
 * does one such verb alone at the end of its sentence ("Manager approves.").
 */
function lastRecordActedOn(clause: Clause, sentence: Sentence, resolve: Resolver, before: Sentence | undefined, business: Set<string>): { phrase: NounPhrase; entity: ModelEntity } | undefined {
  if (clause.particle || clause.preps.some((p) => p.prep !== 'with') || clause.passive) return undefined;
  // Only a verb that decides on or hands over something (approve, refuse, accept, decline), in a row of such verbs
  // with nothing after them: "approves or refuses.", "accepts, counters or declines", never "instead of calling".
  const { tokens } = sentence.tagged;
  const deciding = semanticClasses(clause.verb, 'verb', 2).some((name) => /^verb\.(?:communication|social|possession)$/.test(name));
  const [previous, written, next] = [tokens[clause.verbIndex - 1], tokens[clause.verbIndex], tokens[clause.verbIndex + 1]];
  const joins = (token: TaggedToken | undefined): boolean => token !== undefined && (token.pos === 'CCONJ' || token.text === ',');
  const inRow = (joins(previous) || joins(next)) && (next === undefined || /^(?:PUNCT|CCONJ|ADV|ADP)$/.test(next.pos));
  // "Manager approves.", "they accept or not": one such verb alone at the end of its sentence.
  const after = tokens.slice(clause.verbIndex + 1).filter((token) => token.pos !== 'PUNCT').map((token) => token.normal).join(' ');
  // Said in the present of its doer, not an infinitive ("gets the manager to sign") or a participle ("each payment logged").
  const present = written !== undefined && previous?.normal !== 'to' && (written.normal === clause.verb || written.normal === thirdPerson(clause.verb));
  const alone = present && (after === '' || after === 'or not');
  // Someone decides: a person or a pronoun for one, never a thing ("a leaking tap").
  const bySomeone = clause.subject ? isPersonWord(lemmaOf(clause.subject), true) || resolve.actorOf(clause.subject)?.kind === 'person' : clause.subjectPronoun !== undefined && clause.subjectPronoun !== 'it';
  if (!deciding || !(inRow || alone) || !bySomeone || written?.normal.endsWith('ing')) return undefined;
  const objectsOf = (clauses: Clause[], of: Sentence): NounPhrase[] => clauses.flatMap((other) => other.objects).filter((object) => !of.examples.has(object.start));
  const earlier = [...(before ? objectsOf(before.clauses, before) : []), ...objectsOf(sentence.clauses.filter((other) => other.verbIndex < clause.verbIndex), sentence)];
  // The last thing acted on, whether or not the model keeps it yet ("make an offer; the seller accepts"), never an
  // example of it ("submits a request: destination, dates"); people are who it is sent to, not what is decided ("send
  // a loss adjuster …, then approve or reject").
  const last = earlier.reverse().find((object) => !isPersonWord(lemmaOf(object), true) && resolve.actorOf(object) === undefined && !business.has(termOf(object)));
  if (!last) return undefined;
  const entity = resolve.entityOf(last) ?? (isRecordPhrase(last, true) ? unkept(termOf(last)) : undefined);
  return entity ? { phrase: last, entity } : undefined;
}

/** "picks a date", "choose a day": a moment someone chooses, written with an article, is what they act on. */
function isChosenTime(phrase: NounPhrase, verb: string): boolean {
  return isKindOf(verb, 'choose', 'verb', 2) && /^(?:a|an|the|their|his|her|your)$/.test(phrase.determiner ?? '') && phrase.number === undefined && semanticClasses(lemmaOf(phrase), 'noun', 1)[0] === 'noun.time';
}

/** "logs their actual hours", "record the minutes worked": time written down is a record of the time worked. */
function isLoggedTime(phrase: NounPhrase, verb: string): boolean {
  return (verb === 'record' || isKindOf(verb, 'record', 'verb', 2)) && phrase.plural && isKindOf(lemmaOf(phrase), 'time_unit', 'noun', 1);
}

/**
 * "rehearse Tuesday evenings", "deliver every morning": a period of time written without an article, or with "every",
 * "each", "this", "next" or "last", says when, not what ("choose their shifts", "log hours" are what).
 */
function isWhen(phrase: NounPhrase): boolean {
  return (phrase.determiner === undefined || /^(?:every|each|this|next|last)$/.test(phrase.determiner)) && isKindOf(lemmaOf(phrase), 'time_period', 'noun', 1);
}

/** Verbs a record does rather than undergoes: "a loan lasts", "fees cost", "orders come in". */
const UNDERGOING_STATEMENTS = new Set(['last', 'cost', 'run', 'start', 'end', 'come', 'go', 'arrive', 'happen', 'wait', 'stay', 'fall', 'rise', 'grow', 'drop', 'move', 'expire', 'belong', 'depend', 'appear', 'show', 'trigger', 'count', 'matter', 'fit', 'sit', 'stand', 'live', 'travel', 'leave', 'return']);

/**
 * Whether a record is what a verb changes ("permits renew", "the list updates"), not what does it: a verb of change,
 * creation or contact (open, close), never of competing or meeting ("the book wins", "clubs meet"), and a record that
 * is not a group of people.
 */
function undergoes(verb: string, subject: NounPhrase): boolean {
  const kind = semanticClasses(verb, 'verb', 1)[0] ?? '';
  return /^verb\.(?:change|creation|contact)$/.test(kind) && semanticClasses(lemmaOf(subject), 'noun', 1)[0] !== 'noun.group';
}

/** "turn faults into work orders", "convert hours into an invoice": the phrase after "into". */
function madeInto(clause: Clause): NounPhrase | undefined {
  if (!/^(?:turn|convert|transform|make)$/.test(clause.verb) || clause.objects.length === 0 || clause.passive) return undefined;
  return clause.preps.find((p) => p.prep === 'into')?.phrase;
}

/** Properties people set or change: WordNet's attributes and states ("availability", "condition", "status"). */
function isPropertyWord(lemma: string): boolean {
  const first = semanticClasses(lemma, 'noun', 1)[0];
  return first === 'noun.attribute' || first === 'noun.state';
}

/** "make photos of the damage", "make an offer": a record phrase right after "make", not a pronoun or "sure". */
function makesRecord(clause: Clause, sentence: Sentence): boolean {
  const object = clause.objects[0];
  const next = sentence.tagged.tokens[clause.verbIndex + 1];
  return object !== undefined && !clause.passive && next !== undefined && next.pos !== 'PRON' && object.start <= clause.verbIndex + 2 && !isProductWord(lemmaOf(object)) && isRecordPhrase(object, true);
}

/**
 * "Who schedules inspections?" answered "The office scheduler": the question's action done by the person the answer
 * names, as a sentence of its own (the question's words, quoted from the answer).
 */
function askedWho(sentences: Sentence[], resolve: Resolver): Sentence[] {
  const asked: Sentence[] = [];
  const seen = new Set<string>();
  for (const answer of sentences) {
    const question = answer.question;
    if (question === undefined || seen.has(question) || !/^\s*who\b/.test(question)) continue;
    const doer = answer.phrases.find((phrase) => resolve.actorOf(phrase) !== undefined);
    if (!doer) continue;
    seen.add(question);
    for (const tagged of parseText(question)) {
      const clauses = clausesOf(tagged).filter((clause) => !clause.subject && !clause.subjectPronoun && !clause.passive).map((clause) => ({ ...clause, subject: doer }));
      if (clauses.length > 0) asked.push({ ...answer, text: tagged.text, tagged, phrases: nounPhrases(tagged.tokens), clauses, bracketed: [], examples: new Set(), exampled: new Set() });
    }
  }
  return asked;
}

const COUNTING_DETERMINERS = new Set(['a', 'an', 'each', 'every', 'another', 'one', 'many', 'several', 'few']);
/** Classes whose nouns are often uncountable (money, feedback, damage, insurance); things, places and acts are not. */
const MASS_CLASSES = new Set(['noun.possession', 'noun.communication', 'noun.substance', 'noun.food', 'noun.attribute', 'noun.state', 'noun.cognition', 'noun.quantity', 'noun.time', 'noun.feeling', 'noun.phenomenon', 'noun.process']);

/** Classes whose nouns, written only with "the", are one sum or one property: money, the condition, the weight. */
const DEFINITE_CLASSES = new Set(['noun.possession', 'noun.attribute', 'noun.state', 'noun.quantity', 'noun.substance', 'noun.phenomenon', 'noun.process', 'noun.feeling']);

/**
 * The article a noun takes in a composed name, read from how the writer uses it: "money", "feedback", "insurance" are
 * only ever written bare and singular, so they take none ("Leave feedback", not "Leave a feedback"); a noun written
 * in the plural, counted or with "a" takes "a"/"an"; one only ever written with "the" keeps "the". Terse notes drop
 * articles everywhere ("customers book appointment"), so bareness counts only for nouns of the classes that are often
 * uncountable; a thing, a place or an act keeps its article.
 */
function articlesOf(sentences: Sentence[]): (thing: string) => string {
  const counted = new Set<string>();
  const bare = new Set<string>();
  const unmarkedPlural = new Set<string>();
  const definite = new Set<string>();
  for (const sentence of sentences) {
    for (const [at, phrase] of sentence.phrases.entries()) {
      const head = lemmaOf(phrase);
      // "a text or letter": a bare noun coordinated with a counted one shares its article.
      const before = sentence.phrases[at - 1];
      const shared = phrase.determiner === undefined && before?.end === phrase.start - 1 && sentence.tagged.tokens[before.end]?.pos === 'CCONJ' && COUNTING_DETERMINERS.has(before.determiner ?? '');
      // "three other staff", "40 sheep": a noun counted but written in the singular is its own plural; it takes none.
      // Never a sum ("a £50 deposit") or an age ("under 5 child").
      const counts = phrase.number !== undefined && phrase.determiner === undefined && !/^(?:1|one)$/i.test(phrase.number) && !/[£$€]/.test(sentence.tagged.tokens[phrase.start - 1]?.text ?? '')
        && !/^(?:under|over|aged)$/.test(sentence.tagged.tokens[phrase.start - 1]?.normal ?? '');
      if (counts && phrase.head.normal === phrase.head.lemma && !sentence.tagged.tokens.slice(phrase.start, phrase.headIndex).some((token) => token.text === '%')) unmarkedPlural.add(head);
      if (phrase.plural || phrase.number !== undefined || COUNTING_DETERMINERS.has(phrase.determiner ?? '') || shared) counted.add(head);
      else if (phrase.determiner === undefined && phrase.head.pos === 'NOUN') bare.add(head);
      if (phrase.determiner === 'the') definite.add(head);
    }
  }
  return (thing) => {
    const head = thing.split(' ').pop() ?? thing;
    // "Log hours": a name in the plural takes none.
    if ((singularize(head) !== head && counted.has(singularize(head))) || unmarkedPlural.has(head)) return '';
    const first = semanticClasses(head, 'noun', 1)[0] ?? '';
    // "we approve the RAMS": a word WordNet lacks, never counted, written with "the", keeps it.
    if (first === '' && !counted.has(head) && definite.has(head)) return 'the';
    if (counted.has(head) || !MASS_CLASSES.has(first)) return indefiniteArticle(thing);
    if (bare.has(head)) return '';
    // "we keep the money", "note their condition": a sum or a property only ever written with "the" or a possessive
    // keeps "the" ("Keep the money"); a document so written is still one of many ("Email a report").
    return DEFINITE_CLASSES.has(first) ? 'the' : indefiniteArticle(thing);
  };
}

/** Verbs that say what their object is declared to be: "mark orders collected", "flag a claim as suspicious". */
const DECLARING_VERBS = new Set(['mark', 'flag', 'tag', 'label', 'declare', 'set']);

/**
 * What a declaring verb makes its object, written after it ("mark orders collected", "mark the boat as out", "marks it
 * done"): "as collected", "as out", "as done"; undefined for any other verb or when nothing follows.
 */
function complementOf(clause: Clause, object: NounPhrase, sentence: Sentence): string | undefined {
  if (!DECLARING_VERBS.has(clause.verb) || clause.passive) return undefined;
  const { tokens } = sentence.tagged;
  const at = tokens[object.end]?.normal === 'as' ? object.end + 1 : object.end;
  const word = tokens[at];
  const after = tokens[at + 1];
  const describes = word !== undefined && (word.pos === 'ADJ' || word.pos === 'ADV' || (word.pos === 'VERB' && /(?:ed|en|ne)$/.test(word.normal) && word.normal !== word.lemma) || (at > object.end && word.pos === 'ADP'));
  if (!describes || (after !== undefined && !/^(?:PUNCT|CCONJ|ADP|SCONJ)$/.test(after.pos))) return undefined;
  return `as ${word.normal}`;
}

/** Verbs by which the product puts something in front of its user. */
const DISPLAY_VERBS = new Set(['show', 'display']);


type Action = { actor: ModelActor; verb: string; particle: string; object: NounPhrase; entity: ModelEntity; clause: Clause; preposition: string; where?: string };

/** What is sent: a message ("a reminder", "a summary"), a document ("a report", "an invoice"), an email; never an account. */
function isSent(lemma: string): boolean {
  return isDocumentWord(lemma) || isKindOf(lemma, 'message', 'noun', 1) || isTextMessage(lemma);
}

/**
 * A message that says nothing of its own ("a message", "a text", "a notification"): no verb but "notify" is made from
 * it, where "a reminder" reminds and "an invoice" invoices. An SMS names how it is sent.
 */
function isBareMessage(lemma: string): boolean {
  const verbs = derivedForms(lemma, 'noun', 'verb', 4);
  // "notification" is first an act in WordNet, the act of notifying.
  if (semanticClasses(lemma, 'noun', 1)[0] !== 'noun.communication' && !verbs.includes('notify')) return false;
  return verbs.every((verb) => verb === 'notify');
}

/** "an SMS": the text message WordNet has no word for. */
function isTextMessage(lemma: string): boolean {
  return lemma === 'sms';
}

/**
 * "approve any payout", "issue e-vouchers", "approve the RAMS": a common noun WordNet does not know, or a word in
 * capitals, the writer's own word for a record.
 */
function isOwnTerm(phrase: NounPhrase): boolean {
  return (phrase.head.pos === 'NOUN' && /^[a-z][a-z-]{3,}$/.test(phrase.head.text) && !knows(lemmaOf(phrase), 'noun') && !knows(phrase.head.normal, 'noun')) || isAcronym(phrase);
}

/** "the RAMS", "an MOT": a word in capitals is the writer's trade's name for a thing. */
function isAcronym(phrase: NounPhrase): boolean {
  return /^[A-Z]{2,}$/.test(phrase.head.text) && phrase.nouns.length === 0;
}

/**
 * "the customer gets an SMS when it is ready", "parents receive a message", "if people got a reminder", "teachers want
 * a termly report": a message or document a person gets or wants, which someone sends them.
 */
function receivedMessages(clause: Clause, sentence: Sentence, resolve: Resolver): { phrase: NounPhrase; entity: ModelEntity }[] {
  if (!/^(?:get|receive|want)$/.test(clause.verb) || clause.passive) return [];
  const bySomeone = clause.subject ? resolve.actorOf(clause.subject)?.kind === 'person' || namesPeopleInGeneral(clause.subject, sentence) : /^(?:they|he|she)$/.test(clause.subjectPronoun ?? '');
  if (!bySomeone) return [];
  const found: { phrase: NounPhrase; entity: ModelEntity }[] = [];
  for (const object of clause.objects) {
    // "members who get three reports" are counted, not sent anything.
    if (object.number !== undefined || (object.head.pos !== 'NOUN' && !isTextMessage(lemmaOf(object)))) continue;
    if (!isSent(lemmaOf(object)) && !isBareMessage(lemmaOf(object))) continue;
    const entity = resolve.entityOf(object) ?? (isRecordPhrase(object, true) || isTextMessage(lemmaOf(object)) ? unkept(object.head.pos === 'PROPN' ? object.text : termOf(object)) : undefined);
    if (entity) found.push({ phrase: object, entity });
  }
  return found;
}

/** The people a clause bills ("we invoice clients", "customers are invoiced"): its verb is also a document's noun. */
function billedPeople(clause: Clause): NounPhrase | undefined {
  const billed = clause.objects[0];
  if (!billed || clause.objects.length > 1 || !isPersonWord(lemmaOf(billed), true)) return undefined;
  return billsWithDocument(clause.verb) ? billed : undefined;
}

/** "work out who I owe", "see what they sold": a clause opened by "who" or "what" acts on what it asks about. */
function asksAbout(clause: Clause, sentence: Sentence): boolean {
  const { tokens } = sentence.tagged;
  let before = clause.verbIndex - 1;
  while (before >= 0 && /^(?:AUX|ADV|PART)$/.test(tokens[before]?.pos ?? '')) before -= 1;
  if (clause.subjectPronoun !== undefined && tokens[before]?.pos === 'PRON') before -= 1;
  return /^(?:who|whom|what)$/.test(tokens[before]?.normal ?? '');
}

/** Verbs of wanting something the product should do: "want a reminder", "would love a calendar". */
const WISH_VERBS = new Set(['want', 'need', 'like', 'love', 'wish', 'prefer']);

/**
 * A message someone is told something by: an email or a text, or a communication named for informing or telling
 * someone ("a warning" from "warn", "a statement" from "state", "a reminder").
 */
function isMessageToPerson(lemma: string): boolean {
  if (isKindOf(lemma, 'electronic_communication', 'noun', 1) || isTextMessage(lemma)) return true;
  // A list or a title is written, not told to anyone: it names no verb of telling.
  if (semanticClasses(lemma, 'noun', 1)[0] !== 'noun.communication') return false;
  return derivedForms(lemma, 'noun', 'verb', 4).some((verb) => isKindOf(verb, 'inform', 'verb', 2) || isKindOf(verb, 'tell', 'verb', 2));
}

/**
 * "would love … an auto reminder for the balance", "want: … monthly statement to each customer", "I need expiry dates
 * tracked and a warning 30 days before": a message the writer wishes for, which no clause does anything with, is one
 * the writer's people send.
 */
function wishedMessages(sentence: Sentence, resolve: Resolver): { phrase: NounPhrase; entity: ModelEntity }[] {
  // Only the writer wishes: "shipments need a permit" says what a record needs.
  const wish = sentence.clauses.find((clause) => WISH_VERBS.has(clause.verb) && !clause.negated && !clause.passive && clause.subject === undefined
    && (clause.subjectPronoun === undefined || /^(?:we|i)$/.test(clause.subjectPronoun)));
  if (!wish) return [];
  // What another clause names is part of what that clause says ("report an issue with a description").
  const actedOn = new Set(sentence.clauses.filter((clause) => clause !== wish)
    .flatMap((clause) => [clause.subject?.start, ...clause.objects.map((o) => o.start), ...clause.preps.map((p) => p.phrase.start)]));
  const found: { phrase: NounPhrase; entity: ModelEntity }[] = [];
  for (const phrase of sentence.phrases) {
    if (phrase.start <= wish.verbIndex || actedOn.has(phrase.start) || sentence.examples.has(phrase.start) || inBrackets(sentence, phrase.start)) continue;
    // "need to keep their vet details and any behaviour notes": what follows an active verb in the same list item is
    // that verb's ("I need dates tracked and a warning" is still wished for).
    let itemStart = phrase.start - 1;
    while (itemStart > wish.verbIndex && !/^[,:;]$/.test(sentence.tagged.tokens[itemStart]?.normal ?? '')) itemStart -= 1;
    if (sentence.clauses.some((clause) => clause !== wish && !clause.passive && clause.verbIndex > itemStart && clause.verbIndex < phrase.start)) continue;
    // "a photo of the signed note": a phrase after "of" belongs to the one before it.
    // "no quote" is what is not wanted.
    if (phrase.head.pos !== 'NOUN' || phrase.number !== undefined || phrase.determiner === 'no' || sentence.tagged.tokens[phrase.start - 1]?.normal === 'of') continue;
    // A document is sent when it goes to someone ("an invoice to each client"); else it is kept ("a rent ledger").
    const toSomeone = sentence.tagged.tokens[phrase.end]?.normal === 'to' && resolve.actorOf(sentence.phrases.find((other) => other.start === phrase.end + 1)) !== undefined;
    if (!isMessageToPerson(lemmaOf(phrase)) && !(toSomeone && isDocumentWord(lemmaOf(phrase)))) continue;
    const entity = resolve.entityOf(phrase) ?? unkept(termOf(phrase));
    found.push({ phrase, entity });
  }
  return found;
}

/** "folks", "people", "the public"; never people a phrase narrows down ("the people on the swarm list"). */
function namesPeopleInGeneral(phrase: NounPhrase, sentence: Sentence): boolean {
  if (isThePublic(phrase)) return true;
  return isGenericPeople(lemmaOf(phrase)) && phrase.determiner === undefined && sentence.tagged.tokens[phrase.end]?.pos !== 'ADP';
}

/**
 * Whom "people" and "anyone" stand for: the members of the public the text names, else the first of its people who
 * are the business's customers (WordNet's kinds of customer: client, patron, guest).
 */
function servedActor(people: ModelActor[], writer: ModelActor | undefined): ModelActor | undefined {
  const others = people.filter((actor) => actor !== writer);
  // Customers, and visitors and guests, whom a business serves as it serves customers.
  const serves = (actor: ModelActor) => ['customer', 'visitor'].some((kind) => isKindOf(singularize(actor.name.toLowerCase().split(' ').pop() ?? ''), kind, 'noun', 3));
  return others.find((actor) => actor.name.toLowerCase() === MEMBER_OF_THE_PUBLIC) ?? others.find(serves);
}

/**
 * The subject a verb without one of its own shares: the last subject before it in the sentence, or that of a copula,
 * which makes no clause of its own ("the fee is £30 a night, covers breakfast").
 */
function subjectBefore(clause: Clause, sentence: Sentence): NounPhrase | undefined {
  const said = sentence.clauses.filter((other) => other.verbIndex < clause.verbIndex && other.subject !== undefined).pop()?.subject;
  return said ?? sentence.phrases.find((phrase) => phrase.end < clause.verbIndex && sentence.tagged.tokens[phrase.end]?.lemma === 'be');
}

/**
 * "Need to export the lot for the EHO", "would like to log each item": a wish that names no one who wishes is the
 * writer's, and so is what they wish to do.
 */
function wishedByWriter(clause: Clause, sentence: Sentence): boolean {
  const { tokens } = sentence.tagged;
  const wished = (verb: Clause): boolean => {
    // "Need to: set the budget, …": a colon may open the list of what is wished.
    const to = tokens[verb.verbIndex - 1]?.normal === ':' ? verb.verbIndex - 2 : verb.verbIndex - 1;
    const wish = tokens[to]?.normal === 'to' ? sentence.clauses.find((other) => other.verbIndex === to - 1 && WISH_VERBS.has(other.verb)) : undefined;
    return wish !== undefined && !wish.subject && !wish.subjectPronoun;
  };
  // "… to log each item, give an estimate, order parts": the verbs listed after the wished one are wished too, up to
  // a clause with a subject of its own.
  // An aside in brackets between them says something else ("chase arrears (then it goes to our solicitor), and log …").
  const before = sentence.clauses.filter((other) => other.verbIndex < clause.verbIndex && !inBrackets(sentence, other.verbIndex));
  for (const verb of [clause, ...before.reverse()]) {
    if (verb.subject || verb.subjectPronoun || verb.passive) return false;
    if (wished(verb)) return true;
  }
  return false;
}

/** The actor whose role WordNet derives from the verb as its doer: pick → picker, inspect → inspector. */
function doerAmong(verb: string, people: ModelActor[]): ModelActor | undefined {
  const doers = new Set(doersOf(verb.split('-').pop() ?? verb));
  return people.find((actor) => doers.has(singularize(actor.name.toLowerCase().split(' ').pop() ?? '')));
}

/**
 * "sell knitting and crochet patterns": a bare singular word joined by "and" or "or" to a compound whose head is a
 * plural describes that head too (knitting patterns), so it is no object of its own.
 */
function sharesHead(object: NounPhrase, objects: NounPhrase[], sentence: Sentence): boolean {
  const next = objects.find((other) => other.start > object.end);
  const joint = sentence.tagged.tokens[object.end]?.normal;
  return next !== undefined && next.start === object.end + 1 && /^(?:and|or)$/.test(joint ?? '') && object.nouns.length === 0 && !object.plural
    && object.determiner === undefined && next.nouns.length > 0 && next.plural;
}

export function findUseCases(sentences: Sentence[], actors: ModelActor[], rules: ModelRule[], resolve: Resolver, ids: IdPool, business: Set<string>, writer?: ModelActor): ModelUseCase[] {
  const useCases: ModelUseCase[] = [];
  const seen = new Set<string>();
  const people = actors.filter((actor) => actor.kind === 'person');
  const systems = actors.filter((actor) => actor.kind === 'system');
  const served = servedActor(people, writer);
  const articleFor = articlesOf(sentences);
  // Whether the text says anywhere what is booked ("book a table"): a bare "book" then makes no booking of its own.
  const bookedElsewhere = sentences.some((sentence) => sentence.clauses.some((c) => reserves(c.verb) && !c.passive && c.objects.length > 0));
  const add = (action: Action, sentence: Sentence): void => {
    const { actor, verb, particle, object, entity, clause, preposition } = action;
    const key = `${verb}${particle}|${entity.id || entity.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const thing = nameOf(object, entity);
    // "The member wants to …", "Staff want to …", "HR wants to …".
    const who = roleSubject(/[A-Z]{2,}/.test(actor.name) ? actor.name : actor.name.toLowerCase());
    const where = action.where ? ` ${action.where}` : '';
    const name = `${capitalize(verb)}${particle}${preposition} ${articleFor(thing)} ${thing}${where}`.replace(/\s+/g, ' ');
    useCases.push({
      id: ids.take(`${verb}${particle} ${termOf(object)}`),
      name,
      actor: actor.id,
      action: verb,
      ...(entity.id ? { entity: entity.id } : {}),
      trigger: capitalize(`${who.text} ${who.number === 'plural' ? 'want' : 'wants'} to ${verb}${particle}${preposition} ${articleFor(thing)} ${thing}${where}.`.replace(/\s+/g, ' ')),
      outcome: outcomeOf(verb, `${particle}${preposition}`.replace(/\s+$/, ''), thing, entity),
      steps: stepsFor(actor, verb, `${particle}${preposition}`.replace(/\s+$/, ''), entity, systems, sentence, rules),
      priority: priorityOf(clause, sentence),
      sources: [sentence.source],
    });
  };
  for (const [index, sentence] of [...sentences, ...askedWho(sentences, resolve)].entries()) {
    for (const clause of sentence.clauses) {
      // An aside in brackets is an example ("(breathing apparatus, truck driver)") unless someone does something in it
      // ("(reception enters the phone bookings)").
      const bracketed = inBrackets(sentence, clause.verbIndex);
      const saidInside = clause.subject !== undefined && !clause.passive && inBrackets(sentence, clause.subject.start) && resolve.actorOf(clause.subject) !== undefined;
      // An idiom ("make sense", "lose track of") says how things are, not what anyone does with the product.
      if (clause.negated || (bracketed && !saidInside) || clause.verb.includes(' ') || isReplacedAct(sentence, clause) || isAspectOfAct(sentence, clause)) continue;
      const awaited = awaitedAct(clause, sentence);
      if (awaited && clause.subject) {
        const entity = resolve.entityOf(clause.subject) ?? (isRecordPhrase(clause.subject, true) ? unkept(termOf(clause.subject)) : undefined);
        const actor = resolve.actorOf(awaited.by) ?? people[0];
        if (entity && actor) add({ actor, verb: awaited.verb, particle: '', object: clause.subject, entity, clause, preposition: '' }, sentence);
        continue;
      }
      // "Client gets a report after each visit": what someone is sent, the writer's people send.
      const messages = receivedMessages(clause, sentence, resolve);
      const sender = writer ?? people.find((person) => person !== resolve.actorOf(clause.subject));
      if (messages.length > 0 && sender) {
        for (const message of messages) {
          // "the member gets a message when it's ready": a message that says nothing of its own notifies its reader.
          // "an SMS message" names how it is sent, as "an SMS" does.
          const bare = isBareMessage(lemmaOf(message.phrase)) && !message.phrase.nouns.some(isTextMessage);
          const reader = clause.subject && bare && !namesPeopleInGeneral(clause.subject, sentence) ? clause.subject : undefined;
          if (reader) add({ actor: sender, verb: 'notify', particle: '', object: reader, entity: resolve.entityOf(reader) ?? unkept(termOf(reader)), clause, preposition: '' }, sentence);
          else add({ actor: sender, verb: 'send', particle: '', object: message.phrase, entity: message.entity, clause, preposition: '' }, sentence);
        }
        continue;
      }
      // "make photos", "make an offer": "make" with a record written right after it creates that record.
      if (FAILING_VERBS.has(clause.verb) || WORK_VERBS.has(clause.verb) || statesValue(clause, sentence)) continue;
      if (LIGHT_VERBS.has(clause.verb) && !isPhrasalVerb(clause) && !(clause.verb === 'make' && makesRecord(clause, sentence)) && !keepsRecord(clause, sentence, true) && !madeInto(clause)) continue;
      // "Could people book a slot?", "anyone can enter": people in general are the public the product serves.
      const generic = !clause.passive && (clause.subject ? namesPeopleInGeneral(clause.subject, sentence) : isGenericPeople(clause.subjectPronoun ?? ''));
      const named = resolve.actorOf(clause.subject) ?? (generic ? served : undefined);
      let actor = named;
      // "we"/"I", an imperative, a passive without its agent or the product itself ("the app builds a list"): the
      // first person actor.
      const byProduct = clause.subject !== undefined && !clause.passive && isProductWord(lemmaOf(clause.subject));
      // "We send a reminder": the writer's people do it, not the first actor named (often the customers).
      const byWriter = clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i';
      // A passive without its agent ("incident reports must be logged", "each tour is assigned a guide") is what the
      // business does.
      // So is one whose "by" names no one ("logged by serial number").
      const byBusiness = byWriter || (clause.passive && !named) || wishedByWriter(clause, sentence);
      // "The fee is £30 a night, covers breakfast": a verb in -s without a subject of its own says something of the
      // subject before it; when that is a thing, no one does it.
      const written = sentence.tagged.tokens[clause.verbIndex]?.normal ?? '';
      const shared = !clause.subject && !clause.subjectPronoun && !clause.passive && /[^s]s$/.test(written) && written !== clause.verb ? subjectBefore(clause, sentence) : undefined;
      const saidOfThing = shared !== undefined && resolve.actorOf(shared) === undefined && !isPersonWord(lemmaOf(shared), true);
      // "Orders are picked in the greenhouse", "tallies entered per shearer": with no one named, the actor whose role is
      // the doer of the verb ("picker", "shearer") does it; a phrasal verb means something else ("hire out" is no hirer's).
      const nobodyNamed = !clause.subject || clause.passive;
      if (!actor && !saidOfThing && nobodyNamed && !clause.subjectPronoun && !clause.particle) actor = doerAmong(clause.verb, people);
      // "the customer is charged £5", "the learner is told by email", "- text customer when it's ready": no one does to
      // themselves what a passive or an instruction says is done to them, so the first actor is someone else.
      const doneTo = clause.passive || !clause.subject ? clause.objects.map((object) => resolve.actorOf(object)) : [];
      const someoneElse = people.find((person) => !doneTo.includes(person));
      if (!actor && !saidOfThing && (!clause.subject || clause.subjectPronoun || clause.passive || byProduct) && (clause.subjectPronoun !== 'it')) actor = (byBusiness ? writer : undefined) ?? someoneElse;
      // "Permits renew every 12 months", "applications close on 31 March": a record that undergoes what is usually done
      // to something has it done by the people who run it.
      const finite = !/(?:ed|en|ing)$/.test(written) || written === clause.verb;
      const undergone = !actor && finite && !clause.passive && clause.objects.every(isMeasure) && clause.subject !== undefined && !clause.subjectPronoun && takesThingObject(clause.verb)
        && !UNDERGOING_STATEMENTS.has(clause.verb) && !isPersonWord(lemmaOf(clause.subject), true) && undergoes(clause.verb, clause.subject) ? resolve.entityOf(clause.subject) : undefined;
      if (undergone && clause.subject && people[0]) {
        add({ actor: people[0], verb: clause.verb, particle: clause.particle ? ` ${clause.particle}` : '', object: clause.subject, entity: undergone, clause, preposition: '' }, sentence);
        continue;
      }
      if (!actor) continue;
      // "We run a gym", "I manage a family winery": the opening sentence says what the business is, not what anyone
      // does with the product.
      if (sentence.order === 0 && (clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i') && isBusinessVerb(clause.verb)) continue;
      if (!named && !byProduct && clause.subject && !clause.passive && !isPersonWord(lemmaOf(clause.subject)) && clause.subject.head.pos !== 'PROPN') continue;
      // "turns unbilled hours into an invoice": what something is made into is created.
      const into = madeInto(clause);
      if (into) {
        const entity = resolve.entityOf(into) ?? (isRecordPhrase(into, true) ? unkept(termOf(into)) : undefined);
        if (entity) add({ actor, verb: 'create', particle: '', object: into, entity, clause, preposition: '' }, sentence);
        continue;
      }
      // "Account customers are invoiced monthly", "we bill clients": a verb of paying that is the word for a document
      // sent to people sends that document.
      const billed = billedPeople(clause);
      if (billed) {
        const document = phraseFor(clause.verb, billed);
        const readerActor = resolve.actorOf(billed);
        const reader = (readerActor?.name ?? termOf(billed)).toLowerCase();
        const where = `to ${indefiniteArticle(reader)} ${reader}`;
        // Nobody bills themselves: a passive without its agent is billed by someone else.
        const biller = actor === readerActor ? writer ?? people.find((person) => person !== readerActor) : actor;
        if (biller) add({ actor: biller, verb: 'send', particle: '', object: document, entity: resolve.entityOf(document) ?? unkept(clause.verb), clause, preposition: '', where }, sentence);
        continue;
      }
      // "I invoice on 30-day terms", "we invoice monthly": billing with no one named sends the document all the same
      // ("meals at £4.50, invoiced monthly" is a participle that says how the meals are paid for).
      const billedAt = clause.preps[0]?.phrase ?? clause.subject;
      if (!clause.passive && clause.objects.length === 0 && billedAt && !written.endsWith('ed') && billsWithDocument(clause.verb)) {
        const document = phraseFor(clause.verb, billedAt);
        add({ actor, verb: 'send', particle: '', object: document, entity: resolve.entityOf(document) ?? unkept(clause.verb), clause, preposition: '' }, sentence);
        continue;
      }
      // "tell me which sessions they are free for": a question asked of someone is no thing acted on ("record which
      // experiment used them" records the experiment).
      const asked = (object: NounPhrase): boolean => /^(?:which|what)$/.test(object.determiner ?? '') && /^(?:me|us|him|her|them)$/.test(sentence.tagged.tokens[object.start - 1]?.normal ?? '');
      const occasion = occasionRecorded(clause, sentence, resolve);
      const direct = occasion ? [occasion] : clause.objects.filter((object) => !isMeasure(object) && !asked(object));
      // Without an object, the verb's own preposition names what it acts on; an "of" after another phrase hangs from
      // that phrase ("scheduled with a crew of two roofers").
      // A passive without its object names none ("printed for the door" is no printing of the door).
      const objects = direct.length > 0 ? direct.map((object) => concreteObject(object, clause)) : clause.passive ? [] : clause.preps.filter((p, at) => ACTION_PREPOSITIONS.has(p.prep) && (at === 0 || p.prep !== 'of') && !isWhereDone(p, clause.verb)).slice(0, 1).map((p) => p.phrase);
      // "Resident organisers apply online": a verb of asking without an object submits the request WordNet derives from
      // it; "members register once" registers the people who join.
      const request = objects.length === 0 && !clause.passive ? requestMadeBy(clause.verb) : undefined;
      if (request) {
        const phrase = phraseFor(request, clause.subject ?? sentence.phrases[0] ?? clause.objects[0] as NounPhrase);
        add({ actor, verb: 'submit', particle: '', object: phrase, entity: resolve.entityOf(phrase) ?? unkept(request), clause, preposition: '' }, sentence);
        continue;
      }
      if (objects.length === 0 && !clause.passive && clause.subject && joins(clause) && resolve.actorOf(clause.subject) === actor) {
        add({ actor, verb: clause.verb, particle: clause.particle ? ` ${clause.particle}` : '', object: clause.subject, entity: resolve.entityOf(clause.subject) ?? unkept(actor.name.toLowerCase()), clause, preposition: '' }, sentence);
        continue;
      }
      // "declines" takes a thing in its second sense ("refuse"), as a business text means it.
      if (objects.length === 0 && takesThingObject(clause.verb, 2) && !asksAbout(clause, sentence)) {
        // "book a place in a class … and cancel up to 2 hours before": a verb without its object acts on what the
        // sentence's earlier transaction made (the booking), or on the record it is timed against ("before the
        // appointment").
        const implicit = implicitObject(clause, sentence, resolve, sentences.slice(0, Math.min(index, sentences.length)), business);
        if (implicit) {
          add({ actor, verb: clause.verb, particle: clause.particle ? ` ${clause.particle}` : '', object: implicit.phrase, entity: implicit.entity, clause, preposition: '' }, sentence);
          continue;
        }
        // "Customers book online", "a parent gives consent when booking": booking with nothing named makes the booking
        // the model keeps, unless the text says elsewhere what is booked ("book a table"), which is that use case.
        const act = reserves(clause.verb) && !clause.passive && !bookedElsewhere ? actNounOf(clause.verb) : undefined;
        const bookedAt = clause.subject ?? sentence.phrases[0];
        const booking = act && bookedAt ? phraseFor(act, bookedAt) : undefined;
        const made = booking ? resolve.entityOf(booking) : undefined;
        if (booking && made) {
          add({ actor, verb: 'make', particle: '', object: booking, entity: made, clause, preposition: '' }, sentence);
          continue;
        }
      }
      for (const object of objects) {
        if (sharesHead(object, objects, sentence)) continue;
        // "problems — potholes, broken street lights": an example is no object of its own; nor is when it happens,
        // nor the writer's own organisation ("we run a nursery", "collect from the nursery").
        // A time booked ("book days") is what is done, not when.
        const bookedTime = clause.objects.includes(object) && !clause.passive && bookedTimeAct(object, clause.verb) !== undefined;
        if ((sentence.examples.has(object.start) && !bracketed) || (isWhen(object) && !bookedTime) || business.has(termOf(object))) continue;
        // An action on a record the model does not keep (yet), or on a person ("assign a contractor"), is still a use
        // case, without an entity.
        // A vague word acted on directly is still what the action is about ("log time").
        // So is a property someone sets or changes, acted on directly ("set their availability", "note the condition").
        const loggedTime = clause.objects.includes(object) && isLoggedTime(object, clause.verb);
        // A word that stands for nothing in particular never is ("runs things on the day").
        const placeholder = isPlaceholderWord(lemmaOf(object)) && object.nouns.length === 0;
        const isLoose = object.head.pos === 'NOUN' && !placeholder && (isRecordPhrase(object, true) || (isVagueWord(lemmaOf(object)) && clause.objects.includes(object))
          || (clause.objects.includes(object) && isPropertyWord(lemmaOf(object))) || (resolve.actorOf(object) !== undefined && object !== clause.subject)
          || (clause.objects.includes(object) && isChosenTime(object, clause.verb)) || loggedTime || bookedTime
          // "approve any payout": a word WordNet lacks, acted on directly by someone, is the writer's own term for a record.
          // So is a word in capitals acted on directly, by anyone ("we approve the RAMS").
          || (clause.objects.includes(object) && (named !== undefined || isAcronym(object)) && isOwnTerm(object)));
        // Hours logged are named as the writer counts them ("Log hours").
        const looseName = loggedTime ? pluralize(termOf(object)) : termOf(object);
        // "remind folks when they're due": people in general are the customers the product serves.
        const servedPeople = namesPeopleInGeneral(object, sentence) && served !== undefined && served !== actor ? unkept(served.name.toLowerCase()) : undefined;
        const entity = servedPeople ?? resolve.entityOf(object) ?? (isLoose ? unkept(looseName) : undefined);
        if (!entity) continue;
        const particle = clause.particle ? ` ${clause.particle}` : '';
        // "need booking of pitches": "of" right after a verb marks what it acts on ("opt out of" keeps it).
        const linking = clause.preps.find((p) => p.phrase === object)?.prep;
        const preposition = clause.objects.length === 0 && (linking !== 'of' || clause.particle) ? ` ${linking ?? ''}` : '';
        // "book a seat on a tour": the record the object is taken from or placed in belongs in the name; after a passive,
        // the one right after its verb ("each volunteer is matched with 2 or 3 children": people paired with people),
        // never what it is done for ("printed for the entrance").
        const after = clause.passive ? clause.verbIndex + (clause.particle ? 3 : 2) : object.end + 1;
        const place = clause.objects.length > 0 ? clause.preps.find((p) => p.phrase.start === after && (/^(?:on|in|at|to|onto|into)$/.test(p.prep) || (p.prep === 'for' && !clause.passive)
          || (p.prep === 'with' && isPersonWord(lemmaOf(p.phrase), true)))) : undefined;
        // The place is a record itself, never one found through a modifier ("the building manager") nor a count ("capped
        // at 40 climbers"), except the people paired; the people something is done with are named as the actors they
        // are ("arrange access with the tenant").
        const placeRecord = place ? resolve.entityOf(place.phrase) ?? (place.prep === 'with' && place.phrase.number === undefined ? resolve.actorOf(place.phrase) : undefined) : undefined;
        const placeEntity = place && placeRecord && placeRecord.name.toLowerCase().endsWith(lemmaOf(place.phrase)) && (place.phrase.number === undefined || place.prep === 'with') ? placeRecord : undefined;
        const where = place && placeEntity && placeEntity !== entity ? `${place.prep} ${indefiniteArticle(placeEntity.name.toLowerCase())} ${placeEntity.name.toLowerCase()}` : complementOf(clause, object, sentence);
        // "the website shows the schedule": what the product shows, its user sees.
        const verb = byProduct && DISPLAY_VERBS.has(clause.verb) ? 'see' : clause.verb;
        add({ actor, verb, particle, object, entity, clause, preposition, ...(where ? { where } : {}) }, sentence);
      }
    }
  }
  // "courier delivery of found bags to the address": an act named with what it is done to is done by the writer's people,
  // and so is sending a message the writer wishes for.
  for (const sentence of sentences) {
    const doer = writer ?? people[0];
    if (!doer) break;
    for (const { verb, object, entity } of [...actsNamedWithObject(sentence, resolve), ...actsNamedByRecordKept(sentence, resolve)]) add({ actor: doer, verb, particle: '', object, entity, clause: emptyClause(verb), preposition: '' }, sentence);
    for (const { phrase, entity } of wishedMessages(sentence, resolve)) add({ actor: doer, verb: 'send', particle: '', object: phrase, entity, clause: emptyClause('send'), preposition: '' }, sentence);
  }
  return useCases.slice(0, 60);
}
