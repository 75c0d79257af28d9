import { wordSet } from '../word-set.js';

/**
 * Verb forms from a verb's base form (its lemma): the third person singular ("returns", "goes", "carries"), the
 * past participle ("exported", "sent", "stopped") and the present of "be" and "have". Phrasal verbs inflect their
 * first word only ("signs in", "checked out").
 */

const IRREGULAR_PARTICIPLES: Record<string, string> = {
  be: 'been', have: 'had', do: 'done', go: 'gone', make: 'made', take: 'taken', give: 'given', get: 'got',
  send: 'sent', find: 'found', pay: 'paid', buy: 'bought', bring: 'brought', keep: 'kept', hold: 'held',
  leave: 'left', lend: 'lent', set: 'set', put: 'put', read: 'read', write: 'written', see: 'seen', show: 'shown',
  know: 'known', choose: 'chosen', build: 'built', break: 'broken', begin: 'begun', run: 'run', sell: 'sold',
  tell: 'told', think: 'thought', meet: 'met', lose: 'lost', win: 'won', feel: 'felt', spend: 'spent',
  hide: 'hidden', drive: 'driven', ride: 'ridden', eat: 'eaten', forget: 'forgotten', understand: 'understood',
  say: 'said', lay: 'laid', lead: 'led', feed: 'fed', bind: 'bound', cut: 'cut', shut: 'shut', let: 'let',
  hit: 'hit', cost: 'cost', quit: 'quit', upset: 'upset', steal: 'stolen', speak: 'spoken', wear: 'worn',
  tear: 'torn', draw: 'drawn', grow: 'grown', throw: 'thrown', fly: 'flown', forbid: 'forbidden', rebuild: 'rebuilt',
  resend: 'resent', rewrite: 'rewritten', withdraw: 'withdrawn', undo: 'undone', redo: 'redone', mislay: 'mislaid',
  overpay: 'overpaid', prepay: 'prepaid', dig: 'dug', stick: 'stuck', sweep: 'swept', sleep: 'slept', deal: 'dealt',
  mean: 'meant', light: 'lit', catch: 'caught', teach: 'taught', seek: 'sought', fight: 'fought', sit: 'sat',
  stand: 'stood', hang: 'hung', swim: 'swum', sing: 'sung', ring: 'rung', shoot: 'shot', bite: 'bitten',
  forecast: 'forecast', broadcast: 'broadcast', spread: 'spread', split: 'split', bet: 'bet', rid: 'rid',
};

/** Two-syllable verbs stressed on the last syllable, and British -l doubling: their final consonant doubles. */
const DOUBLING = wordSet(`submit commit admit permit omit emit transmit refer prefer infer occur recur incur deter
  compel control patrol cancel label travel model signal level total fuel dial equal channel counsel enrol enroll
  rebook unpin unzip`);
const NO_DOUBLING = wordSet('fix mix box wax tax sew show flow row snow allow follow open visit edit limit credit audit deposit exit');

/** Single-syllable consonant–vowel–consonant verbs double their consonant: stop → stopped, plan → planned. */
function doubles(verb: string): boolean {
  if (DOUBLING.has(verb)) return true;
  if (NO_DOUBLING.has(verb)) return false;
  return /^[^aeiou]*[aeiou][bdfgklmnprtvz]$/.test(verb) && !/^(?:[^aeiou]*(?:ee|oo|ea|oa|ai|ie|ou))/.test(verb);
}

function inflectFirst(phrase: string, inflect: (verb: string) => string): string {
  const [first = '', ...rest] = phrase.trim().split(/\s+/);
  return [inflect(first.toLowerCase()), ...rest].join(' ');
}

function thirdPersonWord(verb: string): string {
  if (verb === 'be') return 'is';
  if (verb === 'have') return 'has';
  if (/^(?:do|go|undo|redo|veto|echo)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

function participleWord(verb: string): string {
  const irregular = IRREGULAR_PARTICIPLES[verb];
  if (irregular) return irregular;
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (/c$/.test(verb)) return `${verb}ked`;
  if (doubles(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

/** "return" → "returns", "sign in" → "signs in". */
export function thirdPerson(lemma: string): string {
  return inflectFirst(lemma, thirdPersonWord);
}

/** "export" → "exported", "send" → "sent", "check out" → "checked out". */
export function pastParticiple(lemma: string): string {
  return inflectFirst(lemma, participleWord);
}

export type GrammaticalNumber = 'singular' | 'plural';

/** The present of "be" for a third-person subject. */
export function presentOfBe(number: GrammaticalNumber): 'is' | 'are' {
  return number === 'singular' ? 'is' : 'are';
}

/** The present of a verb for a third-person subject: "the member returns", "they return", "members return". */
export function present(lemma: string, number: GrammaticalNumber): string {
  return number === 'singular' ? thirdPerson(lemma) : lemma === 'be' ? 'are' : lemma;
}

export const MODALS = wordSet('can could may might must shall should will would');
