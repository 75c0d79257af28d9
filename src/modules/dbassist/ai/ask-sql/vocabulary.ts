/**
 * The English that questions about data use, with no database in it: aggregate words, grouping words, comparisons,
 * superlatives and the attribute each measures ("longest" measures a length or duration, "cheapest" a price),
 * negations, time units, and the verbs that only relate one thing to another ("placed", "has", "supports").
 */
export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type Direction = 'asc' | 'desc';
export type Comparison = '>' | '>=' | '<' | '<=' | '=';

export const AGGREGATE_WORDS = new Map<string, AggregateFn>([
  ['total', 'sum'], ['sum', 'sum'], ['average', 'avg'], ['avg', 'avg'], ['mean', 'avg'],
  ['maximum', 'max'], ['max', 'max'], ['minimum', 'min'], ['min', 'min'],
]);

export const GROUP_WORDS = new Set(['each', 'per', 'every', 'by']);

/** Attributes an adjective measures, as words a column name would use. */
const DURATION = ['length', 'duration', 'millisecond', 'second', 'minute', 'hour', 'runtime', 'time'];
const PRICE = ['price', 'cost', 'rate', 'fee', 'amount', 'total', 'charge'];
const SIZE = ['size', 'byte', 'weight', 'capacity', 'quantity', 'amount', 'total', 'length'];
const DATE = ['date', 'time', 'day', 'created', 'updated', 'timestamp', 'at', 'on'];

export type Superlative = { direction: Direction; attribute: string[] | null; dates?: boolean };

/** Superlative words; `attribute` null means "of whatever follows" (the most albums, the highest unit price). */
export const SUPERLATIVES = new Map<string, Superlative>([
  ['most', { direction: 'desc', attribute: null }], ['least', { direction: 'asc', attribute: null }],
  ['fewest', { direction: 'asc', attribute: null }], ['highest', { direction: 'desc', attribute: null }],
  ['lowest', { direction: 'asc', attribute: null }], ['greatest', { direction: 'desc', attribute: null }],
  ['top', { direction: 'desc', attribute: null }], ['bottom', { direction: 'asc', attribute: null }],
  ['largest', { direction: 'desc', attribute: SIZE }], ['biggest', { direction: 'desc', attribute: SIZE }],
  ['smallest', { direction: 'asc', attribute: SIZE }], ['longest', { direction: 'desc', attribute: DURATION }],
  ['shortest', { direction: 'asc', attribute: DURATION }], ['cheapest', { direction: 'asc', attribute: PRICE }],
  ['priciest', { direction: 'desc', attribute: PRICE }], ['heaviest', { direction: 'desc', attribute: ['weight'] }],
  ['latest', { direction: 'desc', attribute: DATE, dates: true }], ['newest', { direction: 'desc', attribute: DATE, dates: true }],
  ['earliest', { direction: 'asc', attribute: DATE, dates: true }], ['oldest', { direction: 'asc', attribute: DATE, dates: true }],
  ['recent', { direction: 'desc', attribute: DATE, dates: true }],
]);

/** "most expensive", "least expensive", "most recent": an adjective after most/least that names an attribute. */
export const GRADABLE = new Map<string, Pick<Superlative, 'attribute' | 'dates'>>([
  ['expensive', { attribute: PRICE }], ['costly', { attribute: PRICE }], ['long', { attribute: DURATION }], ['large', { attribute: SIZE }],
  ['big', { attribute: SIZE }], ['heavy', { attribute: ['weight'] }], ['recent', { attribute: DATE, dates: true }],
]);

/** Nouns that name an attribute a column measures: "the average length", "the highest price". */
export const ATTRIBUTE_NOUNS = new Map<string, string[]>([
  ['length', DURATION], ['duration', DURATION], ['runtime', DURATION], ['price', PRICE], ['cost', PRICE], ['size', SIZE], ['weight', ['weight']],
]);

/** Verbs that say which attribute a comparison is about: "tracks that cost more than 1", "films that last longer". */
export const VERB_ATTRIBUTES = new Map<string, string[]>([
  ['cost', PRICE], ['costs', PRICE], ['weigh', ['weight']], ['last', DURATION], ['run', DURATION], ['take', DURATION],
]);

/** Comparatives that take "than N", with the attribute they compare when they name one. */
export const COMPARATIVES = new Map<string, { op: Comparison; attribute: string[] | null }>([
  ['more', { op: '>', attribute: null }], ['greater', { op: '>', attribute: null }], ['higher', { op: '>', attribute: null }],
  ['over', { op: '>', attribute: null }], ['above', { op: '>', attribute: null }], ['exceeding', { op: '>', attribute: null }],
  ['less', { op: '<', attribute: null }], ['fewer', { op: '<', attribute: null }], ['lower', { op: '<', attribute: null }],
  ['under', { op: '<', attribute: null }], ['below', { op: '<', attribute: null }],
  ['longer', { op: '>', attribute: DURATION }], ['shorter', { op: '<', attribute: DURATION }],
  ['larger', { op: '>', attribute: SIZE }], ['bigger', { op: '>', attribute: SIZE }], ['smaller', { op: '<', attribute: SIZE }],
  ['cheaper', { op: '<', attribute: PRICE }], ['pricier', { op: '>', attribute: PRICE }],
  ['exactly', { op: '=', attribute: null }], ['equal', { op: '=', attribute: null }],
]);

export const NEGATIONS = new Set(['without', 'no', 'not', 'never', "n't", 'none']);

export const TIME_UNITS = new Map<string, 'year' | 'quarter' | 'month' | 'week' | 'day'>([
  ['year', 'year'], ['yearly', 'year'], ['annually', 'year'], ['annual', 'year'], ['quarter', 'quarter'], ['quarterly', 'quarter'],
  ['month', 'month'], ['monthly', 'month'], ['week', 'week'], ['weekly', 'week'], ['day', 'day'], ['daily', 'day'],
]);

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Nouns for money taken in, and the column words that hold it. */
export const MONEY_NOUNS = new Set(['sale', 'sales', 'revenue', 'income', 'turnover', 'earnings', 'spending', 'money', 'amount']);
export const MONEY_VERBS = new Set(['spend', 'spent', 'earn', 'pay', 'paid']);
export const MONEY_COLUMNS = ['total', 'amount', 'revenue', 'sale', 'payment', 'price', 'cost'];

/** Words that ask or command and say nothing about the data. */
export const QUESTION_WORDS = new Set([
  'what', 'which', 'who', 'whom', 'how', 'list', 'show', 'display', 'give', 'find', 'get', 'tell', 'return', 'name', 'me',
  'all', 'there', 'please', 'any', 'the', 'a', 'an', 'of', 'in', 'from', 'for', 'with', 'by', 'to', 'on', 'and', 'that', 'do',
  'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'have', 'has', 'had', 'many', 'much', 'than', 'their', 'its', 'at',
  'number', 'count', 'ever', 'whose', 'where', 'one', 'some', 'every', 'each', 'per', 'overall', 'altogether', 'together',
]);

/** Verbs that only relate the things around them; the foreign keys say how. */
export const RELATION_VERBS = new Set([
  'be', 'have', 'do', 'contain', 'include', 'hold', 'belong', 'place', 'make', 'buy', 'purchase', 'sell', 'order', 'handle',
  'support', 'issue', 'ship', 'supply', 'write', 'record', 'hire', 'spend', 'cost', 'last', 'appear', 'feature', 'get',
  'receive', 'take', 'rent', 'pay', 'serve', 'work', 'live', 'come', 'use', 'list', 'show', 'give', 'find', 'display',
  'tell', 'return', 'sort', 'rank', 'report', 'create', 'play', 'star', 'act', 'assign', 'manage', 'send', 'base', 'locate',
  'release', 'publish', 'produce', 'compose', 'sell', 'book', 'register', 'sign', 'own', 'carry', 'stock', 'provide', 'deliver',
]);
