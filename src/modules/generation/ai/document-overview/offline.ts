import { clause, nounPhrase, sentence } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import {
  actorPhrase,
  common,
  groupName,
  problemOf,
  summaryOf,
  useCaseInfinitive,
  useCaseVerb,
  viewOf,
  whoDoesWhat,
  type DocumentTaskInput,
  type ModelView,
} from '../document-writer/index.js';
import type { DocumentOverview } from './schema.js';

// The offline overview, drawn from the project model: audience from the actors, features from the use cases (the
// focused ones first), goals and metrics from the metrics, risks from the open questions and constraints.

export function composeOverview(input: DocumentTaskInput): DocumentOverview {
  const view = viewOf(input);
  return {
    title: view.name,
    tagline: taglineOf(view),
    summary: summaryOf(view, 'This overview'),
    problem: problemOf(view),
    solution: whoDoesWhat(view).join(' ') || sentence(`How ${view.name} solves it is not stated yet`),
    audience: view.persons.length
      ? view.persons.slice(0, 6).map((actor) => ({ name: groupName(actor), needs: actor.needs.slice(0, 6).map((need) => sentence(need)) }))
      : [{ name: 'Users', needs: [] }],
    keyFeatures: featuresOf(view),
    goals: goalsOf(view),
    differentiators: [],
    risks: risksOf(view),
    successMetrics: view.model.metrics.length
      ? view.model.metrics.slice(0, 8).map((m) => (m.target.trim() ? `${m.name}: ${m.target}` : `${m.name} (target not stated yet)`))
      : ['How success is measured is not stated yet.'],
    nextSteps: nextStepsOf(view),
  };
}

function taglineOf(view: ModelView): string {
  const first = view.useCases.slice(0, 3).map((uc) => useCaseInfinitive(uc, view));
  const people = view.persons.slice(0, 3).map((a) => actorPhrase(a, 'none', 'plural').text);
  if (first.length === 0) return people.length ? `${view.name}, for ${joinList(people)}` : view.name;
  return `${capitalize(joinList(first))}${people.length ? `, for ${joinList(people)}` : ''}`;
}

function featuresOf(view: ModelView): DocumentOverview['keyFeatures'] {
  const features = view.useCases.slice(0, 12).map((useCase) => {
    const actor = view.actor(useCase.actor);
    const who = actor?.kind === 'system' ? actorPhrase(actor, 'the') : actorPhrase(actor, 'none', 'plural');
    const does = clause(who, { ...useCaseVerb(useCase, view), modal: 'can' });
    return { name: useCase.name, description: [sentence(does), useCase.outcome.trim() ? sentence(useCase.outcome) : ''].filter(Boolean).join(' '), priority: useCase.priority };
  });
  return features.length ? features : [{ name: 'Accounts', description: sentence('Each person signs in with their own account'), priority: 'must' as const }];
}

function goalsOf(view: ModelView): string[] {
  const goals = view.model.metrics.slice(0, 4).map((m) => (m.target.trim() ? `${m.name}: ${m.target}` : m.name));
  for (const useCase of view.useCases.filter((uc) => uc.priority === 'must').slice(0, 4)) goals.push(capitalize(`${useCaseInfinitive(useCase, view)} in the first release`));
  return goals.length ? goals.slice(0, 8) : ['Goals are not stated yet.'];
}

function risksOf(view: ModelView): DocumentOverview['risks'] {
  const risks = view.model.openQuestions.slice(0, 5).map((q) => ({ risk: sentence(`Still open: ${q.question}`), mitigation: 'Settle it with the people involved before building what depends on it.' }));
  for (const constraint of view.model.constraints.filter((c) => ['privacy', 'security', 'compliance'].includes(c.category)).slice(0, 3)) {
    risks.push({ risk: sentence(constraint.text), mitigation: 'Review it with the first design and again before launch.' });
  }
  return risks.slice(0, 8);
}

function nextStepsOf(view: ModelView): string[] {
  const steps: string[] = [];
  if (view.model.openQuestions.length) steps.push(sentence(`Answer the ${view.model.openQuestions.length} open ${view.model.openQuestions.length === 1 ? 'question' : 'questions'}`));
  const first = view.useCases.find((uc) => uc.priority === 'must') ?? view.useCases[0];
  if (first) steps.push(sentence(`Build “${first.name}” first and try it with real ${view.persons[0] ? nounPhrase({ head: common(view.persons[0].name), number: 'plural' }).text : 'users'}`));
  if (view.model.metrics.length === 0) steps.push('Agree how success will be measured.');
  steps.push('Review the project model and correct what was misunderstood.');
  return steps;
}
