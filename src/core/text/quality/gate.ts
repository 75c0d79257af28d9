import { splitSentences } from '../sentences.js';
import { emptyHeadings, markdownPieces, withoutCode } from './markdown.js';
import {
  collapseDoubledWords,
  doubledWords,
  dropTemplateTokens,
  tableSyntax,
  templateTokens,
  titleMetadata,
  verbForms,
  verblessSentences,
  type TextProblem,
} from './problems.js';

/**
 * The quality gate: what kind of human text a string is, the problems found in it, a mechanical repair (doubled
 * words collapsed, template tokens dropped) and the verdict after the repair.
 *
 * - `prose`: sentences — every check, a sentence needs a verb;
 * - `title`: a name or a short label — no pipes, no metadata, no verb needed;
 * - `markdown`: a document — headings as titles, paragraphs and list items as prose lines (a list item may be a
 *   noun phrase), body cells of tables as labels; code fences, table header rows and inline code are skipped.
 */
export type ProseKind = 'prose' | 'title' | 'markdown';
export type ProseField = { path: string; text: string; kind: ProseKind };

function common(text: string): TextProblem[] {
  return [...doubledWords(text), ...templateTokens(text)];
}

function checkMarkdown(markdown: string): TextProblem[] {
  const problems: TextProblem[] = [...emptyHeadings(markdown)];
  for (const piece of markdownPieces(markdown)) {
    const text = piece.text;
    if (!text) continue;
    problems.push(...common(text));
    if (piece.kind === 'heading') problems.push(...tableSyntax(text), ...titleMetadata(text));
    if (piece.kind === 'line' || piece.kind === 'paragraph') problems.push(...tableSyntax(text), ...verbForms(text));
    if (piece.kind === 'paragraph' && /[.!?]$/.test(text)) problems.push(...verblessSentences(text));
  }
  return problems;
}

/** Every problem found in the text, in order; none for good text. */
export function checkText(text: string, kind: ProseKind): TextProblem[] {
  if (kind === 'markdown') return checkMarkdown(text);
  const plain = withoutCode(text);
  if (kind === 'title') return [...common(plain), ...tableSyntax(plain), ...titleMetadata(plain)];
  return [...common(plain), ...tableSyntax(plain), ...verbForms(plain), ...verblessSentences(plain)];
}

/** The mechanical repairs, outside code (fences and inline code keep their text). */
export function repairText(text: string, kind: ProseKind): string {
  const fix = (segment: string): string => dropTemplateTokens(collapseDoubledWords(segment));
  const outsideInlineCode = (line: string): string => line.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : fix(part))).join('');
  if (kind === 'prose') return withoutVerblessSentences(outsideInlineCode(text));
  if (kind !== 'markdown') return outsideInlineCode(text);
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      return fenced ? line : outsideInlineCode(line);
    })
    .join('\n');
}

/**
 * A verbless sentence among others ("A meal planner. It plans the week.") is left out when the others still say
 * something; a text that is nothing but fragments is left as it is, for the check to refuse.
 */
function withoutVerblessSentences(text: string): string {
  const fragments = verblessSentences(text).map((problem) => problem.excerpt).filter((excerpt) => excerpt !== '');
  if (fragments.length === 0 || splitSentences(text).length <= fragments.length) return text;
  let kept = text;
  for (const fragment of fragments) kept = kept.replace(fragment, '');
  return kept.replace(/\s{2,}/g, ' ').trim();
}

export type GateFailure = { path: string; kind: ProseKind; problems: TextProblem[] };
export type GateResult = {
  /** The fields with their text after repair; `repaired` says which changed. */
  fields: Array<ProseField & { repaired: boolean }>;
  /** What is still wrong after the repair; empty when the texts pass. */
  failures: GateFailure[];
};

/** Repairs each field, then checks it again. */
export function gateTexts(fields: readonly ProseField[]): GateResult {
  const result: GateResult = { fields: [], failures: [] };
  for (const field of fields) {
    const first = checkText(field.text, field.kind);
    const text = first.length ? repairText(field.text, field.kind) : field.text;
    const remaining = text === field.text ? first : checkText(text, field.kind);
    result.fields.push({ ...field, text, repaired: text !== field.text });
    if (remaining.length) result.failures.push({ path: field.path, kind: field.kind, problems: remaining });
  }
  return result;
}

/** "title: doubled word “the the”; steps.2: template token “{{x}}”", for an error message or a model's retry. */
export function describeFailures(failures: readonly GateFailure[], max = 8): string {
  const parts = failures.flatMap((f) => f.problems.map((p) => `${f.path || '(text)'}: ${p.message}`));
  const shown = parts.slice(0, max).join('; ');
  return parts.length > max ? `${shown}; and ${parts.length - max} more` : shown;
}
