import { nounPhrase, sentence } from '../../../../core/text/compose/index.js';
import { joinList } from '../../../../core/text/index.js';
import { actorPhrase, common, groupName, viewOf, type DocumentTaskInput } from '../document-writer/index.js';
import type { DocumentTasks, Task } from './schema.js';

// The offline delivery plan, drawn from the project model: foundations (accounts and the entities), a task per use
// case in priority order (the focused ones first), then the rules, constraints and the release.

const PRIORITY_ORDER = { must: 0, should: 1, could: 2 } as const;

/** The verb of a storage task, never the record's own first word ("Keep stores", not "Store stores"). */
function storingVerb(recordName: string): string {
  return recordName.split(' ')[0]?.toLowerCase() === 'store' ? 'Keep' : 'Store';
}

export function composeTasks(input: DocumentTaskInput): DocumentTasks {
  const view = viewOf(input);
  let next = 0;
  const id = (): string => `T-${++next}`;
  const foundations: Task[] = [];
  const accounts: Task = {
    id: id(),
    title: 'Accounts and roles',
    description: sentence(`Build sign-in and the roles ${view.persons.length ? `for ${joinList(view.persons.map(groupName))}` : 'people need'}; done when each role sees only its own screens`),
    estimateDays: 3,
    dependsOn: [],
  };
  foundations.push(accounts);
  const entityTask = new Map<string, string>();
  for (const entity of view.entities.slice(0, 8)) {
    const store = storingVerb(entity.name);
    const task: Task = {
      id: id(),
      title: `${store} ${nounPhrase({ head: common(entity.name), number: 'plural' }).text}`,
      description: sentence(
        `${store} ${common(entity.name)} records${entity.attributes.length ? ` with ${joinList(entity.attributes.slice(0, 6).map((a) => a.name.replaceAll('_', ' ')))}` : ''}${entity.states.length ? ` and its states ${joinList(entity.states)}` : ''}; done when records can be saved and read back`,
      ),
      estimateDays: Math.min(5, 1 + Math.ceil(entity.attributes.length / 4)),
      dependsOn: [accounts.id],
    };
    entityTask.set(entity.id, task.id);
    foundations.push(task);
  }
  const ordered = [...view.useCases].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || view.useCases.indexOf(a) - view.useCases.indexOf(b));
  const features: Task[] = ordered.slice(0, 25).map((useCase) => {
    const entity = useCase.entity ? entityTask.get(useCase.entity) : undefined;
    return {
      id: id(),
      title: useCase.name,
      description: [
        sentence(`Build “${useCase.name}” for the ${actorPhrase(view.actor(useCase.actor), 'none', 'plural').text}${useCase.steps.length ? ` in ${useCase.steps.length} ${useCase.steps.length === 1 ? 'step' : 'steps'}` : ''}`),
        useCase.outcome.trim() ? sentence(`It is done when ${useCase.outcome.trim().charAt(0).toLowerCase()}${useCase.outcome.trim().slice(1)}`) : '',
      ].filter(Boolean).join(' '),
      estimateDays: Math.min(10, 2 + Math.ceil(useCase.steps.length / 2)),
      dependsOn: entity ? [entity] : [accounts.id],
    };
  });
  const quality: Task[] = [
    ...view.model.constraints.slice(0, 6).map((c) => ({ id: id(), title: `Meet the ${c.category} constraint`, description: `${sentence(c.text)} ${sentence(`It is done when a test shows the product meets this ${c.category} constraint`)}`, estimateDays: 2, dependsOn: [] })),
    { id: id(), title: 'Release', description: sentence(`Put ${view.name} in front of its first users and follow ${view.model.metrics.length ? joinList(view.model.metrics.slice(0, 3).map((m) => common(m.name))) : 'how it is used'}`), estimateDays: 2, dependsOn: [] },
  ];
  const allFeatures = features.map((t) => t.id);
  for (const task of quality) task.dependsOn = allFeatures.slice(0, 6);
  const phases: DocumentTasks['phases'] = [
    { name: 'Phase 1 — Foundations', goal: sentence(`People can sign in and ${view.entities.length ? joinList(view.entities.slice(0, 4).map((e) => nounPhrase({ head: common(e.name), number: 'plural' }).text)) : 'records'} can be stored`), tasks: foundations },
  ];
  if (features.length) phases.push({ name: 'Phase 2 — Core features', goal: sentence(`Every use case of the model works from start to end, “${ordered[0]?.name}” first`), tasks: features });
  phases.push({ name: `Phase ${phases.length + 1} — Quality and release`, goal: sentence('The constraints are met and the first users have it'), tasks: quality });
  const total = phases.reduce((sum, p) => sum + p.tasks.length, 0);
  return {
    title: `${view.name} — Delivery Plan`,
    // A clause with its own verb: a bare count and list reads as a fragment (the quality gate refuses it).
    summary: sentence(`The plan has ${phases.length} phases and ${total} tasks: the foundations, ${features.length ? `${features.length} ${features.length === 1 ? 'use case' : 'use cases'} of the model` : 'the core features once the use cases are stated'}, then quality and the release`),
    phases,
  };
}

