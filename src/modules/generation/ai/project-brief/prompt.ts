import type { PromptParts } from '../../../../core/ai/task.js';
import type { ProjectBriefInput } from './schema.js';

/** What a remote model gets: the sections of a brief to write, the idea and the answers to the clarifying questions. */
export const projectBriefPrompt = ({ name, idea, answers }: ProjectBriefInput): PromptParts => ({
  system:
    'You are an experienced product manager. You turn a rough product idea into a concise, concrete project brief ' +
    'that a small team can start from. Stay specific to the idea; where it leaves something open, make a ' +
    'reasonable assumption and keep it modest rather than inventing detail.',
  prompt: [
    `Write the project brief for "${name}".`,
    'Give: a title; a summary (two to four sentences); the problem; up to 8 goals; up to 6 target user groups with ' +
      'their needs; up to 12 features with a MoSCoW priority (must/should/could) for a first release; up to 8 risks ' +
      'with mitigations; and up to 8 measurable success metrics.',
    '',
    '<idea>',
    idea,
    '</idea>',
    ...(answers?.length
      ? ['', 'The author answered these clarifying questions:', ...answers.map((a) => `Q: ${a.question}\nA: ${a.answer || '(no answer)'}`)]
      : []),
  ].join('\n'),
});
