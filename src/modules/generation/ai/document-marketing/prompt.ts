import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the marketing plan to write, then the idea, answers and sources. */
export const marketingPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system: 'You are a product marketing lead at an early-stage company. You write practical go-to-market plans with a small budget in mind.',
    asks: [
      `Write the marketing plan of "${input.projectName}".`,
      'Give: positioning (statement, category, alternatives); audience segments (needs, where to reach them); value ' +
        'proposition (headline, points); channels (why, tactics); a phased launch plan (timing, goal, activities); ' +
        'messaging per audience with proof points; metrics.',
    ],
  });
