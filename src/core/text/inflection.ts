import { wordSet } from './word-set.js';

const INVARIANT_PLURALS = wordSet(`analytics bus business canvas class species series news logistics physics
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

/** The singulars a written plural may have, "-es" then "-s" taken off: "minibuses" → minibus, minibuse. */
export function singularCandidates(plural: string): string[] {
  return [plural.replace(/es$/, ''), plural.replace(/s$/, '')].filter((singular) => singular !== plural);
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

/** "dog owners" → "dog owner": the singular of a noun phrase (only the last word changes). */
export function singularPhrase(group: string): string {
  const parts = group.split(' ');
  const last = parts.pop() ?? '';
  return [...parts, singularize(last)].join(' ');
}

/** The base form of a verb in the third person: "accepts" → "accept", "watches" → "watch", "carries" → "carry". */
export function baseForm(verb: string): string {
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss|zz)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb) && verb.length > 3) return verb.slice(0, -1);
  return verb;
}
