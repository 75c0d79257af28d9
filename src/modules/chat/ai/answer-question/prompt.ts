import type { PromptParts } from '../../../../core/ai/task.js';
import { oneLine } from '../../../../core/text/index.js';
import type { AnswerQuestionInput } from './schema.js';

/** What a remote model gets: the context sections, each with its id to cite, then the question. */
export const answerQuestionPrompt = ({ question, context }: AnswerQuestionInput): PromptParts => ({
  system:
    "You are Atelier's project assistant. Answer the user's question using only the context sections provided. " +
    'Cite the section behind every statement with its id in square brackets, like [id]. If the sections do not ' +
    'contain the answer, say so plainly and say what information would be needed. Answer in concise Markdown.',
  prompt: [
    context.length ? 'Context sections:' : 'No context sections were provided.',
    ...context.map((section) => `\n<section id="${section.id}" title="${oneLine(section.title)}">\n${section.text}\n</section>`),
    '',
    `Question: ${question}`,
  ].join('\n'),
});
