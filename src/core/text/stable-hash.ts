/** The FNV-1a offset basis: the usual starting value of the hash. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;

/**
 * 32-bit FNV-1a of a string's UTF-16 code units, from a seed (by default the standard offset basis). Stable across
 * runs and machines: what the offline engine, panel ties, shuffles and hashed embeddings draw their variation from.
 */
export function fnv1a(text: string, seed: number = FNV_OFFSET_BASIS): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seeded generator of numbers in [0, 1) (mulberry32): small and fast, the same sequence on every machine. For
 * repeatable shuffles and generated data, never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
