import { capitalize, joinList, pluralize, singularPhrase } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import {
  asSentence,
  clause,
  entitiesOf,
  mentions,
  primaryGroup,
  productKind,
  qualityCategory,
  quote,
  shortAction,
  subjectOf,
  unique,
  type ProjectFacts,
} from '../document-writer/index.js';
import type { DocumentPrd, Story } from './schema.js';
import { thirdPerson, TO_PRD, userStoriesOf, wantedAction } from './user-stories.js';

// The offline PRD: summary, goals, personas, user stories (see user-stories.ts), requirements and success metrics.
export function composePrd(facts: ProjectFacts): DocumentPrd {
  const stories = userStoriesOf(facts);
  return {
    title: `${facts.name} — Product Requirements`,
    summary: summaryOf(facts),
    problem: problemOf(facts),
    goals: goalsOf(facts),
    nonGoals: nonGoalsOf(facts, stories),
    personas: personasOf(facts),
    userStories: stories,
    requirements: requirementPool(facts, stories),
    successMetrics: metricsOf(facts),
    openQuestions: openQuestionsOf(facts),
  };
}

function summaryOf(facts: ProjectFacts): string {
  const parts = [asSentence(facts.ideaSummary || `${facts.name} is a new ${productKind(facts)}`)];
  if (facts.groups.length) parts.push(`${facts.name} is ${withKind(facts)} for ${joinList(facts.groups.slice(0, 3))}, centred on ${subjectOf(facts)}.`);
  if (facts.instructions) parts.push(`This PRD follows the author's instructions: ${quote(facts.instructions, 200)}.`);
  return parts.join(' ');
}

function withKind(facts: ProjectFacts): string {
  const kind = productKind(facts);
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

function problemOf(facts: ProjectFacts): string {
  if (facts.problems.length) return facts.problems.slice(0, 2).map((p) => asSentence(p)).join(' ');
  const group = facts.groups[0] ? capitalize(facts.groups[0]) : 'The people this is for';
  const action = facts.analysis.actions[0];
  const what = action ? clause(shortAction(action.action, 10)) : `keep track of ${subjectOf(facts)}`;
  return `${group} have no dedicated, reliable way to ${what} today. The idea does not describe the current workaround, so confirm the problem with five to ten ${facts.groups[0] ?? 'target users'} before building.`;
}

function goalsOf(facts: ProjectFacts): string[] {
  const goals = facts.analysis.actions.slice(0, 4).map((a) => `${capitalize(asGroup(a.actor))} can ${clause(shortAction(a.action, 10))} in ${facts.name} without a workaround.`);
  const entities = entitiesOf(facts).filter((e) => e.attributes.length).map((e) => pluralize(e.name));
  if (entities.length) goals.push(`One reliable record of ${joinList(entities.slice(0, 3))} for ${primaryGroup(facts)}.`);
  for (const statement of facts.successStatements.slice(0, 2)) goals.push(`Reach the stated target: ${quote(statement, 200)}.`);
  if (goals.length < 2) goals.push(`${capitalize(primaryGroup(facts))} choose ${facts.name} for ${subjectOf(facts)} over their current approach.`);
  goals.push(`Launch a first release of ${facts.name} with every P0 story and learn from ${primaryGroup(facts)} before widening the scope.`);
  return unique(goals).slice(0, 10);
}

function nonGoalsOf(facts: ProjectFacts, stories: Story[]): string[] {
  const nonGoals: string[] = [];
  const later = stories.filter((s) => s.priority === 'P2').map((s) => `“${clause(s.want)}”`);
  if (later.length) nonGoals.push(`Not in the first release: ${joinList(later.slice(0, 3))} (P2; revisit after launch).`);
  if (!facts.platformStated) nonGoals.push('Native iOS and Android apps at launch: the first release is a responsive web app.');
  for (const name of facts.integrations.slice(0, 2)) nonGoals.push(`Replacing ${name}: ${facts.name} works alongside it.`);
  if (facts.cues.payments) nonGoals.push(`Building our own payment processing: ${facts.name} uses an established provider.`);
  nonGoals.push(`Serving people other than ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'the primary users'} in the first release.`);
  return unique(nonGoals).slice(0, 10);
}

function personasOf(facts: ProjectFacts): DocumentPrd['personas'] {
  if (facts.analysis.actors.length === 0) {
    return [
      {
        name: 'Primary users (not yet named)',
        description: `The people who will use ${facts.name} for ${subjectOf(facts)}; the idea does not name them yet.`,
        goals: facts.analysis.actions.slice(0, 3).map((a) => capitalize(clause(shortAction(a.action, 10)))).concat([`A simple, dependable way to handle ${subjectOf(facts)}`]).slice(0, 4),
        painPoints: facts.problems.length ? facts.problems.slice(0, 3) : ['Unknown until they are interviewed: see the open questions.'],
      },
    ];
  }
  return facts.analysis.actors.slice(0, 6).map((actor, index) => {
    const group = facts.groups[index] ?? asGroup(actor);
    const own = facts.analysis.actions.filter((a) => a.actor === actor).map((a) => capitalize(clause(shortAction(a.action, 10))));
    const pains = facts.problems.filter((p) => mentions(p, singularPhrase(group).split(' ').at(-1) ?? group));
    const painPoints = pains.length
      ? pains.slice(0, 3)
      : own.length
        ? [`No dedicated way to ${own[0]?.toLowerCase()} today (to confirm in interviews).`]
        : [`Their part in ${subjectOf(facts)} is not yet described (to confirm in interviews).`];
    return {
      name: capitalize(group),
      description: index === 0
        ? `The primary users of ${facts.name}${own.length ? `: they ${joinList(own.slice(0, 3).map((o) => o.toLowerCase()))}` : ''}.`
        : `${capitalize(group)}, whom ${facts.groups[0] ?? 'the primary users'} depend on${own.length ? `: they ${joinList(own.slice(0, 3).map((o) => o.toLowerCase()))}` : ''}.`,
      goals: own.length ? own.slice(0, 5) : [`Take part in ${subjectOf(facts)} with as little effort as possible`],
      painPoints,
    };
  });
}

function requirementPool(facts: ProjectFacts, stories: Story[]): DocumentPrd['requirements'] {
  const pool: Array<Omit<DocumentPrd['requirements'][number], 'id'>> = stories.map((story) => ({
    // A story the product fulfils on its own is a requirement on the product, not something its users do.
    description: story.want.startsWith(`${facts.name} to `)
      ? `${facts.name} ${thirdPerson(clause(wantedAction(story.want)))}.`
      : `${capitalize(pluralize(story.persona))} can ${clause(wantedAction(story.want))}.`,
    kind: 'functional',
    priority: story.priority,
    stories: [story.id],
  }));
  for (const requirement of facts.requirements) {
    if (requirement.kind !== 'non-functional') continue;
    pool.push({ description: `${capitalize(qualityCategory(requirement.text))}: ${quote(requirement.text, 240)}.`, kind: 'non-functional', priority: TO_PRD[requirement.priority], stories: [] });
  }
  const stated = new Set(facts.requirements.filter((r) => r.kind === 'non-functional').map((r) => qualityCategory(r.text)));
  const everyone = facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users';
  if (!stated.has('security')) pool.push({ description: `Security: ${everyone} sign in, and each sees only what their role allows.`, kind: 'non-functional', priority: 'P0', stories: [] });
  if (!stated.has('performance')) pool.push({ description: `Performance: screens that list ${subjectOf(facts)} load within 2 seconds.`, kind: 'non-functional', priority: 'P1', stories: [] });
  if (!stated.has('privacy') && (facts.personalData.length || facts.groups.length)) {
    pool.push({ description: `Privacy: personal data of ${everyone} can be exported and deleted on request.`, kind: 'non-functional', priority: facts.personalData.length ? 'P0' : 'P1', stories: [] });
  }
  if (!stated.has('accessibility')) pool.push({ description: 'Accessibility: screens meet WCAG 2.1 AA.', kind: 'non-functional', priority: 'P2', stories: [] });
  return pool.slice(0, 50).map((r, index) => ({ id: `R-${index + 1}`, ...r }));
}

function metricsOf(facts: ProjectFacts): DocumentPrd['successMetrics'] {
  const metrics: DocumentPrd['successMetrics'] = [];
  for (const { question, answer } of facts.answers) {
    if (/\b(success|measure|metric|kpi|goal|target)\w*/i.test(question) && answer.trim()) metrics.push({ metric: 'What the author said success means', target: asSentence(answer) });
  }
  for (const statement of facts.successStatements) metrics.push({ metric: 'Stated target', target: asSentence(statement) });
  const first = facts.analysis.actions[0];
  const group = primaryGroup(facts);
  if (first) {
    metrics.push({ metric: `Share of new ${asGroup(first.actor)} who ${clause(shortAction(first.action, 8))} within 7 days of signing up`, target: 'At least 40% by the end of the beta (initial target to revisit).' });
    metrics.push({ metric: `Weekly number of times ${asGroup(first.actor)} ${clause(shortAction(first.action, 8))}`, target: 'Grows week over week for the first 8 weeks after launch.' });
  }
  metrics.push({ metric: `Share of ${group} still active 30 days after signing up`, target: 'At least 25% (initial target to revisit).' });
  if (facts.cues.marketplace && facts.groups.length >= 2) metrics.push({ metric: `Share of requests from ${facts.groups[0]} that ${facts.groups[1]} accept`, target: 'At least 70% within 24 hours.' });
  return metrics.slice(0, 10);
}

function openQuestionsOf(facts: ProjectFacts): string[] {
  const questions = [...facts.unanswered];
  if (facts.groups.length === 0) questions.push('Who exactly are the users, and how do they manage today?');
  if (!facts.platformStated) questions.push(`Where will ${primaryGroup(facts)} use ${facts.name}: phone, browser or a tool they already use?`);
  if (!facts.scale) questions.push(`How many ${primaryGroup(facts)} are expected in the first year?`);
  if (facts.cues.payments) questions.push('Who pays, how much, and what are the refund rules?');
  else questions.push(`How will ${facts.name} make money or be funded?`);
  if (!facts.successStatements.length) questions.push('Which number must change, and by how much, for the first release to count as a success?');
  return unique(questions).slice(0, 15);
}
