import crypto from 'node:crypto';
import { normalizeSchemaModel } from './normalize.js';
import type { SchemaModel } from './schema-model.js';

/**
 * JSON with object keys sorted at every depth, so the same content always hashes the same whatever order its
 * properties were built in. Arrays keep their order (normalize decides it).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * The hash that decides whether a crawl is a new version: sha256 of the normalized model without what describes the
 * data or the server rather than the schema (row estimates move with every insert; a server upgrade changes no table).
 */
export function schemaContentHash(model: SchemaModel): string {
  return hashNormalizedModel(normalizeSchemaModel(model));
}

/**
 * The same hash of a model normalizeSchemaModel already returned. Normalization builds every object with its keys in
 * one fixed order, so plain JSON.stringify is canonical here, and much faster than sorting keys for 15,000 columns.
 */
export function hashNormalizedModel(normalized: SchemaModel): string {
  const content = {
    ...normalized,
    serverVersion: undefined,
    tables: normalized.tables.map((table) => ({ ...table, rowEstimate: undefined })),
  };
  return sha256Hex(JSON.stringify(content));
}

/** "v<sequence>-<first 12 hex digits of the hash>", as dbassist.schemas.version reads. */
export function versionLabel(sequence: number, contentHash: string): string {
  return `v${sequence}-${contentHash.slice(0, 12)}`;
}
