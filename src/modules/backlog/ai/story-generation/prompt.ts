import type { PromptParts } from '../../../../core/ai/task.js';
import type { StoryGenerationInput } from './schema.js';

const SOURCE_NAMES: Record<StoryGenerationInput['source']['kind'], string> = {
  prd: 'product requirements document (PRD)',
  srs: 'software requirements specification (SRS)',
  document: 'project document',
  model: 'project model',
};

/** What a remote model gets: the document (or none), the project model, and the rules a good backlog story follows. */
export function storyGenerationPrompt(input: StoryGenerationInput): PromptParts {
  const { source } = input;
  const lines = [
    source.kind === 'model'
      ? `Propose the backlog of "${input.projectName}" from its project model below: epics and user stories.`
      : `Propose the backlog of "${input.projectName}" from its ${SOURCE_NAMES[source.kind]} below: epics and user stories.`,
    source.kind === 'prd'
      ? "Take the PRD's own user stories, one proposal each, keeping their titles (verb first, as the document's headings name them) and priorities (P0 high, P1 medium, P2 low)."
      : source.kind === 'srs'
        ? 'Take each functional requirement as one proposal titled by what the user does (verb first); Must is high, Should medium, Could low.'
        : 'Take each use case of a person as one proposal titled by what the user does (verb first).',
    'Group the proposals into a few epics (a user group or a feature area); every proposal names its epic exactly as listed in `epics`.',
    'For each proposal:',
    '- proposalId: unique, short, lower case (the document id such as "us-3" where there is one);',
    '- description: "As a <persona>, I want to <goal> so that <benefit>." and nothing invented beyond the sources;',
    '- acceptanceCriteria: two to six, each one sentence "Given <situation>, when <event>, then <outcome>." drawn from the use case (actor, trigger, steps, outcome) and the rules in the project model;',
    '- storyPoints: 1, 2, 3, 5 or 8 from its size (steps, rules, records touched);',
    '- invest: the six INVEST criteria (independent, negotiable, valuable, estimable, small, testable), each with ok and a one-sentence note; a story that names another proposed story is not independent, one with many steps or criteria is not small, one without criteria is not testable;',
    '- source: where it comes from ("US-3 in <document title>", or the use case).',
    'Write plain, grammatical English: no placeholders, no Markdown in the fields.',
    '',
    '<project-model>',
    JSON.stringify(input.model),
    '</project-model>',
  ];
  if (source.kind !== 'model') {
    lines.push('', `<document title="${source.title.replace(/"/g, "'")}">`, source.markdown, '</document>');
  }
  if (input.instructions) lines.push('', '<instructions>', input.instructions, '</instructions>');
  return {
    system: 'You are an experienced product owner who writes small, testable user stories with Given/When/Then acceptance criteria.',
    prompt: lines.join('\n'),
  };
}
