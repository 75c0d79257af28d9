import { defineObjectTask } from '../../../../core/ai/task.js';
import { writeDiagram } from './offline.js';
import { diagramPrompt } from './prompt.js';
import { generateDiagramInput, generateDiagramOutput, type GeneratedDiagram, type GenerateDiagramInput } from './schema.js';

export { diagramKindLabel, diagramKinds, type DiagramKind } from './kinds.js';
export { generateDiagramInput, generateDiagramOutput, MAX_DIAGRAM_SOURCE, type GeneratedDiagram, type GenerateDiagramInput } from './schema.js';

export const generateDiagramTask = defineObjectTask<GenerateDiagramInput, GeneratedDiagram>({
  name: 'generate-diagram',
  description: 'A Mermaid diagram (sequence, architecture, use case, flowchart, class, activity, ER, state or Gantt) drawn from the project model',
  input: generateDiagramInput,
  output: generateDiagramOutput,

  buildPrompt: diagramPrompt,

  builtin: (input) =>
    writeDiagram(input.type, {
      projectName: input.projectName,
      model: input.model,
      focus: input.focus,
      instructions: input.instructions,
      startDate: input.startDate,
    }),
  // The title and description are read by people; the Mermaid code is checked by Mermaid's parser instead.
  prose: (output) => [
    { path: 'title', text: output.title, kind: 'title' },
    // A caption ("The messages of “Return a tool”, step by step."), checked like a title: it need not be a clause.
    { path: 'description', text: output.description, kind: 'title' },
  ],
});
