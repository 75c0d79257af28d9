import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AiGateway } from '../../core/ai/index.js';
import type { Database } from '../../core/db/database.js';
import { withUser } from '../../core/db/tenancy.js';
import { AppError } from '../../core/errors.js';
import { errorBody } from '../../core/http/error-handler.js';
import { clientGone, type SseStreams } from '../../core/http/sse.js';
import { estimateTokens } from '../../core/text/index.js';
import type { UserActor } from '../organizations/index.js';
import { answerQuestionTask, NOTHING_FOUND } from './ai/answer-question/index.js';
import { anyRelevant, citedSources, retrieveChatContext, taskContextOf, type ContextSource } from './chat-context.service.js';
import type { LiveStreams } from './live-streams.js';
import {
  finishAnswer,
  flushAnswer,
  markQuestionFailed,
  startAnswer,
  storeQuestion,
  toMessage,
  type MessageRow,
  type StoredQuestion,
} from './messages.service.js';

/** The streamed text is written to the answer's row at most this often, so a crash loses at most this much. */
export const FLUSH_INTERVAL_MS = 500;

export type AnswerDeps = { db: Database; ai: AiGateway; streams: SseStreams; live: LiveStreams };

/** What the finished answer records: the ledger row, or none for an answer given without a model call. */
type Answered = { generationId: string | null; tokensOut: number; provider: string; model: string };

/** The answer when no source is about the question: the plain sentence, streamed like any answer, costing nothing. */
function nothingFound(): { textStream: AsyncIterable<string>; result: Promise<Answered> } {
  async function* words(): AsyncGenerator<string> {
    for (const match of NOTHING_FOUND.matchAll(/\S+\s*/g)) yield match[0];
  }
  return { textStream: words(), result: Promise.resolve({ generationId: null, tokensOut: estimateTokens(NOTHING_FOUND), provider: 'none', model: 'none' }) };
}

/** The ledger row an interrupted call was recorded as, when the gateway could record it. */
function ledgerIdOf(failure: unknown): string | null {
  if (!(failure instanceof AppError) || !failure.details || Array.isArray(failure.details)) return null;
  const id = failure.details['generationId'];
  return typeof id === 'string' ? id : null;
}

function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', 'The answer stopped unexpectedly');
}

/**
 * POST …/conversations/{id}/messages. The question is stored first; errors before the first text (no credit left,
 * the model unreachable) mark it failed and answer with the normal JSON error. From the first text on, the answer
 * is a Server-Sent Events stream (user, citations, delta…, done | error + done) and its row is kept in step: inserted
 * as streaming, flushed every half second, then complete — or interrupted with what arrived.
 */
export async function answerQuestion(
  deps: AnswerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: UserActor,
  projectId: string,
  conversationId: string,
  content: string,
): Promise<void> {
  const { db, live } = deps;
  const release = live.claim(conversationId);
  if (!release) throw new AppError('CONFLICT', 'An answer is still being written in this conversation; wait for it or stop it first');
  try {
    // This process holds the conversation now, so any streaming row in it lost its writer.
    const question = await withUser(db, actor.userId, (tx) => storeQuestion(tx, actor, projectId, conversationId, content));
    await streamAnswer(deps, request, reply, actor, question);
  } finally {
    release();
  }
}

async function streamAnswer(deps: AnswerDeps, request: FastifyRequest, reply: FastifyReply, actor: UserActor, question: StoredQuestion): Promise<void> {
  const { db, ai, streams, live } = deps;
  const { conversation } = question;
  const gone = clientGone(request, reply);
  const failQuestion = async (failure: AppError) => {
    await withUser(db, actor.userId, (tx) => markQuestionFailed(tx, question.message.id, failure.code, failure.message)).catch((error: unknown) =>
      request.log.error({ err: error }, 'could not mark a question failed'),
    );
  };

  // Everything up to the first piece of text can still answer with a status and the JSON error shape.
  let sources: ContextSource[];
  let iterator: AsyncIterator<string>;
  let first: IteratorResult<string>;
  let result: Promise<Answered>;
  try {
    sources = await withUser(db, actor.userId, (tx) => retrieveChatContext(tx, actor.userId, conversation.projectId, question.message.content));
    // Nothing in the project is about the question: say so plainly, without a model call, so no credit is spent.
    const relevant = anyRelevant(question.message.content, sources);
    const opened = relevant
      ? await ai.stream(
          answerQuestionTask,
          { question: question.message.content, context: taskContextOf(sources) },
          { organizationId: conversation.organizationId, projectId: conversation.projectId, userId: actor.userId, signal: gone.signal },
        )
      : nothingFound();
    if (!relevant) sources = [];
    result = opened.result;
    iterator = opened.textStream[Symbol.asyncIterator]();
    first = await iterator.next();
  } catch (error) {
    const failure = asAppError(error);
    if (!(error instanceof AppError)) request.log.error({ err: error }, 'chat answer failed before streaming');
    await failQuestion(failure);
    throw failure;
  }

  let text = first.done ? '' : first.value;
  let answer: MessageRow;
  try {
    answer = await withUser(db, actor.userId, (tx) => startAnswer(tx, question, { sources: sources.map((s) => s.citation.id) }));
  } catch (error) {
    // Leaving the stream records the call as cancelled; the question stays unanswered.
    await iterator.return?.();
    const failure = asAppError(error);
    request.log.error({ err: error }, 'could not store the answer');
    await failQuestion(failure);
    throw failure;
  }

  const sse = streams.open(request, reply);
  sse.signal.addEventListener('abort', () => gone.abort());
  const { isLive } = live;
  sse.send('user', toMessage(question.message, isLive));
  sse.send('citations', { items: sources.map((source) => source.citation) });
  if (text) sse.send('delta', { text });

  let lastFlush = Date.now();
  let finished = first.done === true;
  try {
    while (!finished) {
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        break;
      }
      text += next.value;
      sse.send('delta', { text: next.value });
      if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
        lastFlush = Date.now();
        const flushed = text;
        await withUser(db, actor.userId, (tx) => flushAnswer(tx, answer.id, flushed));
      }
    }
    const generation = await result;
    const stored = await withUser(db, actor.userId, (tx) =>
      finishAnswer(tx, answer.id, {
        status: 'complete',
        content: text,
        tokenCount: generation.tokensOut,
        generationId: generation.generationId,
        metadata: {
          citations: citedSources(text, sources),
          ...(generation.generationId ? { provider: generation.provider, model: generation.model } : { nothingFound: true }),
        },
      }),
    );
    sse.send('done', toMessage(stored ?? answer, isLive));
  } catch (error) {
    if (!finished) await iterator.return?.().catch(() => undefined);
    // The gateway settles the call's result in every case; a stopped call names its ledger row.
    const ended = await result.then(() => undefined, (reason: unknown) => reason);
    const failure = gone.signal.aborted
      ? new AppError('CANCELLED', 'The answer was stopped before it was complete')
      : asAppError(error);
    if (!(error instanceof AppError)) request.log.error({ err: error }, 'chat answer failed while streaming');
    const stored = await withUser(db, actor.userId, (tx) =>
      finishAnswer(tx, answer.id, {
        status: 'interrupted',
        content: text,
        tokenCount: estimateTokens(text),
        generationId: ledgerIdOf(ended),
        metadata: {
          citations: citedSources(text, sources),
          errorCode: failure.code,
          errorMessage: failure.message,
          interruptedBy: gone.signal.aborted ? 'client' : 'model',
        },
      }),
    ).catch((storeError: unknown) => {
      request.log.error({ err: storeError }, 'could not store an interrupted answer');
      return undefined;
    });
    if (!text) await failQuestion(failure);
    sse.send('error', errorBody(request, failure.code, failure.message));
    if (stored) sse.send('done', toMessage(stored, isLive));
  } finally {
    sse.close();
  }
}
