import { jobActor, recordAudit } from '../../../core/audit.js';
import { boardSingleAnswerTask, boardSynthesisTask, type Problem, type SynthesisInput } from '../ai/index.js';
import { boardDecisionSchema, type Baselines, type BoardDecision, type StopReason } from '../board.contract.js';
import { toSessionSummary } from '../board-views.js';
import { appendSessionEvent } from '../session-events.js';
import type { Spend } from './budget.js';
import { latestByPersona, minorityReport, normalizeOptionId, positionChanges, roundOneMajority, winningAssumptions } from './decision-parts.js';
import type { SeatedPanel } from './panel.js';
import { BudgetReached, clip, spendOf, type DeliberationRun } from './run-context.js';
import { updateActiveSession } from './session-store.js';
import { tallyVotes } from './tally.js';

/**
 * Phase 5: tallies the ballots, asks one model alone for the baseline, writes the synthesis and completes the session
 * with its decision. Both calls are skipped once the caps are reached; the decision is written all the same. Returns
 * the recommended option's id (null when there is none).
 */
export async function writeDecision(run: DeliberationRun, panel: SeatedPanel, problem: Problem, stopReason: StopReason | null): Promise<string | null> {
  const { sessionId, organizationId, userId, config, records, ballots } = run;
  const { nameOf } = panel;
  const session = await run.refresh();
  const options = session.options;
  const tally = tallyVotes(session.voteRule, options, ballots);
  const winner = options.find((o) => o.id === tally.winner) ?? null;
  const pending: Spend = { cost: 0, tokens: 0 };

  let singleModel: Baselines['singleModel'] = null;
  if (options.length >= 2) {
    try {
      const generation = await run.call(boardSingleAnswerTask, { problem, options: run.optionInputs(), seed: session.seed });
      const chosen = options.find((o) => o.id === normalizeOptionId(generation.output.optionId));
      const spend = spendOf(generation);
      pending.cost += spend.cost;
      pending.tokens += spend.tokens;
      if (chosen) singleModel = { optionId: chosen.id, label: chosen.label, reasoning: generation.output.reasoning, model: generation.model };
    } catch (error) {
      if (!(error instanceof BudgetReached)) throw error;
    }
  }
  const majority = roundOneMajority(records, options);
  const runnerUp = tally.scores.find((score) => score.optionId !== tally.winner)?.optionId ?? null;
  const dissent = minorityReport(records, ballots, tally.winner, options, nameOf, runnerUp);
  const assumptions = winningAssumptions(records, tally.winner, config.duplicateSimilarity);
  const changes = positionChanges(records, options, nameOf);
  const support = ballots
    .filter((b) => b.voteChoice === tally.winner)
    .map((b) => latestByPersona(records).get(b.personaCode)?.claim ?? b.reasoning)
    .slice(0, 6)
    .map((text) => clip(text, 2000));
  const synthesisInput: SynthesisInput = {
    problem,
    options: run.optionInputs(),
    winner: winner ? { id: winner.id, label: clip(winner.label, 200) } : null,
    scores: tally.scores.slice(0, 8).map((s) => ({ optionId: s.optionId, label: clip(s.label, 200), points: s.points })),
    support,
    dissent: dissent ? { personaName: clip(dissent.personaName, 255), label: clip(dissent.label, 200), argument: clip(dissent.argument, 2000) } : null,
    assumptions: assumptions.map((a) => clip(a, 400)),
    baselines: { singleModel: singleModel ? clip(singleModel.label, 200) : null, roundOneMajority: majority ? clip(majority.label, 200) : null },
    positionChanges: changes.map((c) => ({ personaName: clip(c.personaName, 255), from: clip(c.from, 200), to: clip(c.to, 200), because: clip(c.because, 600) })),
    budgetReached: run.budgetHit || stopReason === 'budget',
  };
  let prose;
  try {
    const generation = await run.call(boardSynthesisTask, synthesisInput);
    prose = generation.output;
    const spend = spendOf(generation);
    pending.cost += spend.cost;
    pending.tokens += spend.tokens;
  } catch (error) {
    if (!(error instanceof BudgetReached)) throw error;
    // The cap is reached: the record is still written, by the built-in synthesis, without a call.
    prose = boardSynthesisTask.builtin({ ...synthesisInput, budgetReached: true }, {});
  }
  const decision: BoardDecision = boardDecisionSchema.parse({
    recommendation: { optionId: winner?.id ?? null, label: winner?.label ?? 'No recommendation', summary: prose.summary },
    tally,
    minorityReport: dissent,
    assumptions,
    baselines: { singleModel, roundOneMajority: majority },
    changes: { summary: prose.changes, positionChanges: changes },
    stopReason: session.stopReason ?? stopReason,
    rounds: session.roundNumber,
    budgetReached: run.budgetHit || (session.stopReason ?? stopReason) === 'budget',
  });
  await run.inTx(async (tx) => {
    const row = await updateActiveSession(tx, sessionId, { decision, phase: 'done', status: 'completed', completedAt: new Date() }, pending);
    await appendSessionEvent(tx, sessionId, 'decision', { decision });
    await appendSessionEvent(tx, sessionId, 'session', toSessionSummary(row));
    await recordAudit(tx, jobActor(userId), {
      action: 'board_session_completed',
      resourceType: 'board_session',
      resourceId: sessionId,
      organizationId,
      details: { recommendation: decision.recommendation.label, rule: tally.rule, stopReason: decision.stopReason, totalCost: row.totalCost, totalTokens: row.totalTokens, spentUsd: row.spentUsd, spentTokens: row.spentTokens },
    });
  });
  return decision.recommendation.optionId;
}
