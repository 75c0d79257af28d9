import fs from 'node:fs';
import { z } from 'zod';

/**
 * What a model costs, in US dollars per million tokens. The defaults are list prices of common hosted models;
 * AI_PRICING_FILE (JSON: {"model": {"inputPerMillion": 0.15, "outputPerMillion": 0.6}}) adds or overrides entries.
 * A model matches its exact name first, then the longest entry its name starts with ("gpt-4o-mini-2024-07-18"
 * matches "gpt-4o-mini"). Local models (ollama) and the built-in engine cost nothing.
 */
export type ModelPrice = { inputPerMillion: number; outputPerMillion: number };
export type PricingTable = Record<string, ModelPrice>;

export const DEFAULT_PRICING: PricingTable = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'claude-3-5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-opus-4': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-haiku-4': { inputPerMillion: 1, outputPerMillion: 5 },
};

const pricingFileSchema = z.record(
  z.string().min(1),
  z.object({ inputPerMillion: z.number().min(0), outputPerMillion: z.number().min(0) }).strict(),
);

export function loadPricing(file: string | undefined): PricingTable {
  if (!file) return { ...DEFAULT_PRICING };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`AI_PRICING_FILE ${file} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = pricingFileSchema.safeParse(parsed);
  if (!result.success) {
    const problem = result.error.issues[0];
    throw new Error(`AI_PRICING_FILE ${file}: ${problem?.path.join('.') ?? ''} ${problem?.message ?? 'is invalid'}`);
  }
  return { ...DEFAULT_PRICING, ...result.data };
}

export function priceOf(table: PricingTable, model: string): ModelPrice | undefined {
  if (table[model]) return table[model];
  const prefix = Object.keys(table)
    .filter((name) => model.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

/** Dollars for one call, rounded to the ledger's six decimals; undefined when the model has no price. */
export function costOf(table: PricingTable, model: string, tokensIn: number, tokensOut: number): number | undefined {
  const price = priceOf(table, model);
  if (!price) return undefined;
  const dollars = (tokensIn * price.inputPerMillion + tokensOut * price.outputPerMillion) / 1_000_000;
  return Math.round(dollars * 1_000_000) / 1_000_000;
}
