import { afterAll, describe, expect, it } from 'vitest';
import { checkMermaidConfig } from './mermaid-config-check.js';
import { closeMermaidValidator, validateMermaid } from './mermaid-validator.js';

/**
 * Mermaid configuration written inside a diagram, through Mermaid's own parser in its worker: what could load a file
 * from elsewhere or change how Mermaid guards the page is refused with its line; plain settings pass.
 */

afterAll(async () => {
  await closeMermaidValidator();
});

const flowchart = 'flowchart LR\n  A[Request swap] --> B{Approved?}';

const refused: Array<[string, string, number, RegExp]> = [
  [
    'the reported themeCSS and fontFamily url() directive',
    `%%{init: {"themeCSS": ".node rect { fill: url(http://127.0.0.1:9/theme.svg#g) }", "fontFamily": "x; background: url(http://127.0.0.1:9/font)"}}%%\n${flowchart}`,
    1,
    /sets "themeCSS"/,
  ],
  ['fontFamily with url()', `%%{init: {"fontFamily": "Arial; src: url(http://127.0.0.1:9/f.woff)"}}%%\n${flowchart}`, 1, /sets "fontFamily".*font family/],
  ['a font family of one diagram kind', `%%{init: {"sequence": {"messageFontFamily": "a}*{background:url(//evil.example/x)"}}}%%\nsequenceDiagram\n  A->>B: hi`, 1, /sets "sequence\.messageFontFamily"/],
  ['a directive on a later line', `${flowchart}\n  %%{init: {"themeCSS": "p { color: red }"}}%%\n  B --> C`, 3, /sets "themeCSS"/],
  ['single quotes, as Mermaid allows', `%%{init: {'themeCSS': '.a{background:url(http://evil.example/a.png)}'}}%%\n${flowchart}`, 1, /themeCSS/],
  ['an escaped key', `%%{init: {"\\u0074hemeCSS": "p{}"}}%%\n${flowchart}`, 1, /sets "themeCSS"/],
  ['@import in a value', `%%{init: {"theme": "base", "themeVariables": {"primaryColor": "@import 'http://evil.example/a.css'"}}}%%\n${flowchart}`, 1, /@import/],
  ['an address in a theme variable', `%%{init: {"themeVariables": {"background": "url(http://evil.example/bg.png)"}}}%%\n${flowchart}`, 1, /url\(/],
  ['securityLevel', `%%{init: {"securityLevel": "loose"}}%%\n${flowchart}`, 1, /sets "securityLevel".*security level/],
  ['htmlLabels with javascript:', `%%{init: {"flowchart": {"htmlLabels": "javascript:alert(1)"}}}%%\n${flowchart}`, 1, /flowchart\.htmlLabels/],
  ['initialize, the long name of init', `%%{initialize: {"themeCSS": "x"}}%%\n${flowchart}`, 1, /themeCSS/],
  ['front matter config with themeCSS', `---\ntitle: Swaps\nconfig:\n  theme: dark\n  themeCSS: ".a { background: url(http://evil.example/a.png) }"\n---\n${flowchart}`, 5, /sets "themeCSS"/],
  ['front matter config with securityLevel', `---\nconfig:\n  securityLevel: loose\n---\n${flowchart}`, 3, /securityLevel/],
  ['front matter font family with url()', `---\nconfig:\n  fontFamily: "x; background: url(http://evil.example/f)"\n---\n${flowchart}`, 3, /fontFamily/],
];

describe('Mermaid configuration inside a diagram', () => {
  it.each(refused)('refuses %s, naming the line', async (_name, code, line, message) => {
    const result = await validateMermaid(code);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, line });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  const accepted: Array<[string, string]> = [
    ['a theme', `%%{init: {"theme": "dark"}}%%\n${flowchart}`],
    ['theme colours and a plain font list', `%%{init: {"theme": "base", "themeVariables": {"primaryColor": "#ffcc00", "fontFamily": "\\"Trebuchet MS\\", Arial, sans-serif"}}}%%\n${flowchart}`],
    ['diagram settings', `%%{init: {"flowchart": {"curve": "linear", "htmlLabels": false}, "sequence": {"mirrorActors": false}}}%%\n${flowchart}`],
    ['front matter with a title holding an address and a theme', `---\ntitle: Swaps, see https://example.com/swaps\nconfig:\n  theme: forest\n---\n${flowchart}`],
    ['a wrap directive', '%%{wrap}%%\nsequenceDiagram\n  A->>B: a long message'],
    ['a link in a label', 'flowchart LR\n  A["Docs: https://example.com"] --> B'],
  ];
  it.each(accepted)('accepts %s', async (_name, code) => {
    expect(await validateMermaid(code)).toMatchObject({ ok: true });
  });

  it('names the first configuration line when the setting cannot be found in the text', () => {
    expect(checkMermaidConfig({ themeCSS: 'x' }, `%%{init: {"\\u0074hemeCSS": "x"}}%%\n${flowchart}`)).toMatchObject({ ok: false, line: 1 });
    expect(checkMermaidConfig({ theme: 'dark' }, flowchart)).toBeNull();
    expect(checkMermaidConfig({}, flowchart)).toBeNull();
  });
});
