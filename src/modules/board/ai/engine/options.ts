import { capitalize, pluralize, singularize, splitSentences } from '../../../../core/text/index.js';
import { span, tagPredicate, type PlacedToken } from './words.js';

/**
 * The options a decision statement names, as short imperative labels: "Should we launch in one city or three?" →
 * "Launch in one city", "Launch in three cities". The statement is read with the part-of-speech tagger: the phrase
 * after "should we" / "whether to" is a verb phrase; its alternatives are split at "or" (and at commas of a list);
 * an alternative that is only a fragment ("three", "Paris", "two juniors", "later") is completed from the first
 * alternative by replacing the matching part of it. "Which X should we Y: A, B or C?" gives "Y A" for each; "between
 * A and B" and "A vs B" give their items; a single proposal ("Should we X?") gives X against "Do not X yet".
 */
export type NamedOptions = { labels: string[]; form: 'alternatives' | 'proposal' | 'which' | 'between' | 'none' };

const MAX_OPTIONS = 5;
const MAX_LABEL = 120;

/** The sentence of the statement that carries the decision. */
export function decisionSentence(statement: string): string {
  const sentences = splitSentences(statement).map((s) => s.trim()).filter((s) => s !== '');
  const asking = sentences.find((s) => /\?\s*$/.test(s) && /\b(?:or|whether|should|shall|which|between|vs\.?|versus)\b/i.test(s));
  return asking ?? sentences.find((s) => /\?\s*$/.test(s)) ?? sentences.find((s) => /\b(?:whether|should|between|vs\.?|versus|or)\b/i.test(s)) ?? sentences[0] ?? statement.trim();
}

const QUESTION_LEAD =
  /^(?:so|now|ok|okay|then|basically|honestly)[,\s]+|^(?:should|shall|do|can|could|would|must|will|ought)\s+(?:we|i|us|the\s+(?:team|company|business|board|org(?:anization|anisation)?)|our\s+(?:team|company|business))\s+(?:to\s+)?|^is\s+it\s+(?:time|worth\s+it|better|wise|smart|a\s+good\s+idea|the\s+right\s+time)\s+(?:for\s+us\s+)?to\s+|^(?:we|i)\s+(?:are|am)\s+(?:trying\s+to\s+decide|deciding|debating|considering|weighing\s+up|weighing|wondering)\s+|^(?:we|i)\s+(?:need|have|want|must|should)\s+to\s+(?:decide|choose|pick|figure\s+out|work\s+out)\s+|^(?:we|i)\s+(?:must|should|cannot|can't|can’t)\s+(?:decide|choose)\s+|^(?:help\s+(?:us|me)\s+)?(?:decide|deciding|choose)\s+|^the\s+(?:question|decision)\s+is\s+|^whether\s+or\s+not\s+(?:to\s+|we\s+should\s+|we\s+)?|^whether\s+(?:to\s+|we\s+should\s+|we\s+|i\s+should\s+)?/i;

export function stripLeads(text: string): string {
  let current = text.trim().replace(/[?.!]+$/, '').trim();
  for (let i = 0; i < 6; i++) {
    const next = current.replace(QUESTION_LEAD, '').trim();
    if (next === current) break;
    current = next;
  }
  return current;
}

function tidy(label: string): string {
  const text = label
    .replace(/\s+/g, ' ')
    .replace(/^(?:either|to)\s+/i, '')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return capitalize(text.length > MAX_LABEL ? text.slice(0, MAX_LABEL).replace(/\s+\S*$/, '') : text);
}

function isVerbStart(tokens: readonly PlacedToken[]): boolean {
  const first = tokens[0];
  return first !== undefined && (first.pos === 'VERB' || (first.pos === 'AUX' && first.normal !== 'to'));
}

/** "Do not launch a freemium tier yet": the proposal's opposite, with words of immediacy left out. */
export function notYet(label: string): string {
  const base = label
    .replace(/\b(?:right\s+now|now|immediately|today|right\s+away|this\s+(?:week|month|quarter|year)|asap)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const lowered = base.charAt(0).toLowerCase() + base.slice(1);
  return /\b(?:until|before|yet)\b/i.test(base) ? `Do not ${lowered}` : `Do not ${lowered} yet`;
}

function numberWord(token: PlacedToken): boolean {
  return token.pos === 'NUM' || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|single)$/i.test(token.normal);
}

const NOUNISH = new Set(['NOUN', 'PROPN']);
const NP_PART = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);

/** The last noun phrase of the tokens: [from, to). */
function lastNounPhrase(tokens: readonly PlacedToken[]): [number, number] | undefined {
  let end = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (NOUNISH.has(tokens[i]!.pos)) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let start = end;
  while (start > 0) {
    const before = tokens[start - 1]!;
    if (NP_PART.has(before.pos) || (before.pos === 'PRON' && /^(?:our|my|your|their|its)$/.test(before.normal)) || before.pos === 'SYM') start -= 1;
    else break;
    // A determiner opens the phrase: "charge restaurants a monthly fee" ends its object at "a".
    if (before.pos === 'DET') break;
  }
  // A verb the tagger read as a noun at the start is not part of the phrase.
  if (start === 0 && tokens.length > 1) start = end === 0 ? 0 : Math.max(start, 1);
  return [start, end + 1];
}

/** Completes an elliptical alternative ("three") from the first one ("launch in one city"). */
function complete(firstText: string, first: readonly PlacedToken[], fragmentText: string, fragment: readonly PlacedToken[]): { label: string; firstTail?: string } {
  const lead = fragment[0];
  if (!lead) return { label: firstText };
  const replace = (from: number, to: number, by: string): string => `${firstText.slice(0, first[from]!.start)}${by}${firstText.slice(first[to - 1]!.end)}`;

  // A number alone or with its noun: "three", "three cities", "$15".
  const numberAt = fragment.findIndex((t) => numberWord(t));
  if (numberAt >= 0 && numberAt <= 1 && fragment.slice(0, numberAt).every((t) => t.pos === 'SYM')) {
    let slot = -1;
    for (let i = first.length - 1; i >= 0; i--) if (numberWord(first[i]!) || (first[i]!.normal === 'a' && first[i + 1] && NOUNISH.has(first[i + 1]!.pos))) {
      slot = i;
      break;
    }
    if (slot >= 0) {
      const from = slot > 0 && first[slot - 1]!.pos === 'SYM' ? slot - 1 : slot;
      const hasNoun = fragment.slice(numberAt + 1).some((t) => NOUNISH.has(t.pos));
      if (hasNoun) {
        let to = slot + 1;
        while (to < first.length && (NOUNISH.has(first[to]!.pos) || first[to]!.pos === 'ADJ')) to += 1;
        return { label: replace(from, to, fragmentText) };
      }
      const numberText = span(fragmentText, fragment, 0, numberAt + 1);
      const noun = first[slot + 1];
      if (noun && NOUNISH.has(noun.pos)) {
        const singular = /^(?:one|1|single|a)$/i.test(fragment[numberAt]!.normal);
        const word = noun.text;
        const inflected = singular ? singularize(word.toLowerCase()) === word.toLowerCase() ? word : singularize(word) : pluralize(singularize(word));
        const rest = span(fragmentText, fragment, numberAt + 1);
        return { label: `${firstText.slice(0, first[from]!.start)}${numberText} ${inflected}${firstText.slice(noun.end)}${rest ? ` ${rest}` : ''}` };
      }
      return { label: replace(from, slot + 1, fragmentText) };
    }
  }

  // One word of the same kind as a word of the first alternative: "now or later", "free or paid".
  if (fragment.length === 1 && ['ADV', 'ADJ', 'PROPN'].includes(lead.pos)) {
    for (let i = first.length - 1; i > 0; i--) if (first[i]!.pos === lead.pos) return { label: replace(i, i + 1, fragmentText) };
  }

  // A prepositional phrase: "move to AWS or to GCP".
  if (lead.pos === 'ADP') {
    for (let i = first.length - 1; i > 0; i--) if (first[i]!.normal === lead.normal) return { label: `${firstText.slice(0, first[i]!.start)}${fragmentText}` };
  }

  // A noun phrase, perhaps with a tail that applies to both: "Stripe or Paddle for payments".
  const fragmentPhraseEnd = fragment.findIndex((t, i) => i > 0 && !NP_PART.has(t.pos) && !(t.pos === 'PRON' && i === 0));
  const phraseEnd = fragmentPhraseEnd < 0 ? fragment.length : fragmentPhraseEnd;
  const slot = lastNounPhrase(first);
  if (slot) {
    const [from, to] = slot;
    const tail = phraseEnd < fragment.length ? span(fragmentText, fragment, phraseEnd) : '';
    const slotAtEnd = to === first.length;
    const label = replace(from, to, fragmentText);
    // A tail is shared only between bare names ("Stripe or Paddle for payments"); when the first alternative is a full
    // noun phrase of its own ("a monthly subscription or a price per meal"), the tail belongs to the second one.
    const bare = to - from === 1 && fragment[0]!.pos !== 'DET' && !(fragment[0]!.pos === 'PRON' && POSSESSIVE.test(fragment[0]!.normal));
    return slotAtEnd && tail && bare ? { label, firstTail: tail } : { label };
  }
  return { label: `${firstText} ${fragmentText}` };
}

const POSSESSIVE = /^(?:our|my|your|their|its)$/;

/** The first alternative's object: the first noun phrase after its verb ("keep support in-house" → "support"). */
function objectPhrase(first: readonly PlacedToken[]): [number, number] | undefined {
  const inPhrase = (t: PlacedToken) => NP_PART.has(t.pos) || (t.pos === 'PRON' && POSSESSIVE.test(t.normal));
  let start = 1;
  while (start < first.length && !inPhrase(first[start]!)) start += 1;
  let end = start;
  let lastNoun = -1;
  while (end < first.length && inPhrase(first[end]!)) {
    if (NOUNISH.has(first[end]!.pos)) lastNoun = end;
    end += 1;
  }
  return lastNoun >= 0 ? [start, lastNoun + 1] : lastNounPhrase(first);
}

/**
 * Resolves "it"/"them" in a later alternative to the first alternative's object ("or shut it down"), and "one" to
 * a thing of the same kind ("build our own scheduling engine or buy one" → "buy a scheduling engine").
 */
function resolvePronoun(text: string, tokens: readonly PlacedToken[], firstText: string, first: readonly PlacedToken[]): string {
  const object = objectPhrase(first);
  if (!object) return text;
  const pronoun = tokens.findIndex((t, i) => i > 0 && t.pos === 'PRON' && /^(?:it|them)$/.test(t.normal));
  if (pronoun >= 0) {
    const token = tokens[pronoun]!;
    return `${text.slice(0, token.start)}${span(firstText, first, object[0], object[1])}${text.slice(token.end)}`;
  }
  const one = tokens.findIndex((t, i) => i > 0 && t.normal === 'one' && tokens[i - 1]!.pos === 'VERB' && !(tokens[i + 1] && NOUNISH.has(tokens[i + 1]!.pos)));
  if (one < 0) return text;
  // The kind without whose it is: determiners, possessives and "own" go, the describing words stay.
  let from = object[0];
  while (from < object[1] - 1 && (first[from]!.pos === 'DET' || (first[from]!.pos === 'PRON' && POSSESSIVE.test(first[from]!.normal)) || first[from]!.normal === 'own')) from += 1;
  const kind = span(firstText, first, from, object[1]);
  const token = tokens[one]!;
  return `${text.slice(0, token.start)}${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}${text.slice(token.end)}`;
}

function splitAlternatives(body: string): string[] {
  const parts = body.split(/\s*,?\s+or\s+(?:else\s+)?/i).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return parts;
  const head = parts[0]!;
  const commaItems = head.split(/\s*,\s*/);
  // "expand to Spain, Italy or Portugal": commas of a list of short items, not a clause's comma.
  if (commaItems.length > 1 && commaItems.slice(1).every((item) => item.split(/\s+/).length <= 4)) return [...commaItems, ...parts.slice(1)];
  return parts;
}

function fromAlternatives(body: string, led: boolean): string[] {
  const orNot = /[\s,]+or\s+not$/i.test(body);
  const cleaned = body.replace(/[\s,]+or\s+not$/i, '').trim();
  const parts = orNot ? [cleaned] : splitAlternatives(cleaned);
  if (parts.length === 0) return [];
  if (parts.length === 1) {
    const only = parts[0]!;
    // After "should we" the phrase is a verb phrase even where the tagger reads its verb as a noun ("sunset").
    if (!led && !isVerbStart(tagPredicate(only))) return [];
    return [tidy(only), notYet(tidy(only))];
  }
  let firstText = parts[0]!;
  let first = tagPredicate(firstText);
  const rest = parts.slice(1).map((text) => ({ text, tokens: tagPredicate(text) }));
  // "build or buy our billing system": a bare first verb takes the object of the next alternative.
  if (first.length === 1 && isVerbStart(first)) {
    const donor = rest.find((r) => isVerbStart(r.tokens) && r.tokens.length > 1);
    if (donor) {
      firstText = `${firstText} ${span(donor.text, donor.tokens, 1)}`;
      first = tagPredicate(firstText);
    } else if (rest.every((r) => r.tokens.length === 1)) {
      return [firstText, ...rest.map((r) => r.text)].map((verb) => tidy(BARE_VERBS[verb.toLowerCase()] ?? verb)).slice(0, MAX_OPTIONS);
    }
  }
  const labels: string[] = [];
  let firstTail = '';
  for (const alternative of rest) {
    if (isVerbStart(alternative.tokens) || alternative.tokens.length === 0) {
      labels.push(resolvePronoun(alternative.text, alternative.tokens, firstText, first));
      continue;
    }
    const completed = complete(firstText, first, alternative.text, alternative.tokens);
    labels.push(completed.label);
    if (completed.firstTail && !firstTail) firstTail = completed.firstTail;
  }
  const firstLabel = firstTail ? `${firstText} ${firstTail}` : firstText;
  return unique([firstLabel, ...labels].map(tidy)).slice(0, MAX_OPTIONS);
}

/** "build or buy" with nothing after them: the idiom's two sides. */
const BARE_VERBS: Record<string, string> = {
  build: 'Build it in-house',
  buy: 'Buy an existing product',
  make: 'Make it in-house',
  rent: 'Rent it',
  lease: 'Lease it',
  hire: 'Hire for it',
  outsource: 'Outsource it',
  wait: 'Wait',
};

function listItems(text: string): string[] {
  return text
    .replace(/[?.!]+$/, '')
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:or|and)\s+/i)
    .map((item) => item.trim().replace(/^(?:either|the\s+option\s+of)\s+/i, ''))
    .filter((item) => item !== '' && item.split(/\s+/).length <= 10);
}

/** An item of "between A and B" as an imperative: a gerund becomes its verb ("building in-house" → "Build in-house"). */
function asAction(item: string, verb: string): string {
  const tokens = tagPredicate(`are ${item}`);
  const head = tokens[1];
  if (head && /ing$/i.test(head.normal) && head.pos === 'VERB') return tidy(`${head.lemma}${item.slice(head.text.length)}`);
  if (isVerbStart(tagPredicate(item)) && !/^(?:a|an|the)\b/i.test(item)) return tidy(item);
  return tidy(`${verb} ${item}`);
}

/** "Which CRM should we choose: HubSpot or Pipedrive?", "Which of Germany, France or Spain should we enter first?". */
function fromWhich(sentence: string): string[] {
  const text = sentence.trim().replace(/[?.!]+$/, '');
  const match = /^(?:which|what)\s+(?:one\s+)?(?:of\s+)?(.*?)\s+(?:should|shall|do|can|could|would|must)\s+(?:we|i|the\s+team|the\s+company)\s+(.+?)\s*(?:[:–—]\s*(.+))?$/i.exec(text);
  if (!match) return [];
  const [, subject = '', predicate = '', listed = ''] = match;
  const items = listed ? listItems(listed) : listItems(subject).length >= 2 ? listItems(subject) : [];
  if (items.length < 2) return [];
  const verbTokens = tagPredicate(predicate);
  let split = 1;
  while (split < verbTokens.length && (verbTokens[split]!.pos === 'ADP' || verbTokens[split]!.pos === 'PART')) split += 1;
  const before = span(predicate, verbTokens, 0, split) || predicate;
  const after = span(predicate, verbTokens, split);
  return unique(items.map((item) => tidy(`${before} ${item}${after ? ` ${after}` : ''}`))).slice(0, MAX_OPTIONS);
}

function fromBetween(sentence: string): string[] {
  const text = sentence.trim().replace(/[?.!]+$/, '');
  const between = /\b(choose|decide|pick|select)?\s*between\s+(.+)$/i.exec(text);
  if (between) {
    const items = listItems(between[2] ?? '');
    if (items.length >= 2) return unique(items.map((item) => asAction(item, 'Go with'))).slice(0, MAX_OPTIONS);
  }
  const versus = /^(.*?)\s+(?:vs\.?|versus)\s+(.+?)(?:\s+for\s+.*)?$/i.exec(stripLeads(text));
  if (versus) {
    const items = [...listItems(versus[1] ?? ''), ...listItems(versus[2] ?? '')];
    if (items.length >= 2) return unique(items.map((item) => asAction(item, 'Go with'))).slice(0, MAX_OPTIONS);
  }
  return [];
}

function unique(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.toLowerCase();
    if (label === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Options listed in the context: "Options: A, B or C" or bulleted lines under an "options" key. */
function fromContext(context: string): string[] {
  const line = /^\s*(?:options?|alternatives?|choices?|candidates?)\s*[:=-]\s*(.+)$/im.exec(context);
  if (!line) return [];
  const items = listItems(line[1] ?? '');
  return items.length >= 2 ? unique(items.map((item) => asAction(item, 'Go with'))).slice(0, MAX_OPTIONS) : [];
}

export function namedOptions(statement: string, context = ''): NamedOptions {
  const sentence = decisionSentence(statement);
  if (/^\s*(?:which|what)\b/i.test(sentence)) {
    const labels = fromWhich(sentence);
    if (labels.length >= 2) return { labels, form: 'which' };
  }
  const between = fromBetween(sentence);
  if (between.length >= 2) return { labels: between, form: 'between' };
  const body = stripLeads(sentence);
  if (!/^(?:which|what|how|when|where|who|why)\b/i.test(body)) {
    const labels = fromAlternatives(body, body !== sentence.trim().replace(/[?.!]+$/, '').trim());
    if (labels.length >= 2) return { labels, form: labels.length === 2 && labels[1]!.startsWith('Do not ') ? 'proposal' : 'alternatives' };
  }
  const listed = fromContext(context);
  if (listed.length >= 2) return { labels: listed, form: 'which' };
  return { labels: [], form: 'none' };
}
