/**
 * Small, deterministic analysis of English text for the built-in offline engine: sentences, words, key terms,
 * actors (the people and roles involved), entities (the things data is kept about), requirement sentences and an
 * extractive summary. Pure functions only: the same text always gives the same result.
 */

/** `nounLike`: the term repeats or follows a determiner, preposition or number somewhere ("the walks", "for invoices"). */
export type KeyTerm = { term: string; weight: number; count: number; nounLike: boolean };
export type Entity = { name: string; attributes: string[] };
export type RequirementKind = 'functional' | 'non-functional';
export type Priority = 'must' | 'should' | 'could';
export type Requirement = { id: string; text: string; kind: RequirementKind; priority: Priority };
/** Something an actor does, as a base-form verb phrase: { actor: 'dog owners', action: 'book walkers' }. */
export type ActorAction = { actor: string; action: string; priority: Priority; sentenceIndex: number };

export type TextAnalysis = {
  sentences: string[];
  keyTerms: KeyTerm[];
  actors: string[];
  actions: ActorAction[];
  entities: Entity[];
  requirements: Requirement[];
  summary: string;
};

// ---------------------------------------------------------------------------------------------------------------
// Word lists

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

const STOP_WORDS = words(`
  a about above across after again against all almost along already also although always am among an and another
  any anyone anything are aren't around as at be because been before being below beside besides between both but by
  can cannot can't could couldn't did didn't do does doesn't doing don't done down during each either else enough
  etc even ever every everyone everything few for from further had hadn't has hasn't have haven't having he he's her
  here hers herself him himself his how however i i'd i'll i'm i've if in inside instead into is isn't it it's its
  itself just least less let's may me might mine more most much must my myself neither no nor not now of off often
  on once one ones only onto or other others otherwise our ours ourselves out over own per perhaps quite rather same
  shall she should since so some someone something such than that that's the their theirs them themselves then there
  there's these they they're this those though through thus to too toward towards under unless until up upon us very
  via was wasn't we we'd we'll we're we've were weren't what what's when whenever where wherever whether which while
  who whom whose why will with within without won't would wouldn't yet you you'd you'll you're you've your yours
  yourself yourselves`);

/** Words that carry little meaning on their own: never key terms, entities or actor modifiers. */
const LOW_SIGNAL = words(`
  able allow allowed allowing allows app apps basic basically best better certain
  different easily easy enable enables especially etc e.g i.e every feature features get gets getting good got great
  help helps idea ideas important kind lets like likes lot lots main make makes making many maybe need needed needs
  new nice ok okay people person platform please possible probably product products provide provides really simple
  simply software solution something specific stuff support supports sure system systems thing things think
  use used uses using various want wanted wants way ways website well whole yes`);

const MODALS = words(`must shall should will would can could may might cannot`);

/** Verbs that attach an attribute list to an entity: "each walk has a date and a price". */
const HAVE_VERBS = words(`has have contains contain includes include stores store holds hold records record tracks
  track keeps keep`);

const PREPOSITIONS = words(`about above across after against along among around at before behind below beneath
  beside between beyond by during for from in inside into near of on onto outside over past through to toward towards
  under via with within without`);

const DETERMINERS = words(`a an the each every their our your his her its my this these those any some all per`);

/**
 * People and roles, by name. Role detection starts from this list rather than from word shapes alone: an "-er" or "-or"
 * word is as often a thing (ladder, scanner, sensor, trailer) as a person, so a word outside the list counts as a role
 * only where it acts as the subject of a verb ("Interviewers should leave feedback"), never where it is acted upon
 * ("people lend drills and ladders", "respond to scanner requests").
 */
const ROLE_NOUNS = words(`
  accountant admin administrator adopter adult advertiser advisor adviser agent alumnus analyst applicant approver
  architect artist assessor assistant athlete attendee auditor author baker banker barista bartender beginner
  beneficiary bidder blogger bookkeeper borrower boss broker builder buyer candidate captain carer caregiver
  caseworker cashier chef child citizen claimant cleaner clerk client clinician coach collaborator colleague commuter
  consultant consumer contractor contributor cook coordinator counsellor counselor courier coworker creator customer
  dentist designer developer diner director dispatcher doctor donor driver editor educator electrician employee
  employer engineer entrepreneur examiner exhibitor expert family fan farmer follower founder freelancer friend
  fundraiser gamer gardener grandparent groomer grower guardian guest guide handyman homeowner host householder
  influencer inspector instructor intern interviewer interviewee investor journalist judge kid landlady landlord
  lawyer lead learner lecturer lender librarian listener lodger maintainer manager mechanic member mentor mentee
  merchant midwife moderator musician neighbor neighbour nurse officer operator optician organizer organiser owner
  packer paralegal paramedic parent participant partner passenger patient payee payer pharmacist photographer
  physician physiotherapist picker pilot planner player plumber principal producer professional professor
  programmer publisher pupil reader receptionist recipient recruiter referee renter reporter requester researcher
  resident retailer retiree reviewer rider roommate flatmate salesperson scientist seller shopper signatory sitter
  specialist speaker sponsor staff stakeholder streamer student subscriber supervisor supplier surgeon surveyor
  taxpayer teacher team teammate technician teenager teen tenant tester therapist trader trainee trainer translator
  traveler traveller treasurer tutor user vendor veterinarian vet viewer visitor volunteer voter waiter walker
  wholesaler worker writer`);

/**
 * Organisations act in a product too ("restaurants order crates", "clinics publish slots"), but the same words are
 * just as often places or settings ("a physiotherapy clinic", "online shops"), so they count as actors only where
 * they are the subject of a verb.
 */
const ORGANISATION_NOUNS = words(`
  agency bakery bank brand business cafe café charity church clinic club college company council department distributor
  firm government hospital hotel household insurer lab laboratory landlord library manufacturer municipality
  nonprofit nursery pharmacy publisher restaurant retailer school shop startup store supplier university venue`);

/** Words that name the product itself rather than a person or a record: "A meal planner for …", "The tool must …". */
const PRODUCT_NOUNS = words(`
  app assistant bot chatbot dashboard extension form game interface inbox marketplace planner platform
  plugin portal product service site software solution system tool tracker website widget`);

/** Words ending like role nouns (-er, -or, -ist, -ian) that name things or actions, not people. */
const NOT_ROLE_NOUNS = words(`
  adapter after answer banner barrier blender boiler border browser buffer burger calculator calendar center centre
  chapter character charger checklist cluster color colour computer conditioner connector container controller cooler
  corner counter cover cursor daughter descriptor detector dinner dryer elevator error factor favor favour filter
  finger flavor flavour floor flower folder footer former freezer generator hammer header heater hour indicator
  interior ladder later latter layer ledger letter liter litre locker manner marker matter meter minor mirror mixer
  monitor motor never number offer order other outer paper parameter persist playlist poster power printer processor
  projector quarter rather refrigerator register reminder render roller router scanner scooter sector selector
  semester sensor server shelter simulator slider spider sticker summer super teaser thermometer timer toaster
  tower tracker tractor trailer transfer trigger upper vector voucher waiver washer water whatever whenever winter
  wishlist wonder waitlist shortlist`);

/** Number words: "two players" are players. */
const NUMBER_WORDS = words(`one two three four five six seven eight nine ten eleven twelve twenty hundred thousand
  several multiple both few dozens hundreds thousands millions`);

/** Words that end a noun phrase without belonging to it: "book appointments online", "tick items off". */
const PHRASE_ADVERBS = words(`online offline together later now soon ahead abroad aside apart back away off up down out right straight
  automatically manually instantly immediately quickly directly again first`);

const ADJECTIVES = words(`
  active additional busy casual current existing experienced external first-time frequent independent individual
  internal large local logged-in new occasional older other potential premium professional regular registered remote
  senior single small trusted typical verified young younger open closed past recent upcoming previous next last
  pending overdue available unread urgent future`);

/** Nouns too generic to be domain entities. */
const GENERIC_NOUNS = words(`
  ability access account accounts advance afternoon area aspect behalf benefit case click data day detail details end example experience fact
  evening field form goal group hour information issue level list minute month moment morning night number option page
  part place point problem
  process purpose question reason result screen second section side start step term time today type value version
  view week world year`);

/** Words that name what is stored about an entity: "booking date", "price of each walk". */
const ATTRIBUTE_WORDS = words(`
  address age amount availability avatar balance bio birthday budget capacity category comment comments cost count
  currency date deadline description details distance duration email estimate feedback fee frequency height
  history id identifier image label language level limit location name note notes phone photo picture position
  preferences price priority progress quantity rank rating ratings role schedule score size skills source stage
  start status tag tags title total type url weight`);

const CLAUSE_BREAKERS = words(`when where while because so but if which who whom whose that than although though unless
  until since whereas and or then`);

// ---------------------------------------------------------------------------------------------------------------
// Sentences and words

/** Abbreviations after which a period never ends a sentence ("e.g. the", "Dr. Smith", "No. 5"). */
const INNER_ABBREVIATIONS = words(`e.g i.e vs cf approx ca fig Mr Mrs Ms Dr Prof St Jr Sr No`);
/** Abbreviations that end a sentence only when a capital letter follows ("… and so on etc. The next …"). */
const FINAL_ABBREVIATIONS = words(`etc inc ltd co al dept`);
const BULLET = /^\s*(?:[-*•·▪◦+–—>]+|\(?\d{1,3}[.)]|#{1,6})\s+/u;
const SENTENCE_END = /[.!?…]+["'’”)\]]*(?=\s|$)/gu;

/** Splits text into sentences: at terminal punctuation, at line breaks that do not continue a sentence, at bullets. */
export function splitSentences(text: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const rawLine of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    const isBullet = BULLET.test(rawLine);
    const line = cleanLine(rawLine);
    const continues = current !== '' && !isBullet && /^[\p{Ll}]/u.test(line) && !/[.!?:;…]$/.test(current);
    if (continues) current += ` ${line}`;
    else {
      if (current) paragraphs.push(current);
      current = line;
    }
  }
  if (current) paragraphs.push(current);

  const sentences: string[] = [];
  for (const paragraph of paragraphs) {
    let start = 0;
    for (const match of paragraph.matchAll(SENTENCE_END)) {
      const end = match.index + match[0].length;
      const capitalFollows = /^\s+["'“‘([]?\p{Lu}/u.test(paragraph.slice(end));
      if (match[0].startsWith('.') && endsWithAbbreviation(paragraph.slice(start, match.index), capitalFollows)) continue;
      pushSentence(sentences, paragraph.slice(start, end));
      start = end;
    }
    pushSentence(sentences, paragraph.slice(start));
  }
  return sentences;
}

function cleanLine(line: string): string {
  return line
    .replace(BULLET, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function endsWithAbbreviation(before: string, capitalFollows: boolean): boolean {
  const last = /([\p{L}.]+)$/u.exec(before)?.[1]?.replace(/\.$/, '');
  if (!last) return false;
  if (/^\p{Lu}$/u.test(last)) return true; // an initial: "J. Smith"
  if (INNER_ABBREVIATIONS.has(last)) return true;
  return FINAL_ABBREVIATIONS.has(last.toLowerCase()) && !capitalFollows;
}

function pushSentence(sentences: string[], candidate: string): void {
  const sentence = candidate.trim();
  if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+|[-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const WORD_OR_MARK = new RegExp(`${WORD.source}|[^\\s\\p{L}\\p{N}]`, 'gu');

/** Lower-case words of the text ("walker's" and "e-mail" stay one word). */
export function tokenize(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => normalizeApostrophe(match[0].toLowerCase()));
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(normalizeApostrophe(word.toLowerCase()));
}

/** Words that mean something on their own: no stop words, fillers or bare numbers. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter(isContentWord);
}

function isContentWord(lower: string): boolean {
  return !STOP_WORDS.has(lower) && !LOW_SIGNAL.has(lower) && /\p{L}/u.test(lower) && lower.length > 1;
}

function normalizeApostrophe(word: string): string {
  return word.replace(/’/g, "'");
}

/** A word in its sentence. `key` groups inflections: lower case, singular, without a possessive "'s". */
type Word = {
  surface: string;
  lower: string;
  key: string;
  possessive: boolean;
  /** True when punctuation separates this word from the previous one. */
  breakBefore: boolean;
  sentence: number;
};

function sentenceWords(sentence: string, sentenceIndex: number): Word[] {
  const result: Word[] = [];
  let pendingBreak = true;
  for (const [token] of sentence.matchAll(WORD_OR_MARK)) {
    if (!/^[\p{L}\p{N}]/u.test(token)) {
      pendingBreak = true;
      continue;
    }
    const lower = normalizeApostrophe(token.toLowerCase());
    const possessive = lower.endsWith("'s");
    const base = possessive ? lower.slice(0, -2) : lower;
    result.push({ surface: token, lower: base, key: singularize(base), possessive, breakBefore: pendingBreak, sentence: sentenceIndex });
    pendingBreak = false;
  }
  return result;
}

const INVARIANT_PLURALS = words(`analytics bus business canvas class species series news logistics physics
  economics mathematics ethics always perhaps sometimes status campus corpus bonus virus focus census atlas alias
  gas yes this his its was has is does goes process access address progress success`);
const IRREGULAR_SINGULARS = new Map<string, string>(Object.entries({
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  lives: 'life',
  wives: 'wife',
  knives: 'knife',
  shelves: 'shelf',
  halves: 'half',
  leaves: 'leaf',
  selves: 'self',
  analyses: 'analysis',
  criteria: 'criterion',
  movies: 'movie',
  cookies: 'cookie',
  calories: 'calorie',
  selfies: 'selfie',
  caches: 'cache',
  niches: 'niche',
  headaches: 'headache',
  quizzes: 'quiz',
}));

/** English singular of a lower-case word, by rule; words that are not plural come back unchanged. */
export function singularize(word: string): string {
  const irregular = IRREGULAR_SINGULARS.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith('s') || INVARIANT_PLURALS.has(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous|'s)$/.test(word)) return word;
  if (/(?:ch|sh|x|zz|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** English plural of a singular noun phrase (only the last word changes). */
export function pluralize(phrase: string): string {
  const match = /^(.*?)(\S+)$/.exec(phrase);
  if (!match) return phrase;
  const [, head = '', word = ''] = match;
  const plural = word.endsWith('s') && singularize(word) !== word ? word
    : /[^aeiou]y$/i.test(word) ? `${word.slice(0, -1)}ies`
    : /^quiz$/i.test(word) ? `${word}zes`
    : /(?:s|x|z|ch|sh)$/i.test(word) ? `${word}es`
    : word === 'person' ? 'people'
    : word === 'staff' ? 'staff'
    : word === 'child' ? 'children'
    : `${word}s`;
  return head + plural;
}

/** A light stem for matching words across inflections: refunds, refunded, refundable → refund; cancellation → cancel. */
export function stem(word: string): string {
  let result = singularize(normalizeApostrophe(word.toLowerCase()).replace(/'s$/, ''));
  for (const suffix of ['ation', 'ing', 'ed', 'able', 'ible', 'ment', 'ly']) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 4) {
      result = result.slice(0, -suffix.length);
      break;
    }
  }
  // Same rule for every word, so that "cancel" meets "cancellation" and "ship" meets "shipping".
  result = result.replace(/([^aeiou])\1$/, '$1');
  return result.length > 4 ? result.replace(/e$/, '') : result;
}

// ---------------------------------------------------------------------------------------------------------------
// Clauses: who does what to which things, from word order alone
//
// English product texts mostly follow subject-verb-object order, so word positions tell people from things better
// than word shapes do: a noun phrase that starts a clause and is followed by a modal or by a verb that agrees with it
// is a subject ("Growers can set …", "dog owners book …", "the driver records …"); a noun phrase after a verb is its
// object ("lend drills and ladders"), and one after a preposition a prepositional object ("for each order").
// Verbs are found by agreement: a plural noun followed by a plain word ("farmers list"), or a determined singular noun
// followed by a word in -s that is followed by more ("the valve opens automatically").
//
// This is hand-written on purpose. A general part-of-speech library (compromise 14.17, 4.7 MB unpacked) was measured
// on the analysis corpus (analysis-corpus.test.ts): its subjects and its "Actor" tag found fewer of the expected
// actors and named far more things as actors, because its people lexicon misses most product roles (student, patient,
// nurse, owner, buyer, member, volunteer …) and it misreads the verbs of product prose ("Patients book, move and
// cancel …", "The landlord approves repair requests"). The lists of people, organisations and products here, plus word
// order, do better on this kind of text at no cost in size or speed.

type PhraseSlot = 'subject' | 'object' | 'prepositional';
/** A noun phrase: words [start, end) of its sentence, the last one its head. */
type NounPhrase = {
  start: number;
  end: number;
  slot: PhraseSlot;
  /** The determiner before it, if any ("each", "the", "their"). */
  determiner?: string;
  preposition?: string;
  /** For subjects: acted ("owners book", "growers can set") rather than acted upon ("donations are logged"). */
  active: boolean;
  passive: boolean;
  /** The verb index the phrase is the object of, or the verb its subject acts with. */
  verb?: number;
  /** Set when punctuation comes right before the preposition (", with deposits and reminders"). */
  afterBreak: boolean;
};
type Clauses = { phrases: NounPhrase[]; verbs: Set<number> };

const POSSESSIVE_PRONOUNS = words(`my your his her its our their whose`);
const CLAUSE_OPENERS = words(`when where while because if and or but that which so then until since although unless
  whereas as once after before`);
/** Words in -ly that are nouns or verbs, not adverbs. */
const LY_WORDS = words(`family reply supply assembly apply rely fly ally rally bully belly jelly lily holly anomaly
  monopoly italy july`);
const PARTICLES = words(`up off out down in back over aside apart`);
const BE_FORMS = words(`is are was were be been being`);
const IRREGULAR_PARTICIPLES = words(`set kept sent paid made built held shown given taken done put cut read sold bought
  lent found left brought written known seen split run won hidden chosen frozen stolen spent shared broken lost torn worn`);

function isAdverbLike(word: Word): boolean {
  return PHRASE_ADVERBS.has(word.lower) || ACTION_ADVERBS.has(word.lower) || word.lower === 'never' || word.lower === 'not' || (/[a-z]{3}ly$/.test(word.lower) && !LY_WORDS.has(word.lower));
}

/** Nouns that take a plural verb without a plural ending: "door staff scan tickets". */
const PLURAL_NOUNS = words(`staff personnel people police crew cattle`);

function looksPlural(word: Word): boolean {
  return !word.possessive && (word.key !== word.lower || PLURAL_NOUNS.has(word.lower));
}

/** A word that could be a verb: a letter word that is no stop word, number or known noun of a role. */
function couldBeVerb(word: Word | undefined): boolean {
  return word !== undefined && /^\p{Ll}/u.test(word.surface) && !STOP_WORDS.has(word.lower) && !MODALS.has(word.lower) && !isAdverbLike(word) && !NUMBER_WORDS.has(word.lower) && !ADJECTIVES.has(word.lower);
}

/** Determiners, possessives, numbers: the words before a noun phrase's modifiers. */
function skipDeterminers(sentence: Word[], from: number): { index: number; determiner?: string } {
  let index = from;
  let determiner: string | undefined;
  for (;;) {
    const word = sentence[index];
    if (!word || (index > from && word.breakBefore)) break;
    if (DETERMINERS.has(word.lower) || POSSESSIVE_PRONOUNS.has(word.lower) || NUMBER_WORDS.has(word.lower) || /^\d/.test(word.lower)) determiner ??= word.lower;
    else if (word.possessive && sentence[index + 1] && !sentence[index + 1]?.breakBefore) determiner ??= 'possessive';
    else break;
    index++;
  }
  return { index, determiner };
}

/** The content words of a noun phrase starting at `from` (modifiers and head), up to four. */
function phraseRun(sentence: Word[], from: number): number {
  let end = from;
  while (end < sentence.length && end - from < 4) {
    const word = sentence[end];
    if (!word || (end > from && word.breakBefore) || !/^\p{L}/u.test(word.lower)) break;
    if (STOP_WORDS.has(word.lower) || MODALS.has(word.lower) || isAdverbLike(word) || NUMBER_WORDS.has(word.lower)) break;
    if (end > from && (sentence[end - 1]?.possessive ?? false)) break;
    end++;
  }
  return end;
}

/** Inside a clause-opening run, the index of its verb ("soil sensors report moisture" → report), or -1. */
/** `opensClause`: the run starts a clause, so its verb may end it ("When a delivery fails, …"). */
function verbInRun(sentence: Word[], start: number, end: number, determined: boolean, opensClause = false): number {
  for (let j = start + 1; j < end; j++) {
    const head = sentence[j - 1];
    const candidate = sentence[j];
    if (!head || !candidate || !couldBeVerb(candidate) || isRoleWord(candidate.key)) continue;
    if (looksPlural(head) && !looksPlural(candidate) && !/ing$/.test(candidate.lower)) return j;
    const more = sentence[j + 1];
    const continues = more === undefined || more.breakBefore ? opensClause : !BE_FORMS.has(more.lower) && !MODALS.has(more.lower) && more.lower !== 'per';
    if (!looksPlural(head) && determined && /[^s]s$/.test(candidate.lower) && continues) return j;
  }
  return -1;
}

/** `nounish`: words the text uses after a determiner somewhere ("a pickup slot"), so never read as verbs. */
function modalPhraseAt(sentence: Word[], index: number): { words: string[]; priority: Priority } | undefined {
  const first = sentence[index]?.lower;
  if (first === undefined || !MODAL_FIRST_WORDS.has(first)) return undefined;
  return MODAL_PHRASES.find((phrase) => phrase.words.every((w, i) => sentence[index + i]?.lower === w));
}

function clausesOf(sentence: Word[], nounish: ReadonlySet<string> = new Set()): Clauses {
  const verbs = new Set<number>();
  const phrases: NounPhrase[] = [];
  const addObjects = (verb: number): void => {
    let index = verb + 1;
    // "book, move and cancel appointments": the verbs of a list share the object
    while (sentence[index] && ['and', 'or'].includes(sentence[index]?.lower ?? '') && couldBeVerb(sentence[index + 1]) && !looksPlural(sentence[index + 1] as Word)) {
      verbs.add(index + 1);
      index += 2;
    }
    while (sentence[index] && !sentence[index]?.breakBefore && (PARTICLES.has(sentence[index]?.lower ?? '') || isAdverbLike(sentence[index] as Word))) index++;
    if (sentence[index]?.breakBefore) return;
    coordinatedPhrases(index, 'object', verb);
  };
  /** A noun phrase and the ones joined to it by "and"/"or": "drills and ladders", "deposits and reminders". */
  const coordinatedPhrases = (from: number, slot: PhraseSlot, verb: number | undefined, preposition?: string, afterBreak = false): void => {
    let index = from;
    for (let guard = 0; guard < 6; guard++) {
      const { index: start, determiner } = skipDeterminers(sentence, index);
      if (start > index && sentence[start]?.breakBefore) return;
      let end = phraseRun(sentence, start);
      if (end === start) return;
      const inner = verbInRun(sentence, start, end, determiner !== undefined);
      // A run that contains its own verb starts a new clause ("… and students submit answers", "… of an item falls").
      if (inner !== -1 && guard > 0) return;
      if (inner !== -1) {
        verbs.add(inner);
        end = inner;
      }
      phrases.push({ start, end, slot, determiner, preposition, active: false, passive: false, verb, afterBreak });
      if (inner !== -1) return;
      const next = sentence[end];
      if (!next || next.breakBefore || !['and', 'or'].includes(next.lower)) return;
      const following = sentence[end + 1];
      if (!following || following.breakBefore) return;
      const modifiedPlural = !verbs.has(end + 1) && sentence[end + 2] !== undefined && !sentence[end + 2]?.breakBefore && looksPlural(sentence[end + 2] as Word); // "email and chat channels"
      if (!(DETERMINERS.has(following.lower) || POSSESSIVE_PRONOUNS.has(following.lower) || looksPlural(following) || modifiedPlural)) return;
      index = end + 1;
    }
  };

  sentence.forEach((word, index) => {
    // Verbs after modal phrases: "must be able to export", "can move", "need to see".
    const modal = modalPhraseAt(sentence, index);
    if (modal && (index === 0 || !MODALS.has(sentence[index - 1]?.lower ?? ''))) {
      let verb = index + modal.words.length;
      while (sentence[verb] && isAdverbLike(sentence[verb] as Word)) verb++;
      const candidate = sentence[verb];
      if (candidate && !candidate.breakBefore && (couldBeVerb(candidate) || candidate.lower === 'be')) verbs.add(verb);
    }
    // "to" + a plain word after a verb of wanting or a role: "want to create", "for residents to apply".
    if (word.lower === 'to' && index > 0) {
      const candidate = sentence[index + 1];
      if (candidate && !candidate.breakBefore && couldBeVerb(candidate) && !looksPlural(candidate) && !ATTRIBUTE_WORDS.has(candidate.key) && !GENERIC_NOUNS.has(candidate.key)) verbs.add(index + 1);
    }
    // A plain word between a clause's start and a determiner is a verb: "send a reminder", "and pay the permit fee";
    // so is one after "and"/"or" that is followed by a plural and never used as a noun: "… and sell tickets".
    const previous = sentence[index - 1];
    const following = sentence[index + 1];
    const clauseSide = !previous || word.breakBefore || (STOP_WORDS.has(previous.lower) && !DETERMINERS.has(previous.lower) && !POSSESSIVE_PRONOUNS.has(previous.lower)) || MODALS.has(previous.lower) || isAdverbLike(previous);
    if (clauseSide && following && !following.breakBefore && couldBeVerb(word) && !looksPlural(word) && !isRoleWord(word.key) && !nounish.has(word.lower)) {
      const determinerFollows = (DETERMINERS.has(following.lower) && following.lower !== 'per') || POSSESSIVE_PRONOUNS.has(following.lower);
      // "create ticketed events and sell tickets", but not "their email and chat channels" nor "and support agents answer …"
      const before = sentence[index - 2];
      const after = sentence[index + 2];
      const coordinated = previous !== undefined && ['and', 'or'].includes(previous.lower) && looksPlural(following) && before !== undefined && looksPlural(before) &&
        (!after || after.breakBefore || !couldBeVerb(after) || looksPlural(after));
      if (determinerFollows || coordinated) verbs.add(index);
    }
    // Gerunds after prepositions: "before taking items", "by clicking send".
    if (PREPOSITIONS.has(word.lower) && /[a-z]{3}ing$/.test(sentence[index + 1]?.lower ?? '') && !sentence[index + 1]?.breakBefore) verbs.add(index + 1);
  });

  // Clause openings: subjects and the verbs that agree with them.
  sentence.forEach((word, index) => {
    const previous = sentence[index - 1];
    const opens = index === 0 || word.breakBefore || (previous !== undefined && CLAUSE_OPENERS.has(previous.lower) && !(index === 1 && previous.lower === 'as'));
    if (!opens || (index > 0 && !word.breakBefore && previous && ['and', 'or'].includes(previous.lower) && verbs.has(index))) return;
    const { index: start, determiner } = skipDeterminers(sentence, index);
    if (start > index && sentence[start]?.breakBefore) return;
    const end = phraseRun(sentence, start);
    if (end === start) return;
    const verb = verbInRun(sentence, start, end, determiner !== undefined, true);
    if (verb !== -1) {
      verbs.add(verb);
      phrases.push({ start, end: verb, slot: 'subject', determiner, active: true, passive: false, verb, afterBreak: false });
      return;
    }
    const next = sentence[end];
    if (!next || next.breakBefore) return;
    const afterBe = sentence[end + 1]?.lower === 'be' ? sentence[end + 2] : sentence[end + 1];
    const passive = (BE_FORMS.has(next.lower) || MODALS.has(next.lower)) && afterBe !== undefined && (/[a-z]ed$/.test(afterBe.lower) || IRREGULAR_PARTICIPLES.has(afterBe.lower));
    const active = !passive && MODALS.has(next.lower);
    if (passive) verbs.add(sentence[end + 1]?.lower === 'be' ? end + 2 : end + 1);
    let modalVerb = end + (modalPhraseAt(sentence, end)?.words.length ?? 0);
    while (sentence[modalVerb] && isAdverbLike(sentence[modalVerb] as Word)) modalVerb++;
    if (passive || active) phrases.push({ start, end, slot: 'subject', determiner, active, passive, verb: active && verbs.has(modalVerb) ? modalVerb : undefined, afterBreak: false });
  });

  for (const verb of [...verbs].sort((a, b) => a - b)) addObjects(verb);
  sentence.forEach((word, index) => {
    if (!PREPOSITIONS.has(word.lower) || verbs.has(index + 1)) return;
    const following = sentence[index + 1];
    if (!following || following.breakBefore) return;
    if (word.lower === 'to' && !(DETERMINERS.has(following.lower) || POSSESSIVE_PRONOUNS.has(following.lower) || looksPlural(following))) return;
    coordinatedPhrases(index + 1, 'prepositional', undefined, word.lower, word.breakBefore);
  });
  return { phrases, verbs };
}

// ---------------------------------------------------------------------------------------------------------------
// Key terms

type TermStats = { key: string; surfaces: Map<string, number>; count: number; score: number; first: number; size: number; nounSlot: boolean };

/**
 * Single words and 2–3-word phrases ranked by frequency weighted by position (early sentences count more) and
 * length. Phrases are runs of content words inside a clause; one that occurs once counts only if it is a whole run
 * of two or three words or a known actor. A word or phrase that only ever occurs inside a longer chosen phrase is
 * left out. Weights are relative to the best term (1).
 */
export function extractKeyTerms(text: string, limit = 10, extraPhrases: readonly string[] = []): KeyTerm[] {
  const sentences = splitSentences(text).map(sentenceWords);
  return keyTermsOf(sentences, readingOf(sentences), limit, extraPhrases);
}

function keyTermsOf(sentences: Word[][], reading: Reading, limit: number, extraPhrases: readonly string[]): KeyTerm[] {
  const stats = new Map<string, TermStats>();
  const wholeRuns = new Set<string>();
  const known = new Set(extraPhrases.map((phrase) => phraseKey(tokenize(phrase))));
  let order = 0;
  sentences.forEach((sentence, sentenceIndex) => {
    const positionWeight = 1 + 1 / (1 + sentenceIndex);
    const verbs = reading.clauses[sentenceIndex]?.verbs ?? new Set<number>();
    for (const { run, start: runStart } of contentRuns(sentence, verbs, reading.nounish)) {
      const before = sentence[runStart - 1];
      const verbSlot = verbs.has(runStart) || (before !== undefined && !run[0]?.breakBefore && (MODALS.has(before.lower) || before.lower === 'to'));
      const nounSlot = before !== undefined && !run[0]?.breakBefore && !verbSlot && (DETERMINERS.has(before.lower) || (PREPOSITIONS.has(before.lower) && before.lower !== 'to') || verbs.has(runStart - 1));
      if (run.length >= 2 && run.length <= 3 && nounSlot) wholeRuns.add(phraseKey(run.map((w) => w.lower)));
      for (let size = 1; size <= 3; size++) {
        for (let start = 0; start + size <= run.length; start++) {
          const gram = run.slice(start, start + size);
          const key = phraseKey(gram.map((w) => w.lower));
          const surface = gram.map((w, i) => displayWord(w, runStart + start + i)).join(' ');
          let entry = stats.get(key);
          if (!entry) {
            entry = { key, surfaces: new Map(), count: 0, score: 0, first: order++, size, nounSlot: false };
            stats.set(key, entry);
          }
          entry.count += 1;
          if (start === 0 && (nounSlot || /^\d/.test(before?.lower ?? ''))) entry.nounSlot = true;
          entry.score += positionWeight * (1 + 0.5 * (size - 1)) * (verbSlot && start === 0 ? 0.5 : 1);
          entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
        }
      }
    }
  });

  const eligible = [...stats.values()].filter((entry) => {
    if (entry.size === 1) return !GENERIC_NOUNS.has(entry.key) && (entry.key.length >= 3 || /^\p{Lu}{2,}$/u.test(mostCommon(entry.surfaces)));
    return entry.count >= 2 || wholeRuns.has(entry.key) || known.has(entry.key);
  });
  eligible.sort((a, b) => b.score - a.score || b.size - a.size || a.first - b.first);

  const chosen: TermStats[] = [];
  for (const entry of eligible) {
    if (chosen.length >= limit) break;
    const covered = chosen.some((other) => other.size > entry.size && containsPhrase(other.key, entry.key) && other.count >= entry.count);
    if (covered) continue;
    // A longer phrase that repeats a chosen word's every occurrence replaces it.
    for (let i = chosen.length - 1; i >= 0; i--) {
      const other = chosen[i];
      if (other && other.size < entry.size && containsPhrase(entry.key, other.key) && entry.count >= other.count) chosen.splice(i, 1);
    }
    chosen.push(entry);
  }
  const top = chosen[0]?.score ?? 1;
  return chosen.map((entry) => ({
    term: mostCommon(entry.surfaces),
    weight: Math.max(0.01, Math.round((entry.score / top) * 100) / 100),
    count: entry.count,
    nounLike: entry.count >= 2 || entry.nounSlot,
  }));
}

/**
 * Maximal runs of content words not separated by punctuation, with the index of their first word. Verbs split runs: "the driver records a reason" gives "driver" and "reason", never "driver records". A verb is no
 * term of its own unless the text also uses it as a noun ("customers order …", "each order has …").
 */
function contentRuns(sentence: Word[], verbs: ReadonlySet<number> = new Set(), nounish: ReadonlySet<string> = new Set()): Array<{ run: Word[]; start: number }> {
  const runs: Array<{ run: Word[]; start: number }> = [];
  let run: Word[] = [];
  let start = 0;
  const close = (): void => {
    // "book appointments online", "pay monthly": an adverb ends a phrase without belonging to it
    while (run.length && isAdverbLike(run[run.length - 1] as Word)) run.pop();
    if (run.length) runs.push({ run, start });
    run = [];
  };
  sentence.forEach((word, index) => {
    const usable = isContentWord(word.lower) && !/^\p{N}/u.test(word.lower) && (!verbs.has(index) || nounish.has(word.lower));
    if (!usable || word.breakBefore || verbs.has(index)) close();
    if (!usable) return;
    if (run.length === 0) start = index;
    run.push(word);
    if (word.possessive || verbs.has(index)) close();
  });
  close();
  return runs;
}

function phraseKey(lowerWords: readonly string[]): string {
  return lowerWords.map((word) => singularize(word.replace(/'s$/, ''))).join(' ');
}

function containsPhrase(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

/** Acronyms and names (CamelCase, or capitalised inside a sentence) keep their capitals; other words are lower case. */
function displayWord(word: Word, indexInSentence: number): string {
  const surface = word.surface.replace(/['’]s$/, '');
  const acronymOrCamel = /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(surface) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(surface);
  const name = indexInSentence > 0 && /^\p{Lu}\p{Ll}/u.test(surface);
  return acronymOrCamel || name ? surface : word.lower;
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Actors

/** `vague` mentions ("people", "everyone") are not actors, but what they do still describes the product. */
type ActorMention = { key: string; display: string; start: number; headIndex: number; words: Word[]; vague: boolean };

const VAGUE_ACTORS = words(`people everyone everybody someone somebody anyone anybody`);

/** Low-signal nouns that still make a good role modifier: "support agents", "system administrators". */
const NOUN_MODIFIERS = words(`app platform product software system support website`);

/** Nouns that a role word can modify ("customer support", "admin dashboard") without naming a person. */
const ROLE_MODIFIED_NOUNS = words(`account accounts app area dashboard data details experience file files history
  information list onboarding page portal profile profiles record records request requests service settings support
  view`);

/** People and roles: "customer", "project manager", "dog owners", from role nouns and "as a X" user stories. */
export function findActors(text: string, limit = 8): string[] {
  const sentences = splitSentences(text).map(sentenceWords);
  return rankActors(actorMentions(sentences, readingOf(sentences)), limit);
}

/** What the clause structure says about the words of a text, shared by actors and entities. */
type Reading = {
  clauses: Clauses[];
  /** Heads of noun phrases that act as the subject of a verb or modal somewhere in the text. */
  subjects: Set<string>;
  /** Heads of the phrases that name the product itself: "A meal planner for …", "Atlas is a contract tool for …". */
  products: Set<string>;
  /** Per sentence, the positions of an attribute list: "each transaction has an amount, a date and a merchant". */
  attributePositions: Array<Set<number>>;
  /** Words the text uses after a determiner somewhere ("a pickup slot"): nouns, even where they could be verbs. */
  nounish: Set<string>;
};

function readingOf(sentences: Word[][]): Reading {
  const nounish = new Set<string>();
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const previous = sentence[index - 1];
      if (previous && !word.breakBefore && (DETERMINERS.has(previous.lower) || POSSESSIVE_PRONOUNS.has(previous.lower))) nounish.add(word.lower);
    });
  }
  const clauses = sentences.map((sentence) => clausesOf(sentence, nounish));
  const subjects = new Set<string>();
  clauses.forEach((clause, i) => {
    for (const phrase of clause.phrases) {
      const head = sentences[i]?.[phrase.end - 1];
      if (head && phrase.slot === 'subject' && phrase.active) subjects.add(head.key);
    }
  });
  const products = new Set<string>();
  for (const sentence of sentences) {
    // "A/An … X for|where|that|which|to|with …" at the start of a sentence, or "Name is a … X for …"
    let from = -1;
    if (['a', 'an'].includes(sentence[0]?.lower ?? '')) from = 1;
    else if (['is', 'are'].includes(sentence[1]?.lower ?? '') && ['a', 'an'].includes(sentence[2]?.lower ?? '')) from = 3;
    if (from === -1) continue;
    const end = phraseRun(sentence, from);
    const next = sentence[end];
    if (end > from && (!next || next.breakBefore || ['for', 'where', 'that', 'which', 'to', 'with', 'of'].includes(next.lower))) {
      const head = sentence[end - 1];
      if (head) products.add(head.key);
    }
  }
  const attributePositions = sentences.map((sentence) => {
    const positions = new Set<number>();
    sentence.forEach((word, index) => {
      if (!['has', 'have', 'contains', 'contain', 'includes', 'include'].includes(word.lower)) return;
      const subject = sentence[index - 1];
      if (!subject || word.breakBefore || isRoleWord(subject.key) || ['to', 'been'].includes(sentence[index + 1]?.lower ?? '')) return;
      for (let i = index + 1; i < sentence.length; i++) {
        const item = sentence[i];
        if (!item || (CLAUSE_BREAKERS.has(item.lower) && !['and', 'or'].includes(item.lower)) || MODALS.has(item.lower)) break;
        positions.add(i);
      }
    });
    return positions;
  });
  return { clauses, subjects, products, attributePositions, nounish };
}

function actorMentions(sentences: Word[][], reading: Reading): ActorMention[] {
  const mentions: ActorMention[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const storyEnd = userStoryActorEnd(sentence);
    if (storyEnd > 0) {
      const phrase = sentence.slice(2, storyEnd);
      mentions.push(mention(phrase, 2, storyEnd - 1, sentence));
    }
    const attributes = reading.attributePositions[sentenceIndex];
    sentence.forEach((word, index) => {
      if (storyEnd > 0 && index < storyEnd) return;
      if (VAGUE_ACTORS.has(word.lower)) {
        mentions.push({ ...mention([word], index, index, sentence), vague: true });
        return;
      }
      // A field of a record ("… has an amount, a date and a merchant") names data, not someone who acts.
      if (attributes?.has(index) || !isRole(word, reading)) return;
      // "my child's progress": someone the speaker writes about, not someone who uses the product
      if (word.possessive && POSSESSIVE_PRONOUNS.has(sentence[index - 1]?.lower ?? '')) return;
      const next = sentence[index + 1];
      const verbFollows = reading.clauses[sentenceIndex]?.verbs.has(index + 1) ?? false;
      // "customer support", "admin dashboard": a role word used as a modifier of a following noun
      if (next && !next.breakBefore && !word.possessive && !verbFollows && (ATTRIBUTE_WORDS.has(next.key) || ROLE_MODIFIED_NOUNS.has(next.lower))) return;
      if (next && !next.breakBefore && !word.possessive && isRoleWord(next.key) && !MODALS.has(next.lower)) return;
      // "a courier company", "the driver app": a role word naming the kind of organisation or product
      if (next && !next.breakBefore && !word.possessive && (ORGANISATION_NOUNS.has(next.key) || PRODUCT_NOUNS.has(next.key) || reading.products.has(next.key))) return;
      const start = modifierStart(sentence, index);
      mentions.push(mention(sentence.slice(start, index + 1), start, index, sentence));
    });
  });
  return mentions;
}

/** "As a project manager, I want …": index just past the actor phrase, or 0. */
function userStoryActorEnd(sentence: Word[]): number {
  if (sentence[0]?.lower !== 'as' || !['a', 'an'].includes(sentence[1]?.lower ?? '')) return 0;
  let end = 2;
  while (end < sentence.length && end < 5 && !sentence[end]?.breakBefore && !STOP_WORDS.has(sentence[end]?.lower ?? '')) end++;
  if (end === 2) return 0;
  return end;
}

function mention(phrase: Word[], start: number, headIndex: number, sentence: Word[]): ActorMention {
  const key = phrase.map((w) => (w === sentence[headIndex] ? w.key : w.lower)).join(' ');
  return { key, display: phrase.map((w) => w.lower).join(' '), start, headIndex, words: sentence, vague: false };
}

/**
 * A role by name anywhere (people are acted upon too: "dog owners book walkers"); a word that only looks like a role
 * ("-er", "-or", "-ist", "-ian") or names an organisation only where it is the subject of a verb somewhere in the text.
 */
function isRole(word: Word, reading: Reading): boolean {
  if (reading.products.has(word.key)) return false;
  if (isRoleWord(word.key)) return true;
  if (!reading.subjects.has(word.key) || NOT_ROLE_NOUNS.has(word.key)) return false;
  return ORGANISATION_NOUNS.has(word.key) || looksLikeRoleNoun(word.key);
}

/** A noun that names people or an organisation ("teacher", "neighbours", "households"), as opposed to things. */
export function isPersonNoun(word: string): boolean {
  const key = singularize(normalizeApostrophe(word.toLowerCase()));
  return isRoleWord(key) || ORGANISATION_NOUNS.has(key);
}

function isRoleWord(key: string): boolean {
  return ROLE_NOUNS.has(key);
}

function looksLikeRoleNoun(key: string): boolean {
  if (key.length < 5 || NOT_ROLE_NOUNS.has(key) || key.endsWith('list')) return false;
  if (STOP_WORDS.has(key) || LOW_SIGNAL.has(key) || ADJECTIVES.has(key)) return false;
  return /[a-z]{3}(?:er|or|ist|ian)$/.test(key) && !/(?:ier|ever|ther|ower|ster)$/.test(key);
}

/** Up to two noun modifiers before a role ("dog owners", "project manager"), only when they start a noun phrase. */
function modifierStart(sentence: Word[], headIndex: number): number {
  for (let count = 2; count >= 1; count--) {
    const start = headIndex - count;
    if (start < 0) continue;
    const modifiers = sentence.slice(start, headIndex + 1);
    const joined = modifiers.every((w, i) => i === 0 || !w.breakBefore);
    const usable = modifiers
      .slice(0, -1)
      .every((w) => (isContentWord(w.lower) || NOUN_MODIFIERS.has(w.lower)) && !ADJECTIVES.has(w.lower) && !NUMBER_WORDS.has(w.lower) && !w.possessive && !/^\p{N}/u.test(w.lower) && !MODALS.has(w.lower));
    const before = sentence[start - 1];
    const verbSlot = before !== undefined && (MODALS.has(before.lower) || before.lower === 'to');
    const startsPhrase = !before || sentence[start]?.breakBefore || STOP_WORDS.has(before.lower) || ADJECTIVES.has(before.lower) || LOW_SIGNAL.has(before.lower);
    if (joined && usable && startsPhrase && !verbSlot) return start;
  }
  return headIndex;
}

function rankActors(mentions: ActorMention[], limit: number): string[] {
  type Tally = { key: string; displays: Map<string, number>; count: number; first: number };
  const tallies = new Map<string, Tally>();
  mentions.forEach((m, order) => {
    if (m.vague) return;
    let tally = tallies.get(m.key);
    if (!tally) {
      tally = { key: m.key, displays: new Map(), count: 0, first: order };
      tallies.set(m.key, tally);
    }
    tally.count += 1;
    tally.displays.set(m.display, (tally.displays.get(m.display) ?? 0) + 1);
  });
  // A bare head ("owners") joins the compound it abbreviates ("dog owners") when there is exactly one.
  const compoundsByHead = new Map<string, Tally[]>();
  for (const tally of tallies.values()) {
    const space = tally.key.lastIndexOf(' ');
    if (space === -1) continue;
    const head = tally.key.slice(space + 1);
    compoundsByHead.set(head, [...(compoundsByHead.get(head) ?? []), tally]);
  }
  for (const tally of [...tallies.values()]) {
    const compounds = tally.key.includes(' ') ? [] : (compoundsByHead.get(tally.key) ?? []);
    const [compound] = compounds;
    if (compounds.length === 1 && compound) {
      compound.count += tally.count;
      compound.first = Math.min(compound.first, tally.first);
      tallies.delete(tally.key);
    }
  }
  return [...tallies.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map((tally) => mostCommon(tally.displays));
}

// ---------------------------------------------------------------------------------------------------------------
// Actor actions

const MODAL_PHRASES: Array<{ words: string[]; priority: Priority }> = [
  { words: ['must', 'be', 'able', 'to'], priority: 'must' },
  { words: ['should', 'be', 'able', 'to'], priority: 'should' },
  { words: ['can', 'be', 'able', 'to'], priority: 'should' },
  { words: ['will', 'be', 'able', 'to'], priority: 'must' },
  { words: ['are', 'able', 'to'], priority: 'should' },
  { words: ['is', 'able', 'to'], priority: 'should' },
  { words: ['need', 'to'], priority: 'must' },
  { words: ['needs', 'to'], priority: 'must' },
  { words: ['has', 'to'], priority: 'must' },
  { words: ['have', 'to'], priority: 'must' },
  { words: ['want', 'to'], priority: 'should' },
  { words: ['wants', 'to'], priority: 'should' },
  { words: ['would', 'like', 'to'], priority: 'could' },
  { words: ['must'], priority: 'must' },
  { words: ['shall'], priority: 'must' },
  { words: ['will'], priority: 'must' },
  { words: ['should'], priority: 'should' },
  { words: ['can'], priority: 'should' },
  { words: ['could'], priority: 'could' },
  { words: ['may'], priority: 'could' },
  { words: ['might'], priority: 'could' },
];
const MODAL_FIRST_WORDS = new Set(MODAL_PHRASES.map((phrase) => phrase.words[0] ?? ''));
const ACTION_ADVERBS = words(`also easily quickly then still always directly instantly securely simply just only`);

/** Verbs that hand an action to the actor that follows: "lets support agents search …", "allows owners to …". */
const LETTING_VERBS = words(`let lets letting help helps helping`);
const ALLOWING_VERBS = words(`allow allows allowing enable enables enabling want wants need needs for`);

/**
 * What each actor does: the verb phrase after the actor ("dog owners can book walkers"), after "I want to" in a user
 * story, or after "lets X" / "allows X to" / "for X to".
 */
function actorActions(mentions: ActorMention[], actorDisplay: Map<string, string>, reading: Reading): ActorAction[] {
  const actions: ActorAction[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    const verbs = reading.clauses[m.words[0]?.sentence ?? 0]?.verbs ?? new Set<number>();
    const actor = actorDisplay.get(m.key) ?? m.display;
    // "gardeners must list produce and should rate neighbours": each modal clause is an action of its own
    for (let from: ActorMention | undefined = m, steps = 0; from && steps < 5; steps++) {
      const found = actionAfter(from, verbs);
      if (!found) break;
      from = found.nextModal === undefined ? undefined : { ...m, headIndex: found.nextModal };
      const dedupe = `${actor}|${found.action.toLowerCase()}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      actions.push({ actor, action: found.action, priority: found.priority, sentenceIndex: m.words[0]?.sentence ?? 0 });
    }
  }
  return actions.sort((a, b) => a.sentenceIndex - b.sentenceIndex);
}

/** In a user story the actor speaks: "I want to see my results" is an action "see their results". */
const FIRST_TO_THIRD_PERSON = new Map<string, string>(Object.entries({ i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves', am: 'are', "i'm": "they're", "i've": "they've" }));

/** "and should …", ", and must …": a conjunction that opens a second modal clause with the same subject. */
function opensModalClause(sentence: Word[], index: number): boolean {
  return ['and', 'or', 'but'].includes(sentence[index]?.lower ?? '') && modalPhraseAt(sentence, index + 1) !== undefined;
}

/** `nextModal` is the conjunction before a second modal clause of the same subject, when there is one. */
function actionAfter(m: ActorMention, verbs: ReadonlySet<number>): { action: string; priority: Priority; nextModal?: number } | undefined {
  const sentence = m.words;
  const before = sentence[m.start - 1];
  let index = m.headIndex + 1;
  if (sentence[index]?.breakBefore && sentence[0]?.lower === 'as' && ['i', 'we'].includes(sentence[index]?.lower ?? '')) index++; // "As a walker, I want to …"

  let priority: Priority | undefined;
  const modal = MODAL_PHRASES.find((phrase) => phrase.words.every((w, i) => sentence[index + i]?.lower === w));
  // "As a parent, I want a weekly summary …": wanting a thing is getting it
  const wanted = userStoryActorEnd(sentence) > 0 && ['want', 'need'].includes(sentence[index]?.lower ?? '') && (DETERMINERS.has(sentence[index + 1]?.lower ?? '') || POSSESSIVE_PRONOUNS.has(sentence[index + 1]?.lower ?? ''));
  if (wanted) {
    priority = sentence[index]?.lower === 'need' ? 'must' : 'should';
    index += 1;
  } else if (modal) {
    priority = modal.priority;
    index += modal.words.length;
  } else if (before && !sentence[m.start]?.breakBefore && LETTING_VERBS.has(before.lower)) {
    priority = 'should';
  } else if (before && !sentence[m.start]?.breakBefore && ALLOWING_VERBS.has(before.lower) && sentence[index]?.lower === 'to') {
    priority = 'should';
    index += 1;
  }
  while (sentence[index] && ACTION_ADVERBS.has(sentence[index]?.lower ?? '')) index++;
  const verb = sentence[index];
  if (!verb || (verb.breakBefore && !priority) || !/^\p{L}/u.test(verb.lower)) return undefined;

  if (!priority) {
    // Without a modal the actor must be a subject ("where dog owners book …", not "… browse walker profiles")
    // and the verb must agree with it: "owners book", "the driver accepts".
    const subject =
      !before || sentence[m.start]?.breakBefore || /^\d/.test(before.lower) || (STOP_WORDS.has(before.lower) && !PREPOSITIONS.has(before.lower) && !MODALS.has(before.lower));
    if (!subject) return undefined;
    const head = sentence[m.headIndex];
    const headPlural = head !== undefined && looksPlural(head);
    const verbThirdPerson = /[^s]s$/.test(verb.lower);
    if (STOP_WORDS.has(verb.lower) || isRoleWord(verb.key) || headPlural === verbThirdPerson || /(?:ing|ed)$/.test(verb.lower)) return undefined;
    // "farmers list produce": a word that is also a noun is a verb where the clause reads it as one
    if ((!verbs.has(index) && (ATTRIBUTE_WORDS.has(verb.key) || GENERIC_NOUNS.has(verb.key))) || verb.possessive) return undefined;
  } else if (STOP_WORDS.has(verb.lower) && verb.lower !== 'be' && !wanted) return undefined;

  const phrase: string[] = wanted ? ['get', verb.surface] : [priority ? verb.surface : baseForm(verb.lower)];
  // Up to the end of the clause; a list of bare verbs carries on: "book, move and cancel appointments".
  let itemWords = 1;
  let afterConjunction = false;
  let nextModal: number | undefined;
  for (let i = index + 1; i < sentence.length && phrase.length < 9; i++) {
    const word = sentence[i];
    if (!word) break;
    if (opensModalClause(sentence, i)) {
      nextModal = i;
      break;
    }
    const inVerbList = itemWords === 1 && !afterConjunction;
    if (inVerbList && (word.lower === 'and' || word.lower === 'or')) {
      phrase.push(word.lower);
      afterConjunction = true;
      continue;
    }
    if (word.breakBefore && inVerbList && /^\p{Ll}/u.test(word.surface) && !STOP_WORDS.has(word.lower)) {
      phrase[phrase.length - 1] += ',';
      itemWords = 0;
    } else if (!word.breakBefore && coordinatesObjects(sentence, i)) {
      // "lend drills and ladders to neighbours": one object list, not a new clause
    } else if (word.breakBefore || CLAUSE_BREAKERS.has(word.lower)) break;
    phrase.push(word.surface);
    itemWords = afterConjunction ? 1 : itemWords + 1;
    afterConjunction = false;
  }
  const full = phrase.length;
  while (phrase.length > 1 && STOP_WORDS.has((phrase[phrase.length - 1] ?? '').toLowerCase())) phrase.pop();
  // A bare verb says little ("parents pick one" → "pick"): keep its particle or object even if it is a stop word.
  if (phrase.length === 1 && full > 1) phrase.push(sentence[index + 1]?.surface ?? '');
  if (phrase.length === 1 && !priority) return undefined;
  const story = userStoryActorEnd(sentence) > 0;
  const words = story ? phrase.map((word) => FIRST_TO_THIRD_PERSON.get(normalizeApostrophe(word.toLowerCase())) ?? word) : phrase;
  const action = words.join(' ').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  return { action, priority: priority ?? 'should', ...(nextModal === undefined ? {} : { nextModal }) };
}

/** "and" between two plural nouns, unless the second one starts a clause of its own ("quizzes and students submit …"). */
function coordinatesObjects(sentence: Word[], index: number): boolean {
  const before = sentence[index - 1];
  const after = sentence[index + 1];
  const next = sentence[index + 2];
  if (!['and', 'or'].includes(sentence[index]?.lower ?? '') || !before || !after || after.breakBefore) return false;
  if (!looksPlural(before) || !looksPlural(after) || isRoleWord(after.key)) return false;
  return !next || next.breakBefore || !couldBeVerb(next) || looksPlural(next);
}

/** "accepts" → "accept", "watches" → "watch", "carries" → "carry". */
function baseForm(verb: string): string {
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss|zz)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb) && verb.length > 3) return verb.slice(0, -1);
  return verb;
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

/** `evidence` from the statements about a record ("has", "of", possessives, repeats); `support` from the clauses it appears in. */
type EntityTally = { name: string; attributes: string[]; evidence: number; support: number; first: number };

/**
 * The record a transaction verb implies: "people lend drills" → loan, "restaurants order crates" → order.
 * "book" and "reserve" imply a record only when what is booked is a person ("owners book walkers"); "book an
 * appointment" already names it.
 */
const TRANSACTION_RECORDS = new Map<string, string>(Object.entries({
  lend: 'loan',
  borrow: 'loan',
  rent: 'rental',
  buy: 'purchase',
  purchase: 'purchase',
  order: 'order',
  pay: 'payment',
  donate: 'donation',
  apply: 'application',
  subscribe: 'subscription',
  enrol: 'enrolment',
  enroll: 'enrollment',
  register: 'registration',
  book: 'booking',
  reserve: 'reservation',
  bid: 'bid',
  vote: 'vote',
  swap: 'swap',
  refund: 'refund',
  deliver: 'delivery',
  ship: 'shipment',
}));
const RECORD_OF_PEOPLE_ONLY = words(`book reserve`);

/** Verbs that keep a list of attributes when a record is their subject ("each walk tracks …"), but are actions of people. */
const ACTION_HAVE_VERBS = words(`stores store holds hold records record tracks track keeps keep`);

/**
 * Domain nouns that data is kept about, with their attributes: "each walk has a date, a duration and a price",
 * "invoices with an amount and a due date", "the walker's rating", "the price of each walk", repeated nouns used
 * with a determiner ("the booking … each booking"), capitalised domain terms, and the things the text's verbs act
 * on, the things that are logged or stored, and the records its transaction verbs imply.
 */
export function findEntities(text: string, limit = 10): Entity[] {
  const sentences = splitSentences(text).map(sentenceWords);
  const reading = readingOf(sentences);
  const actorKeys = new Set(actorMentions(sentences, reading).map((m) => m.words[m.headIndex]?.key ?? ''));
  return entitiesOf(sentences, reading, actorKeys, limit);
}

function entitiesOf(sentences: Word[][], reading: Reading, actorKeys: Set<string>, limit: number): Entity[] {
  const tallies = new Map<string, EntityTally>();
  let order = 0;
  const add = (name: string, attributes: string[], evidence: number, support = 0): void => {
    if (!name) return;
    let tally = tallies.get(name);
    if (!tally) {
      tally = { name, attributes: [], evidence: 0, support: 0, first: order++ };
      tallies.set(name, tally);
    }
    tally.evidence += evidence;
    tally.support += support;
    for (const attribute of attributes) {
      if (attribute && attribute !== name && !tally.attributes.includes(attribute) && tally.attributes.length < 8) tally.attributes.push(attribute);
    }
  };

  const determined = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const previous = sentence[index - 1];
      const next = sentence[index + 1];
      // "the warehouse manager": a modifier of a role is no record of its own
      const modifiesRole = next !== undefined && !next.breakBefore && isRoleWord(next.key);
      if (isEntityWord(word) && previous && !word.breakBefore && !modifiesRole && (DETERMINERS.has(previous.lower) || /^\d+$/.test(previous.lower) || previous.possessive || ADJECTIVES.has(previous.lower))) {
        determined.set(word.key, (determined.get(word.key) ?? 0) + 1);
      }
      if (index > 0 && /^\p{Lu}\p{Ll}/u.test(word.surface) && isEntityWord(word) && !previous?.surface.match(/^\p{Lu}/u)) {
        capitalised.set(word.key, (capitalised.get(word.key) ?? 0) + 1);
      }
    });
  }

  const listed = sentences.map(() => new Set<number>());
  sentences.forEach((sentence, sentenceIndex) => {
    const verbs = reading.clauses[sentenceIndex]?.verbs;
    sentence.forEach((word, index) => {
      const next = sentence[index + 1];
      // "each walk has a date, a duration and a price" / "tasks with a title and a due date" / "each user must have …"
      if ((HAVE_VERBS.has(word.lower) || word.lower === 'with') && index > 0 && next?.lower !== 'to' && next?.lower !== 'been') {
        const modalBefore = MODALS.has(sentence[index - 1]?.lower ?? '');
        if (modalBefore && !['have', 'has', 'contain', 'include'].includes(word.lower)) return;
        const subjectIndex = modalBefore ? index - 2 : index - 1;
        const subject = sentence[subjectIndex];
        const joined = !word.breakBefore && !(modalBefore && sentence[index - 1]?.breakBefore);
        // "the driver records a reason", "FleetPulse tracks vans": actions of people and products, not attribute lists
        const acting = ACTION_HAVE_VERBS.has(word.lower) && subject !== undefined && (isRoleWord(subject.key) || actorKeys.has(subject.key) || /^\p{Lu}/u.test(subject.surface) || reading.products.has(subject.key));
        const peopleWith = word.lower === 'with' && subject !== undefined && (isRoleWord(subject.key) || actorKeys.has(subject.key));
        if (subject && joined && !acting && !peopleWith && isEntityWord(subject) && !isAdverbLike(subject) && !ATTRIBUTE_WORDS.has(subject.key)) {
          const determinerBefore = [1, 2].some((back) => DETERMINERS.has(sentence[subjectIndex - back]?.lower ?? '') && !sentence[subjectIndex - back + 1]?.breakBefore);
          const looksLikeNoun = word.lower !== 'with' || determined.has(subject.key) || subject.key !== subject.lower || determinerBefore;
          // "split bills with roommates": people in the plural are company, not fields ("… with the operator" is one)
          const attributes = attributeList(sentence, index + 1, verbs).filter((attribute) => {
            const last = attribute.split(' ').at(-1) ?? '';
            return word.lower !== 'with' || !isPersonNoun(last) || singularize(last) === last;
          });
          if (looksLikeNoun && attributes.length) {
            add(compoundName(sentence, subjectIndex), attributes, 2);
            // the fields listed are no records of their own
            for (let i = index + 1; i < sentence.length && !MODALS.has(sentence[i]?.lower ?? '') && !(verbs?.has(i) ?? false); i++) {
              const item = sentence[i];
              if (!item || (CLAUSE_BREAKERS.has(item.lower) && !['and', 'or'].includes(item.lower))) break;
              listed[sentenceIndex]?.add(i);
            }
          }
        }
      }
      // "the walker's rating"
      if (word.possessive && isEntityWord(word) && next && ATTRIBUTE_WORDS.has(next.key)) add(word.key, [next.key], 1);
      // "the price of each walk"
      if (ATTRIBUTE_WORDS.has(word.key) && next?.lower === 'of') {
        const target = DETERMINERS.has(sentence[index + 2]?.lower ?? '') ? sentence[index + 3] : sentence[index + 2];
        if (target && isEntityWord(target) && !ATTRIBUTE_WORDS.has(target.key)) add(target.key, [word.lower], 1);
      }
    });
  });

  for (const [key, count] of determined) {
    if (ATTRIBUTE_WORDS.has(key) || PRODUCT_NOUNS.has(key) || reading.products.has(key)) continue;
    if (count >= 2 || (capitalised.get(key) ?? 0) >= 1) add(key, [], count);
  }
  for (const [key, count] of capitalised) if (count >= 2 && !ATTRIBUTE_WORDS.has(key)) add(key, [], count);

  // Things the clauses act on or keep: objects of verbs, logged or stored subjects, listed features, "for each order".
  const weights = new Map<string, { score: number; attributes: string[]; first: number }>();
  sentences.forEach((sentence, sentenceIndex) => {
    const clauses = reading.clauses[sentenceIndex];
    if (!clauses) return;
    for (const verb of [...clauses.verbs].sort((a, b) => a - b)) {
      const verbWord = sentence[verb];
      const record = verbWord ? TRANSACTION_RECORDS.get(baseForm(verbWord.lower)) : undefined;
      if (!verbWord || !record) continue;
      const objects = clauses.phrases.filter((phrase) => phrase.slot === 'object' && phrase.verb === verb);
      const ofPeople = objects.every((phrase) => isRoleWord(sentence[phrase.end - 1]?.key ?? '') || actorKeys.has(sentence[phrase.end - 1]?.key ?? ''));
      if (RECORD_OF_PEOPLE_ONLY.has(baseForm(verbWord.lower)) && !ofPeople) continue;
      const entry = weights.get(record) ?? { score: 0, attributes: [], first: sentenceIndex * 1000 + verb };
      entry.score += 1;
      weights.set(record, entry);
    }
    const isPerson = (word: Word | undefined): boolean => word !== undefined && (isRoleWord(word.key) || actorKeys.has(word.key));
    const actedByPeople = new Set(clauses.phrases.filter((p) => p.slot === 'subject' && p.active && p.verb !== undefined && isPerson(sentence[p.end - 1])).map((p) => p.verb));
    for (const phrase of clauses.phrases) {
      if (listed[sentenceIndex]?.has(phrase.start)) continue;
      const named = phraseEntity(sentence, phrase, reading, actorKeys);
      if (!named) continue;
      // a bare singular is a mass noun or a medium ("moisture", "by card") more often than a record, unless people act on it
      const bare = phrase.determiner === undefined && !looksPlural(sentence[phrase.end - 1] as Word) && !(phrase.slot === 'object' && actedByPeople.has(phrase.verb));
      const plural = looksPlural(sentence[phrase.end - 1] as Word);
      let weight = phrase.slot === 'prepositional' ? (plural || (phrase.preposition === 'with' && phrase.afterBreak) ? 1 : 0.5) : 1;
      if (bare) weight /= 2;
      if (phrase.determiner === 'each' || phrase.determiner === 'every') weight = Math.max(weight, 1);
      const entry = weights.get(named.name) ?? { score: 0, attributes: [], first: sentenceIndex * 1000 + phrase.start };
      entry.score += weight;
      for (const attribute of named.attributes) if (!entry.attributes.includes(attribute)) entry.attributes.push(attribute);
      weights.set(named.name, entry);
    }
  });
  for (const [name, entry] of weights) {
    if (entry.score >= 1 || tallies.has(name)) add(name, entry.attributes, 0, entry.score);
  }
  // A compound with a head of its own ("delivery van" … "every van") is the head.
  for (const tally of [...tallies.values()]) {
    const space = tally.name.lastIndexOf(' ');
    const head = tallies.get(tally.name.slice(space + 1));
    if (space === -1 || !head || tally.attributes.length > 0) continue;
    head.evidence += tally.evidence;
    head.support += tally.support;
    head.first = Math.min(head.first, tally.first);
    tallies.delete(tally.name);
  }

  // "booking date", "walk duration": attribute words right after a known entity
  for (const sentence of sentences) {
    sentence.forEach((word, index) => {
      const next = sentence[index + 1];
      const tally = tallies.get(word.key);
      if (tally && next && !next.breakBefore && ATTRIBUTE_WORDS.has(next.key) && tally.attributes.length < 8 && !tally.attributes.includes(next.lower)) {
        tally.attributes.push(next.lower);
      }
    });
  }

  return [...tallies.values()]
    .filter((tally) => !actorKeys.has(tally.name) || tally.attributes.length > 0)
    // Records the text describes come first, in the order it introduces them; then the things its clauses act on.
    .sort((a, b) => b.attributes.length - a.attributes.length || b.evidence - a.evidence || (a.evidence > 0 ? 0 : b.support - a.support) || a.first - b.first)
    .slice(0, limit)
    .map(({ name, attributes }) => ({ name, attributes }));
}

const TIME_NOUNS = words(`second minute hour day week month year morning afternoon evening night weekend time`);
const QUANTITY_NOUNS = words(`number amount list set range variety kind type lot lots group series couple pair bunch share
  percentage proportion majority total`);

/** Heads that say which facet of their modifier is meant: "payment data" is about payments, "visit time" about visits. */
const FACET_NOUNS = words(`data information details detail time history`);
/** Heads that name a screen, not a record: "checkout page", "settings screen". */
const SCREEN_NOUNS = words(`page screen view form field section step click button tab`);
/** Nouns in -al, which otherwise reads as an adjective ("legal team", "medical records"). */
const NOUNS_IN_AL = words(`meal rental portal animal hospital capital journal festival arrival approval proposal
  terminal signal pedal metal petal renewal referral removal withdrawal deal`);

/**
 * The entity a noun phrase names: its head, with a noun modifier when it has one ("stock movement", "job opening"); a
 * modifier alone when the head is a field or facet of it ("visit time" → visit, with time). People, the product,
 * screens, adjectives and verb forms name no entity; a generic or field word ("level") only where the text treats it as
 * a thing of its own: the subject of a verb ("levels get harder") or "each level".
 */
function phraseEntity(sentence: Word[], phrase: NounPhrase, reading: Reading, actorKeys: Set<string>): { name: string; attributes: string[] } | undefined {
  const head = sentence[phrase.end - 1];
  const modifier = phrase.end - 2 >= phrase.start ? sentence[phrase.end - 2] : undefined;
  if (!head) return undefined;
  const excluded = (word: Word): boolean =>
    isRoleWord(word.key) || actorKeys.has(word.key) || reading.products.has(word.key) || PRODUCT_NOUNS.has(word.key) || /\p{Lu}.*\p{Lu}/u.test(word.surface);
  const usableModifier = modifier !== undefined && isEntityWord(modifier) && !isAdjectiveLike(modifier) && !isRoleWord(modifier.key) && !actorKeys.has(modifier.key) && !ATTRIBUTE_WORDS.has(modifier.key) && !GENERIC_NOUNS.has(modifier.key);
  // "orders with a delivery address": a field of the record before it
  if (phrase.preposition === 'with' && ATTRIBUTE_WORDS.has(head.key)) return undefined;
  if (!isEntityWord(head) && !GENERIC_NOUNS.has(head.key)) return undefined;
  if (excluded(head) || SCREEN_NOUNS.has(head.key) || isAdjectiveLike(head, true) || (/ing$/.test(head.lower) && phrase.determiner === undefined)) return undefined;
  const ownThing = ((phrase.slot === 'subject' && phrase.active) || phrase.determiner === 'each' || phrase.determiner === 'every') && !TIME_NOUNS.has(head.key);
  // "60 frames per second", "the number of boxes": a rate or a quantity, not a record
  const counted = phrase.determiner !== undefined && (/^\d/.test(phrase.determiner) || NUMBER_WORDS.has(phrase.determiner));
  if ((counted && sentence[phrase.end]?.lower === 'per') || (QUANTITY_NOUNS.has(head.key) && sentence[phrase.end]?.lower === 'of')) return undefined;
  if (ATTRIBUTE_WORDS.has(head.key) || FACET_NOUNS.has(head.key)) {
    if (usableModifier) return { name: modifier.key, attributes: ATTRIBUTE_WORDS.has(head.key) ? [head.lower] : [] };
    return ownThing && !FACET_NOUNS.has(head.key) ? { name: head.key, attributes: [] } : undefined;
  }
  if (TIME_NOUNS.has(head.key) || (GENERIC_NOUNS.has(head.key) && !usableModifier && !ownThing)) return undefined;
  return { name: usableModifier ? `${modifier.lower} ${head.key}` : head.key, attributes: [] };
}

/** "signed", "weekly", "legal", "next-day", "-ing" forms: words that describe a noun rather than name one. */
function isAdjectiveLike(word: Word, asHead = false): boolean {
  if (ADJECTIVES.has(word.lower) || word.lower.includes('-')) return true;
  if (/(?:ed|ous|ful|less)$/.test(word.lower) || IRREGULAR_PARTICIPLES.has(word.lower) || (/ly$/.test(word.lower) && !LY_WORDS.has(word.lower))) return true;
  return !asHead && (/(?:ive|ic|ing)$/.test(word.lower) || (/al$/.test(word.lower) && !NOUNS_IN_AL.has(word.lower)));
}

/** "time entry" in "each time entry has …": a noun modifier counts when a determiner or the sentence start precedes it. */
function compoundName(sentence: Word[], headIndex: number): string {
  const head = sentence[headIndex];
  const modifier = sentence[headIndex - 1];
  const before = sentence[headIndex - 2];
  if (!head) return '';
  const modifierFits = modifier && !head.breakBefore && !modifier.possessive && (isEntityWord(modifier) || GENERIC_NOUNS.has(modifier.key)) && !ATTRIBUTE_WORDS.has(modifier.key);
  if (modifierFits && (headIndex === 1 || (before && DETERMINERS.has(before.lower)))) return `${modifier.lower} ${head.key}`;
  return head.key;
}

function isEntityWord(word: Word): boolean {
  return (
    isContentWord(word.lower) &&
    !GENERIC_NOUNS.has(word.key) &&
    !ADJECTIVES.has(word.lower) &&
    !MODALS.has(word.lower) &&
    !HAVE_VERBS.has(word.lower) &&
    /^\p{L}/u.test(word.lower) &&
    !/^\p{Lu}{2,}/u.test(word.surface) &&
    !/ly$/.test(word.lower) &&
    word.key.length >= 3
  );
}

/** "a date, a duration and an optional price" → ['date', 'duration', 'optional price'] (up to the clause's end). */
function attributeList(sentence: Word[], from: number, verbs: ReadonlySet<number> = new Set()): string[] {
  const items: string[] = [];
  // ", and customers order …": a new clause, not another attribute
  const clauseAhead = (index: number): boolean => {
    for (let j = index; j < sentence.length; j++) {
      const word = sentence[j];
      if (!word || (j > index && (word.breakBefore || ['and', 'or'].includes(word.lower)))) return false;
      if (verbs.has(j)) return true;
    }
    return false;
  };
  let item: string[] = [];
  const flush = (): void => {
    while (item.length && STOP_WORDS.has(item[item.length - 1] ?? '')) item.pop();
    if (item.length) items.push(item.join(' '));
    item = [];
  };
  for (let i = from; i < sentence.length && items.length < 8; i++) {
    const word = sentence[i];
    if (!word) break;
    if (i > from && word.breakBefore) {
      flush();
      if (clauseAhead(['and', 'or'].includes(word.lower) ? i + 1 : i)) break;
    }
    if (['and', 'or'].includes(word.lower) || (word.lower === 'as' && sentence[i + 1]?.lower === 'well')) {
      flush();
      if (clauseAhead(i + 1)) break;
      continue;
    }
    if (CLAUSE_BREAKERS.has(word.lower) || MODALS.has(word.lower) || (STOP_WORDS.has(word.lower) && item.length > 0 && word.lower !== 'of')) {
      flush();
      break;
    }
    if (item.length === 0 && (STOP_WORDS.has(word.lower) || DETERMINERS.has(word.lower) || /^\d+$/.test(word.lower) || word.lower === 'well')) continue;
    if (item.length < 3) item.push(word.lower);
  }
  flush();
  return items.filter((attribute) => /\p{L}/u.test(attribute));
}

// ---------------------------------------------------------------------------------------------------------------
// Requirements

/** "As a teacher, I want a weekly summary": a user story states a requirement even without "to". */
const USER_STORY = /^as an? [^,]{1,60},? (?:i|we) (want|need|would like|wish|expect)\b/i;
const REQUIREMENT_CUE =
  /\b(must|shall|should|will|can|could|may|might|cannot|can't|needs? to|has to|have to|(?:is|are) required|wants? to|would like to|would be (?:nice|good|great)|nice to have|allows?|allowing|enables?|lets)\b/i;
const MUST_CUE = /\b(must|shall|will|cannot|can't|needs? to|has to|have to|required|mandatory|critical|essential)\b/i;
const SHOULD_CUE = /\b(should|can|wants? to|allows?|allowing|enables?|lets)\b/i;
const COULD_CUE = /\b(could|may|might|would like to|would be (?:nice|good|great)|nice to have|optional(?:ly)?|ideally|eventually|later on|in the future|if possible|bonus)\b/i;
const NOT_A_REQUIREMENT = /^(?:this|it|that|which|there)\s+(?:will|can|could|may|might)\b|\?$/i;
const NON_FUNCTIONAL_CUE = new RegExp(
  [
    'performan\\w*', 'fast(?:er)?', 'speed', 'latency', 'response times?', 'respond\\w*', '\\d+ ?(?:ms|milliseconds?)\\b',
    // a response within a few seconds is a performance target; "accept within 30 seconds" is a business rule
    '(?:within|under|below|less than|at most) (?:[1-5](?:\\.\\d+)?|one|two|three|four|five) ?(?:s|secs?|seconds?)\\b', 'frames per second', 'fps',
    'throughput', 'loads? in', 'concurren\\w*', 'scal(?:e|es|able|ability|ing)', 'uptime', 'highly available', 'available (?:24/7|\\d)',
    'reliab\\w*', 'fault[- ]toleran\\w*', 'redundan\\w*', 'backups?', 'disaster', 'secur(?:e|ely|ity)', 'encrypt\\w*',
    'privacy', 'gdpr', 'hipaa', 'ccpa', 'pci', 'soc ?2', 'iso ?27001', 'complian\\w*', 'audit\\w*', 'accessib\\w*',
    'wcag', 'a11y', 'screen readers?', 'usability', 'intuitive', 'responsive', 'mobile[- ]friendly', 'offline',
    'maintainab\\w*', 'testab\\w*', 'portab\\w*', 'locali[sz]\\w*', 'internationali[sz]\\w*', 'i18n', 'multilingual',
    'retention', 'logging', '(?:never|not) (?:store|log|share|sell|keep|save|expose)\\w*', 'read-only', '99(?:\\.\\d+)?%', '24/7', 'sla', 'works? (?:well )?on (?:phones|mobile|tablets|desktop|all browsers)', 'cross-platform',
  ].map((cue) => `\\b${cue}`).join('|'),
  'i',
);

/** Sentences that state what the product must, should or could do, numbered FR-n / NFR-n in document order. */
export function findRequirements(text: string, limit = 100): Requirement[] {
  return requirementsOf(splitSentences(text), limit);
}

function requirementsOf(sentences: string[], limit: number): Requirement[] {
  const requirements: Requirement[] = [];
  let functional = 0;
  let nonFunctional = 0;
  for (const sentence of sentences) {
    if (requirements.length >= limit) break;
    if (!(REQUIREMENT_CUE.test(sentence) || USER_STORY.test(sentence)) || NOT_A_REQUIREMENT.test(sentence) || tokenize(sentence).length < 3) continue;
    for (const clause of USER_STORY.test(sentence) ? [sentence] : modalClauses(sentence)) {
      if (requirements.length >= limit) break;
      const kind: RequirementKind = NON_FUNCTIONAL_CUE.test(clause) ? 'non-functional' : 'functional';
      const id = kind === 'functional' ? `FR-${++functional}` : `NFR-${++nonFunctional}`;
      requirements.push({ id, text: truncate(clause, 500), kind, priority: priorityOf(clause) });
    }
  }
  return requirements;
}

const CLAUSE_MODAL = String.raw`(?:must|shall|should|will|can|could|may|might|cannot|can't|needs? to|has to|have to)\b`;
const FIRST_MODAL = new RegExp(String.raw`\b${CLAUSE_MODAL}`, 'i');
/** ", and should …", " and admins must …": a conjunction, an optional short subject of its own, then a modal. */
const NEXT_MODAL_CLAUSE = new RegExp(String.raw`,?\s+(?:and|or|but)\s+((?:[\p{L}\p{N}'’-]+\s+){0,4}?)(${CLAUSE_MODAL})`, 'iu');
const NOT_A_SUBJECT = /\b(?:who|whom|whose|which|that|when|where|if|because|so|to|then|also|it|this|they|them)\b/i;

/**
 * "The system must send reminders and should rate gardeners" states two requirements: "The system must send
 * reminders" and "The system should rate gardeners", each with its own priority. A second clause without a subject
 * of its own takes the first clause's subject.
 */
function modalClauses(sentence: string): string[] {
  const first = FIRST_MODAL.exec(sentence);
  if (!first) return [sentence];
  const subject = sentence.slice(0, first.index).trim();
  const ending = /[.!]$/.test(sentence) ? sentence.slice(-1) : '';
  const body = ending ? sentence.slice(0, -1) : sentence;
  const clauses: string[] = [];
  let start = 0;
  let searchFrom = first.index + first[0].length;
  let currentSubject = '';
  while (clauses.length < 5) {
    const next = NEXT_MODAL_CLAUSE.exec(body.slice(searchFrom));
    const ownSubject = next?.[1]?.trim() ?? '';
    if (!next || (ownSubject && NOT_A_SUBJECT.test(ownSubject)) || (!ownSubject && !subject)) {
      if (!next) break;
      searchFrom += next.index + next[0].length;
      continue;
    }
    const at = searchFrom + next.index;
    clauses.push(`${currentSubject}${body.slice(start, at).trim()}`);
    start = at + next[0].length - (next[2]?.length ?? 0) - (next[1]?.length ?? 0);
    currentSubject = ownSubject ? '' : `${subject} `;
    searchFrom = at + next[0].length;
  }
  if (clauses.length === 0) return [sentence];
  clauses.push(`${currentSubject}${body.slice(start).trim()}`);
  return clauses.map((clause) => `${capitalize(clause)}${ending}`);
}

export function priorityOf(sentence: string): Priority {
  if (COULD_CUE.test(sentence)) return 'could';
  const story = USER_STORY.exec(sentence)?.[1]?.toLowerCase();
  if (story) return story === 'need' ? 'must' : story === 'would like' || story === 'wish' ? 'could' : 'should';
  if (MUST_CUE.test(sentence)) return 'must';
  if (SHOULD_CUE.test(sentence)) return 'should';
  return 'could';
}

const PROBLEM_CUE =
  /\b(problems?|pain|hard|difficult|struggl\w*|frustrat\w*|wast\w*|lose|losing|lost|miss(?:ed|es|ing)?|manual(?:ly)?|spreadsheets?|too (?:long|slow|expensive|hard|many|much)|can't|cannot|no (?:way|easy|simple|good|single|central)|lack\w*|expensive|tedious|error-prone|messy|scattered|forget\w*|currently|nowadays)\b/i;

/** A sentence that describes today's pain ("agents waste hours on …") rather than what the product should do. */
export function isProblemStatement(sentence: string): boolean {
  return PROBLEM_CUE.test(sentence);
}

// ---------------------------------------------------------------------------------------------------------------
// Summary

/** The best-scored sentences (by their words' frequency and their position), in their original order. */
export function summarize(text: string, maxSentences = 3): string {
  const sentences = splitSentences(text);
  return summaryOf(sentences, sentences.map(sentenceWords), maxSentences);
}

function summaryOf(sentences: string[], sentenceWordLists: Word[][], maxSentences: number): string {
  if (sentences.length === 0) return '';
  const frequency = new Map<string, number>();
  for (const list of sentenceWordLists) for (const word of list) if (isContentWord(word.lower)) frequency.set(word.key, (frequency.get(word.key) ?? 0) + 1);
  const scored = sentenceWordLists.map((list, index) => {
    const keys = new Set(list.filter((w) => isContentWord(w.lower)).map((w) => w.key));
    let score = 0;
    for (const key of keys) score += frequency.get(key) ?? 0;
    const lengthPenalty = Math.sqrt(Math.max(list.length, 4));
    const heading = list.length < 4 && !/[.!?…]$/.test(sentences[index] ?? '') && sentences.length > 1;
    return { index, score: (score / lengthPenalty + (index === 0 ? 2 : 1 / (1 + index))) * (heading ? 0.1 : 1) };
  });
  const wanted = Math.min(maxSentences, Math.max(1, Math.ceil(sentences.length / 3)), sentences.length);
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, wanted)
    .sort((a, b) => a.index - b.index)
    .map(({ index }) => truncate(sentences[index] ?? '', 300))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Everything at once

/** One pass over the text for everything the built-in tasks need. */
export function analyzeText(text: string, options: { keyTerms?: number; actors?: number; entities?: number; requirements?: number; summarySentences?: number } = {}): TextAnalysis {
  const sentences = splitSentences(text);
  const wordLists = sentences.map(sentenceWords);
  const reading = readingOf(wordLists);
  const mentions = actorMentions(wordLists, reading);
  const actors = rankActors(mentions, options.actors ?? 8);
  const actorKeys = actors.map((actor) => ({ actor, key: phraseKey(tokenize(actor)) }));
  const actorDisplay = new Map<string, string>();
  for (const m of mentions) {
    if (actorDisplay.has(m.key)) continue;
    if (m.vague) {
      actorDisplay.set(m.key, m.display);
      continue;
    }
    const key = phraseKey(tokenize(m.display));
    const match = actorKeys.find((candidate) => candidate.key === key || candidate.key.endsWith(` ${key}`));
    if (match) actorDisplay.set(m.key, match.actor);
  }
  const actions = actorActions(mentions.filter((m) => actorDisplay.has(m.key)), actorDisplay, reading);
  const actorHeads = new Set(mentions.map((m) => m.words[m.headIndex]?.key ?? ''));
  return {
    sentences,
    keyTerms: keyTermsOf(wordLists, reading, options.keyTerms ?? 10, actors),
    actors,
    actions,
    entities: entitiesOf(wordLists, reading, actorHeads, options.entities ?? 10),
    requirements: requirementsOf(sentences, options.requirements ?? 100),
    summary: summaryOf(sentences, wordLists, options.summarySentences ?? 3),
  };
}

/**
 * What the text is about, as noun phrases that read well in a sentence: entity names (plural), then key terms that are
 * plural or several words long; actors and the verbs of their actions are left out.
 */
export function topicsOf(analysis: Pick<TextAnalysis, 'keyTerms' | 'actors' | 'actions' | 'entities'>, limit = 5): string[] {
  const actorWords = new Set(analysis.actors.flatMap((actor) => tokenize(actor).map(singularize)));
  const verbs = new Set(analysis.actions.map((action) => tokenize(action.action)[0] ?? ''));
  // An entity named once in passing ("rate each walk") or only implied by a verb ("lend" → loan) is no topic; things
  // named in the plural ("lend drills and ladders") are.
  const mentions = new Map(analysis.keyTerms.map((term) => [phraseKey(tokenize(term.term)), { count: term.count, plural: isPluralPhrase(term.term) }]));
  const topics: string[] = analysis.entities
    .filter((entity) => {
      if (isPersonNoun(tokenize(entity.name).at(-1) ?? '')) return false;
      const term = mentions.get(phraseKey(tokenize(entity.name)));
      return entity.attributes.length > 0 || (term !== undefined && (term.count >= 2 || term.plural));
    })
    .map((entity) => pluralize(entity.name));
  for (const { term, nounLike } of analysis.keyTerms) {
    const termWords = tokenize(term);
    const last = termWords[termWords.length - 1] ?? '';
    // "small growers", "dog owners": people, however they are described; "five minutes": a duration
    if (termWords.every((word) => actorWords.has(singularize(word))) || actorWords.has(singularize(last)) || isPersonNoun(last) || TIME_NOUNS.has(singularize(last)) || verbs.has(termWords[0] ?? '')) continue;
    if (termWords.length > 1 || (singularize(last) !== last && nounLike)) topics.push(term);
  }
  if (topics.length === 0) {
    const fallback = analysis.keyTerms.find(({ term }) => !verbs.has(tokenize(term)[0] ?? '') && !tokenize(term).every((word) => actorWords.has(singularize(word))));
    if (fallback) topics.push(fallback.term);
  }
  const seen = new Set<string>();
  return topics
    .filter((topic) => {
      const key = tokenize(topic).map(singularize).join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

function isPluralPhrase(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}

// ---------------------------------------------------------------------------------------------------------------
// Prose helpers for the built-in tasks

/** An actor as a group of people: "driver" → "drivers"; "dog owners" and "staff" stay. */
export function asGroup(actor: string): string {
  const last = actor.split(' ').at(-1) ?? actor;
  if (['staff', 'personnel', 'team', 'family', 'community', 'people'].includes(last)) return actor;
  return singularize(last) === last ? pluralize(actor) : actor;
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}
