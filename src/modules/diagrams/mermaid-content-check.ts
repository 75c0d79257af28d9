/**
 * Mermaid's strict security level removes scripts from a diagram, but not what loads a file: HTML labels keep
 * `<img src>`, `<svg><image href>`, `<video poster>` and style attributes (where an HTML entity can spell url()), class
 * and state diagrams pass `style`/`classDef` CSS with url() or CSS escapes to the browser, and image shapes
 * (`A@{ img: "…" }`) fetch their image. Each of these made a browser request a foreign URL the moment the diagram was
 * shown, in Chromium. They are refused on the server, where the code is saved, naming the line and column; labels,
 * links and colours stay allowed.
 */

type Rule = { pattern: RegExp; describe(match: RegExpExecArray): string };

const rules: Rule[] = [
  {
    // CSS that loads: in style and classDef statements, and in label HTML.
    pattern: /url\s*\(|image-set\s*\(|@import|expression\s*\(/gi,
    describe: (m) => `"${m[0]}" can load files from other sites`,
  },
  {
    // A CSS escape in a style statement can spell url( without the letters (\75 rl(…)).
    pattern: /(?<=^[ \t]*(?:style|classDef|linkStyle)\b[^\n]*)\\/gim,
    describe: () => 'a backslash in a style statement can hide url() from this check; write the CSS without escapes',
  },
  {
    // The HTML parser opens a tag only where a letter follows "<" at once.
    pattern: /<(img|image|svg|video|audio|source|track|picture|input|iframe|frame|object|embed|link|meta|base|style|script)\b/gi,
    describe: (m) => `the HTML element <${m[1]!.toLowerCase()}> in a label can load files from other sites; labels may use text, <b>, <i>, <br> and the like`,
  },
  {
    pattern: /<[a-z][^>]*?[\s/'"](src|srcset|poster|background|style|xlink:href|data|lowsrc|dynsrc|codebase)\s*=/gi,
    describe: (m) => `the HTML attribute ${m[1]!.toLowerCase()}= in a label can load files from other sites; style the node with classDef instead`,
  },
  {
    // Image shapes: A@{ img: "https://…" }. Data images load nothing.
    pattern: /@\{[^}]*?\bimg\s*:(?!\s*["']?\s*data:image\/)/gi,
    describe: () => 'an image shape (img:) loads its image from wherever it points; only data:image URLs are allowed',
  },
];

export type ContentRefusal = { ok: false; line: number; column: number; message: string };

/** The first thing in `code` that would make a browser load a file when the diagram is shown, or null. */
export function checkMermaidContent(code: string): ContentRefusal | null {
  let first: { index: number; message: string } | null = null;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    const match = rule.pattern.exec(code);
    if (match && (!first || match.index < first.index)) first = { index: match.index, message: rule.describe(match) };
  }
  if (!first) return null;
  const before = code.slice(0, first.index).split(/\r\n|\r|\n/);
  return {
    ok: false,
    line: before.length,
    column: before[before.length - 1]!.length + 1,
    message: `This Mermaid code would make the browser load something when the diagram is shown: ${first.message}.`,
  };
}
