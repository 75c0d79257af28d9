import { truncate } from '../../text/index.js';
import { composeWireframe, wireframeOutput, wireframeTaskInput, type WireframeOutput, type WireframeTaskInput } from '../builtin/wireframe-writer.js';
import { defineObjectTask } from '../task.js';

export { wireframeOutput, wireframeTaskInput, type WireframeOutput, type WireframeTaskInput };

/** How much of the source document a remote model sees: the screens need its entities and stories, not all of it. */
const PROMPT_SOURCE_CHARS = 24_000;

export const generateWireframeTask = defineObjectTask<WireframeTaskInput, WireframeOutput>({
  name: 'generate-wireframe',
  description: 'A low-fidelity wireframe (HTML and CSS) of one screen, filled with the project’s entities and fields',
  input: wireframeTaskInput,
  output: wireframeOutput,

  buildPrompt: (input) => {
    const screen = input.screen ? `the screen "${input.screen}"` : `the main ${input.templateType ?? 'list'} screen`;
    const parts = [
      `Project: ${input.projectName}`,
      `What it is about:\n${input.idea}`,
      input.source ? `Source document "${input.source.title}":\n${truncate(input.source.markdown, PROMPT_SOURCE_CHARS)}` : '',
      `Draw ${screen}${input.templateType ? ` as a ${input.templateType} template` : ''}.`,
      'Use the project’s real entities, fields and user roles from the text: column headers, form labels and navigation ' +
        'items must be the ones this product needs.',
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
  },

  builtin: (input) => composeWireframe(input),
});
