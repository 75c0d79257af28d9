/**
 * A deterministic stand-in for a BPE tokenizer's count, used to record token counts of the built-in engine's calls.
 *
 * English BPE vocabularies spend about one token per four characters: most common words are a single token (with
 * their leading space), longer words split into pieces of roughly six letters, numbers into groups of three digits,
 * and punctuation costs about a token per mark. Scripts written without spaces (CJK) cost about a token per character.
 */
const PIECE = /\p{L}[\p{L}\p{M}]*|\p{N}+|\r?\n[\s]*|[ \t]{2,}|[^\s\p{L}\p{N}]+/gu;

const LETTERS_PER_TOKEN = 6;
const DIGITS_PER_TOKEN = 3;
const SPACES_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  if (!text) return 0;
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    const first = String.fromCodePoint(piece.codePointAt(0) ?? 0);
    if (/\p{L}/u.test(first)) tokens += wordTokens(piece);
    else if (/\p{N}/u.test(first)) tokens += Math.ceil(piece.length / DIGITS_PER_TOKEN);
    else if (piece.includes('\n')) tokens += 1;
    else if (/^[ \t]+$/.test(piece)) tokens += Math.ceil(piece.length / SPACES_PER_TOKEN);
    else tokens += symbolTokens(piece);
  }
  return tokens;
}

/** Letters weigh by how many bytes a byte-level BPE sees: ASCII 1, other alphabets 2, ideographs a whole token. */
function wordTokens(word: string): number {
  let weight = 0;
  for (const char of word) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) weight += 1;
    else if (isIdeographic(code)) weight += LETTERS_PER_TOKEN;
    else weight += 2;
  }
  return Math.max(1, Math.ceil(weight / LETTERS_PER_TOKEN));
}

/** ASCII punctuation merges in pairs ("),", "--"); other symbols and emoji take a token or more each. */
function symbolTokens(symbols: string): number {
  let ascii = 0;
  let other = 0;
  for (const char of symbols) {
    if ((char.codePointAt(0) ?? 0) < 0x80) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 2) + other;
}

function isIdeographic(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x3400 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // hangul syllables
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2ffff)
  );
}
