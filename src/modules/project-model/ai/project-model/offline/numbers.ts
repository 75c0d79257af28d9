import { singularize } from '../../../../../core/text/index.js';
import type { TaggedToken } from '../../../../../core/text/nlp/index.js';

/** The first number a sentence states, with its unit: "one week" → {1, "week"}, "£20" → {20, "GBP"}, "10%" → {10, "%"}. */
const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, half: 0.5, once: 1, twice: 2,
};
const CURRENCIES: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
const UNIT_WORDS = /^(?:per|a|an|each|every|of)$/;

export type Quantity = { value: number; unit: string };

function valueOf(token: TaggedToken): number | undefined {
  if (token.type === 'number' || /^\d[\d,]*(?:\.\d+)?$/.test(token.text)) {
    const value = Number(token.text.replace(/,/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  return WORD_NUMBERS[token.normal];
}

/** Whether the token at `i` states a number: "8", "three", "once", "twice". */
export function isNumberAt(tokens: TaggedToken[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && (token.pos === 'NUM' || token.type === 'number' || token.normal === 'once' || token.normal === 'twice') && valueOf(token) !== undefined;
}

/** The first number stated from token `start` on, with its unit. */
export function quantityOf(tokens: TaggedToken[], start = 0): Quantity | undefined {
  for (let i = start; i < tokens.length; i += 1) {
    const token = tokens[i] as TaggedToken;
    if (!isNumberAt(tokens, i)) continue;
    const value = valueOf(token);
    if (value === undefined) continue;
    const before = tokens[i - 1];
    if (before && CURRENCIES[before.text]) return { value, unit: CURRENCIES[before.text] as string };
    if (token.normal === 'once' || token.normal === 'twice') return { value, unit: 'time' };
    let j = i + 1;
    while (tokens[j] && (tokens[j]?.pos === 'NUM' || tokens[j]?.normal === 'to' || tokens[j]?.normal === '-' || tokens[j]?.normal === 'or' || tokens[j]?.normal === 'and')) j += 1;
    const unitToken = tokens[j];
    if (!unitToken) return { value, unit: '' };
    if (unitToken.text === '%' || unitToken.normal === 'percent') return { value, unit: '%' };
    if (unitToken.pos === 'NOUN' || unitToken.pos === 'PROPN' || unitToken.pos === 'ADJ') {
      // "3 working days": the unit is the noun the number counts.
      let k = j;
      while (tokens[k + 1]?.pos === 'NOUN' && !UNIT_WORDS.test(tokens[k + 1]?.normal ?? '')) k += 1;
      const unit = (tokens[k] as TaggedToken).pos === 'ADJ' ? '' : singularize((tokens[k] as TaggedToken).normal);
      // "1-to-1" is a ratio, not one of something.
      if (/\d/.test(unit)) continue;
      return { value, unit };
    }
    return { value, unit: '' };
  }
  return undefined;
}
