import { defineObjectTask } from '../../../../core/ai/task.js';
import { contributeOffline } from './offline.js';
import { contributionPrompt } from './prompt.js';
import { contributionInput, contributionOutput, type ContributionInput, type ContributionOutput } from './schema.js';

export type { ContributionInput, ContributionOutput } from './schema.js';

export const boardContributionTask = defineObjectTask<ContributionInput, ContributionOutput>({
  name: 'board-contribution',
  generationType: 'board',
  description: 'One persona’s contribution to a round: a position on the options, its claim, evidence, assumptions and confidence',
  input: contributionInput,
  output: contributionOutput,
  buildPrompt: contributionPrompt,
  prose: (output) => [
    { path: 'claim', text: output.claim, kind: 'prose' },
    ...output.evidence.map((text, i) => ({ path: `evidence.${i}`, text, kind: 'prose' as const })),
    ...output.assumptions.map((text, i) => ({ path: `assumptions.${i}`, text, kind: 'prose' as const })),
    ...(output.changeReason ? [{ path: 'changeReason', text: output.changeReason, kind: 'prose' as const }] : []),
    ...(output.proposal
      ? [
          { path: 'proposal.label', text: output.proposal.label, kind: 'title' as const },
          { path: 'proposal.description', text: output.proposal.description, kind: 'prose' as const },
        ]
      : []),
    { path: 'content', text: output.content, kind: 'markdown' },
  ],
  builtin: (input) => contributeOffline(input),
});
