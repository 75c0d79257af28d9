import sqlParser from 'node-sql-parser';
import { isDeniedFunction, outsideRefusal, reachesOutside } from './denied-functions.js';
import { findInTree } from './tree-search.js';
import { NO_STATEMENT, notARead, tooManyStatements, type StatementVerdict } from './statement-verdict.js';

/**
 * Reads MySQL/MariaDB statements with node-sql-parser (MariaDB dialect). That parser is not the server's, so a lexical
 * pass comes first and refuses where the two could read the text differently: executable comments (`/*! … *\/` runs on
 * the server, a parser skips it) and `--` without a space (a comment to the parser, two minus signs to the server).
 * The same pass looks for deny-listed function calls, INTO OUTFILE/DUMPFILE and locking clauses in the code outside
 * string literals, whatever the parser makes of it; then the parse tree must be one SELECT (or SHOW, DESCRIBE,
 * EXPLAIN of a SELECT) with no INTO, no locking read and no deny-listed function. The runner's session pins sql_mode,
 * so backslash escapes and double quotes mean what the parser assumed.
 */

type Node = Record<string, unknown>;

const parser = new sqlParser.Parser();

/** The SQL with string literals emptied and comments removed, or the first lexical hazard found. */
function codeOutsideStrings(sql: string): { code: string } | { hazard: string } {
  let code = '';
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    const next = sql[i + 1] ?? '';
    if (char === '/' && next === '*') {
      if (sql[i + 2] === '!' || (sql[i + 2] === 'M' && sql[i + 3] === '!')) return { hazard: 'executable comment /*! … */' };
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      code += ' ';
      continue;
    }
    if (char === '-' && next === '-') {
      const after = sql[i + 2];
      if (after !== undefined && !/\s/.test(after)) return { hazard: "'--' not followed by a space (the server reads it as two minus signs, not a comment)" };
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      code += ' ';
      continue;
    }
    if (char === '#') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      code += ' ';
      continue;
    }
    if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\') j += 2;
        else if (sql[j] === char && sql[j + 1] === char) j += 2;
        else if (sql[j] === char) break;
        else j += 1;
      }
      code += "''";
      i = j + 1;
      continue;
    }
    if (char === '`') {
      const end = sql.indexOf('`', i + 1);
      // A quoted name stays (unquoted) so that `sleep`(1) is seen as the call it is.
      code += end < 0 ? sql.slice(i + 1) : sql.slice(i + 1, end);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    code += char;
    i += 1;
  }
  return { code };
}

function lexicalRefusal(code: string): string | null {
  for (const match of code.matchAll(/([A-Za-z_][A-Za-z0-9_$]*)\s*\(/g)) {
    if (isDeniedFunction('mysql', match[1]!)) return `function ${match[1]!.toLowerCase()}`;
  }
  const into = /\binto\s+(outfile|dumpfile)\b/i.exec(code);
  if (into) return `SELECT … INTO ${into[1]!.toUpperCase()}`;
  if (/\block\s+in\s+share\s+mode\b/i.test(code)) return 'LOCK IN SHARE MODE';
  const lock = /\bfor\s+(update|share)\b/i.exec(code);
  if (lock) return `FOR ${lock[1]!.toUpperCase()}`;
  return null;
}

function functionName(node: Node): string {
  const parts = ((node.name as Node | undefined)?.name as Node[] | undefined) ?? [];
  const last = parts[parts.length - 1]?.value;
  return typeof last === 'string' ? last : '';
}

/** The first thing in a SELECT's tree that a read may not contain, or null. */
function forbiddenInTree(root: unknown): string | null {
  return findInTree(root, (node) => {
    if (node.type === 'function' && isDeniedFunction('mysql', functionName(node))) return `function ${functionName(node).toLowerCase()}`;
    const into = node.into as Node | undefined;
    if (node.type === 'select' && into && typeof into.keyword === 'string') return into.keyword === 'var' ? 'SELECT … INTO a variable' : `SELECT … INTO ${into.keyword.toUpperCase()}`;
    if (node.type === 'select' && typeof node.locking_read === 'string') return node.locking_read.toUpperCase();
    return null;
  });
}

function readRefusal(statement: Node): string | null {
  const type = typeof statement.type === 'string' ? statement.type : 'unknown';
  if (type === 'show' || type === 'desc') return null;
  if (type === 'explain') {
    const inner = statement.expr as Node | undefined;
    if (inner?.type !== 'select') return notARead(`EXPLAIN ${typeof inner?.type === 'string' ? inner.type.toUpperCase() : 'of that statement'}`);
    return forbiddenInTree(inner);
  }
  if (type !== 'select') return notARead(type.toUpperCase());
  return forbiddenInTree(statement);
}

/** What in the code (outside strings and comments) reaches past the database: files, programs. */
function outsideInCode(code: string): string | null {
  const into = /\binto\s+(outfile|dumpfile)\b/i.exec(code);
  if (into) return outsideRefusal(`SELECT … INTO ${into[1]!.toUpperCase()}`);
  const load = /\bload\s+(data|xml)\b/i.exec(code);
  if (load) return outsideRefusal(`LOAD ${load[1]!.toUpperCase()}`);
  for (const call of code.matchAll(/\b([a-z_][\w$]*)\s*\(/gi)) {
    if (reachesOutside('mysql', call[1]!)) return outsideRefusal(`function ${call[1]!.toLowerCase()}`);
  }
  return null;
}

/** The guard's verdict on MySQL/MariaDB SQL; with `allowWrite` any single statement may run that stays in the database. */
export function checkMysqlStatement(sql: string, options: { allowWrite: boolean }): StatementVerdict {
  const lexical = codeOutsideStrings(sql);
  if ('hazard' in lexical) return { kind: 'write', refusal: lexical.hazard, explainable: false };
  if (lexical.code.replaceAll(';', ' ').trim() === '') return { kind: 'read', refusal: NO_STATEMENT, explainable: false };
  const outsideReach = outsideInCode(lexical.code);
  if (outsideReach !== null) return { kind: 'write', refusal: outsideReach, explainable: false };
  const hidden = lexicalRefusal(lexical.code);
  if (hidden !== null && !options.allowWrite) return { kind: 'write', refusal: hidden, explainable: false };
  let statements: Node[];
  try {
    const ast = parser.astify(sql, { database: 'MariaDB' }) as unknown as Node | Node[];
    statements = Array.isArray(ast) ? ast : [ast];
  } catch {
    // The server refuses more than one statement itself (multipleStatements is off): a write it parses may run.
    if (options.allowWrite) return { kind: 'write', refusal: null, explainable: false };
    return { kind: 'write', refusal: 'SQL the guard cannot read as a single SELECT (MariaDB dialect)', explainable: false };
  }
  if (statements.length > 1) return { kind: 'write', refusal: tooManyStatements(statements.length), explainable: false };
  const statement = statements[0]!;
  const refusal = hidden ?? readRefusal(statement);
  const kind = refusal === null ? 'read' : 'write';
  const explainable = ['select', 'insert', 'update', 'delete', 'replace'].includes(String(statement.type));
  return { kind, refusal: options.allowWrite ? null : refusal, explainable };
}
