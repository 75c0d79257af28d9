import { describe, expect, it } from 'vitest';
import { estimateTokens } from './tokens.js';

describe('estimateTokens', () => {
  it('is zero for empty text and at least one for any visible character', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('   ')).toBe(1);
    expect(estimateTokens('a')).toBe(1);
    expect(estimateTokens('?')).toBe(1);
  });

  it('counts common English words as one token each, punctuation included', () => {
    expect(estimateTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
    expect(estimateTokens('hello, world')).toBe(3);
  });

  it('splits long words, numbers and ideographs into several tokens', () => {
    expect(estimateTokens('internationalization')).toBeGreaterThan(2);
    expect(estimateTokens('1234567890')).toBe(4);
    expect(estimateTokens('日本語のテキスト')).toBe(8);
  });

  it('stays near one token per four characters of English prose', () => {
    const prose =
      'Atelier is a self-hosted AI workspace for product teams. It turns rough ideas into briefs, specifications and ' +
      'plans, and answers questions about the project files with citations. Each organization chooses whether ' +
      'its calls go to a remote model or stay on the built-in offline engine.';
    const ratio = estimateTokens(prose) / (prose.length / 4);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.25);
  });

  it('grows with the text and is deterministic', () => {
    const sentence = 'Dog owners book walkers for the afternoon. ';
    expect(estimateTokens(sentence.repeat(10))).toBe(10 * estimateTokens(sentence.trim()));
    expect(estimateTokens(sentence.repeat(3))).toBe(estimateTokens(sentence.repeat(3)));
  });
});
