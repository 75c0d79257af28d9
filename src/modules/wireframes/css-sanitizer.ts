/**
 * Makes wireframe CSS inert: nothing in it can load a resource or run code. What is taken out is reported, so the
 * author learns why their stylesheet changed. Used for css_content, for <style> elements and for style attributes.
 */

export type CssSanitized = { css: string; removed: string[] };

/** Data images are the only thing a wireframe may reference: they load nothing. */
export const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+[;,]/i;

/**
 * CSS escapes of letters, digits and the few punctuation marks that build a dangerous token (`\75 rl(`, `\@import`):
 * decoded before anything is checked, so an escaped keyword is seen as the keyword. Escapes of other characters
 * (quotes inside strings, typographic characters in `content`) are left as written.
 */
function decodeRiskyEscapes(css: string): string {
  return css.replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([a-z(:@-])/gi, (match, hex: string | undefined, plain: string | undefined) => {
    if (plain !== undefined) return plain;
    const code = Number.parseInt(hex ?? '', 16);
    const char = Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return /^[a-z0-9(:@-]$/i.test(char) ? char : match;
  });
}

/** One line of at most `max` characters, for a removal note. */
export function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The argument of url(…) without its quotes. */
function urlArgument(raw: string): string {
  return raw.trim().replace(/^(['"])([\s\S]*)\1$/, '$2').trim();
}

export function sanitizeCss(input: string): CssSanitized {
  const removed: string[] = [];
  let css = input;

  // A stylesheet that closes its <style> element would let the rest be read as HTML.
  if (/<\/style/i.test(css)) {
    css = css.replace(/<\/style/gi, '');
    removed.push('"</style" sequence in CSS');
  }
  // Comments can split a keyword in two for older parsers ("ex/**/pression"); they carry nothing a wireframe needs.
  if (/\/\*/.test(css)) css = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
  css = decodeRiskyEscapes(css);

  css = css.replace(/@import\b[^;{}]*(?:;|$)/gi, (match) => {
    removed.push(`@import: ${shorten(match)}`);
    return '';
  });
  css = css.replace(/\burl\(\s*((?:"[^"]*"|'[^']*'|[^)]*?))\s*\)/gi, (match, raw: string) => {
    if (DATA_IMAGE.test(urlArgument(raw))) return match;
    removed.push(`url(): ${shorten(urlArgument(raw) || match)}`);
    return 'none';
  });
  // image-set() loads plain strings as URLs, with no url() around them.
  css = css.replace(/(?:-webkit-)?image-set\s*\([^;{}]*\)/gi, (match) => {
    removed.push(`image-set(): ${shorten(match)}`);
    return 'none';
  });
  css = css.replace(/([\w-]+\s*:)?[^;{}]*\bexpression\s*\([^;{}]*;?/gi, (match) => {
    removed.push(`expression(): ${shorten(match)}`);
    return '';
  });
  css = css.replace(/(?:\bbehavior|-moz-binding)\s*:[^;{}]*;?/gi, (match) => {
    removed.push(`${/moz-binding/i.test(match) ? '-moz-binding' : 'behavior'}: ${shorten(match)}`);
    return '';
  });
  // What the steps above cannot have left behind; repeated in case a removal joined two halves of a keyword.
  if (/\burl\s*\(|@import|expression\s*\(|-moz-binding|\bbehavior\s*:/i.test(css) && css !== input) {
    return { css: sanitizeCss(css).css, removed };
  }
  return { css, removed };
}
