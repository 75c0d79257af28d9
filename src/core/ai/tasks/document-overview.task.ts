import { z } from 'zod';
import {
  asGroup,
  asSentence,
  capitalize,
  clause,
  documentPrompt,
  documentTaskInput,
  joinList,
  MarkdownWriter,
  oneLine,
  primaryGroup,
  priorityWord,
  productKind,
  projectFacts,
  quote,
  shortAction,
  subjectOf,
  truncate,
  unique,
  withArticle,
  type DocumentTaskInput,
  type ProjectFacts,
  type RenderOptions,
} from '../builtin/document-writer.js';
import { defineObjectTask } from '../task.js';
import { projectBriefTask, type ProjectBrief } from './project-brief.task.js';

export const documentOverviewOutput = z
  .object({
    title: z.string().min(1).describe('The product name, as the document title'),
    tagline: z.string().min(1).describe('One line that says what it is and for whom'),
    summary: z.string().min(1).describe('Two to four sentences: what, for whom, why now'),
    problem: z.string().min(1).describe('The problem, in the users’ terms'),
    solution: z.string().min(1).describe('How the product solves it'),
    audience: z
      .array(z.object({ name: z.string().min(1), needs: z.array(z.string().min(1)).max(6) }))
      .min(1)
      .max(6)
      .describe('Who it is for and what each group needs'),
    keyFeatures: z
      .array(z.object({ name: z.string().min(1), description: z.string().min(1), priority: z.enum(['must', 'should', 'could']) }))
      .min(1)
      .max(12)
      .describe('The features of the first release, most important first'),
    goals: z.array(z.string().min(1)).min(1).max(8),
    differentiators: z.array(z.string().min(1)).max(6).describe('Why someone would choose it over today’s alternatives'),
    risks: z.array(z.object({ risk: z.string().min(1), mitigation: z.string().min(1) })).max(8),
    successMetrics: z.array(z.string().min(1)).min(1).max(8),
    nextSteps: z.array(z.string().min(1)).min(1).max(8).describe('What to do next, in order'),
  })
  .describe('A one-page overview of a product idea');

export type DocumentOverview = z.infer<typeof documentOverviewOutput>;

export const documentOverviewTask = defineObjectTask<DocumentTaskInput, DocumentOverview>({
  name: 'document-overview',
  description: 'A one-page product overview (problem, solution, audience, features, risks, next steps) from the idea',
  input: documentTaskInput,
  output: documentOverviewOutput,

  buildPrompt: (input) =>
    documentPrompt(input, {
      system: 'You are a product strategist. You turn a product idea into a clear one-page overview that a founder can share with a team or an investor.',
      asks: [
        `Write the product overview of "${input.projectName}".`,
        'Give: title; tagline; summary; problem; solution; audience groups with their needs; key features with a ' +
          'MoSCoW priority; goals; differentiators; risks with mitigations; success metrics; next steps.',
      ],
    }),

  builtin: (input) => composeOverview(input, projectFacts(input)),
});

// ---------------------------------------------------------------------------------------------------------------
// The offline overview: the project brief's analysis, arranged as an overview

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

// ---------------------------------------------------------------------------------------------------------------
// Markdown

export function renderOverview(overview: DocumentOverview, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, overview.title);
  md.raw(`_${oneLine(overview.tagline).replace(/[_*]/g, '')}_`);
  md.heading(2, 'Summary').paragraph(overview.summary);
  md.heading(2, 'Problem').paragraph(overview.problem);
  md.heading(2, 'Solution').paragraph(overview.solution);
  md.heading(2, 'Who it is for');
  for (const group of overview.audience) md.heading(3, group.name).bullets(group.needs, 'Needs to be learned in interviews.');
  md.heading(2, 'Key features').table(['Feature', 'What it does', 'Priority'], overview.keyFeatures.map((f) => [f.name, f.description, priorityWord[f.priority]]));
  md.heading(2, 'Goals').bullets(overview.goals);
  md.heading(2, 'Why it wins').bullets(overview.differentiators, 'To be worked out against the alternatives.');
  md.heading(2, 'Risks').table(['Risk', 'Mitigation'], overview.risks.map((r) => [r.risk, r.mitigation]), 'No risks identified yet.');
  md.heading(2, 'Success metrics').bullets(overview.successMetrics);
  md.heading(2, 'Next steps').numbered(overview.nextSteps);
  return md.toString();
}
