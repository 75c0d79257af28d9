import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.js';
import { withUser } from '../db/tenancy.js';
import { newId } from '../ids.js';
import { aiGenerations, type GenerationStatus, type ProviderName } from './ai.schema.js';

export type GenerationRecord = {
  organizationId: string;
  projectId: string | null;
  userId: string;
  jobId: string | null;
  generationType: string;
  provider: ProviderName;
  model: string;
  prompt: string;
  response: string | null;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  latencyMs: number;
  status: GenerationStatus;
  errorCode?: string | null;
  errorMessage?: string | null;
  metadata?: Record<string, unknown>;
};

/**
 * Appends one model call to app.ai_generations in a short transaction of its own, as the calling user: a call that
 * happened is recorded even when the work around it later fails or rolls back.
 */
export async function recordGeneration(db: Database, record: GenerationRecord): Promise<string> {
  const id = newId();
  await withUser(db, record.userId, (tx) =>
    tx.insert(aiGenerations).values({
      id,
      organizationId: record.organizationId,
      projectId: record.projectId,
      userId: record.userId,
      jobId: record.jobId,
      generationType: record.generationType,
      provider: record.provider,
      model: record.model,
      prompt: record.prompt,
      response: record.response,
      tokensIn: record.tokensIn,
      tokensOut: record.tokensOut,
      cost: record.cost,
      latencyMs: Math.max(0, Math.round(record.latencyMs)),
      status: record.status,
      errorCode: record.errorCode ?? null,
      errorMessage: record.errorMessage?.slice(0, 2000) ?? null,
      metadata: record.metadata ?? {},
    }),
  );
  return id;
}

/**
 * Adds what people did with a generation's output (e.g. how many proposals they accepted) to its ledger row, once:
 * false when the row already has an outcome, is not visible, or the user is no editor of its organization. Runs in
 * the caller's transaction, so the outcome commits with the work it describes.
 */
export async function recordGenerationOutcome(tx: Tx, generationId: string, outcome: Record<string, unknown>): Promise<boolean> {
  const result = await tx.execute(sql`SELECT app.record_generation_outcome(${generationId}::uuid, ${JSON.stringify(outcome)}::jsonb) AS recorded`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ recorded: boolean }>;
  return rows[0]?.recorded === true;
}
