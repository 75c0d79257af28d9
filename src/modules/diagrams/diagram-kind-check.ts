import type { DiagramType } from './diagrams.schema.js';
import { validateMermaid, type MermaidValidation } from './mermaid-validator.js';

/**
 * Code that parses must also be the kind of diagram it is filed as, or the gallery's filter, the export and the
 * editor's labels would all say something else than the picture. Mermaid names what it parsed (`flowchart-v2`,
 * `sequence`, `classDiagram`…); use case and activity diagrams are flowcharts, and an architecture may be drawn as
 * `architecture-beta` or as a flowchart with subgraphs.
 */
const FLOWCHART = ['flowchart-v2', 'flowchart', 'flowchart-elk'];

const parsedAs: Record<DiagramType, readonly string[]> = {
  sequence: ['sequence'],
  architecture: ['architecture', ...FLOWCHART],
  usecase: FLOWCHART,
  flowchart: FLOWCHART,
  class: ['classDiagram', 'class'],
  activity: FLOWCHART,
  er: ['er'],
  state: ['stateDiagram', 'state'],
  gantt: ['gantt'],
};

/** How a diagram of each kind starts, for the message. */
const opening: Record<DiagramType, string> = {
  sequence: 'sequenceDiagram',
  architecture: 'architecture-beta',
  usecase: 'flowchart LR',
  flowchart: 'flowchart TD',
  class: 'classDiagram',
  activity: 'flowchart TD',
  er: 'erDiagram',
  state: 'stateDiagram-v2',
  gantt: 'gantt',
};

const kindNames: Record<DiagramType, string> = {
  sequence: 'a sequence diagram',
  architecture: 'an architecture diagram',
  usecase: 'a use case diagram',
  flowchart: 'a flowchart',
  class: 'a class diagram',
  activity: 'an activity diagram',
  er: 'an entity relationship diagram',
  state: 'a state diagram',
  gantt: 'a Gantt chart',
};

/** The parser's verdict, or a failure at line 1 when the code parses as another kind than `type`. */
export function checkDiagramKind(type: DiagramType, validation: MermaidValidation): MermaidValidation {
  if (!validation.ok || parsedAs[type].includes(validation.diagramType)) return validation;
  return {
    ok: false,
    line: 1,
    message: `This is Mermaid "${validation.diagramType}" code, but the diagram is ${kindNames[type]}: start it with "${opening[type]}", or choose the type that matches the code.`,
  };
}

/** Mermaid's parser on `code`, then the check that it parsed as the kind of diagram `type` names. */
export async function validateDiagram(type: DiagramType, code: string): Promise<MermaidValidation> {
  return checkDiagramKind(type, await validateMermaid(code));
}
