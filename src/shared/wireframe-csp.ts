/**
 * The policy a wireframe document starts with: no request of any kind, inline styles and data images only. The
 * server writes it into downloads (src/modules/wireframes/wireframe-document.ts) and sends it, sandboxed, as the
 * download's header; the browser starts the preview's srcdoc with it (src/web/modules/wireframes/preview-document.ts).
 */
export const WIREFRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
