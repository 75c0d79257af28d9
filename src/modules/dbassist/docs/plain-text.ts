/**
 * The first paragraph of a Markdown text as plain text: what dbassist.tables.description and
 * dbassist.columns.description show beside the name. Headings are skipped; emphasis, code marks and links lose their
 * syntax.
 */
export function firstParagraph(markdown: string, max = 2000): string | null {
  const blocks = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !/^#{1,6}\s/.test(block) && !/^```/.test(block));
  const first = blocks[0];
  if (!first) return null;
  const plain = first
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/^>\s?/, ''))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return null;
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
