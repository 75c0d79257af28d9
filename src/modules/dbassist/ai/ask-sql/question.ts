import { singularize } from '../../../../core/text/index.js';
import { tagText, type PosTag } from '../../../../core/text/nlp/index.js';
import { tableKeyOf, type ColumnEntry, type Lexicon, type LexiconHit } from './lexicon.js';
import type { AskValue } from './schema.js';

/**
 * A question read against a schema: its words (tagged, with their place in the text) and the spans that name
 * something of the database — a value found in the data, a table or column phrase, a number or a year. What is left
 * is function words, keywords the interpreter reads, or words nobody understood.
 */
export type Token = { text: string; lower: string; singular: string; lemma: string; pos: PosTag; start: number; end: number };

export type Mention =
  | { kind: 'value'; start: number; end: number; value: string; columns: ColumnEntry[] }
  | { kind: 'schema'; start: number; end: number; hits: LexiconHit[] }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'year'; start: number; end: number; value: number };

export type ReadQuestion = { tokens: Token[]; mentions: Mention[] };

function locate(question: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const sentence of tagText(question)) {
    for (const token of sentence.tokens) {
      const start = question.indexOf(token.text, at);
      const from = start >= 0 ? start : at;
      at = from + token.text.length;
      const lower = token.text.toLowerCase();
      tokens.push({ text: token.text, lower, singular: singularize(lower), lemma: token.lemma.toLowerCase(), pos: token.pos, start: from, end: at });
    }
  }
  return tokens;
}

/** Token indexes covering characters [from, to). */
function tokenSpan(tokens: readonly Token[], from: number, to: number): [number, number] | null {
  const first = tokens.findIndex((t) => t.end > from);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < to) last += 1;
  return first < 0 ? null : [first, last + 1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function valueMentions(question: string, tokens: readonly Token[], lexicon: Lexicon, values: readonly AskValue[]): Mention[] {
  const columnOf = (value: AskValue) =>
    lexicon.tables.find((t) => t.key === tableKeyOf({ namespace: value.namespace, name: value.table }))?.columns.find((c) => c.column.name === value.column);
  const byText = new Map<string, ColumnEntry[]>();
  for (const value of values) {
    const column = columnOf(value);
    if (!column || value.value.trim().length === 0) continue;
    const list = byText.get(value.value) ?? [];
    if (!list.includes(column)) list.push(column);
    byText.set(value.value, list);
  }
  const found: Mention[] = [];
  // Longest values first, so "Rock And Roll" wins over "Rock".
  for (const [value, columns] of [...byText].sort((a, b) => b[0].length - a[0].length)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'iu');
    const match = pattern.exec(question);
    if (!match) continue;
    const span = tokenSpan(tokens, match.index, match.index + match[0].length);
    if (!span || found.some((m) => m.start < span[1] && span[0] < m.end)) continue;
    // "in each language" names the table even when some category is called "Language": a value written in another
    // case than stored yields to the schema's own word.
    if (match[0] !== value && phraseHits(lexicon, tokens, span[0], span[1])) continue;
    found.push({ kind: 'value', start: span[0], end: span[1], value, columns });
  }
  return found;
}

/** Whether a hit is a schema phrase for these words: the last word may also match by its lemma ("placed" → "place"). */
function phraseHits(lexicon: Lexicon, tokens: readonly Token[], start: number, end: number): LexiconHit[] | undefined {
  const words = tokens.slice(start, end).map((t) => t.singular);
  const exact = lexicon.phrases.get(words.join(' '));
  if (exact) return exact;
  const last = tokens[end - 1]!;
  if (last.lemma !== last.singular) return lexicon.phrases.get([...words.slice(0, -1), last.lemma].join(' '));
  return undefined;
}

export function readQuestion(question: string, lexicon: Lexicon, values: readonly AskValue[]): ReadQuestion {
  const tokens = locate(question);
  const mentions = valueMentions(question, tokens, lexicon, values);
  const taken = (i: number) => mentions.some((m) => m.start <= i && i < m.end);
  for (let i = 0; i < tokens.length; i += 1) {
    if (taken(i)) continue;
    const token = tokens[i]!;
    if (token.pos === 'NUM' || /^\d+(?:\.\d+)?$/.test(token.text)) {
      const value = Number(token.text.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      const isYear = /^\d{4}$/.test(token.text) && value >= 1800 && value <= 2200;
      mentions.push({ kind: isYear ? 'year' : 'number', start: i, end: i + 1, value });
      continue;
    }
    for (let length = Math.min(lexicon.longest, tokens.length - i); length >= 1; length -= 1) {
      if (Array.from({ length }, (_, k) => i + k).some(taken)) continue;
      const hits = phraseHits(lexicon, tokens, i, i + length);
      if (!hits) continue;
      mentions.push({ kind: 'schema', start: i, end: i + length, hits });
      i += length - 1;
      break;
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { tokens, mentions };
}
