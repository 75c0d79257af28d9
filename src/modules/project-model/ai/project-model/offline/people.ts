import { semanticClasses, type Clause, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import type { ModelActor } from '../../../project-model.contract.js';
import type { EntityFinding } from './entities.js';
import type { Sentence } from './read.js';
import { joins } from './verb-senses.js';
import { isPersonWord, isRecordPhrase, lemmaOf } from './words.js';

/** At most this many people are kept as records: the product's customers, not everyone it names. */
const MAX_PEOPLE = 2;
/** Served once and owning something, or served twice: a customer, not a role of the business. */
const MIN_EVIDENCE = 1.5;

/** Verbs by which people book, pay, rent or hand something over: WordNet's possession and social verbs. */
function transacts(clause: Clause): boolean {
  return semanticClasses(clause.verb, 'verb', 2).some((name) => name === 'verb.possession' || name === 'verb.social');
}

/** A record, not a person: what someone books, owns or is given. */
function isRecord(phrase: NounPhrase): boolean {
  return !isPersonWord(lemmaOf(phrase), true) && isRecordPhrase(phrase, true);
}

/**
 * The people the product keeps records of, as entities beside what they book or own: a class of many, written as a
 * bare plural, that books, pays or rents something ("Owners book days", "tenants rent shelves"); people who own a
 * record ("for their dog", "each reader has a profile", "the passenger's address"); people records are kept by ("logged
 * against the patient", "per customer"); people the text counts ("about 350 readers"). A role of the business named one at a time ("the lab tech", "the duty manager") uses the product
 * and is no record of it; nor is the writer's own staff.
 */
export function keptPeople(sentences: Sentence[], actorOf: (phrase: NounPhrase | undefined) => ModelActor | undefined, writer?: ModelActor): EntityFinding[] {
  const evidence = new Map<ModelActor, { finding: EntityFinding; weight: number }>();
  const note = (phrase: NounPhrase, sentence: Sentence, weight: number): void => {
    const actor = actorOf(phrase);
    if (!actor || actor.kind !== 'person' || actor === writer || sentence.examples.has(phrase.start)) return;
    const known = evidence.get(actor);
    if (known) {
      known.weight += weight;
      if (known.finding.sources.length < 3 && !known.finding.sources.some((s) => s.quote === sentence.source.quote)) known.finding.sources.push(sentence.source);
      return;
    }
    const term = actor.name.toLowerCase();
    evidence.set(actor, { finding: { term, lemma: lemmaOf(phrase), score: 2, order: sentence.order, sources: [sentence.source], verbs: [], derived: false }, weight });
  };
  for (const sentence of sentences) {
    const { tokens } = sentence.tagged;
    for (const clause of sentence.clauses) {
      // "remind members", "send an invoice to the client", "book for clients": people served by someone else.
      const served = [...clause.objects, ...clause.preps.filter(({ prep }) => prep === 'to' || prep === 'for').map(({ phrase }) => phrase)]
        .filter((phrase) => phrase !== clause.subject && isPersonWord(lemmaOf(phrase), true));
      for (const phrase of served) note(phrase, sentence, 1);
      const subject = clause.passive ? undefined : clause.subject;
      if (!subject) continue;
      const many = subject.plural && subject.determiner === undefined;
      if (many && transacts(clause) && clause.objects.some(isRecord)) note(subject, sentence, 0.5);
      // "Owners book days for their dog", "each reader has a profile".
      const owned = [...clause.objects, ...clause.preps.map(({ phrase }) => phrase)].some((phrase) => /^(?:their|his|her)$/.test(phrase.determiner ?? '') && isRecord(phrase));
      // "Regular customers have standing orders" too.
      const has = clause.verb === 'have' && (/^(?:each|every)$/.test(subject.determiner ?? '') || many) && clause.objects.some(isRecord);
      if (owned || has) note(subject, sentence, 1);
      // "Members register once", "volunteers sign up": people who join or enrol have a record of their own.
      if (clause.objects.length === 0 && joins(clause)) note(subject, sentence, 1);
    }
    for (const [index, phrase] of sentence.phrases.entries()) {
      // "the passenger's address".
      const possessive = /^(?:'s|'|’s|’)$/.test(tokens[phrase.end]?.normal ?? '') && sentence.phrases[index + 1]?.start === phrase.end + 1;
      if (possessive && isRecord(sentence.phrases[index + 1] as NounPhrase)) note(phrase, sentence, 1);
      // "about 350 readers".
      if (phrase.number !== undefined && phrase.plural) note(phrase, sentence, 0.5);
      // "each aid logged against the patient", "a statement per customer": records are kept by person.
      if (/^(?:per|against)$/.test(tokens[phrase.start - 1]?.normal ?? '') && isPersonWord(lemmaOf(phrase), true)) note(phrase, sentence, 1);
    }
  }
  return [...evidence.values()]
    .filter(({ weight }) => weight >= MIN_EVIDENCE)
    .sort((a, b) => b.weight - a.weight || a.finding.order - b.finding.order)
    .slice(0, MAX_PEOPLE)
    .map(({ finding }) => finding);
}
