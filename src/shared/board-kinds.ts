/**
 * The board's fixed vocabularies, shared by the server's contract and the web (which imports contracts as types
 * only). Free of Node and DOM APIs.
 */

/** Seed 001's session statuses. */
export const sessionStatuses = ['active', 'paused', 'completed', 'failed', 'killed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** Where a deliberation is; `awaiting_input` is a paused session waiting for answers to clarifying questions. */
export const sessionPhases = [
  'problem_decomposition',
  'awaiting_input',
  'persona_selection',
  'initial_round',
  'deliberation',
  'voting',
  'synthesis',
  'done',
] as const;
export type SessionPhase = (typeof sessionPhases)[number];

/** Seed 001's contribution phases. */
export const contributionPhases = ['initial_round', 'deliberation', 'moderator_intervention'] as const;
export type ContributionPhase = (typeof contributionPhases)[number];

/** What the rounds after the first are for, in order; the last repeats until the rounds stop. */
export const roundKinds = ['initial', 'exploration', 'challenge', 'convergence'] as const;
export type RoundKind = (typeof roundKinds)[number];

/** How votes are counted: Borda by default. */
export const voteRules = ['borda', 'approval', 'plurality'] as const;
export type VoteRule = (typeof voteRules)[number];

/** The disciplines personas speak for. */
export const personaFamilies = [
  'strategy',
  'finance',
  'product',
  'engineering',
  'data',
  'security',
  'legal',
  'operations',
  'marketing',
  'sales',
  'people',
  'design',
  'research',
  'domain',
] as const;
export type PersonaFamily = (typeof personaFamilies)[number];

/** Why the rounds ended. */
export const stopReasons = ['max_rounds', 'low_novelty', 'stalled_disagreement', 'consensus', 'budget'] as const;
export type StopReason = (typeof stopReasons)[number];

/** The persona code of the contrarian moderator's interventions. */
export const MODERATOR_CODE = 'moderator';

/** Sessions that can still change. */
export const liveSessionStatuses: readonly SessionStatus[] = ['active', 'paused'];

/** A session's panel: at least three voices, at most five (more talk, no better answers). */
export const MIN_PANEL = 3;
export const MAX_PANEL = 5;
/** Rounds: 6 unless asked, never more than 10. */
export const DEFAULT_MAX_ROUNDS = 6;
export const HARD_MAX_ROUNDS = 10;
