import { escapeText } from '../../core/text/index.js';
import { escapeForStyleElement, WIREFRAME_CSP } from '../../shared/wireframe-csp.js';

/**
 * A wireframe as one self-contained HTML file: its CSS inline, and a Content-Security-Policy that forbids every
 * request, so even a file opened from disk loads nothing from anywhere. The same policy starts the preview's srcdoc
 * in the browser (src/web/modules/wireframes/preview-document.ts).
 */
export function wireframeDocument(wireframe: { title: string; htmlContent: string; cssContent: string | null }): string {
  // The CSS was sanitized on save; "<" is escaped again because this file must never run anything, whatever a row
  // saved before today's sanitizer holds.
  const css = escapeForStyleElement(wireframe.cssContent ?? '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${WIREFRAME_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(wireframe.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    wireframe.htmlContent,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
