import { describe, expect, it } from 'vitest';
import { normalizeProposals } from './normalize.js';
import type { GeneratedProposal } from './schema.js';

const proposal = (proposalId: string, epic: string, criteria: string[]): GeneratedProposal => ({
  proposalId,
  epic: { title: epic, description: '' },
  title: `Story ${proposalId}`,
  description: 'As a user, I want it.',
  acceptanceCriteria: criteria,
  priority: 'medium',
  storyPoints: 1,
  invest: [],
  source: 'test',
});

describe('a model’s proposals made safe to accept from', () => {
  it('makes ids unique, drops empty criteria and lists each proposal’s epic once, unused ones left out', () => {
    const out = normalizeProposals({
      epics: [{ title: 'Unused', description: '' }, { title: 'Members', description: 'What members do.' }],
      proposals: [proposal('us-1', 'Members', ['Given a, when b, then c.', '  ']), proposal('us-1', 'members', []), proposal('us-2', 'Admins', [])],
    });
    expect(out.proposals.map((p) => p.proposalId)).toEqual(['us-1', 'us-1-2', 'us-2']);
    expect(out.proposals[0]!.acceptanceCriteria).toEqual(['Given a, when b, then c.']);
    expect(out.proposals[1]!.epic).toEqual({ title: 'Members', description: 'What members do.' });
    expect(out.epics.map((e) => e.title)).toEqual(['Members', 'Admins']);
  });
});
