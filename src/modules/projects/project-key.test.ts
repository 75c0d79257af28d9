import { describe, expect, it } from 'vitest';
import { deriveProjectKey, keyCandidates, PROJECT_KEY_PATTERN } from './project-key.js';

describe('deriveProjectKey', () => {
  it.each([
    ['Mobile Banking App', 'MBA'],
    ['mobile-banking app', 'MBA'],
    ['Atelier', 'ATEL'],
    ['AI', 'AI'],
    ['Éclair Über Café', 'EUC'],
    ['2024 Roadmap Plan', 'RP'],
    ['123 Go', 'GO'],
    ['X', 'PRJ'],
    ['日本語', 'PRJ'],
    ['!!!', 'PRJ'],
    ['a b c d e f g h i j k l m', 'ABCDEFGHIJ'],
    ['Project 2', 'P2'],
  ])('%s → %s', (name, key) => {
    expect(deriveProjectKey(name)).toBe(key);
    expect(key).toMatch(PROJECT_KEY_PATTERN);
  });
});

describe('keyCandidates', () => {
  it('suffixes digits and stays within ten characters', () => {
    expect(keyCandidates('MBA', 1, 3)).toEqual(['MBA', 'MBA2', 'MBA3']);
    expect(keyCandidates('ABCDEFGHIJ', 1, 2)).toEqual(['ABCDEFGHIJ', 'ABCDEFGHI2']);
    expect(keyCandidates('ABCDEFGHIJ', 10, 1)).toEqual(['ABCDEFGH10']);
    for (const key of keyCandidates('ABCDEFGHIJ', 1, 300)) expect(key).toMatch(PROJECT_KEY_PATTERN);
  });
});
