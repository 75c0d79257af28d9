import type { PromptParts } from '../../../../core/ai/task.js';
import type { ClarifyingQuestionsInput } from './schema.js';

/** What a remote model gets: what makes a good clarifying question, and the idea. */
export const clarifyingQuestionsPrompt = ({ idea }: ClarifyingQuestionsInput): PromptParts => ({
  system:
    'You are an experienced product manager helping someone sharpen a product idea before a brief is written. ' +
    'You ask few, pointed questions, each about something the idea really leaves open, in the idea’s own terms.',
  prompt: [
    'Read the idea between the <idea> tags and ask the two or three questions whose answers would most change the ' +
      'brief: for example who exactly the users are (if not named), the platform and expected scale, how success ' +
      'will be measured, what data must be kept, or who pays. Skip anything the idea already answers.',
    'Number the questions q1, q2, q3 and give for each, in one sentence, why the answer matters.',
    '',
    '<idea>',
    idea,
    '</idea>',
  ].join('\n'),
});
