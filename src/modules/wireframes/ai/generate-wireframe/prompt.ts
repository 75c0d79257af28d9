import type { PromptParts } from '../../../../core/ai/task.js';
import { truncate } from '../../../../core/text/index.js';
import type { WireframeTaskInput } from './schema.js';

/** How much of the source document a remote model sees: the screens need its entities and stories, not all of it. */
const PROMPT_SOURCE_CHARS = 24_000;

/** What a remote model gets: the project, the source document (cut), the screen to draw and the markup rules. */
export const wireframePrompt = (input: WireframeTaskInput): PromptParts => {
  const screen = input.screen ? `the screen "${input.screen}"` : `the main ${input.templateType ?? 'list'} screen`;
  const parts = [
    `Project: ${input.projectName}`,
    `What it is about:\n${input.idea}`,
    input.source ? `Source document "${input.source.title}":\n${truncate(input.source.markdown, PROMPT_SOURCE_CHARS)}` : '',
    `Project model (JSON: actors, entities with typed attributes, relationships, use cases, metrics):\n${JSON.stringify(input.model)}`,
    `Draw ${screen}${input.templateType ? ` as a ${input.templateType} template` : ''}${input.entity ? ` for the entity with id "${input.entity}"` : ''}.`,
    'Use the project model’s entities, attributes and actors: column headers and form labels are the entity’s attributes ' +
      '(inputs by attribute type: date, number, money, email, a select with an enum’s values, a textarea for long text, a ' +
      'file input), navigation items are the main entities’ plural names, a dashboard shows the metrics. Never treat the ' +
      'project itself as an entity.',
    'Answer with: title (the screen’s name), description (one or two sentences), html (the body markup only), css ' +
      '(its stylesheet) and templateType (list, detail, form, dashboard, auth or custom).',
  ];
  return {
    system:
      'You are a UX designer drawing low-fidelity wireframes: grey boxes, clear labels, a navigation bar, realistic ' +
      'tables and forms, no colours beyond greys. The HTML is static and self-contained: semantic elements only, ' +
      'no <script>, no event handlers, no <iframe>, no <link>, no external images, fonts or URLs of any kind ' +
      '(links use href="#"); the CSS has no @import and no url(). Anything else is removed before it is shown.',
    prompt: parts.filter((part) => part !== '').join('\n\n'),
  };
};
