/** The longest description a table or column row carries; the full text stays in its documentation. */
const MAX_DESCRIPTION = 2000;

/**
 * The first paragraph of a Markdown text as plain text: what a table or column row shows as its one-line description.
 * Headings are skipped (a "full" template starts with one), and inline markup is dropped.
 */
export function firstParagraphText(markdown: string): string | null {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^#{1,6}\s/.test(line) && !/^(```|~~~|---+|\*\*\*+|___+)$/.test(line));
    if (lines.length === 0) continue;
    const text = plainText(lines.join(' '));
    if (text !== '') return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
  }
  return null;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/^>\s?/, '')
    .replace(/^([-*+]|\d+[.)])\s+/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\*(.+?)\*/g, '$1')
    // Underscores only as emphasis at word edges: customer_id is a name, not markup.
    .replace(/(^|[^\w])__?([^_]+?)__?(?=[^\w]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
