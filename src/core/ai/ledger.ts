import type { Database } from '../db/database.js';
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
