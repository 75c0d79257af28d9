/**
 * Section block ids: the slugs of a Markdown section's heading path (`specific-requirements/functional-requirements`).
 * The server indexes and cites sections by these ids and the web page gives its headings the same ids, so this one
 * module is imported by both sides (it must stay free of Node and DOM APIs).
 */

/** The id of the text before a document's first heading. */
export const INTRO_BLOCK_ID = 'intro';
export const MAX_BLOCK_ID_LENGTH = 200;
const MAX_SEGMENT_LENGTH = 60;

/** Plain text of inline Markdown, enough for a slug: links keep their text, emphasis and code marks go. */
function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]/g, '');
}

/** `3.1 Functional Requirements` → `3-1-functional-requirements`; letters of every script are kept. */
export function slugifyHeading(text: string): string {
  const slug = plainInline(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, MAX_SEGMENT_LENGTH).replace(/-+$/, '');
  return cut || 'section';
}

/** A heading path cut to `max` characters by dropping its outermost headings first. */
function fitLength(path: string, max: number): string {
  if (path.length <= max) return path;
  const segments = path.split('/');
  while (segments.length > 1 && segments.join('/').length > max) segments.shift();
  return segments.join('/').slice(0, max).replace(/[-/]+$/, '') || 'section';
}

/** The path itself, or the path with `-2`, `-3`, … when an earlier section of the document already has it. */
export function uniqueBlockId(path: string, used: ReadonlySet<string>): string {
  const base = fitLength(path, MAX_BLOCK_ID_LENGTH);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = fitLength(path, MAX_BLOCK_ID_LENGTH - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}
