import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeMermaidValidator, validateMermaid } from '../../mermaid-validator.js';
import { diagramFacts } from './facts.js';
import { diagramKinds } from './kinds.js';
import { safeLabel } from './labels.js';
import { writeDiagram } from './offline.js';

/** Whatever a project's text says, the offline engine's diagrams parse with Mermaid's own parser. */

afterAll(async () => {
  await closeMermaidValidator();
});

const hostile = [
  '"', "'", '`', ';', ':', '#', '%%', '{', '}', '[', ']', '(', ')', '<', '>', '|', '&', '\\', '-->', '---', '==>', 'end', 'graph',
  'subgraph', '%%{init: {}}%%', '<script>alert(1)</script>', '\n', '\r\n', '\t', '\u0000', '\u200b', 'é', '漢字', '👤', 'FR-1', '## ', '| a | b |', '1. ',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 12 }), fc.constantFrom('Volunteers must approve each shift.', 'Each shift has a date and a location.', 'Coordinators should review swaps.')), { maxLength: 40 })
  .map((parts) => parts.join(' '));

describe('offline diagram writer', () => {
  it('every kind parses for arbitrary and hostile text and project names', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.string({ maxLength: 40 }), fc.constantFrom(...diagramKinds), async (text, name, kind) => {
        const diagram = writeDiagram(kind, { projectName: name, text, description: text.slice(0, 80) });
        const result = await validateMermaid(diagram.mermaid);
        expect(result, `${kind}\n${diagram.mermaid}`).toMatchObject({ ok: true });
        expect(diagram.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it('every kind parses for a specification whose headings and tables carry syntax characters', async () => {
    const spec = [
      '# "Quoted"; product {x}',
      '## 2.3 User classes and characteristics',
      '#### Admins [root] | ops',
      '#### Guests; "anonymous"',
      '## 3.2 Functional requirements',
      '#### FR-1 Approve {swap} --> "now"; %% comment',
      'The system shall allow Admins [root] | ops to approve.',
      '#### FR-2 Book a <slot> & pay #1',
      '### 3.4 Data requirements',
      '| Entity | Description | Attributes |',
      '| --- | --- | --- |',
      '| Slot {x} | a | start: time, price (EUR); end |',
      '| "User" | b | email address, role |',
    ].join('\n');
    for (const kind of diagramKinds) {
      const diagram = writeDiagram(kind, { projectName: 'X "y"; {z}', text: spec });
      const result = await validateMermaid(diagram.mermaid);
      expect(result, `${kind}\n${diagram.mermaid}`).toMatchObject({ ok: true });
    }
    const facts = diagramFacts({ projectName: 'X', text: spec });
    expect(facts.actors).toEqual(['Admins root ops', 'Guests anonymous']);
    expect(facts.useCases.map((uc) => uc.title)).toEqual(['Approve swap - now comment', 'Book a slot pay 1']);
    expect(facts.entities.map((e) => e.name)).toEqual(['Slot x', 'User']);
  });

  it('labels keep letters of any script and drop syntax', () => {
    expect(safeLabel('Café "Ünïcode" [漢字]; #1 %%')).toBe('Café Ünïcode 漢字 1');
    expect(safeLabel('"";[]')).toBe('Unnamed');
  });

  it('is deterministic', () => {
    const source = { projectName: 'ShiftShare', text: 'Volunteers sign up for shifts. Coordinators must approve each swap.' };
    for (const kind of diagramKinds) expect(writeDiagram(kind, source)).toEqual(writeDiagram(kind, source));
  });
});
