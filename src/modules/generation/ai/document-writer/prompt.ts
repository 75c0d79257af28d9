import type { PromptParts } from '../../../../core/ai/task.js';
import { oneLine } from '../../../../core/text/index.js';
import type { DocumentTaskInput } from './input.js';

/** The prompt a remote model gets for a document task: the request, then the idea, answers and cited sources. */
export function documentPrompt(input: DocumentTaskInput, request: { system: string; asks: string[] }): PromptParts {
  const lines: string[] = [...request.asks, ''];
  lines.push(`Project: ${oneLine(input.projectName)}`, '', '<idea>', input.idea, '</idea>');
  const answers = input.answers ?? [];
  if (answers.length) {
    lines.push('', 'The author answered these clarifying questions (an empty answer means skipped):');
    for (const a of answers) lines.push(`Q: ${a.question}\nA: ${a.answer || '(no answer)'}`);
  }
  const sources = input.sources ?? [];
  if (sources.length) {
    lines.push('', 'Existing project documents, as sections. Use them, and cite the id of every section you draw on in the `sources` fields:');
    for (const source of sources) {
      for (const section of source.sections) {
        lines.push(`<section id="${section.id}" document="${oneLine(source.title)}" type="${source.type}" heading="${oneLine(section.heading)}">`, section.text, '</section>');
      }
    }
  }
  if (input.instructions) lines.push('', 'Instructions from the author for this document:', input.instructions);
  lines.push('', 'Stay specific to this project: use its own terms, and where it leaves something open, say so or make a modest, labelled assumption.');
  return {
    system: `${request.system} Never write placeholder text such as lorem ipsum; every section must be about this project.`,
    prompt: lines.join('\n'),
  };
}
