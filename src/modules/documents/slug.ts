/**
 * Document slugs: lowercase ASCII words joined by hyphens, unique within a project. A derived slug that is taken
 * gets `-2`, `-3`, … appended.
 */
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/document-slugs.js';

export { SLUG_MAX_LENGTH, SLUG_PATTERN };

/** Room left for a `-NNNNNN` suffix so a suffixed slug still fits the column's limit. */
const BASE_MAX_LENGTH = SLUG_MAX_LENGTH - 8;

/** "Product Requirements — Ünïcode & Co." → "product-requirements-unicode-co"; `fallback` when nothing is left. */
export function slugify(title: string, fallback = 'document'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, BASE_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || slugify(fallback, 'document');
}

/** The n-th candidate for a base slug: the base itself, then base-2, base-3, … */
export function slugCandidate(base: string, n: number): string {
  return n <= 1 ? base : `${base.slice(0, BASE_MAX_LENGTH)}-${n}`;
}

/** The first of base, base-2, base-3, … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!used.has(candidate)) return candidate;
  }
}
