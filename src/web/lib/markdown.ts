import DOMPurify from 'dompurify';
import { Lexer, Parser, Renderer, type Token, type Tokens } from 'marked';
import { INTRO_BLOCK_ID, slugifyHeading, uniqueBlockId } from '../../shared/block-ids';

export { slugifyHeading };

/**
 * Document Markdown as safe HTML: GitHub-flavoured Markdown through marked, then DOMPurify, so nothing a document
 * holds (raw HTML, javascript: links, event handlers) runs in the page. Headings carry ids made from the same block
 * ids the server gives sections (the slugs of the heading path), so a search hit or a citation can open its section.
 */

/** The prefix of heading ids: keeps them clear of DOM properties (`title`, `forms`…) that DOMPurify refuses. */
export const SECTION_ID_PREFIX = 'section-';

export function sectionElementId(blockId: string): string {
  return `${SECTION_ID_PREFIX}${blockId}`;
}

type HeadingWithBlock = Tokens.Heading & { blockId?: string };

/** An ATX heading (`## Goals`) at the top level: the ones that start a section on the server. */
function isSectionHeading(token: Token): token is Tokens.Heading {
  return token.type === 'heading' && /^ {0,3}#/.test(token.raw);
}

/** Gives each top-level ATX heading its section's block id, following the server's heading-path rule. */
function assignBlockIds(tokens: Token[]): void {
  const used = new Set<string>();
  const stack: Array<{ level: number; slug: string }> = [];
  const firstHeading = tokens.findIndex(isSectionHeading);
  const intro = (firstHeading === -1 ? tokens : tokens.slice(0, firstHeading)).some((t) => t.type !== 'space' && t.raw.trim() !== '');
  if (intro) used.add(INTRO_BLOCK_ID);
  for (const token of tokens) {
    if (!isSectionHeading(token)) continue;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= token.depth) stack.pop();
    stack.push({ level: token.depth, slug: slugifyHeading(token.text.trim()) });
    const blockId = uniqueBlockId(stack.map((entry) => entry.slug).join('/'), used);
    used.add(blockId);
    (token as HeadingWithBlock).blockId = blockId;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

class SectionRenderer extends Renderer {
  override heading(token: Tokens.Heading): string {
    const blockId = (token as HeadingWithBlock).blockId;
    const text = this.parser.parseInline(token.tokens);
    const id = blockId ? ` id="${escapeAttribute(sectionElementId(blockId))}" data-block-id="${escapeAttribute(blockId)}"` : '';
    return `<h${token.depth}${id}>${text}</h${token.depth}>\n`;
  }
}

let hooked = false;
function purify(html: string): string {
  if (!hooked) {
    // Links to other sites open in a new tab, without handing them this window.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')?.match(/^https?:\/\//)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'] });
}

/** Safe HTML of a Markdown document, with section ids on its headings. */
export function renderMarkdown(markdown: string): string {
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  assignBlockIds(tokens);
  const html = new Parser({ gfm: true, renderer: new SectionRenderer() }).parse(tokens);
  return purify(html);
}

/** A server snippet (escaped text with <mark>s), kept to exactly that: everything but <mark> is dropped. */
export function sanitizeSnippet(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
