import { diagramTypes, type DiagramType } from '../../../../shared/workspace-kinds.js';

/** The kinds of diagram the task draws: every diagram type of the workspace. */
export const diagramKinds = diagramTypes;
export type DiagramKind = DiagramType;

const kindLabels: Record<DiagramKind, string> = {
  sequence: 'Sequence diagram',
  architecture: 'Architecture',
  usecase: 'Use case diagram',
  flowchart: 'Flowchart',
  class: 'Class diagram',
  activity: 'Activity diagram',
  er: 'Entity relationship diagram',
  state: 'State diagram',
  gantt: 'Delivery plan',
};

export function diagramKindLabel(kind: DiagramKind): string {
  return kindLabels[kind];
}
