import { escapeForStyleElement, WIREFRAME_CSP } from '../../../shared/wireframe-csp';
import type { Wireframe } from './client';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The srcdoc of a preview iframe. The iframe carries `sandbox=""` (no scripts, no same origin), and this document
 * forbids every request, so markup that slipped past the server's sanitizer still cannot run or load anything.
 */
export function previewDocument(wireframe: Pick<Wireframe, 'title' | 'htmlContent' | 'cssContent'>): string {
  const css = escapeForStyleElement(wireframe.cssContent ?? '');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${WIREFRAME_CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(wireframe.title)}</title>`,
    `<style>${css}</style></head><body>`,
    wireframe.htmlContent,
    '</body></html>',
  ].join('');
}
