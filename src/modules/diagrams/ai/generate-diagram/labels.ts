import { singularize, tokenize, truncate } from '../../../../core/text/index.js';

// Every label is reduced to characters no Mermaid grammar treats as syntax, so any input text yields code the parser
// accepts.

/**
 * Text safe inside any Mermaid label: letters, digits, spaces and plain punctuation only. Quotes, brackets, braces,
 * pipes, semicolons, colons, hashes and percent signs are syntax in one grammar or another and become spaces.
 */
export function safeLabel(text: string, max = 60, fallback = 'Unnamed'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} .,'()/?!+-]/gu, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,'()/?!+-]+/u, '')
    .trim();
  const cut = truncate(cleaned, max).replace(/…$/u, '').trim();
  return cut === '' ? fallback : cut;
}

/** ASCII words only (architecture titles, entity attribute names, gantt tasks): the strictest grammars' alphabet. */
export function asciiLabel(text: string, max = 40, fallback = 'Unnamed'): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = truncate(cleaned, max).replace(/…$/u, '').trim();
  return cut === '' ? fallback : cut;
}

/** snake_case ASCII identifier starting with a letter. */
export function identifier(text: string, fallback: string): string {
  const words = asciiLabel(text, 60, '').toLowerCase().split(' ').filter(Boolean);
  const id = words.join('_').slice(0, 40).replace(/_+$/, '');
  return /^[a-z]/.test(id) ? id : fallback;
}

export function pascal(text: string, fallback: string): string {
  const id = asciiLabel(text, 60, '')
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('')
    .slice(0, 40);
  return /^[A-Za-z]/.test(id) ? id : fallback;
}

export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A phrase compared regardless of case and number: "Dog owners" and "dog owner" are the same actor. */
export const norm = (text: string) => tokenize(text).map(singularize).join(' ');
