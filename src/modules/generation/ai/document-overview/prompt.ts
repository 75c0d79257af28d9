import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the overview to write, then the idea, answers and sources. */
export const overviewPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system: 'You are a product strategist. You turn a product idea into a clear one-page overview that a founder can share with a team or an investor.',
    asks: [
      `Write the product overview of "${input.projectName}".`,
      'Give: title; tagline; summary; problem; solution; audience groups with their needs; key features with a ' +
        'MoSCoW priority; goals; differentiators; risks with mitigations; success metrics; next steps.',
    ],
  });
