import { rolePlural, sentence, withRoleArticle } from '../../../../core/text/compose/index.js';
import { knows, parseText } from '../../../../core/text/nlp/index.js';
import { capitalize, joinList, oneLine } from '../../../../core/text/index.js';
import type { ModelUseCase, ProjectModel } from '../../../project-model/index.js';
import type { StoryPriority } from '../../backlog.contract.js';
import { storySimilarity } from '../similarity.js';
import { common, documentCriteria, mainCriterion, useCaseCriteria } from './criteria.js';
import { investCheck, pointsFor } from './invest.js';
import { MAX_PROPOSALS, type GeneratedProposal, type StoryGenerationInput, type StoryGenerationOutput } from './schema.js';
import { bareWant, sourceStoriesOf, type SourceStory } from './source-stories.js';

/**
 * The offline engine's story proposals. From a PRD the stories are the PRD's own (their titles, personas, benefits
 * and priorities), from an SRS its functional requirements, from the model alone its use cases of people. Each is
 * matched to the model's use case it describes, whose actor, trigger, steps, outcome and rules give its
 * Given/When/Then criteria and its size; a story the model does not know keeps the document's criteria. Epics are
 * the document's user groups. Pure: the same input gives the same proposals.
 */

const MODEL_PRIORITY: Record<ModelUseCase['priority'], StoryPriority> = { must: 'high', should: 'medium', could: 'low' };
/** How alike a story's title and a use case's name must read to be taken for the same thing. */
const USE_CASE_MATCH = 0.5;

type Draft = SourceStory & { useCase?: ModelUseCase | undefined; where: string };

const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

function personaOf(model: ProjectModel, useCase: ModelUseCase | undefined): string | undefined {
  const actor = useCase ? model.actors.find((a) => a.id === useCase.actor) : undefined;
  return actor?.kind === 'person' ? common(actor.name) : undefined;
}

/** The use case a document's story describes: the same name, else the closest one that reads alike enough. */
function matchUseCase(model: ProjectModel, story: SourceStory, taken: Set<string>): ModelUseCase | undefined {
  const title = story.title.toLowerCase();
  const free = model.useCases.filter((uc) => !taken.has(uc.id));
  const exact = free.find((uc) => uc.name.toLowerCase() === title);
  if (exact) return exact;
  let best: { useCase: ModelUseCase; score: number } | undefined;
  for (const useCase of free) {
    const persona = personaOf(model, useCase);
    const score = storySimilarity({ title: story.title }, { title: useCase.name }) + (persona && story.persona === persona ? 0.1 : 0);
    if (score >= USE_CASE_MATCH && (!best || score > best.score)) best = { useCase, score };
  }
  return best?.useCase;
}

function draftsOf(input: StoryGenerationInput): Draft[] {
  const { model, source } = input;
  const documentTitle = source.title.trim() || input.projectName;
  const fromDocument = sourceStoriesOf(source);
  if (fromDocument.length) {
    const taken = new Set<string>();
    return fromDocument.map((story) => {
      const useCase = matchUseCase(model, story, taken);
      if (useCase) taken.add(useCase.id);
      return { ...story, useCase, where: `${story.ref} in “${documentTitle}”` };
    });
  }
  // The model alone: a story per use case of a person, as the PRD writes them.
  return model.useCases
    .filter((uc) => model.actors.find((a) => a.id === uc.actor)?.kind === 'person')
    .map((useCase, index) => ({
      ref: `UC-${index + 1}`,
      title: capitalize(bareWant(useCase.name)),
      persona: personaOf(model, useCase),
      want: lowerFirst(bareWant(useCase.name)),
      ...(useCase.outcome.trim() ? { soThat: oneLine(useCase.outcome).replace(/[.]+$/, '') } : {}),
      priority: MODEL_PRIORITY[useCase.priority],
      criteria: [],
      useCase,
      where: `the use case “${useCase.name}” of the project model`,
    }));
}

const OPENS_OBJECT = new Set(['DET', 'ADP', 'PRON', 'PART', 'ADV', 'NUM']);

/**
 * Whether a heading reads as an imperative ("Book a slot", "Drop off a bike"): its first word is a verb in WordNet and
 * the tagger either calls it one or sees its object or particle next. "Shift calendar", "User registration" and whole
 * sentences do not; a plain "Order parts" is missed, and only quoted (see wantPhrases).
 */
function readsAsImperative(text: string): boolean {
  const tokens = parseText(text)[0]?.tokens ?? [];
  const [first, second] = tokens;
  if (!first || !knows(first.normal, 'verb')) return false;
  return tokens.length === 1 || first.pos === 'VERB' || (second !== undefined && OPENS_OBJECT.has(second.pos));
}

/**
 * What the person wants, for "I want …" and "when they …": a verb phrase as it is ("approve a quote"); a title that
 * is none ("User registration", a whole sentence) quoted, so that the sentences around it stay grammatical.
 */
function wantPhrases(want: string, title: string, isVerbPhrase: boolean): { wantText: string; whenText: string } {
  if (isVerbPhrase) return { wantText: `to ${want}`, whenText: `they ${want}` };
  const quoted = `“${title.replace(/[.!?]+$/, '')}”`;
  return { wantText: quoted, whenText: `they use ${quoted}` };
}

function descriptionOf(draft: Draft, persona: string, wantText: string): string {
  const story = draft.soThat
    ? `As ${withRoleArticle(persona)}, I want ${wantText} so that ${lowerFirst(draft.soThat)}.`
    : `As ${withRoleArticle(persona)}, I want ${wantText}.`;
  // A requirement's own sentence ("The system shall …") says it better than a story line made up around its title.
  return draft.statement && !draft.want ? sentence(draft.statement) : story;
}

function entitiesTouched(useCase: ModelUseCase | undefined): number {
  if (!useCase) return 1;
  return new Set([useCase.entity, ...useCase.steps.map((s) => s.entity)].filter(Boolean)).size;
}

export function composeStoryProposals(input: StoryGenerationInput): StoryGenerationOutput {
  const { model } = input;
  const drafts = draftsOf(input).slice(0, MAX_PROPOSALS);
  const usedIds = new Set<string>();
  const built = drafts.map((draft) => {
    const persona = draft.persona || personaOf(model, draft.useCase) || 'user';
    // A story line's want ("I want to …") and a use case's name are verb phrases; a heading alone may not be.
    const want = draft.want || lowerFirst(draft.title);
    const isVerbPhrase = Boolean(draft.want) || readsAsImperative(want);
    const { wantText, whenText } = wantPhrases(want, draft.title, isVerbPhrase);
    const benefit = draft.soThat || draft.useCase?.outcome.trim() || undefined;
    const parts = { persona, want, when: whenText, isVerbPhrase, benefit };
    const composed = draft.useCase ? useCaseCriteria(model, draft.useCase, parts) : [];
    const seen = new Set(composed.map((c) => c.toLowerCase()));
    // With a use case the model's criteria cover what the document says outside Given/When/Then form.
    const fromDocument = documentCriteria(draft.criteria, persona, Boolean(draft.useCase)).filter((c) => !seen.has(c.toLowerCase()));
    let criteria = [...composed, ...fromDocument].slice(0, 8);
    if (!criteria.length) criteria = [mainCriterion(parts)];
    const rules = draft.useCase ? model.rules.filter((r) => r.entity && r.entity === draft.useCase!.entity).length : 0;
    const steps = draft.useCase?.steps.length ?? 0;
    const storyPoints = pointsFor({ steps, rules, entities: entitiesTouched(draft.useCase), criteria: criteria.length });
    let proposalId = draft.ref.toLowerCase();
    for (let n = 2; usedIds.has(proposalId); n++) proposalId = `${draft.ref.toLowerCase()}-${n}`;
    usedIds.add(proposalId);
    return {
      draft,
      persona,
      steps,
      benefit: Boolean(benefit),
      proposal: {
        proposalId,
        epic: { title: '', description: '' },
        title: draft.title,
        description: descriptionOf(draft, persona, wantText),
        acceptanceCriteria: criteria,
        priority: draft.priority ?? (draft.useCase ? MODEL_PRIORITY[draft.useCase.priority] : 'medium'),
        storyPoints,
        invest: [],
        source: draft.where,
      } satisfies GeneratedProposal,
    };
  });

  const epics = epicsOf(input.projectName, built.map((b) => ({ persona: b.persona, want: b.draft.want || lowerFirst(b.draft.title) })));
  const others = built.map((b) => ({ ref: b.draft.ref, title: b.proposal.title }));
  const proposals = built.map((b) => ({
    ...b.proposal,
    epic: epics.get(b.persona)!,
    invest: investCheck(
      {
        ref: b.draft.ref,
        title: b.proposal.title,
        text: [b.proposal.description, ...b.proposal.acceptanceCriteria].join('\n'),
        benefit: b.benefit,
        criteria: b.proposal.acceptanceCriteria,
        storyPoints: b.proposal.storyPoints,
        steps: b.steps,
      },
      others,
    ),
  }));
  return { epics: [...epics.values()], proposals };
}

/** An epic per user group, in the order the groups first appear: "Customers — what customers do with Spoke: …". */
function epicsOf(projectName: string, stories: ReadonlyArray<{ persona: string; want: string }>): Map<string, { title: string; description: string }> {
  const wants = new Map<string, string[]>();
  for (const story of stories) wants.set(story.persona, [...(wants.get(story.persona) ?? []), story.want]);
  const epics = new Map<string, { title: string; description: string }>();
  for (const [persona, list] of wants) {
    const group = rolePlural(persona);
    const shown = list.slice(0, 4);
    const more = list.length > shown.length ? `, and ${list.length - shown.length} more` : '';
    epics.set(persona, {
      title: capitalize(group),
      description: sentence(`What ${group} do with ${projectName}: ${joinList(shown)}${more}`),
    });
  }
  return epics;
}
