import { singularize } from '../../../core/text/index.js';

/**
 * How a database name is written, for the naming-consistency rule. A single lower-case word ("actor") fits snake_case
 * and camelCase alike, so it is its own style that agrees with both.
 */
export type NamingStyle = 'snake_case' | 'camelCase' | 'PascalCase' | 'UPPER_CASE' | 'lowercase' | 'other';

export function namingStyle(name: string): NamingStyle {
  if (/^[a-z][a-z0-9]*$/.test(name)) return 'lowercase';
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+_?$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(name)) return 'PascalCase';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name)) return 'UPPER_CASE';
  return 'other';
}

/** Whether two styles can stand side by side in one consistently named schema. */
function compatible(a: NamingStyle, b: NamingStyle): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('lowercase') && (pair.has('snake_case') || pair.has('camelCase'));
}

/**
 * The style most names follow, and the names that do not fit it; nothing when the names agree. 'lowercase' names
 * count for whichever of snake_case and camelCase the others use. A tie goes to snake_case, then to the first style.
 */
export function namingOutliers(names: readonly string[]): { style: NamingStyle; outliers: { name: string; style: NamingStyle }[] } | null {
  const styled = names.map((name) => ({ name, style: namingStyle(name) })).filter(({ style }) => style !== 'other');
  const candidates = [...new Set(styled.map(({ style }) => style))];
  if (candidates.length <= 1) return null;
  // 'lowercase' fits beside both snake_case and camelCase, so it is never the style the others are measured against.
  const order: NamingStyle[] = ['snake_case', 'camelCase', 'PascalCase', 'UPPER_CASE'];
  let best: NamingStyle | null = null;
  let bestCount = -1;
  for (const style of order.filter((style) => candidates.includes(style))) {
    const count = styled.filter((entry) => compatible(entry.style, style)).length;
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  if (best === null) return null;
  const style = best;
  const outliers = styled.filter((entry) => !compatible(entry.style, style));
  return outliers.length === 0 ? null : { style, outliers };
}

/** The words of a name: snake_case, camelCase and PascalCase split alike ("OrderDetails" → ["order", "details"]). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a table name's last word is an English plural ("order_details" yes, "staff" and "region" no). */
export function isPluralName(name: string): boolean {
  const last = nameWords(name).at(-1);
  return last !== undefined && singularize(last) !== last;
}

/** A name compared regardless of case, separators and number: "OrderDetails", "order_detail" → "orderdetail". */
export function nameStem(name: string): string {
  const words = nameWords(name);
  if (words.length === 0) return '';
  words[words.length - 1] = singularize(words[words.length - 1]!);
  return words.join('');
}

export const styleNames: Record<NamingStyle, string> = {
  snake_case: 'snake_case',
  camelCase: 'camelCase',
  PascalCase: 'PascalCase',
  UPPER_CASE: 'UPPER_CASE',
  lowercase: 'lower case',
  other: 'a mixed style',
};
