import type { MockLocale, SupportedDbType } from '../../../shared/dbassist-kinds.js';
import type { ColumnRule } from './checks.js';
import { dateMeaning, mostlyTrue, numberMeaning, textMeaning, type NumberMeaning, type TextMeaning } from './column-meaning.js';
import type { ColumnType } from './column-type.js';
import type { MockValue } from './mock-value.js';
import { hashSeed, Random } from './random.js';
import { numberedVariant, textPool, wordPool } from './value-pools.js';

/**
 * A generator for one column: called with the row number, it returns a value the column's type, length, precision,
 * CHECK rule and meaning allow. Keys and references are not its business (see table-rows.ts).
 */
export type ColumnGenerator = {
  next(row: number): MockValue;
  /** A value that must differ from earlier ones: the n-th attempt after a collision (text gets numbered variants). */
  retry(row: number, attempt: number): MockValue;
};

export type ColumnSpec = {
  tableName: string;
  /** "namespace.table.column": the column's own random stream. */
  key: string;
  name: string;
  type: ColumnType;
  rule: ColumnRule | undefined;
  nullable: boolean;
  engine: SupportedDbType;
  /** Integer keys count up from here. */
  sequentialFrom: number | null;
  /** The column alone is a key: values must all differ. */
  unique?: boolean;
  /** What the text means when the name alone would mislead (a text key named `customer_id` is a code). */
  textMeaning?: TextMeaning;
};

export type GeneratorOptions = { seed: number; locale: MockLocale; edgeCases: boolean };

/** Fixed windows (not "now"): the same config gives the same rows next year too. */
const DATE_FROM = Date.UTC(2022, 0, 1);
const DATE_TO = Date.UTC(2026, 0, 1);
const BIRTH_FROM = Date.UTC(1950, 0, 1);
const BIRTH_TO = Date.UTC(2006, 0, 1);
const DAY = 86_400_000;

/** Share of values that are edge cases when the option is on. */
const EDGE_SHARE = 0.15;

const UNICODE_SAMPLES = ['Zoë Ñandú', 'Ωμέγα ∑ λ', 'Привет, мир', '東京都 渋谷区', 'مرحبا بالعالم', 'naïve café — “quoted”', "O'Brien \\ back\\slash", 'tab\there, new\nline'];
/** Outside the Basic Multilingual Plane: PostgreSQL stores it; MySQL's 3-byte utf8 would not, so it is kept to PostgreSQL. */
const ASTRAL_SAMPLES = ['emoji 🎉🚀', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];

const NUMBER_RANGES: Record<NumberMeaning, [number, number]> = {
  money: [0.99, 499.99],
  quantity: [1, 100],
  age: [18, 90],
  year: [1950, 2025],
  rating: [1, 5],
  percent: [0, 100],
  duration: [1, 240],
  latitude: [-90, 90],
  longitude: [-180, 180],
  count: [0, 1000],
  number: [1, 10000],
};

type Range = { min: number; max: number };

/** The type's own limits, narrowed by the CHECK rule (exclusive bounds moved in by one step). */
function typeRange(type: ColumnType, rule: ColumnRule | undefined): Range & { step: number } {
  let min = -1e15;
  let max = 1e15;
  let step = 1;
  if (type.kind === 'int') [min, max] = [type.min, type.max];
  if (type.kind === 'decimal') {
    step = 10 ** -type.scale;
    if (type.precision !== null) {
      max = 10 ** (type.precision - type.scale) - step;
      min = -max;
    }
  }
  if (type.kind === 'float') step = 0.01;
  if (type.kind === 'year') [min, max] = [1901, 2155];
  if (rule?.min !== undefined) min = Math.max(min, rule.minExclusive ? rule.min + step : rule.min);
  if (rule?.max !== undefined) max = Math.min(max, rule.maxExclusive ? rule.max - step : rule.max);
  if (type.kind === 'int' || type.kind === 'year') [min, max] = [Math.ceil(min), Math.floor(max)];
  return { min, max, step };
}

/** The meaning's sensible range inside what the column admits; the whole admitted range when they do not meet. */
function sensibleRange(meaning: NumberMeaning, admitted: Range): Range {
  const [low, high] = NUMBER_RANGES[meaning];
  const min = Math.max(low, admitted.min);
  const max = Math.min(high, admitted.max);
  if (min <= max) return { min, max };
  const span = Math.min(admitted.max - admitted.min, 1000);
  return admitted.min > high ? { min: admitted.min, max: admitted.min + span } : { min: admitted.max - span, max: admitted.max };
}

function formatNumber(value: number, type: ColumnType): number | string {
  if (type.kind === 'decimal') return value.toFixed(type.scale);
  if (type.kind === 'float') return Math.round(value * 100) / 100;
  return value;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Two-digit texts 00–59, and the texts of days already seen: formatting is the hot path of a million timestamps. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayTexts = new Map<number, string>();

function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    const d = new Date(day * DAY);
    text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dayTexts.size < 200_000) dayTexts.set(day, text);
  }
  return text;
}

export function formatDate(ms: number): string {
  return dayText(Math.floor(ms / DAY));
}

/** Whole seconds: `YYYY-MM-DD HH:MM:SS`, with `+00` for a column with a time zone. */
export function formatTimestamp(ms: number, zone: boolean): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let rest = seconds - day * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const text = `${dayText(day)} ${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[rest - minutes * 60]}`;
  return zone ? `${text}+00` : text;
}

function uuidFrom(random: Random): string {
  // Four hex digits per draw: one draw has 32 bits, too few for twelve digits.
  const hex = (n: number) => {
    let text = '';
    while (text.length < n) text += random.below(0x10000).toString(16).padStart(4, '0');
    return text.slice(0, n);
  };
  // Version 4 layout: the variant and version nibbles set as RFC 9562 asks.
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.below(4)]}${hex(3)}-${hex(12)}`;
}

function cut(text: string, maxLength: number | null): string {
  if (maxLength === null || text.length <= maxLength) return text;
  return [...text].slice(0, maxLength).join('').slice(0, maxLength);
}

/** A text at the column's maximum length (a long one when unbounded), with some non-ASCII letters in it. */
function longText(maxLength: number | null, random: Random): string {
  const length = maxLength ?? 1000;
  const alphabet = 'abcdefghijklmnopqrstuvwxyzéüñçø ';
  let text = '';
  while (text.length < length) text += alphabet[random.below(alphabet.length)];
  return text.slice(0, length);
}

function textGenerator(spec: ColumnSpec, options: GeneratorOptions, random: Random, seed: number): ColumnGenerator {
  const type = spec.type as Extract<ColumnType, { kind: 'text' }>;
  const rule = spec.rule;
  const maxLength = Math.min(type.maxLength ?? Infinity, rule?.maxLength ?? Infinity);
  const limit = Number.isFinite(maxLength) ? maxLength : null;
  const minLength = rule?.minLength ?? 0;
  if (rule?.values?.length) return listGenerator(rule.values, random);
  const meaning = spec.textMeaning ?? textMeaning(spec.name, spec.tableName);
  const fit = (text: string) => {
    let value = cut(text, limit);
    while (value.length < minLength) value += 'x';
    return value;
  };
  const pool = textPool(meaning, options.locale, seed, spec.tableName).map(fit);
  const unicode = spec.engine === 'postgres' ? [...UNICODE_SAMPLES, ...ASTRAL_SAMPLES] : UNICODE_SAMPLES;
  const edge = (): MockValue => {
    const pick = random.below(spec.nullable ? 3 : 2);
    if (pick === 2) return null;
    if (pick === 0) return fit(longText(limit, random));
    return fit(random.pick(unicode));
  };
  if (spec.unique) {
    // A unique column walks the pool, then its numbered variants: distinct by construction, no draws thrown away.
    // Pool values that repeat are caught by the table's key check and retried as variants.
    return {
      next: (row) => {
        const base = pool[row % pool.length]!;
        const round = Math.floor(row / pool.length);
        return round === 0 ? base : fit(numberedVariant(base, round + 1, limit));
      },
      retry: (row, attempt) => fit(numberedVariant(pool[(row + attempt) % pool.length]!, row * 31 + attempt + 1, limit)),
    };
  }
  return {
    next: () => (options.edgeCases && random.chance(EDGE_SHARE) ? edge() : random.pick(pool)),
    retry: (_row, attempt) => {
      const base = random.pick(pool);
      if (attempt < 3) return base;
      const suffix = (attempt * 7919 + random.below(1e6)).toString(36);
      const room = limit === null ? Infinity : limit - suffix.length - 1;
      return room >= 1 ? `${base.slice(0, room)} ${suffix}` : suffix.slice(-(limit ?? suffix.length));
    },
  };
}

function listGenerator(values: readonly string[], random: Random, asNumber = false): ColumnGenerator {
  const items: MockValue[] = asNumber ? values.map(Number) : [...values];
  return { next: () => random.pick(items), retry: () => random.pick(items) };
}

function numberGenerator(spec: ColumnSpec, options: GeneratorOptions, random: Random): ColumnGenerator {
  const { type, rule } = spec;
  if (rule?.values?.length) return listGenerator(rule.values, random, true);
  const admitted = typeRange(type, rule);
  const integral = type.kind === 'int' || type.kind === 'year' || (type.kind === 'decimal' && type.scale === 0);
  const meaning = type.kind === 'year' ? 'year' : numberMeaning(spec.name);
  const range = sensibleRange(meaning, admitted);
  const draw = (): number => {
    if (integral) return random.between(Math.ceil(range.min), Math.floor(range.max));
    const steps = Math.floor((range.max - range.min) / admitted.step);
    return range.min + random.between(0, steps) * admitted.step;
  };
  if (spec.sequentialFrom !== null) {
    // Keys count up; a decimal key steps by 1 as well, within its precision.
    return { next: (row) => formatNumber(spec.sequentialFrom! + row, type), retry: (row, attempt) => formatNumber(spec.sequentialFrom! + row + attempt * 1_000_003, type) };
  }
  const edge = (): MockValue => {
    const pick = random.below(spec.nullable ? 3 : 2);
    if (pick === 2) return null;
    const bound = pick === 0 ? admitted.min : admitted.max;
    return formatNumber(type.kind === 'float' ? Math.max(-1e12, Math.min(1e12, bound)) : bound, type);
  };
  return {
    next: () => (options.edgeCases && random.chance(EDGE_SHARE) ? edge() : formatNumber(draw(), type)),
    retry: () => formatNumber(draw(), type),
  };
}

function timeGenerator(spec: ColumnSpec, options: GeneratorOptions, random: Random): ColumnGenerator {
  const { type } = spec;
  const birth = dateMeaning(spec.name) === 'birth';
  const from = birth ? BIRTH_FROM : DATE_FROM;
  const to = birth ? BIRTH_TO : DATE_TO;
  const zone = type.kind === 'timestamp' && type.withZone && spec.engine === 'postgres';
  const format = (ms: number): string => {
    if (type.kind === 'date') return formatDate(ms);
    if (type.kind === 'time') return formatTimestamp(ms, false).slice(11);
    return formatTimestamp(ms, zone);
  };
  const span = type.kind === 'date' ? Math.floor((to - from) / DAY) : Math.floor((to - from) / 1000);
  const at = (offset: number) => (type.kind === 'date' ? from + offset * DAY : from + offset * 1000);
  const edge = (): MockValue => {
    const pick = random.below(spec.nullable ? 3 : 2);
    if (pick === 2) return null;
    return format(pick === 0 ? from : at(span - 1));
  };
  return {
    next: () => (options.edgeCases && random.chance(EDGE_SHARE) ? edge() : format(at(random.below(span)))),
    retry: () => format(at(random.below(span))),
  };
}

/**
 * Builds the generator for a column. `seed` is the job's seed; the column's own stream is derived from it and the
 * column's key.
 */
export function columnGenerator(spec: ColumnSpec, options: GeneratorOptions): ColumnGenerator {
  const seed = hashSeed(options.seed, spec.key);
  const random = new Random(seed);
  const { type } = spec;
  const simple = (make: () => MockValue): ColumnGenerator => ({
    next: () => (options.edgeCases && spec.nullable && random.chance(EDGE_SHARE / 3) ? null : make()),
    retry: () => make(),
  });
  switch (type.kind) {
    case 'int':
    case 'decimal':
    case 'float':
    case 'year':
      return numberGenerator(spec, options, random);
    case 'text':
      return textGenerator(spec, options, random, seed);
    case 'date':
    case 'timestamp':
    case 'time':
      return timeGenerator(spec, options, random);
    case 'bool': {
      const share = mostlyTrue(spec.name) ? 0.9 : 0.5;
      return simple(() => random.chance(share));
    }
    case 'enum':
      return listGenerator(spec.rule?.values?.length ? spec.rule.values.filter((v) => type.values.includes(v)) : type.values, random);
    case 'uuid':
      return simple(() => uuidFrom(random));
    case 'json':
      return simple(() => JSON.stringify({ id: random.between(1, 100000), tag: random.pick(['alpha', 'beta', 'gamma']), score: random.between(0, 100) }));
    case 'bytes':
      return simple(() => Uint8Array.from({ length: Math.min(type.maxLength ?? 16, 16) }, () => random.below(256)));
    case 'interval':
      return simple(() => `${random.between(1, 30)} days`);
    case 'inet':
      return simple(() => `10.${random.below(256)}.${random.below(256)}.${random.between(1, 254)}`);
    case 'vector':
      return simple(() => `[${Array.from({ length: type.dimensions }, () => (random.next() * 2 - 1).toFixed(4)).join(',')}]`);
    case 'tsvector': {
      const words = wordPool(options.locale, seed).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '') || 'word');
      return simple(() => Array.from({ length: random.between(2, 6) }, () => random.pick(words)).join(' '));
    }
    case 'array': {
      const element = columnGenerator({ ...spec, key: `${spec.key}[]`, type: type.element, nullable: false, rule: undefined, sequentialFrom: null }, { ...options, edgeCases: false });
      return simple(() => Array.from({ length: random.between(1, 3) }, (_, i) => element.next(i)));
    }
    case 'unknown':
      return simple(() => null);
  }
}
