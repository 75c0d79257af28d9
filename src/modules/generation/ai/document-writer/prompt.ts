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
  if (input.model) {
    lines.push(
      '',
      'The project model, as JSON: what was understood of the project (actors, entities with attributes, use cases with steps, rules with their numbers, metrics, constraints, glossary, open questions). Draw the document from it: a requirement or story per use case, its actor and entity by their names, the rules and constraints as stated, the metrics only as metrics, and only its open questions as open. Where it is silent, say "not stated yet" rather than invent.',
      '<project-model>',
      JSON.stringify(input.model),
      '</project-model>',
    );
  }
  if (input.instructions) lines.push('', 'Instructions from the author for this document (what they ask to focus on comes first and is named in the summary):', input.instructions);
  lines.push('', 'Stay specific to this project: use its own terms, and where it leaves something open, say so or make a modest, labelled assumption.');
  return {
    system: `${request.system} Never write placeholder text such as lorem ipsum; every section must be about this project.`,
    prompt: lines.join('\n'),
  };
}
