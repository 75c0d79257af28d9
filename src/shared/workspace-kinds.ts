/**
 * The kinds of diagrams and wireframes, as plain lists that the server (database checks, contracts, the offline
 * engine) and the web page (pickers, labels) both import. Free of Node and DOM APIs.
 */

/** Mermaid has no native use case or activity diagram; both are drawn as flowcharts. */
export const diagramTypes = ['sequence', 'architecture', 'usecase', 'flowchart', 'class', 'activity', 'er', 'state', 'gantt'] as const;
export type DiagramType = (typeof diagramTypes)[number];

export const wireframeTemplates = ['list', 'detail', 'form', 'dashboard', 'auth', 'custom'] as const;
export type WireframeTemplate = (typeof wireframeTemplates)[number];

/** The templates the offline engine draws; `custom` is for hand-written or model-written markup. */
export const generatableTemplates = ['list', 'detail', 'form', 'dashboard', 'auth'] as const satisfies readonly WireframeTemplate[];
export type GeneratableTemplate = (typeof generatableTemplates)[number];
