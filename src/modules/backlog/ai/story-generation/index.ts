import { defineObjectTask, type ProseField } from '../../../../core/ai/task.js';
import { composeStoryProposals } from './offline.js';
import { storyGenerationPrompt } from './prompt.js';
import { storyGenerationInput, storyGenerationOutput, type StoryGenerationInput, type StoryGenerationOutput } from './schema.js';

export { storyGenerationInput, storyGenerationOutput, MAX_STORY_SOURCE, type GeneratedProposal, type StoryGenerationInput, type StoryGenerationOutput, type StorySourceKind } from './schema.js';
export { composeStoryProposals } from './offline.js';
export { normalizeProposals } from './normalize.js';

/** The proposals' human text: titles as labels, descriptions, criteria and INVEST notes as sentences. */
function proseOf(output: StoryGenerationOutput): ProseField[] {
  const fields: ProseField[] = [];
  output.epics.forEach((epic, i) => {
    fields.push({ path: `epics.${i}.title`, text: epic.title, kind: 'title' });
    if (epic.description.trim()) fields.push({ path: `epics.${i}.description`, text: epic.description, kind: 'prose' });
  });
  output.proposals.forEach((proposal, i) => {
    fields.push({ path: `proposals.${i}.title`, text: proposal.title, kind: 'title' });
    fields.push({ path: `proposals.${i}.description`, text: proposal.description, kind: 'prose' });
    proposal.acceptanceCriteria.forEach((criterion, j) => fields.push({ path: `proposals.${i}.acceptanceCriteria.${j}`, text: criterion, kind: 'prose' }));
    proposal.invest.forEach((check, j) => fields.push({ path: `proposals.${i}.invest.${j}.note`, text: check.note, kind: 'prose' }));
  });
  return fields;
}

export const storyGenerationTask = defineObjectTask<StoryGenerationInput, StoryGenerationOutput>({
  name: 'story-generation',
  generationType: 'story',
  description: 'Epics and user stories with Given/When/Then criteria, priorities, points and an INVEST check, proposed from a PRD, an SRS or the project model',
  input: storyGenerationInput,
  output: storyGenerationOutput,
  buildPrompt: storyGenerationPrompt,
  builtin: (input) => composeStoryProposals(input),
  prose: proseOf,
});
