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
  builtin: (input) => contributeOffline(input),
});
