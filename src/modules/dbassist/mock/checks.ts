/**
 * The simple CHECK constraints a generator can honour, read from their SQL text: comparisons of a column with a
 * number (`price >= 0`, `qty BETWEEN 1 AND 100`), lists of values (`status IN ('a','b')`, PostgreSQL's
 * `status = ANY (ARRAY['a'::text, 'b'::text])`) and lengths (`length(code) = 3`, `name <> ''`). Anything else (two
 * columns compared, functions) is reported as not understood and left to the database to enforce.
 */
export type ColumnRule = {
  min?: number;
  max?: number;
  /** The bound itself is excluded (`>` rather than `>=`). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  values?: string[];
  minLength?: number;
  maxLength?: number;
};

export type ParsedChecks = { rules: Map<string, ColumnRule>; notUnderstood: string[] };

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const IDENT = String.raw`[A-Za-z_][\w$]*`;

/** Casts, quoting and the widest redundant parentheses go; what is left is plain enough for regular expressions. */
function simplify(expression: string): string {
  let text = expression
    .replace(/::\s*(?:"[^"]+"|[\w.]+)(?:\s+(?:varying|precision|without time zone|with time zone))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?/gi, '')
    .replace(/[`"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // "(-1)" → "-1", "('a')" → "'a'", "((code))" → "(code)": a number, string or name alone in parentheses (not a
  // function's argument list).
  for (let before = ''; before !== text; ) {
    before = text;
    text = text
      .replace(new RegExp(String.raw`\((\s*(?:${NUMBER}|'(?:[^']|'')*')\s*)\)`, 'g'), '$1')
      .replace(new RegExp(String.raw`(^|[^\w$])\(\s*(${IDENT})\s*\)`, 'g'), '$1$2');
  }
  return stripOuter(text);
}

function stripOuter(text: string): string {
  let current = text.trim();
  while (current.startsWith('(') && current.endsWith(')') && closes(current) === current.length - 1) current = current.slice(1, -1).trim();
  return current;
}

/** Index of the parenthesis that closes the one at 0. */
function closes(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at a keyword (AND, OR) outside parentheses and quotes; BETWEEN's own AND is kept with it. */
function splitTopLevel(text: string, keyword: 'AND' | 'OR'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  let betweenOpen = false;
  const upper = text.toUpperCase();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /\s/.test(ch ?? '')) {
      const rest = upper.slice(i + 1);
      if (rest.startsWith('BETWEEN ')) betweenOpen = true;
      if (rest.startsWith(`${keyword} `)) {
        if (keyword === 'AND' && betweenOpen) {
          betweenOpen = false;
          continue;
        }
        parts.push(text.slice(start, i));
        start = i + keyword.length + 2;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => stripOuter(p)).filter(Boolean);
}

function listValues(inner: string): string[] {
  const quoted = [...inner.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  if (quoted.length) return quoted;
  return inner.split(',').map((v) => v.trim()).filter((v) => new RegExp(`^${NUMBER}$`).test(v));
}

function merge(rules: Map<string, ColumnRule>, column: string, rule: ColumnRule): void {
  const key = column.toLowerCase();
  const current = rules.get(key) ?? {};
  if (rule.min !== undefined && (current.min === undefined || rule.min > current.min)) {
    current.min = rule.min;
    current.minExclusive = rule.minExclusive;
  }
  if (rule.max !== undefined && (current.max === undefined || rule.max < current.max)) {
    current.max = rule.max;
    current.maxExclusive = rule.maxExclusive;
  }
  if (rule.values) current.values = current.values ? current.values.filter((v) => rule.values!.includes(v)) : rule.values;
  if (rule.minLength !== undefined) current.minLength = Math.max(current.minLength ?? 0, rule.minLength);
  if (rule.maxLength !== undefined) current.maxLength = Math.min(current.maxLength ?? Infinity, rule.maxLength);
  rules.set(key, current);
}

const FLIP: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '=': '=' };

function comparison(op: string, value: number): ColumnRule | null {
  switch (op) {
    case '>':
      return { min: value, minExclusive: true };
    case '>=':
      return { min: value };
    case '<':
      return { max: value, maxExclusive: true };
    case '<=':
      return { max: value };
    case '=':
      return { min: value, max: value };
    default:
      return null;
  }
}

function lengthRule(op: string, n: number): ColumnRule | null {
  switch (op) {
    case '>':
      return { minLength: n + 1 };
    case '>=':
      return { minLength: n };
    case '<':
      return { maxLength: n - 1 };
    case '<=':
      return { maxLength: n };
    case '=':
      return { minLength: n, maxLength: n };
    default:
      return null;
  }
}

/** Reads one conjunct; false when it is not one of the simple forms. */
function readConjunct(part: string, rules: Map<string, ColumnRule>): boolean {
  let m = new RegExp(String.raw`^(${IDENT})\s+(?:NOT\s+)?BETWEEN\s+(${NUMBER})\s+AND\s+(${NUMBER})$`, 'i').exec(part);
  if (m && !/\bNOT\b/i.test(part)) {
    merge(rules, m[1]!, { min: Number(m[2]), max: Number(m[3]) });
    return true;
  }
  m = new RegExp(String.raw`^(${IDENT})\s+IN\s*\((.*)\)$`, 'i').exec(part);
  if (m) {
    merge(rules, m[1]!, { values: listValues(m[2]!) });
    return true;
  }
  m = new RegExp(String.raw`^(${IDENT})\s*=\s*ANY\s*\(\s*(?:\(\s*)?ARRAY\s*\[(.*)\]\s*(?:\)\s*)?\)$`, 'i').exec(part);
  if (m) {
    merge(rules, m[1]!, { values: listValues(m[2]!) });
    return true;
  }
  m = new RegExp(String.raw`^(?:length|char_length|character_length|octet_length|btrim|trim)\s*\(\s*(${IDENT})\s*\)\s*(>=|<=|<>|!=|>|<|=)\s*(${NUMBER})$`, 'i').exec(part);
  if (m) {
    const rule = lengthRule(m[2]!, Number(m[3]));
    if (rule) merge(rules, m[1]!, rule);
    return rule !== null;
  }
  m = new RegExp(String.raw`^(${IDENT})\s*(<>|!=)\s*''$`).exec(part);
  if (m) {
    merge(rules, m[1]!, { minLength: 1 });
    return true;
  }
  m = new RegExp(String.raw`^(${IDENT})\s*(>=|<=|>|<|=)\s*(${NUMBER})$`).exec(part);
  if (m && !/^(?:true|false|null)$/i.test(m[1]!)) {
    const rule = comparison(m[2]!, Number(m[3]));
    if (rule) merge(rules, m[1]!, rule);
    return rule !== null;
  }
  m = new RegExp(String.raw`^(${NUMBER})\s*(>=|<=|>|<|=)\s*(${IDENT})$`).exec(part);
  if (m) {
    const rule = comparison(FLIP[m[2]!]!, Number(m[1]));
    if (rule) merge(rules, m[3]!, rule);
    return rule !== null;
  }
  // `col IS NOT NULL` adds nothing a NOT NULL column does not already say.
  return new RegExp(String.raw`^${IDENT}\s+IS\s+NOT\s+NULL$`, 'i').test(part);
}

/**
 * Rules per column (keys in lower case) from a table's CHECK expressions. A disjunction is read only in the form
 * `col IS NULL OR <simple>`, which a generated non-null value satisfies through its right side.
 */
export function parseChecks(expressions: readonly string[]): ParsedChecks {
  const rules = new Map<string, ColumnRule>();
  const notUnderstood: string[] = [];
  for (const expression of expressions) {
    const text = simplify(expression.replace(/^CHECK\s*/i, ''));
    let understood = true;
    for (const conjunct of splitTopLevel(text, 'AND')) {
      const alternatives = splitTopLevel(conjunct, 'OR');
      if (alternatives.length === 1) {
        understood = readConjunct(conjunct, rules) && understood;
        continue;
      }
      const rest = alternatives.filter((a) => !new RegExp(String.raw`^${IDENT}\s+IS\s+NULL$`, 'i').test(a));
      understood = (rest.length === 1 && readConjunct(rest[0]!, rules)) && understood;
    }
    if (!understood) notUnderstood.push(expression);
  }
  return { rules, notUnderstood };
}
