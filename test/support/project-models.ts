import { projectModelSchema, type ProjectModel } from '../../src/modules/project-model/index.js';

/**
 * Small hand-written project models for tests of what is drawn from a model: a lending library and a clinic, each
 * with its idea and answers, as the model builder would read them.
 */

const idea = (quote: string) => [{ kind: 'idea' as const, quote }];
const answer = (label: string, quote: string) => [{ kind: 'answer' as const, label, quote }];

export const LIBRARY_IDEA = {
  projectName: 'ToolShare',
  idea: 'A lending library for tools in our neighbourhood. Members borrow drills and ladders for a week; volunteers check tools out and record returns. Members get a reminder the day before a loan is due.',
  answers: [
    { question: 'Where will members use it?', answer: 'On their phones, as a mobile web app. No app store.' },
    { question: 'How will you measure success?', answer: 'Nine in ten tools come back on time within three months.' },
    { question: 'Who pays for lost tools?', answer: '' },
  ],
};

export const libraryModel: ProjectModel = projectModelSchema.parse({
  summary: 'ToolShare is a lending library for tools in a neighbourhood. Members borrow tools for a week and volunteers run the counter.',
  problem: 'Neighbours buy tools they use once a year, and the library tracks its loans on paper.',
  actors: [
    { id: 'member', name: 'Member', kind: 'person', description: 'A neighbour who borrows tools.', needs: ['find a free tool', 'know when a loan is due'], sources: idea('Members borrow drills and ladders for a week') },
    { id: 'volunteer', name: 'Volunteer', kind: 'person', description: 'A neighbour who runs the counter.', needs: ['record returns quickly'], sources: idea('volunteers check tools out and record returns') },
    { id: 'email-service', name: 'Email service', kind: 'system', description: 'Sends the reminders.', needs: ['send a reminder the day before a loan is due'], sources: idea('Members get a reminder') },
  ],
  entities: [
    {
      id: 'member',
      name: 'Member',
      description: 'A person who may borrow tools.',
      attributes: [
        { name: 'name', type: 'text', required: true },
        { name: 'email', type: 'email', required: true },
      ],
      sources: idea('Members borrow drills and ladders'),
    },
    {
      id: 'tool',
      name: 'Tool',
      description: 'A drill, a ladder or another tool the library lends.',
      attributes: [
        { name: 'name', type: 'text', required: true },
        { name: 'category', type: 'enum', values: ['drill', 'ladder', 'other'] },
        { name: 'condition', type: 'long_text' },
      ],
      states: ['available', 'on loan', 'in repair'],
      sources: idea('Members borrow drills and ladders'),
    },
    {
      id: 'loan',
      name: 'Loan',
      description: 'A tool lent to a member for a week.',
      attributes: [
        { name: 'tool', type: 'reference', references: 'tool', required: true },
        { name: 'member', type: 'reference', references: 'member', required: true },
        { name: 'due date', type: 'date', required: true },
        { name: 'returned at', type: 'datetime' },
      ],
      states: ['open', 'returned', 'overdue'],
      sources: idea('Members borrow drills and ladders for a week'),
    },
  ],
  relationships: [
    { from: 'loan', to: 'tool', cardinality: 'many-to-one', label: 'lends' },
    { from: 'member', to: 'loan', cardinality: 'one-to-many', label: 'holds' },
  ],
  useCases: [
    {
      id: 'borrow-a-tool',
      name: 'Borrow a tool',
      actor: 'member',
      action: 'borrow',
      entity: 'tool',
      trigger: 'The member picks a free tool',
      outcome: 'The tool is on loan to the member for a week',
      steps: [
        { actor: 'member', action: 'picks a free tool', entity: 'tool' },
        { actor: 'volunteer', action: 'checks the tool out', entity: 'loan' },
        { actor: 'system', action: 'sets the due date a week ahead', entity: 'loan' },
      ],
      priority: 'must',
      sources: idea('Members borrow drills and ladders for a week'),
    },
    {
      id: 'record-a-return',
      name: 'Record a return',
      actor: 'volunteer',
      action: 'record',
      entity: 'loan',
      trigger: '',
      outcome: 'The loan is closed and the tool is available again',
      steps: [],
      priority: 'must',
      sources: idea('volunteers check tools out and record returns'),
    },
    {
      id: 'remind-member',
      name: 'Send a due-date reminder',
      actor: 'email-service',
      action: 'send',
      entity: 'loan',
      trigger: 'A loan is due the next day',
      outcome: 'The member knows the tool is due',
      steps: [],
      priority: 'should',
      sources: idea('Members get a reminder the day before a loan is due'),
    },
  ],
  rules: [{ id: 'loan-length', text: 'A loan lasts one week.', entity: 'loan', quantity: { value: 1, unit: 'week' }, sources: idea('for a week') }],
  metrics: [{ id: 'on-time', name: 'Share of tools returned on time', target: 'nine in ten within three months', sources: answer('How will you measure success?', 'Nine in ten tools come back on time') }],
  constraints: [{ id: 'mobile-web', category: 'platform', text: 'The product is a mobile web app; there is no native app.', sources: answer('Where will members use it?', 'as a mobile web app') }],
  glossary: [{ term: 'Loan', definition: 'A tool lent to a member for a week.' }],
  openQuestions: [{ id: 'lost-tools', question: 'Who pays for lost tools?' }],
});

export const CLINIC_IDEA = {
  projectName: 'CareDesk',
  idea: 'Patients book appointments with a clinic online; receptionists confirm them and doctors write visit notes. Patient data must stay in the EU.',
};

export const clinicModel: ProjectModel = projectModelSchema.parse({
  summary: 'CareDesk lets patients book appointments with a clinic online.',
  actors: [
    { id: 'patient', name: 'Patient', kind: 'person', needs: ['book an appointment without calling'] },
    { id: 'receptionist', name: 'Receptionist', kind: 'person' },
    { id: 'doctor', name: 'Doctor', kind: 'person' },
  ],
  entities: [
    { id: 'patient', name: 'Patient', attributes: [{ name: 'name', type: 'text', required: true }] },
    { id: 'appointment', name: 'Appointment', attributes: [{ name: 'starts_at', type: 'datetime', required: true }, { name: 'patient', type: 'reference', references: 'patient', required: true }], states: ['requested', 'confirmed', 'cancelled'] },
    { id: 'visit-note', name: 'Visit note', attributes: [{ name: 'text', type: 'long_text', required: true }] },
  ],
  relationships: [{ from: 'visit-note', to: 'appointment', cardinality: 'many-to-one', label: 'belongs to' }],
  useCases: [
    { id: 'book', name: 'Book an appointment', actor: 'patient', action: 'book', entity: 'appointment', priority: 'must', sources: idea('Patients book appointments') },
    { id: 'confirm', name: 'Confirm an appointment', actor: 'receptionist', action: 'confirm', entity: 'appointment', priority: 'must', sources: idea('receptionists confirm them') },
    { id: 'note', name: 'Write a visit note', actor: 'doctor', action: 'write', entity: 'visit-note', priority: 'should', sources: idea('doctors write visit notes') },
  ],
  constraints: [{ id: 'eu', category: 'privacy', text: 'Patient data stays in the EU.', sources: idea('Patient data must stay in the EU') }],
});
