import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaModel } from '../../src/modules/dbassist/snapshot/schema-model.js';
import { readCatalog, SAMPLE_DBS } from './dbassist-pglite.js';

/**
 * SchemaModels for tests of what reads a model (ER diagrams, lint): DDL run in an in-memory PGlite and its catalog read
 * back (dbassist-pglite.ts). Only the schemas matter here, so the samples load without their rows, and several load
 * one after the other in one PGlite (starting one takes seconds).
 */

export type SampleSchema = 'northwind' | 'chinook' | 'pagila';

const files: Record<SampleSchema, string> = {
  northwind: 'northwind/northwind.sql',
  chinook: 'chinook/Chinook_PostgreSql.sql',
  pagila: 'pagila/pagila-schema.sql',
};

/** The sample's DDL without its rows, and without what PGlite cannot run (psql commands, CREATE DATABASE, pgvector). */
export function sampleDdl(sample: SampleSchema): string {
  return readFileSync(path.join(SAMPLE_DBS, files[sample]), 'utf8')
    .replace(/^INSERT INTO[\s\S]*?;[ \t]*$/gm, '')
    .replace(/^\s*(?:DROP DATABASE|CREATE DATABASE|\\).*$/gim, '')
    .replace(/^CREATE EXTENSION IF NOT EXISTS vector.*$|^COMMENT ON EXTENSION vector.*$/gm, '')
    .replace(/^CREATE INDEX .* USING (?:hnsw|ivfflat) .*$/gm, '')
    // This PGlite has no pgvector; an array of reals has the same place in a diagram.
    .replace(/public\.vector\(\d+\)/g, 'real[]');
}

/** Runs `ddl` in a fresh in-memory PGlite and reads its schema. */
export async function schemaModelFromDdl(ddl: string): Promise<SchemaModel> {
  const db = new PGlite();
  try {
    await db.exec(ddl);
    return await readCatalog(db);
  } finally {
    await db.close();
  }
}

/** The samples' models, each read from the public schema and dropped before the next loads. */
export async function sampleSchemaModels<S extends SampleSchema>(samples: readonly S[]): Promise<Record<S, SchemaModel>> {
  const db = new PGlite();
  try {
    const models = {} as Record<S, SchemaModel>;
    for (const sample of samples) {
      await db.exec(sampleDdl(sample));
      // Pagila's dump empties the search path; the catalog reader and the next sample need it back.
      await db.exec('SET search_path TO public;');
      models[sample] = await readCatalog(db);
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    }
    return models;
  } finally {
    await db.close();
  }
}
