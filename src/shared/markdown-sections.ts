/**
 * Splits a Markdown document into sections at its ATX headings (`#` … `######`), the unit that search indexes and
 * cites. A line scanner that follows CommonMark where it matters here: a heading is at most three spaces indented
 * and its `#`s are followed by a space or the end of the line; lines inside fenced code blocks (``` or ~~~) are
 * never headings; an optional closing run of `#`s is not part of the heading text. Headings nested in block quotes
 * or list items do not split the document.
 */
import { INTRO_BLOCK_ID, slugifyHeading, uniqueBlockId } from './block-ids.js';

export type MarkdownSection = {
  /** Stable within the revision: the slugs of the heading path (`specific-requirements/functional-requirements`). */
  blockId: string;
  position: number;
  /** Null for the text before the first heading. */
  heading: string | null;
  /** 1–6; 0 for the text before the first heading. */
  level: number;
  /** The section's Markdown below its heading, without leading and trailing blank lines. */
  bodyMd: string;
};

const MAX_HEADING_LENGTH = 500;

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

type Fence = { char: string; length: number };

function fenceOpening(line: string): Fence | undefined {
  const match = FENCE_OPEN.exec(line);
  if (!match) return undefined;
  const marker = match[1]!;
  // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
  if (marker[0] === '`' && match[2]!.includes('`')) return undefined;
  return { char: marker[0]!, length: marker.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!match && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** The heading's text: without the closing `#` run (which needs a space before it) and surrounding spaces. */
function headingText(raw: string | undefined): string {
  if (!raw) return '';
  let text = raw.replace(/[ \t]+#+[ \t]*$/, '');
  if (/^#+$/.test(text)) text = '';
  return text.trim().slice(0, MAX_HEADING_LENGTH);
}

function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

/** The sections of a document in order. A document without text has none. */
export function splitMarkdownSections(markdown: string): MarkdownSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  type Open = { heading: string | null; level: number; path: string; lines: string[] };
  const opened: Open[] = [];
  let current: Open = { heading: null, level: 0, path: INTRO_BLOCK_ID, lines: [] };
  // Slugs of the enclosing headings by level: a heading replaces its level and drops the deeper ones.
  const stack: Array<{ level: number; slug: string }> = [];
  let fence: Fence | undefined;

  for (const line of lines) {
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      current.lines.push(line);
      continue;
    }
    const opening = fenceOpening(line);
    if (opening) {
      fence = opening;
      current.lines.push(line);
      continue;
    }
    const match = ATX_HEADING.exec(line);
    if (!match) {
      current.lines.push(line);
      continue;
    }
    const level = match[1]!.length;
    const heading = headingText(match[2]);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, slug: slugifyHeading(heading) });
    opened.push(current);
    current = { heading, level, path: stack.map((entry) => entry.slug).join('/'), lines: [] };
  }
  opened.push(current);

  const sections: MarkdownSection[] = [];
  const used = new Set<string>();
  for (const section of opened) {
    const bodyMd = trimBlankLines(section.lines);
    // Text before the first heading is a section only when there is some.
    if (section.heading === null && bodyMd === '') continue;
    const blockId = uniqueBlockId(section.path, used);
    used.add(blockId);
    sections.push({ blockId, position: sections.length, heading: section.heading, level: section.level, bodyMd });
  }
  return sections;
}
