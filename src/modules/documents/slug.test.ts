import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugCandidate, slugify, SLUG_PATTERN } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Product Requirements', 'product-requirements'],
    ['  SRS — Mobile Banking App v2.1 ', 'srs-mobile-banking-app-v2-1'],
    ['Éclair Über Café', 'eclair-uber-cafe'],
    ['100% Done!', '100-done'],
    ['--Already-Slugged--', 'already-slugged'],
    ['日本語', 'document'],
    ['!!!', 'document'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('uses the fallback, itself slugified, when the title has no letters or digits', () => {
    expect(slugify('???', 'business_case')).toBe('business-case');
    expect(slugify('???', '***')).toBe('document');
  });

  it('keeps long titles within the limit, with room for a suffix and no trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(191)} b`);
    expect(slug).toBe('a'.repeat(191));
    expect(slugify('word '.repeat(100)).length).toBeLessThanOrEqual(192);
    expect(slugify('word '.repeat(100))).not.toMatch(/-$/);
    expect(slugCandidate(slugify('x'.repeat(500)), 999_999)).toMatch(SLUG_PATTERN);
  });
});

describe('firstFreeSlug', () => {
  it('takes the base, then -2, -3, … skipping taken ones', () => {
    expect(firstFreeSlug('prd', [])).toBe('prd');
    expect(firstFreeSlug('prd', ['prd'])).toBe('prd-2');
    expect(firstFreeSlug('prd', ['prd', 'prd-2', 'prd-3'])).toBe('prd-4');
    expect(firstFreeSlug('prd', ['prd', 'prd-3'])).toBe('prd-2');
    expect(firstFreeSlug('prd', ['prd-2'])).toBe('prd');
    expect(firstFreeSlug('plan-2', ['plan-2'])).toBe('plan-2-2');
  });
});
