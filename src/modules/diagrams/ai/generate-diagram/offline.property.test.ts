import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { projectModelSchema, type AttributeType, type Cardinality, type ProjectModel } from '../../../project-model/index.js';
import { checkDiagramKind } from '../../diagram-kind-check.js';
import { closeMermaidValidator, validateMermaid } from '../../mermaid-validator.js';
import { diagramKinds } from './kinds.js';
import { safeLabel } from './labels.js';
import { writeDiagram } from './offline.js';

/** Whatever a project model holds (a person may type anything in the Model tab), the offline diagrams parse. */

afterAll(async () => {
  await closeMermaidValidator();
});

const hostile = [
  '"', "'", '`', ';', ':', '#', '%%', '{', '}', '[', ']', '(', ')', '<', '>', '|', '&', '\\', '-->', '---', '==>', 'end', 'graph',
  'subgraph', '%%{init: {}}%%', '<script>alert(1)</script>', '\n', '\t', '\u200b', 'é', '漢字', '👤', 'FR-1', '## ', '| a | b |', '1. ', 'note', 'state', '[*]',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 12 }), fc.constantFrom('Loan', 'approves the loan', 'returned', 'Member')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' ').trim().slice(0, 110) || 'x');
const attributeTypes: AttributeType[] = ['text', 'long_text', 'number', 'money', 'boolean', 'date', 'datetime', 'duration', 'email', 'phone', 'url', 'location', 'file', 'enum', 'reference'];
const cardinalities: Cardinality[] = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'];
const ids = ['a', 'b', 'c', 'd', 'system-1', '9x'];
const id = fc.constantFrom(...ids);

const modelArbitrary: fc.Arbitrary<ProjectModel> = fc
  .record({
    actors: fc.array(fc.record({ id, name: hostileText, kind: fc.constantFrom('person', 'system') }), { maxLength: 4 }),
    entities: fc.array(
      fc.record({
        id,
        name: hostileText,
        attributes: fc.array(fc.record({ name: hostileText, type: fc.constantFrom(...attributeTypes), values: fc.array(hostileText, { maxLength: 3 }), references: id }), { maxLength: 5 }),
        states: fc.array(hostileText, { maxLength: 5 }),
      }),
      { maxLength: 4 },
    ),
    relationships: fc.array(fc.record({ from: id, to: id, cardinality: fc.constantFrom(...cardinalities), label: hostileText }), { maxLength: 5 }),
    useCases: fc.array(
      fc.record({
        id,
        name: hostileText,
        actor: id,
        action: hostileText,
        entity: id,
        outcome: hostileText,
        steps: fc.array(fc.record({ actor: fc.constantFrom(...ids, 'system'), action: hostileText, entity: id }), { maxLength: 5 }),
        priority: fc.constantFrom('must', 'should', 'could'),
      }),
      { maxLength: 4 },
    ),
    rules: fc.array(fc.record({ id, text: hostileText, entity: id, quantity: fc.constant({ value: 2, unit: 'week' }) }), { maxLength: 3 }),
    constraints: fc.array(fc.record({ id, category: fc.constantFrom('platform', 'privacy'), text: hostileText }), { maxLength: 2 }),
  })
  .map((raw) => projectModelSchema.parse(raw));

describe('offline diagram writer', () => {
  it('every kind parses as its kind for arbitrary and hostile models, focuses and project names', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary, fc.string({ maxLength: 40 }), fc.option(fc.oneof(id, hostileText), { nil: undefined }), fc.constantFrom(...diagramKinds), async (model, name, focus, kind) => {
        const diagram = writeDiagram(kind, { projectName: name, model, focus });
        const result = checkDiagramKind(kind, await validateMermaid(diagram.mermaid));
        expect(result, `${kind}\n${diagram.mermaid}`).toMatchObject({ ok: true });
        expect(diagram.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('labels keep letters of any script and drop syntax', () => {
    expect(safeLabel('Café "Ünïcode" [漢字]; #1 %%')).toBe('Café Ünïcode 漢字 1');
    expect(safeLabel('"";[]')).toBe('Unnamed');
  });
});
