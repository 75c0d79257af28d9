import { semanticClasses, type TaggedToken } from '../../../../../core/text/nlp/index.js';
import type { ModelQuestion, ModelTerm, ProjectModel } from '../../../project-model.contract.js';
import type { ProjectModelInput } from '../schema.js';
import type { IdPool } from './ids.js';
import type { Sentence } from './read.js';
import { lemmaOf, termOf } from './words.js';

/**
 * The summary and problem (the idea's own sentences), the glossary (each actor and record the text defines, with
 * its definition) and the open questions: the clarifying questions nobody answered, and what the text leaves open
 * that every artifact needs (the platform).
 */
const PROBLEM = /\b(?:mess|chaos|problem|lose|losing|hate|by hand|on paper|paper forms|spreadsheet|whatsapp|by phone|phoning|instead of|nobody trusts|forget|forgets|double booking|struggle|waste|manual)\b/i;

/** "Hi, I have a salon …" → "I have a salon …": a greeting opens a message, not a summary of the idea. */
function withoutGreeting(text: string): string {
  const rest = text.replace(/^\s*(?:hi|hello|hey|hiya|dear all|good (?:morning|afternoon|evening))\b(?:\s+(?:all|there|everyone|team))?\s*[,!.:-]+\s*/i, '');
  return rest === text ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function summaryOf(sentences: Sentence[]): { summary: string; problem: string } {
  const idea = sentences.filter((sentence) => sentence.source.kind === 'idea');
  const summary = idea.slice(0, 2).map((sentence) => withoutGreeting(sentence.text)).filter((text) => text !== '').join(' ').slice(0, 1000);
  const problem = idea.find((sentence) => PROBLEM.test(sentence.text))?.text ?? '';
  return { summary, problem: problem.slice(0, 1000) };
}

const DISTRIBUTIVES = new Set(['every', 'each', 'all', 'both']);

/** What a state, a feeling or an amount names says how something is or how much of it there is, not what it is. */
const UNDEFINING_CLASSES = new Set(['noun.state', 'noun.feeling', 'noun.quantity']);

/**
 * A definition says what kind of thing the term is, so its head is the same kind of thing: a tool is an item (both
 * artifacts), a donor is a taxpayer (both people). "Bookings are a paper diary and the phone" says how bookings are
 * taken today, "the pickup round is a real headache" how it feels: an act is no artifact, a round no state of mind.
 */
function sameKind(term: string, head: string): boolean {
  const termWord = term.split(' ').at(-1) ?? term;
  const kinds = new Set(semanticClasses(termWord, 'noun', 3).filter((kind) => !UNDEFINING_CLASSES.has(kind)));
  return semanticClasses(head.split(' ').at(-1) ?? head, 'noun', 3).some((kind) => kinds.has(kind));
}

/** "the most fun", "the biggest room": a superlative ranks the subject among others, it does not define it. */
function isSuperlative(token: TaggedToken | undefined): boolean {
  if (!token || token.pos !== 'ADJ') return false;
  return token.normal === 'most' || token.normal === 'least' || (token.normal.endsWith('est') && token.lemma !== token.normal);
}

/**
 * A definition the text gives: "A pitch is a 3 by 3 metre space …", "Members are households that …" — the term as
 * the subject of "is"/"are"/"means" followed by what it is (not a participle or a bare quality: "is approved",
 * "is free").
 */
function definitionIn(sentence: Sentence, term: string): string | undefined {
  const { tokens } = sentence.tagged;
  for (const phrase of sentence.phrases) {
    if (termOf(phrase) !== term && lemmaOf(phrase) !== term) continue;
    const verb = tokens[phrase.end];
    const next = tokens[phrase.end + 1];
    if (!verb || !/^(?:is|are|means|mean)$/.test(verb.normal) || !next || !/^(?:DET|NOUN)$/.test(next.pos)) continue;
    // "if the donor is a taxpayer" sets a condition; "slots are every half hour" says how often, not what.
    if (tokens[phrase.start - 1]?.pos === 'SCONJ' || DISTRIBUTIVES.has(next.normal)) continue;
    // "invigilation is a nightmare of spreadsheets", "each session is a maximum of 6 riders".
    const what = sentence.phrases.find((other) => other.start === phrase.end + 1);
    if (what && UNDEFINING_CLASSES.has(semanticClasses(lemmaOf(what), 'noun', 1)[0] ?? '')) continue;
    if (!what || !sameKind(term, lemmaOf(what))) continue;
    // "a paper diary and the phone", "cash or a QR code": one thing is of one kind, so a list names what it is
    // made of or done with, not what it is.
    const after = tokens[what.end];
    if (after && (after.pos === 'CCONJ' || after.normal === ',')) continue;
    if (isSuperlative(tokens[phrase.end + 2])) continue;
    const rest = tokens.slice(phrase.end + 1).map((token) => token.text).join(' ').replace(/\s+([,.;:!?)])/g, '$1').replace(/\(\s+/g, '(').trim();
    if (rest.split(/\s+/).length < 2) continue;
    const text = rest.charAt(0).toUpperCase() + rest.slice(1);
    return /[.!?]$/.test(text) ? text : `${text}.`;
  }
  return undefined;
}

/** Each record and actor the text defines, with its definition; a term the text never defines is left out. */
export function glossaryOf(model: ProjectModel, sentences: Sentence[]): ModelTerm[] {
  const terms: ModelTerm[] = [];
  for (const item of [...model.entities, ...model.actors]) {
    if (terms.some((term) => term.term === item.name)) continue;
    const term = item.name.toLowerCase();
    for (const sentence of sentences) {
      const definition = definitionIn(sentence, term);
      if (!definition) continue;
      terms.push({ term: item.name, definition: definition.slice(0, 1000), sources: [sentence.source] });
      break;
    }
  }
  return terms.slice(0, 40);
}

export function openQuestionsOf(input: ProjectModelInput, model: ProjectModel, ids: IdPool): ModelQuestion[] {
  const questions: ModelQuestion[] = [];
  for (const answer of input.answers ?? []) {
    if (answer.answer.trim() !== '') continue;
    questions.push({ id: ids.take(answer.question.split(/\s+/).slice(0, 6).join(' ')), question: answer.question.trim().slice(0, 1000) });
  }
  const answered = (input.answers ?? []).filter((a) => a.answer.trim() !== '').map((a) => a.question.toLowerCase());
  const asked = (input.answers ?? []).map((a) => a.question.toLowerCase());
  if (!model.constraints.some((c) => c.category === 'platform') && !asked.some((q) => /platform|device|mobile|app\b/.test(q)) && !answered.some((q) => /platform|device/.test(q))) {
    questions.push({ id: ids.take('platform'), question: 'Which devices and platforms must the product run on?' });
  }
  return questions.slice(0, 20);
}
