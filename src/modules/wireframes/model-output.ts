/**
 * A remote model asked for a body fragment sometimes answers a whole document. Its <head> styles belong in the CSS
 * and only the <body> is the wireframe's markup; without this, the sanitizer would keep the <title> text as body
 * text and drop the head's styles. The sanitizer still runs on both parts afterwards.
 */
export function splitModelDocument(html: string, css: string): { html: string; css: string } {
  if (!/<(?:!doctype|html|head|body)\b/i.test(html)) return { html, css };
  const styles: string[] = [];
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  for (const match of head.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.push(match[1] ?? '');
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1];
  const fragment = body ?? html.replace(/<!doctype[^>]*>/gi, '').replace(/<head\b[^>]*>[\s\S]*?<\/head>/gi, '').replace(/<\/?(?:html|body)\b[^>]*>/gi, '');
  return { html: fragment.trim(), css: [css, ...styles].filter((part) => part.trim() !== '').join('\n') };
}
