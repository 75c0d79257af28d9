import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the PRD to write, then the idea, answers and sources. */
export const prdPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system:
      'You are an experienced product manager. You write product requirements documents that a team can plan a ' +
      'release from: concrete goals, real personas, user stories with testable acceptance criteria and priorities.',
    asks: [
      `Write the product requirements document of "${input.projectName}".`,
      'Give: title; summary; problem; goals; non-goals; personas (goals, pain points); user stories US-1, US-2 … ' +
        '("As a <persona>, I want <want> so that <soThat>") each with acceptance criteria and a priority P0/P1/P2; ' +
        'a requirement pool R-1, R-2 … (functional and non-functional) with priorities and the stories each serves; ' +
        'success metrics with targets; open questions.',
    ],
  });
