import { projectModelSchema, type ProjectModel } from '../../src/modules/project-model/project-model.contract.js';

/** A small, consistent model of a neighbourhood tool library, for tests of what reads and changes models. */
export function toolLibraryModel(): ProjectModel {
  return projectModelSchema.parse({
    summary: 'Neighbours lend each other tools.',
    problem: 'People buy tools they use once.',
    actors: [
      { id: 'member', name: 'Member', kind: 'person', needs: ['borrow a drill for the weekend'], sources: [{ kind: 'idea', quote: 'Members borrow tools.' }] },
      { id: 'neighbour', name: 'Neighbour', kind: 'person', needs: ['lend a ladder'], sources: [{ kind: 'idea' }] },
      { id: 'mail-service', name: 'Mail service', kind: 'person', sources: [{ kind: 'inferred' }] },
    ],
    entities: [
      {
        id: 'tool',
        name: 'Tool',
        attributes: [
          { name: 'name', type: 'text', required: true },
          { name: 'condition', type: 'enum', values: ['good', 'worn'] },
        ],
        sources: [{ kind: 'idea' }],
      },
      {
        id: 'booking',
        name: 'Booking',
        description: 'A member reserves a tool for some days.',
        attributes: [
          { name: 'start date', type: 'date', required: true },
          { name: 'tool', type: 'reference', references: 'tool' },
        ],
        states: ['requested', 'confirmed'],
        sources: [{ kind: 'idea' }],
      },
      {
        id: 'reservation',
        name: 'Reservation',
        attributes: [
          { name: 'start date', type: 'date' },
          { name: 'pickup place', type: 'location' },
          { name: 'booking', type: 'reference', references: 'booking' },
        ],
        states: ['confirmed', 'returned'],
        sources: [{ kind: 'answer', label: 'How are tools handed over?' }],
      },
    ],
    relationships: [
      { from: 'booking', to: 'tool', cardinality: 'many-to-one', label: 'reserves' },
      { from: 'reservation', to: 'tool', cardinality: 'many-to-one', label: 'reserves' },
      { from: 'reservation', to: 'booking', cardinality: 'one-to-one', label: 'confirms' },
    ],
    useCases: [
      {
        id: 'book-a-tool',
        name: 'Book a tool',
        actor: 'member',
        action: 'book',
        entity: 'booking',
        steps: [
          { actor: 'member', action: 'picks a free slot', entity: 'booking' },
          { actor: 'system', action: 'notifies the owner' },
          { actor: 'neighbour', action: 'confirms the booking', entity: 'reservation' },
        ],
        priority: 'must',
        sources: [{ kind: 'idea' }],
      },
      { id: 'lend-a-tool', name: 'Lend a tool', actor: 'neighbour', action: 'lend', entity: 'tool', sources: [{ kind: 'idea' }] },
    ],
    rules: [{ id: 'loan-lasts-a-week', text: 'A loan lasts one week.', entity: 'booking', quantity: { value: 1, unit: 'week' }, sources: [{ kind: 'answer' }] }],
    metrics: [{ id: 'on-time-returns', name: 'Share of tools returned on time', target: 'above 90%' }],
    constraints: [{ id: 'mobile-web', category: 'platform', text: 'The product is a mobile web app.' }],
    glossary: [{ term: 'Slot', definition: 'A day range a tool is free.' }],
    openQuestions: [
      { id: 'deposit', question: 'Is a deposit asked for expensive tools?', about: 'booking' },
      { id: 'who-repairs', question: 'Who repairs a broken tool?' },
    ],
  });
}
