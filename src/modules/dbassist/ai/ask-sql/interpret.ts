import { isStopWord, stem } from '../../../../core/text/index.js';
import { derivedForms } from '../../../../core/text/nlp/index.js';
import { distance, edgesOf, type JoinEdge } from './join-graph.js';
import type { ColumnEntry, Lexicon, LexiconHit, TableEntry } from './lexicon.js';
import type { Mention, ReadQuestion, Token } from './question.js';
import { labelColumns } from './label-columns.js';
import {
  AGGREGATE_WORDS, ATTRIBUTE_NOUNS, COMPARATIVES, VERB_ATTRIBUTES, GRADABLE, GROUP_WORDS, MONEY_COLUMNS, MONEY_NOUNS, MONEY_VERBS, MONTHS, NEGATIONS,
  QUESTION_WORDS, RELATION_VERBS, SUPERLATIVES, TIME_UNITS, type AggregateFn, type Comparison, type Direction,
} from './vocabulary.js';

/**
 * From a read question to a plan: what is counted or measured, for each what, under which conditions, in which order
 * and how many. Every word must be claimed by some part of the plan or be a function word; what nobody claims is
 * reported as not understood, and then there is no plan.
 */
export type Measure = { fn: AggregateFn; column: ColumnEntry | null; table: TableEntry };
export type Group = { kind: 'table'; table: TableEntry } | { kind: 'column'; column: ColumnEntry } | { kind: 'time'; column: ColumnEntry; unit: 'year' | 'quarter' | 'month' | 'week' | 'day' };
export type Filter =
  | { kind: 'compare'; column: ColumnEntry; op: Comparison | '<>'; value: string | number | boolean }
  | { kind: 'range'; column: ColumnEntry; from: string; to: string; label: string }
  | { kind: 'missing'; table: TableEntry }
  | { kind: 'present'; column: ColumnEntry }
  | { kind: 'having'; table: TableEntry; op: Comparison; value: number };
export type Order = { by: 'measure' | ColumnEntry; direction: Direction };

export type Plan = {
  focus: TableEntry;
  measure: Measure | null;
  group: Group | null;
  filters: Filter[];
  order: Order | null;
  limit: number | null;
  /** Columns to show besides the focus's label. */
  extraColumns: ColumnEntry[];
  /** Tables the question names that join in without another role. */
  context: TableEntry[];
  edges: JoinEdge[];
};

export type Interpretation = { plan: Plan | null; notUnderstood: string[] };

type Role = 'used';

class Reader {
  readonly tokens: Token[];
  readonly mentions: Mention[];
  readonly claimed = new Set<number>();
  readonly roles = new Map<Mention, Role>();

  constructor(read: ReadQuestion) {
    this.tokens = read.tokens;
    this.mentions = read.mentions;
  }

  claim(...indexes: number[]): void {
    for (const i of indexes) this.claimed.add(i);
  }

  use(mention: Mention): void {
    this.roles.set(mention, 'used');
    for (let i = mention.start; i < mention.end; i += 1) this.claimed.add(i);
  }

  isFree(mention: Mention): boolean {
    return !this.roles.has(mention);
  }

  mentionAt(i: number): Mention | undefined {
    return this.mentions.find((m) => m.start === i);
  }

  mentionCovering(i: number): Mention | undefined {
    return this.mentions.find((m) => m.start <= i && i < m.end);
  }

  /** The next mention after token `i`, skipping up to `gap` filler words (articles, "of", "the number of", …). */
  nextMention(i: number, gap = 3, fillers: ReadonlySet<string> = FILLERS): Mention | undefined {
    let skipped = 0;
    for (let j = i + 1; j < this.tokens.length; j += 1) {
      const mention = this.mentionAt(j);
      if (mention) return mention;
      if (this.mentionCovering(j)) return undefined;
      const token = this.tokens[j]!;
      if (!fillers.has(token.lower) && token.pos !== 'DET') return undefined;
      skipped += 1;
      if (skipped > gap) return undefined;
    }
    return undefined;
  }

  previousMention(i: number, gap = 3): Mention | undefined {
    let skipped = 0;
    for (let j = i - 1; j >= 0; j -= 1) {
      const mention = this.mentionCovering(j);
      if (mention) return mention;
      const token = this.tokens[j]!;
      if (!FILLERS.has(token.lower) && token.pos !== 'DET' && token.pos !== 'AUX') return undefined;
      skipped += 1;
      if (skipped > gap) return undefined;
    }
    return undefined;
  }
}

const FILLERS = new Set(['the', 'a', 'an', 'of', 'all', 'any', 'number', 'in', 'on', 'for', 'with', 'its', 'their', 'each', 'is', 'are', 'was', 'were', 'be', 'been', 'by', 'from', 'to']);

function tableOf(hit: LexiconHit): TableEntry {
  return hit.kind === 'table' ? hit.table : hit.column.table;
}

function tablesOfMention(mention: Mention): TableEntry[] {
  if (mention.kind === 'schema') return mention.hits.filter((h) => h.kind === 'table').map((h) => (h as { table: TableEntry }).table);
  return [];
}

function columnsOfMention(mention: Mention): ColumnEntry[] {
  if (mention.kind === 'schema') return mention.hits.filter((h) => h.kind === 'column').map((h) => (h as { column: ColumnEntry }).column);
  return [];
}

const numeric = (column: ColumnEntry) => column.family === 'integer' || column.family === 'decimal';
const dated = (column: ColumnEntry) => column.family === 'date' || column.family === 'timestamp';
const booleanLike = (column: ColumnEntry) =>
  column.family === 'boolean' || (column.family === 'integer' && column.column.min === '0' && column.column.max === '1');

/** Columns whose words include one of `attribute`, nearest tables first. */
function attributeColumns(tables: readonly TableEntry[], attribute: readonly string[], dates = false): ColumnEntry[] {
  const found: ColumnEntry[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.isKey) continue;
      if (dates ? dated(column) : numeric(column) && column.words.some((w) => attribute.includes(w))) found.push(column);
    }
    if (found.length) return found;
  }
  return found;
}

function moneyColumn(tables: readonly TableEntry[]): ColumnEntry | undefined {
  for (const word of MONEY_COLUMNS) {
    for (const table of tables) {
      const column = table.columns.find((c) => !c.isKey && numeric(c) && c.words.at(-1) === word);
      if (column) return column;
    }
  }
  return undefined;
}

type State = {
  counted: { table: TableEntry; column: ColumnEntry | null; fn: AggregateFn } | null;
  measure: Measure | null;
  group: Group | null;
  ranked: TableEntry | null;
  order: Order | null;
  limit: number | null;
  filters: Filter[];
  /** Filters on date columns not chosen yet (the year is known, the column is picked once the tables are). */
  years: { from: string; to: string; label: string; verbs: string[] }[];
  timeGroup: { unit: 'year' | 'quarter' | 'month' | 'week' | 'day' } | null;
  extra: ColumnEntry[];
  focus: TableEntry | null;
  problems: string[];
};

export function interpret(read: ReadQuestion, lexicon: Lexicon): Interpretation {
  const r = new Reader(read);
  const edges = edgesOf(lexicon.tables);
  const s: State = { counted: null, measure: null, group: null, ranked: null, order: null, limit: null, filters: [], years: [], timeGroup: null, extra: [], focus: null, problems: [] };
  const { tokens } = r;
  const lower = (i: number) => tokens[i]?.lower ?? '';
  const verbs = tokens.filter((t) => t.pos === 'VERB').map((t) => t.lemma);

  // Which table a column mention means: one next to it ("invoice total", "name of the artist"), else one already in play.
  const inPlay = (): TableEntry[] =>
    [s.counted?.table, s.focus, s.ranked, s.measure?.table, s.group?.kind === 'table' ? s.group.table : undefined].filter((t): t is TableEntry => Boolean(t));
  const pickColumn = (mention: Mention, prefer: (c: ColumnEntry) => boolean = () => true): ColumnEntry | undefined => {
    if (mention.kind !== 'schema') return undefined;
    const hits = mention.hits.filter((h) => h.kind === 'column' && prefer(h.column)) as { kind: 'column'; column: ColumnEntry; weak: boolean }[];
    if (hits.length === 0) return undefined;
    const neighbour = [r.previousMention(mention.start, 0), r.nextMention(mention.end - 1, 2, new Set(['of', 'the', 'a', 'an', 'each', 'every', 'per', 'for', 'in']))]
      .flatMap((m) => (m ? tablesOfMention(m) : []));
    const play = inPlay().length ? inPlay() : tablesNamed(r);
    const score = (h: { column: ColumnEntry; weak: boolean }) =>
      (neighbour.includes(h.column.table) ? 100 : 0) + (play.includes(h.column.table) ? 50 : 0) + (h.weak ? 0 : 10) -
      Math.min(9, ...play.map((t) => distance(edges, t, h.column.table)), 9);
    return [...hits].sort((a, b) => score(b) - score(a))[0]!.column;
  };
  // "invoice total", "track length": a table word in front of one of its columns only says whose column it is.
  const modifiedColumn = (mention: Mention | undefined, prefer: (c: ColumnEntry) => boolean): { column: ColumnEntry; mentions: Mention[] } | undefined => {
    if (!mention || mention.kind !== 'schema' || !r.isFree(mention)) return undefined;
    const table = tablesOfMention(mention)[0];
    const next = r.mentionAt(mention.end);
    if (!table || !next || next.kind !== 'schema' || !r.isFree(next)) return undefined;
    const column = columnsOfMention(next).find((c) => c.table === table && prefer(c));
    return column ? { column, mentions: [mention, next] } : undefined;
  };
  // "the average length", "the highest price": an attribute noun names the column that measures it.
  const attributeNoun = (i: number, tables: readonly TableEntry[]): ColumnEntry | undefined => {
    const attribute = ATTRIBUTE_NOUNS.get(tokens[i]?.singular ?? '');
    if (!attribute || r.mentionCovering(i)) return undefined;
    return attributeColumns(tables, attribute)[0];
  };
  const qualifierOf = (mention: Mention, table: TableEntry) => {
    for (const m of [r.previousMention(mention.start, 0), r.nextMention(mention.end - 1, 2, new Set(['of', 'the', 'a', 'an', 'in']))]) {
      if (m && r.isFree(m) && tablesOfMention(m).includes(table)) r.use(m);
    }
  };

  // 1. Counting: "how many X", "the number of X", "count X".
  for (let i = 0; i < tokens.length; i += 1) {
    const two = `${lower(i)} ${lower(i + 1)}`;
    const start = two === 'how many' || two === 'number of' ? i + 1 : lower(i) === 'count' && tokens[i]!.pos !== 'NOUN' ? i : -1;
    if (start < 0 || s.counted) continue;
    const target = r.nextMention(start, 3, new Set(['of', 'the', 'distinct', 'different', 'unique', 'all']));
    r.claim(i, start);
    if (!target) continue;
    const table = tablesOfMention(target)[0];
    const column = table ? undefined : pickColumn(target);
    if (table) {
      s.counted = { table, column: null, fn: 'count' };
      r.use(target);
    } else if (column) {
      // "the number of units in stock" adds the numbers up; "how many countries" counts different values.
      s.counted = { table: column.table, column, fn: numeric(column) && !column.isKey ? 'sum' : 'count' };
      r.use(target);
      qualifierOf(target, column.table);
    }
    if (lower(i - 1) === 'total') r.claim(i - 1);
  }

  // 2. Aggregates: "total X", "average X", "maximum X" over a numeric column (or the money a question speaks of).
  for (let i = 0; i < tokens.length; i += 1) {
    const covering = r.mentionCovering(i);
    const fn = AGGREGATE_WORDS.get(lower(i));
    if (!fn || s.measure || (covering && covering.kind === 'schema' && covering.end - covering.start > 1)) continue;
    const target = r.nextMention(covering ? covering.end - 1 : i, 3);
    const modified = modifiedColumn(target, numeric);
    if (modified) {
      s.measure = { fn, column: modified.column, table: modified.column.table };
      for (const m of modified.mentions) r.use(m);
      r.claim(i);
      if (covering) r.use(covering);
      continue;
    }
    // "the total invoice amount", "the average track length": a table, then the money or attribute it has.
    const owner = target?.kind === 'schema' && r.isFree(target) ? tablesOfMention(target)[0] : undefined;
    const word = owner && target ? tokens[target.end] : undefined;
    const owned = owner && word && !r.mentionCovering(target!.end)
      ? MONEY_NOUNS.has(word.lower) ? moneyColumn([owner]) : ATTRIBUTE_NOUNS.has(word.singular) ? attributeColumns([owner], ATTRIBUTE_NOUNS.get(word.singular)!)[0] : undefined
      : undefined;
    if (owned && target) {
      s.measure = { fn, column: owned, table: owned.table };
      r.use(target);
      r.claim(i, target.end);
      if (covering) r.use(covering);
      continue;
    }
    const column = target && r.isFree(target) ? pickColumn(target, numeric) : undefined;
    const skip = (j: number) => j < tokens.length && (FILLERS.has(lower(j)) || tokens[j]!.pos === 'DET');
    let k = (covering ? covering.end : i + 1);
    while (skip(k)) k += 1;
    const measured = !column ? attributeNoun(k, [...inPlay(), ...tablesNamed(r), ...lexicon.tables]) : undefined;
    if (measured) {
      s.measure = { fn, column: measured, table: measured.table };
      r.claim(i, k);
      if (covering) r.use(covering);
      // "in milliseconds", "of a track": the unit and the owner of the attribute are understood.
      for (const m of r.mentions) {
        if (r.isFree(m) && (columnsOfMention(m).includes(measured) || (tablesOfMention(m).includes(measured.table) && m.start > k && m.start <= k + 4))) r.use(m);
      }
      continue;
    }
    if (column && target) {
      s.measure = { fn, column, table: column.table };
      r.use(target);
      r.claim(i);
      if (covering) r.use(covering);
      qualifierOf(target, column.table);
      continue;
    }
    const next = tokens[i + 1];
    if (next && MONEY_NOUNS.has(next.lower)) {
      const money = moneyColumn([...inPlay(), ...lexicon.tables]);
      if (money) {
        s.measure = { fn, column: money, table: money.table };
        r.claim(i, i + 1);
        if (covering) r.use(covering);
      }
    }
  }

  // 3. Grouping: "in each genre", "per country", "by month".
  for (let i = 0; i < tokens.length; i += 1) {
    const word = lower(i);
    const forEach = word === 'for' && lower(i + 1) === 'each';
    if (!GROUP_WORDS.has(word) && !forEach) continue;
    const at = forEach ? i + 1 : i;
    const unit = TIME_UNITS.get(tokens[at + 1]?.singular ?? '');
    if (unit && !r.mentionAt(at + 1)) {
      s.timeGroup = { unit };
      r.claim(i, at, at + 1);
      continue;
    }
    const target = r.nextMention(at, 1, new Set(['the', 'a', 'an']));
    if (!target || !r.isFree(target) || target.kind !== 'schema' || s.group) continue;
    // "per customer country": the column of the table named in front of it.
    const modified = modifiedColumn(target, () => true);
    if (modified) {
      s.group = { kind: 'column', column: modified.column };
      for (const m of modified.mentions) r.use(m);
      r.claim(i, at);
      continue;
    }
    // "the average quantity per invoice line": per row of the table measured is no grouping at all.
    const measured = s.measure?.table ?? s.counted?.table;
    if (measured && tablesOfMention(target)[0] === measured && columnsOfMention(target).length === 0) {
      r.use(target);
      r.claim(i, at);
      continue;
    }
    // A column of the table already counted reads as that column (customers per country); else the table named.
    const own = pickColumn(target, (c) => inPlay().includes(c.table));
    const table = tablesOfMention(target)[0];
    if (own) s.group = { kind: 'column', column: own };
    else if (table) s.group = { kind: 'table', table };
    else {
      const column = pickColumn(target);
      if (!column) continue;
      s.group = { kind: 'column', column };
    }
    r.use(target);
    r.claim(i, at);
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const unit = TIME_UNITS.get(lower(i));
    if (unit && /ly$/.test(lower(i)) && !s.timeGroup) {
      s.timeGroup = { unit };
      r.claim(i);
    }
  }

  // 4. Ranking: "which 3 artists have the most albums", "the 10 longest tracks", "top 5 X by Y", "the most expensive product".
  for (let i = 0; i < tokens.length; i += 1) {
    const word = lower(i);
    let superlative = SUPERLATIVES.get(word);
    let span = [i];
    if ((word === 'most' || word === 'least') && GRADABLE.has(tokens[i + 1]?.lemma ?? '')) {
      superlative = { direction: word === 'most' ? 'desc' : 'asc', ...GRADABLE.get(tokens[i + 1]!.lemma)! };
      span = [i, i + 1];
    }
    if (!superlative || r.claimed.has(i) || s.order) continue;
    if (word === 'top' || word === 'bottom') {
      // "top 3 genres by number of tracks", "top 5 customers by total invoice amount"
      const count = r.mentionAt(i + 1);
      const n = count?.kind === 'number' && Number.isInteger(count.value) ? count.value : 1;
      const entityMention = r.nextMention(count?.kind === 'number' ? i + 1 : i, 1, new Set(['the']));
      const entity = entityMention?.kind === 'schema' ? tablesOfMention(entityMention)[0] : undefined;
      const by = entityMention ? entityMention.end : -1;
      if (entity && entityMention && lower(by) === 'by') {
        const rest = r.nextMention(by, 4, new Set(['the', 'number', 'of', 'count', 'total', 'amount']));
        const counted = rest?.kind === 'schema' ? tablesOfMention(rest)[0] : undefined;
        const column = rest && !counted ? (modifiedColumn(rest, numeric)?.column ?? pickColumn(rest, numeric)) : undefined;
        if (rest && (counted || column)) {
          if (count?.kind === 'number') r.use(count);
          r.use(entityMention);
          r.use(rest);
          const modifiedRest = modifiedColumn(rest, numeric);
          if (modifiedRest) for (const m of modifiedRest.mentions) r.use(m);
          for (let k = by; k < rest.start; k += 1) r.claim(k);
          r.claim(i);
          s.ranked = entity;
          s.measure = counted ? { fn: 'count', column: null, table: counted } : column!.table === entity ? null : { fn: 'sum', column: column!, table: column!.table };
          s.order = s.measure ? { by: 'measure', direction: superlative.direction } : { by: column!, direction: superlative.direction };
          if (!s.measure) s.extra.push(column!);
          s.limit = n;
          continue;
        }
      }
    }
    const last = span.at(-1)!;
    // The number just before: "the 10 longest", "top 5".
    const before = r.mentionAt(i - 1);
    const after = r.nextMention(last, 1, new Set(['the', 'a', 'an']));
    let n: number | null = null;
    if (before?.kind === 'number' && Number.isInteger(before.value)) {
      n = before.value;
      r.use(before);
    }
    if (after?.kind === 'number' && Number.isInteger(after.value)) {
      n = after.value;
      r.use(after);
    }
    const target = after?.kind === 'schema' ? after : r.nextMention(last, 1, new Set(['the', 'a', 'an']));
    // The entity ranked: a free table named before ("which customer has the highest …"), or right after ("the 10 longest tracks").
    const earlier = r.mentions.filter((m) => m.end <= i && m.kind === 'schema' && r.isFree(m) && tablesOfMention(m).length > 0).at(0);
    const targetTable = target?.kind === 'schema' ? tablesOfMention(target)[0] : undefined;
    let entity = earlier ? tablesOfMention(earlier)[0]! : null;
    if (!entity && targetTable && superlative.attribute) entity = targetTable;
    if (!entity && s.counted && s.group?.kind === 'table') entity = s.group.table;
    r.claim(...span);
    const limitOf = (m: Mention | undefined) => n ?? (m && m.kind === 'schema' && tokens[m.end - 1]!.lower !== tokens[m.end - 1]!.singular && !earlier ? null : 1);
    if (earlier) {
      r.use(earlier);
      const count = r.mentionAt(earlier.start - 1);
      if (count?.kind === 'number' && Number.isInteger(count.value) && n === null) {
        n = count.value;
        r.use(count);
      }
    }
    if (superlative.attribute) {
      const table = entity ?? s.counted?.table ?? s.focus;
      if (!table) continue;
      const column = attributeColumns([table, ...lexicon.tables.filter((t) => t !== table)], superlative.attribute, superlative.dates)[0];
      if (!column) {
        s.problems.push(tokens.slice(span[0], last + 1).map((t) => t.text).join(' '));
        continue;
      }
      if (target && targetTable === entity) r.use(target);
      s.ranked = table;
      if (column.table === table) {
        s.order = { by: column, direction: superlative.direction };
        s.extra.push(column);
      } else {
        s.measure = { fn: 'sum', column, table: column.table };
        s.order = { by: 'measure', direction: superlative.direction };
      }
      s.limit = n ?? limitOf(earlier ?? target);
      continue;
    }
    const modified = modifiedColumn(target, numeric);
    if (modified && entity !== modified.column.table) {
      for (const m of modified.mentions) r.use(m);
      const column = modified.column;
      if (!entity) {
        s.measure = { fn: superlative.direction === 'desc' ? 'max' : 'min', column, table: column.table };
        continue;
      }
      s.ranked = entity;
      s.measure = { fn: 'sum', column, table: column.table };
      s.order = { by: 'measure', direction: superlative.direction };
      s.limit = n ?? limitOf(earlier);
      continue;
    }
    if (target && r.isFree(target) && target.kind === 'schema') {
      const table = tablesOfMention(target)[0];
      const column = table && table !== entity ? undefined : (pickColumn(target, (c) => numeric(c) && c.table === entity) ?? pickColumn(target, numeric));
      if (table && table !== entity && entity) {
        // "the most albums": count them for each ranked entity.
        s.ranked = entity;
        s.measure = { fn: 'count', column: null, table };
        s.order = { by: 'measure', direction: superlative.direction };
        s.limit = n ?? limitOf(earlier);
        r.use(target);
        continue;
      }
      if (column) {
        r.use(target);
        qualifierOf(target, column.table);
        if (!entity) {
          // "the highest freight of an order": the value itself.
          s.measure = { fn: superlative.direction === 'desc' ? 'max' : 'min', column, table: column.table };
          continue;
        }
        s.ranked = entity;
        if (column.table === entity) {
          s.order = { by: column, direction: superlative.direction };
          s.extra.push(column);
        } else {
          s.measure = { fn: 'sum', column, table: column.table };
          s.order = { by: 'measure', direction: superlative.direction };
        }
        s.limit = n ?? limitOf(earlier);
        continue;
      }
    }
    // "which customer spent the most": the money a verb names.
    const moneyVerb = tokens.slice(0, i).some((t) => MONEY_VERBS.has(t.lemma) || MONEY_VERBS.has(t.lower));
    if (entity && moneyVerb) {
      const money = moneyColumn([entity, ...lexicon.tables.filter((t) => t !== entity)]);
      if (money) {
        s.ranked = entity;
        s.measure = { fn: 'sum', column: money, table: money.table };
        s.order = { by: 'measure', direction: superlative.direction };
        s.limit = n ?? 1;
        for (const t of tokens) if (MONEY_VERBS.has(t.lemma) || MONEY_VERBS.has(t.lower)) r.claim(tokens.indexOf(t));
        continue;
      }
    }
    if (s.counted && s.group) {
      // "how many tracks are in each genre, most first"
      s.order = { by: 'measure', direction: superlative.direction };
      s.limit = n;
      continue;
    }
    if (entity && s.measure && !s.ranked) {
      // "which species has the highest average weight": the measure already read, ranked for each entity.
      s.ranked = entity;
      s.order = { by: 'measure', direction: superlative.direction };
      s.limit = n ?? limitOf(earlier);
      continue;
    }
    // "which city has the most owners": a column named before ranks the rows of the table named after, counted.
    const rankedColumn = r.mentions.find((m) => m.end <= i && m.kind === 'schema' && r.isFree(m) && tablesOfMention(m).length === 0 && columnsOfMention(m).length > 0);
    const countedTable = target?.kind === 'schema' && r.isFree(target) ? tablesOfMention(target)[0] : undefined;
    const column = rankedColumn && countedTable ? (pickColumn(rankedColumn, (c) => c.table === countedTable) ?? pickColumn(rankedColumn)) : undefined;
    if (column && countedTable && !s.counted && !s.group) {
      r.use(rankedColumn!);
      r.use(target!);
      s.counted = { table: countedTable, column: null, fn: 'count' };
      s.group = { kind: 'column', column };
      s.order = { by: 'measure', direction: superlative.direction };
      s.limit = n ?? 1;
      continue;
    }
    s.problems.push(tokens.slice(span[0], last + 1).map((t) => t.text).join(' '));
  }

  // 5. Comparisons: "more than 600000 milliseconds", "a total greater than 20", "longer than 5 minutes", "more than 10 tracks".
  for (let i = 0; i < tokens.length; i += 1) {
    let comparative = COMPARATIVES.get(lower(i));
    let span = [i];
    if (lower(i) === 'at' && (lower(i + 1) === 'least' || lower(i + 1) === 'most')) {
      comparative = { op: lower(i + 1) === 'least' ? '>=' : '<=', attribute: null };
      span = [i, i + 1];
    } else if (lower(i) === 'more' && GRADABLE.has(tokens[i + 1]?.lemma ?? '') && lower(i + 2) === 'than') {
      comparative = { op: '>', attribute: GRADABLE.get(tokens[i + 1]!.lemma)!.attribute };
      span = [i, i + 1];
    }
    if (!comparative) continue;
    let j = span.at(-1)! + 1;
    if (lower(j) === 'than' || lower(j) === 'to') j += 1;
    const number = r.mentionAt(j);
    if (!number || (number.kind !== 'number' && number.kind !== 'year')) continue;
    r.claim(...span, j - 1);
    r.use(number);
    const after = r.nextMention(j, 1, new Set(['of']));
    const before = r.previousMention(i, 3);
    let column: ColumnEntry | undefined;
    if (after && r.isFree(after) && after.kind === 'schema') {
      const table = tablesOfMention(after)[0];
      column = table ? undefined : pickColumn(after, numeric);
      if (table && !column) {
        s.filters.push({ kind: 'having', table, op: comparative.op, value: number.value });
        r.use(after);
        continue;
      }
      if (column) r.use(after);
    }
    const verbAttribute = !column && !comparative.attribute ? VERB_ATTRIBUTES.get(tokens[i - 1]?.lemma ?? '') : undefined;
    if (verbAttribute) {
      column = attributeColumns([...inPlay(), ...tablesNamed(r), ...lexicon.tables], verbAttribute)[0];
      if (column) r.claim(i - 1);
    }
    if (!column && comparative.attribute) {
      const tables = [...inPlay(), ...lexicon.tables];
      column = attributeColumns(tables, comparative.attribute)[0];
    }
    if (!column && before && r.isFree(before) && before.kind === 'schema') {
      column = pickColumn(before, numeric);
      if (column) r.use(before);
    }
    if (!column) {
      s.problems.push(tokens.slice(i, j + 1).map((t) => t.text).join(' '));
      continue;
    }
    s.filters.push({ kind: 'compare', column, op: comparative.op, value: number.value });
  }

  // 6. Negation: "artists with no albums", "tracks not in any playlist", "customers who never placed an order", "not Rock".
  const negated = new Set<Mention>();
  for (let i = 0; i < tokens.length; i += 1) {
    if (!NEGATIONS.has(lower(i)) || r.claimed.has(i)) continue;
    let target: Mention | undefined;
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j += 1) {
      const m = r.mentionAt(j);
      if (m) {
        target = m;
        break;
      }
      const t = tokens[j]!;
      if (!(FILLERS.has(t.lower) || t.pos === 'DET' || t.pos === 'VERB' || t.pos === 'AUX' || t.lower === 'any')) break;
    }
    if (!target || !r.isFree(target)) continue;
    r.claim(i);
    negated.add(target);
    const table = tablesOfMention(target)[0];
    if (table) {
      s.filters.push({ kind: 'missing', table });
      r.use(target);
    }
  }

  // 7. Years and dates: "in 2013", "between 2012 and 2014", "in March 2023", "since 2020".
  for (const mention of r.mentions) {
    if (mention.kind !== 'year' || !r.isFree(mention)) continue;
    const i = mention.start;
    const monthIndex = MONTHS.indexOf(lower(i - 1));
    r.use(mention);
    const until = lower(i - 1) === 'between' && lower(i + 1) === 'and' ? r.mentionAt(i + 2) : undefined;
    if (until?.kind === 'year' && until.value >= mention.value) {
      r.claim(i - 1, i + 1);
      r.use(until);
      s.years.push({ from: `${mention.value}-01-01`, to: `${until.value + 1}-01-01`, label: `from ${mention.value} to ${until.value}`, verbs });
      continue;
    }
    if (['in', 'during', 'of', 'for', 'since', 'before', 'after'].includes(lower(i - 1))) r.claim(i - 1);
    if (monthIndex >= 0) {
      r.claim(i - 1);
      if (lower(i - 2) === 'in') r.claim(i - 2);
      const month = String(monthIndex + 1).padStart(2, '0');
      const next = monthIndex === 11 ? `${mention.value + 1}-01-01` : `${mention.value}-${String(monthIndex + 2).padStart(2, '0')}-01`;
      s.years.push({ from: `${mention.value}-${month}-01`, to: next, label: `${MONTHS[monthIndex]} ${mention.value}`, verbs });
      continue;
    }
    const word = lower(i - 1);
    if (word === 'since' || word === 'after') s.years.push({ from: word === 'since' ? `${mention.value}-01-01` : `${mention.value + 1}-01-01`, to: '9999-12-31', label: `${word} ${mention.value}`, verbs });
    else if (word === 'before') s.years.push({ from: '0001-01-01', to: `${mention.value}-01-01`, label: `before ${mention.value}`, verbs });
    else s.years.push({ from: `${mention.value}-01-01`, to: `${mention.value + 1}-01-01`, label: `in ${mention.value}`, verbs });
  }

  // 8. Values found in the data: "the Rock genre", "from Brazil", "by AC/DC".
  for (const mention of r.mentions) {
    if (mention.kind !== 'value' || !r.isFree(mention)) continue;
    // Before the focus is settled, the first table the question names stands for it.
    const firstNamed = r.mentions.find((m) => r.isFree(m) && m !== mention && tablesOfMention(m).length > 0);
    const play = inPlay().length ? inPlay() : firstNamed ? tablesOfMention(firstNamed) : [];
    const near = [r.previousMention(mention.start, 0), r.nextMention(mention.end - 1, 0)].flatMap((m) => (m && r.isFree(m) ? tablesOfMention(m) : []));
    const verbTables = lexicon.tables.filter((t) => verbs.some((v) => derivedForms(v, 'verb', 'noun').some((noun) => t.words.at(-1) === noun)));
    const score = (c: ColumnEntry) =>
      (near.includes(c.table) ? 100 : 0) + (verbTables.includes(c.table) ? 40 : 0) + (play.includes(c.table) ? 20 : 0) +
      // A name or title is what a value most often is ("Queen" the artist rather than a composer called Queen).
      (labelColumns(c.table).includes(c) ? 30 : 0) -
      Math.min(9, ...play.map((t) => distance(edges, t, c.table)), 9);
    const column = [...mention.columns].sort((a, b) => score(b) - score(a))[0]!;
    r.use(mention);
    for (const m of [r.previousMention(mention.start, 0), r.nextMention(mention.end - 1, 0)]) {
      if (m && r.isFree(m) && tablesOfMention(m).includes(column.table)) r.use(m);
      if (m && r.isFree(m) && columnsOfMention(m).includes(column)) r.use(m);
    }
    s.filters.push({ kind: 'compare', column, op: negated.has(mention) ? '<>' : '=', value: mention.value });
  }

  // 9. The entity the question is about, when nothing above named it.
  const freeTables = r.mentions.filter((m) => r.isFree(m) && tablesOfMention(m).length > 0);
  s.focus = s.counted?.table ?? s.ranked ?? s.measure?.table ?? (freeTables[0] ? tablesOfMention(freeTables[0])[0]! : null);
  if (!s.counted && !s.ranked && !s.measure && freeTables[0]) r.use(freeTables[0]);
  else if (freeTables[0] && s.focus && tablesOfMention(freeTables[0]).includes(s.focus)) r.use(freeTables[0]);

  // 10. Boolean columns used as adjectives ("discontinued products"), then the columns left to show.
  for (const mention of r.mentions) {
    if (!r.isFree(mention) || mention.kind !== 'schema') continue;
    const flag = pickColumn(mention, booleanLike);
    if (flag) {
      r.use(mention);
      const negative = negated.has(mention);
      if (negative) r.claim(...tokens.map((t, i) => (NEGATIONS.has(t.lower) ? i : -1)).filter((i) => i >= 0));
      s.filters.push({ kind: 'compare', column: flag, op: '=', value: flag.family === 'boolean' ? !negative : negative ? 0 : 1 });
    }
  }
  const context: TableEntry[] = [];
  for (const mention of r.mentions) {
    if (!r.isFree(mention) || mention.kind !== 'schema') continue;
    const table = tablesOfMention(mention)[0];
    const column = pickColumn(mention);
    // A table's own name beats a column's head word ("ordered" is the orders, not `units_on_order`).
    const strong = column && mention.hits.some((h) => h.kind === 'column' && h.column === column && !h.weak);
    if (column && (!table || (inPlay().includes(column.table) && strong))) {
      // "What was the invoice total in 2022?": a number asked of many rows adds up; otherwise it is shown.
      const asksAmount = ['what', 'how'].includes(lower(0)) && numeric(column) && !s.measure && !s.group && !s.counted && !s.order;
      const owned = ['have', 'has', 'with'].includes(lower(mention.start - 1)) || ['a', 'an'].includes(lower(mention.start - 1)) && ['have', 'has', 'with'].includes(lower(mention.start - 2));
      if (asksAmount) s.measure = { fn: 'sum', column, table: column.table };
      else if (owned && column.column.isNullable) s.filters.push({ kind: 'present', column });
      else if (s.counted || s.measure) {
        // A column that neither filters nor is shown would be silently dropped: say so instead.
        s.problems.push(tokens.slice(mention.start, mention.end).map((t) => t.text).join(' '));
      } else s.extra.push(column);
      r.use(mention);
      qualifierOf(mention, column.table);
      s.focus ??= column.table;
    } else if (table) {
      context.push(table);
      r.use(mention);
    }
  }
  if (!s.focus && s.filters.length) {
    const first = s.filters[0]!;
    s.focus = first.kind === 'compare' || first.kind === 'range' || first.kind === 'present' ? first.column.table : first.table;
  }

  // 11. Dates: the date column of the tables in play that a verb names (hired → hire_date), else the table's own.
  const tablesInPlay = [s.measure?.table, s.counted?.table, s.focus, s.group?.kind === 'table' ? s.group.table : undefined, ...context].filter((t): t is TableEntry => Boolean(t));
  const dateColumn = (): ColumnEntry | undefined => {
    const candidates = tablesInPlay.flatMap((t) => t.columns.filter(dated));
    const score = (c: ColumnEntry) =>
      (c.words.some((w) => verbs.includes(w) || tokens.some((t) => t.singular === w && r.claimed.has(tokens.indexOf(t)) === false)) ? 10 : 0) +
      (c.words.some((w) => c.table.words.includes(w)) ? 5 : 0) + (c.column.isNullable ? 0 : 2) - tablesInPlay.indexOf(c.table);
    return [...candidates].sort((a, b) => score(b) - score(a))[0];
  };
  if (s.years.length || s.timeGroup) {
    const column = dateColumn();
    if (!column) s.problems.push(s.years[0]?.label ?? `by ${s.timeGroup!.unit}`);
    else {
      for (const range of s.years) s.filters.push({ kind: 'range', column, from: range.from, to: range.to, label: range.label });
      if (s.timeGroup) s.group = { kind: 'time', column, unit: s.timeGroup.unit };
      // The verb that chose the column (hired → hire_date) is understood.
      tokens.forEach((t, i) => {
        if (column.words.includes(t.lemma) || column.words.includes(t.singular)) r.claim(i);
      });
    }
  }

  // 12. What nobody claimed.
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (r.claimed.has(i) || r.mentionCovering(i)) continue;
    const t = tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'SYM' || t.pos === 'SPACE' || QUESTION_WORDS.has(t.lower) || isStopWord(t.lower)) continue;
    if (t.pos === 'DET' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'PART' || t.pos === 'ADP') continue;
    if ((t.pos === 'VERB' || t.pos === 'NOUN') && isRelationVerb(t.lemma, lexicon)) continue;
    if (MONEY_VERBS.has(t.lemma) && s.measure) continue;
    unknown.push(t.text);
  }
  for (const mention of r.mentions) {
    if (r.isFree(mention) && mention.kind === 'number') {
      const next = r.nextMention(mention.start, 0);
      if (next && !s.limit && next.kind === 'schema') s.limit = mention.value;
      else unknown.push(tokens[mention.start]!.text);
    }
  }
  const notUnderstood = [...new Set([...s.problems, ...unknown])];
  if (notUnderstood.length || !s.focus) return { plan: null, notUnderstood: notUnderstood.length ? notUnderstood : [read.tokens.map((t) => t.text).join(' ')] };

  const measure: Measure | null = s.counted ? { fn: s.counted.fn, column: s.counted.column, table: s.counted.table } : s.measure;
  // When counting with a ranked entity ("which genre has the most tracks"), the entity is grouped.
  let group = s.group;
  if (!group && s.ranked && measure && s.ranked !== measure.table) group = { kind: 'table', table: s.ranked };
  const focus = group?.kind === 'table' && measure ? measure.table : (s.ranked ?? s.focus);
  return {
    plan: { focus, measure, group, filters: s.filters, order: s.order, limit: s.limit, extraColumns: s.extra, context: context.filter((t) => t !== focus), edges },
    notUnderstood: [],
  };
}

function tablesNamed(r: Reader): TableEntry[] {
  return r.mentions.flatMap(tablesOfMention);
}

function isRelationVerb(lemma: string, lexicon: Lexicon): boolean {
  if (RELATION_VERBS.has(lemma) || lexicon.words.has(lemma)) return true;
  // "billed" and `billing_country`, "shipped" and `ship_via`: the same stem.
  if ([...lexicon.words].some((word) => stem(word) === stem(lemma))) return true;
  return derivedForms(lemma, 'verb', 'noun').some((noun) => lexicon.words.has(noun));
}

export { tableOf };
