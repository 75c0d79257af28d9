import { describe, expect, it } from 'vitest';
import { storySimilarity } from '../similarity.js';
import { estimateOffline, onScale } from './offline.js';
import { storyEstimateTask } from './index.js';

const finished = [
  { storyId: 's1', key: 'SP-1', title: 'Approve a quote by text message', description: 'The customer replies to the SMS to approve the quote.', storyPoints: 3 },
  { storyId: 's2', key: 'SP-2', title: 'Approve the repair quote online', description: 'The customer approves the quote on a web page.', storyPoints: 5 },
  { storyId: 's3', key: 'SP-3', title: 'Export the monthly revenue report', description: 'The owner downloads a CSV of the month.', storyPoints: 8 },
];
const withSimilarity = (title: string, description = '') =>
  finished.map((c) => ({ ...c, similarity: storySimilarity({ title, description }, c) })).sort((a, b) => b.similarity - a.similarity);

describe('estimating from similar finished stories', () => {
  it('suggests points from the stories that read alike, names them, and leaves the unrelated one out', () => {
    const estimate = estimateOffline({ story: { title: 'Approve a quote', description: '' }, candidates: withSimilarity('Approve a quote') });
    expect(estimate.comparedTo.map((c) => c.key).sort()).toEqual(['SP-1', 'SP-2']);
    expect([3, 5]).toContain(estimate.storyPoints);
    expect(estimate.explanation).toMatch(/SP-1/);
    expect(storyEstimateTask.output.parse(estimate)).toEqual(estimate);
  });

  it('answers null with an honest explanation when nothing is alike enough, or nothing is finished', () => {
    const none = estimateOffline({ story: { title: 'Invite a team member by email', description: '' }, candidates: withSimilarity('Invite a team member by email') });
    expect(none).toMatchObject({ storyPoints: null, comparedTo: [] });
    expect(none.explanation).toMatch(/No finished story reads like this one/);
    const empty = estimateOffline({ story: { title: 'Anything', description: '' }, candidates: [] });
    expect(empty).toMatchObject({ storyPoints: null, explanation: expect.stringContaining('no finished story with points yet') });
  });

  it('rounds to the planning scale', () => {
    expect([onScale(4), onScale(6), onScale(11), onScale(0.4)]).toEqual([3, 5, 13, 0]);
  });
});
