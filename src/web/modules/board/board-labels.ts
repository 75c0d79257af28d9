import {
  DEFAULT_MAX_ROUNDS,
  HARD_MAX_ROUNDS,
  MAX_PANEL,
  MIN_PANEL,
  liveSessionStatuses,
  MODERATOR_CODE,
  personaFamilies,
  sessionStatuses,
  voteRules,
  type PersonaFamily,
  type SessionPhase,
  type SessionStatus,
  type StopReason,
  type VoteRule,
} from '../../../shared/board-kinds';

/** How the board's values read; the API values stay as they are. */

export { DEFAULT_MAX_ROUNDS, HARD_MAX_ROUNDS, MAX_PANEL, MIN_PANEL, MODERATOR_CODE, liveSessionStatuses, personaFamilies, sessionStatuses, voteRules };

export const phaseLabels: Record<SessionPhase, string> = {
  problem_decomposition: 'Framing the problem',
  awaiting_input: 'Waiting for your answers',
  persona_selection: 'Seating the panel',
  initial_round: 'Blind first round',
  deliberation: 'Deliberating',
  voting: 'Voting',
  synthesis: 'Writing the decision',
  done: 'Done',
};

export const familyLabels: Record<PersonaFamily, string> = {
  strategy: 'Strategy',
  finance: 'Finance',
  product: 'Product',
  engineering: 'Engineering',
  data: 'Data',
  security: 'Security',
  legal: 'Legal',
  operations: 'Operations',
  marketing: 'Marketing',
  sales: 'Sales',
  people: 'People',
  design: 'Design',
  research: 'Research',
  domain: 'Domain',
};

export const voteRuleLabels: Record<VoteRule, string> = {
  borda: 'Borda count',
  approval: 'Approval voting',
  plurality: 'Plurality',
};

/** One line per rule for the organization's settings: what a ballot counts. */
export const voteRuleSummaries: Record<VoteRule, string> = {
  borda: 'Counts full rankings: every place on a ballot is worth points.',
  approval: 'Counts acceptable options: each persona approves as many as it can live with.',
  plurality: 'Counts first choices only.',
};

export const voteRuleHints: Record<VoteRule, string> = {
  borda: 'Each ranking gives an option points by its place: the fairest summary of full rankings.',
  approval: 'Each persona approves any number of options; the most approved wins.',
  plurality: 'Only first choices count.',
};

export const stopReasonLabels: Record<StopReason, string> = {
  max_rounds: 'the last round allowed was reached',
  low_novelty: 'new rounds stopped bringing new arguments',
  stalled_disagreement: 'disagreement stalled',
  consensus: 'the panel converged',
  budget: 'the budget ran out',
};

export function isLive(status: SessionStatus): boolean {
  return liveSessionStatuses.includes(status);
}

/** What the controls may do in a status: pause a running session, resume a paused one, kill either. */
export function controlsFor(status: SessionStatus, phase: SessionPhase) {
  return {
    canPause: status === 'active',
    // A session waiting for answers resumes through the answers form (or Skip), not the Resume button.
    canResume: status === 'paused' && phase !== 'awaiting_input',
    canKill: isLive(status),
  };
}

/** "72%" for a confidence between 0 and 1 (or already in percent). */
export function percent(confidence: number | null): string {
  if (confidence === null) return '–';
  const value = confidence <= 1 ? confidence * 100 : confidence;
  return `${Math.round(value)}%`;
}
