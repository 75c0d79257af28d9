import { JSDOM } from 'jsdom';

/**
 * Hostile wireframe content: CSS and HTML that tried, or could try, to load something, run script, navigate or
 * submit a form once saved, downloaded and opened. Every URL points at `origin`, so a browser test can listen there
 * and require that nothing arrives. Used by the sanitizer's unit tests, the API tests and the browser test.
 */

export type HostileCss = { name: string; css: string };
export type HostileHtml = { name: string; html: string };

export function hostileCss(origin: string): HostileCss[] {
  const o = origin;
  return [
    // The reported break-out: a comment splits "</style", and the rest would have been read as markup.
    { name: 'split </style with a comment', css: 'p{color:red}</sty/**/le><img src=x onerror=alert(1)>' },
    {
      name: 'split </style then meta refresh and a form',
      css: `p{color:red}</sty/**/le><meta http-equiv=refresh content="0;url=${o}/refresh"><form action="${o}/form" method="get"><input name="q" value="1"><button autofocus>Go</button></form>`,
    },
    // Split twice: one pass of removing "</style" (on save, then on download) rebuilds the other.
    {
      name: '</style split twice',
      css: `p{color:red}</</sty/**/lestyle><meta http-equiv="refresh" content="0;url=${o}/refresh-twice"><img src="${o}/split-twice.png">`,
    },
    { name: '</STYLE> in capitals', css: `p{color:red}</STYLE><img src="${o}/caps.png">` },
    { name: '</style > with a space', css: `p{color:red}</style ><img src="${o}/space.png">` },
    { name: '</style with a tab and a slash', css: `p{color:red}</style\t/><img src="${o}/tab.png">` },
    { name: '</style> inside a string', css: `p::after{content:"</style><img src='${o}/string.png'>"}` },
    { name: '</style> inside a comment', css: `/* </style><img src="${o}/comment.png"> */ p{color:red}` },
    { name: '<!-- and --> around rules', css: `<!-- p{color:red} --> <img src="${o}/cdo.png">` },
    { name: '@import split by comments', css: `/**/@import/**/url(${o}/import-comment.css);p{color:red}` },
    { name: '@import with an escape', css: `@\\69mport url(${o}/import-escape.css);p{color:red}` },
    { name: '@IMPORT with a bare string', css: `@IMPORT "${o}/import-string.css";p{color:red}` },
    { name: '@import inside @media', css: `@media screen{@import "${o}/import-media.css";p{color:red}}` },
    { name: 'url() with a hex escape', css: `p{background:\\75 rl(${o}/escape-hex.png)}` },
    { name: 'url() with an escaped letter', css: `p{background:u\\72l("${o}/escape-letter.png")}` },
    { name: 'url() with six-digit escape', css: `p{background:\\000075rl(${o}/escape-six.png)}` },
    { name: 'url() in capitals', css: `p{background:URL(${o}/caps-url.png)}` },
    { name: 'url() with single quotes and spaces', css: `p{background:url( '${o}/single.png' )}` },
    { name: 'url() across lines', css: `p{background:url(\n  "${o}/newline.png"\n)}` },
    { name: 'url() with an escaped newline in its string', css: `p{background:url("${o}/esc\\\naped-newline.png")}` },
    { name: 'url() with javascript:', css: 'p{background:url("javascript:alert(1)")}' },
    { name: 'cursor url()', css: `p{cursor:url(${o}/cursor.cur),auto}` },
    { name: 'list-style url()', css: `li{list-style:url(${o}/list.png)}` },
    { name: 'border-image url()', css: `p{border:4px solid;border-image:url(${o}/border.png) 30 round}` },
    { name: 'content url()', css: `p::before{content:url(${o}/content.png)}` },
    { name: 'mask-image url()', css: `p{-webkit-mask-image:url(${o}/mask.svg);mask-image:url(${o}/mask.svg)}` },
    { name: 'image-set() with strings', css: `p{background-image:image-set("${o}/set.png" 1x)}` },
    { name: '-webkit-image-set()', css: `p{background-image:-webkit-image-set(url(${o}/webkit-set.png) 1x)}` },
    { name: '@font-face', css: `@font-face{font-family:Evil;src:url(${o}/font.woff2)} p{font-family:Evil}` },
    { name: 'custom property holding a url()', css: `:root{--bg:url(${o}/var.png)} p{background:var(--bg)}` },
    { name: 'url() inside nested rules', css: `p{color:red;&:hover{background:url(${o}/nested.png)}} p:hover{}` },
    { name: 'expression()', css: 'p{width:expression(alert(1));height:2px}' },
    { name: '-moz-binding', css: `p{-moz-binding:url(${o}/binding.xml#x)}` },
    { name: 'behavior', css: `p{behavior:url(${o}/behavior.htc)}` },
    { name: '@namespace', css: `@namespace url(${o}/ns);p{color:red}` },
  ];
}

export function hostileHtml(origin: string): HostileHtml[] {
  const o = origin;
  return [
    { name: 'style element split with a comment', html: `<style>p{color:red}</sty/**/le><img src="${o}/style-split.png"></style><p>x</p>` },
    { name: 'style element closed with a space', html: `<style>p{color:red}</style ><img src="${o}/style-space.png" onerror="alert(1)"><p>x</p>` },
    { name: 'style element with @import', html: `<style>@import url(${o}/style-import.css); p{color:red}</style><p>x</p>` },
    { name: 'svg style with @import and url()', html: `<svg width="20" height="20"><style>@import url(${o}/svg-import.css); rect{fill:url(${o}/svg-fill.svg#g)}</style><rect width="10" height="10"></rect></svg>` },
    { name: 'svg style that closes itself', html: `<svg><style><img src="${o}/svg-style-break.png" onerror="alert(1)"></style></svg>` },
    { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=${o}/meta-refresh"><p>x</p>` },
    { name: 'meta refresh inside svg', html: `<svg><meta http-equiv="refresh" content="0;url=${o}/svg-meta"></meta></svg><p>x</p>` },
    { name: 'form posting elsewhere', html: `<form action="${o}/form-action" method="post"><input name="q" value="1"><button autofocus>Go</button></form>` },
    { name: 'form without action and a button formaction', html: `<form><button formaction="${o}/formaction">Go</button></form>` },
    { name: 'base href', html: `<base href="${o}/"><a href="relative">x</a><img src="relative.png">` },
    { name: 'link stylesheet', html: `<link rel="stylesheet" href="${o}/link.css"><p>x</p>` },
    { name: 'link prefetch', html: `<link rel="prefetch" href="${o}/prefetch"><p>x</p>` },
    { name: 'iframe', html: `<iframe src="${o}/iframe"></iframe><p>x</p>` },
    { name: 'img srcset', html: `<img srcset="${o}/srcset-1.png 1x, ${o}/srcset-2.png 2x" alt="a">` },
    { name: 'picture source srcset', html: `<picture><source srcset="${o}/source.png"><img alt="a"></picture>` },
    { name: 'external img with onerror', html: `<img src="${o}/img.png" onerror="alert(1)">` },
    { name: 'style attribute with url()', html: `<div style="background:url(${o}/attr.png)">x</div>` },
    { name: 'style attribute with an escaped url()', html: `<div style="background:\\75 rl(${o}/attr-escape.png)">x</div>` },
    { name: 'style attribute with image-set()', html: `<div style="background-image:image-set('${o}/attr-set.png' 1x)">x</div>` },
    { name: 'video poster and source', html: `<video poster="${o}/poster.png"><source src="${o}/video.mp4"></video>` },
    { name: 'audio', html: `<audio src="${o}/audio.mp3" autoplay></audio>` },
    { name: 'input image', html: `<input type="image" src="${o}/input.png">` },
    { name: 'object and embed', html: `<object data="${o}/object"></object><embed src="${o}/embed">` },
    { name: 'svg image and use', html: `<svg><image href="${o}/svg-image.png" width="4" height="4"></image><use href="${o}/sprite.svg#i"></use></svg>` },
    { name: 'svg filter pointing elsewhere', html: `<svg><rect width="4" height="4" filter="url(${o}/filter.svg#f)"></rect></svg>` },
    { name: 'table background', html: `<table background="${o}/table.png"><tbody><tr><td>x</td></tr></tbody></table>` },
    { name: 'script', html: `<script src="${o}/script.js"></script><script>alert(1)</script><p>x</p>` },
    { name: 'svg onload', html: '<svg onload="alert(1)"><rect width="1" height="1"></rect></svg>' },
    { name: 'javascript: link', html: '<a href="javascript:alert(1)" id="js">x</a>' },
    { name: 'noscript mutation', html: `<noscript><p title="</noscript><img src='${o}/noscript.png' onerror=alert(1)>">` },
  ];
}

/**
 * What a wireframe's stored CSS may contain, read as text: no "<" at all (so no "</style"), no @import, no url() but
 * data images, no escape but the `\3c ` that stands for "<". A list of problems, empty when the CSS is inert. (A
 * string such as `content: "…http://…"` may keep its text: it is shown, never loaded.)
 */
export function cssProblems(css: string): string[] {
  const problems: string[] = [];
  if (css.includes('<')) problems.push('"<"');
  if (/@import/i.test(css)) problems.push('@import');
  if (/\\/.test(css.replace(/\\3c /g, ''))) problems.push('an escape other than \\3c');
  for (const match of css.matchAll(/url\(\s*['"]?([^'")\s]*)/gi)) if (!/^data:image\//i.test(match[1] ?? '')) problems.push(`url(${match[1]})`);
  if (/image-set|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) problems.push('image-set, expression, -moz-binding or behavior');
  return problems;
}

/**
 * What may not be in a wireframe's markup once it is parsed as a browser would: elements that load, embed, navigate
 * or change where URLs point; event handlers; URL attributes other than fragments and data images; a form that
 * submits anywhere; styles, in attributes or <style> elements, that `cssProblems` objects to. `html` is a fragment,
 * or with `document: true` a whole file such as the download.
 */
export function markupProblems(html: string, options: { document?: boolean } = {}): string[] {
  const { document } = new JSDOM(options.document ? html : `<!doctype html><body>${html}</body>`).window;
  const problems: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'link', 'portal', 'foreignobject', 'noscript'].includes(tag)) problems.push(`<${tag}>`);
    if (tag === 'meta' && element.hasAttribute('http-equiv') && element.getAttribute('http-equiv')?.toLowerCase() !== 'content-security-policy') problems.push('<meta http-equiv>');
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim();
      if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
      if (['href', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'cite', 'longdesc'].includes(name) && !value.startsWith('#')) problems.push(`${name}="${value}" on <${tag}>`);
      if (['srcset', 'imagesrcset'].includes(name)) problems.push(`${name} on <${tag}>`);
      if (name === 'src' && !/^data:image\//i.test(value)) problems.push(`src="${value}" on <${tag}>`);
      if (name === 'style') problems.push(...cssProblems(value).map((problem) => `style attribute on <${tag}>: ${problem}`));
      if (name !== 'style' && /url\s*\(\s*['"]?(?!#)/i.test(value)) problems.push(`${name}="${value}" on <${tag}>`);
    }
    if (tag === 'style') problems.push(...cssProblems(element.textContent ?? '').map((problem) => `<style>: ${problem}`));
  }
  return problems;
}
