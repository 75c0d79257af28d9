import { capitalize, singularize } from '../../../../../core/text/index.js';
import { derivedForms, isKindOf, knows, knowsWord, lemmasBeginning, semanticClasses, senses, type NounPhrase } from '../../../../../core/text/nlp/index.js';

/**
 * What a noun phrase names, read from WordNet's semantic classes rather than from word lists: a person or group of
 * people, a record the product keeps, or neither (qualities, quantities, times, feelings, states).
 */
const RECORD_CLASSES = new Set(['noun.artifact', 'noun.act', 'noun.event', 'noun.possession', 'noun.communication', 'noun.location', 'noun.animal', 'noun.plant', 'noun.food', 'noun.group', 'noun.object']);
const NEVER_RECORD = new Set(['noun.attribute', 'noun.quantity', 'noun.time', 'noun.feeling', 'noun.motive', 'noun.shape', 'noun.body', 'noun.state', 'noun.process', 'noun.substance', 'noun.phenomenon']);
const PERSON_GROUPS = new Set(['noun.person']);

/** Generic role words WordNet does not know as people, or knows first as something else. */
const ROLE_WORDS = new Set(['admin', 'administrator', 'staff', 'owner', 'manager', 'moderator', 'user', 'team', 'committee', 'panel', 'office', 'reception', 'housekeeping', 'household', 'family', 'organiser', 'organizer']);

/** The software itself, in any of its usual names: never a record of the product. */
const PRODUCT_WORDS = new Set(['app', 'application', 'system', 'platform', 'website', 'portal', 'software', 'product', 'service', 'dashboard', 'interface', 'spreadsheet', 'database', 'version', 'feature', 'web', 'page', 'people', 'everyone', 'everything', 'nobody', 'somebody', 'someone', 'anything', 'something', 'idea', 'problem', 'mess', 'chaos', 'admin', 'click', 'paper', 'stuff']);

/** Words too vague to be a record on their own, though a modifier can make one ("waiting list", "time slot"). */
const VAGUE_WORDS = new Set(['thing', 'time', 'way', 'lot', 'bit', 'kind', 'type', 'sort', 'place', 'number', 'side', 'end', 'start', 'rest', 'list', 'detail', 'info', 'information', 'data', 'email', 'phone', 'text', 'link', 'set', 'group', 'area']);

/** Heads that make a phrase an outside system when something names it ("payment provider", "telematics API"). */
const SYSTEM_HEADS = new Set(['provider', 'api', 'gateway', 'service', 'calendar', 'system']);

export function lemmaOf(phrase: NounPhrase): string {
  return phrase.head.lemma.toLowerCase();
}

/** People in general, no role of their own: "people can book", "anyone may enter", "the public". */
export function isGenericPeople(lemma: string): boolean {
  // "someone" and "whoever" are one person of those the sentence is about ("if someone misses two rehearsals").
  return /^(?:people|public|folks?|anyone|anybody|everyone|everybody)$/.test(lemma);
}

/** The actor the text's "the public" is. */
export const MEMBER_OF_THE_PUBLIC = 'member of the public';

/** "The public, who book", "the public buys tickets": one of them is who acts. */
export function isThePublic(phrase: NounPhrase): boolean {
  return phrase.determiner === 'the' && phrase.nouns.length === 0 && lemmaOf(phrase) === 'public';
}

/** A word WordNet knows more often as a noun than as an adjective ("home", "entry"), never a quality ("small", "private"). */
export function isMostlyNoun(word: string): boolean {
  return senses(word, 'noun').length > senses(word, 'adj').length;
}

/**
 * Whether a word names people. As the doer of an action ("Fans buy tickets", "the chair accepts proposals") any of
 * its first senses may be the person one (never an animal's); elsewhere only its first.
 */
export function isPersonWord(lemma: string, asAgent = false): boolean {
  if (ROLE_WORDS.has(lemma)) return true;
  // "the groomer marks each dog": a doer's noun WordNet does not know, made from a verb it knows, is a person.
  if (asAgent && /^[a-z]{4,}(?:er|or)$/.test(lemma) && !knows(lemma, 'noun') && knows(lemma.replace(/(?:er|or)$/, ''), 'verb')) return true;
  // "2 audiologists": a practitioner's noun in -ist WordNet does not know, made from a field it knows, is a person.
  if (/^[a-z]{4,}ist$/.test(lemma) && !knows(lemma, 'noun') && ['y', 'ism', 'ics'].some((end) => knows(lemma.replace(/ist$/, end), 'noun'))) return true;
  // "Non-members", "co-owners": a hyphenated word WordNet lacks names what its last part names.
  if (lemma.includes('-') && !knows(lemma, 'noun')) return isPersonWord(lemma.split('-').pop() ?? '', asAgent);
  // "the physio reviews the logs": a doer's word WordNet does not know, cut short from a word for people it knows.
  if (asAgent && isClippedPersonWord(lemma)) return true;
  const classes = semanticClasses(lemma, 'noun', 3);
  if (isVehicleWord(lemma)) return false;
  // "Most referrals come from the GP": a verb's noun in -al, -tion, -ment that WordNet also knows as the act is the
  // act, though WordNet's first sense is the person so referred.
  if (/(?:al|tion|sion|ment)$/.test(lemma) && classes.includes('noun.act') && derivedForms(lemma, 'noun', 'verb').length > 0) return false;
  // An animal is never a user, though WordNet also knows "dog" and "pig" as words for people.
  if (asAgent) return classes[0] !== 'noun.animal' && classes.some((name) => PERSON_GROUPS.has(name));
  return classes[0] !== undefined && PERSON_GROUPS.has(classes[0]);
}

/** Whether an unknown word is the start of a word WordNet knows first as people ("physio", "coord"). */
function isClippedPersonWord(lemma: string): boolean {
  return lemma.length >= 4 && !knowsWord(lemma) && lemmasBeginning(lemma, 'noun').some((word) => semanticClasses(word, 'noun', 1)[0] === 'noun.person');
}

/** Whether a word names a document first: an invoice, a report, a certificate, an email (never an account). */
export function isDocumentWord(lemma: string): boolean {
  return ['document', 'written_communication', 'electronic_communication'].some((kind) => isKindOf(lemma, kind, 'noun', 1));
}

/**
 * A vehicle is never a user, though WordNet knows "van" first as a group (the vanguard): the first sense that is no
 * group is a conveyance, and no sense is a person (a coach, a carrier, a commuter are people too; litter is rubbish
 * before it is a stretcher).
 */
export function isVehicleWord(lemma: string): boolean {
  const firstNotGroup = senses(lemma, 'noun').findIndex((sense) => sense.lexname !== 'noun.group');
  return firstNotGroup >= 0 && isKindOf(lemma, 'conveyance', 'noun', firstNotGroup + 1) && !semanticClasses(lemma, 'noun', 3).includes('noun.person');
}

/** Whether a word names a group first ("team", "family", "class"): a record of who belongs to it, even when it acts. */
export function isGroupWord(lemma: string): boolean {
  return semanticClasses(lemma, 'noun', 1)[0] === 'noun.group';
}

/** Whether a phrase's head names a kind of record: a thing, an act, an event, a possession, a document, a place. */
export function isRecordWord(lemma: string, modified = false, actedOn = false): boolean {
  if (PRODUCT_WORDS.has(lemma) || lemma.length < 3 || (!modified && VAGUE_WORDS.has(lemma))) return false;
  const classes = semanticClasses(lemma, 'noun', 3);
  const first = classes[0];
  if (first === undefined) return false;
  // What people act on is a thing in one of its senses even when general English uses the word first for something
  // else ("pay a deposit", "apply for a pitch", "enter the result").
  if (actedOn && classes.some((name) => RECORD_CLASSES.has(name) && name !== 'noun.group' && name !== 'noun.location')) return true;
  // "log their watering days", "book delivery windows": a time named by what happens in it is an entry people keep.
  if (actedOn && modified && first === 'noun.time') return true;
  if (NEVER_RECORD.has(first)) return false;
  // A word that is first an adjective ("reliable", "missing", "partial") is a quality even where WordNet has a noun.
  if (knows(lemma, 'adj') && !RECORD_CLASSES.has(first)) return false;
  return classes.some((name) => RECORD_CLASSES.has(name) && name !== 'noun.group') || RECORD_CLASSES.has(first);
}

/**
 * Whether a phrase names a record. A word that usually names the software can name an act when people act on it and
 * it is written in full: "submit an application", "an application is approved" (never "the app", "a web application").
 */
export function isRecordPhrase(phrase: NounPhrase, actedOn = false): boolean {
  const lemma = lemmaOf(phrase);
  const modified = phrase.nouns.length > 0;
  // "every Sunday evening", "the summer weekend": a time named by another time is when, never an entry kept.
  // An "expiry date" is a date kept.
  const timeOfTime = modified && semanticClasses(lemma, 'noun', 1)[0] === 'noun.time' && phrase.nouns.every((noun) => isKindOf(noun, 'time_period', 'noun', 1));
  if (timeOfTime) return false;
  if (isRecordWord(lemma, modified, actedOn)) return true;
  if (!actedOn || !PRODUCT_WORDS.has(lemma) || !phrase.head.normal.startsWith(lemma)) return false;
  if (phrase.nouns.some((noun) => PRODUCT_WORDS.has(noun)) || phrase.adjectives.some((adjective) => PRODUCT_WORDS.has(adjective) || /^(?:mobile|online|native)$/.test(adjective))) return false;
  return semanticClasses(lemma, 'noun', 1)[0] === 'noun.act';
}

export function isVagueWord(lemma: string): boolean {
  return VAGUE_WORDS.has(lemma);
}

/** Words that stand for nothing one could act on by name: "runs things", "sorts stuff out", "pays the rest". */
const PLACEHOLDER_WORDS = new Set(['thing', 'stuff', 'rest', 'way', 'kind', 'type', 'sort', 'bit', 'side']);

export function isPlaceholderWord(lemma: string): boolean {
  return PLACEHOLDER_WORDS.has(lemma);
}

export function isSystemHead(lemma: string): boolean {
  return SYSTEM_HEADS.has(lemma);
}

export function isProductWord(lemma: string): boolean {
  return PRODUCT_WORDS.has(lemma);
}

/**
 * Whether an adjective says what kind of thing its noun is rather than what it is like: WordNet's relational
 * adjectives, pertaining to a noun ("medical note", "social worker", "electric hookup"), never "new" or "different".
 */
function isClassifying(adjective: string): boolean {
  return /^[a-z]+$/.test(adjective) && semanticClasses(adjective, 'adj', 1)[0] === 'adj.pert';
}

/** "shopping list", "corrective action" from the phrase's classifying modifiers and head, singular, lower case. */
export function termOf(phrase: NounPhrase, withModifiers = true): string {
  const nouns = withModifiers ? phrase.nouns.filter((noun) => /^[a-z][a-z-]*$/.test(noun) && !PRODUCT_WORDS.has(noun) && knows(noun, 'noun') && !(phrase.number !== undefined && isUnitWord(noun))) : [];
  const adjectives = withModifiers && nouns.length === 0 ? phrase.adjectives.filter(isClassifying) : [];
  return [...adjectives.slice(-1), ...nouns.slice(-2), lemmaOf(phrase)].join(' ');
}

/**
 * "percent", "litre", "kilo", "hour": a word that, after a number, says how much or how long ("a 30 percent deposit",
 * "2 hour sessions", "48 hours notice"), not which.
 */
export function isUnitWord(noun: string): boolean {
  const word = singularize(noun);
  return ['unit_of_measurement', 'proportion', 'time_unit', 'time_period'].some((kind) => isKindOf(word, kind, 'noun', 1));
}

/** "shopping list" → "Shopping list". */
export function displayName(term: string): string {
  return capitalize(term);
}

/** How many letters two words share from their start: "approval" and "approve" share six, "approbate" five. */
export function sharedStem(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n += 1;
  return n;
}
