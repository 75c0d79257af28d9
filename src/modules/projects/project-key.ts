/**
 * Project keys are what people type (story keys like MBA-12 start with them): 2–10 uppercase letters or digits,
 * starting with a letter, unique in the organization.
 */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
const MAX_KEY_LENGTH = 10;
const FALLBACK_KEY = 'PRJ';

/**
 * "Mobile Banking App" → "MBA" (initials of several words), "Atelier" → "ATEL" (the start of a single word).
 * Accents are dropped; a key never starts with a digit; a name with nothing usable gets PRJ.
 */
export function deriveProjectKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const letters = words.join('').replace(/^[0-9]+/, '');
  let key = words.length > 1 ? words.map((word) => word[0]).join('').replace(/^[0-9]+/, '') : letters.slice(0, 4);
  if (key.length < 2) key = letters.slice(0, Math.min(4, letters.length));
  if (key.length < 2) key = FALLBACK_KEY;
  return key.slice(0, MAX_KEY_LENGTH);
}

/** base, base2, base3, … — the base is shortened when a suffix would make the key longer than 10 characters. */
export function keyCandidates(base: string, from: number, count: number): string[] {
  const candidates: string[] = [];
  for (let n = from; n < from + count; n++) {
    if (n === 1) {
      candidates.push(base);
      continue;
    }
    const suffix = String(n);
    candidates.push(base.slice(0, MAX_KEY_LENGTH - suffix.length) + suffix);
  }
  return candidates;
}
