import { afterAll, describe, expect, it } from 'vitest';
import { checkMermaidContent } from './mermaid-content-check.js';
import { closeMermaidValidator, validateMermaid } from './mermaid-validator.js';

/**
 * Diagram content that made Chromium request a foreign URL when the diagram was shown (every payload below did, in
 * the app's diagram page, before this check): refused with its line and column. Ordinary labels, links and colours pass.
 */

afterAll(async () => {
  await closeMermaidValidator();
});

const o = 'http://127.0.0.1:9';

const refused: Array<[string, string, number, number, RegExp]> = [
  ['an <img> in a flowchart label', `flowchart LR\n  A["<img src='${o}/a.png'>"] --> B`, 2, 6, /<img>/],
  ['<IMG> in capitals with a tab', `flowchart LR\n  A["<IMG\tSRC=${o}/a.png>"] --> B`, 2, 6, /<img>/],
  ['an <img> in a markdown label', `flowchart LR\n  A["\`<img src=${o}/a.png>\`"] --> B`, 2, 7, /<img>/],
  ['<svg><image> in a label', `flowchart LR\n  A["<svg><image href='${o}/a.png'/></svg>"] --> B`, 2, 6, /<svg>/],
  ['<video poster> in a label', `flowchart LR\n  A["<video poster='${o}/p.png'></video>"] --> B`, 2, 6, /<video>/],
  ['<input type=image> in a label', `flowchart LR\n  A["<input type='image' src='${o}/i.png'>"] --> B`, 2, 6, /<input>/],
  ['a style attribute spelling url() with an entity', `flowchart LR\n  A["<span style='background:&#117;rl(${o}/s.png)'>x</span>"] --> B`, 2, 6, /style=/],
  ['a background attribute', `flowchart LR\n  A["<table background='${o}/t.png'><tr><td>x</td></tr></table>"] --> B`, 2, 6, /background=/],
  ['an <img> in an ER relationship label', `erDiagram\n  A ||--o{ B : "<img src='${o}/er.png'>"`, 2, 17, /<img>/],
  ['an <img> in a class label', `classDiagram\n  class Shift["<img src='${o}/c.png'>"]`, 2, 16, /<img>/],
  ['an <img> in a state description', `stateDiagram-v2\n  A: <img src='${o}/s.png'>\n  A --> B`, 2, 6, /<img>/],
  ['url() in a class diagram style', `classDiagram\n  class Shift\n  style Shift fill:url(${o}/f.svg#g)`, 3, 20, /"url\("/],
  ['url() in a state diagram classDef', `stateDiagram-v2\n  A --> B\n  classDef evil background:url(${o}/b.png)\n  class A evil`, 3, 28, /"url\("/],
  ['a CSS escape spelling url() in a style', `classDiagram\n  class Shift\n  style Shift fill:\\75 rl(${o}/f.svg#g)`, 3, 20, /backslash/],
  ['image-set() in a classDef', `stateDiagram-v2\n  A --> B\n  classDef evil background-image:image-set("${o}/b.png" 1x)\n  class A evil`, 3, 34, /image-set/],
  ['an image shape', `flowchart LR\n  A@{ img: "${o}/shape.png", label: "x", pos: "t", w: 60, h: 60 }`, 2, 4, /image shape/],
  ['an image shape written over several lines', `flowchart LR\n  A@{\n    label: "x",\n    img: '${o}/shape.png'\n  }`, 2, 4, /image shape/],
];

describe('diagram content that loads files', () => {
  it.each(refused)('refuses %s, naming the line and column', async (_name, code, line, column, message) => {
    const refusal = checkMermaidContent(code);
    expect(refusal).toMatchObject({ ok: false, line, column });
    expect(refusal?.message).toMatch(message);
    // The same through the validator that the routes and the generation job use.
    expect(await validateMermaid(code)).toMatchObject({ ok: false, line, column });
  });

  const accepted: Array<[string, string]> = [
    ['labels with simple HTML and an address as text', 'flowchart LR\n  A["<b>Sign up</b><br>see https://example.com/help"] --> B["a < b, c > d"]'],
    ['a link in a label and a click link', 'flowchart LR\n  A["<a href=\'https://example.com\'>Docs</a>"] --> B\n  click B href "https://example.com" _blank'],
    ['colours in style, classDef and linkStyle', 'flowchart LR\n  A --> B\n  style A fill:#f9f,stroke:#333,stroke-width:2px\n  classDef done fill:#9f9\n  class B done\n  linkStyle 0 stroke:#f00'],
    ['a class diagram style', 'classDiagram\n  class Shift\n  style Shift fill:#ffd'],
    ['a data image shape', 'flowchart LR\n  A@{ img: "data:image/png;base64,iVBORw0KGgo=", label: "x", pos: "t", w: 60, h: 60 }'],
    ['an icon shape', 'flowchart LR\n  A@{ icon: "fa:user", label: "x" }'],
  ];
  it.each(accepted)('accepts %s', async (_name, code) => {
    expect(checkMermaidContent(code)).toBeNull();
    expect(await validateMermaid(code)).toMatchObject({ ok: true });
  });
});
