import { afterAll, describe, expect, it } from 'vitest';
import { closeMermaidValidator, locate, validateMermaid } from './mermaid-validator.js';

/** Mermaid's own parser, in its worker: a corpus of valid and broken diagrams of every kind the product draws. */

afterAll(async () => {
  await closeMermaidValidator();
});

const valid: Record<string, string> = {
  sequence: 'sequenceDiagram\n  actor V as Volunteer\n  participant App\n  V->>App: Sign up for a shift\n  alt full\n    App-->>V: Waiting list\n  else free\n    App-->>V: Confirmed\n  end',
  architecture:
    'architecture-beta\n  group api(cloud)[API]\n  service db(database)[Database] in api\n  service server(server)[Server] in api\n  service disk1(disk)[Storage] in api\n  db:L -- R:server\n  disk1:T -- B:server',
  usecase: 'flowchart LR\n  A0["Volunteer"]\n  subgraph System["ShiftShare"]\n    U0(["Sign up for a shift"])\n  end\n  A0 --- U0',
  flowchart: 'flowchart TD\n  Start([Start]) --> S1[Request swap]\n  S1 --> D1{"Approved?"}\n  D1 -- Yes --> Done([Done])\n  D1 -- No --> S1',
  class: 'classDiagram\n  class Shift {\n    +date date\n    +string location\n    +approve()\n  }\n  class Volunteer\n  Volunteer "1" --> "*" Shift : books',
  activity: 'flowchart TD\n  Start((" ")) --> A("Fill in the form")\n  A --> D{"Complete?"}\n  D -- No --> A\n  D -- Yes --> Stop(((" ")))',
  er: 'erDiagram\n  VOLUNTEER ||--o{ SHIFT : books\n  SHIFT {\n    uuid id PK\n    date day\n    string location\n  }',
  state: 'stateDiagram-v2\n  [*] --> Draft\n  Draft --> Submitted : submit\n  Submitted --> Approved : approve\n  Approved --> [*]',
  gantt: 'gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section Build\n  Sign up :a1, 2025-01-06, 5d\n  Swaps :a2, after a1, 3d',
};

/** Broken diagrams with the line the parser must report. */
const broken: Record<string, { code: string; line: number }> = {
  sequence: { code: 'sequenceDiagram\n  Alice->>Bob: Hi\n  Bob->>Alice', line: 3 },
  architecture: { code: 'architecture-beta\n  group api(cloud)[API]\n  service db(database)[Database] on api', line: 3 },
  usecase: { code: 'flowchart LR\n  A0["Volunteer"]\n  subgraph System["ShiftShare"]\n    U0(["Sign up"\n  end', line: 5 },
  flowchart: { code: 'flowchart TD\n  A --> B\n  B -->> C[', line: 3 },
  class: { code: 'classDiagram\n  class Shift\n  class {', line: 3 },
  activity: { code: 'flowchart TD\n  Start((" ")) --> A("Fill in\n  A --> D{"Complete?"', line: 3 },
  er: { code: 'erDiagram\n  VOLUNTEER ||--o{ SHIFT : books\n  SHIFT ||--o{ : has', line: 3 },
  state: { code: 'stateDiagram-v2\n  [*] --> Draft\n  Draft --> : submit', line: 3 },
  gantt: { code: 'gantt\n  dateFormat YYYY-MM-DD\n  section Build\n  Sign up :a1, 2025-01-06, 5d\n  : after a1', line: 5 },
};

describe('validateMermaid', () => {
  it.each(Object.entries(valid))('accepts a valid %s diagram', async (_kind, code) => {
    const result = await validateMermaid(code);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, diagramType: expect.any(String) });
  });

  it.each(Object.entries(broken))('rejects a broken %s diagram with its line and the parser message', async (_kind, { code, line }) => {
    const result = await validateMermaid(code);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line, result.message).toBe(line);
    expect(result.message.length).toBeGreaterThan(10);
  });

  it('reports the column of langium grammars and the kind for text that is no diagram', async () => {
    const architecture = await validateMermaid(broken.architecture!.code);
    expect(architecture).toMatchObject({ ok: false, line: 3, column: 34 });
    const nonsense = await validateMermaid('this is prose, not a diagram');
    expect(nonsense).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/No diagram type detected/) });
    expect(await validateMermaid('  \n')).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/empty/) });
  });

  it('keeps no jsdom window on the main thread, and survives being closed', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    await closeMermaidValidator();
    expect(await validateMermaid(valid.class!)).toMatchObject({ ok: true, diagramType: 'classDiagram' });
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('answers concurrent requests each with its own result', async () => {
    const results = await Promise.all([valid.er!, broken.er!.code, valid.gantt!, broken.state!.code].map((code) => validateMermaid(code)));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
  });

  it('reads line and column from messages that carry them', () => {
    expect(locate('Parse error on line 2, column 13: Expecting', null, null)).toEqual({ line: 2, column: 13 });
    expect(locate('Parse error on line 4:\n...', 4, 7)).toEqual({ line: 4, column: 7 });
  });
});
