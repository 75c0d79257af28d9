import type { ProblemCode, TextProblem } from './problems.js';

/**
 * Which parts of a Markdown document are human text, and as what: headings are titles, list items and paragraphs
 * are prose lines, the body cells of tables are labels; code fences (Mermaid included), the header and separator
 * rows of tables and inline code are not text to judge.
 */
export type MarkdownPiece = { kind: 'heading' | 'line' | 'paragraph' | 'cell'; text: string; line: number };

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const TABLE_ROW = /^\s*\|/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Inline code and link targets blanked out: they are not prose. */
export function withoutCode(text: string): string {
  return text.replace(/`[^`]*`/g, 'code').replace(/\]\([^)]*\)/g, ']');
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '/').trim());
}

function plain(text: string): string {
  return withoutCode(text)
    .replace(/^\s*(?:[-*+]|\d+[.)]|>)\s+/, '')
    .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .trim();
}

export function markdownPieces(markdown: string): MarkdownPiece[] {
  const pieces: MarkdownPiece[] = [];
  const lines = markdown.split(/\r?\n/);
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line.trim() === '') continue;
    const heading = HEADING.exec(line);
    if (heading) {
      pieces.push({ kind: 'heading', text: plain(heading[2] ?? ''), line: i + 1 });
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const isHeader = SEPARATOR.test(lines[i + 1] ?? '');
      if (isHeader || SEPARATOR.test(line)) continue;
      for (const cell of cells(line)) if (cell) pieces.push({ kind: 'cell', text: plain(cell), line: i + 1 });
      continue;
    }
    const isListOrQuote = /^\s*(?:[-*+]|\d+[.)]|>)\s+/.test(line);
    pieces.push({ kind: isListOrQuote ? 'line' : 'paragraph', text: plain(line), line: i + 1 });
  }
  return pieces;
}

/** Headings with nothing under them before the next heading of the same or a higher level, or the end. */
export function emptyHeadings(markdown: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const lines = markdown.split(/\r?\n/);
  let fenced = false;
  let open: { level: number; text: string } | undefined;
  const code: ProblemCode = 'empty-heading';
  const close = (): void => {
    if (open) problems.push({ code, message: `empty heading “${open.text || '#'.repeat(open.level)}”`, excerpt: open.text });
    open = undefined;
  };
  for (const line of lines) {
    if (FENCE.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const text = (heading[2] ?? '').trim();
      if (open && level <= open.level) close();
      open = undefined;
      if (!text) problems.push({ code, message: 'a heading without text', excerpt: line });
      else open = { level, text };
      continue;
    }
    if (line.trim() !== '') open = undefined;
  }
  close();
  return problems;
}
