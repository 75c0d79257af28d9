import type { PromptParts } from '../../../../core/ai/task.js';
import { oneLine } from '../../../../core/text/index.js';
import type { AnswerQuestionInput } from './schema.js';
import { NOTHING_FOUND } from './terms.js';

/** What a remote model gets: the project model's facts and the document sections, each with its id to cite, then the question. */
export const answerQuestionPrompt = ({ question, context }: AnswerQuestionInput): PromptParts => ({
  system:
    "You are Atelier's project assistant. Answer the user's question using only the project's facts and sections " +
    'below. Answer a factual question with the number or the name it asks for, first. Cite the fact or section behind ' +
    'every statement with its id in square brackets, like [id], and say where a fact was read (its source). If they ' +
    `do not contain the answer, say exactly: "${NOTHING_FOUND}" Answer in concise, plain Markdown.`,
  prompt: [
    ...context.map((section) =>
      section.kind === 'fact'
        ? `\n<fact id="${section.id}" source="${oneLine(section.title)}">\n${section.text}\n</fact>`
        : `\n<section id="${section.id}" title="${oneLine(section.title)}">\n${section.text}\n</section>`,
    ),
    '',
    `Question: ${question}`,
  ].join('\n'),
});
