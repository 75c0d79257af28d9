import { projectModelSchema, type ProjectModel } from '../../src/modules/project-model/index.js';

/**
 * A hand-written project model of a neighbourhood tool library, the way a person would correct it in the Model tab:
 * members borrow tools, a coordinator approves loans, a loan lasts one week. Diagrams, wireframes and chat answers
 * are drawn from it in tests.
 */
export function lendingLibraryModel(): ProjectModel {
  return projectModelSchema.parse({
    summary: 'A neighbourhood tool library where members borrow tools from each other for a week at a time.',
    problem: 'Neighbours buy tools they use once a year because they cannot borrow them.',
    actors: [
      {
        id: 'member',
        name: 'Member',
        kind: 'person',
        description: 'A neighbour who lends and borrows tools.',
        needs: ['find a free tool nearby', 'borrow it for a week'],
        sources: [{ kind: 'idea', quote: 'Members borrow tools from each other.' }],
      },
      {
        id: 'coordinator',
        name: 'Coordinator',
        kind: 'person',
        description: 'A volunteer who approves loans.',
        needs: ['approve loan requests'],
        sources: [{ kind: 'answer', label: 'Who approves a loan?', quote: 'A coordinator approves every loan request.' }],
      },
      {
        id: 'email-service',
        name: 'Email service',
        kind: 'system',
        description: 'Sends reminders.',
        sources: [{ kind: 'idea', quote: 'Members get an email reminder the day before a tool is due.' }],
      },
    ],
    entities: [
      {
        id: 'member',
        name: 'Member',
        description: 'A registered neighbour.',
        attributes: [
          { name: 'name', type: 'text', required: true },
          { name: 'email', type: 'email', required: true },
          { name: 'phone', type: 'phone' },
          { name: 'joined on', type: 'date' },
        ],
        sources: [{ kind: 'idea' }],
      },
      {
        id: 'tool',
        name: 'Tool',
        description: 'A tool a member lends.',
        attributes: [
          { name: 'name', type: 'text', required: true },
          { name: 'category', type: 'enum', values: ['Garden', 'Woodwork', 'Kitchen'] },
          { name: 'description', type: 'long_text' },
          { name: 'deposit', type: 'money' },
          { name: 'photo', type: 'file' },
          { name: 'owner', type: 'reference', references: 'member' },
        ],
        sources: [{ kind: 'idea' }],
      },
      {
        id: 'loan',
        name: 'Loan',
        description: 'A tool lent to a member for a week.',
        attributes: [
          { name: 'tool', type: 'reference', references: 'tool', required: true },
          { name: 'borrower', type: 'reference', references: 'member', required: true },
          { name: 'starts on', type: 'date', required: true },
          { name: 'due on', type: 'date', required: true },
        ],
        states: ['requested', 'active', 'returned'],
        sources: [{ kind: 'idea', quote: 'A loan lasts one week.' }],
      },
    ],
    relationships: [
      { from: 'member', to: 'tool', cardinality: 'one-to-many', label: 'lends' },
      { from: 'member', to: 'loan', cardinality: 'one-to-many', label: 'borrows' },
      { from: 'loan', to: 'tool', cardinality: 'many-to-one', label: 'is for' },
    ],
    useCases: [
      {
        id: 'borrow-tool',
        name: 'Borrow a tool',
        actor: 'member',
        action: 'borrow',
        entity: 'loan',
        trigger: 'The member finds a free tool',
        outcome: 'The loan is requested',
        steps: [
          { actor: 'member', action: 'searches the tools near home', entity: 'tool' },
          { actor: 'member', action: 'asks to borrow the tool', entity: 'loan' },
          { actor: 'system', action: 'records the loan request', entity: 'loan' },
          { actor: 'system', action: 'tells the coordinator about the request' },
        ],
        priority: 'must',
        sources: [{ kind: 'idea' }],
      },
      {
        id: 'approve-loan',
        name: 'Approve a loan',
        actor: 'coordinator',
        action: 'approve',
        entity: 'loan',
        trigger: 'A member asked to borrow a tool',
        outcome: 'The loan is active',
        steps: [
          { actor: 'coordinator', action: 'opens the loan request', entity: 'loan' },
          { actor: 'coordinator', action: 'approves the loan', entity: 'loan' },
          { actor: 'system', action: 'sets the due date one week ahead', entity: 'loan' },
          { actor: 'email-service', action: 'sends the member a confirmation' },
        ],
        priority: 'must',
        sources: [{ kind: 'answer', label: 'Who approves a loan?' }],
      },
      {
        id: 'return-tool',
        name: 'Return a tool',
        actor: 'member',
        action: 'return',
        entity: 'loan',
        trigger: 'The week is over',
        outcome: 'The loan is returned',
        steps: [
          { actor: 'member', action: 'brings the tool back', entity: 'tool' },
          { actor: 'coordinator', action: 'confirms the return', entity: 'loan' },
        ],
        priority: 'should',
        sources: [{ kind: 'idea' }],
      },
      { id: 'list-tool', name: 'List a tool', actor: 'member', action: 'list', entity: 'tool', priority: 'could', sources: [{ kind: 'idea' }] },
    ],
    rules: [
      {
        id: 'loan-length',
        text: 'A loan lasts one week.',
        entity: 'loan',
        quantity: { value: 1, unit: 'week' },
        sources: [{ kind: 'idea', quote: 'A loan lasts one week.' }],
      },
      {
        id: 'loan-approval',
        text: 'A coordinator approves every loan request.',
        entity: 'loan',
        sources: [{ kind: 'answer', label: 'Who approves a loan?', quote: 'A coordinator approves every loan request.' }],
      },
    ],
    metrics: [
      { id: 'loans-per-month', name: 'Loans per month', target: '50 within three months', sources: [{ kind: 'idea' }] },
      { id: 'on-time-returns', name: 'Share of tools returned on time', target: 'above 90%', sources: [{ kind: 'idea' }] },
    ],
    constraints: [
      {
        id: 'platform',
        category: 'platform',
        text: 'The product is a mobile web app; there is no native app.',
        sources: [{ kind: 'answer', label: 'Which platform should it run on?', quote: 'A mobile web app, no native app.' }],
      },
      { id: 'privacy', category: 'privacy', text: 'Members see each other’s first names only.', sources: [{ kind: 'idea' }] },
    ],
    glossary: [{ term: 'Deposit', definition: 'Money a borrower leaves while a tool is lent.', sources: [{ kind: 'idea' }] }],
    openQuestions: [{ id: 'late-fees', question: 'Is there a fee for a late return?', about: 'loan' }],
  });
}
