import { afterAll, describe, expect, it } from 'vitest';
import { lendingLibraryModel } from '../../../../../test/support/lending-library-model.js';
import { emptyProjectModel } from '../../../project-model/index.js';
import { validateDiagram } from '../../diagram-kind-check.js';
import { closeMermaidValidator } from '../../mermaid-validator.js';
import { diagramKinds, type DiagramKind } from './kinds.js';
import { writeDiagram } from './offline.js';

/** The offline diagrams of a lending library's model: what a reader of each diagram sees. */

afterAll(async () => {
  await closeMermaidValidator();
});

const model = lendingLibraryModel();
const draw = (kind: DiagramKind, extra: { focus?: string; instructions?: string } = {}) => writeDiagram(kind, { projectName: 'Tool Library', model, ...extra });

describe('diagrams drawn from the project model', () => {
  it('every kind validates as its kind, for the full model and for an empty one', async () => {
    for (const kind of diagramKinds) {
      for (const source of [model, emptyProjectModel()]) {
        const diagram = writeDiagram(kind, { projectName: 'Tool Library', model: source });
        expect(await validateDiagram(kind, diagram.mermaid), `${kind}\n${diagram.mermaid}`).toMatchObject({ ok: true });
      }
    }
  });

  it('ER: every entity with typed keys, foreign keys for references, and crow’s feet with the relationship labels', () => {
    const { mermaid, description } = draw('er');
    for (const name of ['Member', 'Tool', 'Loan']) expect(mermaid).toContain(`["${name}"]`);
    expect(mermaid).toMatch(/E_loan\["Loan"\] \{\n\s+uuid id PK\n\s+uuid tool_id FK "Tool"\n\s+uuid borrower_id FK "Member"/);
    expect(mermaid).toContain('date due_on');
    expect(mermaid).toContain('enum status "requested, active or returned"');
    expect(mermaid).toContain('enum category "Garden, Woodwork or Kitchen"');
    expect(mermaid).toContain('E_member ||--o{ E_loan : "borrows"');
    expect(mermaid).toContain('E_loan }o--|| E_tool : "is for"');
    expect(description).toBe('The records Tool Library keeps: Member, Tool and Loan, with their keys and how they relate.');
  });

  it('ER focused on an entity shows it and its neighbours only', () => {
    const model2 = lendingLibraryModel();
    model2.entities.push({ id: 'shed', name: 'Shed', description: '', attributes: [], states: [], sources: [] });
    const { mermaid, title } = writeDiagram('er', { projectName: 'Tool Library', model: model2, instructions: 'Focus on the tools' });
    expect(title).toBe('Tool — Entity relationship diagram');
    expect(mermaid).toContain('["Tool"]');
    expect(mermaid).not.toContain('Shed');
    expect(mermaid).not.toContain('"borrows"');
  });

  it('class: attributes, operations from the use cases acting on each class, associations with multiplicity', () => {
    const { mermaid } = draw('class');
    expect(mermaid).toMatch(/class C_loan\["Loan"\] \{[^}]*\+borrow\(\)[^}]*\+approve\(\)[^}]*\+return\(\)/);
    expect(mermaid).toContain('C_member "1" --> "*" C_loan : borrows');
    expect(mermaid).toContain('C_loan "*" --> "1" C_tool : is for');
  });

  it('use case: the people, the outside system and every use case linked to who takes part', () => {
    const { mermaid } = draw('usecase');
    expect(mermaid).toContain('A_member["Member"]');
    expect(mermaid).toContain('A_email_service[["Email service"]]');
    expect(mermaid).toContain('U_approve_loan(["Approve a loan"])');
    expect(mermaid).toContain('A_coordinator --- U_approve_loan');
    expect(mermaid).toContain('U_approve_loan --- A_email_service');
  });

  it('sequence: a use case’s real steps between the actor, the product and the systems involved', () => {
    const { mermaid, title } = draw('sequence', { focus: 'approve-loan' });
    expect(title).toBe('Approve a loan — Sequence diagram');
    expect(mermaid).toContain('P_coordinator->>Sys: Approves the loan');
    expect(mermaid).toContain('Sys->>Sys: Sets the due date one week ahead');
    expect(mermaid).toContain('Note over Sys: A loan lasts one week.');
    expect(mermaid).toContain('P_email_service-->>P_member: Sends the member a confirmation');
    expect(mermaid).toContain('Sys-->>P_coordinator: The loan is active');
    expect(mermaid).not.toMatch(/Read and write/);
  });

  it('activity and flowchart: the steps in order, a decision where a step approves and where a rule limits', () => {
    const activity = draw('activity', { focus: 'Approve a loan' }).mermaid;
    expect(activity).toContain('subgraph L0["Coordinator"]');
    expect(activity).toContain('D1{"Approved?"}');
    expect(activity).toContain('D1 -- No --> N1');
    expect(activity).toContain('{"Within the rule: A loan lasts one week?"}');
    const flow = draw('flowchart', { instructions: 'focus on returning tools' }).mermaid;
    expect(flow).toContain('Start(["The week is over"])');
    expect(flow.indexOf('Member brings the tool back')).toBeLessThan(flow.indexOf('Coordinator confirms the return'));
    expect(flow).toContain('Done(["The loan is returned"])');
  });

  it('state: the loan’s lifecycle, transitions labelled with the use case verbs', () => {
    const { mermaid, description } = draw('state');
    expect(mermaid).toContain('[*] --> S0 : borrow');
    expect(mermaid).toContain('S0 --> S1 : approve');
    expect(mermaid).toContain('S1 --> S2 : return');
    expect(mermaid).toContain('state "Returned" as S2');
    expect(description).toBe('The lifecycle of a loan: requested, active and returned.');
  });

  it('state: a side state like cancelled ends there instead of continuing the main path', () => {
    const withCancel = lendingLibraryModel();
    withCancel.entities[2]!.states = ['requested', 'cancelled', 'active', 'returned'];
    const { mermaid } = writeDiagram('state', { projectName: 'Tool Library', model: withCancel });
    expect(mermaid).toContain('S0 --> S1');
    expect(mermaid).toContain('S1 --> [*]');
    expect(mermaid).toContain('S0 --> S2 : approve');
  });

  it('architecture: the client the platform constraint names and the outside systems', () => {
    const { mermaid, description } = draw('architecture');
    expect(mermaid).toContain('service client(internet)[Mobile browser]');
    expect(mermaid).toContain('[Email service]');
    expect(mermaid).toContain('[File storage]');
    expect(description).toContain('The product is a mobile web app; there is no native app.');
  });

  it('a thin model gives a small honest diagram and says what is missing; an unknown focus is named', () => {
    const empty = writeDiagram('er', { projectName: 'Tool Library', model: emptyProjectModel() });
    expect(empty.mermaid).toBe('erDiagram');
    expect(empty.description).toMatch(/holds no records yet.*Model tab/);
    const unknown = draw('sequence', { instructions: 'Focus on dragons' });
    expect(unknown.description).toContain('Nothing in the project model is named “dragons”');
  });
});
