import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import { truncate } from '../../../core/text/index.js';
import { createDiagram, validateMermaid } from '../../diagrams/index.js';
import { requireProjectAccess } from '../../projects/index.js';
import type { Erd, SaveErdInput, SavedErd } from '../dbassist.contract.js';
import { requireSnapshot, type ReadableSnapshot } from '../lint/snapshot-access.js';
import { erDiagram, UnknownTablesError } from './er-diagram.js';

/** The 400 for a viewpoint naming tables the version does not have (or names two namespaces share). */
function unknownTables(error: UnknownTablesError, field: string): AppError {
  return new AppError('VALIDATION_FAILED', error.message, {
    details: [
      ...error.unknown.map((name) => ({ field, message: `no table is named "${name}"`, table: name })),
      ...error.ambiguous.map(({ name, matches }) => ({ field, message: `"${name}" could be ${matches.join(' or ')}: give the namespace`, table: name })),
    ],
  });
}

/** An empty list (`?tables=`) asks for no viewpoint: the whole version. */
function viewpointOf(tables: readonly string[] | undefined): readonly string[] | undefined {
  return tables !== undefined && tables.some((name) => name.trim() !== '') ? tables : undefined;
}

function diagramOf(snapshot: ReadableSnapshot, tables: readonly string[] | undefined, field: string): Erd {
  try {
    return erDiagram(snapshot.model, viewpointOf(tables));
  } catch (error) {
    if (error instanceof UnknownTablesError) throw unknownTables(error, field);
    throw error;
  }
}

/** GET /schemas/{id}/erd: the whole version, or the tables listed (a viewpoint). */
export async function schemaErd(tx: Tx, schemaId: string, tables: readonly string[] | undefined): Promise<Erd> {
  return diagramOf(await requireSnapshot(tx, schemaId), tables, 'tables');
}

type PreparedSave = { snapshot: ReadableSnapshot; erd: Erd };

/**
 * The checks of POST /schemas/{id}/erd/save that read the database: the version (404 unless the caller is a member
 * of its organization), the project (404 unless it is in the same organization; 403 below editor) and the diagram.
 */
export async function prepareErdSave(tx: Tx, userId: string, schemaId: string, input: SaveErdInput): Promise<PreparedSave> {
  const snapshot = await requireSnapshot(tx, schemaId);
  const { project } = await requireProjectAccess(tx, userId, input.projectId, 'write', 'The project is deleted; restore it before saving diagrams into it');
  if (project.organizationId !== snapshot.organizationId) throw notFound('Project');
  return { snapshot, erd: diagramOf(snapshot, input.tables, 'tables') };
}

/** Mermaid's parser, outside the transaction; a diagram too large for a project (over 100,000 characters) is a 422. */
export async function requireSavableErd(erd: Erd): Promise<void> {
  const validation = await validateMermaid(erd.mermaidCode);
  if (validation.ok) return;
  throw new AppError('UNPROCESSABLE', `The ER diagram cannot be saved: ${validation.message}. Save a viewpoint instead: list the tables to show`, {
    details: [{ field: 'tables', message: validation.message }],
  });
}

/** Creates the diagram (type ER) in the project, and the audit event, in the caller's transaction. */
export async function saveErd(tx: Tx, actor: UserActor, prepared: PreparedSave, input: SaveErdInput): Promise<SavedErd> {
  const { snapshot, erd } = prepared;
  const viewpoint = viewpointOf(input.tables) !== undefined;
  const title = input.title ?? truncate(`${snapshot.connectionName}: ${viewpoint ? `${erd.tables.length} tables` : 'schema'} (${snapshot.version})`, 200);
  const description = truncate(
    `Entity relationship diagram of ${viewpoint ? `the tables ${erd.tables.join(', ')}` : 'every table and view'} of the database "${snapshot.connectionName}", schema version ${snapshot.version}.`,
    5000,
  );
  const diagram = await createDiagram(tx, actor, input.projectId, {
    type: 'er',
    title,
    description,
    mermaidCode: erd.mermaidCode,
    options: { source: 'dbassist', connectionId: snapshot.connectionId, schemaId: snapshot.id, schemaVersion: snapshot.version },
    note: `From schema version ${snapshot.version}`,
  });
  await recordAudit(tx, actor, {
    action: 'schema_erd_saved',
    resourceType: 'db_schema',
    resourceId: snapshot.id,
    organizationId: snapshot.organizationId,
    details: { projectId: input.projectId, diagramId: diagram.id, tables: erd.tables.length, viewpoint },
  });
  return { diagramId: diagram.id, projectId: diagram.projectId, title: diagram.title, mermaidCode: diagram.mermaidCode, tables: erd.tables };
}
