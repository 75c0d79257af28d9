import { AppError } from '../../../core/errors.js';
import { parsePostgres, statementName, type PgNode, type PgStatement } from '../sql/postgres-parser.js';

/**
 * The columns of a saved SELECT that an index could serve: those its WHERE, JOIN (ON and USING) and ORDER BY clauses
 * name, in the query and in its subqueries and CTEs, read from PostgreSQL's own parser (libpg-query). A column is
 * tied to the tables it could belong to; which one has it is the catalog's answer (see resolveColumns).
 */

/** A table as the SQL names it: `schema` is null when the search path decides. */
export type TableName = { schema: string | null; name: string };

export type IndexClause = 'where' | 'join' | 'order';

export type ColumnUse = {
  column: string;
  clause: IndexClause;
  /**
   * Where the column may come from, innermost query level first: PostgreSQL takes the first level with a table that
   * has the column. One table when the SQL qualifies the column or it is a side of JOIN … USING.
   */
  levels: TableName[][];
};

export type QueryColumns = { tables: TableName[]; uses: ColumnUse[] };

type AstNode = PgNode;

/** One query level (a SELECT): its tables, and what its aliases stand for (null: a subquery, CTE or function). */
type Scope = { parent: Scope | null; tables: TableName[]; aliases: Map<string, TableName | null>; ctes: Set<string> };

function notAdvisable(message: string): AppError {
  return new AppError('UNPROCESSABLE', message);
}

/**
 * Parses a saved query and lists its indexable column uses. Index advice prices a plan, so it takes exactly one
 * SELECT (422 otherwise, naming what the SQL is instead). Call loadPostgresParser (sql/postgres-parser.ts) first.
 */
export function indexableColumns(sql: string): QueryColumns {
  let statements: PgStatement[];
  try {
    statements = parsePostgres(sql);
  } catch (error) {
    throw notAdvisable(`The saved SQL does not parse as PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (statements.length !== 1) throw notAdvisable(`Index advice plans one statement; the saved SQL has ${statements.length}`);
  const [kind, body] = Object.entries(statements[0]!.stmt)[0] ?? ['', {}];
  if (kind !== 'SelectStmt') throw notAdvisable(`Index advice plans a SELECT; the saved SQL is ${statementName(kind, body as AstNode)}`);
  if ((body as AstNode).intoClause) throw notAdvisable('Index advice plans a SELECT; the saved SQL is SELECT … INTO, which creates a table');
  const found: QueryColumns = { tables: [], uses: [] };
  visitSelect(body as AstNode, null, found);
  return found;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(node: unknown): string | undefined {
  return isNode(node) && isNode(node.String) && typeof node.String.sval === 'string' ? node.String.sval : undefined;
}

function cteVisible(scope: Scope | null, name: string): boolean {
  for (let level = scope; level; level = level.parent) if (level.ctes.has(name)) return true;
  return false;
}

function visitSelect(select: AstNode, parent: Scope | null, found: QueryColumns): void {
  const scope: Scope = { parent, tables: [], aliases: new Map(), ctes: new Set() };
  // Typed fields of the tree are not wrapped in their node name: withClause is { ctes: [{ CommonTableExpr }] }.
  const withClause = isNode(select.withClause) ? select.withClause : undefined;
  for (const cte of Array.isArray(withClause?.ctes) ? withClause.ctes : []) {
    const entry = isNode(cte) && isNode(cte.CommonTableExpr) ? cte.CommonTableExpr : undefined;
    if (typeof entry?.ctename === 'string') scope.ctes.add(entry.ctename);
  }
  // UNION, INTERSECT, EXCEPT: each side is a query level of its own.
  if (select.op && select.op !== 'SETOP_NONE') {
    walk(withClause, scope, null, found);
    for (const side of [select.larg, select.rarg]) if (isNode(side)) visitSelect(side, scope, found);
    return;
  }
  walk(withClause, scope, null, found);
  for (const item of Array.isArray(select.fromClause) ? select.fromClause : []) visitFrom(item, scope, found);
  walk(select.whereClause, scope, 'where', found);
  walk(select.sortClause, scope, 'order', found);
  // The rest is searched only for subqueries (a scalar subquery in the select list has its own WHERE).
  for (const key of ['targetList', 'groupClause', 'havingClause', 'distinctClause', 'valuesLists', 'limitCount', 'limitOffset', 'windowClause']) {
    walk(select[key], scope, null, found);
  }
}

/** Registers what a FROM item brings into scope; returns the tables under it (the sides of a JOIN … USING). */
function visitFrom(item: unknown, scope: Scope, found: QueryColumns): TableName[] {
  if (!isNode(item)) return [];
  if (isNode(item.RangeVar)) {
    const range = item.RangeVar;
    const name = String(range.relname);
    const schema = typeof range.schemaname === 'string' ? range.schemaname : null;
    const alias = isNode(range.alias) && typeof range.alias.aliasname === 'string' ? range.alias.aliasname : name;
    if (schema === null && cteVisible(scope, name)) {
      scope.aliases.set(alias, null);
      return [];
    }
    const table: TableName = { schema, name };
    scope.tables.push(table);
    scope.aliases.set(alias, table);
    found.tables.push(table);
    return [table];
  }
  if (isNode(item.JoinExpr)) {
    const join = item.JoinExpr;
    const left = visitFrom(join.larg, scope, found);
    const right = visitFrom(join.rarg, scope, found);
    walk(join.quals, scope, 'join', found);
    // USING (id) compares left.id with right.id: both sides are candidates.
    for (const column of (Array.isArray(join.usingClause) ? join.usingClause : []).map(stringOf)) {
      if (column === undefined) continue;
      for (const side of [left, right]) if (side.length > 0) found.uses.push({ column, clause: 'join', levels: [side] });
    }
    if (isNode(join.alias) && typeof join.alias.aliasname === 'string') scope.aliases.set(join.alias.aliasname, null);
    return [...left, ...right];
  }
  // A subquery or a function in FROM: its alias names no table, its inside may. Unless LATERAL, it cannot see the
  // other FROM items of its level, only the levels around it (and the level's CTEs).
  const [, inner] = Object.entries(item)[0] ?? [];
  const lateral = isNode(inner) && inner.lateral === true;
  walk(item, lateral ? scope : { parent: scope.parent, tables: [], aliases: new Map(), ctes: scope.ctes }, null, found);
  if (isNode(inner) && isNode(inner.alias) && typeof inner.alias.aliasname === 'string') scope.aliases.set(inner.alias.aliasname, null);
  return [];
}

/** Records the column references of `node` under `clause` (none when null), and visits the subqueries in it. */
function walk(node: unknown, scope: Scope, clause: IndexClause | null, found: QueryColumns): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, scope, clause, found);
    return;
  }
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'SelectStmt' && isNode(value)) visitSelect(value, scope, found);
    else if (key === 'ColumnRef' && isNode(value)) {
      if (clause) recordColumn(value, scope, clause, found);
    } else walk(value, scope, clause, found);
  }
}

function recordColumn(ref: AstNode, scope: Scope, clause: IndexClause, found: QueryColumns): void {
  const fields = Array.isArray(ref.fields) ? ref.fields : [];
  const column = stringOf(fields.at(-1));
  if (column === undefined) return; // t.*
  if (fields.length === 1) {
    const levels: TableName[][] = [];
    for (let level: Scope | null = scope; level; level = level.parent) if (level.tables.length > 0) levels.push(level.tables);
    if (levels.length > 0) found.uses.push({ column, clause, levels });
    return;
  }
  const qualifier = stringOf(fields.at(-2));
  if (qualifier === undefined) return;
  for (let level: Scope | null = scope; level; level = level.parent) {
    if (!level.aliases.has(qualifier)) continue;
    const table = level.aliases.get(qualifier);
    if (table) found.uses.push({ column, clause, levels: [[table]] });
    return;
  }
}
