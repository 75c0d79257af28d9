import { and, desc, eq, exists, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { contentWords } from '../../../core/text/index.js';
import type { UserActor } from '../../../core/audit.js';
import { withUser } from '../../../core/db/tenancy.js';
import { askSqlTask, type AskSqlInput } from '../ai/ask-sql/index.js';
import type { AskAnswer, AskInput } from '../dbassist.contract.js';
import { executions, savedQueries, schemaColumns, schemaSnapshots, schemaTables, type ColumnStats } from '../dbassist.schema.js';
import { connectionToUse, type ConnectionRow } from '../connections/connections.service.js';
import { openSqlRunner, statementLimitsOf } from '../sql/open-sql-runner.js';
import { runnerLookup } from './value-lookup.js';
import type { SchemaModel } from '../snapshot/schema-model.js';
import { askContext, type SavedExample, type SchemaFacts } from './retrieve-context.js';

/** How many saved queries are read to pick the examples from. */
const EXAMPLE_POOL = 200;

type AskSource = { organizationId: string; connection: ConnectionRow; model: SchemaModel; facts: SchemaFacts; examples: SavedExample[] };

/** Saved queries of the connection that ran successfully at least once, most like the question first. */
function similarExamples(question: string, saved: { question: string | null; description: string | null; sqlText: string }[]): SavedExample[] {
  const asked = new Set(contentWords(question).map((w) => w.toLowerCase()));
  return saved
    .map((q) => {
      const text = q.question ?? q.description ?? '';
      const overlap = contentWords(text).filter((w) => asked.has(w.toLowerCase())).length;
      return { example: { question: text, sql: q.sqlText }, overlap };
    })
    .filter((s) => s.overlap > 0 && s.example.question)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, 5)
    .map((s) => s.example);
}

/**
 * What a question about a connection is answered from: the latest schema version, the documentation and sampled
 * statistics stored with it, and the saved queries that ran. Editors and up (the ask is an AI call on their credits).
 */
export async function loadAskSource(tx: Tx, userId: string, connectionId: string, question: string): Promise<AskSource> {
  const connection = await connectionToUse(tx, userId, connectionId);
  const [snapshot] = await tx
    .select({ id: schemaSnapshots.id, model: schemaSnapshots.schemaJson })
    .from(schemaSnapshots)
    .where(eq(schemaSnapshots.connectionId, connection.id))
    .orderBy(desc(schemaSnapshots.sequence))
    .limit(1);
  if (!snapshot) throw new AppError('CONFLICT', 'The connection has no schema version yet: ingest it before asking questions about it');
  const tables = await tx
    .select({ id: schemaTables.id, namespace: schemaTables.namespace, name: schemaTables.name, description: schemaTables.description })
    .from(schemaTables)
    .where(eq(schemaTables.schemaId, snapshot.id));
  const columns = tables.length
    ? await tx
        .select({ tableId: schemaColumns.tableId, name: schemaColumns.name, description: schemaColumns.description, stats: schemaColumns.stats })
        .from(schemaColumns)
        .where(inArray(schemaColumns.tableId, tables.map((t) => t.id)))
    : [];
  const keyOfTable = new Map(tables.map((t) => [t.id, t.namespace ? `${t.namespace}.${t.name}` : t.name]));
  const tableDescriptions = new Map(tables.map((t) => [keyOfTable.get(t.id)!, t.description]));
  const columnFacts = new Map<string, { description: string | null; stats: ColumnStats | null }>();
  for (const c of columns) columnFacts.set(`${keyOfTable.get(c.tableId)}\u0000${c.name}`, { description: c.description, stats: c.stats ?? null });

  const saved = await tx
    .select({ question: savedQueries.question, description: savedQueries.description, sqlText: savedQueries.sqlText })
    .from(savedQueries)
    .where(
      and(
        eq(savedQueries.connectionId, connection.id),
        isNotNull(savedQueries.sqlText),
        exists(tx.select({ one: executions.id }).from(executions).where(and(eq(executions.queryId, savedQueries.id), eq(executions.status, 'success')))),
      ),
    )
    .orderBy(desc(savedQueries.updatedAt))
    .limit(EXAMPLE_POOL);

  return {
    organizationId: connection.organizationId,
    connection,
    model: snapshot.model,
    facts: {
      tableDescription: (key) => tableDescriptions.get(key) ?? null,
      column: (key, column) => columnFacts.get(`${key}\u0000${column}`) ?? { description: null, stats: null },
    },
    examples: similarExamples(question, saved),
  };
}

/**
 * SQL from a question, through the gateway (one ledger row, whichever engine answers). Values are looked up in the
 * stored samples, and in the database itself when it can be reached (read-only, with the server's statement limits).
 */
export async function askQuestion(context: AppContext, actor: UserActor, connectionId: string, body: AskInput): Promise<AskAnswer> {
  const source = await withUser(context.db, actor.userId, (tx) => loadAskSource(tx, actor.userId, connectionId, body.question));
  // The data itself, when the database can be reached: the samples hold only a few values of each column.
  const runner = await openSqlRunner(context, source.connection, { writable: false }).catch(() => null);
  let input: AskSqlInput;
  try {
    const lookup = runner ? runnerLookup(runner, source.model.engine, statementLimitsOf(context)) : undefined;
    input = await askContext(body.question, source.model, source.facts, { examples: source.examples, lookup });
  } finally {
    await runner?.close().catch(() => undefined);
  }
  const generation = await context.ai.run(askSqlTask, input, { organizationId: source.organizationId, userId: actor.userId });
  const { sql, explanation, tables, notUnderstood } = generation.output;
  return { sql, explanation, tables, notUnderstood, generationId: generation.generationId };
}
