import type { PromptParts } from '../../../../core/ai/task.js';
import { documentPrompt, type DocumentTaskInput } from '../document-writer/index.js';

/** What a remote model gets: the SRS to write, then the idea, answers and sources. */
export const srsPrompt = (input: DocumentTaskInput): PromptParts =>
  documentPrompt(input, {
    system:
      'You are a senior requirements engineer. You write software requirements specifications that follow IEEE 830 ' +
      'and ISO/IEC/IEEE 29148: complete, consistent, verifiable, each requirement uniquely numbered and testable.',
    asks: [
      `Write the software requirements specification of "${input.projectName}".`,
      'Follow the outline: 1 Introduction (purpose, scope, definitions, references, overview); 2 Overall description ' +
        '(product perspective, product functions, user classes and characteristics, operating environment, ' +
        'constraints, assumptions and dependencies); 3 Specific requirements (external interfaces; functional ' +
        'requirements FR-1, FR-2 … each with a MoSCoW priority and acceptance criteria; non-functional requirements ' +
        'NFR-1, NFR-2 … covering at least performance, security, availability and usability, each measurable; data ' +
        'requirements as entities with attributes); appendices (glossary, open issues).',
      'Mark each requirement as stated, derived or assumed, and list the ids of the sections it comes from.',
    ],
  });
