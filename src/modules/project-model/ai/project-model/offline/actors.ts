import { isKindOf, knowsWord, semanticClasses, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import type { ModelActor, ModelSource } from '../../../project-model.contract.js';
import type { Sentence } from './read.js';
import type { Writer } from './writer.js';
import { displayName, isGenericPeople, isPersonWord, isProductWord, isRecordPhrase, isSystemHead, isThePublic, isVagueWord, isVehicleWord, lemmaOf, MEMBER_OF_THE_PUBLIC, termOf } from './words.js';

/**
 * The actors: people who do things in the text (subjects of verbs, agents of passives, the "for"/"by" of an action,
 * the people an answer to a "who" question names), known as people by WordNet's noun.person class; and outside
 * systems: named services the product goes through or connects to ("through Stripe", "sync with Sage") and phrases
 * whose head is a provider, an API or a service.
 */
export type ActorFinding = { term: string; kind: 'person' | 'system'; sources: ModelSource[]; order: number; count: number };

const SYSTEM_PREPOSITIONS = new Set(['through', 'with', 'via', 'from', 'to', 'into', 'in']);
const NOT_SYSTEMS = new Set(['noun.location', 'noun.person', 'noun.time', 'noun.communication']);

function add(found: Map<string, ActorFinding>, term: string, kind: ActorFinding['kind'], sentence: Sentence): void {
  const existing = found.get(term);
  if (existing) {
    existing.count += 1;
    if (existing.sources.length < 3 && !existing.sources.some((s) => s.quote === sentence.source.quote)) existing.sources.push(sentence.source);
    return;
  }
  found.set(term, { term, kind, sources: [sentence.source], order: sentence.order, count: 1 });
}

function personTerm(phrase: NounPhrase, asAgent = false): string | undefined {
  if (isThePublic(phrase)) return MEMBER_OF_THE_PUBLIC;
  const lemma = lemmaOf(phrase);
  // "our Chief Training Officer", "the Head Chef": a title written in capitals after a determiner (a name takes none).
  const title = phrase.head.pos === 'PROPN' && phrase.determiner !== undefined && phrase.text.includes(' ') && phrase.text.split(' ').every((word) => /^[A-Z]/.test(word))
    && isPersonWord(lemma, asAgent);
  if (title) return phrase.text.toLowerCase();
  if (phrase.head.pos === 'PROPN' || !isPersonWord(lemma, asAgent)) return undefined;
  return termOf(phrase);
}

/** A proper name's words: "Google Calendar", "Microsoft Entra ID". */
function properName(phrase: NounPhrase): string | undefined {
  const words = phrase.text.split(' ');
  const proper = words.filter((word) => /^[A-Z0-9]/.test(word) || /[A-Z]/.test(word.slice(1)));
  if (proper.length === 0 || phrase.head.pos !== 'PROPN') return undefined;
  // "GOV.UK": a dotted name comes back from the tokenizer with a space after its dot.
  return proper.join(' ').replace(/\. (?=[A-Z])/g, '.');
}

const MONTHS_AND_DAYS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)s?$/i;
/** "15 June", "Sept-Feb", "Mon/Wed": a day or month, or a range of them. */
const isCalendarName = (text: string): boolean => text.split(/\s*[-–/]\s*/).every((part) => MONTHS_AND_DAYS.test(part));

/** A question about the tools or systems in use: its answer names them. */
const TOOL_QUESTION = /\b(?:tools?|systems?|software|integrat\w*|sync\w*|accounting|crm|calendars?|apps?|platforms?|payments?|pay|paid|invoic\w*|tills?|pos|data|use|login|sign[- ]in|existing|sms|texts?|emails?|messages?)\b/;
/** "HubSpot", "GoCardless", "QuickBooks": a name with a capital inside is a product's name. */
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z]*$/;

function systemName(phrase: NounPhrase, semantic: (lemma: string) => string[]): string | undefined {
  // "with an expired DBS": a name with "a" before it is one of many things, not a service.
  if (phrase.determiner === 'a' || phrase.determiner === 'an') return undefined;
  const name = properName(phrase);
  // "to 15 June": a date, its day's number and all.
  if (!name || isCalendarName(name) || isCalendarName(phrase.head.text) || /^(?:i|uk|us|eu|gbp|eur|usd|pdf|qr|sms|vat|gps|it)$/i.test(name)) return undefined;
  const classes = semantic(name.toLowerCase().replace(/\s+/g, '_'));
  if (classes[0] !== undefined && NOT_SYSTEMS.has(classes[0])) return undefined;
  return name;
}

/**
 * "a thatching business in Dorset", "the club in Ballarat", "villages in Wensleydale": a name after "in" right after an
 * organisation or a place is where it is, never a system things are kept in.
 */
function namesWhere(sentence: Sentence, phrase: NounPhrase, writer: Writer): boolean {
  const before = sentence.phrases.find((other) => other.end === phrase.start - 1);
  return before !== undefined && (writer.business.has(termOf(before)) || isKindOf(lemmaOf(before), 'organization', 'noun', 1) || isKindOf(lemmaOf(before), 'geographical_area', 'noun', 2));
}

export function findActors(sentences: Sentence[], semantic: (lemma: string) => string[], writer: Writer): ActorFinding[] {
  const found = new Map<string, ActorFinding>();
  const counted: { term: string; sentence: Sentence }[] = [];
  const namedHosts: string[] = [];
  // What something is done to is kept, not an actor: "register teams", "create a club"; but not those wanted to do
  // something, who are the subject of the verb after them ("I want patrols to report an absence").
  const actedOn = new Set(sentences.flatMap((sentence) => {
    const subjects = new Set(sentence.clauses.map((clause) => clause.subject?.start));
    return sentence.clauses.flatMap((clause) => clause.objects.filter((object) => !(object.plural && subjects.has(object.start))).map((object) => termOf(object)));
  }));
  for (const sentence of sentences) {
    const asksWho = sentence.question !== undefined && /\bwho\b|\busers?\b|\bstaff\b/.test(sentence.question);
    for (const clause of sentence.clauses) {
      const acting = clause.objects.length > 0 && !clause.passive;
      const subjectTerm = clause.subject && personTerm(clause.subject, acting);
      if (subjectTerm) add(found, subjectTerm, 'person', sentence);
      // "couples create their wedding", "a crew repairs it": a group that acts and is never acted on is people.
      // Never the business itself, the subject of the idea's opening sentence ("A charity delivering hot lunches …").
      const group = acting && sentence.order > 0 && !/^(?:be|have|include|contain|need|get|take|hold|want|use|run|offer|give)$/.test(clause.verb) && clause.subject && !subjectTerm && clause.subject.head.pos === 'NOUN' && !isGenericPeople(lemmaOf(clause.subject)) && semantic(lemmaOf(clause.subject))[0] === 'noun.group' && !isVehicleWord(lemmaOf(clause.subject)) ? termOf(clause.subject) : undefined;
      if (group && !actedOn.has(group) && !isProductWord(lemmaOf(clause.subject as NounPhrase))) add(found, group, 'person', sentence);
      // "When the control room dispatches an incident": one place or thing that acts on the records and is never acted
      // on is an outside party (many that act, "the buses send their mileage", are devices the text also keeps).
      const party = acting && !group && !subjectTerm && clause.subject && clause.subject.head.pos === 'NOUN' && clause.subject.determiner === 'the'
        && !/^(?:be|have|include|contain|need|get|take|hold|want|use|run|offer|give|make|let|show|cost|last)$/.test(clause.verb)
        && !clause.subject.plural && !isVagueWord(lemmaOf(clause.subject)) && /^noun\.(?:location|artifact)$/.test(semantic(lemmaOf(clause.subject))[0] ?? '') ? termOf(clause.subject) : undefined;
      if (party && !actedOn.has(party) && !isProductWord(lemmaOf(clause.subject as NounPhrase))) add(found, party, 'system', sentence);
      // "the head has to approve it": one named with "the" who decides on a record is a person, though WordNet gives
      // that sense of the word late (a head is first a body part).
      const decides = acting && !subjectTerm && clause.subject?.determiner === 'the' && clause.subject.head.pos === 'NOUN' && !clause.subject.plural
        && semanticClasses(clause.verb, 'verb', 1)[0] === 'verb.communication' && /^noun\.(?:body|artifact|person|group)$/.test(semantic(lemmaOf(clause.subject))[0] ?? '')
        && semanticClasses(lemmaOf(clause.subject), 'noun', 20).includes('noun.person') ? termOf(clause.subject) : undefined;
      if (decides && !actedOn.has(decides)) add(found, decides, 'person', sentence);
      // "Finance bill them", "Dispatch assigns drivers": an activity named as the subject of what is done to people is
      // the team that does it (the opening sentence's subject is the business: "Marketplace connecting households …").
      const toPeople = clause.objects.some((object) => isPersonWord(lemmaOf(object), true)) || /^(?:them|him|her)$/.test(sentence.tagged.tokens[clause.verbIndex + 1]?.normal ?? '');
      const team = acting || toPeople ? clause.subject : undefined;
      if (team && sentence.order > 0 && !clause.passive && toPeople && team.determiner === undefined && !team.plural && /^[A-Z]/.test(team.text) && semantic(lemmaOf(team))[0] === 'noun.act') add(found, termOf(team), 'person', sentence);
      // "HR sends an offer letter": an acronym that acts on something is a team of people.
      if (acting && clause.subject?.head.pos === 'PROPN' && /^[A-Z]{2,4}$/.test(clause.subject.text) && !systemName(clause.subject, semantic)?.includes(' ')) add(found, clause.subject.text, 'person', sentence);
      // "Gatehouse checks the driver in": a building that does something to people is the people who work in it.
      const staffed = acting && !subjectTerm && clause.subject?.head.pos === 'NOUN' && isKindOf(lemmaOf(clause.subject), 'building', 'noun', 2)
        && clause.objects.some((object) => isPersonWord(lemmaOf(object), true));
      if (staffed && clause.subject) add(found, termOf(clause.subject), 'person', sentence);
      // "need approval from the manager": who an act is awaited from does it.
      const awaited = clause.object !== undefined && semantic(lemmaOf(clause.object))[0] === 'noun.act';
      for (const { prep, phrase } of clause.preps) {
        const term = (prep === 'for' || prep === 'by' || (prep === 'from' && awaited)) && personTerm(phrase);
        if (term) add(found, term, 'person', sentence);
        // "clients are referred by agencies": an organisation that does what a passive says acts in the product.
        // Named bare and one ("priced by height band"), it is a measure the passive goes by.
        const organisation = !term && prep === 'by' && clause.passive && phrase.head.pos === 'NOUN' && (phrase.determiner !== undefined || phrase.plural)
          && semantic(lemmaOf(phrase))[0] === 'noun.group' && !isProductWord(lemmaOf(phrase));
        if (organisation) add(found, termOf(phrase), 'person', sentence);
      }
      for (const { prep, phrase } of clause.preps) {
        const whereBusinessIs = prep === 'in' && namesWhere(sentence, phrase, writer);
        const name = SYSTEM_PREPOSITIONS.has(prep) && !whereBusinessIs ? systemName(phrase, semantic) : undefined;
        if (name) add(found, name, 'system', sentence);
      }
      for (const phrase of clause.objects) {
        // "The council uses Gladstone for memberships": a name used for something is a system, though WordNet knows
        // the name as a person's.
        const usedFor = clause.verb === 'use' && clause.preps.some(({ prep }) => prep === 'for') && phrase.head.pos === 'PROPN' ? properName(phrase) : undefined;
        const name = systemName(phrase, semantic) ?? usedFor;
        if (name && /^(?:use|sync|integrate|connect|export|import)$/.test(clause.verb)) add(found, name, 'system', sentence);
      }
    }
    // "Tools today?" — "HubSpot for leads": a proper name answering a question about tools or systems is one.
    const asksTools = sentence.question !== undefined && TOOL_QUESTION.test(sentence.question);
    for (const [index, phrase] of sentence.phrases.entries()) {
      const lemma = lemmaOf(phrase);
      // "… via Stripe" with no verb to hang from: "via" and "through" a name always mean a service.
      const via = /^(?:via|through)$/.test(sentence.tagged.tokens[phrase.start - 1]?.normal ?? '');
      const strange = !knowsWord(phrase.head.normal);
      const named = (asksTools && index === 0 && strange) || via || CAMEL_CASE.test(phrase.head.text) ? systemName(phrase, semantic) : undefined;
      if (named && phrase.head.pos === 'PROPN') add(found, named, 'system', sentence);
      if (asksWho) {
        // "Who schedules inspections?" — "The office scheduler": a doer's noun (-er, -or, -ist) answering "who" is a
        // person, though WordNet knows it first as a machine.
        // So is one who opens the answer doing something ("The shift lead assigns dogs each morning").
        const acts = sentence.clauses.some((clause) => !clause.passive && clause.subject?.start === phrase.start && clause.objects.length > 0);
        const doer = phrase.head.pos === 'NOUN' && phrase === sentence.phrases[0] && semantic(lemmaOf(phrase))[0] !== 'noun.group'
          && (/^(?:[a-z]{3,}(?:er|or|ist))$/.test(lemmaOf(phrase)) || (acts && !isRecordPhrase(phrase)));
        // "people buying vouchers", "my nephew with the trailer": what people act on or have with them is a thing, though
        // WordNet knows the word first as a person ("someone who vouches", "someone who trails").
        const actedOnHere = sentence.clauses.some((clause) => clause.objects.some((object) => object.start === phrase.start)) || sentence.tagged.tokens[phrase.start - 1]?.normal === 'with';
        const alsoThing = actedOnHere && semanticClasses(lemmaOf(phrase), 'noun', 3).some((name) => name !== 'noun.person');
        // "me and my manager in the office", "staff behind the counter": where people are is no one, though an office
        // that does something is people.
        const where = /^(?:in|at|on|behind|inside)$/.test(sentence.tagged.tokens[phrase.start - 1]?.normal ?? '') && semanticClasses(lemmaOf(phrase), 'noun', 1)[0] !== 'noun.person';
        // "Me as principal": the role the writer names as theirs is a person's, whichever sense WordNet knows first.
        const tokensBefore = sentence.tagged.tokens.slice(Math.max(0, phrase.start - 2), phrase.start).map((token) => token.normal).join(' ');
        const writersRole = /^(?:me|i|myself) as$/.test(tokensBefore) && isPersonWord(lemmaOf(phrase), true);
        const term = alsoThing || where ? undefined : personTerm(phrase) ?? (doer || writersRole ? termOf(phrase) : undefined);
        if (term) add(found, term, 'person', sentence);
      }
      // "a practice with three vets and two nurses", "15 movers": people counted are roles of the business or its
      // customers, whether or not the text says what they do.
      // Only counted and named by its make or type, a word that is also a machine is one ("6 FDM printers").
      const machine = sentence.tagged.tokens.slice(phrase.start, phrase.headIndex).some((token) => token.pos === 'PROPN') && semanticClasses(lemma, 'noun', 3).includes('noun.artifact');
      const count = phrase.number !== undefined && phrase.plural && !sentence.examples.has(phrase.start) && !machine ? personTerm(phrase) : undefined;
      if (count) counted.push({ term: count, sentence });
      // "our library system (Spydus)", "a university login (SSO)": a name in brackets after a system or a login names it.
      const { tokens } = sentence.tagged;
      const host = tokens[phrase.start - 1]?.text === '(' && tokens[phrase.end]?.text === ')' ? sentence.phrases[index - 1] : undefined;
      if (host && host.end === phrase.start - 1 && phrase.head.pos === 'PROPN' && (isSystemHead(lemmaOf(host)) || isProductWord(lemmaOf(host)) || /^(?:login|account|sign-in)$/.test(lemmaOf(host)))) {
        add(found, phrase.text, 'system', sentence);
        namedHosts.push(lemmaOf(host));
      }
      // "a payment provider", "the carriers' telematics API": a named kind of outside service; never one the writer
      // names in quotes, which is their own ("a 'top up' service").
      const quoted = tokens.slice(phrase.start, phrase.end).some((token) => /^['"‘’“”]$/.test(token.text));
      // Services in the plural are what the business offers ("annual boiler services").
      if (isSystemHead(lemma) && phrase.nouns.length > 0 && !phrase.plural && !quoted && !isProductWord(phrase.nouns[phrase.nouns.length - 1] ?? '')) {
        const words = phrase.text.split(' ');
        add(found, words.slice(-1 - Math.min(2, phrase.nouns.length)).join(' ').replace(/^./, (c) => c.toLowerCase()), 'system', sentence);
      }
      // A proper name before what a service is reached by names the service: "our SumUp account", "a Textlocal
      // account", "my SumUp reader".
      const properModifiers = tokens.slice(phrase.start, phrase.headIndex).filter((token) => token.pos === 'PROPN' && /^[A-Z]/.test(token.text));
      if (phrase.head.pos === 'NOUN' && /^(?:account|api|integration|login|sign-in|reader|terminal|till)$/.test(lemma) && properModifiers.length > 0
        && properModifiers.length === phrase.nouns.length) add(found, properModifiers.map((token) => token.text).join(' '), 'system', sentence);
      // "I also sell on Discogs", "list it on Etsy": a capitalised name something is done on is a platform; so is one
      // records are kept in ("we do our accounts in Xero").
      const keptIn = tokens[phrase.start - 1]?.normal === 'in' && !namesWhere(sentence, phrase, writer) && sentence.clauses.some((clause) => clause.preps.some((p) => p.phrase.start === phrase.start) && clause.objects.some((o) => isRecordPhrase(o)));
      if ((tokens[phrase.start - 1]?.normal === 'on' || keptIn) && phrase.head.pos === 'PROPN' && /^[A-Z]/.test(phrase.head.text) && !knowsWord(phrase.head.normal)) {
        const name = systemName(phrase, semantic);
        if (name) add(found, name, 'system', sentence);
      }
    }
  }
  // "our library system (Spydus)" is Spydus, not a library system besides it.
  for (const [term, finding] of found) if (finding.kind === 'system' && namedHosts.some((head) => term.toLowerCase().endsWith(head))) found.delete(term);
  // The writer's own organisation is who "we" are, never a party of its own ("I coordinate a home nursing service").
  for (const term of writer.business) found.delete(term);
  // People only counted, and the writer, come after the people the text has act, who are the first to do what no one
  // is named for.
  for (const { term, sentence } of counted) if (!found.has(term)) found.set(term, { term, kind: 'person', sources: [sentence.source], order: sentences.length, count: 1 });
  const { role } = writer;
  if (role && !found.has(role.term)) found.set(role.term, { term: role.term, kind: 'person', sources: [role.sentence.source], order: sentences.length, count: 1 });
  return [...found.values()];
}

/** Merges "volunteer" into "volunteer coordinator"? No: keeps both, but drops a bare head when a longer name is the only one with it. */
export function toActors(findings: ActorFinding[], take: (name: string) => string): ModelActor[] {
  const sorted = [...findings].sort((a, b) => a.order - b.order);
  return sorted.slice(0, 12).map((finding) => ({
    id: take(finding.term),
    name: finding.kind === 'system' && /[A-Z]/.test(finding.term) ? finding.term : displayName(finding.term),
    kind: finding.kind,
    description: '',
    needs: [],
    sources: finding.sources,
  }));
}
