import type { Tx } from '../../../core/db/database.js';
import type { LintReport } from '../dbassist.contract.js';
import { coverageOf, documentedKeys } from '../docs/coverage.js';
import { lintSchema } from './lint.js';
import { requireSnapshot } from './snapshot-access.js';

/**
 * GET /schemas/{id}/lint: the findings of one version, and the shares of its tables and columns that are documented
 * (documentation belongs to the connection and matches a version by object key).
 */
export async function lintReport(tx: Tx, schemaId: string): Promise<LintReport> {
  const snapshot = await requireSnapshot(tx, schemaId);
  return { findings: lintSchema(snapshot.model), coverage: coverageOf(snapshot.model, await documentedKeys(tx, snapshot.connectionId)) };
}
