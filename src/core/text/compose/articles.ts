/**
 * The indefinite article a word takes, by its first sound rather than its first letter: "an hour", "a user",
 * "an SMS", "a URL", "an 8-week plan", "a one-off fee".
 */
const VOWEL_LETTER_CONSONANT_SOUND = /^(?:uni|use|usu|uti|ura|ure|uro|eu|ewe|one\b|once|ouija)/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;
/** Letters whose spoken name starts with a vowel sound (A, E, F "ef", H "aitch", …). */
const VOWEL_SOUND_LETTERS = new Set([...'AEFHILMNORSX']);

export function indefiniteArticle(word: string): 'a' | 'an' {
  const first = word.trim().split(/[\s-]/)[0] ?? '';
  if (first === '') return 'a';
  if (/^\d/.test(first)) {
    // Spoken: "an 8", "an 80", "an 11", "an 18,000", but "a 110" and "a 1,800".
    const digits = first.replace(/[,.].*$/, '').replace(/\D.*$/, '');
    return digits.startsWith('8') || (/^1[18]/.test(digits) && digits.length % 3 === 2) ? 'an' : 'a';
  }
  // An acronym is read letter by letter ("an SMS", "a URL"), unless it is read as a word (NASA, GDPR is letters).
  if (/^[A-Z]{2,}s?$/.test(first)) return VOWEL_SOUND_LETTERS.has(first[0] ?? '') ? 'an' : 'a';
  if (SILENT_H.test(first)) return 'an';
  if (VOWEL_LETTER_CONSONANT_SOUND.test(first)) return 'a';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** "a" or "an" and the phrase: "an hour", "a user account". */
export function withIndefinite(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
