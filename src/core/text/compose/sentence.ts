import { capitalize, oneLine } from '../phrases.js';

/**
 * A sentence from parts already composed: joined with single spaces, the first letter capitalised and one end mark.
 * Parts that are empty are left out, so an optional part never leaves a double space or a dangling comma.
 */
export function sentence(...parts: ReadonlyArray<string | undefined | false>): string {
  const text = oneLine(parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' '))
    .replace(/\s+([,;:])/g, '$1')
    .replace(/[,;:]+$/, '');
  if (!text) return '';
  return /[.!?…]$/.test(text) ? capitalize(text) : `${capitalize(text)}.`;
}

/** A clause for use inside a sentence: no end mark, no leading capital unless it is a proper name or "I". */
export function inner(text: string): string {
  const trimmed = oneLine(text).replace(/[.!?;:…]+$/, '');
  // Only function words that open a sentence lose their capital; a name ("Maria", "ToolShare") keeps it.
  return /^(?:The|A|An|They|It|Its|Each|Every|Everything|Nothing|When|If|This|These|Their|There|No|Any|All|Some|One)\b/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * An acceptance criterion in Given/When/Then form from three composed parts: a situation ("a member with an active
 * loan"), an event clause ("they return the drill") and an outcome clause ("the loan is closed").
 */
export function givenWhenThen(parts: { given: string; when: string; then: string }): string {
  return sentence(`Given ${inner(parts.given)}, when ${inner(parts.when)}, then ${inner(parts.then)}`);
}
