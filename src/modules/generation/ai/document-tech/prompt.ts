import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the technical design to write, then the idea, answers and sources. */
export const techPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system:
      'You are a pragmatic software architect. You propose the simplest architecture that meets the product’s needs, ' +
      'with mainstream, well-supported technology, and you give the reason for every choice.',
    asks: [
      `Write the technical design of "${input.projectName}".`,
      'Give: architecture (style, summary, rationale); components; data model (entities with typed attributes and ' +
        'relations); integrations; security measures; scalability; a stack suggestion per layer with the reason; ' +
        'technical risks with mitigations.',
    ],
  });
