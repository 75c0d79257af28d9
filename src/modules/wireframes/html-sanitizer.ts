import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { DATA_IMAGE, sanitizeCss, shorten } from './css-sanitizer.js';

/**
 * Wireframe HTML as it is stored: static markup that runs nothing and loads nothing. DOMPurify drops scripts, event
 * handlers and dangerous elements; the hooks below go further than its defaults, because a wireframe never needs a
 * resource from anywhere: every URL-bearing attribute keeps only `#fragment` links and `data:image/…` images, every
 * style goes through the CSS sanitizer. The preview's sandbox and CSP are a second wall, not the only one.
 *
 * The jsdom window belongs to this module alone: putting one on globalThis would change how other code (React
 * rendering in tests, Mermaid) detects its environment.
 */

export type HtmlSanitized = { html: string; removed: string[] };

const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
const purify: DOMPurify = createDOMPurify(window);

/** Elements that fetch, navigate, embed or change how the page's URLs resolve, whatever their attributes. */
const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'portal', 'noscript', 'template', 'foreignobject'];

/** Attributes whose value is a URL (or a list of them) the browser may fetch or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'background',
  'action',
  'formaction',
  'data',
  'codebase',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
  'manifest',
  'usemap',
  'archive',
  'profile',
]);

/** Attributes where a data image is harmless: it is decoded as an image and loads nothing. */
const IMAGE_SOURCES = new Set(['img:src', 'image:href', 'image:xlink:href', 'input:src']);

const CONFIG: Config = {
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: ['srcset', 'imagesrcset', 'ping', 'http-equiv'],
  // Keeps a leading <style> in the fragment instead of letting the parser move it into <head> and lose it.
  FORCE_BODY: true,
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: true,
};

type Collector = { removed: string[]; explained: WeakMap<Element, Set<string>> };
let collector: Collector | null = null;

function note(message: string): void {
  if (collector && !collector.removed.includes(message) && collector.removed.length < 200) collector.removed.push(message);
}

function explained(element: Element, attribute: string): void {
  if (!collector) return;
  const set = collector.explained.get(element) ?? new Set<string>();
  set.add(attribute);
  collector.explained.set(element, set);
}

function tagOf(node: Element): string {
  return node.nodeName.toLowerCase();
}

/** True when the attribute's URL may stay: an in-page fragment link, or a data image where images are drawn. */
function urlAllowed(tag: string, attribute: string, value: string): boolean {
  const url = value.trim();
  if (attribute === 'href' || attribute === 'xlink:href') {
    if (IMAGE_SOURCES.has(`${tag}:${attribute}`)) return DATA_IMAGE.test(url);
    return url.startsWith('#') && !/[\s\\]/.test(url.slice(1, 2));
  }
  if (IMAGE_SOURCES.has(`${tag}:${attribute}`)) return DATA_IMAGE.test(url);
  return false;
}

purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'style' && node.textContent) {
    // Also for <svg><style>. The CSS may come back changed with nothing removed ("<" escaped in a string).
    const result = sanitizeCss(node.textContent);
    if (result.css !== node.textContent) node.textContent = result.css;
    for (const item of result.removed) note(`${item} (in a <style> element)`);
  }
});

purify.addHook('uponSanitizeAttribute', (node, data) => {
  const element = node;
  const tag = tagOf(element);
  const name = data.attrName;
  if (name.startsWith('on')) {
    note(`${name} event handler on <${tag}>`);
    explained(element, name);
    return;
  }
  if (URL_ATTRIBUTES.has(name) && !urlAllowed(tag, name, data.attrValue)) {
    data.keepAttr = false;
    // Control characters and spaces go before the scheme is read, as a browser drops some of them (java&#9;script: runs).
    // eslint-disable-next-line no-control-regex
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(data.attrValue.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
    const kind = scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' ? `${scheme}: URL` : 'external or relative URL';
    note(`${name} on <${tag}> (${kind}: ${shorten(data.attrValue)})`);
    explained(element, name);
    return;
  }
  // SVG presentation attributes (fill, filter, mask, clip-path, marker-*) take url(): only in-page references stay.
  if (name !== 'style' && /url\s*\(/i.test(data.attrValue) && [...data.attrValue.matchAll(/url\s*\(\s*['"]?\s*([^'")\s]*)/gi)].some((m) => !(m[1] ?? '').startsWith('#'))) {
    data.keepAttr = false;
    note(`${name} on <${tag}> (external url(): ${shorten(data.attrValue)})`);
    explained(element, name);
    return;
  }
  if (name === 'style') {
    const result = sanitizeCss(data.attrValue, 'declarationList');
    if (result.removed.length) {
      // A declaration list that needed cleaning is dropped whole: half a style is not worth a second parser's guess.
      data.keepAttr = false;
      note(`style attribute on <${tag}> (${result.removed.join('; ')})`);
      explained(element, name);
    } else {
      data.attrValue = result.css;
    }
  }
});

function describeRemoval(item: DOMPurify['removed'][number]): string | null {
  if ('attribute' in item && item.attribute) {
    const from = item.from as Element;
    if (collector?.explained.get(from)?.has(item.attribute.name)) return null;
    return `${item.attribute.name} attribute on <${tagOf(from)}>`;
  }
  if ('element' in item && item.element) {
    const element = item.element;
    // FORCE_BODY's own placeholder, not the author's markup.
    if (element.nodeType === 1) return tagOf(element as Element) === 'remove' ? null : `<${tagOf(element as Element)}> element`;
    if (element.nodeType === 8) return 'an HTML comment';
    return null;
  }
  return null;
}

/** Sanitizes a wireframe's HTML fragment and tells what was removed (empty when the markup was already inert). */
export function sanitizeHtml(input: string): HtmlSanitized {
  collector = { removed: [], explained: new WeakMap() };
  try {
    const html = purify.sanitize(input, { ...CONFIG, RETURN_TRUSTED_TYPE: false });
    for (const item of purify.removed) {
      const message = describeRemoval(item);
      if (message) note(message);
    }
    return { html, removed: collector.removed };
  } finally {
    collector = null;
  }
}

/** Sanitizes a wireframe's HTML and CSS together: the two lists of removals as one. */
export function sanitizeWireframe(input: { html: string; css: string | null | undefined }): { html: string; css: string | null; removed: string[] } {
  const html = sanitizeHtml(input.html);
  const css = input.css ? sanitizeCss(input.css) : { css: input.css ?? null, removed: [] };
  return { html: html.html, css: css.css, removed: [...html.removed, ...css.removed.map((item) => `${item} (in the CSS)`)] };
}
