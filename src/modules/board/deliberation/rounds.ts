import type { Generation } from '../../../core/ai/index.js';
import { boardContributionTask, boardModeratorTask, type Problem } from '../ai/index.js';
import { MODERATOR_CODE, type ContributionPhase, type StopReason } from '../board.contract.js';
import type { SeatedPanel } from './panel.js';
import { peersFor } from './peers.js';
import { BudgetReached, clip, spendOf, type DeliberationRun } from './run-context.js';
import { advanceSession, storeContribution, type ContributionRow } from './session-store.js';
import { hasNewEvidence, nearDuplicateOf, roundNovelty } from './similarity.js';
import { decideAfterRound, roundKind, type RoundRecord } from './stop-rules.js';

type ContributionFields = Omit<
  ContributionRow,
  'id' | 'createdAt' | 'sessionId' | 'organizationId' | 'personaCode' | 'roundNumber' | 'phase' | 'duplicateOf' | 'cost' | 'tokens' | 'model' | 'generationId'
>;

const isPersona = (row: ContributionRow) => row.personaCode !== MODERATOR_CODE;

/**
 * Phase 3: round after round, every seated persona contributes (round 1 blind, later rounds reading the others), and
 * after each round the stop rules end the debate, go on, or call in the moderator. A resumed run skips the
 * contributions already stored. Returns why the rounds stopped; the session moves on to the votes.
 */
export async function runRounds(run: DeliberationRun, panel: SeatedPanel, problem: Problem): Promise<StopReason | null> {
  const { sessionId, config } = run;
  const { seats, profiles, modelFor } = panel;
  let stopReason: StopReason | null = null;
  const history: RoundRecord[] = [];
  for (let round = 1; ; round++) {
    await run.refresh();
    if (run.session.roundNumber < round) {
      run.noteSession(await run.inTx((tx) => advanceSession(tx, sessionId, { roundNumber: round, phase: 'deliberation' })));
    }
    const phase: ContributionPhase = round === 1 ? 'initial_round' : 'deliberation';
    const before = run.records.filter((r) => r.roundNumber < round);
    const moderatorBefore = before.find((r) => r.roundNumber === round - 1 && r.phase === 'moderator_intervention');
    const pending = seats.filter((seat) => !run.records.some((r) => r.roundNumber === round && r.personaCode === seat.code && r.phase === phase));
    await run.inBatches(pending, async (seat) => {
      const own = ownViewBefore(run, seat.code, round);
      const input = {
        persona: profiles.get(seat.code)!,
        problem,
        subQuestions: run.session.subQuestions.map((q) => ({ id: q.id, text: clip(q.text, 500), families: q.families.slice(0, 6) })),
        options: run.optionInputs(),
        round: { number: round, kind: roundKind(round) },
        own: own ? { position: own.position, claim: clip(own.claim || own.content, 2000), confidence: own.confidence } : null,
        // Round 1 is blind: nobody reads anybody.
        others: round === 1 ? [] : peersFor(run, seats, seat.code, round, before),
        moderator: moderatorBefore ? { challenge: clip(moderatorBefore.claim, 2000), targetOption: moderatorBefore.position } : null,
        seed: run.session.seed,
      };
      const generation = await run.call(boardContributionTask, input, modelFor(seat.code));
      const out = generation.output;
      const position = run.validOption(out.position);
      const changed = own !== null && own.position !== null && position !== null && position !== own.position;
      await keepContribution(
        run,
        seat,
        round,
        phase,
        generation,
        {
          content: out.content,
          claim: out.claim,
          evidence: out.evidence,
          assumptions: out.assumptions,
          confidence: Math.round(out.confidence * 100) / 100,
          position,
          positionChanged: changed,
          changeReason: changed ? clip(out.changeReason?.trim() || 'No reason given.', 2000) : null,
        },
        out.proposal,
      );
    });
    if (run.budgetHit) {
      stopReason = 'budget';
      break;
    }

    const records = run.records;
    const roundRows = records.filter((r) => r.roundNumber === round && r.phase === phase);
    const earlier = records.filter((r) => r.roundNumber < round);
    const positions: Record<string, string | null> = {};
    for (const seat of seats) positions[seat.code] = records.filter((r) => r.personaCode === seat.code && r.roundNumber <= round).at(-1)?.position ?? null;
    const record: RoundRecord = {
      number: round,
      positions,
      novelty: roundNovelty(
        roundRows.filter((r) => r.duplicateOf === null).map((r) => r.content),
        earlier.map((r) => r.content),
      ),
      newEvidence: hasNewEvidence(roundRows.flatMap((r) => r.evidence), earlier.flatMap((r) => r.evidence), config.duplicateSimilarity),
      moderated: false,
    };
    history.push(record);
    const decision = decideAfterRound(history, run.session.maxRounds, config);
    if (decision.action === 'moderate') {
      record.moderated = true;
      const done = records.some((r) => r.roundNumber === round && r.phase === 'moderator_intervention');
      if (!done) {
        try {
          const generation = await run.call(boardModeratorTask, {
            problem,
            options: run.optionInputs(),
            roundNumber: round,
            positions: peersFor(run, seats, MODERATOR_CODE, round + 1, records),
            consensus: decision.consensus,
            seed: run.session.seed,
          });
          const out = generation.output;
          await keepContribution(
            run,
            { code: MODERATOR_CODE, name: 'Moderator' },
            round,
            'moderator_intervention',
            generation,
            {
              content: out.content,
              claim: clip(out.challenge, 2000),
              evidence: [],
              assumptions: [],
              confidence: null,
              position: run.validOption(out.targetOption),
              positionChanged: false,
              changeReason: null,
            },
            null,
          );
        } catch (error) {
          if (!(error instanceof BudgetReached)) throw error;
          stopReason = 'budget';
          break;
        }
      }
      continue;
    }
    if (decision.action === 'stop') {
      stopReason = decision.reason;
      break;
    }
  }
  run.noteSession(await run.inTx((tx) => advanceSession(tx, sessionId, { stopReason, phase: 'voting' })));
  return stopReason;
}

/** Each seated persona's latest contribution before `round` (near-duplicates included: it is still its view). */
function ownViewBefore(run: DeliberationRun, code: string, round: number): ContributionRow | null {
  return run.records.filter((r) => r.personaCode === code && r.roundNumber < round).at(-1) ?? null;
}

/**
 * The checkpoint of one contribution: stored with its cost (a near-duplicate of an earlier one is marked, and its
 * proposal dropped), kept in the run, and saved as the job's checkpoint.
 */
async function keepContribution(
  run: DeliberationRun,
  seat: { code: string; name: string },
  round: number,
  phase: ContributionPhase,
  generation: Generation<unknown>,
  fields: ContributionFields,
  proposal: { label: string; description: string } | null,
): Promise<void> {
  const { sessionId, organizationId } = run;
  const duplicate =
    phase === 'moderator_intervention' ? undefined : nearDuplicateOf(fields.content, run.records.filter(isPersona), run.config.duplicateSimilarity);
  const spend = spendOf(generation);
  const stored = await run.inTx((tx) =>
    storeContribution(
      tx,
      {
        ...fields,
        sessionId,
        organizationId,
        personaCode: seat.code,
        roundNumber: round,
        phase,
        duplicateOf: duplicate?.id ?? null,
        cost: spend.cost,
        tokens: spend.tokens,
        model: clip(generation.model, 100),
        generationId: generation.generationId,
      },
      seat.name,
      duplicate ? null : proposal,
    ),
  );
  if (stored) {
    run.records.push(stored.row);
    run.noteSession(stored.session);
  }
  await run.job.saveCheckpoint({ sessionId, round, phase, personaCode: seat.code });
}
