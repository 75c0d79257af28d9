import type { SupportedDbType } from '../../../../shared/dbassist-kinds.js';
import type { TableModel } from '../../snapshot/schema-model.js';
import type { MockRow } from '../mock-value.js';
import { qualifiedName, quoteIdentifier, sqlLiteral } from '../sql-literal.js';
import type { WrittenColumn } from '../table-rows.js';

/**
 * One multi-row INSERT of generated rows, in the engine's dialect. PostgreSQL writes identity columns with
 * OVERRIDING SYSTEM VALUE, so that a GENERATED ALWAYS key takes the values children were given.
 */
export function insertStatement(table: Pick<TableModel, 'namespace' | 'name'>, columns: readonly WrittenColumn[], rows: readonly MockRow[], engine: SupportedDbType): string {
  const names = columns.map((c) => quoteIdentifier(c.name, engine)).join(', ');
  const overriding = engine === 'postgres' && columns.some((c) => c.isIdentity) ? ' OVERRIDING SYSTEM VALUE' : '';
  const values = rows.map((row) => `(${row.map((value, i) => sqlLiteral(value, columns[i]!.type, engine)).join(', ')})`).join(',\n  ');
  return `INSERT INTO ${qualifiedName(table.namespace, table.name, engine)} (${names})${overriding} VALUES\n  ${values};\n`;
}

/**
 * After explicit values went into serial and identity columns, PostgreSQL's sequences still start at 1: this moves
 * each on past the largest value, so the application's next insert does not collide with a mock row.
 */
export function resetSequencesSql(table: Pick<TableModel, 'namespace' | 'name' | 'columns'>, columns: readonly WrittenColumn[]): string[] {
  const qualified = qualifiedName(table.namespace, table.name, 'postgres');
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const statements: string[] = [];
  for (const c of columns) {
    // A serial names its sequence in the default (whether or not the sequence is OWNED BY the column); an identity
    // column's sequence is found through the column.
    const named = /nextval\('((?:[^']|'')+)'/i.exec(table.columns.find((m) => m.name === c.name)?.defaultValue ?? '')?.[1];
    const sequence = named ? literal(named.replace(/''/g, "'")) : c.isIdentity ? `pg_get_serial_sequence(${literal(qualified)}, ${literal(c.name)})` : null;
    if (!sequence) continue;
    statements.push(`SELECT setval(${sequence}, GREATEST((SELECT max(${quoteIdentifier(c.name, 'postgres')}) FROM ${qualified}), 1))`);
  }
  return statements;
}
