import type { PromptParts } from '../../../../core/ai/task.js';
import type { StoryEstimateInput } from './schema.js';

/** What a remote model gets: the new story and the finished stories closest to it, with their points. */
export function storyEstimatePrompt(input: StoryEstimateInput): PromptParts {
  const finished = input.candidates.map((c) => ({ storyId: c.storyId, key: c.key, title: c.title, description: c.description.slice(0, 1000), storyPoints: c.storyPoints, similarity: c.similarity }));
  return {
    system: 'You are an agile coach who estimates user stories by comparing them with stories the team has finished.',
    prompt: [
      'Suggest story points for the new story by comparing it with the finished stories below (their points are what the team spent).',
      'List in comparedTo only the finished stories you actually compared with, copying their storyId, key, title, storyPoints and similarity.',
      'When none of them is really alike, answer storyPoints null with an honest explanation: do not guess.',
      'The explanation is one or two plain sentences naming the stories compared with.',
      '',
      '<new-story>',
      JSON.stringify(input.story),
      '</new-story>',
      '<finished-stories>',
      JSON.stringify(finished),
      '</finished-stories>',
    ].join('\n'),
  };
}
