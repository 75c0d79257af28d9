import { boardVoteTask, type Problem } from '../ai/index.js';
import type { PanelSeat } from '../board.contract.js';
import { completeRanking, derivedRanking, latestByPersona, normalizeOptionId } from './decision-parts.js';
import type { SeatedPanel } from './panel.js';
import { peersFor } from './peers.js';
import { clip, spendOf, type DeliberationRun } from './run-context.js';
import { advanceSession, storeVote } from './session-store.js';

type BallotFields = Omit<Parameters<typeof storeVote>[1], 'sessionId' | 'organizationId' | 'personaCode'>;

/**
 * Phase 4: every seated persona not yet heard ranks the options, reading its own last view and the others'. Once the
 * caps end the calls, the rest vote their last position without a call. The session moves on to the synthesis.
 */
export async function collectVotes(run: DeliberationRun, panel: SeatedPanel, problem: Problem): Promise<void> {
  const { sessionId, organizationId } = run;
  const { seats, profiles, modelFor } = panel;
  await run.refresh();
  const records = run.records;
  const latest = latestByPersona(records);
  const lastPosition = (code: string) => records.filter((r) => r.personaCode === code && r.position !== null).at(-1) ?? null;
  const voted = (code: string) => run.ballots.some((b) => b.personaCode === code);
  const keepVote = async (seat: PanelSeat, values: BallotFields) => {
    const stored = await run.inTx((tx) => storeVote(tx, { ...values, sessionId, organizationId, personaCode: seat.code }, seat.name));
    if (stored) {
      run.ballots.push(stored.row);
      run.noteSession(stored.session);
    }
    await run.job.saveCheckpoint({ sessionId, phase: 'voting', personaCode: seat.code });
  };
  if (!run.budgetHit) {
    await run.inBatches(
      seats.filter((seat) => !voted(seat.code)),
      async (seat) => {
        const own = latest.get(seat.code) ?? lastPosition(seat.code);
        const others = peersFor(run, seats, seat.code, run.session.roundNumber + 1, records);
        const options = run.optionInputs().map((o) => ({ ...o, own: run.session.options.find((x) => x.id === o.id)?.proposedBy === seat.code }));
        const generation = await run.call(
          boardVoteTask,
          {
            persona: profiles.get(seat.code)!,
            problem,
            options,
            own: own ? { position: own.position, claim: clip(own.claim || own.content, 2000), confidence: own.confidence } : null,
            others,
            seed: run.session.seed,
          },
          modelFor(seat.code),
        );
        const out = generation.output;
        const ranking = completeRanking(out.ranking, run.session.options);
        const spend = spendOf(generation);
        await keepVote(seat, {
          voteChoice: ranking[0]!,
          reasoning: clip(out.reasoning, 4000),
          confidence: Math.round(out.confidence * 100) / 100,
          ranking,
          approved: [...new Set(out.approved.map(normalizeOptionId).filter((id): id is string => id !== null && ranking.includes(id)))],
          derived: false,
          cost: spend.cost,
          tokens: spend.tokens,
          model: clip(generation.model, 100),
          generationId: generation.generationId,
        });
      },
    );
  }
  // The caps ended the calls: the personas not yet heard vote their last position, without a call.
  for (const seat of seats) {
    if (voted(seat.code)) continue;
    const last = lastPosition(seat.code);
    if (!last?.position) continue;
    await keepVote(seat, {
      voteChoice: last.position,
      reasoning: clip(`Derived from the last position, as the session reached its cap before this vote: ${last.claim || last.content}`, 4000),
      confidence: last.confidence,
      ranking: derivedRanking(last.position, run.session.options),
      approved: [last.position],
      derived: true,
      cost: 0,
      tokens: 0,
      model: seat.model,
      generationId: null,
    });
  }
  run.noteSession(await run.inTx((tx) => advanceSession(tx, sessionId, { phase: 'synthesis' })));
}
