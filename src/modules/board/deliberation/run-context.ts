import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import type { AiCallContext, Generation } from '../../../core/ai/index.js';
import type { ObjectTask } from '../../../core/ai/task.js';
import type { Tx } from '../../../core/db/database.js';
import { projects } from '../../../core/db/platform.schema.js';
import { withUser } from '../../../core/db/tenancy.js';
import { AppError } from '../../../core/errors.js';
import type { JobContext } from '../../../core/jobs/index.js';
import { ensureProjectModel } from '../../project-model/index.js';
import type { OptionInput, Problem } from '../ai/index.js';
import { projectDigest } from '../ai/project-digest.js';
import { budgetReached, concurrentCalls, type Caps, type Spend } from './budget.js';
import { normalizeOptionId } from './decision-parts.js';
import { loadContributions, loadSession, loadVotes, SessionNotActive, type ContributionRow, type SessionRow, type VoteRow } from './session-store.js';
import type { DeliberatePayload } from './start-deliberation.js';

/**
 * What one run of a session's deliberation shares between its phases: the session row as last read or written, the
 * contributions and ballots stored so far, what the session has spent and the dearest call so far, and the helpers
 * every phase calls through (a transaction as the job's creator, one AI call under the caps, calls in batches).
 */

/** The caps are reached: no more calls; the run goes straight to the votes and the synthesis. */
export class BudgetReached extends Error {
  constructor() {
    super('The session reached its cost or token cap');
    this.name = 'BudgetReached';
  }
}

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
export const spendOf = (generation: Generation<unknown>): Spend => ({ cost: generation.cost, tokens: generation.tokensIn + generation.tokensOut });

export class DeliberationRun {
  readonly userId: string;
  readonly jobId: string;
  readonly sessionId: string;
  readonly config: AppContext['config']['board'];
  readonly caps: Caps;
  /** What the session has spent, as far as this run knows (never less than its stored totals). */
  spent: Spend;
  /** The dearest call so far: how much one more call may cost. */
  readonly perCall: Spend = { cost: 0, tokens: 0 };
  /** Set once the caps are reached: no more calls in this run. */
  budgetHit = false;
  /** The session's contributions and ballots, in the order they were stored. */
  records: ContributionRow[] = [];
  ballots: VoteRow[] = [];

  private constructor(
    readonly context: AppContext,
    readonly job: JobContext<DeliberatePayload>,
    public session: SessionRow,
  ) {
    this.userId = job.job.createdBy;
    this.jobId = job.job.id;
    this.sessionId = job.job.payload.sessionId;
    this.config = context.config.board;
    this.caps = { budgetUsd: session.budgetUsd, tokenCap: session.tokenCap };
    this.spent = { cost: session.spentUsd, tokens: session.spentTokens };
  }

  /** The run of the job's session as the database holds it now; null when the session no longer exists. */
  static async open(context: AppContext, job: JobContext<DeliberatePayload>): Promise<DeliberationRun | null> {
    const sessionId = job.job.payload.sessionId;
    const session = await withUser(context.db, job.job.createdBy, (tx) => loadSession(tx, sessionId));
    return session ? new DeliberationRun(context, job, session) : null;
  }

  get organizationId(): string {
    return this.session.organizationId;
  }

  inTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return withUser(this.context.db, this.userId, work);
  }

  callContext(model?: string): AiCallContext {
    return {
      organizationId: this.session.organizationId,
      projectId: this.session.projectId,
      userId: this.userId,
      jobId: this.jobId,
      signal: this.job.signal,
      ...(model ? { model } : {}),
    };
  }

  /** Takes `row` as the session now is; the totals only grow (results stored concurrently may arrive out of order). */
  noteSession(row: SessionRow): void {
    this.session = row;
    this.spent = { cost: Math.max(this.spent.cost, row.spentUsd), tokens: Math.max(this.spent.tokens, row.spentTokens) };
  }

  /** Reads the session again; throws SessionNotActive once a request paused or ended it. */
  async refresh(): Promise<SessionRow> {
    const row = await this.inTx((tx) => loadSession(tx, this.sessionId));
    if (!row || row.status !== 'active') throw new SessionNotActive(row?.status ?? 'gone');
    this.noteSession(row);
    return row;
  }

  /** Loads what earlier runs stored; their dearest call prices the next batches. */
  async loadStoredResults(): Promise<void> {
    this.records = await this.inTx((tx) => loadContributions(tx, this.sessionId));
    this.ballots = await this.inTx((tx) => loadVotes(tx, this.sessionId));
    for (const row of [...this.records, ...this.ballots]) {
      this.perCall.cost = Math.max(this.perCall.cost, row.cost);
      this.perCall.tokens = Math.max(this.perCall.tokens, row.tokens);
    }
  }

  /** One AI call, after checking the caps; a cap of the organization (BUDGET_EXCEEDED) ends the calls like the session's. */
  async call<I, O>(task: ObjectTask<I, O>, input: I, model?: string): Promise<Generation<O>> {
    if (this.budgetHit || budgetReached(this.spent, this.caps)) {
      this.budgetHit = true;
      throw new BudgetReached();
    }
    try {
      const generation = await this.context.ai.run(task, input, this.callContext(model));
      const spend = spendOf(generation);
      this.perCall.cost = Math.max(this.perCall.cost, spend.cost);
      this.perCall.tokens = Math.max(this.perCall.tokens, spend.tokens);
      return generation;
    } catch (error) {
      if (error instanceof AppError && error.code === 'BUDGET_EXCEEDED') {
        this.budgetHit = true;
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
  async inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    while (next < items.length && !this.budgetHit) {
      if (budgetReached(this.spent, this.caps)) {
        this.budgetHit = true;
        break;
      }
      const slots = concurrentCalls(this.spent, this.caps, this.perCall, items.length - next);
      const batch = items.slice(next, next + slots);
      next += batch.length;
      const settled = await Promise.allSettled(batch.map((item) => work(item)));
      const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof BudgetReached));
      if (failure) throw failure.reason;
    }
  }

  // ── The problem as every task reads it ──────────────────────────────────────────────────────────────────────────
  async problemInput(): Promise<Problem> {
    const s = this.session;
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
      const [row] = await this.inTx((tx) => tx.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)));
      const { model } = await ensureProjectModel(this.context, { ...this.callContext(), projectId }, 'Built for a board session');
      project = projectDigest(row?.name ?? 'Project', model);
    }
    return { statement: s.problemStatement, context: clip(contextLines, 20_000), answers, project };
  }

  optionInputs(): OptionInput[] {
    return this.session.options.map((o) => ({ id: o.id, label: clip(o.label, 200), description: clip(o.description, 1000) }));
  }

  /** `id` as one of the session's options, or null when it names none. */
  validOption(id: string | null | undefined): string | null {
    const normalized = normalizeOptionId(id);
    return normalized && this.session.options.some((o) => o.id === normalized) ? normalized : null;
  }
}
