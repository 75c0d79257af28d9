import { bracketsOf, clausesOf, compoundsOf, isFiniteVerb, opensAside, nounPhrases, parseText, readAsParts, readCompoundsAlike, type Clause, type NounPhrase, type TaggedSentence } from '../../../../../core/text/nlp/index.js';
import type { ModelSource } from '../../../project-model.contract.js';
import type { ProjectModelInput } from '../schema.js';

/** One sentence of the input, parsed, with where it was read. */
export type Sentence = {
  text: string;
  tagged: TaggedSentence;
  phrases: NounPhrase[];
  clauses: Clause[];
  source: ModelSource;
  /** The question an answer replies to, lower case; absent for the idea and documents. */
  question?: string;
  /** Position in the whole input: later sentences never reorder earlier findings. */
  order: number;
  /** Start tokens of the phrases that only give examples: in brackets, or listed after a dash or a colon. */
  examples: Set<number>;
  /** Start tokens of the phrases bracketed examples illustrate: "services" in "services (bath, full groom)". */
  exampled: Set<number>;
  /** Whether each token stands in brackets. */
  bracketed: boolean[];
  /** A bullet under a lead that says what the writer wants ("What I need:"): the item is something wanted. */
  wished?: true;
};

const QUOTE_MAX = 600;

/**
 * Lines of a text with list markers removed: an unpunctuated bullet is a sentence of its own, and so is each step of
 * a flow written with arrows ("lead comes in → sales rep sends a quote → customer signs").
 */
function lines(text: string): { line: string; item: boolean }[] {
  return text
    .split(/\n+|\s*(?:→|->|=>|⇒)\s*/)
    .map((raw) => ({ line: raw.replace(LIST_MARKER, '').trim(), item: LIST_MARKER.test(raw) }))
    .filter(({ line }) => line !== '');
}

/** A bullet or a number that opens an item of a list: "- ", "* ", "• ", "2) ". */
const LIST_MARKER = /^\s*(?:[-*•]|\d+[.)])\s+/;

/** Verbs by which a lead says that what its list holds is wanted: "What I need:", "I'd love:", "Wanted:". */
const WISHING_VERBS = new Set(['want', 'need', 'like', 'love', 'wish', 'require']);

/** Whether a line ending in a colon says the writer wants what follows: some clause of it has a verb of wishing. */
function wishesFor(lead: Sentence[]): boolean {
  const last = lead[lead.length - 1];
  return last !== undefined && last.text.endsWith(':') && last.clauses.some((clause) => WISHING_VERBS.has(clause.verb));
}

/** Words a lead ends on before its colon when the list after it names what something has: "Every batch has:". */
const HAVING_WORDS = new Set(['have', 'include', 'contain', 'comprise', 'with']);

/** Whether a line ending in a colon says that the items after it are the parts of something ("Each job has:"). */
function listsParts(lead: Sentence[]): boolean {
  const tokens = lead[lead.length - 1]?.tagged.tokens ?? [];
  const [word, colon] = [tokens[tokens.length - 2], tokens[tokens.length - 1]];
  return colon?.text === ':' && word !== undefined && HAVING_WORDS.has(word.lemma.toLowerCase());
}

const APPOSITION = new Set(['—', '–', ':']);

/** Whether the token at `index` stands in brackets: an aside ("(breathing apparatus, truck driver)"), never an action. */
export function inBrackets(sentence: Sentence, index: number): boolean {
  return sentence.bracketed[index] ?? false;
}

/**
 * The phrases that give examples of what a sentence speaks of rather than name its records: whatever stands in
 * brackets ("services (bath, full groom, nail clip)", "(no names shown)"), and a list of two or more phrases after a
 * dash or a colon that follows a phrase ("problems in public space — potholes, broken street lights —", "a small
 * print shop: business cards, flyers, posters").
 */
function examplesOf(
  tokens: TaggedSentence['tokens'],
  phrases: NounPhrase[],
  inside: boolean[],
): { examples: Set<number>; exampled: Set<number> } {
  const examples = new Set<number>();
  const exampled = new Set<number>();
  phrases.forEach((phrase, index) => {
    if (!inside[phrase.start]) return;
    examples.add(phrase.start);
    const before = phrases[index - 1];
    if (before && !inside[before.start] && opensAside(tokens[before.end]?.text ?? '')) exampled.add(before.start);
  });
  phrases.forEach((phrase, index) => {
    const mark = tokens[phrase.start - 1];
    const before = phrases[index - 1];
    if (!mark || !APPOSITION.has(mark.text) || !before || before.end !== phrase.start - 1) return;
    const list = [phrase];
    for (const next of phrases.slice(index + 1)) {
      const between = tokens.slice((list[list.length - 1] as NounPhrase).end, next.start);
      if (between.length === 0 || !between.every((token) => token.text === ',' || token.pos === 'CCONJ')) break;
      list.push(next);
    }
    // Which phrase a dash list illustrates is not sure ("problems in public space — potholes, …"), so none is marked.
    if (list.length >= 2) for (const item of list) examples.add(item.start);
  });
  return { examples, exampled };
}

function parse(text: string, source: Omit<ModelSource, 'quote'>, question: string | undefined, sentences: Sentence[], reading: Reading): void {
  let wishingLead = false;
  let partsLead = false;
  for (const { line, item } of lines(text)) {
    const first = sentences.length;
    for (const read of reading.parse(line)) {
      const tagged = item && partsLead ? readAsParts(read) : read;
      const quote = tagged.text.trim();
      if (!/[a-z]/i.test(quote)) continue;
      const phrases = nounPhrases(tagged.tokens);
      const bracketed = bracketsOf(tagged.tokens);
      sentences.push({
        text: quote,
        tagged,
        phrases,
        clauses: clausesOf(tagged),
        source: { ...source, quote: quote.slice(0, QUOTE_MAX) },
        ...(question ? { question: question.toLowerCase() } : {}),
        order: sentences.length,
        bracketed,
        ...examplesOf(tagged.tokens, phrases, bracketed),
        ...(item && wishingLead ? { wished: true as const } : {}),
      });
    }
    // A line that is no item is the lead of the items after it.
    if (!item) {
      wishingLead = wishesFor(sentences.slice(first));
      partsLead = listsParts(sentences.slice(first));
    }
  }
}

// Only a question of what someone can or will do asks for a feature; "Do stylists earn commission?" asks a fact.
const FEATURE_QUESTION = /^\s*(?:can|could|should|will|would|may)\b/i;
const YES = /^\s*(?:yes|yeah|yep|sure|of course|definitely|absolutely)\b/i;
/** An answer that denies or narrows: "No", "Not yet", "Cash only", "never online". */
const DENIES = /^\s*(?:no|not|nope|none|never)\b|\b(?:not|never|only|just)\b|n't\b/i;

/**
 * Whether an answer says yes to a question of what someone can do, so that the question states what the product does:
 * "Can clients cancel an appointment online?" answered "Yes, up to 24 hours before", or answered with the terms on
 * which they can ("Free up to 48 hours before, after that they pay 50%"), never with a denial or a narrowing ("Cash
 * only").
 */
function confirms(answer: { question: string; answer: string }): boolean {
  return asksForFeature(answer.question) && (YES.test(answer.answer) || !DENIES.test(answer.answer));
}

/** "Can members …?", "Should it …?", or a question that opens on a bare verb: "Integrate with Xero?" ("should we" left out). */
function asksForFeature(question: string): boolean {
  if (FEATURE_QUESTION.test(question)) return true;
  const first = parseText(question)[0]?.tokens[0];
  return first !== undefined && first.pos === 'VERB' && first.normal === first.lemma;
}

/** How the lines of one input are tagged: each once, then read alike where the writer uses a compound. */
type Reading = { parse: (line: string) => TaggedSentence[] };

/** The tagged lines of every text, with the compounds any of them uses read as compounds in all (one reading per text). */
function readingOf(tagged: ReadonlyMap<string, TaggedSentence[]>): Reading {
  const compounds = compoundsOf([...tagged.values()].flat());
  return { parse: (line) => (tagged.get(line) ?? parseText(line)).map((sentence) => readCompoundsAlike(sentence, compounds)) };
}

type Text = { text: string; source: Omit<ModelSource, 'quote'>; question?: string };

/** Every sentence of the idea, the answered questions and the documents, in that order. */
export function readInput(input: ProjectModelInput): Sentence[] {
  // Lines are tagged in the order they are read: the tagger reads a word the way it last read it.
  const tagged = new Map<string, TaggedSentence[]>();
  const texts: Text[] = [];
  const add = (text: Text): void => {
    texts.push(text);
    for (const { line } of lines(text.text)) if (!tagged.has(line)) tagged.set(line, parseText(line));
  };
  add({ text: input.idea, source: { kind: 'idea' } });
  for (const answer of input.answers ?? []) {
    if (answer.answer.trim() === '') continue;
    const source = { kind: 'answer' as const, label: answer.question.slice(0, 300) };
    if (confirms(answer)) add({ text: answer.question, source, question: answer.question });
    add({ text: answer.answer, source, question: answer.question });
  }
  for (const document of input.sources ?? []) {
    for (const section of document.sections) add({ text: section.text, source: { kind: 'document', label: document.title.slice(0, 300) } });
  }
  const reading = readingOf(tagged);
  const sentences: Sentence[] = [];
  for (const { text, source, question } of texts) parse(text, source, question, sentences, reading);
  return sentences;
}

/** Words that join the phrases an item names: "customers and their appliances", "dive trips with a sign-up list". */
const ITEM_JOINS = new Set([',', 'and', 'or', 'with', 'plus', '&', '+', "'s"]);

/**
 * The phrases a wished item opens with, before its first verb: "customers and their appliances (boiler make, model)"
 * names customers and appliances; "the decision logged with the forecast" names the decision. Empty for an item that is
 * not wished or opens on anything but a phrase ("which driver's on which van").
 */
export function wishedPhrases(sentence: Sentence): NounPhrase[] {
  if (!sentence.wished) return [];
  const tokens = sentence.tagged.tokens;
  const named: NounPhrase[] = [];
  for (const phrase of sentence.phrases) {
    const from = named.length === 0 ? 0 : (named[named.length - 1] as NounPhrase).end;
    const between = tokens.slice(from, phrase.start);
    if (!between.every((token) => ITEM_JOINS.has(token.normal))) break;
    named.push(phrase);
  }
  // "fridges and TVs go on a different truck": phrases a finite verb follows are its subject; the item is a statement.
  // A hyphen after them joins a word the phrase lost ("training sign-off expires").
  const next = tokens[named[named.length - 1]?.end ?? 0];
  return next && (isFiniteVerb(next) || next.text === '-') ? [] : named;
}
