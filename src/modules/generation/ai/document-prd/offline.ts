import { nounPhrase, sentence } from '../../../../core/text/compose/index.js';
import type { ModelUseCase } from '../../../project-model/index.js';
import {
  acceptanceCriteria,
  actorPhrase,
  benefitClause,
  common,
  groupName,
  problemOf,
  requirementSentence,
  summaryOf,
  useCaseInfinitive,
  viewOf,
  type DocumentTaskInput,
  type ModelView,
} from '../document-writer/index.js';
import type { DocumentPrd, PrdPriority, Story } from './schema.js';

// The offline PRD, drawn from the project model: a user story per use case of a person, the requirement pool from
// the use cases and constraints, success metrics from the model's metrics only, open questions from its open ones.

const PRIORITY: Record<ModelUseCase['priority'], PrdPriority> = { must: 'P0', should: 'P1', could: 'P2' };

export function composePrd(input: DocumentTaskInput): DocumentPrd {
  const view = viewOf(input);
  const stories = storiesOf(view);
  return {
    title: `${view.name} — Product Requirements`,
    summary: summaryOf(view, 'This PRD'),
    problem: problemOf(view),
    goals: goalsOf(view),
    nonGoals: nonGoalsOf(view),
    personas: personasOf(view),
    userStories: stories,
    requirements: requirementPool(view, stories),
    successMetrics: view.model.metrics.length
      ? view.model.metrics.slice(0, 10).map((m) => ({ metric: m.name, target: m.target.trim() || 'Not stated yet' }))
      : [{ metric: 'How success is measured', target: 'Not stated yet' }],
    openQuestions: view.model.openQuestions.slice(0, 15).map((q) => sentence(q.question)),
  };
}

/** A story per use case whose actor is a person: "As a member, I want to borrow a tool so that …". */
function storiesOf(view: ModelView): Story[] {
  const stories = view.useCases
    .filter((uc) => view.actor(uc.actor)?.kind === 'person')
    .slice(0, 30)
    .map((useCase, index) => ({
      id: `US-${index + 1}`,
      persona: common(view.actor(useCase.actor)?.name ?? 'user'),
      want: useCaseInfinitive(useCase, view),
      soThat: benefitClause(useCase, view),
      priority: PRIORITY[useCase.priority],
      acceptanceCriteria: acceptanceCriteria(useCase, view),
      sources: view.sourceIds(useCase.sources),
    }));
  if (stories.length) return stories;
  return [
    {
      id: 'US-1',
      persona: 'user',
      want: 'sign in with my own account',
      soThat: 'what I record stays mine',
      priority: 'P0',
      acceptanceCriteria: ['Given a person with an account, when they sign in, then they see their own start page.'],
      sources: [],
    },
  ];
}

function goalsOf(view: ModelView): string[] {
  const musts = view.useCases.filter((uc) => uc.priority === 'must').slice(0, 6);
  const goals = musts.map((uc) => {
    const actor = view.actor(uc.actor);
    const who = actor ? (actor.kind === 'person' ? actorPhrase(actor, 'none', 'plural').text : nounPhrase({ head: common(actor.name), determiner: 'the' }).text) : 'people';
    return sentence(`Let ${who} ${useCaseInfinitive(uc, view)}`);
  });
  for (const metric of view.model.metrics.slice(0, 3)) goals.push(sentence(metric.target.trim() ? `Reach the target for ${common(metric.name)}: ${metric.target}` : `Measure ${common(metric.name)}`));
  return goals.length ? goals.slice(0, 10) : ['Goals are not stated yet.'];
}

/** What the constraints rule out ("there is no native app"), else nothing ruled out yet. */
function nonGoalsOf(view: ModelView): string[] {
  const ruledOut = view.model.constraints.filter((c) => /\b(?:no|not|never|without|only)\b/i.test(c.text)).map((c) => sentence(c.text));
  return ruledOut.length ? ruledOut.slice(0, 10) : ['Nothing is ruled out yet.'];
}

function personasOf(view: ModelView): DocumentPrd['personas'] {
  const personas = view.persons.slice(0, 6).map((actor) => ({
    name: groupName(actor),
    description: actor.description.trim() ? sentence(actor.description) : sentence(`Who the ${actorPhrase(actor, 'none', 'plural').text} are is not described yet`),
    goals: actor.needs.slice(0, 8).map((need) => sentence(need)),
    painPoints: [],
  }));
  return personas.length ? personas : [{ name: 'Users', description: sentence(`Who uses ${view.name} is not stated yet`), goals: [], painPoints: [] }];
}

function requirementPool(view: ModelView, stories: Story[]): DocumentPrd['requirements'] {
  const pool: Array<Omit<DocumentPrd['requirements'][number], 'id'>> = [];
  const storyOf = new Map(stories.map((s) => [s.want, s.id]));
  for (const useCase of view.useCases.slice(0, 40)) {
    const story = storyOf.get(useCaseInfinitive(useCase, view));
    pool.push({ description: requirementSentence(useCase, view), kind: 'functional', priority: PRIORITY[useCase.priority], stories: story ? [story] : [] });
  }
  for (const constraint of view.model.constraints.slice(0, 10)) pool.push({ description: sentence(constraint.text), kind: 'non-functional', priority: 'P0', stories: [] });
  for (const rule of view.model.rules.slice(0, 10)) pool.push({ description: sentence(rule.text), kind: 'functional', priority: rule.confirmed ? 'P0' : 'P1', stories: [] });
  if (pool.length === 0) pool.push({ description: sentence('The system shall let each person sign in with their own account'), kind: 'functional', priority: 'P0', stories: stories.map((s) => s.id).slice(0, 1) });
  return pool.slice(0, 50).map((r, index) => ({ id: `R-${index + 1}`, ...r }));
}

