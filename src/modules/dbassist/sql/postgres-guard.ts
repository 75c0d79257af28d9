import { loadPostgresParser, parsePostgres, statementName, text, writeStatements, type PgNode, type PgStatement } from './postgres-parser.js';
import { isDeniedFunction, outsideRefusal, reachesOutside } from './denied-functions.js';
import { findInTree } from './tree-search.js';
import { NO_STATEMENT, notARead, tooManyStatements, type StatementVerdict } from './statement-verdict.js';

/**
 * Reads PostgreSQL statements with PostgreSQL's own parser (libpg-query), so what the guard sees is what the server
 * will run: a leading comment, odd spacing or quoting cannot hide a statement from it. On a read-only connection only
 * a single SELECT / VALUES / TABLE, EXPLAIN (without ANALYZE) of one, or SHOW may run, and anywhere in its tree there
 * may be no data-modifying statement (a writable CTE), no SELECT … INTO, no locking clause and no deny-listed function.
 */

type Node = PgNode;

const lockStrengths: Record<string, string> = {
  LCS_FORUPDATE: 'FOR UPDATE',
  LCS_FORNOKEYUPDATE: 'FOR NO KEY UPDATE',
  LCS_FORSHARE: 'FOR SHARE',
  LCS_FORKEYSHARE: 'FOR KEY SHARE',
};

function functionName(call: Node): string {
  const parts = (call.funcname as Node[] | undefined) ?? [];
  const last = parts[parts.length - 1]?.String as Node | undefined;
  return text(last?.sval);
}

/** The first thing in a statement's tree that a read may not contain, or null. */
function forbiddenInTree(root: unknown): string | null {
  return findInTree(root, (node) => {
    for (const [key, child] of Object.entries(node)) {
      if (key in writeStatements) return `writable CTE (${writeStatements[key]})`;
      if (key === 'intoClause' && child) return 'SELECT … INTO';
      if (key === 'lockingClause' && Array.isArray(child) && child.length > 0) {
        const strength = ((child[0] as Node).LockingClause as Node | undefined)?.strength;
        return lockStrengths[String(strength)] ?? 'locking clause';
      }
      if (key === 'FuncCall') {
        const name = functionName(child as Node);
        if (isDeniedFunction('postgres', name)) return `function ${name}`;
      }
    }
    return null;
  });
}

function explainOptions(explain: Node): string[] {
  return ((explain.options as Node[] | undefined) ?? []).map((option) => text((option.DefElem as Node | undefined)?.defname).toLowerCase());
}

/** The read-only verdict of one parsed statement: null when it may run. */
function readRefusal(nodeType: string, node: Node): string | null {
  if (nodeType === 'VariableShowStmt') return null;
  if (nodeType === 'ExplainStmt') {
    if (explainOptions(node).includes('analyze')) return 'EXPLAIN ANALYZE (it runs the statement)';
    const [innerType, inner] = Object.entries(node.query as Node)[0] ?? [];
    if (innerType !== 'SelectStmt') return notARead(`EXPLAIN ${statementName(String(innerType), (inner ?? {}) as Node)}`);
    return forbiddenInTree(inner);
  }
  if (nodeType !== 'SelectStmt') return notARead(statementName(nodeType, node));
  return forbiddenInTree(node);
}

async function parseStatements(sql: string): Promise<PgStatement[] | string> {
  await loadPostgresParser();
  try {
    return parsePostgres(sql);
  } catch (error) {
    return `SQL that does not parse (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** What in a statement reaches past the database (server files, programs, other servers), or null. */
function outsideInTree(root: unknown): string | null {
  return findInTree(root, (node) => {
    const copy = node.CopyStmt as Node | undefined;
    if (copy && (copy.filename || copy.is_program)) return outsideRefusal(copy.is_program ? 'COPY … PROGRAM' : 'COPY to or from a server file');
    const name = node.FuncCall ? functionName(node.FuncCall as Node) : '';
    return reachesOutside('postgres', name) ? outsideRefusal(`function ${name}`) : null;
  });
}

/**
 * The guard's verdict on PostgreSQL SQL. With `allowWrite` (a read-write connection, a confirmed write) any single
 * statement may run; `kind` still says whether it writes, for the preview and the audit.
 */
export async function checkPostgresStatement(sql: string, options: { allowWrite: boolean }): Promise<StatementVerdict> {
  if (sql.trim() === '') return { kind: 'read', refusal: NO_STATEMENT, explainable: false };
  const parsed = await parseStatements(sql);
  if (typeof parsed === 'string') return { kind: 'write', refusal: parsed, explainable: false };
  if (parsed.length === 0) return { kind: 'read', refusal: NO_STATEMENT, explainable: false };
  const [nodeType, node] = Object.entries(parsed[0]!.stmt)[0] as [string, Node];
  const refusal = readRefusal(nodeType, node);
  const kind = refusal === null ? 'read' : 'write';
  const explainable = nodeType === 'SelectStmt' || nodeType in writeStatements;
  if (parsed.length > 1) return { kind, refusal: tooManyStatements(parsed.length), explainable };
  return { kind, refusal: options.allowWrite ? outsideInTree(parsed[0]!.stmt) : refusal, explainable };
}
