import { classDiagram, er } from './data-diagrams.js';
import { diagramFacts, type DiagramSource } from './facts.js';
import { activity, architecture, flowchart, gantt, sequence, state, usecase } from './flow-diagrams.js';
import { diagramKindLabel, type DiagramKind } from './kinds.js';

/**
 * The offline engine's diagrams: Mermaid code derived from a project's documents (see facts.ts for where the facts
 * come from). Every label is reduced to characters no Mermaid grammar treats as syntax, so any input text yields code
 * the parser accepts. Pure functions: the same input always gives the same diagram.
 */

export type WrittenDiagram = { title: string; description: string; mermaid: string };

const DEFAULT_START = '2025-01-06';

/** A titled, described Mermaid diagram of one kind for a project's text. */
export function writeDiagram(kind: DiagramKind, source: DiagramSource): WrittenDiagram {
  const facts = diagramFacts(source);
  const startDate = source.startDate && /^\d{4}-\d{2}-\d{2}$/.test(source.startDate) ? source.startDate : DEFAULT_START;
  const mermaid = {
    sequence: () => sequence(facts),
    architecture: () => architecture(facts),
    usecase: () => usecase(facts),
    flowchart: () => flowchart(facts),
    class: () => classDiagram(facts),
    activity: () => activity(facts),
    er: () => er(facts),
    state: () => state(facts),
    gantt: () => gantt(facts, startDate),
  }[kind]();
  const about = {
    sequence: `How ${facts.actors.slice(0, 2).join(' and ')} work through ${facts.name}, step by step`,
    architecture: `The parts of ${facts.name} and how requests flow between them`,
    usecase: `What ${facts.actors.join(', ')} can do with ${facts.name}`,
    flowchart: `The main flow of ${facts.name} with its decisions`,
    class: `The classes of ${facts.name}: ${facts.entities.map((e) => e.name).join(', ')}`,
    activity: `The activities of ${facts.actors.slice(0, 3).join(', ')} in order, with decisions`,
    er: `The data ${facts.name} keeps: ${facts.entities.map((e) => e.name).join(', ')}`,
    state: `The lifecycle of a ${facts.entities[0]!.name.toLowerCase()}`,
    gantt: `A first delivery plan for ${facts.name}, must-haves first`,
  }[kind];
  return { title: `${facts.name} — ${diagramKindLabel(kind)}`, description: `${about}.`, mermaid };
}
