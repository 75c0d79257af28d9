import { describe, expect, it } from 'vitest';
import { AppError } from '../src/core/errors.js';
import { applyCorrection, renderModelMarkdown, validateModel } from '../src/modules/project-model/index.js';
import { keepCorrections } from '../src/modules/project-model/keep-corrections.js';
import { modelCorrectionSchema, type ModelCorrectionInput, type ProjectModel } from '../src/modules/project-model/project-model.contract.js';
import { toolLibraryModel } from './support/project-model-fixture.js';

/** Corrections are pure operations on a model: each keeps the model consistent and says what it did. */

const correct = (model: ProjectModel, correction: ModelCorrectionInput) => applyCorrection(model, modelCorrectionSchema.parse(correction));

function refusal(model: ProjectModel, correction: ModelCorrectionInput): { status: number; fields: string[]; message: string } {
  try {
    correct(model, correction);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, fields: (error.details as Array<{ field: string }>).map((d) => d.field), message: error.message };
  }
  throw new Error('the correction was accepted');
}

const corrected = (sources: Array<{ kind: string }>) => sources.some((s) => s.kind === 'correction');

describe('validateModel', () => {
  it('accepts a consistent model and names the path of every reference to a missing id and every repeated id', () => {
    const model = toolLibraryModel();
    expect(validateModel(model)).toEqual([]);
    const broken: ProjectModel = {
      ...model,
      actors: [...model.actors, { ...model.actors[0]!, name: 'Again' }],
      relationships: [...model.relationships, { from: 'booking', to: 'shelf', cardinality: 'many-to-one', label: 'sits on' }],
      useCases: [{ ...model.useCases[0]!, actor: 'ghost', steps: [{ actor: 'robot', action: 'beeps', entity: 'noise' }] }],
      rules: [{ ...model.rules[0]!, entity: 'loan' }],
      entities: model.entities.map((e) => (e.id === 'tool' ? { ...e, attributes: [{ name: 'owner', type: 'reference' as const, references: 'owner', required: false }] } : e)),
      openQuestions: [{ id: 'q', question: 'Who?', about: 'nowhere' }],
    };
    expect(validateModel(broken).map((p) => p.path)).toEqual([
      'actors.3.id',
      'entities.0.attributes.0.references',
      'relationships.3.to',
      'useCases.0.actor',
      'useCases.0.steps.0.actor',
      'useCases.0.steps.0.entity',
      'rules.0.entity',
      'openQuestions.0.about',
    ]);
  });
});

describe('applyCorrection', () => {
  it('renames an entity by id, marks it corrected and says so; references keep pointing at it', () => {
    const before = toolLibraryModel();
    const { model, note } = correct(before, { kind: 'rename-entity', entityId: 'booking', name: 'Loan' });
    expect(note).toBe('Renamed entity Booking to Loan');
    const loan = model.entities.find((e) => e.id === 'booking')!;
    expect(loan.name).toBe('Loan');
    expect(corrected(loan.sources)).toBe(true);
    expect(model.useCases[0]!.entity).toBe('booking');
    expect(renderModelMarkdown(model)).toContain('- Loan reserves Tool (many-to-one)');
    // The input is left as it was.
    expect(before.entities.find((e) => e.id === 'booking')!.name).toBe('Booking');
  });

  it('merges an entity into another: every reference re-pointed, attributes and states united, self-relations and duplicates dropped', () => {
    const { model, note } = correct(toolLibraryModel(), { kind: 'merge-entities', from: 'booking', into: 'reservation' });
    expect(note).toBe('Merged entity Booking into Reservation');
    expect(model.entities.map((e) => e.id)).toEqual(['tool', 'reservation']);
    const reservation = model.entities.find((e) => e.id === 'reservation')!;
    // Its own "start date" wins; Booking's tool reference comes along; the reference between the two goes.
    expect(reservation.attributes.map((a) => a.name)).toEqual(['start date', 'pickup place', 'tool']);
    expect(reservation.states).toEqual(['confirmed', 'returned', 'requested']);
    expect(reservation.description).toBe('A member reserves a tool for some days.');
    expect(corrected(reservation.sources)).toBe(true);
    expect(reservation.sources.some((s) => s.kind === 'answer') && reservation.sources.some((s) => s.kind === 'idea')).toBe(true);
    // "Booking reserves Tool" and "Reservation reserves Tool" are one relationship now; "Reservation confirms Booking" is gone.
    expect(model.relationships).toEqual([{ from: 'reservation', to: 'tool', cardinality: 'many-to-one', label: 'reserves' }]);
    const book = model.useCases.find((u) => u.id === 'book-a-tool')!;
    expect(book.entity).toBe('reservation');
    expect(book.steps.map((s) => s.entity)).toEqual(['reservation', undefined, 'reservation']);
    expect(model.rules[0]!.entity).toBe('reservation');
    expect(model.openQuestions[0]!.about).toBe('reservation');
    expect(validateModel(model)).toEqual([]);
  });

  it('refuses to merge an entity into itself or into one that does not exist, naming the field', () => {
    expect(refusal(toolLibraryModel(), { kind: 'merge-entities', from: 'tool', into: 'tool' })).toMatchObject({ status: 422, fields: ['correction.into'] });
    expect(refusal(toolLibraryModel(), { kind: 'merge-entities', from: 'shelf', into: 'tool' })).toMatchObject({ status: 422, fields: ['correction.from'] });
  });

  it('adds, changes and removes an attribute', () => {
    const added = correct(toolLibraryModel(), { kind: 'add-attribute', entityId: 'tool', attribute: { name: 'deposit', type: 'money', required: true } });
    expect(added.note).toBe('Added attribute deposit to Tool');
    const tool = () => added.model.entities.find((e) => e.id === 'tool')!;
    expect(tool().attributes.at(-1)).toEqual({ name: 'deposit', type: 'money', required: true });
    expect(corrected(tool().sources)).toBe(true);
    expect(refusal(added.model, { kind: 'add-attribute', entityId: 'tool', attribute: { name: 'Deposit', type: 'text' } }).fields).toEqual(['correction.attribute.name']);
    expect(refusal(added.model, { kind: 'add-attribute', entityId: 'tool', attribute: { name: 'shelf', type: 'reference', references: 'shelf' } }).fields).toEqual([
      'correction.attribute.references',
    ]);

    const changed = correct(added.model, { kind: 'update-attribute', entityId: 'tool', name: 'deposit', changes: { name: 'deposit amount', required: false } });
    expect(changed.note).toBe('Renamed attribute deposit of Tool to deposit amount');
    expect(changed.model.entities.find((e) => e.id === 'tool')!.attributes.at(-1)).toEqual({ name: 'deposit amount', type: 'money', required: false });

    const removed = correct(changed.model, { kind: 'remove-attribute', entityId: 'tool', name: 'Deposit amount' });
    expect(removed.note).toBe('Removed attribute deposit amount from Tool');
    expect(removed.model.entities.find((e) => e.id === 'tool')!.attributes.map((a) => a.name)).toEqual(['name', 'condition']);
    expect(refusal(removed.model, { kind: 'remove-attribute', entityId: 'tool', name: 'colour' }).fields).toEqual(['correction.name']);
  });

  it('updates an entity’s description and states', () => {
    const { model, note } = correct(toolLibraryModel(), { kind: 'update-entity', entityId: 'booking', states: ['requested', 'confirmed', 'picked up', 'returned'] });
    expect(note).toBe('Updated entity Booking (states)');
    expect(model.entities.find((e) => e.id === 'booking')!.states).toEqual(['requested', 'confirmed', 'picked up', 'returned']);
  });

  it('fixes an actor’s name and kind, adds an actor and merges two', () => {
    const fixed = correct(toolLibraryModel(), { kind: 'update-actor', actorId: 'mail-service', name: 'Email service', actorKind: 'system' });
    expect(fixed.note).toBe('Renamed actor Mail service to Email service (a system)');
    const actor = fixed.model.actors.find((a) => a.id === 'mail-service')!;
    expect(actor).toMatchObject({ name: 'Email service', kind: 'system' });
    expect(corrected(actor.sources)).toBe(true);
    expect(correct(toolLibraryModel(), { kind: 'update-actor', actorId: 'mail-service', actorKind: 'system' }).note).toBe('Made actor Mail service a system');

    const added = correct(fixed.model, { kind: 'add-actor', actor: { name: 'Library volunteer', kind: 'person', needs: ['check tools back in'] } });
    expect(added.note).toBe('Added actor Library volunteer');
    expect(added.model.actors.at(-1)).toMatchObject({ id: 'library-volunteer', name: 'Library volunteer', sources: [{ kind: 'correction' }] });
    // A second actor of the same name gets an id of its own.
    const again = correct(added.model, { kind: 'add-actor', actor: { name: 'Library volunteer', kind: 'person' } });
    expect(again.model.actors.at(-1)!.id).toBe('library-volunteer-2');

    const merged = correct(toolLibraryModel(), { kind: 'merge-actors', from: 'neighbour', into: 'member' });
    expect(merged.note).toBe('Merged actor Neighbour into Member');
    expect(merged.model.actors.map((a) => a.id)).toEqual(['member', 'mail-service']);
    expect(merged.model.actors[0]!.needs).toEqual(['borrow a drill for the weekend', 'lend a ladder']);
    expect(merged.model.useCases.map((u) => u.actor)).toEqual(['member', 'member']);
    expect(merged.model.useCases[0]!.steps.map((s) => s.actor)).toEqual(['member', 'system', 'member']);
  });

  it('confirms a rule, optionally reworded', () => {
    const { model, note } = correct(toolLibraryModel(), { kind: 'confirm-rule', ruleId: 'loan-lasts-a-week', confirmed: true });
    expect(note).toBe('Confirmed rule “A loan lasts one week.”');
    expect(model.rules[0]).toMatchObject({ confirmed: true, text: 'A loan lasts one week.' });
    expect(corrected(model.rules[0]!.sources)).toBe(true);
    const reworded = correct(model, { kind: 'confirm-rule', ruleId: 'loan-lasts-a-week', confirmed: true, text: 'A loan lasts two weeks.' });
    expect(reworded.model.rules[0]!.text).toBe('A loan lasts two weeks.');
    expect(reworded.note).toBe('Confirmed rule, reworded as “A loan lasts two weeks.”');
    expect(refusal(model, { kind: 'confirm-rule', ruleId: 'nope', confirmed: true }).fields).toEqual(['correction.ruleId']);
  });

  it('updates a use case, checking the actors and entities its steps name', () => {
    const { model, note } = correct(toolLibraryModel(), {
      kind: 'update-use-case',
      useCaseId: 'lend-a-tool',
      name: 'Offer a tool',
      priority: 'must',
      steps: [{ actor: 'neighbour', action: 'lists the tool', entity: 'tool' }],
    });
    expect(note).toBe('Renamed use case Lend a tool to Offer a tool');
    expect(model.useCases[1]).toMatchObject({ name: 'Offer a tool', priority: 'must', steps: [{ actor: 'neighbour', action: 'lists the tool', entity: 'tool' }] });
    expect(
      refusal(toolLibraryModel(), { kind: 'update-use-case', useCaseId: 'lend-a-tool', steps: [{ actor: 'neighbour', action: 'lists', entity: 'shelf' }] }).fields,
    ).toEqual(['correction.steps.0.entity']);
    const cleared = correct(toolLibraryModel(), { kind: 'update-use-case', useCaseId: 'lend-a-tool', entity: null });
    expect(cleared.model.useCases[1]!.entity).toBeUndefined();
  });

  it('adds an item to any list, judged by the list’s shape, with an id from its name', () => {
    const metric = correct(toolLibraryModel(), { kind: 'add-item', list: 'metrics', item: { name: 'Tools lent per month', target: '50' } });
    expect(metric.note).toBe('Added metric Tools lent per month');
    expect(metric.model.metrics.at(-1)).toMatchObject({ id: 'tools-lent-per-month', sources: [{ kind: 'correction' }] });
    const relationship = correct(toolLibraryModel(), { kind: 'add-item', list: 'relationships', item: { from: 'tool', to: 'booking', cardinality: 'one-to-many', label: 'has' } });
    expect(relationship.note).toBe('Added relationship Tool has Booking');
    expect(refusal(toolLibraryModel(), { kind: 'add-item', list: 'constraints', item: { category: 'weather', text: 'Sunny.' } }).fields).toEqual(['correction.item.category']);
    expect(refusal(toolLibraryModel(), { kind: 'add-item', list: 'relationships', item: { from: 'tool', to: 'shelf', cardinality: 'one-to-many', label: 'on' } })).toMatchObject({
      status: 422,
      fields: ['model.relationships.3.to'],
    });
    expect(refusal(toolLibraryModel(), { kind: 'add-item', list: 'glossary', item: { term: 'slot', definition: 'Again.' } }).fields).toEqual(['correction.item.term']);
  });

  it('removes an item and drops what depended on it, or re-points it to a replacement', () => {
    const { model, note } = correct(toolLibraryModel(), { kind: 'remove-item', list: 'entities', id: 'booking' });
    expect(note).toBe('Removed entity Booking with 2 relationships that depended on it');
    expect(model.entities.map((e) => e.id)).toEqual(['tool', 'reservation']);
    expect(model.relationships.map((r) => `${r.from}>${r.to}`)).toEqual(['reservation>tool']);
    expect(model.useCases[0]!.entity).toBeUndefined();
    expect(model.useCases[0]!.steps[0]!.entity).toBeUndefined();
    expect(model.rules[0]!.entity).toBeUndefined();
    expect(model.openQuestions[0]!.about).toBeUndefined();
    // The reservation's reference to the booking is an ordinary text attribute now.
    expect(model.entities[1]!.attributes.find((a) => a.name === 'booking')).toEqual({ name: 'booking', type: 'text', required: false });
    expect(validateModel(model)).toEqual([]);

    const actor = correct(toolLibraryModel(), { kind: 'remove-item', list: 'actors', id: 'neighbour' });
    expect(actor.note).toBe('Removed actor Neighbour with 1 use case and 1 step that depended on it');
    expect(actor.model.useCases.map((u) => u.id)).toEqual(['book-a-tool']);

    const replaced = correct(toolLibraryModel(), { kind: 'remove-item', list: 'actors', id: 'neighbour', replaceWith: 'member' });
    expect(replaced.note).toBe('Removed actor Neighbour (now Member)');
    expect(replaced.model.useCases.map((u) => u.actor)).toEqual(['member', 'member']);

    expect(correct(toolLibraryModel(), { kind: 'remove-item', list: 'glossary', id: 'slot' }).model.glossary).toEqual([]);
    expect(correct(toolLibraryModel(), { kind: 'remove-item', list: 'relationships', id: 'reservation>booking' }).model.relationships).toHaveLength(2);
    expect(refusal(toolLibraryModel(), { kind: 'remove-item', list: 'rules', id: 'none' }).fields).toEqual(['correction.id']);
  });

  it('answers an open question: the question goes, the answer may become a rule or a constraint citing it', () => {
    const plain = correct(toolLibraryModel(), { kind: 'answer-question', questionId: 'who-repairs', answer: 'The owner' });
    expect(plain.model.openQuestions.map((q) => q.id)).toEqual(['deposit']);
    expect(plain.note).toBe('Answered “Who repairs a broken tool?”');

    const rule = correct(toolLibraryModel(), { kind: 'answer-question', questionId: 'deposit', answer: 'Tools worth over 100 euros need a 20 euro deposit', addAs: 'rule' });
    expect(rule.note).toBe('Answered “Is a deposit asked for expensive tools?”, recorded as a rule');
    expect(rule.model.rules.at(-1)).toMatchObject({
      text: 'Tools worth over 100 euros need a 20 euro deposit.',
      entity: 'booking',
      confirmed: true,
      sources: [{ kind: 'correction', label: 'Is a deposit asked for expensive tools?' }],
    });
    const constraint = correct(toolLibraryModel(), { kind: 'answer-question', questionId: 'who-repairs', answer: 'Repairs are out of scope.', addAs: 'constraint' });
    expect(constraint.model.constraints.at(-1)).toMatchObject({ category: 'other', text: 'Repairs are out of scope.' });
  });

  it('rewrites the summary', () => {
    const { model, note } = correct(toolLibraryModel(), { kind: 'update-summary', summary: 'A tool library for one street.' });
    expect(model.summary).toBe('A tool library for one street.');
    expect(note).toBe('Rewrote the summary');
  });
});

describe('keepCorrections', () => {
  it('keeps what people corrected when the model is rebuilt, and drops references the rebuild left dangling', () => {
    const previous = correct(toolLibraryModel(), { kind: 'rename-entity', entityId: 'booking', name: 'Loan' }).model;
    const rebuilt: ProjectModel = { ...toolLibraryModel(), entities: toolLibraryModel().entities.filter((e) => e.id !== 'booking') };
    const kept = keepCorrections(previous, rebuilt);
    expect(kept.entities.map((e) => e.name)).toEqual(['Tool', 'Reservation', 'Loan']);
    expect(validateModel(kept)).toEqual([]);
    const dropped = keepCorrections(toolLibraryModel(), rebuilt);
    expect(dropped.entities.map((e) => e.id)).toEqual(['tool', 'reservation']);
    expect(validateModel(dropped)).toEqual([]);
  });
});

describe('renderModelMarkdown', () => {
  it('reads every part of the model, references by name', () => {
    const text = renderModelMarkdown(toolLibraryModel());
    for (const line of [
      '## Summary',
      '### Member (person)',
      '- Needs to borrow a drill for the weekend',
      '- tool: reference to Tool',
      '- condition: one of good, worn',
      '- States: requested → confirmed',
      '- Reservation confirms Booking (one-to-one)',
      '- Actor: Member',
      '3. Neighbour confirms the booking (Reservation)',
      '- A loan lasts one week. (Booking)',
      '- Share of tools returned on time: above 90%',
      '- platform: The product is a mobile web app.',
      '- Slot: A day range a tool is free.',
      '- Is a deposit asked for expensive tools?',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toMatch(/\n{3}/);
    expect(renderModelMarkdown(toolLibraryModel())).toBe(text);
  });
});
