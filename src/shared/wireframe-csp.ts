/**
 * The policy a wireframe document starts with: no request of any kind, inline styles and data images only, no form
 * submission and no <base> that would change where links point. The server writes it into downloads
 * (src/modules/wireframes/wireframe-document.ts) and sends it, sandboxed, as the download's header; the browser
 * starts the preview's srcdoc with it (src/web/modules/wireframes/preview-document.ts).
 */
export const WIREFRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/**
 * CSS as the text of a <style> element: every "<" written as the CSS escape `\3c ` (the space ends the escape), so
 * no "</style" can end the element early, however the CSS was put together. Inside strings and url() the escape
 * means the same character; elsewhere "<" has no meaning a wireframe needs.
 */
export function escapeForStyleElement(css: string): string {
  return css.replace(/</g, '\\3c ');
}
