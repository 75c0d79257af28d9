import type { FastifyInstance } from 'fastify';

/**
 * The policy of the pages the server sends (the web app and the API reference at /api/docs): scripts, styles,
 * frames and connections from this origin only. Inline styles are allowed because Mermaid draws its SVG with them;
 * data: and blob: images cover the icons and the diagram downloads; nothing may frame the pages, nor change their
 * base URL, nor post forms elsewhere.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Everything else (JSON, downloads): no content of its own to load, and never framed. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

const alwaysSent: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Security headers on every response, in one place: nosniff, no framing, no referrer, and a Content-Security-Policy
 * for pages and resources. A route that set its own policy (the wireframe download's sandbox) keeps it.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(alwaysSent)) if (!reply.hasHeader(name)) void reply.header(name, value);
    if (!reply.hasHeader('content-security-policy')) {
      const type = String(reply.getHeader('content-type') ?? '');
      // Scripts carry no policy: one that loads as a worker would take it as its own and be cut off.
      if (type.startsWith('text/html')) void reply.header('content-security-policy', PAGE_CSP);
      else if (!/javascript/.test(type)) void reply.header('content-security-policy', RESOURCE_CSP);
    }
    return payload;
  });
}
