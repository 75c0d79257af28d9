import { oneLine } from '../../../../core/text/index.js';

/** Text for one Markdown line: no line breaks, and nothing that would start a block (heading, list, quote). */
export function inline(text: string): string {
  return oneLine(text).replace(/^(#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d+[.)](?:\s|$)|=+$|-+$)/, '\\$1');
}

function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|') || '—';
}

/** Builds a Markdown document block by block, with one blank line between blocks. */
export class MarkdownWriter {
  private readonly blocks: string[] = [];

  heading(level: number, text: string): this {
    this.blocks.push(`${'#'.repeat(Math.min(6, Math.max(1, level)))} ${inline(text).replace(/^\\/, '')}`);
    return this;
  }

  paragraph(...sentences: Array<string | undefined | false>): this {
    const text = sentences.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map(oneLine).join(' ');
    if (text) this.blocks.push(inline(text));
    return this;
  }

  /** A line of label and value: **Priority:** Must. */
  fields(pairs: Array<[string, string | undefined]>): this {
    const parts = pairs.filter(([, value]) => value !== undefined && value.trim() !== '').map(([label, value]) => `**${label}:** ${inline(value ?? '')}`);
    if (parts.length) this.blocks.push(parts.join(' · '));
    return this;
  }

  bullets(items: readonly string[], empty?: string): this {
    const lines = items.map(oneLine).filter(Boolean);
    if (lines.length) this.blocks.push(lines.map((item) => `- ${inline(item)}`).join('\n'));
    else if (empty) this.paragraph(empty);
    return this;
  }

  numbered(items: readonly string[], empty?: string): this {
    const lines = items.map(oneLine).filter(Boolean);
    if (lines.length) this.blocks.push(lines.map((item, index) => `${index + 1}. ${inline(item)}`).join('\n'));
    else if (empty) this.paragraph(empty);
    return this;
  }

  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty?: string): this {
    if (rows.length === 0) {
      if (empty) this.paragraph(empty);
      return this;
    }
    const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
    for (const row of rows) lines.push(`| ${headers.map((_, i) => cell(row[i] ?? '')).join(' | ')} |`);
    this.blocks.push(lines.join('\n'));
    return this;
  }

  /** Markdown already composed (e.g. a note in italics); kept as it is. */
  raw(markdown: string): this {
    if (markdown.trim()) this.blocks.push(markdown.trim());
    return this;
  }

  toString(): string {
    return `${this.blocks.join('\n\n')}\n`;
  }
}
