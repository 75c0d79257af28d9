import { capitalize } from '../../../../core/text/index.js';
import type { ModelActor, ModelStep, ModelUseCase, ProjectModel } from '../../../project-model/index.js';
import { safeLabel } from './labels.js';
import { actorOf, actorsMentioned, decisionOf, nodeId, rulesAtSteps, stepsOf } from './model-view.js';

// The diagrams of who does what, in which order: use cases from the actors, sequence, flowchart and activity from
// one use case's steps across the actors, the product and the outside systems involved.

const MAX_USE_CASES = 14;
const MAX_STEPS = 12;

const label = (text: string, max = 60) => safeLabel(text, max, 'Step');
const sentence = (text: string, max = 60) => capitalize(label(text, max));

export function usecase(model: ProjectModel, productName: string): string {
  const lines = ['flowchart LR'];
  const people = model.actors.filter((a) => a.kind === 'person');
  const systems = model.actors.filter((a) => a.kind === 'system');
  for (const actor of people) lines.push(`  ${nodeId('A', actor.id)}["${label(actor.name, 40)}"]`);
  lines.push(`  subgraph Product["${safeLabel(productName, 40, 'The product')}"]`);
  const useCases = model.useCases.slice(0, MAX_USE_CASES);
  for (const useCase of useCases) lines.push(`    ${nodeId('U', useCase.id)}(["${label(useCase.name, 48)}"])`);
  if (useCases.length === 0) lines.push('    Empty["No use cases are known yet"]');
  lines.push('  end');
  for (const actor of systems) lines.push(`  ${nodeId('A', actor.id)}[["${label(actor.name, 40)}"]]`);
  const links = new Set<string>();
  for (const useCase of useCases) {
    if (actorOf(model, useCase.actor)) links.add(`  ${nodeId('A', useCase.actor)} --- ${nodeId('U', useCase.id)}`);
    // Others who take part in its steps are linked too; outside systems on the right.
    for (const step of useCase.steps) {
      const actor = actorOf(model, step.actor);
      if (!actor || actor.id === useCase.actor) continue;
      links.add(actor.kind === 'system' ? `  ${nodeId('U', useCase.id)} --- ${nodeId('A', actor.id)}` : `  ${nodeId('A', actor.id)} --- ${nodeId('U', useCase.id)}`);
    }
  }
  lines.push(...links);
  if (people.length) lines.push('  classDef actor fill:#eef4ff,stroke:#4a6fd1', `  class ${people.map((a) => nodeId('A', a.id)).join(',')} actor`);
  return lines.join('\n');
}

/** Who sends a step's message and who receives it. */
function messageOf(model: ProjectModel, useCase: ModelUseCase, step: ModelStep): { from: string; to: string; reply: boolean } {
  const own = step.actor === 'system' ? undefined : actorOf(model, step.actor);
  const from = own ? nodeId('P', own.id) : 'Sys';
  const named = actorsMentioned(model, step.action, own ? [own.id] : [])[0];
  if (named) return { from, to: nodeId('P', named.id), reply: from === 'Sys' || own?.kind === 'system' };
  if (own) return { from, to: 'Sys', reply: false };
  return { from: 'Sys', to: 'Sys', reply: false };
}

export function sequence(model: ProjectModel, productName: string, useCase: ModelUseCase | undefined): string {
  const lines = ['sequenceDiagram'];
  if (!useCase) {
    lines.push(`  participant Sys as ${safeLabel(productName, 40, 'The product')}`, '  Note over Sys: No use case with steps is known yet');
    return lines.join('\n');
  }
  const steps = stepsOf(useCase).slice(0, MAX_STEPS);
  const involved: ModelActor[] = [];
  const involve = (actor: ModelActor | undefined) => {
    if (actor && !involved.some((a) => a.id === actor.id)) involved.push(actor);
  };
  involve(actorOf(model, useCase.actor));
  for (const step of steps) {
    involve(actorOf(model, step.actor));
    for (const named of actorsMentioned(model, step.action)) involve(named);
  }
  lines.push('  autonumber');
  for (const actor of involved.filter((a) => a.kind === 'person')) lines.push(`  actor ${nodeId('P', actor.id)} as ${label(actor.name, 40)}`);
  lines.push(`  participant Sys as ${safeLabel(productName, 40, 'The product')}`);
  for (const actor of involved.filter((a) => a.kind === 'system')) lines.push(`  participant ${nodeId('P', actor.id)} as ${label(actor.name, 40)}`);
  const rules = rulesAtSteps(model, useCase);
  steps.forEach((step, i) => {
    const { from, to, reply } = messageOf(model, useCase, step);
    lines.push(`  ${from}${reply ? '-->>' : '->>'}${to}: ${sentence(step.action)}`);
    const rule = rules.get(i);
    if (rule) lines.push(`  Note over ${from === 'Sys' ? 'Sys' : `${from},Sys`}: ${label(rule.text, 80)}`);
  });
  const actor = actorOf(model, useCase.actor);
  if (useCase.outcome.trim() && actor) lines.push(`  Sys-->>${nodeId('P', actor.id)}: ${sentence(useCase.outcome)}`);
  return lines.join('\n');
}

type FlowNode = { id: string; lane: string; shape: string };

/**
 * A use case's steps in order with their decisions: a step that approves, confirms or checks asks its question,
 * and a rule that limits what may happen is checked after the step it bears on. A "no" ends the flow, named.
 */
function flowOf(model: ProjectModel, useCase: ModelUseCase): { nodes: FlowNode[]; edges: string[]; last: string } {
  const nodes: FlowNode[] = [];
  const edges: string[] = [];
  const rules = rulesAtSteps(model, useCase);
  let previous = 'Start';
  let yes = false;
  const link = (to: string) => {
    edges.push(`  ${previous} ${yes ? '-- Yes -->' : '-->'} ${to}`);
    yes = false;
  };
  stepsOf(useCase)
    .slice(0, MAX_STEPS)
    .forEach((step, i) => {
      const who = step.actor === 'system' ? undefined : actorOf(model, step.actor);
      const lane = who?.id ?? 'system';
      const text = who ? `${who.name} ${step.action}` : step.action;
      nodes.push({ id: `S${i}`, lane, shape: `("${sentence(text, 64)}")` });
      link(`S${i}`);
      previous = `S${i}`;
      const decision = decisionOf(step.action);
      if (decision) {
        nodes.push({ id: `D${i}`, lane, shape: `{"${decision.question}"}` }, { id: `N${i}`, lane, shape: `(["${decision.no}"])` });
        edges.push(`  S${i} --> D${i}`, `  D${i} -- No --> N${i}`);
        previous = `D${i}`;
        yes = true;
      }
      const rule = rules.get(i);
      if (rule) {
        nodes.push({ id: `R${i}`, lane: 'system', shape: `{"Within the rule: ${label(rule.text.replace(/\.$/, ''), 70)}?"}` }, { id: `X${i}`, lane: 'system', shape: '(["Refused by the rule"])' });
        link(`R${i}`);
        edges.push(`  R${i} -- No --> X${i}`);
        previous = `R${i}`;
        yes = true;
      }
    });
  link('Done');
  return { nodes, edges, last: previous };
}

export function flowchart(model: ProjectModel, useCase: ModelUseCase | undefined): string {
  if (!useCase) return ['flowchart TD', '  Start(["Start"])', '  Empty["No use case with steps is known yet"]', '  Start --> Empty'].join('\n');
  const { nodes, edges } = flowOf(model, useCase);
  const outcome = useCase.outcome.trim() ? sentence(useCase.outcome, 60) : 'Done';
  return ['flowchart TD', `  Start(["${sentence(useCase.trigger || useCase.name, 60)}"])`, ...nodes.map((n) => `  ${n.id}${n.shape}`), `  Done(["${outcome}"])`, ...edges].join('\n');
}

export function activity(model: ProjectModel, productName: string, useCase: ModelUseCase | undefined): string {
  const lines = ['flowchart TD', '  Start((" "))'];
  if (!useCase) {
    lines.push('  Empty["No use case with steps is known yet"]', '  Start --> Empty');
    return lines.join('\n');
  }
  const { nodes, edges } = flowOf(model, useCase);
  const lanes = [...new Set(nodes.map((n) => n.lane))];
  lanes.forEach((lane, l) => {
    const name = lane === 'system' ? safeLabel(productName, 40, 'The product') : label(actorOf(model, lane)?.name ?? lane, 40);
    lines.push(`  subgraph L${l}["${name}"]`, ...nodes.filter((n) => n.lane === lane).map((n) => `    ${n.id}${n.shape}`), '  end');
  });
  lines.push('  Done(((" ")))', ...edges);
  lines.push('  classDef terminal fill:#222,stroke:#222,color:#fff', '  class Start,Done terminal');
  return lines.join('\n');
}
