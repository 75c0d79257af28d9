import type { SupportedDbType } from '../../../../shared/dbassist-kinds.js';
import { joinTree, shortestPath, type JoinStep } from './join-graph.js';
import type { ColumnEntry, TableEntry } from './lexicon.js';
import type { Filter, Group, Measure, Plan } from './interpret.js';
import { labelColumns } from './label-columns.js';

/**
 * A plan as one SELECT in the engine's dialect, with the tables it reads and a plain-English account of what it does.
 * Identifiers are quoted only when they must be; values are literals with their quotes doubled (they come from the
 * question or from the data, never from elsewhere).
 */
export type WrittenSql = { sql: string; tables: string[]; explanation: string } | { problem: string };

const RESERVED = new Set(['order', 'group', 'user', 'select', 'from', 'where', 'table', 'index', 'key', 'default', 'check', 'limit', 'offset', 'desc', 'asc', 'by', 'to', 'end', 'case', 'when', 'all', 'column', 'primary', 'references', 'range', 'rank', 'window', 'year', 'month', 'day', 'position', 'values', 'value']);
const DEFAULT_NAMESPACES = new Set(['', 'public', 'main', 'dbo']);

function quote(engine: SupportedDbType, name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  return engine === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

function literal(engine: SupportedDbType, value: string | number | boolean): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return engine === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
  const escaped = value.replace(/'/g, "''");
  return engine === 'mysql' ? `'${escaped.replace(/\\/g, '\\\\')}'` : `'${escaped}'`;
}


class Writer {
  readonly used: TableEntry[] = [];
  constructor(readonly engine: SupportedDbType) {}

  table(table: TableEntry): string {
    const { namespace, name } = table.table;
    return DEFAULT_NAMESPACES.has(namespace) || this.engine !== 'postgres' ? quote(this.engine, name) : `${quote(this.engine, namespace)}.${quote(this.engine, name)}`;
  }

  column(column: ColumnEntry): string {
    return `${this.table(column.table)}.${quote(this.engine, column.column.name)}`;
  }

  named(table: TableEntry, name: string): string {
    return `${this.table(table)}.${quote(this.engine, name)}`;
  }

  joins(steps: readonly JoinStep[]): string[] {
    return steps.map((step) => {
      const { edge } = step;
      const on = edge.fromColumns.map((c, i) => `${this.named(edge.from, c)} = ${this.named(edge.to, edge.toColumns[i]!)}`).join(' AND ');
      this.use(step.table);
      return `JOIN ${this.table(step.table)} ON ${on}`;
    });
  }

  use(table: TableEntry): void {
    if (!this.used.includes(table)) this.used.push(table);
  }

  timeBucket(column: ColumnEntry, unit: string): string {
    const c = this.column(column);
    if (this.engine === 'postgres') return `date_trunc('${unit}', ${c})`;
    if (this.engine === 'mysql') {
      return { year: `YEAR(${c})`, quarter: `CONCAT(YEAR(${c}), '-Q', QUARTER(${c}))`, month: `DATE_FORMAT(${c}, '%Y-%m-01')`, week: `YEARWEEK(${c})`, day: `DATE(${c})` }[unit] ?? `DATE(${c})`;
    }
    return { year: `strftime('%Y', ${c})`, quarter: `strftime('%Y', ${c}) || '-Q' || ((CAST(strftime('%m', ${c}) AS INTEGER) + 2) / 3)`, month: `strftime('%Y-%m', ${c})`, week: `strftime('%Y-%W', ${c})`, day: `date(${c})` }[unit] ?? `date(${c})`;
  }
}

function keyOf(table: TableEntry, w: Writer): string[] {
  return table.table.primaryKey.map((c) => w.named(table, c));
}

function measureSql(measure: Measure, w: Writer, joined: boolean): string {
  if (measure.fn === 'count' && !measure.column) {
    const key = measure.table.table.primaryKey;
    return joined && key.length === 1 ? `COUNT(DISTINCT ${w.named(measure.table, key[0]!)})` : 'COUNT(*)';
  }
  const column = w.column(measure.column!);
  return measure.fn === 'count' ? `COUNT(DISTINCT ${column})` : `${measure.fn.toUpperCase()}(${column})`;
}

function measureWords(measure: Measure): string {
  const column = measure.column ? `\`${measure.column.table.table.name}.${measure.column.column.name}\`` : '';
  if (measure.fn === 'count') return measure.column ? `the number of different ${column}` : `the number of \`${measure.table.table.name}\` rows`;
  return `the ${{ sum: 'total', avg: 'average', min: 'minimum', max: 'maximum' }[measure.fn]} of ${column}`;
}

function groupWords(group: Group): string {
  if (group.kind === 'table') return `each \`${group.table.table.name}\``;
  if (group.kind === 'column') return `each \`${group.column.table.table.name}.${group.column.column.name}\``;
  return `each ${group.unit} of \`${group.column.table.table.name}.${group.column.column.name}\``;
}

function filterSql(filter: Filter, w: Writer, root: TableEntry, edges: Plan['edges']): { sql: string; words: string } | { problem: string } {
  if (filter.kind === 'compare') {
    const value = literal(w.engine, filter.value);
    return { sql: `${w.column(filter.column)} ${filter.op} ${value}`, words: `\`${filter.column.column.name}\` ${filter.op === '<>' ? 'is not' : filter.op === '=' ? 'is' : filter.op} ${value}` };
  }
  if (filter.kind === 'range') {
    const c = w.column(filter.column);
    return { sql: `${c} >= ${literal(w.engine, filter.from)} AND ${c} < ${literal(w.engine, filter.to)}`, words: `\`${filter.column.column.name}\` falls ${filter.label}` };
  }
  if (filter.kind === 'present') {
    return { sql: `${w.column(filter.column)} IS NOT NULL`, words: `\`${filter.column.column.name}\` is set` };
  }
  if (filter.kind === 'missing') {
    const path = shortestPath(edges, [root], filter.table);
    if (!path || path.length === 0) return { problem: `without ${filter.table.table.name}` };
    const [first, ...rest] = path;
    const inner = new Writer(w.engine);
    const edge = first!.edge;
    const outerIsFrom = edge.from === root;
    const on = edge.fromColumns
      .map((c, i) => (outerIsFrom ? `${w.named(first!.table, edge.toColumns[i]!)} = ${w.named(root, c)}` : `${w.named(first!.table, c)} = ${w.named(root, edge.toColumns[i]!)}`))
      .join(' AND ');
    const joins = inner.joins(rest);
    w.use(first!.table);
    for (const t of inner.used) w.use(t);
    return { sql: `NOT EXISTS (SELECT 1 FROM ${w.table(first!.table)}${joins.length ? ` ${joins.join(' ')}` : ''} WHERE ${on})`, words: `there is no \`${filter.table.table.name}\` for it` };
  }
  return { problem: 'having' };
}

export function writeSql(plan: Plan, engine: SupportedDbType): WrittenSql {
  const w = new Writer(engine);
  const { focus, measure, filters, order } = plan;
  let group = plan.group;
  const having = filters.find((f): f is Extract<Filter, { kind: 'having' }> => f.kind === 'having');
  if (having && !group) group = { kind: 'table', table: focus };
  const root = group?.kind === 'table' && measure && measure.table !== group.table ? measure.table : focus;
  const wanted = [
    measure?.table,
    group?.kind === 'table' ? group.table : group ? group.column.table : undefined,
    ...filters.map((f) => (f.kind === 'compare' || f.kind === 'range' || f.kind === 'present' ? f.column.table : f.kind === 'having' ? f.table : undefined)),
    ...plan.extraColumns.map((c) => c.table),
    ...plan.context,
  ].filter((t): t is TableEntry => Boolean(t));
  const steps = joinTree(plan.edges, root, wanted);
  if (!steps) return { problem: `no foreign-key path joins ${[root, ...wanted].map((t) => t.table.name).filter((n, i, all) => all.indexOf(n) === i).join(', ')}` };
  w.use(root);
  const joins = w.joins(steps);
  const joined = steps.length > 0;

  const select: string[] = [];
  const groupBy: string[] = [];
  const words: string[] = [];
  const measureExpr = measure ? measureSql(measure, w, joined) : having ? measureSql({ fn: 'count', column: null, table: having.table }, w, true) : null;
  if (group) {
    if (group.kind === 'table') {
      const labels = labelColumns(group.table).map((c) => w.column(c));
      const key = keyOf(group.table, w);
      select.push(...(labels.length ? labels : key));
      groupBy.push(...new Set([...key, ...labels]));
    } else if (group.kind === 'column') {
      select.push(w.column(group.column));
      groupBy.push(w.column(group.column));
    } else {
      const bucket = w.timeBucket(group.column, group.unit);
      select.push(bucket);
      groupBy.push(bucket);
    }
    if (measure) select.push(measureExpr!);
    else if (!having) select.push('COUNT(*)');
    words.push(measure ? `${capital(measureWords(measure))} for ${groupWords(group)}` : `The rows of \`${focus.table.name}\` for ${groupWords(group)}`);
  } else if (measure) {
    select.push(measureExpr!);
    words.push(capital(measureWords(measure)));
  } else {
    const labels = labelColumns(focus);
    const shown = [...(labels.length ? labels : focus.columns.filter((c) => focus.table.primaryKey.includes(c.column.name))), ...plan.extraColumns];
    const columns = [...new Set(shown)].map((c) => w.column(c));
    select.push(...(columns.length ? columns : [`${w.table(focus)}.*`]));
    words.push(`The \`${focus.table.name}\` rows (${shown.map((c) => `\`${c.column.name}\``).join(', ') || 'every column'})`);
  }

  const where: string[] = [];
  const conditions: string[] = [];
  for (const filter of filters) {
    if (filter.kind === 'having') continue;
    const written = filterSql(filter, w, root, plan.edges);
    if ('problem' in written) return written;
    where.push(written.sql);
    conditions.push(written.words);
  }
  if (order && order.by !== 'measure' && order.by.column.isNullable) where.push(`${w.column(order.by)} IS NOT NULL`);
  if (conditions.length) words.push(`where ${conditions.join(' and ')}`);

  let sql = `SELECT ${select.join(', ')}\nFROM ${w.table(root)}`;
  if (joins.length) sql += `\n${joins.join('\n')}`;
  if (where.length) sql += `\nWHERE ${where.join('\n  AND ')}`;
  if (groupBy.length) sql += `\nGROUP BY ${groupBy.join(', ')}`;
  if (having) {
    sql += `\nHAVING ${measureExpr} ${having.op} ${having.value}`;
    words.push(`keeping those with ${having.op} ${having.value} \`${having.table.table.name}\` rows`);
  }
  if (order) {
    const by = order.by === 'measure' ? measureExpr! : w.column(order.by);
    sql += `\nORDER BY ${by} ${order.direction.toUpperCase()}`;
    words.push(`ordered by ${order.by === 'measure' ? 'that figure' : `\`${order.by.column.name}\``}, ${order.direction === 'desc' ? 'highest' : 'lowest'} first`);
  } else if (group?.kind === 'time') {
    sql += `\nORDER BY ${groupBy[0]}`;
  }
  if (plan.limit !== null) {
    sql += `\nLIMIT ${plan.limit}`;
    words.push(`keeping the first ${plan.limit}`);
  }
  if (steps.length) {
    words.push(`joining ${steps.map((s) => `\`${s.table.table.name}\` on ${s.edge.fromColumns.map((c) => `\`${s.edge.from.table.name}.${c}\``).join(', ')}`).join(', ')}`);
  }
  return { sql, tables: w.used.map((t) => t.key), explanation: `${words.join(', ')}.` };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
