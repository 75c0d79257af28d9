import { describe, expect, it } from 'vitest';
import { capitalize, contentWords, fnv1a, isStopWord, joinList, pluralize, singularize, splitSentences, stem, summarize, tokenize, truncate } from './index.js';

describe('splitSentences', () => {
  it('splits at terminal punctuation but not after abbreviations, initials or inside numbers', () => {
    expect(splitSentences('Dr. Smith signed up, e.g. via Google. Prices rose 3.5% in Q1! Did it work?')).toEqual([
      'Dr. Smith signed up, e.g. via Google.',
      'Prices rose 3.5% in Q1!',
      'Did it work?',
    ]);
    expect(splitSentences('We sell bikes, cars etc. The end. It took 300 ms. Then it stopped.')).toEqual([
      'We sell bikes, cars etc.',
      'The end.',
      'It took 300 ms.',
      'Then it stopped.',
    ]);
  });

  it('treats bullets, headings and blank lines as boundaries and joins wrapped lines', () => {
    expect(splitSentences('# Notes\n- first item\n* second item\n\nA wrapped line\ncontinues here. Next one.')).toEqual([
      'Notes',
      'first item',
      'second item',
      'A wrapped line continues here.',
      'Next one.',
    ]);
    expect(splitSentences('1. Users sign up\n2) Users log in')).toEqual(['Users sign up', 'Users log in']);
  });

  it('drops fragments without letters or digits', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('!!! ... ---')).toEqual([]);
    expect(splitSentences('日本語のテキスト')).toEqual(['日本語のテキスト']);
  });
});

describe('words', () => {
  it('tokenizes into lower-case words, keeping possessives, hyphens and dotted names together', () => {
    expect(tokenize("The walker's e-mail isn’t set; Node.js 3.5 rocks")).toEqual(['the', "walker's", 'e-mail', "isn't", 'set', 'node.js', '3.5', 'rocks']);
  });

  it('filters stop words and fillers', () => {
    expect(isStopWord('The')).toBe(true);
    expect(isStopWord('walker')).toBe(false);
    expect(contentWords('We want an app where owners can easily book 3 walkers')).toEqual(['owners', 'book', 'walkers']);
  });

  it('singularizes, pluralizes and stems English nouns', () => {
    expect(['walkers', 'companies', 'boxes', 'status', 'analysis', 'classes', 'people', 'cookies', 'news', 'data'].map(singularize)).toEqual([
      'walker',
      'company',
      'box',
      'status',
      'analysis',
      'class',
      'person',
      'cookie',
      'news',
      'data',
    ]);
    expect(['walker', 'company', 'box', 'person', 'staff', 'dog owner'].map(pluralize)).toEqual(['walkers', 'companies', 'boxes', 'people', 'staff', 'dog owners']);
    expect(['refunds', 'refunded', 'refundable'].map(stem)).toEqual(['refund', 'refund', 'refund']);
    expect(stem('bookings')).toBe(stem('booking'));
    expect(stem('constructor')).toBe('constructor');
  });
});

describe('summarize', () => {
  it('keeps the best sentences in their original order', () => {
    const text =
      'Atelier helps product teams write briefs. The weather is nice. Teams write briefs from rough ideas. Briefs list goals for product teams. Lunch was late.';
    const summary = summarize(text, 2);
    expect(summary.startsWith('Atelier helps product teams write briefs. ')).toBe(true);
    expect(summary).not.toMatch(/weather|Lunch/);
    expect(splitSentences(summary)).toHaveLength(2);
    expect(summarize('')).toBe('');
    expect(summarize('One sentence only')).toBe('One sentence only');
  });
});

describe('phrases', () => {
  it('joins, capitalizes and truncates', () => {
    expect([joinList([]), joinList(['a']), joinList(['a', 'b']), joinList(['a', 'b', 'c'], 'or')]).toEqual(['', 'a', 'a and b', 'a, b or c']);
    expect(capitalize('émile')).toBe('Émile');
    expect(truncate('one two three four five', 12)).toBe('one two…');
    expect(truncate('short', 12)).toBe('short');
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a test vectors, and a seed changes the result', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('a', 1)).not.toBe(fnv1a('a'));
  });
});
