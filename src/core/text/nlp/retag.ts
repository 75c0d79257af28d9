import { baseForm, singularCandidates, singularize } from '../inflection.js';
import { POSSESSIVES } from './chunks.js';
import { RETAG_PARTICLES } from './particles.js';
import type { TaggedSentence, TaggedToken } from './tagger.js';
import { isKindOf, knows, namesMessage, semanticClasses, senses, takesGerund, takesPersonObject, takesThingObject, verbOfParticiple } from './wordnet.js';

/**
 * Corrections to the lite tagger's two common slips, checked against WordNet:
 * - a capitalised sentence-initial plural noun comes out as PROPN ("Members borrow tools"): when WordNet knows the
 *   lower-case word as a common noun, it is a NOUN with its singular lemma;
 * - a verb after a plural subject often comes out as NOUN ("Judges score each project", "reserves a tool and picks it
 *   up"): a word WordNet knows as a verb, right after a noun, pronoun, conjunction, modal or "to" and right before a
 *   determiner, pronoun or number, is a VERB. A determiner or adjective before it keeps it a noun ("a check");
 * - a second verb coordinated with a first comes out as NOUN ("partners can suggest and rate").
 */
const VERB_NEXT = new Set(['DET', 'PRON', 'NUM']);
const VERB_PREVIOUS = new Set(['NOUN', 'PROPN', 'PRON', 'CCONJ', 'AUX', 'PART', 'ADV']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'who', 'that', 'which']);
const OBJECT_PRONOUNS = new Set(['them', 'him', 'us', 'me']);
/** Pronouns standing for some person or other, each the subject of a verb in -s ("someone orders glasses"). */
export const INDEFINITE_PERSONS = new Set(['someone', 'somebody', 'everyone', 'everybody', 'anyone', 'anybody', 'whoever']);
/** What starts an object after a verb: a determiner, a number, a pronoun, an adjective or a noun. */
const OBJECT_START = new Set(['DET', 'NUM', 'PRON', 'ADJ', 'NOUN']);
const HAVE = new Set(['have', 'has', 'had']);
/** Verbs whose object does the next, bare verb: "let members book", "helps staff plan". */
export const CAUSATIVE_VERBS = new Set(['let', 'make', 'help', 'have', 'see', 'watch', 'hear', 'bid']);

/** Whether a noun can do things: one of its first senses is a person or a group of people. */
function namesDoer(token: TaggedToken): boolean {
  return semanticClasses(token.lemma, 'noun', 3).some((name) => name === 'noun.person' || name === 'noun.group');
}

/** Whether the noun at `index` is the head of a subject: nothing but a determiner, a noun or a clause break before it. */
function headsSubject(tokens: TaggedToken[], index: number): boolean {
  const before = tokens[index - 1];
  return before === undefined || before.pos === 'DET' || before.pos === 'PUNCT' || before.pos === 'CCONJ' || before.pos === 'NOUN' || before.pos === 'ADJ';
}

/**
 * A subject naming people then a word WordNet knows as a verb, in the form that agrees with it, then an object or a
 * particle: "the organiser schedules meetings", "Mechanic orders parts", "people post comments", "Members check in";
 * or nothing, in a relative clause ("lanes that members reserve by the hour", "a paper docket the farmer signs").
 */
function agreesWithDoer(tokens: TaggedToken[], index: number): boolean {
  const [previous, token, next] = [tokens[index - 1], tokens[index] as TaggedToken, tokens[index + 1]];
  if (!previous || previous.pos !== 'NOUN' || !next || !namesDoer(previous) || !headsSubject(tokens, index - 1)) return false;
  // An object, a particle, or an infinitive complement ("the member requests to borrow it").
  const objectFollows = OBJECT_START.has(next.pos) || (next.pos === 'ADP' && RETAG_PARTICLES.has(next.normal)) || (next.pos === 'PART' && next.normal === 'to' && tokens[index + 2]?.pos === 'VERB');
  // "lanes that members reserve by the hour": in a relative clause the object is the phrase before "that".
  // "the inspection, which the warden books, …": with the subject's determiner between.
  const pronounAt = tokens[index - 2]?.pos === 'DET' && !/^(?:that|which)$/.test(tokens[index - 2]?.normal ?? '') ? index - 3 : index - 2;
  // "a paper docket the farmer signs.": with no pronoun, after the phrase it hangs from, the verb ends its clause.
  const bareRelative = tokens[index - 2]?.pos === 'DET' && tokens[index - 3]?.pos === 'NOUN' && /^(?:PUNCT|CCONJ)$/.test(next.pos);
  const relative = (/^(?:that|which)$/.test(tokens[pronounAt]?.normal ?? '') && /^(?:ADP|ADV|PUNCT)$/.test(next.pos)) || bareRelative;
  const pluralSubject = singularize(previous.normal) !== previous.normal;
  // "members vote on next season's films": after people in the plural, a preposition may follow a bare verb whose
  // first sense WordNet frames as "Somebody ----s PP".
  const prepositional = next.pos === 'ADP' && pluralSubject && token.normal === token.lemma && (senses(token.normal, 'verb')[0]?.frames.includes(22) ?? false);
  if ((!objectFollows && !relative && !prepositional) || (next.pos === 'PRON' && SUBJECT_PRONOUNS.has(next.normal))) return false;
  const thirdPerson = /[^s]s$/.test(token.normal) && token.normal !== token.lemma;
  const bare = token.normal === token.lemma && !token.normal.endsWith('s');
  // "Staff order paper", "Crew log faults": a noun naming a group first, without a determiner, takes the bare verb
  // too ("Volunteer fire brigade" is no subject and verb).
  const group = !pluralSubject && tokens[index - 2]?.pos !== 'DET' && semanticClasses(previous.lemma, 'noun', 1)[0] === 'noun.group';
  return pluralSubject ? bare : thirdPerson || (group && bare);
}


/**
 * "Students submit their essays and book tutorials", "sort food, pack parcels and deliver them": a bare word after
 * "and" or a comma parallels an earlier bare verb agreeing with a plural subject when an object follows it. A
 * bare noun after it must not make a compound WordNet knows ("borrow drills and power tools").
 */
function parallelBare(tokens: TaggedToken[], index: number): boolean {
  const [previous, token, next] = [tokens[index - 1], tokens[index] as TaggedToken, tokens[index + 1]];
  // "…, chase late payers": a word WordNet knows as no adjective is no adjective, whatever the tagger took it for.
  const misread = token.pos === 'NOUN' || (token.pos === 'ADJ' && !knows(token.normal, 'adj'));
  if (!previous || !next || (previous.pos !== 'CCONJ' && previous.normal !== ',') || !misread || token.normal !== token.lemma) return false;
  // "… and book extra collections", "… and archive unused permits": an adjective and a plural after the word make its
  // object, which a noun modifying a noun would not have before it.
  const pluralAfter = tokens[index + 2];
  const describedPlural = next.pos === 'ADJ' && pluralAfter?.pos === 'NOUN' && pluralAfter.normal !== pluralAfter.lemma && pluralAfter.normal.endsWith('s') && knows(token.normal, 'verb');
  // The earlier verb agrees with a plural subject right before it ("Members log …"), never an infinitive.
  const earlier = tokens.slice(0, index - 1).some((t, k) => {
    const subject = tokens[k - 1];
    // A plural ("Members log …") or a group ("Staff file …") agrees with a bare verb.
    // "like owners to request services …, log visits": so does an infinitive, in a list set off by commas ("to track
    // vaccinations and vet appointments" is one object).
    // "Need to: set the budget, …": a colon may stand between "to" and the first verb of the list.
    const to = subject?.normal === ':' ? tokens[k - 2] : subject;
    // The list's last item may follow ", and".
    const listed = previous.normal === ',' || (previous.pos === 'CCONJ' && tokens[index - 2]?.normal === ',');
    const infinitive = to?.normal === 'to' && (listed || describedPlural);
    // "I book it in and decide who's going, order materials …": so does a subject pronoun other than "he", "she" and
    // "it", unless an infinitive comes between ("we need to track vaccinations and vet appointments" lists what is
    // tracked).
    const infinitiveBetween = tokens.slice(k + 1, index - 1).some((other, j) => other.normal === 'to' && tokens[k + 2 + j]?.pos === 'VERB');
    const pronoun = !infinitiveBetween && subject?.pos === 'PRON' && /^(?:i|we|they|you)$/.test(subject.normal);
    return t.pos === 'VERB' && t.normal === t.lemma && ((subject?.pos === 'NOUN' && ((subject.normal !== subject.lemma && subject.normal.endsWith('s')) || namesDoer(subject))) || infinitive || pronoun);
  });
  if (!earlier) return false;
  // "… and record how many litres came out": a question word after it opens what the verb acts on.
  if (describedPlural || (/^(?:how|what|which|whether)$/.test(next.normal) && knows(token.normal, 'verb'))) return true;
  if (next.pos === 'DET' || next.pos === 'NUM' || (next.pos === 'PRON' && (POSSESSIVES.test(next.normal) || OBJECT_PRONOUNS.has(next.normal)))) return true;
  // "report broken tools": a participle describing the noun after it.
  if (describesNextNoun(tokens, index + 1)) return true;
  // "book tutorials", "book walks" (the plural taken for a verb): a plural object, never a known compound.
  // "post feedback": a word only ever a noun, no compound with it either.
  const plural = (next.pos === 'NOUN' || next.pos === 'VERB') && next.normal.endsWith('s') && singularize(next.normal) !== next.normal && knows(singularize(next.normal), 'noun');
  const onlyNoun = next.pos === 'NOUN' && next.normal === next.lemma && !knows(next.normal, 'verb') && !knows(next.normal, 'adj');
  const after = tokens[index + 2];
  const head = plural ? singularize(next.normal) : next.normal;
  // "mark orders collected": the object may be followed by a participle saying what becomes of it.
  const complement = after?.pos === 'VERB' && after.normal !== after.lemma && after.normal.endsWith('ed');
  // "log contractor invoices": a word only ever a noun may open a compound object ending in a plural, which the tagger
  // may have read as a verb in -s.
  const compoundObject = onlyNoun && /^(?:NOUN|VERB)$/.test(after?.pos ?? '') && after?.normal !== after?.lemma && /[^s]s$/.test(after?.normal ?? '') && /^(?:PUNCT|CCONJ|ADP)$/.test(tokens[index + 3]?.pos ?? 'PUNCT');
  const ends = after === undefined || complement || compoundObject || /^(?:PUNCT|CCONJ|ADP)$/.test(after.pos) || after.text === '/';
  return (plural || onlyNoun) && ends && !knows(`${token.normal} ${head}`, 'noun') && !knows(`${token.normal}_${head}`, 'noun');
}

/** A participle describing the noun after it: "trusted" in "book trusted walkers". */
function describesNextNoun(tokens: TaggedToken[], index: number): boolean {
  const token = tokens[index];
  return token !== undefined && token.pos === 'VERB' && /(?:ed|en)$/.test(token.normal) && token.normal !== token.lemma && tokens[index + 1]?.pos === 'NOUN';
}

function verbLemma(token: TaggedToken): string | undefined {
  for (const candidate of [token.lemma, baseForm(token.normal), token.normal]) if (knows(candidate, 'verb')) return candidate;
  return token.normal.endsWith('ing') ? verbOfParticiple(token.normal) : undefined;
}

/** "texts", "email": a word for a message, as the verb of sending one ("text", "email"); undefined for any other word. */
function messageVerb(token: TaggedToken): string | undefined {
  const message = singularize(token.normal);
  return namesMessage(message) && /^[a-z]+$/.test(token.normal) ? message : undefined;
}

function isSentenceStart(tokens: TaggedToken[], index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const previous = tokens[i] as TaggedToken;
    if (previous.pos === 'PUNCT' || previous.pos === 'SYM' || previous.pos === 'SPACE') continue;
    return false;
  }
  return true;
}

/** Whether a token is the bullet or dash that opens an item of a list written line by line. */
export function isBullet(token: TaggedToken | undefined): boolean {
  return /^(?:-|–|—|•|\*)$/.test(token?.text ?? '');
}

/** Whether the nouns and adjectives ending at `index` open the sentence or a line that starts with a bullet ("- boat damage"). */
function opensLine(tokens: TaggedToken[], index: number): boolean {
  let i = index;
  while (i >= 0 && /^(?:NOUN|ADJ|PROPN)$/.test(tokens[i]?.pos ?? '')) i -= 1;
  return i < 0 || isBullet(tokens[i]);
}

/** Whether the comma at `comma` closes a phrase set off after a noun: "The owner, Sam," or "Sam, the owner,". */
export function closesApposition(tokens: TaggedToken[], comma: number): boolean {
  if (tokens[comma]?.normal !== ',') return false;
  let i = comma - 1;
  while (i >= 0 && (/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[i]?.pos ?? '') || POSSESSIVES.test(tokens[i]?.normal ?? ''))) i -= 1;
  if (i === comma - 1 || tokens[i]?.normal !== ',' || !/^(?:NOUN|PROPN)$/.test(tokens[i - 1]?.pos ?? '')) return false;
  // A third item before them makes a list, not a name and who it is.
  let j = i - 1;
  while (j >= 0 && /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[j]?.pos ?? '')) j -= 1;
  return tokens[j]?.normal !== ',';
}

/**
 * Whether the "'s" at `index` is "is": after a word that owns nothing ("whatever's left", "what's booked", "there's a
 * fee"), or after a noun, before a participle with nothing after it to act on ("Rent's charged on the 1st", "every
 * bird's registered with its ring"). Before an object it is "has" ("the tutor's marked the essays"), and so it is after
 * a word for a person ("once the vet's signed off").
 */
function apostropheSIsBe(tokens: TaggedToken[], index: number): boolean {
  const before = tokens[index - 1];
  if (/^(?:whatever|whoever|what|that|it|there|here|who|everything|nothing|something|anything)$/.test(before?.normal ?? '')) return true;
  return before?.pos === 'NOUN' && semanticClasses(before.lemma, 'noun', 1)[0] !== 'noun.person' && isBarePassive(tokens, index + 1);
}

/** Whether the word at `index` (after adverbs) is a past participle with no phrase after it to act on. */
function isBarePassive(tokens: TaggedToken[], index: number): boolean {
  let at = index;
  while (tokens[at]?.pos === 'ADV') at += 1;
  const participle = tokens[at];
  if (participle?.pos !== 'VERB' || participle.normal === participle.lemma || /(?:ing|s)$/.test(participle.normal)) return false;
  const next = tokens[at + 1];
  // "inspected weekly by …": an adjective in -ly with no noun after it says how, not what ("the ground's frozen solid"
  // says how it is).
  const adverbial = next?.pos === 'ADJ' && next.normal.endsWith('ly') && !/^(?:NOUN|PROPN|ADJ)$/.test(tokens[at + 2]?.pos ?? '');
  if (next?.pos === 'ADJ' && !adverbial) return false;
  return adverbial || !OBJECT_START.has(next?.pos ?? '');
}

function retagToken(tokens: TaggedToken[], index: number): TaggedToken {
  const token = tokens[index] as TaggedToken;
  // "those must be reported": a modal before a verb, "be" or "not" is an auxiliary, whatever the tagger made of it.
  if (token.pos !== 'AUX' && /^(?:must|should|shall|might|could|would)$/.test(token.normal) && /^(?:AUX|VERB|PART)$/.test(tokens[index + 1]?.pos ?? '')) {
    return { ...token, pos: 'AUX', lemma: token.normal };
  }
  // "our coworking space", "a cat rehoming centre", "a central timetabling office": an -ing form between a determiner
  // (and adjectives) or a noun and a noun modifies it.
  if (token.pos === 'VERB' && token.normal.endsWith('ing') && tokens[index + 1]?.pos === 'NOUN') {
    let start = index - 1;
    while (tokens[start]?.pos === 'ADJ' || tokens[start]?.pos === 'ADV') start -= 1;
    const previous = tokens[start];
    // "three dispensing staff": after a number too.
    // "my husband's thatching business": after a possessive "'s" too.
    const afterDeterminer = previous?.pos === 'DET' || previous?.pos === 'NUM' || (previous?.pos === 'PRON' && POSSESSIVES.test(previous.normal)) || previous?.normal === "'s";

    // "an office cleaning company", "a small dog walking business", "the government livestock tracing system": after a
    // determiner, adjectives and nouns too.
    let before = start - 1;
    while (tokens[before]?.pos === 'ADJ' || (tokens[before]?.pos === 'NOUN' && tokens[before]?.normal === tokens[before]?.lemma)) before -= 1;
    const inCompound = previous?.pos === 'NOUN' && previous.normal === previous.lemma && ((tokens[index + 1]?.normal === tokens[index + 1]?.lemma
      && (tokens[index + 2] === undefined || tokens[index + 2]?.pos === 'PUNCT')) || tokens[before]?.pos === 'DET');
    if (afterDeterminer || inCompound) return { ...token, pos: 'NOUN', lemma: token.normal };
  }
  // "rolling stock", "frying pan rack": an -ing form and the word after it that make a compound WordNet knows are nouns.
  const compounded = tokens[index + 1];
  if (token.pos === 'VERB' && token.normal.endsWith('ing') && compounded && /^(?:NOUN|VERB)$/.test(compounded.pos)
    && knows(`${token.normal} ${singularize(compounded.normal)}`, 'noun')) {
    tokens[index + 1] = { ...compounded, pos: 'NOUN', lemma: singularize(compounded.normal) };
    return { ...token, pos: 'NOUN', lemma: token.normal };
  }
  // "on phone calls to arrange viewings": a word in -s after a noun, making with it a compound WordNet knows, is the
  // compound's plural head.
  const compoundModifier = tokens[index - 1];
  if (token.pos === 'VERB' && /[^s]s$/.test(token.normal) && compoundModifier?.pos === 'NOUN' && compoundModifier.normal === compoundModifier.lemma
    && knows(`${compoundModifier.normal} ${singularize(token.normal)}`, 'noun')) {
    return { ...token, pos: 'NOUN', lemma: singularize(token.normal) };
  }
  // "publishes the job posting on our page": an -ing form after a determiner and a noun, before a preposition or a
  // break, heads their compound when a verb came before it.
  // "the public looking to adopt" is a participle and its infinitive.
  const infinitiveNext = tokens[index + 1]?.normal === 'to' && tokens[index + 2]?.pos === 'VERB';
  if (token.pos === 'VERB' && token.normal.endsWith('ing') && tokens[index - 1]?.pos === 'NOUN' && /^(?:DET|ADP)$/.test(tokens[index - 2]?.pos ?? '') && !infinitiveNext
    && (index + 1 >= tokens.length || /^(?:ADP|PUNCT|CCONJ)$/.test(tokens[index + 1]?.pos ?? '')) && tokens.slice(0, index - 2).some((t) => t.pos === 'VERB') && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN', lemma: token.normal };
  }
  // "groups orders into pick lists": a bare verb form right after a preposition other than "to", before a noun,
  // modifies that noun.
  if (token.pos === 'VERB' && token.normal === token.lemma && tokens[index - 1]?.pos === 'ADP' && tokens[index - 1]?.normal !== 'to'
    && tokens[index + 1]?.pos === 'NOUN' && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "the translated files", "against published criteria", "Accepted speakers confirm", "carry ruggedised Android
  // phones": a participle before a noun, after a determiner, a preposition, a verb or at the start, describes it.
  // So does one before a plural the tagger took for a verb, ending the phrase ("blocked drains.").
  const pluralEnds = tokens[index + 1]?.pos === 'VERB' && /[^s]s$/.test(tokens[index + 1]?.normal ?? '') && knows(singularize(tokens[index + 1]?.normal ?? ''), 'noun')
    && (tokens[index + 2] === undefined || /^(?:PUNCT|CCONJ)$/.test(tokens[index + 2]?.pos ?? ''));
  // "of found bags", "for lost items": an irregular participle too.
  const pastForm = /(?:ed|en|wn)$/.test(token.normal) || (!/(?:s|ing)$/.test(token.normal) && tokens[index - 1]?.pos === 'ADP');
  if (token.pos === 'VERB' && token.normal !== token.lemma && pastForm && (/^(?:NOUN|PROPN)$/.test(tokens[index + 1]?.pos ?? '') || pluralEnds)) {
    const previous = tokens[index - 1];
    // "the lab's shared equipment" too.
    // "Only named adults": so does one after a sentence's first adverb.
    // "and missed repayments get flagged": after "and", when the noun is the subject of the verb after it.
    const subjectAfterAnd = previous?.pos === 'CCONJ' && /^(?:AUX|VERB)$/.test(tokens[index + 2]?.pos ?? '');
    // "hotels and converted barns.": after "and" in a list of things that ends with it.
    const lastListed = tokens[index - 2]?.normal === ',' ? tokens[index - 3] : tokens[index - 2];
    const listedAfterAnd = previous?.pos === 'CCONJ' && lastListed?.pos === 'NOUN' && (tokens[index + 2] === undefined || /^[.,;!?)]$/.test(tokens[index + 2]?.normal ?? ''));
    const describes = previous === undefined || previous.pos === 'DET' || (previous.pos === 'ADV' && index === 1) || previous.pos === 'ADP' || previous.pos === 'VERB' || previous.normal === "'s" || previous.pos === 'PUNCT'
      || (previous.pos === 'PRON' && POSSESSIVES.test(previous.normal)) || subjectAfterAnd || listedAfterAnd;
    if (describes) return { ...token, pos: 'ADJ' };
  }
  // "with a description, the flat and photos": an adjective after a determiner with no noun after it is the noun.
  // "raises a welfare alert and …": so is one after a determiner and a noun, the head of their compound.
  const compoundHead = tokens[index - 1]?.pos === 'NOUN' && tokens[index - 1]?.normal === tokens[index - 1]?.lemma && tokens[index - 2]?.pos === 'DET';
  if (token.pos === 'ADJ' && (tokens[index - 1]?.pos === 'DET' || compoundHead) && (index + 1 >= tokens.length || /^(?:CCONJ|PUNCT|ADP)$/.test(tokens[index + 1]?.pos ?? '')) && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN', lemma: token.normal };
  }
  // "Invoices have line items": "have" never takes a bare verb, so a bare word between it and a noun modifies the noun.
  if (token.pos === 'VERB' && token.normal === token.lemma && HAVE.has(tokens[index - 1]?.normal ?? '') && tokens[index + 1]?.pos === 'NOUN' && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "so team leaders need a list", "counter staff see": a bare word at the start of a clause, before a noun and a verb,
  // modifies the noun (the verb is the one after it).
  const clauseStart = index === 0 || /^(?:PUNCT|CCONJ|SCONJ|ADV)$/.test(tokens[index - 1]?.pos ?? '');
  if (token.pos === 'VERB' && token.normal === token.lemma && clauseStart && tokens[index + 1]?.pos === 'NOUN'
    && /^(?:VERB|AUX)$/.test(tokens[index + 2]?.pos ?? '') && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "the bot should post match results": a bare word right after a verb and before a noun modifies the noun (a verb is
  // never followed by a bare verb, but for "help", "let", "make" and verbs of seeing).
  if (token.pos === 'VERB' && token.normal === token.lemma && tokens[index - 1]?.pos === 'VERB' && !/^(?:help|let|make|see|hear|watch|go|come)$/.test(tokens[index - 1]?.lemma ?? '')
    && tokens[index + 1]?.pos === 'NOUN' && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "When the boat comes back staff inspect it": a word naming people, tagged as a verb right before a bare verb with
  // an object, is that verb's subject.
  const nextVerb = tokens[index + 1];
  if (token.pos === 'VERB' && token.normal === token.lemma && nextVerb?.pos === 'VERB' && nextVerb.normal === nextVerb.lemma && OBJECT_START.has(tokens[index + 2]?.pos ?? '')
    && knows(token.normal, 'noun') && namesDoer(token) && !/^(?:help|let|make|see|hear|watch|go|come)$/.test(token.lemma)) {
    return { ...token, pos: 'NOUN' };
  }
  // "a CV and cover letter", "raise a work order": a bare word that makes a compound WordNet knows with the noun after
  // it is that compound's first word, unless a subject, a modal or "to" comes before it.
  const compoundNext = tokens[index + 1];
  if (token.pos === 'VERB' && token.normal === token.lemma && compoundNext?.pos === 'NOUN' && !/^(?:NOUN|PROPN|PRON|AUX|PART)$/.test(tokens[index - 1]?.pos ?? '')
    && knows(`${token.normal}_${compoundNext.lemma}`, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "Can volunteers swap a shift?": a plural after a modal opening a question, before a bare verb, is its subject.
  // "Could people book a slot?": so is a word for people that WordNet knows first as a noun.
  const opener = tokens[index - 1];
  const following = tokens[index + 1];
  const people = /^noun\.(?:person|group)$/.test(semanticClasses(token.normal, 'noun', 1)[0] ?? '');
  if (token.pos === 'VERB' && (/[^s]s$/.test(token.normal) || people) && opener?.pos === 'AUX' && opener.lemma !== 'be' && isSentenceStart(tokens, index - 1)
    && following !== undefined && following.normal === following.lemma && /^(?:NOUN|VERB)$/.test(following.pos) && knows(following.normal, 'verb')) {
    if (people) return { ...token, pos: 'NOUN', lemma: token.normal };
    const singular = singularize(token.normal);
    if (singular !== token.normal && knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  }
  // "some pay in instalments", "most book online": a bare word after a quantifier standing alone, before a
  // preposition, an adverb or the end, is the verb the quantifier is the subject of.
  const quantifier = tokens[index - 1];
  if (token.pos === 'NOUN' && token.normal === token.lemma && quantifier?.pos === 'DET' && /^(?:some|most|many|few|others|all|both)$/.test(quantifier.normal)
    && (index + 1 >= tokens.length || /^(?:ADP|ADV|PUNCT|CCONJ)$/.test(tokens[index + 1]?.pos ?? '')) && knows(token.normal, 'verb')) {
    tokens[index - 1] = { ...quantifier, pos: 'PRON' };
    return { ...token, pos: 'VERB' };
  }
  // "the results get published": "get" before a participle is the auxiliary of a passive.
  const participle = tokens[index + 1];
  // "vendors get paid": an irregular participle too.
  if (token.pos === 'VERB' && token.lemma === 'get' && participle?.pos === 'VERB' && participle.normal !== participle.lemma && /(?:ed|en|wn|t|id)$/.test(participle.normal)) {
    return { ...token, pos: 'AUX' };
  }
  // "Lifeguard cover must be scheduled": a bare word after a noun and right before a modal or "is" heads their
  // compound; a verb is never followed by one.
  // So does one before a verb in -s ("The shift lead assigns dogs").
  const finiteNext = tokens[index + 1]?.pos === 'VERB' && /[^s]s$/.test(tokens[index + 1]?.normal ?? '') && tokens[index + 1]?.normal !== tokens[index + 1]?.lemma;
  if (token.pos === 'VERB' && token.normal === token.lemma && tokens[index - 1]?.pos === 'NOUN' && knows(token.normal, 'noun')
    && ((tokens[index + 1]?.pos === 'AUX' && /^(?:must|should|can|will|may|is|are|was|were|needs)$/.test(tokens[index + 1]?.normal ?? '')) || (finiteNext && tokens[index - 2]?.pos === 'DET'))) {
    return { ...token, pos: 'NOUN' };
  }
  // "a short daily report card": a word between a determiner and an adjective describes the noun too.
  if (token.pos === 'ADV' && tokens[index - 1]?.pos === 'DET' && tokens[index + 1]?.pos === 'ADJ' && knows(token.normal, 'adj')) {
    return { ...token, pos: 'ADJ' };
  }
  // "drive the routes and drop off the bag": a word WordNet knows as a verb, after "and" or a comma, before a particle
  // and a determiner, is a verb with its particle.
  if (token.pos === 'NOUN' && token.normal === token.lemma && /^(?:CCONJ|PUNCT)$/.test(tokens[index - 1]?.pos ?? '') && /^(?:off|up|out|back|down|away)$/.test(tokens[index + 1]?.normal ?? '')
    && (tokens[index + 2]?.pos === 'DET' || POSSESSIVES.test(tokens[index + 2]?.normal ?? '')) && knows(token.normal, 'verb')) {
    return { ...token, pos: 'VERB' };
  }
  // "the playgroups": a plural WordNet does not know keeps its singular as its lemma, as known plurals do.
  if (token.pos === 'NOUN' && token.normal === token.lemma && /[^su]s$/.test(token.normal) && !knows(token.normal, 'noun')) {
    const singular = singularize(token.normal);
    if (singular !== token.normal) return { ...token, lemma: singular };
  }
  // "take max 6 dogs", "stay maximum 14 nights": a limit written as a word before a number says how many, like "at most".
  if (/^(?:max|maximum|min|minimum)$/.test(token.normal) && tokens[index + 1]?.pos === 'NUM') return { ...token, pos: 'ADV' };
  // "Min booking 3 hours", "max group size 8": the short form before a noun without an article is the limit's word,
  // never WordNet's minute or a person.
  if (/^(?:max|min)$/.test(token.normal) && !/^(?:DET|PRON)$/.test(tokens[index - 1]?.pos ?? '') && /^(?:NOUN|VERB)$/.test(tokens[index + 1]?.pos ?? '')) {
    // The words it limits up to the number are its noun ("booking", "group size"), though the tagger took them for verbs.
    for (let at = index + 1; /^(?:NOUN|VERB)$/.test(tokens[at]?.pos ?? ''); at += 1) {
      const word = tokens[at] as TaggedToken;
      if (word.pos === 'VERB' && knows(word.normal, 'noun')) tokens[at] = { ...word, pos: 'NOUN', lemma: word.normal };
    }
    return { ...token, pos: 'ADJ', lemma: token.normal === 'max' ? 'maximum' : 'minimum' };
  }
  // "on a group walk.", "needs a safety check": a bare word after "a" and a noun, ending the phrase, heads their
  // compound (a verb after a singular subject would end in -s).
  const [det, modifier, follower] = [tokens[index - 2], tokens[index - 1], tokens[index + 1]];
  // So does one after a preposition and a noun ("paid by bank transfer.").
  if (token.pos === 'VERB' && token.normal === token.lemma && (/^(?:a|an|each|every)$/.test(det?.normal ?? '') || det?.pos === 'ADP') && modifier?.pos === 'NOUN' && modifier.normal === modifier.lemma
    && (follower === undefined || /^(?:PUNCT|ADP|CCONJ)$/.test(follower.pos)) && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "rolling stock register – members bring …", "- boat damage register": a bare word after a singular noun, before a
  // dash or colon that opens what is said of it, or ending a line it opens, heads their compound (a verb after a
  // singular subject would end in -s).
  if (token.pos === 'VERB' && token.normal === token.lemma && modifier?.pos === 'NOUN' && modifier.normal === modifier.lemma && !namesDoer(modifier)
    && (/^(?:-|–|—|:)$/.test(follower?.text ?? '') || ((follower === undefined || follower.pos === 'SPACE') && opensLine(tokens, index - 1)))
    && knows(token.normal, 'noun')) {
    return { ...token, pos: 'NOUN' };
  }
  // "farrier/vet/worming visits": a word joined by a slash to a noun is one of the nouns it offers, all modifying the
  // last.
  // "start/finish times": so is each of two words joined by a slash before a noun.
  const beforeNoun = tokens[index + 1]?.text === '/' && tokens[index + 3]?.pos === 'NOUN' && knows(tokens[index + 2]?.normal ?? '', 'noun');
  const slashed = beforeNoun || (tokens[index - 1]?.text === '/' && tokens[index - 2]?.pos === 'NOUN') || (tokens[index + 1]?.text === '/' && tokens[index + 2]?.pos === 'NOUN');
  if (slashed && (token.pos === 'VERB' || token.pos === 'ADJ') && (knows(token.normal, 'noun') || token.normal.endsWith('ing'))) return { ...token, pos: 'NOUN', lemma: token.normal };
  // "check the ground is level", "there's access for the van": after a form of "be" no bare verb can stand; the word is
  // what is said of the subject.
  const afterBe = tokens[index - 1]?.pos === 'AUX' && tokens[index - 1]?.lemma === 'be' && !/^(?:be|been|being)$/.test(tokens[index - 1]?.normal ?? '');
  if (token.pos === 'VERB' && afterBe && token.normal === token.lemma && !/(?:ing|ed)$/.test(token.normal) && !SAME_PARTICIPLE.has(token.normal)) {
    if (knows(token.normal, 'adj')) return { ...token, pos: 'ADJ' };
    if (knows(token.normal, 'noun')) return { ...token, pos: 'NOUN' };
  }
  // "the 'Road Closed' signs": words quoted between a determiner and a noun name which ones.
  if (isQuoted(tokens, index)) return { ...token, pos: 'PROPN', lemma: token.normal };
  // "Today dentists send orders": a first word that is an adverb of time, before a noun, is no part of its phrase.
  if (token.pos === 'NOUN' && isSentenceStart(tokens, index) && /^(?:NOUN|PROPN)$/.test(tokens[index + 1]?.pos ?? '') && knows(token.normal, 'adv')
    && semanticClasses(token.normal, 'noun', 1)[0] === 'noun.time') {
    return { ...token, pos: 'ADV' };
  }
  // "New members must …": a capitalised first word WordNet knows only as an adjective describes the noun after it.
  if (token.pos === 'NOUN' && /^[A-Z][a-z]+$/.test(token.text) && isSentenceStart(tokens, index) && tokens[index + 1]?.pos === 'NOUN'
    && !knows(token.normal, 'noun') && !knows(singularize(token.normal), 'noun') && knows(token.normal, 'adj')) {
    return { ...token, pos: 'ADJ', lemma: token.normal };
  }
  // "Permits renew every year": a capitalised first word in -s right before a verb is its plural subject.
  if (token.pos === 'VERB' && /^[A-Z][a-z]+s$/.test(token.text) && isSentenceStart(tokens, index) && /^(?:VERB|AUX)$/.test(tokens[index + 1]?.pos ?? '')) {
    const singular = singularize(token.normal);
    if (singular !== token.normal && knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  }
  // "Invoiced monthly at £6.50 a tonne": a capitalised first word that is only a verb's participle is no name.
  if (token.pos === 'PROPN' && /^[A-Z][a-z]+ed$/.test(token.text) && isSentenceStart(tokens, index) && !knows(token.normal, 'noun') && !knows(token.normal, 'adj')) {
    const verb = verbOfParticiple(token.normal);
    if (verb) return { ...token, pos: 'VERB', lemma: verb };
  }
  // "Non-members can buy …": a capitalised first word joined by a hyphen to a plural noun is that noun.
  if (token.pos === 'PROPN' && /^[A-Z][a-z]+-[a-z]+s$/.test(token.text) && isSentenceStart(tokens, index) && /^(?:VERB|AUX)$/.test(tokens[index + 1]?.pos ?? '')) {
    const singular = singularize(token.normal);
    if (knows(singular.split('-').pop() ?? '', 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  }
  if (token.pos === 'PROPN' && /^[A-Z][a-z]+$/.test(token.text) && isSentenceStart(tokens, index)) {
    const singular = singularize(token.normal);
    if (knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
    // "Audiologists need …": a capitalised first word in -s WordNet lacks, before a verb, is a plural common noun.
    if (/[^s]s$/.test(token.normal) && singular !== token.normal && /^(?:VERB|AUX)$/.test(tokens[index + 1]?.pos ?? '')) return { ...token, pos: 'NOUN', lemma: singular };
    // "Busy dog owners …": a capitalised first word that is only ever an adjective describes what follows.
    if (knows(token.normal, 'adj') && tokens[index + 1]?.pos === 'NOUN') return { ...token, pos: 'ADJ', lemma: token.normal };
  }
  // "rate their matches", "share its costs": a word after a possessive determiner is a noun (a participle describing
  // a noun after it excepted).
  if (token.pos === 'VERB' && tokens[index - 1]?.pos === 'PRON' && POSSESSIVES.test(tokens[index - 1]?.normal ?? '') && tokens[index + 1]?.pos !== 'NOUN') {
    const singular = singularize(token.normal);
    if (knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
    if (knows(token.normal, 'noun')) return { ...token, pos: 'NOUN', lemma: token.normal };
  }
  // "to book walks online": a word in -s right after an infinitive is its object, never a second verb.
  if (token.pos === 'VERB' && /[^s]s$/.test(token.normal) && tokens[index - 1]?.pos === 'VERB' && tokens[index - 1]?.normal === tokens[index - 1]?.lemma
    && (tokens[index - 2]?.normal === 'to' || tokens[index - 2]?.pos === 'AUX')) {
    const singular = singularize(token.normal);
    if (singular !== token.normal && knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  }
  // "send offers with their price": a plural right after a verb, before a preposition, is its object.
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (token.pos === 'VERB' && before?.pos === 'VERB' && token.normal.endsWith('s') && (!after || after.pos === 'ADP' || after.pos === 'PUNCT')) {
    const singular = singularize(token.normal);
    if (knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  }
  // "We do our accounts in Xero", "I do the rotas": "do" before a determiner is the main verb; an auxiliary takes a
  // bare verb.
  // "What do the staff see?": in a question its subject comes next, and the verb after it.
  if (token.pos === 'AUX' && /^(?:do|does|did)$/.test(token.normal) && (tokens[index + 1]?.pos === 'DET' || POSSESSIVES.test(tokens[index + 1]?.normal ?? ''))) {
    let end = index + 2;
    while (/^(?:ADJ|NOUN|PROPN|NUM)$/.test(tokens[end]?.pos ?? '')) end += 1;
    if (tokens[end]?.pos !== 'VERB' && tokens[end]?.pos !== 'AUX') return { ...token, pos: 'VERB', lemma: 'do' };
  }
  // "we do loads of repairs": after "do", a word in -s before "of" is a noun, and "do" the verb; an auxiliary "do" takes
  // a bare verb.
  if (token.pos === 'VERB' && /[^s]s$/.test(token.normal) && /^(?:do|does|did)$/.test(tokens[index - 1]?.normal ?? '') && tokens[index + 1]?.normal === 'of') {
    const singular = singularize(token.normal);
    if (knows(singular, 'noun')) {
      tokens[index - 1] = { ...(tokens[index - 1] as TaggedToken), pos: 'VERB', lemma: 'do' };
      return { ...token, pos: 'NOUN', lemma: singular };
    }
  }
  if (token.normal === "'s" && token.pos === 'PART' && apostropheSIsBe(tokens, index)) return { ...token, pos: 'AUX', lemma: 'be' };
  // "hold its cut list", "their set menu": after a possessive, a verb that is its own participle, before a noun, says
  // which one.
  if (token.pos === 'VERB' && token.normal === token.lemma && SAME_PARTICIPLE.has(token.normal) && POSSESSIVES.test(tokens[index - 1]?.normal ?? '')
    && tokens[index + 1]?.pos === 'NOUN') {
    return { ...token, pos: 'ADJ' };
  }
  // "I'd like each record entered": "like" after a modal is the verb of wanting, never the preposition.
  if (token.normal === 'like' && token.pos === 'ADP' && tokens[index - 1]?.pos === 'AUX' && /^(?:would|'d|should|will|'ll)$/.test(tokens[index - 1]?.normal ?? '')) {
    return { ...token, pos: 'VERB', lemma: 'like' };
  }
  // "Tom and Ali, our technicians, load the kilns", "want: a job list, invoice the farmer same day": a bare word
  // WordNet knows as a verb, opening a clause after a comma, colon or dash and right before a determiner, is a verb
  // (a noun item of a list has no determiner after it).
  // "The owner, Sam, books the rooms": after a name set off by commas, the verb agrees with it.
  const agreesAfterApposition = /[^s]s$/.test(token.normal) && closesApposition(tokens, index - 1);
  // "- swap the full tin for an empty one", "flag it": so is one opening an item of a list, in lower case, before a
  // determiner or "it" or "them" (a capital there may be a name: "Ring the Changes").
  const opensItem = index === 0 && /^[a-z]/.test(token.text);
  // "- text customer when it's ready": a word for a message before a person is sending it to them.
  const person = tokens[index + 1];
  const messageToPerson = opensItem && messageVerb(token) !== undefined && person?.pos === 'NOUN' && person.normal === person.lemma && semanticClasses(person.lemma, 'noun', 1)[0] === 'noun.person';
  const objectAfter = /^(?:the|a|an|each|every|any|all)$/.test(tokens[index + 1]?.normal ?? '') || POSSESSIVES.test(tokens[index + 1]?.normal ?? '')
    || (opensItem && /^(?:it|them)$/.test(tokens[index + 1]?.normal ?? '')) || messageToPerson;
  if (token.pos === 'NOUN' && (token.normal === token.lemma || agreesAfterApposition) && (opensItem || /^(?:,|:|;|-|–|—|•|\*)$/.test(tokens[index - 1]?.text ?? '')) && objectAfter) {
    // WordNet may know the word for a message only as a noun ("text").
    const lemma = verbLemma(token) ?? (messageToPerson ? messageVerb(token) : undefined);
    if (lemma) return { ...token, pos: 'VERB', lemma };
  }
  if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ') {
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    // "when the medicines are ready the patient …": an adjective after "be" is what is said of the subject.
    const previousFits = previous !== undefined
      && (VERB_PREVIOUS.has(previous.pos) && (previous.pos !== 'PRON' || SUBJECT_PRONOUNS.has(previous.normal)))
      && !(token.pos === 'ADJ' && previous.pos === 'AUX' && previous.lemma === 'be');
    // "a safety check every month": a bare word after "a" and a singular noun heads their compound; a verb after a
    // singular subject would end in -s.
    const compound = previous?.pos === 'NOUN' && previous.normal === previous.lemma && /^(?:a|an|each|every|this|that)$/.test(tokens[index - 2]?.normal ?? '') && token.normal === token.lemma;
    const nextFits = !compound && next !== undefined && VERB_NEXT.has(next.pos) && !(next.pos === 'PRON' && SUBJECT_PRONOUNS.has(next.normal) && next.normal !== 'it');
    const afterInfinitive = previous?.pos === 'PART' && previous.normal === 'to';
    // "are tenants": after a form of "be" a noun stays a noun.
    // "Can tenants cancel?": a modal opening a question comes before its subject.
    // "Each bay has tools": "have" never takes a verb in -s; the word is a plural.
    const afterModal = previous?.pos === 'AUX' && previous.lemma !== 'be' && token.pos !== 'ADJ' && !isSentenceStart(tokens, index - 1)
      && !(previous.lemma === 'have' && /[^s]s$/.test(token.normal) && token.normal !== token.lemma);
    // "Should invoices sync to Xero?": the bare word after the subject of such a question is its verb.
    let subjectStart = index - 1;
    while (subjectStart > 0 && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tokens[subjectStart - 1]?.pos ?? '')) subjectStart -= 1;
    const modal = tokens[subjectStart - 1];
    const afterInverted = token.pos === 'NOUN' && token.normal === token.lemma && previous?.pos === 'NOUN' && modal?.pos === 'AUX'
      && modal.lemma !== 'be' && isSentenceStart(tokens, subjectStart - 1);
    // A plural noun then a bare noun is a subject and its verb ("Volunteers check tools"); nouns modify in the singular.
    const afterPluralSubject = previous !== undefined && previous.pos === 'NOUN' && previous.normal !== previous.lemma
      && previous.normal.endsWith('s') && token.pos === 'NOUN' && token.normal === token.lemma && next !== undefined
      && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PRON' || describesNextNoun(tokens, index + 1));
    // "depot staff who hand out the signs": a bare word too, before an object or a particle and an object.
    const objectNext = next !== undefined && (next.pos === 'DET' || (RETAG_PARTICLES.has(next.normal) && tokens[index + 2]?.pos === 'DET'));
    // "The public, who book, and …": a bare word closing the relative clause too.
    const closesRelative = previous?.normal === 'who' && token.pos === 'NOUN' && (next === undefined || /^(?:PUNCT|CCONJ)$/.test(next.pos));
    const afterRelative = previous?.pos === 'PRON' && /^(who|that)$/.test(previous.normal) && (token.normal.endsWith('s') || objectNext || closesRelative);
    // "drag them onto a plan": a word before an object pronoun is its verb.
    const beforeObjectPronoun = next !== undefined && next.pos === 'PRON' && OBJECT_PRONOUNS.has(next.normal) && token.pos === 'NOUN';
    // "awards the scholarships and records payments", "scans each station, records activity": a word in -s after "and"
    // or a comma parallels an earlier verb in -s.
    const parallel = (previous?.pos === 'CCONJ' || previous?.normal === ',') && token.pos === 'NOUN' && /[^s]s$/.test(token.normal) && next !== undefined && OBJECT_START.has(next.pos)
      && !(next.pos === 'PRON' && SUBJECT_PRONOUNS.has(next.normal))
      // "…, tenants tidy the flat": a word before a determiner is the verb of a subject, not an adjective of an object.
      && !(next.pos === 'ADJ' && tokens[index + 2]?.pos === 'DET')
      && (tokens.slice(0, index - 1).some((t) => t.pos === 'VERB' && t.normal !== t.lemma && /[^s]s$/.test(t.normal))
        // "An officer is allocated, records room measurements and proposes conditions": or a later one after "and".
        || tokens.slice(index + 1).some((t, k) => t.pos === 'VERB' && t.normal !== t.lemma && /[^s]s$/.test(t.normal) && tokens[index + k]?.normal === 'and'));
    // "partners can suggest and rate": a bare word after "verb and", in the same form, is a second verb.
    const beforeConjunction = tokens[index - 2];
    const sameForm = beforeConjunction !== undefined && (beforeConjunction.normal === beforeConjunction.lemma) === (token.normal === token.lemma);
    // "Customers either ring up or fill in a form": after "either", a word WordNet knows as a verb, paired by "or" with
    // a verb, is one.
    const pairedVerb = previous?.pos === 'CCONJ' && /^(?:either|neither|both)$/.test(previous.normal) && token.pos === 'NOUN'
      && tokens.slice(index + 1, index + 4).some((t, k, after) => /^(?:or|nor|and)$/.test(t.normal) && after[k + 1]?.pos === 'VERB');
    // "phone or email to book a trip": before an infinitive too.
    const coordinatedVerb = previous?.pos === 'CCONJ' && token.pos === 'NOUN' && beforeConjunction?.pos === 'VERB' && sameForm
      && (next === undefined || next.pos === 'PUNCT' || next.pos === 'DET' || (next.pos === 'ADP' && next.normal !== 'of') || (next.normal === 'to' && tokens[index + 2]?.pos === 'VERB'));
    // "We text owners", "they invoice clients": a word right after a subject pronoun, before a noun, is its verb.
    const afterSubjectPronoun = token.pos === 'NOUN' && token.normal === token.lemma && previous?.pos === 'PRON' && /^(?:i|we|they|you)$/.test(previous.normal)
      && next !== undefined && /^(?:NOUN|ADJ)$/.test(next.pos);
    // "lets them book a slot", "make them record an action": after a verb of letting or making and its object
    // pronoun, a bare word before an object is what they do.
    const afterCausative = token.pos === 'NOUN' && token.normal === token.lemma && previous?.pos === 'PRON' && OBJECT_PRONOUNS.has(previous.normal)
      && /^(?:let|make|help|have)$/.test(tokens[index - 2]?.lemma ?? '') && tokens[index - 2]?.pos === 'VERB' && next !== undefined && OBJECT_START.has(next.pos);
    // "when someone orders glasses", "she books a table": a word in -s after a singular pronoun agrees with it.
    const afterSingularPronoun = token.pos === 'NOUN' && /[^s]s$/.test(token.normal) && previous?.pos === 'PRON'
      && (INDEFINITE_PERSONS.has(previous.normal) || /^(?:he|she|it|nobody)$/.test(previous.normal)) && next !== undefined && (OBJECT_START.has(next.pos) || next.pos === 'ADP');
    const verbSlot = afterSubjectPronoun || coordinatedVerb || parallel || beforeObjectPronoun || afterSingularPronoun || pairedVerb;
    if (verbSlot || afterCausative || (previousFits && nextFits) || afterPluralSubject || parallelBare(tokens, index) || (token.pos === 'NOUN' && agreesWithDoer(tokens, index)) || afterRelative || ((afterInfinitive || afterModal || afterInverted) && token.pos === 'NOUN')) {
      const lemma = verbLemma(token);
      if (lemma) return { ...token, pos: 'VERB', lemma };
      // "texts the customer", "text them": a word for a message, where only a verb can stand, is the verb of sending
      // it, though WordNet has no such verb.
      const message = verbSlot ? messageVerb(token) : undefined;
      if (message) return { ...token, pos: 'VERB', lemma: message };
      // "residents can upvote a report": a word WordNet does not know at all, after a modal or "to" and before an
      // object, is a new verb.
      const unknown = !knows(token.normal, 'noun') && !knows(singularize(token.normal), 'noun') && !knows(token.normal, 'adj');
      if (unknown && (afterInfinitive || afterModal) && next !== undefined && OBJECT_START.has(next.pos) && /^[a-z]+$/.test(token.normal)) return { ...token, pos: 'VERB', lemma: token.normal };
    }
  }
  return token;
}

/**
 * "A patient picks a therapist": after a determiner, an adjective WordNet knows as a noun, then a word in -s that
 * WordNet knows as a verb, then a determiner — a subject and its verb.
 */
function retagAdjectiveSubject(tokens: TaggedToken[], index: number): void {
  const [determiner, adjective, verb, next] = [tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  // "a volunteer tests their level": a possessive after it too.
  if (determiner?.pos !== 'DET' || adjective?.pos !== 'ADJ' || !verb || verb.pos !== 'NOUN' || !next || (next.pos !== 'DET' && !POSSESSIVES.test(next.normal))) return;
  if (!verb.normal.endsWith('s') || !knows(adjective.normal, 'noun')) return;
  const lemma = verbLemma(verb);
  if (!lemma) return;
  tokens[index - 1] = { ...adjective, pos: 'NOUN', lemma: adjective.normal };
  tokens[index] = { ...verb, pos: 'VERB', lemma };
}

/**
 * "pays on the spot", "signed in person", "paid in advance": a preposition and its noun that WordNet knows together as
 * an adverb say how something is done; they are no phrase the verb acts on.
 */
function retagAdverbialIdiom(tokens: TaggedToken[], index: number): void {
  const preposition = tokens[index];
  if (preposition?.pos !== 'ADP') return;
  const end = tokens[index + 1]?.pos === 'DET' ? index + 3 : index + 2;
  const last = tokens[end - 1];
  // "by the day" stays a rate, as "by the hour" beside it is ("rooms by the hour and desks by the day").
  if (last?.pos !== 'NOUN' || /^(?:NOUN|PROPN)$/.test(tokens[end]?.pos ?? '') || semanticClasses(last.lemma, 'noun', 1)[0] === 'noun.time') return;
  if (!knows(tokens.slice(index, end).map((token) => token.normal).join(' '), 'adv')) return;
  for (let at = index; at < end; at += 1) tokens[at] = { ...(tokens[at] as TaggedToken), pos: 'ADV' };
}

/** The verbs whose past participle is their bare form ("orders are put onto a route"): English's closed list. */
export const SAME_PARTICIPLE = new Set(['put', 'set', 'cut', 'let', 'hit', 'shut', 'cost', 'hurt', 'read', 'spread', 'quit', 'split', 'bet', 'bid', 'cast', 'burst', 'broadcast', 'upset', 'rid', 'shed', 'thrust', 'fit', 'run', 'come', 'become']);

const QUOTES = new Set(["'", '"', '‘', '’', '“', '”']);

/** Whether a word sits inside quotes that open after a determiner and close right before a noun. */
function isQuoted(tokens: TaggedToken[], index: number): boolean {
  if (QUOTES.has(tokens[index]?.text ?? '') || tokens[index]?.pos === 'PUNCT') return false;
  let open = index - 1;
  while (open >= 0 && !QUOTES.has(tokens[open]?.text ?? '') && index - open <= 4) open -= 1;
  let close = index + 1;
  while (close < tokens.length && !QUOTES.has(tokens[close]?.text ?? '') && close - index <= 4) close += 1;
  return QUOTES.has(tokens[open]?.text ?? '') && QUOTES.has(tokens[close]?.text ?? '') && tokens[open - 1]?.pos === 'DET' && tokens[close + 1]?.pos === 'NOUN';
}

/**
 * "2 minibuses": a plural whose lemma WordNet does not know takes the singular it does know ("minibus", not "minibuss");
 * a short word the tagger lengthens keeps its own form ("app", not "application", which is an act).
 */
function knownSingular(token: TaggedToken): TaggedToken {
  // The written word, not the tagger's normal form ("minibusses").
  const written = token.text.toLowerCase();
  // "the RAMS", "a DBS check": an acronym in capitals is no plural of a word ("ram"); a plural one is written "IDs".
  if (/^(?:NOUN|PROPN)$/.test(token.pos) && /^[A-Z]{2,}S$/.test(token.text)) return { ...token, lemma: written };
  if (token.pos === 'NOUN' && token.lemma.length > written.length + 2 && token.lemma.startsWith(written) && /^[a-z]+$/.test(written)) return { ...token, lemma: written };
  if (token.pos !== 'NOUN' || !/^[a-z]{4,}s$/.test(written) || knows(token.lemma, 'noun')) return token;
  const known = singularCandidates(written).find((singular) => knows(singular, 'noun'));
  return known ? { ...token, lemma: known } : token;
}

/** "register once a year", "three times a week": how often, no phrase acted on. */
function retagFrequency(tokens: TaggedToken[], index: number): void {
  const [article, unit] = [tokens[index], tokens[index + 1]];
  if (!/^(?:once|twice|times)$/.test(tokens[index - 1]?.normal ?? '') || !/^(?:a|an|per)$/.test(article?.normal ?? '') || unit?.pos !== 'NOUN') return;
  if (!isKindOf(unit.lemma, 'time_period', 'noun', 1)) return;
  tokens[index] = { ...(article as TaggedToken), pos: 'ADV' };
  tokens[index + 1] = { ...unit, pos: 'ADV' };
}

/**
 * "Staff who've worked before should be invited": "before", "since" or "after" with nothing after it to govern but a
 * verb's auxiliary or a break is an adverb of time.
 */
function retagBareTimePreposition(tokens: TaggedToken[], index: number): void {
  const token = tokens[index];
  if (token?.pos !== 'ADP' || !/^(?:before|since|after)$/.test(token.normal)) return;
  const next = tokens[index + 1];
  if (next === undefined || next.pos === 'AUX' || (next.pos === 'PUNCT' && next.normal !== '(')) tokens[index] = { ...token, pos: 'ADV' };
}

/** "rent a unit month to month", "week by week", "face to face": a noun repeated across "to", "by" or "after" says how. */
function retagRepeatedNoun(tokens: TaggedToken[], index: number): void {
  const [noun, link, again] = [tokens[index], tokens[index + 1], tokens[index + 2]];
  if (noun?.pos !== 'NOUN' || !/^(?:to|by|after)$/.test(link?.normal ?? '') || again?.normal !== noun.normal) return;
  for (let at = index; at <= index + 2; at += 1) tokens[at] = { ...(tokens[at] as TaggedToken), pos: 'ADV' };
}

/**
 * "the public looking to adopt", "the elderly book a lift": "the" and an adjective WordNet also knows as a group of
 * people, with no noun after it to describe, name those people; an -ing word after them is what they do.
 */
function retagPeopleAdjective(tokens: TaggedToken[], index: number): void {
  const [article, adjective, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (article?.normal !== 'the' || adjective?.pos !== 'ADJ' || semanticClasses(adjective.normal, 'noun', 1)[0] !== 'noun.group') return;
  // "looking to adopt", "visiting the site"; never "the same evening."
  const ingNext = next !== undefined && next.pos === 'NOUN' && next.normal.endsWith('ing') && verbOfParticiple(next.normal) !== undefined && /^(?:PART|DET|ADP|PRON)$/.test(tokens[index + 2]?.pos ?? '');
  const verbNext = next !== undefined && next.pos === 'NOUN' && next.normal === next.lemma && knows(next.normal, 'verb') && /^(?:DET|NOUN|PRON)$/.test(tokens[index + 2]?.pos ?? '');
  if (!ingNext && !verbNext && next !== undefined && !/^(?:VERB|AUX|PUNCT|CCONJ)$/.test(next.pos)) return;
  tokens[index] = { ...adjective, pos: 'NOUN', lemma: adjective.normal };
  if (next && (ingNext || verbNext)) tokens[index + 1] = { ...next, pos: 'VERB', lemma: ingNext ? (verbOfParticiple(next.normal) as string) : next.normal };
}

/** "bank statements, knitting patterns, you name it": "you name it" closing a list means "and so on"; it says nothing. */
function retagYouNameIt(tokens: TaggedToken[], index: number): void {
  const [before, you, name, it] = [tokens[index - 1], tokens[index], tokens[index + 1], tokens[index + 2]];
  if (before?.normal !== ',' || you?.normal !== 'you' || name?.normal !== 'name' || it?.normal !== 'it') return;
  for (let at = index; at <= index + 2; at += 1) tokens[at] = { ...(tokens[at] as TaggedToken), pos: 'ADV' };
}

/** "fills in a log: hours, rescues, first aid done": after a colon, a word in -s standing alone as an item is a plural. */
function retagColonListPlural(tokens: TaggedToken[], index: number): void {
  const [before, word, after] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!/^[,:]$/.test(before?.normal ?? '') || word?.pos !== 'VERB' || !/[^s]s$/.test(word.normal) || !/^(?:,|and|or)$/.test(after?.normal ?? '')) return;
  if (!tokens.slice(0, index).some((token) => token.normal === ':') || !knows(singularize(word.normal), 'noun')) return;
  tokens[index] = { ...word, pos: 'NOUN', lemma: singularize(word.normal) };
}

/**
 * "bank statements, knitting patterns, …": an -ing word opening an item of a list, before the plural ending it, says
 * which; so does one opening a list of people ("Patrolling members, the captains and …").
 */
function retagListItemModifier(tokens: TaggedToken[], index: number): void {
  const [before, word, noun, after] = [tokens[index - 1], tokens[index], tokens[index + 1], tokens[index + 2]];
  const opensListOfPeople = index === 0 && noun !== undefined && semanticClasses(noun.lemma, 'noun', 1)[0] === 'noun.person';
  if ((before?.normal !== ',' && !opensListOfPeople) || word?.pos !== 'VERB' || !word.normal.endsWith('ing') || noun?.pos !== 'NOUN' || noun.normal === noun.lemma) return;
  if (after !== undefined && !/^(?:,|and|or|\.)$/.test(after.normal)) return;
  tokens[index] = { ...word, pos: 'NOUN', lemma: word.normal };
}

/**
 * "order water reed and spars", "the reed supplier": a word tagged as a verb that WordNet knows only as a noun is a
 * noun; read first, so that the other corrections see it as one.
 */
function nounNoVerb(token: TaggedToken): TaggedToken {
  // "print everything off": a pronoun standing for things or people is never a verb.
  if (token.pos === 'VERB' && INDEFINITE_PRONOUNS.test(token.normal)) return { ...token, pos: 'PRON', lemma: token.normal };
  if (token.pos !== 'VERB' || !/^[a-z]+$/.test(token.normal) || verbLemma(token) !== undefined) return token;
  const singular = singularize(token.normal);
  if (knows(singular, 'noun')) return { ...token, pos: 'NOUN', lemma: singular };
  return token;
}

const INDEFINITE_PRONOUNS = /^(?:every|any|some|no)(?:thing|one|body)$/;

/**
 * "the adult tap class", "my cousin book shop": a verb's bare form between an article's singular noun and another noun
 * does not agree with the noun as its subject would; the three words name one thing. A noun for a group may take a
 * plural verb ("the staff check the tanks"), and so may an animal's, whose plural is often itself ("the sheep need hay").
 * The sentence's own verb must come after, or the bare verb may be that verb, its subject further back ("tenants who
 * cannot get to the office pay rent by card"); or a verb right before the article, whose object the phrase is ("I manage
 * the office pay rota"), unless that verb lets its object do the next ("help the child read").
 */
function retagDisagreeingVerb(tokens: TaggedToken[], index: number): void {
  const [governor, determiner, noun, word, next] = [tokens[index - 3], tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!opensPhrase(determiner) || noun?.pos !== 'NOUN' || word?.pos !== 'VERB') return;
  if (word.normal !== word.lemma || noun.normal !== noun.lemma || !knows(word.normal, 'noun')) return;
  if (/^noun\.(?:group|animal)$/.test(semanticClasses(noun.lemma, 'noun', 1)[0] ?? '')) return;
  const object = governor?.pos === 'VERB' && !CAUSATIVE_VERBS.has(governor.lemma);
  const verbAfter = next?.pos === 'NOUN' && tokens.slice(index + 2).some((token) => token.pos === 'AUX' || (token.pos === 'VERB' && token.normal !== token.lemma));
  if (!verbAfter && !(object && /^(?:NOUN|ADP|PUNCT)$/.test(next?.pos ?? 'PUNCT'))) return;
  tokens[index] = { ...word, pos: 'NOUN' };
}

/**
 * "I only do home visits", "they did site checks daily": after "do" as the main verb, a word WordNet knows more often as
 * a noun than as a verb, before a plural noun, names what is done with it. Emphatic "do" keeps its verb ("we do take
 * bookings").
 */
function retagDoneThing(tokens: TaggedToken[], index: number): void {
  const [done, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (done?.lemma !== 'do' || word?.pos !== 'VERB' || word.normal !== word.lemma || next?.pos !== 'NOUN' || next.normal === next.lemma) return;
  if (senses(word.normal, 'noun').length <= senses(word.normal, 'verb').length) return;
  tokens[index - 1] = { ...done, pos: 'VERB' };
  tokens[index] = { ...word, pos: 'NOUN' };
}

/**
 * "Players, the captains, Sue the treasurer": a capitalised word inside a sentence, after a comma or "and", that the
 * tagger took for a bare verb, is a person's name. A verb so placed is written in lower case.
 */
function retagCapitalisedName(tokens: TaggedToken[], index: number): void {
  const [previous, word] = [tokens[index - 1], tokens[index]];
  if (word?.pos !== 'VERB' || word.normal !== word.lemma || !/^[A-Z][a-z]+$/.test(word.text)) return;
  if (previous?.normal !== ',' && previous?.normal !== 'and') return;
  tokens[index] = { ...word, pos: 'PROPN', lemma: word.normal };
}

/**
 * "She is repairs coordinator", "he is walks leader": a verb in -s cannot follow "be"; before a noun it is the plural
 * that names what the noun does.
 */
function retagPluralAfterBe(tokens: TaggedToken[], index: number): void {
  const [be, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (be?.pos !== 'AUX' || be.lemma !== 'be' || word?.pos !== 'VERB' || next?.pos !== 'NOUN') return;
  if (!/[^s]s$/.test(word.normal) || word.normal === word.lemma || !knows(singularize(word.normal), 'noun')) return;
  tokens[index] = { ...word, pos: 'NOUN', lemma: word.normal };
}

/** An article or a possessive: what opens a noun phrase, so no finite verb follows it directly. */
function opensPhrase(token: TaggedToken | undefined): boolean {
  return token !== undefined && (/^(?:a|an|the)$/.test(token.normal) || POSSESSIVES.test(token.normal));
}

/**
 * "a short termly report on each child": after an article or a possessive and the words that describe, a verb's bare
 * form is the noun the phrase names, and the words before it are its adjectives.
 */
function retagDeterminedVerb(tokens: TaggedToken[], index: number): void {
  if (!opensPhrase(tokens[index])) return;
  // "a few still pay cash": "a few" is some of them, who do what follows.
  if (tokens[index + 1]?.normal === 'few') return;
  let at = index + 1;
  // "their blunt set back": a describing word the tagger took for a verb, before the bare verb, describes too.
  const describes = (token: TaggedToken | undefined, next: TaggedToken | undefined): boolean =>
    /^(?:ADV|ADJ)$/.test(token?.pos ?? '') || (token?.pos === 'VERB' && next?.pos === 'VERB' && knows(token.normal, 'adj'));
  while (at < index + 4 && describes(tokens[at], tokens[at + 1])) at += 1;
  const verb = tokens[at];
  if (at === index + 1 || verb?.pos !== 'VERB' || verb.normal !== verb.lemma || !knows(verb.normal, 'noun')) return;
  const next = tokens[at + 1];
  if (next && /^(?:DET|PRON|NUM|NOUN|PROPN)$/.test(next.pos)) return;
  for (let word = index + 1; word < at; word += 1) tokens[word] = { ...(tokens[word] as TaggedToken), pos: 'ADJ' };
  tokens[at] = { ...verb, pos: 'NOUN' };
}

/**
 * "who does the feeds at weekends", "a flat green bowls club": a verb's -s form after an article or a possessive and
 * the words that describe is no finite verb; it is a plural noun, or a noun naming the next one. So is one after a
 * verb and a word that describes ("we buy old consoles").
 */
function retagDeterminedPlural(tokens: TaggedToken[], index: number): void {
  const word = tokens[index];
  let before = index - 1;
  // "a flat green bowls club": words that describe may stand between.
  while (before > 0 && tokens[before]?.pos === 'ADJ') before -= 1;
  const determiner = tokens[before];
  const describedAfterVerb = determiner?.pos === 'VERB' && before < index - 1;
  if (!determiner || (!opensPhrase(determiner) && !describedAfterVerb)) return;
  if (word?.pos !== 'VERB' || word.normal === word.lemma || !/[^s]s$/.test(word.normal)) return;
  const singular = word.normal.slice(0, -1);
  // After "a" the -s form names one thing ("a bowls club"); after any other determiner it is a plural ("the feeds").
  const named = knows(word.normal, 'noun') && (determiner.normal === 'a' || !knows(singular, 'noun')) ? word.normal : singular;
  if (knows(named, 'noun')) tokens[index] = { ...word, pos: 'NOUN', lemma: named };
}

/**
 * "log a visit straight onto a case": a word between a noun and a preposition that WordNet knows at least as often as
 * an adverb as a noun says how, never a second noun of the phrase ("home" and "back" stay nouns).
 */
function retagAdverbAfterNoun(tokens: TaggedToken[], index: number): void {
  const word = tokens[index];
  if (word?.pos !== 'NOUN' || tokens[index - 1]?.pos !== 'NOUN' || tokens[index + 1]?.pos !== 'ADP') return;
  const adverbs = senses(word.normal, 'adv').length;
  if (adverbs > 0 && senses(word.normal, 'noun').length <= adverbs) tokens[index] = { ...word, pos: 'ADV' };
}

/**
 * "check each bench monthly and …": a time word made with "-ly" right after the noun a verb acts on, ending the phrase,
 * says how often, though WordNet also knows "monthly" as a magazine.
 */
function retagTrailingFrequency(tokens: TaggedToken[], index: number): void {
  const word = tokens[index];
  if (!word || !/^(?:NOUN|ADJ)$/.test(word.pos) || tokens[index - 1]?.pos !== 'NOUN' || !/^[a-z]+ly$/.test(word.normal)) return;
  const stem = word.normal.replace(/ly$/, '').replace(/i$/, 'y');
  const next = tokens[index + 1];
  if (!isKindOf(stem, 'time_period', 'noun', 2) || (next !== undefined && !/^(?:PUNCT|CCONJ|ADP)$/.test(next.pos))) return;
  tokens[index] = { ...word, pos: 'ADV' };
}

/**
 * "the cylinders need testing every 5 years": an -ing word ending the phrase after a thing's "need" is the verb done to
 * the thing, not a noun it needs ("volunteers need training" keeps its noun: people need it).
 */
function retagNeededDoing(tokens: TaggedToken[], index: number): void {
  const [thing, need, word, next] = [tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  if (word?.pos !== 'NOUN' || !word.normal.endsWith('ing') || !/^(?:need|want)$/.test(need?.lemma ?? '') || thing?.pos !== 'NOUN') return;
  // "needs booking of plots" names what is booked: the -ing word is the act's noun.
  if (semanticClasses(thing.lemma, 'noun', 1)[0] === 'noun.person' || (next !== undefined && (/^(?:NOUN|ADJ|PROPN)$/.test(next.pos) || next.normal === 'of'))) return;
  const verb = verbOfParticiple(word.normal);
  if (verb && knows(verb, 'verb')) tokens[index] = { ...word, pos: 'VERB', lemma: verb };
}

/**
 * "I need cover sorted", "we want stock counted": a bare word between a verb of wanting or having and a participle is
 * what the participle is done to, a noun.
 */
function retagWantedObject(tokens: TaggedToken[], index: number): void {
  const [want, word, participle] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!/^(?:need|want|get|have|like)$/.test(want?.lemma ?? '') || want?.pos !== 'VERB' || word?.pos !== 'VERB' || word.normal !== word.lemma) return;
  if (participle?.pos !== 'VERB' || !/(?:ed|en)$/.test(participle.normal) || !knows(word.normal, 'noun')) return;
  const after = tokens[index + 2];
  if (after === undefined || /^(?:PUNCT|CCONJ|ADP|ADV)$/.test(after.pos)) tokens[index] = { ...word, pos: 'NOUN' };
}

/**
 * "matches where anglers book in, …": a bare word after a plural, followed only by a particle, is the plural's verb
 * (a noun after a noun would not end its clause with "in").
 */
function retagParticleVerb(tokens: TaggedToken[], index: number): void {
  const [subject, word, particle, after] = [tokens[index - 1], tokens[index], tokens[index + 1], tokens[index + 2]];
  if (word?.pos !== 'NOUN' || word.normal !== word.lemma || subject?.pos !== 'NOUN' || subject.normal === subject.lemma || !subject.normal.endsWith('s')) return;
  if (!particle || !RETAG_PARTICLES.has(particle.normal) || (after !== undefined && !/^(?:PUNCT|CCONJ)$/.test(after.pos))) return;
  if (knows(word.normal, 'verb')) tokens[index] = { ...word, pos: 'VERB' };
}

/**
 * "boat fuel and launch fees split between the divers": a bare verb after "and", when only noun phrases come before it
 * in the sentence and a noun follows, describes that noun as the phrase before "and" is described.
 */
function retagJoinedModifier(tokens: TaggedToken[], index: number): void {
  const [and, word, noun] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (and?.normal !== 'and' || word?.pos !== 'VERB' || word.normal !== word.lemma || noun?.pos !== 'NOUN' || !knows(word.normal, 'noun')) return;
  const before = tokens.slice(0, index - 1);
  if (before.length === 0 || tokens[index - 2]?.pos !== 'NOUN') return;
  // "a small clock and watch repair workshop": a compound after it and an article's phrase before "and" make one name
  // of two kinds, wherever the sentence's verb is.
  const inPhrase = /^(?:DET|ADJ)$/.test(tokens[index - 3]?.pos ?? '') && tokens[index + 2]?.pos === 'NOUN';
  // "we machine aluminium and steel components": a word WordNet knows more often as a noun, joined to a singular noun of
  // the same kind in their first senses, is that noun's like ("the list and mark orders" marks them).
  const first = tokens[index - 2] as TaggedToken;
  const kind = (lemma: string): string | undefined => semanticClasses(lemma, 'noun', 1)[0];
  const sameKind = first.normal === first.lemma && kind(first.lemma) === kind(word.normal) && senses(word.normal, 'noun').length > senses(word.normal, 'verb').length;
  if (!inPhrase && !sameKind && !before.every((token) => /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(token.pos) || token.normal === ',')) return;
  tokens[index] = { ...word, pos: 'NOUN' };
}

/**
 * "bike racks, awnings and dog packs that we forget": a singular noun with no determiner, opening an item of a list,
 * is no subject, so a verb in -s after it, ending the item, is the plural it describes ("chalk bags", "food parcels").
 * People and groups may be named bare ("and staff checks", "and mum signs"), so those stay.
 */
function retagListedPlural(tokens: TaggedToken[], index: number): void {
  const [opener, noun, word, next] = [tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!/^(?:,|and|or)$/.test(opener?.normal ?? '') || noun?.pos !== 'NOUN' || noun.normal !== noun.lemma || word?.pos !== 'VERB') return;
  if (!/[^s]s$/.test(word.normal) || word.normal === word.lemma || !knows(singularize(word.normal), 'noun')) return;
  if (next !== undefined && !/^(?:that|which|,|\.|and|or|\)|;|:)$/.test(next.normal)) return;
  if (!/^noun\.(?:artifact|object|animal|plant|body|communication|act|event|location|substance|food)$/.test(semanticClasses(noun.lemma, 'noun', 1)[0] ?? '')) return;
  tokens[index] = { ...word, pos: 'NOUN', lemma: singularize(word.normal) };
}

/**
 * "The property manager triages each request, gives it a priority and …", "Archivists select items and create a
 * batch": a sentence that opens with a noun phrase and has no verb before its first comma or "and" has its verb where
 * the tagger saw a noun or an adjective: the first word after the phrase that agrees with it as a verb would (an -s
 * form after a singular, the bare form after a plural) and that an object follows, or a comma after a person. Without
 * it the verbs coordinated after it would have no subject to share.
 */
function retagMissedVerb(tokens: TaggedToken[]): void {
  const end = tokens.findIndex((token) => token.pos === 'CCONJ' || /^[,;:]$/.test(token.normal));
  const first = end === -1 ? tokens.length : end;
  if (tokens.slice(0, first).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return;
  // The phrase may end at any of its nouns ("the property manager | triages"): the first word that reads as its verb.
  // It may carry one prepositional phrase ("any variation over £2,000 | needs …"), whose own nouns the verb does not
  // agree with: the head stays the noun before the preposition.
  let modified: TaggedToken | undefined;
  for (let at = tokens[0]?.pos === 'DET' ? 1 : 0; at + 1 < first && /^(?:ADJ|NOUN|PROPN)$/.test(tokens[at]?.pos ?? ''); at += 1) {
    const after = tokens[at + 1];
    if (!modified && tokens[at]?.pos === 'NOUN' && after?.pos === 'ADP' && after.normal !== 'of') {
      let end = at + 2;
      while (end + 1 < first && /^(?:DET|NUM|SYM|ADJ)$/.test(tokens[end]?.pos ?? '')) end += 1;
      if (end > at + 2 || /^(?:NOUN|PROPN)$/.test(tokens[end]?.pos ?? '')) {
        modified = tokens[at];
        // The word after the preposition's determiners and numbers may be the verb already ("over £2,000 needs a …").
        at = end - 1;
      }
    }
    // "Customers also special-order fish": an adverb may stand between.
    let w = at + 1;
    while (tokens[w]?.pos === 'ADV') w += 1;
    const [head, word, next] = [modified ?? (tokens[at] as TaggedToken), tokens[w], tokens[w + 1]];
    if (head.pos === 'ADJ' || !word || w >= first || !/^(?:NOUN|ADJ)$/.test(word.pos) || !/^[a-z]+(?:-[a-z]+)?$/.test(word.normal)) continue;
    // "Receptionist books, mechanics use job cards": after a person, the verb may end its clause.
    const person = semanticClasses(head.lemma, 'noun', 1)[0] === 'noun.person';
    if (!next || !(/^(?:DET|PRON|NUM|SYM|NOUN|ADJ)$/.test(next.pos) || (person && /^[,;.]$/.test(next.normal)))) continue;
    const plural = head.normal !== head.lemma && head.normal.endsWith('s');
    const base = plural ? word.normal : /[^s]s$/.test(word.normal) ? baseForm(word.normal) : undefined;
    // "special-order" is a verb if "order" is; "triages each request": WordNet may know the word only as a noun, and a
    // determiner after the -s form settles it.
    const known = (form: string, pos: 'verb' | 'noun'): boolean => knows(form.split('-').pop() ?? form, pos);
    const verb = base !== undefined && (known(base, 'verb') || (!plural && /^(?:DET|PRON)$/.test(next.pos) && known(base, 'noun')));
    // "Reminder texts a month before": a time after the word says when, so the phrase goes on ("reminder texts").
    const object = tokens.slice(w + 1, first).find((token) => token.pos === 'NOUN');
    const when = object !== undefined && /^noun\.(?:time|quantity)$/.test(semanticClasses(object.lemma, 'noun', 1)[0] ?? '');
    if (!verb || when || (plural && /[^s]s$/.test(word.normal))) continue;
    tokens[w] = { ...word, pos: 'VERB', lemma: base };
    return;
  }
}

/**
 * "Family ice cream business": a bare verb that makes with the noun after it a compound WordNet knows ("ice cream") is
 * the compound's first word when a singular noun stands before it, which the bare form would not agree with.
 */
function retagCompoundAfterSingular(tokens: TaggedToken[], index: number): void {
  const [before, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (before?.pos !== 'NOUN' || before.normal !== before.lemma || word?.pos !== 'VERB' || word.normal !== word.lemma || next?.pos !== 'NOUN') return;
  if (knows(`${word.normal}_${next.lemma}`, 'noun')) tokens[index] = { ...word, pos: 'NOUN' };
}

/**
 * "halls, ballet, tap, modern and street dance": a bare verb between commas, after a noun item, is an item of the list
 * of nouns ("ring, text or email" lists verbs: the item before is one).
 */
function retagListedNoun(tokens: TaggedToken[], index: number): void {
  const [opener, item, comma, word, next] = [tokens[index - 3], tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  // The noun item is one of the list's own, with a comma before it too ("Customers book, pay and cancel" lists verbs).
  if (opener?.normal !== ',' || comma?.normal !== ',' || item?.pos !== 'NOUN' || word?.pos !== 'VERB' || word.normal !== word.lemma || !knows(word.normal, 'noun')) return;
  if (next?.normal === ',' || next?.pos === 'CCONJ') tokens[index] = { ...word, pos: 'NOUN' };
}

/** Whether two nouns may name things of one kind: they share a WordNet class among their first senses. */
function alike(one: TaggedToken, other: TaggedToken): boolean {
  const classes = new Set(semanticClasses(one.lemma, 'noun', 3));
  return semanticClasses(other.lemma, 'noun', 3).some((kind) => classes.has(kind));
}

/**
 * "roofers, electricians, lift engineers, the lot", "date, start and finish time, wind speed": the items of a list are
 * alike, so a bare verb WordNet knows as a noun, opening an item after a noun item and describing a noun of the same
 * kind that ends the item, is that noun's modifier, and so is a second one joined to it by "and" or "or". An item that
 * is an action on something else stays one ("bookings, send reminders": a booking is no reminder).
 */
function retagListItemLikeNeighbour(tokens: TaggedToken[], index: number): void {
  const [item, comma, word] = [tokens[index - 2], tokens[index - 1], tokens[index]];
  if (!/^[,:]$/.test(comma?.normal ?? '') || item?.pos !== 'NOUN' || !isBareNoun(word)) return;
  // The item before is a list's own, opened by punctuation, never a verb's object ("file reports, check invoices").
  let opener = index - 2;
  while (opener >= 0 && /^(?:NOUN|ADJ|DET|NUM)$/.test(tokens[opener]?.pos ?? '')) opener -= 1;
  if (opener >= 0 && !/^[,:;(]$/.test(tokens[opener]?.normal ?? '')) return;
  // The word joined to it may have been read as the noun it is ("start and end time").
  const other = tokens[index + 2];
  const joinedNoun = isBareNoun(other) || (other?.pos === 'NOUN' && tokens[index + 3]?.pos === 'NOUN');
  const joined = /^(?:and|or)$/.test(tokens[index + 1]?.normal ?? '') && joinedNoun ? index + 2 : index;
  const [noun, after] = [tokens[joined + 1], tokens[joined + 2]];
  if (noun?.pos !== 'NOUN' || (after !== undefined && !/^(?:,|and|or|\.|\)|;)$/.test(after.normal)) || !alike(item, noun)) return;
  tokens[index] = { ...(word as TaggedToken), pos: 'NOUN' };
  const joinedWord = tokens[joined];
  if (joined !== index && joinedWord?.pos === 'VERB') tokens[joined] = { ...joinedWord, pos: 'NOUN' };
}

/** A bare verb WordNet also knows as a noun: "lift", "start". */
function isBareNoun(token: TaggedToken | undefined): boolean {
  return token?.pos === 'VERB' && token.normal === token.lemma && /^[a-z]+$/.test(token.normal) && knows(token.normal, 'noun');
}

/** Whether a noun phrase ends before `next`: no noun, describing word or name goes on with it. */
function endsPhrase(next: TaggedToken | undefined): boolean {
  return !/^(?:NOUN|ADJ|PROPN)$/.test(next?.pos ?? '');
}

/**
 * "a lost key must be reported", "a stolen key": after a determiner, a phrase ends on its noun, so a word read as a
 * describing word that WordNet knows more often as a noun, ending the phrase, is its noun when the word before it, read
 * as a noun WordNet knows more often as a describing word or as a participle, describes it.
 */
function retagSwappedModifier(tokens: TaggedToken[], index: number): void {
  const [determiner, first, second, after] = [tokens[index - 1], tokens[index], tokens[index + 1], tokens[index + 2]];
  if (determiner?.pos !== 'DET' || !first || second?.pos !== 'ADJ' || !endsPhrase(after)) return;
  if (!/^[a-z]+$/.test(first.normal) || !/^[a-z]+$/.test(second.normal)) return;
  const more = (word: string, than: 'noun' | 'adj', other: 'noun' | 'adj'): boolean => senses(word, than).length > senses(word, other).length;
  // After a determiner a past form is a participle ("stolen", "wrecked"), never the clause's verb.
  const participle = first.pos === 'VERB' && first.normal !== first.lemma && !/(?:ing|s)$/.test(first.normal);
  const describing = participle || (first.pos === 'NOUN' && more(first.normal, 'adj', 'noun'));
  if (!describing || !more(second.normal, 'noun', 'adj')) return;
  tokens[index] = { ...first, pos: 'ADJ', lemma: first.normal };
  tokens[index + 1] = { ...second, pos: 'NOUN', lemma: singularize(second.normal) };
}

/**
 * "to record every non-conformance.": a hyphenated word read as describing, right after a determiner and ending the
 * phrase, is its noun when WordNet knows its last part only as a noun.
 */
function retagHyphenatedNoun(tokens: TaggedToken[], index: number): void {
  const [determiner, word, after] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (determiner?.pos !== 'DET' || word?.pos !== 'ADJ' || !/^[a-z]+-[a-z]+$/.test(word.normal) || !endsPhrase(after)) return;
  const last = word.normal.split('-').pop() ?? '';
  if (knows(last, 'noun') && !knows(last, 'adj')) tokens[index] = { ...word, pos: 'NOUN', lemma: word.normal };
}

/**
 * "I sell knitting and crochet patterns": a verb that takes a thing and no verb in -ing, right before an -ing word and
 * a plural (or "and", a word and a plural), has that plural as its object, which the -ing word describes.
 */
function retagGerundModifier(tokens: TaggedToken[], index: number): void {
  const [verb, word] = [tokens[index - 1], tokens[index]];
  // The first may have been read as the noun it is ("sell sewing and quilting patterns").
  if (verb?.pos !== 'VERB' || !/^(?:VERB|NOUN)$/.test(word?.pos ?? '') || !word?.normal.endsWith('ing') || !knows(word.normal, 'noun')) return;
  if (!takesThingObject(verb.lemma) || takesGerund(verb.lemma)) return;
  const joined = /^(?:and|or)$/.test(tokens[index + 1]?.normal ?? '') && /^(?:VERB|NOUN)$/.test(tokens[index + 2]?.pos ?? '') ? index + 2 : index;
  const noun = tokens[joined + 1];
  if (noun?.pos !== 'NOUN' || noun.normal === noun.lemma) return;
  if (word.pos === 'VERB') tokens[index] = { ...word, pos: 'NOUN', lemma: word.normal };
  const joinedWord = tokens[joined];
  if (joined !== index && joinedWord?.pos === 'VERB') tokens[joined] = { ...joinedWord, pos: 'NOUN', lemma: joinedWord.normal };
}

/**
 * "queues round the block", "we take it round village halls": "round" between a thing and a phrase is the preposition
 * ("around"), never the verb; "we round up" and "they round the figures" keep their verb.
 */
function retagRoundPreposition(tokens: TaggedToken[], index: number): void {
  const [before, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (word?.normal !== 'round' || word.pos !== 'VERB' || !/^(?:DET|NOUN|ADJ|NUM)$/.test(next?.pos ?? '')) return;
  if (before?.pos === 'NOUN' || (before?.pos === 'PRON' && OBJECT_PRONOUNS.has(before.normal)) || before?.normal === 'it') tokens[index] = { ...word, pos: 'ADP', lemma: 'round' };
}

/** "a fixed sum per block", "£2 per pick": what "per" counts by is a noun. */
function retagAfterPer(tokens: TaggedToken[], index: number): void {
  const [per, word] = [tokens[index - 1], tokens[index]];
  if (per?.normal !== 'per' || word?.pos !== 'VERB' || !/^[a-z]+$/.test(word.normal)) return;
  const singular = singularize(word.normal);
  if (knows(singular, 'noun')) tokens[index] = { ...word, pos: 'NOUN', lemma: singular };
}

/**
 * "damage to gear – need to log it": after a noun and "to", a word ending the phrase that WordNet knows more often as
 * a noun than as a verb is where the noun goes, not what is to be done ("jobs to fix" keeps its verb, and "for the
 * parents to sign" its doers).
 */
function retagNounAfterTo(tokens: TaggedToken[], index: number): void {
  const [noun, to, word, next] = [tokens[index - 2], tokens[index - 1], tokens[index], tokens[index + 1]];
  if (noun?.pos !== 'NOUN' || to?.normal !== 'to' || word?.pos !== 'VERB' || word.normal !== word.lemma) return;
  if (next !== undefined && next.pos !== 'PUNCT') return;
  // "a form for the parents to sign": people before "to" are who does it.
  if (/^noun\.(?:person|group)$/.test(semanticClasses(noun.lemma, 'noun', 1)[0] ?? '')) return;
  if (senses(word.normal, 'noun').length > senses(word.normal, 'verb').length) {
    tokens[index - 1] = { ...to, pos: 'ADP' };
    tokens[index] = { ...word, pos: 'NOUN' };
  }
}

/**
 * "a toy rental subscription": a word read as an adjective between two nouns, which WordNet knows at least as often as
 * a noun, is the middle noun of one compound; read as an adjective it would split the name in two.
 */
function retagNounBetweenNouns(tokens: TaggedToken[], index: number): void {
  const [before, word, after] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  // A compound's first noun is singular: "kids present going out" is no compound.
  if (before?.pos !== 'NOUN' || before.normal !== before.lemma || word?.pos !== 'ADJ' || after?.pos !== 'NOUN' || !/^[a-z]+$/.test(word.normal)) return;
  // "the team chief records hours": a plural that can be a verb, with a phrase after it, is more likely the verb.
  if (after.normal !== after.lemma && knows(after.lemma, 'verb') && /^(?:DET|NUM|NOUN|ADJ|PRON)$/.test(tokens[index + 2]?.pos ?? '')) return;
  const nounSenses = senses(word.normal, 'noun').length;
  if (nounSenses > 0 && nounSenses >= senses(word.normal, 'adj').length) tokens[index] = { ...word, pos: 'NOUN', lemma: word.normal };
}

/**
 * "maybe 1 in 3 get accepted": "get" before a participle makes a passive, whatever the tagger took it for ("3 get" is
 * no thing).
 */
function retagPassiveGet(tokens: TaggedToken[], index: number): void {
  const [word, next] = [tokens[index], tokens[index + 1]];
  if (!word || !/^(?:get|gets|got)$/.test(word.normal) || word.pos === 'AUX' || word.pos === 'VERB') return;
  if (next?.pos === 'VERB' && next.normal !== next.lemma && /(?:ed|en)$/.test(next.normal)) tokens[index] = { ...word, pos: 'AUX', lemma: 'get' };
}

/**
 * "£65 per person depending on the class", "fees vary according to size": a participle that with "on" or "to" makes a
 * preposition is no verb, and the word after the preposition is a noun.
 */
function retagPrepositionalParticiple(tokens: TaggedToken[], index: number): void {
  const [word, preposition, next] = [tokens[index], tokens[index + 1], tokens[index + 2]];
  const pair = `${word?.normal ?? ''} ${preposition?.normal ?? ''}`;
  if (!word || !preposition || !/^(?:depending on|according to|depending upon)$/.test(pair)) return;
  tokens[index] = { ...word, pos: 'ADP', lemma: word.normal };
  tokens[index + 1] = { ...preposition, pos: 'ADP' };
  if (next?.pos === 'VERB' && next.normal === next.lemma && knows(next.normal, 'noun')) tokens[index + 2] = { ...next, pos: 'NOUN' };
}

/**
 * "a waiting list for sold out classes", "a shelf of returned toys": a past participle right after a preposition, before
 * the noun (and its particle), describes the noun; nothing before it could be its subject.
 */
function retagParticipleAfterPreposition(tokens: TaggedToken[], index: number): void {
  const [before, word] = [tokens[index - 1], tokens[index]];
  if (!before || !/^(?:ADP|SCONJ)$/.test(before.pos) || before.normal === 'to' || word?.pos !== 'VERB' || word.normal === word.lemma || /s$/.test(word.normal)) return;
  // "because of falling branches": an -ing word of a verb that takes no object describes the noun too ("for booking
  // classes" books them, "instead of phoning reception" phones it).
  if (word.normal.endsWith('ing') && (takesThingObject(word.lemma) || takesPersonObject(word.lemma))) return;
  const particle = tokens[index + 1]?.pos === 'ADP' && /^(?:out|up|off|in|back)$/.test(tokens[index + 1]?.normal ?? '') ? 1 : 0;
  // "for cooked + reheated food" (the tagger reads "+" as "and"): a second participle joined to it describes the same
  // noun.
  const joined = /^(?:and|or|&)$/.test(tokens[index + 1]?.normal ?? '') && tokens[index + 2]?.pos === 'VERB' && /ed$/.test(tokens[index + 2]?.normal ?? '') ? 2 : 0;
  if (tokens[index + 1 + particle + joined]?.pos !== 'NOUN') return;
  tokens[index] = { ...word, pos: 'ADJ' };
  if (particle) tokens[index + 1] = { ...(tokens[index + 1] as TaggedToken), pos: 'ADJ' };
  if (joined) tokens[index + 2] = { ...(tokens[index + 2] as TaggedToken), pos: 'ADJ' };
}

/**
 * "we have to ID check the seller", "to DBS check new volunteers": an acronym between "to" and a bare verb says how the
 * verb is done; it is no subject of it.
 */
function retagAcronymBeforeVerb(tokens: TaggedToken[], index: number): void {
  const [to, acronym, verb] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (to?.normal !== 'to' || acronym?.pos !== 'PROPN' || !/^[A-Z]{2,4}$/.test(acronym.text) || verb?.pos !== 'VERB' || verb.normal !== verb.lemma) return;
  tokens[index - 1] = { ...to, pos: 'PART' };
  tokens[index] = { ...acronym, pos: 'ADV' };
}

/**
 * "the project lead marks it complete", "the duty nurse logs them": a plural noun never takes an object pronoun, so a
 * word in -s between a singular noun and "it" or "them" is the noun's verb, when WordNet knows its bare form as one.
 */
function retagVerbBeforeObjectPronoun(tokens: TaggedToken[], index: number): void {
  const [subject, word, object] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (subject === undefined || subject.normal !== subject.lemma || word?.pos !== 'NOUN' || (!OBJECT_PRONOUNS.has(object?.normal ?? '') && object?.normal !== 'it')) return;
  // "the case lead marks it": the tagger may have read the subject's last word as the verb.
  const compound = subject.pos === 'VERB' && knows(subject.normal, 'noun') && tokens[index - 2]?.pos === 'NOUN' && opensPhrase(tokens[index - 3]);
  if (subject.pos !== 'NOUN' && !compound) return;
  const base = /[^s]s$/.test(word.normal) ? baseForm(word.normal) : undefined;
  if (base === undefined || !knows(base, 'verb')) return;
  if (compound) tokens[index - 1] = { ...subject, pos: 'NOUN' };
  tokens[index] = { ...word, pos: 'VERB', lemma: base };
  // "marks it complete": a bare word after the pronoun that WordNet knows as an adjective says what the verb makes it.
  const complement = tokens[index + 2];
  if (complement?.pos === 'VERB' && complement.normal === complement.lemma && knows(complement.normal, 'adj') && /^(?:CCONJ|PUNCT)$/.test(tokens[index + 3]?.pos ?? 'PUNCT')) {
    tokens[index + 2] = { ...complement, pos: 'ADJ' };
  }
}

/**
 * "- renewals chased by letter", "bar takings + ticket sales reconciled after each night": notes leave out "be", so a
 * past participle right after the noun phrase that opens a sentence with no verb, before "by", a time or its end, is
 * that phrase's passive verb, when WordNet's usual sense of the verb takes a thing.
 */
function retagNotedPassive(tokens: TaggedToken[], index: number): void {
  const word = tokens[index];
  if (!word || !/^(?:ADJ|NOUN)$/.test(word.pos) || !word.normal.endsWith('ed') || tokens[index - 1]?.pos !== 'NOUN') return;
  const opening = tokens.slice(isBullet(tokens[0]) ? 1 : 0, index);
  if (!opening.every((token) => /^(?:DET|ADJ|NOUN|PROPN|CCONJ)$/.test(token.pos))) return;
  const next = tokens[index + 1];
  if (next && !/^(?:by|after|before|within|on|at|via|through|in|and|,|\.|;)$/.test(next.normal)) return;
  // The clause runs to the next break; a verb in it would be the phrase's own ("files sorted by date are archived").
  const rest = tokens.slice(index + 1);
  const end = rest.findIndex((token) => /^[,;:]$/.test(token.normal));
  if ((end === -1 ? rest : rest.slice(0, end)).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return;
  const verb = verbOfParticiple(word.normal);
  if (verb === undefined || !takesThingObject(verb)) return;
  tokens[index] = { ...word, pos: 'VERB', lemma: verb };
}

/**
 * "a deposit equal to one month's rent", "members eligible for a discount": a word after a noun, before "to", "for" or
 * "with", that WordNet knows more often as an adjective than as a noun, is an adjective describing the noun.
 */
function retagPostnominalAdjective(tokens: TaggedToken[], index: number): void {
  const [noun, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (noun?.pos !== 'NOUN' || word?.pos !== 'NOUN' || !/^(?:to|for|with)$/.test(next?.normal ?? '')) return;
  if (senses(word.normal, 'adj').length <= senses(word.normal, 'noun').length) return;
  tokens[index] = { ...word, pos: 'ADJ' };
}

/**
 * "volunteer collectors each have a patch", "the twins both play": "each", "both" or "all" between a plural subject and
 * its verb says of how many; it opens no phrase of its own.
 */
function retagFloatingQuantifier(tokens: TaggedToken[], index: number): void {
  const [subject, word, verb] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!/^(?:each|both|all)$/.test(word?.normal ?? '') || subject?.pos !== 'NOUN' || subject.normal === subject.lemma) return;
  // "members all pay a fee": the tagger may have read the bare verb after it as a noun.
  const bareVerb = verb?.pos === 'NOUN' && verb.normal === verb.lemma && knows(verb.normal, 'verb') && OBJECT_START.has(tokens[index + 2]?.pos ?? '');
  if (!verb || (!/^(?:VERB|AUX)$/.test(verb.pos) && !bareVerb) || verb.normal.endsWith('ing')) return;
  tokens[index] = { ...(word as TaggedToken), pos: 'ADV' };
  if (bareVerb) tokens[index + 1] = { ...verb, pos: 'VERB' };
}

/**
 * "the CD register": the tagger reads some acronyms as the auxiliary they spell in text-speak ("cd" for "could"). After
 * a determiner, a word in capitals is a name, and a bare verb after it that WordNet knows as a noun is the compound's
 * head.
 */
function retagAcronymAfterDeterminer(tokens: TaggedToken[], index: number): void {
  const [determiner, acronym, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (determiner?.pos !== 'DET' || acronym?.pos !== 'AUX' || !/^[A-Z]{2,4}$/.test(acronym.text)) return;
  tokens[index] = { ...acronym, pos: 'PROPN', lemma: acronym.normal };
  if (next?.pos === 'VERB' && next.normal === next.lemma && knows(next.normal, 'noun')) tokens[index + 1] = { ...next, pos: 'NOUN' };
}

/**
 * "At the moment parents queue for hours", "In the morning volunteers open up": a preposition and a time that open the
 * sentence say when; the noun after them starts the subject, never a compound with the time ("moment parents").
 */
function retagOpeningTime(tokens: TaggedToken[]): void {
  const start = isBullet(tokens[0]) ? 1 : 0;
  const end = tokens[start + 1]?.pos === 'DET' ? start + 3 : start + 2;
  const [preposition, time, next] = [tokens[start], tokens[end - 1], tokens[end]];
  if (preposition?.pos !== 'ADP' || time?.pos !== 'NOUN' || time.normal !== time.lemma || !/^(?:NOUN|PROPN|ADJ)$/.test(next?.pos ?? '')) return;
  if (semanticClasses(time.lemma, 'noun', 1)[0] !== 'noun.time') return;
  for (let at = start; at < end; at += 1) tokens[at] = { ...(tokens[at] as TaggedToken), pos: 'ADV' };
}

/**
 * "the customer has to OK the quote": "OK" after "to" or a modal, before what it acts on, is the verb WordNet knows as
 * "okay", named by the first word of its sense ("approve").
 */
function retagOkayVerb(tokens: TaggedToken[], index: number): void {
  const [before, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!word || !/^(?:ok|okay)$/.test(word.normal)) return;
  if (!(before?.normal === 'to' || before?.pos === 'AUX') || !OBJECT_START.has(next?.pos ?? '')) return;
  const plain = senses('okay', 'verb')[0]?.words[0];
  if (plain) tokens[index] = { ...word, pos: 'VERB', lemma: plain };
}

/**
 * "a numbered tamper seal": a participle between a determiner and a noun describes the noun. The first pass asks this
 * before the noun after it is read right ("tamper" as a verb), so it is asked again once it is.
 */
function retagDeterminedParticiple(tokens: TaggedToken[], index: number): void {
  const [determiner, word, next] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!opensPhrase(determiner) || word?.pos !== 'VERB' || word.normal === word.lemma || !/(?:ed|en)$/.test(word.normal) || next?.pos !== 'NOUN') return;
  tokens[index] = { ...word, pos: 'ADJ' };
}

/** The sentences with the tagger's known slips corrected. */
export function retag(sentences: TaggedSentence[]): TaggedSentence[] {
  return sentences.map((sentence) => {
    const tokens = sentence.tokens.map(nounNoVerb);
    for (let i = 0; i < tokens.length; i += 1) retagDeterminedVerb(tokens, i);
    for (let i = 0; i < tokens.length; i += 1) {
      tokens[i] = retagToken(tokens, i);
      retagAdjectiveSubject(tokens, i);
    }
    retagMissedVerb(tokens);
    retagOpeningTime(tokens);
    for (let i = 0; i < tokens.length; i += 1) {
      tokens[i] = knownSingular(tokens[i] as TaggedToken);
      retagAdverbialIdiom(tokens, i);
      retagFrequency(tokens, i);
      retagBareTimePreposition(tokens, i);
      retagRepeatedNoun(tokens, i);
      retagPeopleAdjective(tokens, i);
      retagYouNameIt(tokens, i);
      retagColonListPlural(tokens, i);
      retagListItemModifier(tokens, i);
      retagAdverbAfterNoun(tokens, i);
      retagParticleVerb(tokens, i);
      retagJoinedModifier(tokens, i);
      retagDeterminedPlural(tokens, i);
      retagDisagreeingVerb(tokens, i);
      retagDoneThing(tokens, i);
      retagCapitalisedName(tokens, i);
      retagPluralAfterBe(tokens, i);
      retagTrailingFrequency(tokens, i);
      retagNeededDoing(tokens, i);
      retagWantedObject(tokens, i);
      retagListedPlural(tokens, i);
      retagCompoundAfterSingular(tokens, i);
      retagListedNoun(tokens, i);
      retagListItemLikeNeighbour(tokens, i);
      retagSwappedModifier(tokens, i);
      retagAfterPer(tokens, i);
      retagRoundPreposition(tokens, i);
      retagHyphenatedNoun(tokens, i);
      retagGerundModifier(tokens, i);
      retagNounAfterTo(tokens, i);
      retagNounBetweenNouns(tokens, i);
      retagPassiveGet(tokens, i);
      retagPrepositionalParticiple(tokens, i);
      retagParticipleAfterPreposition(tokens, i);
      retagAcronymBeforeVerb(tokens, i);
      retagVerbBeforeObjectPronoun(tokens, i);
      retagNotedPassive(tokens, i);
      retagPostnominalAdjective(tokens, i);
      retagFloatingQuantifier(tokens, i);
      retagAcronymAfterDeterminer(tokens, i);
      retagOkayVerb(tokens, i);
      retagDeterminedParticiple(tokens, i);
    }
    return { ...sentence, tokens };
  });
}
