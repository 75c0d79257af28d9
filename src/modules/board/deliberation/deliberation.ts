import { eq, isNull, or } from 'drizzle-orm';
import { jobActor, recordAudit } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { AiCallContext, Generation } from '../../../core/ai/index.js';
import type { ObjectTask } from '../../../core/ai/task.js';
import type { Tx } from '../../../core/db/database.js';
import { projects } from '../../../core/db/platform.schema.js';
import { withUser } from '../../../core/db/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { JobFailure, type JobContext, type JobOutcome } from '../../../core/jobs/index.js';
import { ensureProjectModel } from '../../project-model/index.js';
import {
  boardContributionTask,
  boardFramingTask,
  boardModeratorTask,
  boardSingleAnswerTask,
  boardSynthesisTask,
  boardVoteTask,
  type OptionInput,
  type PeerDigest,
  type PersonaProfile,
  type Problem,
  type SynthesisInput,
} from '../ai/index.js';
import { projectDigest } from '../ai/project-digest.js';
import {
  boardDecisionSchema,
  MIN_PANEL,
  MODERATOR_CODE,
  type Baselines,
  type BoardDecision,
  type ContributionPhase,
  type DeliberationOption,
  type PanelSeat,
  type StopReason,
} from '../board.contract.js';
import { personas } from '../board.schema.js';
import { selectPanel } from '../personas/select-panel.js';
import { appendSessionEvent } from '../session-events.js';
import { budgetReached, concurrentCalls, type Spend } from './budget.js';
import {
  completeRanking,
  derivedRanking,
  latestByPersona,
  minorityReport,
  normalizeOptionId,
  positionChanges,
  roundOneMajority,
  winningAssumptions,
} from './decision-parts.js';
import { hasNewEvidence, nearDuplicateOf, roundNovelty } from './similarity.js';
import { anonymizeFor } from './shuffle.js';
import { toSessionSummary } from '../board-views.js';
import { readBoardSettings } from '../settings/board-settings.service.js';
import { organizationModel, personaModel } from '../settings/persona-models.js';
import {
  advanceSession,
  loadContributions,
  loadSession,
  loadVotes,
  SessionNotActive,
  storeContribution,
  storeVote,
  updateActiveSession,
  type ContributionRow,
  type SessionRow,
  type VoteRow,
} from './session-store.js';
import type { DeliberatePayload } from './start-deliberation.js';
import { decideAfterRound, roundKind, type RoundRecord } from './stop-rules.js';
import { tallyVotes } from './tally.js';

/**
 * One run of a session's deliberation, from wherever the session is: framing, panel, rounds, votes, synthesis.
 * Everything it decides is read back from the database (a resumed run replays finished rounds without a call), and
 * every call's result is stored with its cost in one transaction as soon as it arrives — the checkpoint.
 *
 * The session's totals are the sum of the calls whose results the session keeps: framing, contributions, moderator
 * interventions, votes, the single-model baseline and the synthesis. (A project model built on the way belongs to the
 * project and is not counted.)
 */

/** The caps are reached: no more calls; the run goes straight to the votes and the synthesis. */
class BudgetReached extends Error {
  constructor() {
    super('The session reached its cost or token cap');
    this.name = 'BudgetReached';
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const spendOf = (generation: Generation<unknown>): Spend => ({ cost: generation.cost, tokens: generation.tokensIn + generation.tokensOut });

export async function runDeliberation(context: AppContext, job: JobContext<DeliberatePayload>): Promise<JobOutcome> {
  const { createdBy: userId, id: jobId } = job.job;
  const sessionId = job.job.payload.sessionId;
  const config = context.config.board;
  const inTx = <T>(work: (tx: Tx) => Promise<T>) => withUser(context.db, userId, work);

  let session = (await inTx((tx) => loadSession(tx, sessionId))) ?? null;
  if (!session) throw new JobFailure('NOT_FOUND', 'The board session no longer exists');
  if (session.status !== 'active') return { result: { sessionId, status: session.status } };

  const caps = { budgetUsd: session.budgetUsd, tokenCap: session.tokenCap };
  let spent: Spend = { cost: session.totalCost, tokens: session.totalTokens };
  /** The dearest call so far: how much one more call may cost. */
  const perCall: Spend = { cost: 0, tokens: 0 };
  let budgetHit = false;
  let records: ContributionRow[] = [];
  let ballots: VoteRow[] = [];

  const callContext = (model?: string): AiCallContext => ({
    organizationId: session!.organizationId,
    projectId: session!.projectId,
    userId,
    jobId,
    signal: job.signal,
    ...(model ? { model } : {}),
  });

  function noteSession(row: SessionRow): void {
    session = row;
    spent = { cost: Math.max(spent.cost, row.totalCost), tokens: Math.max(spent.tokens, row.totalTokens) };
  }

  async function refresh(): Promise<SessionRow> {
    const row = await inTx((tx) => loadSession(tx, sessionId));
    if (!row || row.status !== 'active') throw new SessionNotActive(row?.status ?? 'gone');
    noteSession(row);
    return row;
  }

  /** One AI call, after checking the caps; a cap of the organization (BUDGET_EXCEEDED) ends the calls like the session's. */
  async function call<I, O>(task: ObjectTask<I, O>, input: I, model?: string): Promise<Generation<O>> {
    if (budgetHit || budgetReached(spent, caps)) {
      budgetHit = true;
      throw new BudgetReached();
    }
    try {
      const generation = await context.ai.run(task, input, callContext(model));
      const spend = spendOf(generation);
      perCall.cost = Math.max(perCall.cost, spend.cost);
      perCall.tokens = Math.max(perCall.tokens, spend.tokens);
      return generation;
    } catch (error) {
      if (error instanceof AppError && error.code === 'BUDGET_EXCEEDED') {
        budgetHit = true;
        throw new BudgetReached();
      }
      throw error;
    }
  }

  /**
   * Runs `work` for every item, as many at once as the caps allow (concurrentCalls), each storing its own result as
   * it arrives. Returns early, with budgetHit set, once the caps are reached; any other failure is thrown after the
   * calls in flight have settled.
   */
  async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    while (next < items.length && !budgetHit) {
      if (budgetReached(spent, caps)) {
        budgetHit = true;
        break;
      }
      const slots = concurrentCalls(spent, caps, perCall, items.length - next);
      const batch = items.slice(next, next + slots);
      next += batch.length;
      const settled = await Promise.allSettled(batch.map((item) => work(item)));
      const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof BudgetReached));
      if (failure) throw failure.reason;
    }
  }

  // ── The problem as every task reads it ──────────────────────────────────────────────────────────────────────────
  async function problemInput(): Promise<Problem> {
    const s = session!;
    const contextLines = Object.entries(s.problemContext ?? {})
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('\n');
    const answers = s.clarifications
      .filter((c) => c.answer !== null && !c.skipped)
      .slice(0, 10)
      .map((c) => ({ question: clip(c.question, 1000), answer: clip(c.answer!, 4000) }));
    let project: Problem['project'] = null;
    if (s.projectId) {
      const projectId = s.projectId;
      const [row] = await inTx((tx) => tx.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)));
      const { model } = await ensureProjectModel(context, { ...callContext(), projectId }, 'Built for a board session');
      project = projectDigest(row?.name ?? 'Project', model);
    }
    return { statement: s.problemStatement, context: clip(contextLines, 20_000), answers, project };
  }

  const optionInputs = (): OptionInput[] =>
    session!.options.map((o) => ({ id: o.id, label: clip(o.label, 200), description: clip(o.description, 1000) }));
  const validOption = (id: string | null | undefined): string | null => {
    const normalized = normalizeOptionId(id);
    return normalized && session!.options.some((o) => o.id === normalized) ? normalized : null;
  };

  try {
    const problem = await problemInput();

    // ── 1. Framing: sub-questions, options, and perhaps clarifying questions ──────────────────────────────────────
    if (session.options.length < 2) {
      const mayAsk = session.clarifications.length === 0;
      const input = { problem, mayAsk, seed: session.seed };
      let output;
      let spend: Spend = { cost: 0, tokens: 0 };
      try {
        const generation = await call(boardFramingTask, input);
        output = generation.output;
        spend = spendOf(generation);
      } catch (error) {
        if (!(error instanceof BudgetReached)) throw error;
        // Without a call the built-in framing still gives the panel something to decide between.
        output = boardFramingTask.builtin({ ...input, mayAsk: false }, {});
      }
      if (mayAsk && output.clarifications.length > 0) {
        const clarifications = output.clarifications.map((c, i) => ({ id: `c${i + 1}`, question: c.question, why: c.why, answer: null, skipped: false }));
        await inTx(async (tx) => {
          const row = await advanceSession(tx, sessionId, { clarifications, status: 'paused', phase: 'awaiting_input' }, spend);
          await appendSessionEvent(tx, sessionId, 'clarifications', { clarifications: row.clarifications });
        });
        return { result: { sessionId, status: 'paused', phase: 'awaiting_input' } };
      }
      const subQuestions = output.subQuestions.map((q, i) => ({ id: `q${i + 1}`, text: q.text, families: q.families }));
      const options: DeliberationOption[] = output.options.map((o, i) => ({
        id: String.fromCharCode(65 + i),
        label: o.label,
        description: o.description,
        proposedBy: null,
      }));
      noteSession(
        await inTx(async (tx) => {
          const row = await advanceSession(tx, sessionId, { subQuestions, options, phase: 'persona_selection' }, spend);
          await appendSessionEvent(tx, sessionId, 'options', { subQuestions: row.subQuestions, options: row.options });
          return row;
        }),
      );
    }

    // ── 2. The panel ──────────────────────────────────────────────────────────────────────────────────────────────
    await refresh();
    const organizationId = session.organizationId;
    const catalog = await inTx((tx) =>
      tx
        .select()
        .from(personas)
        .where(or(isNull(personas.organizationId), eq(personas.organizationId, organizationId))),
    );
    if (session.panel.length === 0) {
      const candidates = catalog.filter((p, _, all) => p.organizationId !== null || !all.some((o) => o.code === p.code && o.organizationId !== null));
      const choices = selectPanel(candidates, { problem: session.problemStatement, subQuestions: session.subQuestions, seed: session.seed });
      if (choices.length < MIN_PANEL) {
        throw new JobFailure('BOARD_PANEL_TOO_SMALL', `The board needs at least ${MIN_PANEL} personas to seat; ${choices.length} could be chosen`);
      }
      const seats = await seatPanel(choices, candidates);
      noteSession(
        await inTx(async (tx) => {
          const row = await advanceSession(tx, sessionId, { panel: seats, phase: 'initial_round', roundNumber: 1 });
          await appendSessionEvent(tx, sessionId, 'panel', { panel: row.panel });
          return row;
        }),
      );
    } else if (session.phase === 'problem_decomposition' || session.phase === 'persona_selection') {
      noteSession(await inTx((tx) => advanceSession(tx, sessionId, { phase: 'initial_round', roundNumber: Math.max(1, session!.roundNumber) })));
    }
    const panel: PanelSeat[] = session.panel;
    const profiles = new Map(panel.map((seat) => [seat.code, profileOf(seat)]));
    const nameOf = (code: string) => (code === MODERATOR_CODE ? 'Moderator' : (panel.find((s) => s.code === code)?.name ?? code));

    function profileOf(seat: PanelSeat): PersonaProfile {
      const row = catalog.find((p) => p.code === seat.code && p.organizationId !== null) ?? catalog.find((p) => p.code === seat.code);
      return {
        code: seat.code,
        name: clip(seat.name, 255),
        family: seat.family,
        expertise: clip(row?.expertise ?? seat.expertise, 500),
        lens: clip(row?.lens ?? seat.expertise, 500),
        checks: (row?.checks ?? []).slice(0, 6).map((c) => clip(c, 200)),
        riskAppetite: row?.riskAppetite ?? 0,
        systemPrompt: clip(row?.systemPrompt ?? `You are ${seat.name}: ${seat.expertise}.`, 20_000),
      };
    }

    async function seatPanel(choices: ReadonlyArray<{ code: string; reason: string }>, candidates: typeof catalog): Promise<PanelSeat[]> {
      const { settings, orgModel } = await inTx(async (tx) => ({
        settings: await readBoardSettings(tx, organizationId),
        orgModel: await organizationModel(tx, context, organizationId),
      }));
      return choices.map((choice) => {
        const persona = candidates.find((c) => c.code === choice.code)!;
        return {
          code: persona.code,
          name: persona.name,
          family: persona.family,
          expertise: persona.expertise,
          reason: choice.reason,
          model: personaModel(settings, persona.code, orgModel),
        };
      });
    }

    /** The model a persona runs on, when the organization chose one for it (else the organization's own). */
    const { personaModels } = await inTx((tx) => readBoardSettings(tx, organizationId));
    const modelFor = (code: string): string | undefined => personaModels[code] ?? personaModels['*'];

    records = await inTx((tx) => loadContributions(tx, sessionId));
    ballots = await inTx((tx) => loadVotes(tx, sessionId));
    for (const row of [...records, ...ballots]) {
      perCall.cost = Math.max(perCall.cost, row.cost);
      perCall.tokens = Math.max(perCall.tokens, row.tokens);
    }

    const isPersona = (row: ContributionRow) => row.personaCode !== MODERATOR_CODE;
    /** Each seated persona's latest contribution before `round` (near-duplicates included: it is still its view). */
    const ownViewBefore = (code: string, round: number) => records.filter((r) => r.personaCode === code && r.roundNumber < round).at(-1) ?? null;
    const peerDigest = (row: ContributionRow, label: string): PeerDigest => ({
      label,
      position: row.position,
      claim: clip(row.claim || row.content, 2000),
      evidence: row.evidence.slice(0, 6).map((e) => clip(e, 600)),
    });
    /** The others' latest contributions in the debate, anonymous and shuffled for `reader`. */
    const peersFor = (reader: string, round: number, before: readonly ContributionRow[]): PeerDigest[] => {
      const latest = [...latestByPersona(before).values()].filter((r) => panel.some((s) => s.code === r.personaCode));
      latest.sort((a, b) => a.personaCode.localeCompare(b.personaCode));
      return anonymizeFor(reader, latest, (r) => r.personaCode, session!.seed, round).map(({ label, item }) => peerDigest(item, label));
    };

    async function keepContribution(
      seat: { code: string; name: string },
      round: number,
      phase: ContributionPhase,
      generation: Generation<unknown>,
      fields: Omit<ContributionRow, 'id' | 'createdAt' | 'sessionId' | 'organizationId' | 'personaCode' | 'roundNumber' | 'phase' | 'duplicateOf' | 'cost' | 'tokens' | 'model' | 'generationId'>,
      proposal: { label: string; description: string } | null,
    ): Promise<void> {
      const duplicate = phase === 'moderator_intervention' ? undefined : nearDuplicateOf(fields.content, records.filter(isPersona), config.duplicateSimilarity);
      const spend = spendOf(generation);
      const stored = await inTx((tx) =>
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
        records.push(stored.row);
        noteSession(stored.session);
      }
      await job.saveCheckpoint({ sessionId, round, phase, personaCode: seat.code });
    }

    // ── 3. The rounds ─────────────────────────────────────────────────────────────────────────────────────────────
    let stopReason = session.stopReason as StopReason | null;
    if (!stopReason && (session.phase === 'initial_round' || session.phase === 'deliberation')) {
      const history: RoundRecord[] = [];
      for (let round = 1; ; round++) {
        await refresh();
        if (session.roundNumber < round) {
          noteSession(await inTx((tx) => advanceSession(tx, sessionId, { roundNumber: round, phase: 'deliberation' })));
        }
        const phase: ContributionPhase = round === 1 ? 'initial_round' : 'deliberation';
        const before = records.filter((r) => r.roundNumber < round);
        const moderatorBefore = before.find((r) => r.roundNumber === round - 1 && r.phase === 'moderator_intervention');
        const pending = panel.filter((seat) => !records.some((r) => r.roundNumber === round && r.personaCode === seat.code && r.phase === phase));
        await inBatches(pending, async (seat) => {
          const own = ownViewBefore(seat.code, round);
          const input = {
            persona: profiles.get(seat.code)!,
            problem,
            subQuestions: session!.subQuestions.map((q) => ({ id: q.id, text: clip(q.text, 500), families: q.families.slice(0, 6) })),
            options: optionInputs(),
            round: { number: round, kind: roundKind(round) },
            own: own ? { position: own.position, claim: clip(own.claim || own.content, 2000), confidence: own.confidence } : null,
            // Round 1 is blind: nobody reads anybody.
            others: round === 1 ? [] : peersFor(seat.code, round, before),
            moderator: moderatorBefore ? { challenge: clip(moderatorBefore.claim, 2000), targetOption: moderatorBefore.position } : null,
            seed: session!.seed,
          };
          const generation = await call(boardContributionTask, input, modelFor(seat.code));
          const out = generation.output;
          const position = validOption(out.position);
          const changed = own !== null && own.position !== null && position !== null && position !== own.position;
          await keepContribution(
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
        if (budgetHit) {
          stopReason = 'budget';
          break;
        }

        const roundRows = records.filter((r) => r.roundNumber === round && r.phase === phase);
        const earlier = records.filter((r) => r.roundNumber < round);
        const positions: Record<string, string | null> = {};
        for (const seat of panel) positions[seat.code] = records.filter((r) => r.personaCode === seat.code && r.roundNumber <= round).at(-1)?.position ?? null;
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
        const decision = decideAfterRound(history, session.maxRounds, config);
        if (decision.action === 'moderate') {
          record.moderated = true;
          const done = records.some((r) => r.roundNumber === round && r.phase === 'moderator_intervention');
          if (!done) {
            try {
              const generation = await call(boardModeratorTask, {
                problem,
                options: optionInputs(),
                roundNumber: round,
                positions: peersFor(MODERATOR_CODE, round + 1, records),
                consensus: decision.consensus,
                seed: session.seed,
              });
              const out = generation.output;
              await keepContribution(
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
                  position: validOption(out.targetOption),
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
      noteSession(await inTx((tx) => advanceSession(tx, sessionId, { stopReason, phase: 'voting' })));
    }

    // ── 4. The votes ──────────────────────────────────────────────────────────────────────────────────────────────
    if (session.phase === 'voting') {
      await refresh();
      const latest = latestByPersona(records);
      const lastPosition = (code: string) => records.filter((r) => r.personaCode === code && r.position !== null).at(-1) ?? null;
      const voted = (code: string) => ballots.some((b) => b.personaCode === code);
      const keepVote = async (seat: PanelSeat, values: Omit<Parameters<typeof storeVote>[1], 'sessionId' | 'organizationId' | 'personaCode'>) => {
        const stored = await inTx((tx) => storeVote(tx, { ...values, sessionId, organizationId, personaCode: seat.code }, seat.name));
        if (stored) {
          ballots.push(stored.row);
          noteSession(stored.session);
        }
        await job.saveCheckpoint({ sessionId, phase: 'voting', personaCode: seat.code });
      };
      if (!budgetHit) {
        await inBatches(
          panel.filter((seat) => !voted(seat.code)),
          async (seat) => {
            const own = latest.get(seat.code) ?? lastPosition(seat.code);
            const others = peersFor(seat.code, session!.roundNumber + 1, records);
            const options = optionInputs().map((o) => ({ ...o, own: session!.options.find((x) => x.id === o.id)?.proposedBy === seat.code }));
            const generation = await call(
              boardVoteTask,
              {
                persona: profiles.get(seat.code)!,
                problem,
                options,
                own: own ? { position: own.position, claim: clip(own.claim || own.content, 2000), confidence: own.confidence } : null,
                others,
                seed: session!.seed,
              },
              modelFor(seat.code),
            );
            const out = generation.output;
            const ranking = completeRanking(out.ranking, session!.options);
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
      for (const seat of panel) {
        if (voted(seat.code)) continue;
        const last = lastPosition(seat.code);
        if (!last?.position) continue;
        await keepVote(seat, {
          voteChoice: last.position,
          reasoning: clip(`Derived from the last position, as the session reached its cap before this vote: ${last.claim || last.content}`, 4000),
          confidence: last.confidence,
          ranking: derivedRanking(last.position, session.options),
          approved: [last.position],
          derived: true,
          cost: 0,
          tokens: 0,
          model: seat.model,
          generationId: null,
        });
      }
      noteSession(await inTx((tx) => advanceSession(tx, sessionId, { phase: 'synthesis' })));
    }

    // ── 5. The synthesis ──────────────────────────────────────────────────────────────────────────────────────────
    await refresh();
    const options = session.options;
    const tally = tallyVotes(session.voteRule, options, ballots);
    const winner = options.find((o) => o.id === tally.winner) ?? null;
    const pending: Spend = { cost: 0, tokens: 0 };

    let singleModel: Baselines['singleModel'] = null;
    if (options.length >= 2) {
      try {
        const generation = await call(boardSingleAnswerTask, { problem, options: optionInputs(), seed: session.seed });
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
    const dissent = minorityReport(records, ballots, tally.winner, options, nameOf);
    const assumptions = winningAssumptions(records, tally.winner, config.duplicateSimilarity);
    const changes = positionChanges(records, options, nameOf);
    const support = ballots
      .filter((b) => b.voteChoice === tally.winner)
      .map((b) => latestByPersona(records).get(b.personaCode)?.claim ?? b.reasoning)
      .slice(0, 6)
      .map((text) => clip(text, 2000));
    const synthesisInput: SynthesisInput = {
      problem,
      options: optionInputs(),
      winner: winner ? { id: winner.id, label: clip(winner.label, 200) } : null,
      scores: tally.scores.slice(0, 8).map((s) => ({ optionId: s.optionId, label: clip(s.label, 200), points: s.points })),
      support,
      dissent: dissent ? { personaName: clip(dissent.personaName, 255), label: clip(dissent.label, 200), argument: clip(dissent.argument, 2000) } : null,
      assumptions: assumptions.map((a) => clip(a, 400)),
      baselines: { singleModel: singleModel ? clip(singleModel.label, 200) : null, roundOneMajority: majority ? clip(majority.label, 200) : null },
      positionChanges: changes.map((c) => ({ personaName: clip(c.personaName, 255), from: clip(c.from, 200), to: clip(c.to, 200), because: clip(c.because, 600) })),
      budgetReached: budgetHit || stopReason === 'budget',
    };
    let prose;
    try {
      const generation = await call(boardSynthesisTask, synthesisInput);
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
      budgetReached: budgetHit || (session.stopReason ?? stopReason) === 'budget',
    });
    await inTx(async (tx) => {
      const row = await updateActiveSession(tx, sessionId, { decision, phase: 'done', status: 'completed', completedAt: new Date() }, pending);
      await appendSessionEvent(tx, sessionId, 'decision', { decision });
      await appendSessionEvent(tx, sessionId, 'session', toSessionSummary(row));
      await recordAudit(tx, jobActor(userId), {
        action: 'board_session_completed',
        resourceType: 'board_session',
        resourceId: sessionId,
        organizationId,
        details: { recommendation: decision.recommendation.label, rule: tally.rule, stopReason: decision.stopReason, totalCost: row.totalCost, totalTokens: row.totalTokens },
      });
    });
    return { result: { sessionId, status: 'completed', recommendation: decision.recommendation.optionId } };
  } catch (error) {
    if (error instanceof SessionNotActive) return { result: { sessionId, status: error.status } };
    // A kill cancels the job: the runner records the cancellation; the session is already killed.
    if (job.signal.aborted) throw error;
    if (isFinal(error, job.job.attempt)) await markFailed(error).catch(() => undefined);
    throw error;
  }

  async function markFailed(error: unknown): Promise<void> {
    const failure = describe(error);
    await inTx(async (tx) => {
      const row = await advanceSession(tx, sessionId, { status: 'failed', error: failure });
      await recordAudit(tx, jobActor(userId), {
        action: 'board_session_failed',
        resourceType: 'board_session',
        resourceId: sessionId,
        organizationId: row.organizationId,
        details: failure,
      });
    });
  }
}

/** The deliberate job's attempts: a crash or a passing error resumes from the checkpoint this many times in all. */
export const DELIBERATE_MAX_ATTEMPTS = 5;

/** Whether the runner will not try again: then the session fails with the error. */
function isFinal(error: unknown, attempt: number): boolean {
  if (error instanceof JobFailure) return !error.options.retryable || attempt >= DELIBERATE_MAX_ATTEMPTS;
  if (error instanceof AppError) return error.code !== 'CANCELLED';
  return attempt >= DELIBERATE_MAX_ATTEMPTS;
}

/** What the session shows of a failure: an AppError's or JobFailure's own words; nothing of a database error. */
function describe(error: unknown): { code: string; message: string } {
  if (error instanceof JobFailure || error instanceof AppError) return { code: error.code, message: error.message.slice(0, 2000) };
  return { code: 'BOARD_FAILED', message: 'The deliberation failed; see the job for details' };
}
