import { derivedForms, isKindOf, semanticClasses, verbOfParticiple } from '../../../../../core/text/nlp/index.js';
import type { Sentence } from './read.js';
import { isPersonWord, lemmaOf, termOf } from './words.js';

/**
 * Who writes the idea: the organisation "we" run (which the product serves, never keeps or has act) and the role the
 * writer says is theirs. Read once per model; the actors, the records and the use cases all need it.
 */
export type WriterRole = { term: string; sentence: Sentence };
export type Writer = { business: Set<string>; role?: WriterRole };

export function readWriter(sentences: Sentence[]): Writer {
  const business = businessTerms(sentences);
  const role = writerRole(sentences, business);
  return role ? { business, role } : { business };
}

/** Verbs by which writers say what their business is: "I run a small music school", "we're a print shop". */
const BUSINESS_VERBS = new Set(['be', 'run', 'own', 'operate', 'manage', 'have', 'volunteer', 'work']);
const ORGANISATION_KINDS = ['organization', 'establishment', 'institution', 'facility', 'enterprise'];

/** What one does to one's own business: run, own, have, or a social verb ("coordinate a nursing service", "chair a club"). */
export function isBusinessVerb(verb: string): boolean {
  return BUSINESS_VERBS.has(verb) || semanticClasses(verb, 'verb', 2).some((name) => name === 'verb.social');
}

function isOrganisation(lemma: string): boolean {
  return ORGANISATION_KINDS.some((kind) => isKindOf(lemma, kind, 'noun', 1));
}

/**
 * The writer's own organisation, which the product serves rather than keeps: "our primary school", "our museum",
 * "I run a small music school", "I volunteer for a youth football league", and whatever the opening sentence says
 * the writer runs or is ("We're a small print shop", "I manage a family winery").
 */
function businessTerms(sentences: Sentence[]): Set<string> {
  const terms = new Set<string>();
  const opening = sentences.find((sentence) => sentence.phrases.length > 0)?.order;
  for (const sentence of sentences) {
    const { tokens } = sentence.tagged;
    for (const phrase of sentence.phrases) {
      // "two hostels", "3 shops": an organisation of several sites keeps each as a record.
      if (phrase.number === undefined && /^(?:our|my)$/.test(tokens[phrase.start - 1]?.normal ?? '') && isOrganisation(lemmaOf(phrase))) terms.add(termOf(phrase));
    }
    if (sentence.order !== opening) continue;
    // "We're a small print shop": the copula makes no clause of its own.
    for (const [index, phrase] of sentence.phrases.entries()) {
      const [writer, copula] = [tokens[phrase.start - 2], tokens[phrase.start - 1]];
      if (!/^(?:we|i)$/.test(writer?.normal ?? '') || copula?.pos !== 'AUX' || copula.lemma !== 'be') continue;
      if (!isPersonWord(lemmaOf(phrase))) terms.add(termOf(phrase));
      // "I'm the secretary of a community choir", "the volunteer coordinator at our food bank": what the role is of.
      const of = sentence.phrases[index + 1];
      if (isPersonWord(lemmaOf(phrase), true) && of && of.start === phrase.end + 1 && /^(?:of|at|for)$/.test(tokens[phrase.end]?.normal ?? '') && !isPersonWord(lemmaOf(of))) terms.add(termOf(of));
    }
    for (const clause of sentence.clauses) {
      // "Me and my partner run a small farm", "my husband and I run a pumping outfit": the writer with others.
      const byWriter = clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i' || doneByWriter(tokens.slice(0, clause.verbIndex));
      if (!byWriter || clause.passive || !isBusinessVerb(clause.verb)) continue;
      const named = [...clause.objects, ...clause.preps.filter(({ prep }) => prep === 'for').map(({ phrase }) => phrase)];
      for (const phrase of named) {
        if (phrase.number === undefined && !phrase.plural && (isOrganisation(lemmaOf(phrase)) || (!isPersonWord(lemmaOf(phrase)) && clause.verb !== 'have'))) terms.add(termOf(phrase));
      }
      // "I coordinate the Duke of Edinburgh's Award at a secondary school": the organisation the writer does it at.
      for (const { prep, phrase } of clause.preps) if (prep === 'at' && !phrase.plural && isOrganisation(lemmaOf(phrase))) terms.add(termOf(phrase));
    }
  }
  return terms;
}

/** The people WordNet derives from a verb as its doers: "coordinate" → coordinator, "pick" → picker. */
export function doersOf(verb: string): string[] {
  return derivedForms(verb, 'verb', 'noun').filter((noun) => /(?:er|or)$/.test(noun) && !noun.includes('-') && isPersonWord(noun));
}

function doerOf(verb: string): string | undefined {
  return doersOf(verb)[0];
}

/**
 * Whether the words before a participle are the writer, alone or with others, or where the writer is: "me", "me and my
 * lad Kieran", "me in the office".
 */
function doneByWriter(before: readonly { normal: string; pos: string }[]): boolean {
  const bounds = before.map((token, index) => (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'PUNCT' ? index + 1 : 0));
  const subject = before.slice(Math.max(0, ...bounds));
  const writer = subject.findIndex((token) => token.normal === 'me' || token.normal === 'i');
  // A preposition before the writer makes the writer its object ("calls from me"); after it, it says where they are.
  return writer !== -1 && subject.slice(0, writer).every((token) => token.pos !== 'ADP');
}

/**
 * The writer's own role, when they say it: "I'm a piano tuner", "I am the fixtures secretary", "I work as a
 * dispatcher", or the doer of what they do to their business ("I coordinate a home nursing
 * service" → coordinator, "I manage a family winery" → manager; never "I run …", a runner).
 */
function writerRole(sentences: Sentence[], business: Set<string>): WriterRole | undefined {
  for (const sentence of sentences) {
    const { tokens } = sentence.tagged;
    for (const [index, token] of tokens.entries()) {
      if (token.normal !== 'i') continue;
      const next = tokens[index + 1];
      const says = next?.lemma === 'be' ? index + 2 : next?.lemma === 'work' && tokens[index + 2]?.normal === 'as' ? index + 3 : undefined;
      const phrase = says === undefined ? undefined : sentence.phrases.find((p) => p.start >= says && p.start <= says + 1);
      if (phrase && phrase.head.pos === 'NOUN' && isPersonWord(lemmaOf(phrase), true)) return { term: termOf(phrase), sentence };
    }
    // "Me doing the dispatching", "me and my lad doing the testing": the doer of the work the writer says is theirs.
    for (const [index, token] of tokens.entries()) {
      const [the, work] = [tokens[index + 1], tokens[index + 2]];
      if (token.normal !== 'doing' || the?.normal !== 'the' || !work?.normal.endsWith('ing') || !doneByWriter(tokens.slice(0, index))) continue;
      const doer = doerOf(verbOfParticiple(work.normal) ?? work.lemma);
      if (doer) return { term: doer, sentence };
    }
    for (const clause of sentence.clauses) {
      // "… to work out the price" says what the writer does something for, not what they do to their business.
      const purpose = tokens[clause.verbIndex - 1]?.normal === 'to';
      // "I coordinate the Duke of Edinburgh's Award at a secondary school": what they do at their business, too.
      const atBusiness = clause.preps.some(({ prep, phrase }) => prep === 'at' && business.has(termOf(phrase)));
      if (clause.subjectPronoun !== 'i' || purpose || !(clause.objects.some((object) => business.has(termOf(object))) || atBusiness)) continue;
      if (!semanticClasses(clause.verb, 'verb', 2).some((name) => name === 'verb.social' || name === 'verb.possession')) continue;
      // "I do the office for my husband's business": "do" names no doer; the team the writer is is what they do.
      if (clause.verb === 'do') {
        const team = clause.objects.find((object) => isPersonWord(lemmaOf(object), true));
        if (team) return { term: termOf(team), sentence };
        continue;
      }
      const doer = doerOf(clause.verb);
      if (doer) return { term: doer, sentence };
    }
  }
  return undefined;
}
