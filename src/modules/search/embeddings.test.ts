import { describe, expect, it } from 'vitest';
import {
  EMBEDDING_DIMENSIONS,
  embedSection,
  embedText,
  featureSimilarity,
  nonZeroDimensions,
  queryFeatures,
  sectionFeatures,
  similarity,
} from './embeddings.js';
import { MIN_VECTOR_SIMILARITY } from './search.service.js';

const texts: Record<string, [string, string]> = {
  authentication: [
    'Authentication',
    'Account holders authenticate with an email address and a password. After five failed attempts the account is locked for fifteen minutes.',
  ],
  billing: ['Billing', 'Invoices are issued monthly. Checkout accepts credit cards and bank transfers; every charge is recorded.'],
  performance: ['Response times', 'Pages render within 200 milliseconds at the 95th percentile under peak load.'],
  removal: ['Data removal', 'An administrator can delete a project; deleted projects are purged after 30 days.'],
  security: ['Protecting data', 'All traffic uses TLS and stored files are encrypted at rest.'],
  walking: ['Dog walking', 'Owners book a walker for their dog, choose a time slot and leave notes about the dog.'],
};

/** Sections best first by the stored embedding (hashed) and by the exact score, for one query. */
function rankings(query: string): { hashed: Array<[string, number]>; exact: Array<[string, number]> } {
  const vector = embedText(query);
  const features = queryFeatures(query);
  const sort = (list: Array<[string, number]>) => list.sort((a, b) => b[1] - a[1]);
  return {
    hashed: sort(Object.entries(texts).map(([name, [h, b]]): [string, number] => [name, similarity(vector, embedSection(h, b))])),
    exact: sort(Object.entries(texts).map(([name, [h, b]]): [string, number] => [name, featureSimilarity(features, sectionFeatures(h, b))])),
  };
}

describe('builtin embedding', () => {
  it('is a unit vector of 256 dimensions, the same for the same text', () => {
    const vector = embedText('Users sign in with a password');
    expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.sqrt(similarity(vector, vector))).toBeCloseTo(1, 4);
    expect(embedText('Users sign in with a password')).toEqual(vector);
    expect(embedText('the of and')).toEqual(new Array(EMBEDDING_DIMENSIONS).fill(0));
  });

  it.each([
    ['how do customers log in', 'authentication'],
    ['sign in', 'authentication'],
    ['pay for an order', 'billing'],
    ['is it fast', 'performance'],
    ['how quickly do screens load', 'performance'],
    ['remove my data', 'removal'],
    ['erase a project', 'removal'],
    ['is everything secure', 'security'],
  ])('ranks the paraphrased section first for "%s" (no word in common)', (query, expected) => {
    const { hashed, exact } = rankings(query);
    expect(hashed[0]![0]).toBe(expected);
    expect(exact[0]![0]).toBe(expected);
    expect(exact[0]![1]).toBeGreaterThanOrEqual(MIN_VECTOR_SIMILARITY);
    expect(exact[1]![1]).toBeLessThan(MIN_VECTOR_SIMILARITY);
  });

  it('scores unrelated text zero exactly, and near zero through the hashed embedding', () => {
    for (const query of ['quarterly revenue forecast', 'garden furniture', 'the weather tomorrow in Lisbon', 'a'.repeat(500)]) {
      const { hashed, exact } = rankings(query);
      expect(exact[0]![1], query).toBe(0);
      expect(Math.abs(hashed[0]![1]), query).toBeLessThan(0.35);
    }
  });

  it('counts inflections as one word and a heading more than a body line', () => {
    expect(similarity(embedText('refunds refunded'), embedText('refund'))).toBeGreaterThan(0.9);
    const inHeading = embedSection('Refunds', 'Money goes back within five days.');
    const inBody = embedSection('Money', 'Refunds go back within five days.');
    expect(similarity(embedText('refund'), inHeading)).toBeGreaterThan(similarity(embedText('refund'), inBody));
  });

  it('lists the non-zero dimensions 1-based, as PostgreSQL arrays count', () => {
    const vector = embedText('password');
    const dimensions = nonZeroDimensions(vector);
    expect(dimensions.length).toBeGreaterThan(0);
    expect(dimensions.length).toBeLessThan(10);
    for (const { index, value } of dimensions) expect(vector[index - 1]).toBe(value);
  });
});
