import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Readers for the five seed schemas Atelier reconciles (DBML, Markdown column tables, SQL DDL) and for
 * docs/seed-mapping.md, which maps every seed column to where it lives in Atelier.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_MAPPING_DOC = path.join(REPO_ROOT, 'docs', 'seed-mapping.md');
export const SEED_FILE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/;

export type SeedTable = { file: string; table: string; columns: string[]; format: 'dbml' | 'markdown' | 'sql' };

/** Where the seeds are: SEEDS_DIR, a copy inside the repository, or the shared folder next to it. */
export function findSeedsDir(): string {
  const candidates = [
    process.env.SEEDS_DIR,
    path.join(REPO_ROOT, 'docs', 'seeds'),
    path.join(REPO_ROOT, '..', 'shared', 'seeds'),
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => SEED_FILE_PATTERN.test(f)));
  if (!found) throw new Error(`No seed files found; looked in ${candidates.join(', ')} (set SEEDS_DIR)`);
  return found;
}

/** Every table of every seed file in `dir`, whatever notation the file uses. */
export function readSeeds(dir = findSeedsDir()): SeedTable[] {
  const files = fs.readdirSync(dir).filter((f) => SEED_FILE_PATTERN.test(f)).sort();
  return files.flatMap((file) => parseSeed(file, fs.readFileSync(path.join(dir, file), 'utf8')));
}

/** One seed file: DBML `Table` blocks, Markdown column tables and SQL `CREATE TABLE` statements, wherever they occur. */
export function parseSeed(file: string, text: string): SeedTable[] {
  const tables = [
    ...parseDbml(text).map((t) => ({ ...t, file, format: 'dbml' as const })),
    ...parseMarkdownTables(text).map((t) => ({ ...t, file, format: 'markdown' as const })),
    ...parseSqlTables(text).map((t) => ({ ...t, file, format: 'sql' as const })),
  ];
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.table)) throw new Error(`${file}: table ${t.table} is defined twice`);
    seen.add(t.table);
    if (t.columns.length === 0) throw new Error(`${file}: table ${t.table} has no columns`);
    if (new Set(t.columns).size !== t.columns.length) throw new Error(`${file}: table ${t.table} repeats a column`);
  }
  return tables;
}

type ParsedTable = { table: string; columns: string[] };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function unquote(name: string): string {
  return name.replace(/^[`"[]|[`"\]]$/g, '');
}

/** Removes a line comment (`//` or `--`) that is not inside a quoted string. */
function stripLineComment(line: string, marker: '//' | '--'): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
    } else if (line.startsWith(marker, i)) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** How many `{` minus `}` a line has outside quoted strings. */
function braceDelta(line: string): number {
  let quote: string | null = null;
  let delta = 0;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
    } else if (ch === '{') {
      delta++;
    } else if (ch === '}') {
      delta--;
    }
  }
  return delta;
}

/** DBML: `Table name { column type [settings] … Indexes { … } Note: '…' }`. */
export function parseDbml(text: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let current: ParsedTable | null = null;
  let depth = 0;
  for (const rawLine of text.split('\n')) {
    const line = stripLineComment(rawLine, '//').trim();
    if (!current) {
      const start = /^Table\s+("?[\w.]+"?)(?:\s+as\s+\w+)?(?:\s*\[[^\]]*\])?\s*\{\s*$/i.exec(line);
      if (start) {
        const name = unquote(start[1]!).split('.').pop()!;
        current = { table: name, columns: [] };
        depth = 1;
      }
      continue;
    }
    if (depth === 1 && line && !/^(Note|Indexes)\b/i.test(line) && line !== '}') {
      const column = /^("[^"]+"|[A-Za-z_]\w*)\s+\S/.exec(line);
      if (!column) throw new Error(`DBML table ${current.table}: cannot read the line "${rawLine.trim()}"`);
      current.columns.push(unquote(column[1]!));
    }
    depth += braceDelta(line);
    if (depth === 0) {
      tables.push(current);
      current = null;
    }
  }
  if (current) throw new Error(`DBML table ${current.table} is not closed`);
  return tables;
}

function markdownCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split('|').map((cell) => cell.trim());
}

function plainCell(cell: string): string {
  return cell.replace(/\*\*/g, '').replace(/^`(.*)`$/, '$1').trim();
}

/**
 * Markdown: a table whose first header cell is `Column` or `Field`, under the nearest heading that names the table
 * (`### users`, `### \`users\``, `### 3. \`users\``).
 */
export function parseMarkdownTables(text: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  const lines = text.split('\n');
  let heading: string | null = null;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(line.trim());
    if (headingMatch) {
      heading = headingMatch[1]!.trim();
      continue;
    }
    if (!line.trim().startsWith('|')) continue;
    const header = markdownCells(line).map(plainCell);
    if (!/^(column|field)$/i.test(header[0] ?? '')) {
      while (i + 1 < lines.length && lines[i + 1]!.trim().startsWith('|')) i++; // some other table: skip it whole
      continue;
    }
    if (!heading) throw new Error(`A column table at line ${i + 1} has no heading naming its table`);
    const named = /`([\w.]+)`/.exec(heading) ?? /^(?:\d+(?:\.\d+)*\.?\s+)?([\w.]+)/.exec(heading);
    if (!named) throw new Error(`Cannot read a table name from the heading "${heading}"`);
    const table: ParsedTable = { table: named[1]!.split('.').pop()!, columns: [] };
    const separator = lines[i + 1] ?? '';
    if (!/^\s*\|?[\s:|-]+\|?\s*$/.test(separator)) throw new Error(`Table ${table.table}: header without a separator row`);
    i += 2;
    for (; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
      const name = plainCell(markdownCells(lines[i]!)[0] ?? '');
      if (!IDENTIFIER.test(name)) throw new Error(`Table ${table.table}: cannot read a column name from "${lines[i]!.trim()}"`);
      table.columns.push(name);
    }
    i--;
    tables.push(table);
    heading = null; // one column table per heading
  }
  return tables;
}

const SQL_TABLE_CONSTRAINT = /^(PRIMARY|UNIQUE|CONSTRAINT|CHECK|FOREIGN|EXCLUDE|LIKE)\b/i;

/** SQL: `CREATE TABLE [IF NOT EXISTS] name ( column type …, table_constraint … );` */
export function parseSqlTables(text: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  const withoutComments = text
    .split('\n')
    .map((line) => stripLineComment(line, '--'))
    .join('\n');
  const start = /CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("?[\w.]+"?)\s*\(/gi;
  for (let match = start.exec(withoutComments); match; match = start.exec(withoutComments)) {
    const name = unquote(match[1]!).split('.').pop()!;
    const items: string[] = [];
    let depth = 1;
    let quote: string | null = null;
    let item = '';
    let i = match.index + match[0].length;
    for (; i < withoutComments.length && depth > 0; i++) {
      const ch = withoutComments[i]!;
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"') {
        quote = ch;
      } else if (ch === '(') {
        depth++;
      } else if (ch === ')') {
        depth--;
        if (depth === 0) break;
      } else if (ch === ',' && depth === 1) {
        items.push(item);
        item = '';
        continue;
      }
      item += ch;
    }
    if (depth !== 0) throw new Error(`CREATE TABLE ${name} is not closed`);
    items.push(item);
    const columns = items
      .map((it) => it.trim())
      .filter((it) => it && !SQL_TABLE_CONSTRAINT.test(it))
      .map((it) => {
        const column = /^("[^"]+"|[A-Za-z_]\w*)\s+\S/.exec(it);
        if (!column) throw new Error(`CREATE TABLE ${name}: cannot read the column "${it}"`);
        return unquote(column[1]!);
      });
    tables.push({ table: name, columns });
    start.lastIndex = i;
  }
  return tables;
}

export type MappingTarget =
  | { kind: 'column'; schema: string; table: string; column: string }
  | { kind: 'merged'; reason: string; mentions: Array<{ schema: string; table: string; column: string }> }
  | { kind: 'planned' }
  | { kind: 'invalid'; text: string };

export type MappingRow = { line: number; file: string; seedTable: string; seedColumn: string; target: MappingTarget; raw: string };

const QUALIFIED_COLUMN = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)$/;

export function parseTarget(cell: string): MappingTarget {
  const text = plainCell(cell);
  if (text === 'planned') return { kind: 'planned' };
  const merged = /^merged:\s*(.*)$/s.exec(text);
  if (merged) {
    const reason = merged[1]!.trim();
    if (!reason) return { kind: 'invalid', text };
    // Atelier columns a reason names in backticks (`app.users.id`) must exist too.
    const mentions = [...reason.matchAll(/`([^`]+)`/g)]
      .map((m) => QUALIFIED_COLUMN.exec(m[1]!))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ schema: m[1]!, table: m[2]!, column: m[3]! }));
    return { kind: 'merged', reason, mentions };
  }
  const column = QUALIFIED_COLUMN.exec(text);
  if (column) return { kind: 'column', schema: column[1]!, table: column[2]!, column: column[3]! };
  return { kind: 'invalid', text };
}

/** Every row of the mapping document whose first cell names a seed file. */
export function readMapping(text = fs.readFileSync(SEED_MAPPING_DOC, 'utf8')): MappingRow[] {
  const rows: MappingRow[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim().startsWith('|')) return;
    const cells = markdownCells(raw);
    const file = plainCell(cells[0] ?? '');
    if (!SEED_FILE_PATTERN.test(file)) return;
    const ref = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(plainCell(cells[1] ?? ''));
    rows.push({
      line: index + 1,
      file,
      seedTable: ref?.[1] ?? '',
      seedColumn: ref?.[2] ?? '',
      target: cells.length === 3 ? parseTarget(cells[2]!) : { kind: 'invalid', text: `${cells.length} cells` },
      raw: raw.trim(),
    });
  });
  return rows;
}

export type MappingProblems = {
  /** Seed columns with no row. */
  missing: string[];
  /** Seed columns with more than one row. */
  duplicated: string[];
  /** Rows naming a seed table or column that no seed has. */
  unknown: string[];
  /** Rows whose third cell is neither `planned`, `merged: reason` nor `schema.table.column`. */
  invalid: string[];
};

const seedKey = (file: string, table: string, column: string) => `${file} ${table}.${column}`;

/** Compares the mapping rows with the seeds' columns. */
export function checkMapping(seeds: SeedTable[], rows: MappingRow[]): MappingProblems {
  const expected = new Set(seeds.flatMap((t) => t.columns.map((c) => seedKey(t.file, t.table, c))));
  const rowCount = new Map<string, number>();
  const problems: MappingProblems = { missing: [], duplicated: [], unknown: [], invalid: [] };
  for (const row of rows) {
    const key = seedKey(row.file, row.seedTable, row.seedColumn);
    if (!row.seedTable || !expected.has(key)) problems.unknown.push(`line ${row.line}: ${row.raw}`);
    else rowCount.set(key, (rowCount.get(key) ?? 0) + 1);
    if (row.target.kind === 'invalid') problems.invalid.push(`line ${row.line}: ${row.raw}`);
  }
  for (const key of expected) {
    const count = rowCount.get(key) ?? 0;
    if (count === 0) problems.missing.push(key);
    if (count > 1) problems.duplicated.push(key);
  }
  return problems;
}
