/** The web paths of the database assistant, in one place so links and routes agree. */

const enc = encodeURIComponent;

export const databasesPath = '/databases';

export function connectionPath(connectionId: string): string {
  return `${databasesPath}/${enc(connectionId)}`;
}

/** The schema browser on one version; with a table key ("namespace.table"), that table's page. */
export function schemaPath(connectionId: string, schemaId: string, tableKey?: string): string {
  const base = `${connectionPath(connectionId)}/schemas/${enc(schemaId)}`;
  return tableKey ? `${base}/tables/${enc(tableKey)}` : base;
}

export function historyPath(connectionId: string, from?: string, to?: string): string {
  const base = `${connectionPath(connectionId)}/history`;
  return from && to ? `${base}?from=${enc(from)}&to=${enc(to)}` : base;
}

export function erdPath(connectionId: string, schemaId: string): string {
  return `${connectionPath(connectionId)}/schemas/${enc(schemaId)}/erd`;
}

/** "namespace.table", the key the API names tables by. */
export function tableKeyOf(table: { namespace: string; name: string }): string {
  return `${table.namespace}.${table.name}`;
}

/** The SQL workspace of a connection: questions, the editor, results, saved queries and history. */
export function sqlPath(connectionId: string): string {
  return `${connectionPath(connectionId)}/sql`;
}
