import { joinList, oneLine, truncate } from '../../../../core/text/index.js';
import type { ProjectModel } from '../../../project-model/index.js';
import { classDiagram, entitiesInView, er } from './data-diagrams.js';
import { activity, flowchart, sequence, usecase } from './flow-diagrams.js';
import { diagramKindLabel, type DiagramKind } from './kinds.js';
import { safeLabel } from './labels.js';
import { actorOf, focusPhrase, pickLifecycle, pickUseCase, resolveFocus } from './model-view.js';
import { architecture, gantt, state } from './system-diagrams.js';

/**
 * The offline engine's diagrams, drawn from the project model: entities and relationships for ER and class
 * diagrams, actors and use cases for the use case diagram, one use case's steps for sequence, flowchart and
 * activity, an entity's lifecycle for the state diagram, constraints and outside systems for the architecture.
 * What the model does not hold is not drawn: a thin model gives a small diagram and a description that says what
 * is missing. Every label is reduced to characters no Mermaid grammar treats as syntax. Pure: same input, same diagram.
 */

export type WrittenDiagram = { title: string; description: string; mermaid: string };
export type DiagramRequest = { projectName: string; model: ProjectModel; focus?: string | undefined; instructions?: string | undefined; startDate?: string | undefined };

const DEFAULT_START = '2025-01-06';
const EMPTY_NOTE = 'Answer the clarifying questions or complete the Model tab, then generate it again.';

const quoted = (text: string) => `“${oneLine(text)}”`;

/** A titled, described Mermaid diagram of one kind, drawn from the project model. */
export function writeDiagram(kind: DiagramKind, request: DiagramRequest): WrittenDiagram {
  const { model } = request;
  const name = safeLabel(request.projectName, 60, 'The product');
  const focus = resolveFocus(model, request.focus, request.instructions);
  const useCase = pickUseCase(model, focus);
  const lifecycle = pickLifecycle(model, focus);
  const startDate = request.startDate && /^\d{4}-\d{2}-\d{2}$/.test(request.startDate) ? request.startDate : DEFAULT_START;
  const view = entitiesInView(model, focus);
  const people = model.actors.filter((a) => a.kind === 'person').map((a) => a.name);

  let subject = name;
  let about: string;
  let note = '';
  switch (kind) {
    case 'er':
    case 'class': {
      const what = kind === 'er' ? 'with their keys and how they relate' : 'with their attributes, operations and associations';
      const centre = focus.entity ?? (focus.useCase?.entity ? view.entities.find((e) => e.id === focus.useCase!.entity) : undefined);
      if (centre) subject = centre.name;
      about = view.entities.length
        ? centre
          ? view.entities.length > 1
            ? `${centre.name} and the records it relates to (${joinList(view.entities.filter((e) => e.id !== centre.id).map((e) => e.name))}), ${what}.`
            : `${centre.name}, ${what}.`
          : `The records ${name} keeps: ${joinList(view.entities.map((e) => e.name))}, ${what}.`
        : `The project model holds no records yet, so there is nothing to draw.`;
      if (!view.entities.length) note = EMPTY_NOTE;
      break;
    }
    case 'usecase':
      about = model.useCases.length
        ? `What ${people.length ? joinList(people) : 'its users'} can do with ${name}: ${model.useCases.length} use case${model.useCases.length === 1 ? '' : 's'}.`
        : 'The project model holds no use cases yet.';
      if (!model.useCases.length) note = EMPTY_NOTE;
      break;
    case 'sequence':
    case 'flowchart':
    case 'activity': {
      if (!useCase) {
        about = 'The project model holds no use case yet, so no flow can be drawn.';
        note = EMPTY_NOTE;
        break;
      }
      subject = useCase.name;
      const who = actorOf(model, useCase.actor)?.name;
      about =
        kind === 'sequence'
          ? `The messages of ${quoted(useCase.name)}${who ? ` between ${who}, ${name} and the systems involved` : ''}, step by step.`
          : kind === 'flowchart'
            ? `The flow of ${quoted(useCase.name)} from start to end, with its decisions.`
            : `The activities of ${quoted(useCase.name)} in order, one lane for each one involved, with its decisions.`;
      if (useCase.steps.length === 0) note = 'The model holds no steps for this use case yet, so the flow shows only its name.';
      break;
    }
    case 'state':
      if (lifecycle?.states.length) {
        subject = lifecycle.name;
        about = `The lifecycle of a ${lifecycle.name.toLowerCase()}: ${joinList(lifecycle.states)}.`;
      } else {
        about = lifecycle ? `The project model holds no lifecycle states for ${lifecycle.name} yet.` : 'The project model holds no record with a lifecycle yet.';
        note = 'Add the states in the Model tab, then generate it again.';
      }
      break;
    case 'architecture': {
      const outside = model.actors.filter((a) => a.kind === 'system').map((a) => a.name);
      about = `The parts of ${name} and how requests flow between them${outside.length ? `, with ${joinList(outside)}` : ''}.`;
      const constraints = model.constraints.filter((c) => ['platform', 'integration', 'scale', 'privacy', 'security'].includes(c.category)).slice(0, 3);
      if (constraints.length) note = constraints.map((c) => oneLine(c.text).replace(/([^.!?])$/, '$1.')).join(' ');
      break;
    }
    case 'gantt':
      about = model.useCases.length
        ? `A first delivery plan for ${name}: ${model.useCases.length} use case${model.useCases.length === 1 ? '' : 's'}, must-haves first.`
        : `A first delivery plan for ${name}; the project model holds no use cases to plan yet.`;
      break;
  }
  const asked = focusPhrase(request.focus, request.instructions);
  const askedFocus = Boolean(request.focus?.trim() || /\bfocus/i.test(request.instructions ?? ''));
  if (askedFocus && asked && !focus.entity && !focus.useCase) note = `${`Nothing in the project model is named ${quoted(truncate(asked, 60))}, so the diagram shows the whole model.`} ${note}`.trim();

  const mermaid = {
    er: () => er(model, focus),
    class: () => classDiagram(model, focus),
    usecase: () => usecase(model, name),
    sequence: () => sequence(model, name, useCase),
    flowchart: () => flowchart(model, useCase),
    activity: () => activity(model, name, useCase),
    state: () => state(model, lifecycle),
    architecture: () => architecture(model, name),
    gantt: () => gantt(model, name, startDate),
  }[kind]();
  return { title: truncate(`${subject} — ${diagramKindLabel(kind)}`, 255), description: truncate(note ? `${about} ${note}` : about, 2000), mermaid };
}
