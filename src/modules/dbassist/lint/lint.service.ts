import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import type { LintReport } from '../dbassist.contract.js';
import { schemaDocs } from '../dbassist.schema.js';
import { columnKey, tableKey, type SchemaModel } from '../snapshot/schema-model.js';
import { lintSchema } from './lint.js';
import { requireSnapshot } from './snapshot-access.js';

/** GET /schemas/{id}/lint: the findings of one version and how much of it is documented. */
export async function lintReport(tx: Tx, schemaId: string): Promise<LintReport> {
  const snapshot = await requireSnapshot(tx, schemaId);
  return { findings: lintSchema(snapshot.model), coverage: await documentationCoverage(tx, snapshot.connectionId, snapshot.model) };
}

/**
 * Shares from 0 to 1 of the version's tables (views included) and columns that have a non-empty documentation
 * text. Documentation belongs to the connection and matches a version by object key, so a text written for an
 * older version counts for the same table in a newer one. A version with no tables (or no columns) has nothing left
 * undocumented: its share is 1.
 */
export async function documentationCoverage(tx: Tx, connectionId: string, model: SchemaModel): Promise<LintReport['coverage']> {
  const tableKeys = new Set(model.tables.map(tableKey));
  const columnKeys = new Set(model.tables.flatMap((table) => table.columns.map((column) => columnKey(table, column))));
  const documented = await tx
    .select({ scope: schemaDocs.scope, objectKey: schemaDocs.objectKey })
    .from(schemaDocs)
    .where(and(eq(schemaDocs.connectionId, connectionId), inArray(schemaDocs.scope, ['table', 'column']), sql`btrim(${schemaDocs.contentMd}) <> ''`));
  let tables = 0;
  let columns = 0;
  for (const { scope, objectKey } of documented) {
    if (scope === 'table' && tableKeys.has(objectKey)) tables += 1;
    else if (scope === 'column' && columnKeys.has(objectKey)) columns += 1;
  }
  const share = (count: number, total: number) => (total === 0 ? 1 : Math.min(1, count / total));
  return { tables: share(tables, tableKeys.size), columns: share(columns, columnKeys.size) };
}
