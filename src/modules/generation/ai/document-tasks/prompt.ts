import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the delivery plan to write, then the idea, answers and sources. */
export const tasksPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system: 'You are a delivery lead. You break a product into phases and tasks a small team can pick up, each with a realistic estimate in person-days.',
    asks: [
      `Write the delivery plan of "${input.projectName}".`,
      'Give: title; summary; phases in order (foundations, core features, quality, launch or similar), each with a ' +
        'goal and tasks T-1, T-2 … numbered across phases, each with a description, an estimate in person-days and ' +
        'the tasks it depends on.',
    ],
  });
