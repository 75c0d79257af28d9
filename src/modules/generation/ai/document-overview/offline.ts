import { capitalize, joinList, oneLine, truncate } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import {
  asSentence,
  clause,
  primaryGroup,
  productKind,
  quote,
  shortAction,
  subjectOf,
  unique,
  withArticle,
  type DocumentTaskInput,
  type ProjectFacts,
} from '../document-writer/index.js';
import { projectBriefTask, type ProjectBrief } from '../project-brief/index.js';
import type { DocumentOverview } from './schema.js';

// The offline overview: the project brief's analysis, arranged as an overview.

export function composeOverview(input: DocumentTaskInput, facts: ProjectFacts): DocumentOverview {
  const brief = briefOf(input, facts);
  const kind = productKind(facts);
  const groups = facts.groups.length ? joinList(facts.groups.slice(0, 2)) : 'people who need it';
  const actions = facts.analysis.actions.slice(0, 2).map((a) => `${asGroup(a.actor)} ${clause(shortAction(a.action, 8))}`);
  return {
    title: facts.name,
    tagline: `${capitalize(withArticle(kind))} for ${groups}${facts.topics[0] ? `, built around ${facts.topics[0]}` : ''}.`,
    summary: brief.summary.replace(/\s*This draft was composed by Atelier's offline engine from the idea as written\.?/, '').trim() || asSentence(facts.ideaSummary),
    problem: brief.problem,
    solution: actions.length
      ? `${facts.name} lets ${joinList(actions)} in one place${facts.cues.marketplace ? ', matching both sides and handling the follow-up' : ''}. ${brief.features.length > 1 ? `The first release adds ${joinList(brief.features.slice(1, 4).map((f) => f.name.toLowerCase()))}.` : ''}`.trim()
      : `${facts.name} gives ${groups} one place for ${subjectOf(facts)}: ${quote(facts.ideaSummary, 240)}.`,
    audience: brief.targetUsers.map((user) => ({ name: user.name, needs: user.needs.slice(0, 6) })),
    keyFeatures: brief.features,
    goals: brief.goals,
    differentiators: differentiatorsOf(facts),
    risks: brief.risks,
    successMetrics: brief.successMetrics,
    nextSteps: nextStepsOf(facts, brief),
  };
}

/** The project brief of the same input (idea, answers, and the sources' text appended to the idea). */
function briefOf(input: DocumentTaskInput, facts: ProjectFacts): ProjectBrief {
  const sourceText = (input.sources ?? []).flatMap((s) => s.sections.map((section) => section.text)).join('\n\n');
  const idea = truncate(sourceText ? `${facts.idea}\n\n${sourceText}` : facts.idea, 20_000);
  const answers = (input.answers ?? []).slice(0, 10).map((a) => ({ question: truncate(oneLine(a.question), 1000), answer: truncate(a.answer.trim(), 4000) }));
  return projectBriefTask.builtin(projectBriefTask.input.parse({ name: truncate(facts.name, 255), idea, answers }), {});
}

function differentiatorsOf(facts: ProjectFacts): string[] {
  const items: string[] = [];
  const group = primaryGroup(facts);
  if (facts.problems[0]) items.push(`Made for the problem ${group} describe: ${quote(facts.problems[0], 160)}.`);
  if (facts.cues.marketplace && facts.groups.length >= 2) items.push(`Trust built in for both sides: ${facts.groups[0]} see who they deal with, ${facts.groups[1]} know what is expected.`);
  if (facts.cues.location) items.push('Local first: what is nearby comes first.');
  if (facts.integrations.length) items.push(`Works with the tools already in use (${joinList(facts.integrations)}).`);
  if (facts.cues.ai) items.push('Suggestions that save time, always with a person in control.');
  items.push(`Focused on ${subjectOf(facts)} for ${group}, rather than a general-purpose tool they have to adapt.`);
  return unique(items).slice(0, 6);
}

function nextStepsOf(facts: ProjectFacts, brief: ProjectBrief): string[] {
  const group = primaryGroup(facts);
  const must = brief.features.filter((f) => f.priority === 'must').map((f) => `“${f.name}”`);
  return unique([
    `Interview five to ten ${group} to confirm the problem and the first features.`,
    ...facts.unanswered.slice(0, 2).map((q) => `Answer the open question: ${q}`),
    `Prototype ${must.length ? joinList(must.slice(0, 3)) : 'the main workflow'} and test it with ${group}.`,
    'Write the PRD and the technical plan (see the PRD, Tech and Tasks documents of this version).',
    `Launch a small beta of ${facts.name} and measure the success metrics weekly.`,
  ]).slice(0, 8);
}
