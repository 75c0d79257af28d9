import { z } from 'zod';
import {
  actorOfSentence,
  asGroup,
  asSentence,
  capabilityOf,
  capitalize,
  clause,
  documentPrompt,
  documentTaskInput,
  entitiesOf,
  featureName,
  isStopWord,
  joinList,
  MarkdownWriter,
  mentions,
  passageOf,
  pluralize,
  primaryGroup,
  productKind,
  projectFacts,
  qualityCategory,
  quote,
  shortAction,
  singularPhrase,
  sourceText,
  subjectOf,
  unique,
  uncoveredFunctional,
  withArticle,
  type DocumentTaskInput,
  type ProjectFacts,
  type RenderOptions,
} from '../builtin/document-writer.js';
import type { Priority } from '../../../modules/projects/idea-analysis/index.js';
import { defineObjectTask } from '../task.js';

const prdPriority = z.enum(['P0', 'P1', 'P2']).describe('P0: needed for launch; P1: expected soon after; P2: nice to have');
const sourceIds = z.array(z.string().min(1)).max(10).describe('Ids of the input sections (or "idea", "answer-n") it comes from');

export const documentPrdOutput = z
  .object({
    title: z.string().min(1).describe('The document title, naming the product'),
    summary: z.string().min(1).describe('What the product is, for whom and why, in two to four sentences'),
    problem: z.string().min(1).describe('The problem it solves and for whom'),
    goals: z.array(z.string().min(1)).min(1).max(10).describe('What the release must achieve'),
    nonGoals: z.array(z.string().min(1)).min(1).max(10).describe('What it deliberately does not do'),
    personas: z
      .array(
        z.object({
          name: z.string().min(1).describe('The user group, e.g. "Dog owners"'),
          description: z.string().min(1),
          goals: z.array(z.string().min(1)).max(8),
          painPoints: z.array(z.string().min(1)).max(8),
        }),
      )
      .min(1)
      .max(6)
      .describe('The users the product serves'),
    userStories: z
      .array(
        z.object({
          id: z.string().regex(/^US-\d+$/).describe('US-1, US-2 … in order'),
          persona: z.string().min(1).describe('The persona, singular: "dog owner"'),
          want: z.string().min(1).describe('What they want to do, starting with a verb'),
          soThat: z.string().min(1).describe('Why: the benefit to them'),
          priority: prdPriority,
          acceptanceCriteria: z.array(z.string().min(1)).min(1).max(6).describe('Testable conditions, Given/When/Then where it helps'),
          sources: sourceIds,
        }),
      )
      .min(1)
      .max(30)
      .describe('User stories: As a … I want … so that …'),
    requirements: z
      .array(
        z.object({
          id: z.string().regex(/^R-\d+$/).describe('R-1, R-2 … in order'),
          description: z.string().min(1),
          kind: z.enum(['functional', 'non-functional']),
          priority: prdPriority,
          stories: z.array(z.string().regex(/^US-\d+$/)).max(10).describe('The user stories it serves'),
        }),
      )
      .min(1)
      .max(50)
      .describe('The requirement pool with priorities'),
    successMetrics: z
      .array(z.object({ metric: z.string().min(1), target: z.string().min(1).describe('The number to reach and by when') }))
      .min(1)
      .max(10)
      .describe('How success is measured'),
    openQuestions: z.array(z.string().min(1)).max(15).describe('What is still to be decided'),
  })
  .describe('A product requirements document');

export type DocumentPrd = z.infer<typeof documentPrdOutput>;
type Story = DocumentPrd['userStories'][number];
type PrdPriority = Story['priority'];

export const documentPrdTask = defineObjectTask<DocumentTaskInput, DocumentPrd>({
  name: 'document-prd',
  description: 'A product requirements document (goals, personas, user stories, prioritised requirements, metrics) from the idea',
  input: documentTaskInput,
  output: documentPrdOutput,

  buildPrompt: (input) =>
    documentPrompt(input, {
      system:
        'You are an experienced product manager. You write product requirements documents that a team can plan a ' +
        'release from: concrete goals, real personas, user stories with testable acceptance criteria and priorities.',
      asks: [
        `Write the product requirements document of "${input.projectName}".`,
        'Give: title; summary; problem; goals; non-goals; personas (goals, pain points); user stories US-1, US-2 … ' +
          '("As a <persona>, I want <want> so that <soThat>") each with acceptance criteria and a priority P0/P1/P2; ' +
          'a requirement pool R-1, R-2 … (functional and non-functional) with priorities and the stories each serves; ' +
          'success metrics with targets; open questions.',
      ],
    }),

  builtin: (input) => composePrd(projectFacts(input)),
});

// ---------------------------------------------------------------------------------------------------------------
// The offline PRD

const TO_PRD: Record<Priority, PrdPriority> = { must: 'P0', should: 'P1', could: 'P2' };

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

const PURPOSE = /\b(?:so that|in order to|so they can|so we can|so I can)\s+([^.;!?]+)/i;

function benefitOf(facts: ProjectFacts, action: string, sentence: string): string {
  const stated = PURPOSE.exec(sentence)?.[1];
  if (stated) return clause(stated);
  const act = action.toLowerCase();
  const object = objectOf(action) || subjectOf(facts);
  if (/^(?:search|find|browse|compare|discover|look)/.test(act)) return `I can choose the right ${object} quickly`;
  if (/^(?:book|schedule|reserve|order|request|hire|buy|rent|borrow)/.test(act)) return 'I know it is confirmed without calling or messaging around';
  if (/^(?:confirm|accept|approve|decline|reject|assign)/.test(act)) return 'everyone involved knows where they stand';
  if (/^(?:sell|offer|publish|post|list|advertise|lend|share)/.test(act)) return `the right people find my ${object} without me chasing them`;
  if (/^(?:track|log|record|monitor|measure)/.test(act)) return `I have an accurate record of ${object} when I need it`;
  if (/^(?:pay|invoice|charge|split|tip|get paid|receive)/.test(act)) return 'money is settled on time without chasing it';
  if (/^(?:message|invite|notify|rate|review|comment|vote|chat|contact)/.test(act)) return 'everyone involved sees the same information';
  if (/^(?:see|view|read|check|get|know|follow|watch)/.test(act)) return 'I can decide with confidence';
  if (/^(?:create|add|edit|manage|organi[sz]e|plan|set|update|upload|keep)/.test(act)) return `${object} stay up to date in one place`;
  return `it takes me less time and effort than today`;
}

const TRAILING = /^(?:nearby|online|quickly|weekly|daily|monthly|together|later|now|today|instantly|again|easily|directly)$/i;

/** What an action acts on: "sell surplus meals to neighbours" → "surplus meals"; "get paid weekly" → "". */
function objectOf(action: string): string {
  const words = clause(action).split(' ').slice(1);
  if (/^(?:paid|started|notified|matched)$/i.test(words[0] ?? '')) return '';
  const cut = words.findIndex((word, index) => index > 0 && ((isStopWord(word) && !/^(?:a|an|the|each|every|their|my|our|your)$/i.test(word)) || TRAILING.test(word)));
  return words.slice(0, cut === -1 ? words.length : cut).join(' ').replace(/^(?:a|an|the|each|every|their|my|our|your)\s+/i, '');
}

function userStoriesOf(facts: ProjectFacts): Story[] {
  const drafts: Array<Omit<Story, 'id'>> = [];
  const seen = new Set<string>();
  const add = (story: Omit<Story, 'id'>): void => {
    const key = `${story.persona}|${story.want}`.toLowerCase();
    if (seen.has(key) || drafts.length >= 24) return;
    seen.add(key);
    drafts.push(story);
  };
  for (const action of facts.analysis.actions) {
    const sentence = facts.analysis.sentences[action.sentenceIndex] ?? '';
    const persona = singularPhrase(asGroup(action.actor));
    const want = clause(action.action);
    add({
      persona,
      want: `to ${want}`,
      soThat: benefitOf(facts, want, sentence),
      priority: TO_PRD[action.priority],
      acceptanceCriteria: storyCriteria(facts, persona, want, action.priority),
      sources: sourcesOf(facts, sentence),
    });
  }
  for (const requirement of uncoveredFunctional(facts)) {
    const capability = capabilityOf(requirement.text);
    if (!capability) continue;
    const actor = actorOfSentence(facts, requirement.text);
    const persona = singularPhrase(actor ? asGroup(actor) : primaryGroup(facts));
    add({
      persona,
      want: actor ? `to ${clause(capability)}` : `${facts.name} to ${clause(capability)}`,
      soThat: benefitOf(facts, capability, requirement.text),
      priority: TO_PRD[requirement.priority],
      acceptanceCriteria: actor ? storyCriteria(facts, persona, capability, requirement.priority) : systemCriteria(facts, persona, capability),
      sources: requirement.sources,
    });
  }
  for (const entity of entitiesOf(facts)) {
    if (entity.attributes.length === 0) continue;
    const persona = singularPhrase(primaryGroup(facts));
    add({
      persona,
      want: `to keep each ${entity.name} with its ${joinList(entity.attributes.slice(0, 4))}`,
      soThat: `I find every ${entity.name} again with all its details`,
      priority: 'P1',
      acceptanceCriteria: [
        `${capitalize(withArticle(entity.name))} cannot be saved without ${entity.attributes[0]}; the form names the missing field.`,
        `A saved ${entity.name} shows ${joinList(entity.attributes.slice(0, 5))} after a reload.`,
      ],
      sources: sourcesOf(facts, facts.analysis.sentences.find((s) => mentions(s, entity.name)) ?? ''),
    });
  }
  if (drafts.length === 0) {
    const persona = singularPhrase(primaryGroup(facts));
    add({
      persona,
      want: `to use ${facts.name} for ${subjectOf(facts)}`,
      soThat: 'I no longer need my current workaround',
      priority: 'P0',
      acceptanceCriteria: [`A ${persona} can complete what the idea describes: ${quote(facts.idea, 200)}.`, 'The result is saved and shown again after a reload.'],
      sources: ['idea'],
    });
  }
  if (!drafts.some((d) => d.priority === 'P0') && drafts[0]) drafts[0] = { ...drafts[0], priority: 'P0' };
  const order: Record<PrdPriority, number> = { P0: 0, P1: 1, P2: 2 };
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => order[a.draft.priority] - order[b.draft.priority] || a.index - b.index)
    .map(({ draft }, index) => ({ id: `US-${index + 1}`, ...draft }));
}

function storyCriteria(facts: ProjectFacts, persona: string, want: string, level: Priority): string[] {
  const act = clause(shortAction(want, 12));
  const reads = /^(?:see|view|browse|find|search|compare|check|read|look|track|follow|discover|watch|know)\b/i.test(act);
  const criteria = [
    reads
      ? `Given I am a signed-in ${persona}, when I ${act}, then I see the result within 2 seconds.`
      : `Given I am a signed-in ${persona}, when I ${act}, then ${facts.name} saves it and shows me a confirmation.`,
  ];
  const entity = entitiesOf(facts).find((e) => mentions(want, e.name) && e.attributes.length);
  if (entity) criteria.push(`Each ${entity.name} shows ${joinList(entity.attributes.slice(0, 4))}.`);
  const other = facts.groups.find((g) => singularPhrase(g) !== persona && mentions(want, singularPhrase(g).split(' ').at(-1) ?? g));
  if (other && !reads) criteria.push(`The ${other} involved are notified.`);
  criteria.push(level === 'must' && !reads ? 'If something required is missing, nothing is saved and I am told what is missing.' : `It takes a new ${persona} no more than a few steps.`);
  return criteria;
}

/** Criteria of something the product does on its own (sends, reminds, shows): the persona does not do it. */
function systemCriteria(facts: ProjectFacts, persona: string, capability: string): string[] {
  const act = clause(shortAction(capability, 12));
  const shows = /^(?:show|display|list|present|highlight)\b/i.test(act);
  return [
    shows
      ? `Given I am a signed-in ${persona}, when I open ${facts.name}, then it ${thirdPerson(act)}.`
      : `Given I am a signed-in ${persona}, when it is due, then ${facts.name} ${thirdPerson(act)} without my asking.`,
    `If ${facts.name} cannot ${act}, it tells me why and what to do.`,
  ];
}

/** "send pickup reminders" → "sends pickup reminders": the first word as a verb in the third person. */
export function thirdPerson(verbPhrase: string): string {
  const [verb = '', ...rest] = verbPhrase.split(' ');
  const irregular: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };
  const conjugated = irregular[verb]
    ?? (/[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : /(?:s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`);
  return [conjugated, ...rest].join(' ');
}

/** What a story wants done, without its "to" or "<product> to": the part a title or a requirement names. */
function wantedAction(want: string): string {
  if (/^to /.test(want)) return want.slice(3);
  const match = /^.*?\bto\s+(.+)$/.exec(want);
  return match?.[1] ?? want;
}

function sourcesOf(facts: ProjectFacts, sentence: string): string[] {
  if (!sentence) return [];
  const passage = passageOf(facts, sentence);
  return passage ? [passage.id] : [];
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

// ---------------------------------------------------------------------------------------------------------------
// Markdown

export function renderPrd(prd: DocumentPrd, options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, prd.title);
  md.heading(2, 'Summary').paragraph(prd.summary);
  md.heading(2, 'Problem').paragraph(prd.problem);
  md.heading(2, 'Goals').bullets(prd.goals);
  md.heading(2, 'Non-goals').bullets(prd.nonGoals);
  md.heading(2, 'Users and personas');
  for (const persona of prd.personas) {
    md.heading(3, persona.name).paragraph(persona.description);
    md.paragraph('Goals:').bullets(persona.goals, 'To be learned in interviews.');
    md.paragraph('Pain points:').bullets(persona.painPoints, 'To be learned in interviews.');
  }
  md.heading(2, 'User stories');
  md.table(['ID', 'Story', 'Priority'], prd.userStories.map((s) => [s.id, storyLine(s), s.priority]));
  for (const story of prd.userStories) {
    md.heading(3, `${story.id} ${featureName(wantedAction(story.want))}`);
    md.paragraph(storyLine(story));
    md.fields([['Priority', story.priority], ['Source', sourceText(story.sources, options)]]);
    md.paragraph('Acceptance criteria:').bullets(story.acceptanceCriteria);
  }
  md.heading(2, 'Requirement pool');
  for (const level of ['P0', 'P1', 'P2'] as const) {
    const rows = prd.requirements.filter((r) => r.priority === level);
    if (rows.length === 0) continue;
    md.heading(3, `${level} ${level === 'P0' ? 'Must have for launch' : level === 'P1' ? 'Should have soon after' : 'Nice to have'}`);
    md.table(['ID', 'Requirement', 'Kind', 'Stories'], rows.map((r) => [r.id, r.description, r.kind, r.stories.join(', ')]));
  }
  md.heading(2, 'Success metrics').table(['Metric', 'Target'], prd.successMetrics.map((m) => [m.metric, m.target]));
  md.heading(2, 'Open questions').numbered(prd.openQuestions, 'None.');
  return md.toString();
}

function storyLine(story: Story): string {
  const persona = story.persona.replace(/^(?:an?|the)\s+/i, '');
  const want = /^(?:to|the|a|an)\b/i.test(story.want) || /\bto\b/.test(story.want.split(' ').slice(0, 4).join(' ')) ? story.want : `to ${story.want}`;
  return `As ${withArticle(persona)}, I want ${want} so that ${clause(story.soThat)}.`;
}
