import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';

/**
 * A Mermaid `erDiagram` of a schema, or of the tables listed (keys "namespace.table"): entities with their columns
 * and keys, and one relationship per foreign key between two drawn tables.
 */

/** Mermaid entity and attribute names are word characters; a name that is not gets its other characters as `_`. */
function word(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!cleaned) return 'unnamed';
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

function typeWord(dataType: string): string {
  return word(dataType.replace(/\(.*$/s, '').trim() || 'unknown');
}

function entityNames(tables: readonly TableModel[], qualify: boolean): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const table of tables) {
    const base = word(qualify ? `${table.namespace}_${table.name}` : table.name);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    names.set(tableKey(table), name);
  }
  return names;
}

export function erDiagram(model: SchemaModel, tableKeys?: readonly string[]): string {
  const wanted = tableKeys ? new Set(tableKeys) : null;
  const tables = model.tables.filter((t) => !wanted || wanted.has(tableKey(t)));
  const names = entityNames(tables, new Set(tables.map((t) => t.namespace)).size > 1);
  const lines = ['erDiagram'];
  for (const table of tables) {
    const pk = new Set(table.primaryKey?.columns ?? []);
    const fk = new Set(table.foreignKeys.flatMap((f) => f.columns));
    const unique = new Set(table.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]!));
    lines.push(`  ${names.get(tableKey(table))} {`);
    for (const column of table.columns) {
      const keys = [pk.has(column.name) ? 'PK' : '', fk.has(column.name) ? 'FK' : '', unique.has(column.name) && !pk.has(column.name) ? 'UK' : ''].filter(Boolean);
      lines.push(`    ${typeWord(column.dataType)} ${word(column.name)}${keys.length ? ` ${keys.join(', ')}` : ''}`);
    }
    lines.push('  }');
  }
  for (const table of tables) {
    const child = names.get(tableKey(table))!;
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const uniqueSets = [table.primaryKey?.columns ?? [], ...table.uniques.map((u) => u.columns)].map((cols) => [...cols].sort().join(','));
    for (const fk of table.foreignKeys) {
      const parent = names.get(tableKey({ namespace: fk.refNamespace, name: fk.refTable }));
      if (!parent) continue;
      const optional = fk.columns.some((c) => byName.get(c)?.isNullable ?? true);
      const oneToOne = uniqueSets.includes([...fk.columns].sort().join(','));
      const label = fk.columns.join(', ').replace(/"/g, "'");
      lines.push(`  ${parent} ${optional ? '|o' : '||'}--${oneToOne ? 'o|' : 'o{'} ${child} : "${label}"`);
    }
  }
  return lines.join('\n');
}
