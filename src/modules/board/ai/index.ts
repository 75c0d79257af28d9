import { boardContributionTask } from './contribution/index.js';
import { boardFramingTask } from './framing/index.js';
import { boardModeratorTask } from './moderator/index.js';
import { boardSingleAnswerTask } from './single-answer/index.js';
import { boardSynthesisTask } from './synthesis/index.js';
import { boardVoteTask } from './vote/index.js';

export { boardContributionTask, boardFramingTask, boardModeratorTask, boardSingleAnswerTask, boardSynthesisTask, boardVoteTask };
export type { ContributionInput, ContributionOutput } from './contribution/index.js';
export type { FramingInput, FramingOutput } from './framing/index.js';
export type { ModeratorInput, ModeratorOutput } from './moderator/index.js';
export type { SingleAnswerInput, SingleAnswerOutput } from './single-answer/index.js';
export type { SynthesisInput, SynthesisOutput } from './synthesis/index.js';
export type { VoteInput, VoteOutput } from './vote/index.js';
export * from './inputs.js';

/** Every AI task of the board, registered by the module. */
export const boardAiTasks = [boardFramingTask, boardContributionTask, boardModeratorTask, boardVoteTask, boardSingleAnswerTask, boardSynthesisTask] as const;
