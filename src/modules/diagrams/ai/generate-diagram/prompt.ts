import type { PromptParts } from '../../../../core/ai/task.js';
import type { DiagramKind } from './kinds.js';
import type { GenerateDiagramInput } from './schema.js';

/** What each requested kind is in Mermaid, for the prompt: usecase and activity have no native Mermaid form. */
const mermaidForms: Record<DiagramKind, string> = {
  sequence: '`sequenceDiagram` with the actors, the app, its server and its data store as participants',
  architecture:
    '`architecture-beta` with groups and services using only the built-in icons cloud, database, disk, internet and server; titles in [brackets] use only letters, digits and spaces',
  usecase:
    '`flowchart LR`: each actor a node outside a `subgraph System`, each use case a stadium node `(["…"])` inside it, actors linked to their use cases with `---`',
  flowchart: '`flowchart TD` with a start, the steps, decision diamonds `{"…?"}` with labelled Yes/No edges, and an end',
  class: '`classDiagram` with the domain classes, their typed attributes, key operations and relations with multiplicities',
  activity:
    '`flowchart TD` as a UML activity diagram: a start circle `(( ))`, activities, decision diamonds, one subgraph per actor (swimlanes) and an end circle `((( )))`',
  er: '`erDiagram` with the entities, their typed attributes (PK/FK marked) and relationships with crow’s-foot cardinalities',
  state: '`stateDiagram-v2` with the lifecycle of the main domain object: [*] start and end, states and labelled transitions',
  gantt: '`gantt` with dateFormat YYYY-MM-DD, sections for discovery, build and launch, tasks with ids and `after` dependencies',
};

/** What a remote model gets: the kind's Mermaid form, the source text, and on a repair the rejected code. */
export const diagramPrompt = (input: GenerateDiagramInput): PromptParts => {
  const lines = [
    `Draw a ${input.type} diagram of the project "${input.projectName}" as Mermaid code.`,
    `Use ${mermaidForms[input.type]}.`,
    'Draw it from the project model below (JSON): its actors, entities with their attributes, relationships with their cardinality, use cases with their steps, lifecycle states, rules and constraints. Use their names as written; items refer to each other by id. Do not invent actors, records or steps the model does not hold; the source text only adds detail.',
    'Quote node labels ("…") and keep them short; avoid characters Mermaid treats as syntax inside labels (quotes, brackets, semicolons, #, %).',
    'The code must parse with Mermaid 11 as it is: no ``` fence, no HTML, no click handlers, no init directives.',
  ];
  if (input.focus) lines.push(`Focus on ${input.focus}: draw that entity or use case (with what it relates to).`);
  if (input.startDate) lines.push(`The plan starts on ${input.startDate}.`);
  lines.push('', '<project-model>', JSON.stringify(input.model), '</project-model>');
  if (input.description) lines.push('', '<project-description>', input.description, '</project-description>');
  lines.push('', `<source${input.sourceTitle ? ` title="${input.sourceTitle.replace(/"/g, "'")}"` : ''}>`, input.sourceText || '(no document: use the project description)', '</source>');
  if (input.instructions) lines.push('', '<instructions>', input.instructions, '</instructions>');
  if (input.previousCode !== undefined) {
    lines.push(
      '',
      'Your previous attempt did not parse. Fix it and answer with the whole corrected diagram.',
      '<previous-code>',
      input.previousCode,
      '</previous-code>',
      '<parser-error>',
      input.parserError ?? 'unknown error',
      '</parser-error>',
    );
  }
  return {
    system:
      'You are a senior software architect and business analyst who draws precise UML and Mermaid diagrams. ' +
      'You answer with Mermaid code that parses on the first try.',
    prompt: lines.join('\n'),
  };
};
