import { boardFramingTask, type Problem } from '../ai/index.js';
import type { DeliberationOption } from '../board.contract.js';
import { appendSessionEvent } from '../session-events.js';
import type { Spend } from './budget.js';
import { BudgetReached, spendOf, type DeliberationRun } from './run-context.js';
import { advanceSession } from './session-store.js';

/** How the framing left the session: framed (sub-questions and options), or paused on questions for its owner. */
export type FramingOutcome = 'framed' | 'awaiting_input';

/**
 * Phase 1: the framing task splits the problem into sub-questions and options, and — when nobody has been asked
 * yet — may ask clarifying questions first, which pauses the session until they are answered.
 */
export async function frameProblem(run: DeliberationRun, problem: Problem): Promise<FramingOutcome> {
  const { session, sessionId } = run;
  const mayAsk = session.clarifications.length === 0;
  const input = { problem, mayAsk, seed: session.seed };
  let output;
  let spend: Spend = { cost: 0, tokens: 0 };
  try {
    const generation = await run.call(boardFramingTask, input);
    output = generation.output;
    spend = spendOf(generation);
  } catch (error) {
    if (!(error instanceof BudgetReached)) throw error;
    // Without a call the built-in framing still gives the panel something to decide between.
    output = boardFramingTask.builtin({ ...input, mayAsk: false }, {});
  }
  if (mayAsk && output.clarifications.length > 0) {
    const clarifications = output.clarifications.map((c, i) => ({ id: `c${i + 1}`, question: c.question, why: c.why, answer: null, skipped: false }));
    await run.inTx(async (tx) => {
      const row = await advanceSession(tx, sessionId, { clarifications, status: 'paused', phase: 'awaiting_input' }, spend);
      await appendSessionEvent(tx, sessionId, 'clarifications', { clarifications: row.clarifications });
    });
    return 'awaiting_input';
  }
  const subQuestions = output.subQuestions.map((q, i) => ({ id: `q${i + 1}`, text: q.text, families: q.families }));
  const options: DeliberationOption[] = output.options.map((o, i) => ({
    id: String.fromCharCode(65 + i),
    label: o.label,
    description: o.description,
    proposedBy: null,
  }));
  run.noteSession(
    await run.inTx(async (tx) => {
      const row = await advanceSession(tx, sessionId, { subQuestions, options, phase: 'persona_selection' }, spend);
      await appendSessionEvent(tx, sessionId, 'options', { subQuestions: row.subQuestions, options: row.options });
      return row;
    }),
  );
  return 'framed';
}
