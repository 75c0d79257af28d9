import type { PromptParts } from '../../../../core/ai/task.js';
import type { ProjectModelInput } from './schema.js';

/** What a remote model gets: how to read the idea into a model, and everything it is built from. */
export function projectModelPrompt(input: ProjectModelInput): PromptParts {
  const answers = (input.answers ?? []).filter((a) => a.answer.trim() !== '');
  const unanswered = (input.answers ?? []).filter((a) => a.answer.trim() === '');
  const sources = (input.sources ?? []).flatMap((source) => source.sections.map((section) => `### ${source.title} — ${section.heading}\n${section.text}`));
  return {
    system:
      'You are a senior business analyst. You read a product idea and everything written about it, and you write down ' +
      'exactly what is understood: the actors, the records the product keeps, what people do with them, the rules with ' +
      'their numbers, how success is measured and the constraints. You never invent facts: what is not stated and cannot ' +
      'be safely inferred becomes an open question.',
    prompt: [
      `Build the project model of "${input.projectName}".`,
      '- Actors: the people (roles, singular: "Member") and the outside systems (payment provider, email service) that use the product, each with what they need.',
      '- Entities: the records the product stores (the thing being booked, the booking, the loan, the return), singular, with typed attributes, lifecycle states in order when the record has them, and relationships with cardinality. Never the product itself, never an actor-less abstraction such as "reliability".',
      '- Use cases: one per key action of an actor ("Book a tool"), with the entity acted on, trigger, outcome and main steps across the actors and "system" (the product).',
      '- Rules: statements with their numbers ("A loan lasts one week."). Metrics: measures of success, never features. Constraints: platform, privacy, scale and the like, as stated in the answers (a "mobile web app" is a web app, not a native app).',
      '- Glossary of the domain terms; open questions only for what is still unanswered.',
      '- Ids are lower-case slugs; items refer to each other by id. Every item cites its sources (idea, answer with its question as label, document with its title) with the sentence it came from.',
      input.instructions ? `The author asks: ${input.instructions}` : '',
      input.previous ? 'The current model follows between <current-model> tags: keep what a person corrected (sources of kind "correction") as it is.' : '',
      '',
      '<idea>',
      input.idea,
      '</idea>',
      ...answers.flatMap((a) => ['<answer>', `Q: ${a.question}`, `A: ${a.answer}`, '</answer>']),
      ...unanswered.map((a) => `<unanswered>${a.question}</unanswered>`),
      ...(sources.length > 0 ? ['<documents>', ...sources, '</documents>'] : []),
      ...(input.previous ? ['<current-model>', JSON.stringify(input.previous), '</current-model>'] : []),
    ]
      .filter((line) => line !== '')
      .join('\n'),
  };
}
