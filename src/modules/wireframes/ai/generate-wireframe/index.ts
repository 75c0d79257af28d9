import { defineObjectTask } from '../../../../core/ai/task.js';
import { composeWireframe } from './offline.js';
import { wireframePrompt } from './prompt.js';
import { wireframeOutput, wireframeTaskInput, type WireframeOutput, type WireframeTaskInput } from './schema.js';

export { wireframeFacts, type WireframeFacts } from './facts.js';
export { composeWireframe, screenSetRequests } from './offline.js';
export {
  MAX_WIREFRAME_SOURCE,
  wireframeOutput,
  wireframeTaskInput,
  wireframeTemplateTypes,
  type WireframeOutput,
  type WireframeTaskInput,
  type WireframeTemplateType,
} from './schema.js';

export const generateWireframeTask = defineObjectTask<WireframeTaskInput, WireframeOutput>({
  name: 'generate-wireframe',
  description: 'A low-fidelity wireframe (HTML and CSS) of one screen, filled with the project’s entities and fields',
  input: wireframeTaskInput,
  output: wireframeOutput,

  buildPrompt: wireframePrompt,

  builtin: (input) => composeWireframe(input),
  // The screen's name and purpose are read by people; its markup goes through the HTML and CSS sanitizers instead.
  prose: (output) => [
    { path: 'title', text: output.title, kind: 'title' },
    // A caption ("The messages of “Return a tool”, step by step."), checked like a title: it need not be a clause.
    { path: 'description', text: output.description, kind: 'title' },
  ],
});
