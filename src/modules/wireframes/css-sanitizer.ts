import * as csstree from 'css-tree';
import { escapeForStyleElement } from '../../shared/wireframe-csp.js';

/**
 * Makes wireframe CSS inert: nothing in it can load a resource, run code or end the <style> element it is written
 * into. What is taken out is reported, so the author learns why their stylesheet changed. Used for css_content, for
 * <style> elements and for style attributes.
 *
 * Why css-tree and not regular expressions or PostCSS: regular expressions cannot follow CSS's comments, escapes and
 * error recovery (`</sty/**\/le>` and `/**\/@import` went through them). PostCSS keeps declaration values as raw
 * strings, so url() and escaped names would still have to be found by hand. css-tree tokenizes as CSS Syntax Level 3
 * says, as browsers do, and parses values down to url(), functions and strings, so the checks below look at the
 * tokens a browser will see.
 *
 * Two steps:
 * - `tokenProblem` reads a stylesheet token by token and names the first thing that could load, run or break out.
 *   CSS it finds nothing in is stored as written, with the author's formatting.
 * - Otherwise the stylesheet is parsed, the offending rules, declarations and values are dropped from the tree, and
 *   the CSS is generated again (compact), with every "<" written as the escape `\3c `. The generated CSS is read by
 *   `tokenProblem` once more; should it still find something, nothing of the stylesheet is kept.
 */

export type CssSanitized = { css: string; removed: string[] };

/** Data images are the only thing a wireframe may reference: they load nothing. */
export const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+[;,]/i;

/** Grouping and animation rules; everything else (@import, @font-face, @namespace, @charset…) is dropped. */
const ALLOWED_AT_RULES = new Set(['media', 'supports', 'container', 'layer', 'keyframes', '-webkit-keyframes']);

/** Functions that fetch what their argument names (image-set("x.png"), image(), src()) or run script (expression). */
const URL_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set']);
const SCRIPT_FUNCTIONS = new Set(['expression']);

/** Declarations that bind behaviour to elements (old IE and Firefox). */
const BINDING_PROPERTIES = new Set(['behavior', '-ms-behavior', '-moz-binding']);

/** One line of at most `max` characters, for a removal note. */
export function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A name as the browser reads it: escapes decoded (`\69mport` is `import`), lower case. */
function nameOf(raw: string): string {
  return csstree.ident.decode(raw).toLowerCase();
}

type Token = { type: number; text: string };

function tokensOf(css: string): Token[] {
  const tokens: Token[] = [];
  csstree.tokenize(css, (type, start, end) => tokens.push({ type, text: css.slice(start, end) }));
  return tokens;
}

/**
 * The first thing in `css` that could load, run or end a <style> element, as a removal note, or null when there is
 * none. At-rules and function names are compared decoded, and a function spelled `\75 rl(` counts as url(: the
 * browser reads that as a url token even though the characters "url(" are not there.
 */
export function tokenProblem(css: string): string | null {
  if (css.includes('<')) return `"<" in CSS (could close the <style> element): ${shorten(css.slice(css.indexOf('<')))}`;
  const { AtKeyword, Function: FunctionToken, Url, BadUrl, BadString, String: StringToken, WhiteSpace, Comment } = csstree.tokenTypes;
  const tokens = tokensOf(css);
  for (let i = 0; i < tokens.length; i++) {
    const { type, text } = tokens[i]!;
    if (type === AtKeyword && !ALLOWED_AT_RULES.has(nameOf(text.slice(1)))) return `@${nameOf(text.slice(1))}: ${shorten(text)}`;
    if (type === Url && !DATA_IMAGE.test(csstree.url.decode(text))) return `url(): ${shorten(csstree.url.decode(text))}`;
    if (type === BadUrl || type === BadString) return `malformed ${type === BadUrl ? 'url()' : 'string'}: ${shorten(text)}`;
    if (type !== FunctionToken) continue;
    const name = nameOf(text.slice(0, -1));
    if (SCRIPT_FUNCTIONS.has(name)) return `${name}(): ${shorten(text)}`;
    if (!URL_FUNCTIONS.has(name)) continue;
    // url("data:image/…") is the quoted form of an allowed url token; any other argument loads something.
    let next = i + 1;
    while (tokens[next]?.type === WhiteSpace || tokens[next]?.type === Comment) next++;
    const argument = tokens[next];
    if (name === 'url' && argument?.type === StringToken && DATA_IMAGE.test(csstree.string.decode(argument.text))) continue;
    return `${name}(): ${shorten(argument?.type === StringToken ? csstree.string.decode(argument.text) : tokens.slice(i, i + 40).map((t) => t.text).join(''))}`;
  }
  return null;
}

/** `a < b` written as `b > a`: the same media or container range without a "<". */
function flipRange(node: csstree.FeatureRange): void {
  const flip = (comparison: string) => comparison.replace('<', '>');
  if (node.right === null) {
    [node.left, node.middle] = [node.middle, node.left];
    node.leftComparison = flip(node.leftComparison);
  } else {
    [node.left, node.right] = [node.right, node.left];
    [node.leftComparison, node.rightComparison] = [flip(node.rightComparison ?? ''), flip(node.leftComparison)];
  }
}

/**
 * What goes when `node` must: its declaration; else the rule or at-rule whose selector or condition it is part of
 * (half a condition could match more than the author meant); else the node itself.
 */
function ownerOf(context: csstree.WalkContext, node: csstree.CssNode, inList: boolean): csstree.CssNode {
  if (context.declaration) return context.declaration;
  if (context.atrulePrelude && context.atrule) return context.atrule;
  if (inList) return node;
  return context.rule ?? context.atrule ?? node;
}

/** Drops what may not stay from the parsed stylesheet; returns what was dropped. */
function clean(ast: csstree.CssNode): string[] {
  const removed: string[] = [];
  const doomed = new Set<csstree.CssNode>();
  const none = (): csstree.Identifier => ({ type: 'Identifier', name: 'none' });

  // item and list are null for a node that is not in a list (a declaration's value, a rule's selector).
  csstree.walk(ast, function (node, item, list) {
    const inList = Boolean(list && item);
    switch (node.type) {
      case 'Atrule':
        if (ALLOWED_AT_RULES.has(nameOf(node.name))) return;
        removed.push(`@${nameOf(node.name)}: ${shorten(csstree.generate(node))}`);
        doomed.add(node);
        return this.skip;
      case 'Declaration':
        if (!BINDING_PROPERTIES.has(nameOf(node.property))) return;
        removed.push(`${nameOf(node.property)}: ${shorten(csstree.generate(node.value))}`);
        doomed.add(node);
        return this.skip;
      case 'Url':
        if (DATA_IMAGE.test(node.value)) return;
        removed.push(`url(): ${shorten(node.value)}`);
        // `background: url(x) no-repeat` becomes `background: none no-repeat`, as the author would write it.
        if (inList) list.replace(item, list.createItem(none()));
        else doomed.add(ownerOf(this, node, inList));
        return;
      case 'Function': {
        const name = nameOf(node.name);
        if (SCRIPT_FUNCTIONS.has(name)) {
          removed.push(`${name}(): ${shorten(csstree.generate(this.declaration ?? node))}`);
          doomed.add(ownerOf(this, node, false));
          return this.skip;
        }
        if (!URL_FUNCTIONS.has(name)) return;
        const argument = node.children.first;
        if (name === 'url' && argument?.type === 'String' && DATA_IMAGE.test(argument.value) && node.children.size === 1) return;
        removed.push(`${name}(): ${shorten(argument?.type === 'String' ? argument.value : csstree.generate(node))}`);
        if (inList) list.replace(item, list.createItem(none()));
        else doomed.add(ownerOf(this, node, inList));
        return this.skip;
      }
      case 'Raw': {
        // What css-tree could not parse is generated as written: it stays only when its tokens are harmless.
        const problem = tokenProblem(node.value);
        if (problem === null) return;
        removed.push(problem);
        doomed.add(ownerOf(this, node, inList));
        return;
      }
      case 'CDO':
      case 'CDC':
        // "<!--" and "-->" mean nothing in a stylesheet.
        doomed.add(node);
        return;
      case 'FeatureRange':
        if (node.leftComparison.includes('<') || node.rightComparison?.includes('<')) flipRange(node);
        return;
      default:
        return;
    }
  });

  csstree.walk(ast, function (node, item, list) {
    if (!doomed.has(node)) return;
    if (list && item) list.remove(item);
    return this.skip;
  });
  return removed;
}

/**
 * Sanitizes a stylesheet, or with `context: 'declarationList'` the value of a style attribute. The CSS comes back
 * unchanged when nothing in it needed removing.
 */
export function sanitizeCss(input: string, context: 'stylesheet' | 'declarationList' = 'stylesheet'): CssSanitized {
  // Control characters have no use in CSS; without them the text reads the same to css-tree and to every browser.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point of this pattern
  const text = input.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
  if (text === input && tokenProblem(text) === null) return { css: input, removed: [] };

  const ast = csstree.parse(text, { context, parseCustomProperty: true, onParseError: () => undefined });
  const removed = clean(ast);
  const css = escapeForStyleElement(csstree.generate(ast));
  const leftover = tokenProblem(css);
  if (leftover !== null) return { css: '', removed: [...removed, `the whole ${context === 'stylesheet' ? 'stylesheet' : 'style'}: it still contained ${leftover}`] };
  return { css, removed };
}
