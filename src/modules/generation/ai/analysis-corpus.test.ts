import { describe, expect, it } from 'vitest';
import { singularize, tokenize } from '../../../core/text/index.js';
import { analyzeText, type Priority, type RequirementKind } from '../../projects/index.js';
import { clarifyingQuestionsTask } from './clarifying-questions/index.js';

/**
 * Realistic product ideas and requirement texts, each with what a careful analyst would name: the people and
 * organisations involved (actors), the things data is kept about (entities), the things that must never be taken for
 * actors, and the requirement sentences with their kind and priority.
 *
 * An expected actor or entity is a list of acceptable names (any one of them will do); names match regardless of case
 * and of singular or plural, and an entity also matches a longer name with the same head ("irrigation valve" for
 * "valve").
 */
type Sample = {
  name: string;
  text: string;
  actors: string[][];
  notActors: string[];
  entities: string[][];
  requirements?: Array<{ includes: string; kind: RequirementKind; priority: Priority }>;
  notRequirements?: string[];
};

const CORPUS: Sample[] = [
  {
    name: 'neighbourhood tool sharing',
    text: 'An app for neighbourhood tool sharing: people lend drills and ladders to neighbours, with deposits and reminders.',
    actors: [['neighbours', 'lenders', 'borrowers']],
    notActors: ['ladders', 'drills', 'deposits', 'reminders', 'tools', 'app'],
    entities: [['drill', 'tool'], ['ladder', 'tool'], ['deposit'], ['reminder']],
  },
  {
    name: 'home-cooked meal marketplace',
    text:
      'A marketplace where home cooks sell weekly meal boxes to busy families in their neighbourhood. Cooks publish a menu ' +
      'with prices and pickup times, and customers order and pay in advance. Each order has a pickup slot, a list of dishes ' +
      'and a total. Cooks should be able to cap the number of boxes they sell per week.',
    actors: [['home cooks', 'cooks'], ['families', 'customers']],
    notActors: ['boxes', 'meal boxes', 'menu', 'prices', 'dishes', 'marketplace', 'slot'],
    entities: [['order'], ['menu'], ['meal box', 'box']],
    requirements: [{ includes: 'cap the number of boxes', kind: 'functional', priority: 'should' }],
  },
  {
    name: 'B2B contract management',
    text:
      'Atlas is a contract management tool for legal teams at mid-size companies. Account managers upload signed contracts, ' +
      'and the legal team reviews renewal terms. The system must send a reminder to the contract owner 60 days before each ' +
      'renewal date. Each contract has a counterparty, a value, a start date and an end date. Finance managers can export ' +
      'contract values to CSV. All documents must be encrypted at rest.',
    actors: [['account managers'], ['legal team', 'legal teams'], ['contract owner', 'owner'], ['finance managers']],
    notActors: ['contracts', 'documents', 'reminder', 'renewal terms', 'counterparty', 'tool', 'system'],
    entities: [['contract'], ['reminder', 'renewal', 'document']],
    requirements: [
      { includes: 'send a reminder to the contract owner', kind: 'functional', priority: 'must' },
      { includes: 'export contract values', kind: 'functional', priority: 'should' },
      { includes: 'encrypted at rest', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'internal IT helpdesk',
    text:
      'An internal tool for the IT helpdesk. Employees report broken laptops and printers through a form, and technicians ' +
      'pick up tickets from a shared queue. Each ticket has a category, a priority, a status and an assignee. Team leads ' +
      'should see how long tickets stay open. The tool must integrate with our single sign-on.',
    actors: [['employees'], ['technicians'], ['team leads']],
    notActors: ['laptops', 'printers', 'tickets', 'queue', 'form', 'tool', 'assignee'],
    entities: [['ticket'], ['laptop', 'printer', 'device']],
    requirements: [
      { includes: 'Team leads should see', kind: 'functional', priority: 'should' },
      { includes: 'integrate with our single sign-on', kind: 'functional', priority: 'must' },
    ],
  },
  {
    name: 'physiotherapy clinic scheduling',
    text:
      'A scheduling app for a physiotherapy clinic. Patients book appointments online and receive a text reminder the day ' +
      'before. Physiotherapists set their weekly availability, and receptionists can move or cancel appointments on a ' +
      "patient's behalf. Each appointment has a date, a time, a treatment room and a therapist. Patient records must comply " +
      'with GDPR.',
    actors: [['patients'], ['physiotherapists', 'therapists'], ['receptionists']],
    notActors: ['appointments', 'reminder', 'records', 'patient records', 'room', 'treatment room', 'clinic', 'app'],
    entities: [['appointment'], ['reminder', 'patient record', 'record']],
    requirements: [
      { includes: 'receptionists can move or cancel appointments', kind: 'functional', priority: 'should' },
      { includes: 'comply with GDPR', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'courier fleet tracking',
    text:
      'FleetPulse tracks delivery vans for a regional courier company. Drivers scan each parcel at pickup and at drop-off, ' +
      'and dispatchers see every van on a live map. When a delivery fails, the driver records a reason and a photo. ' +
      'Customers receive an SMS with a two-hour delivery window. The dashboard should load in under two seconds.',
    actors: [['drivers'], ['dispatchers'], ['customers']],
    notActors: ['vans', 'delivery vans', 'parcel', 'parcels', 'map', 'photo', 'reason', 'dashboard', 'window'],
    entities: [['parcel'], ['van', 'delivery van'], ['delivery']],
    requirements: [{ includes: 'load in under two seconds', kind: 'non-functional', priority: 'should' }],
  },
  {
    name: 'classroom quizzes as user stories',
    text:
      'As a teacher, I want to create quizzes from a question bank so that I can check understanding quickly.\n' +
      'As a student, I want to see my quiz results right after I submit.\n' +
      "As a parent, I want a weekly summary of my child's progress.\n" +
      "Teachers must be able to export grades for the school's reporting system.",
    actors: [['teacher'], ['student'], ['parent']],
    notActors: ['quizzes', 'question bank', 'results', 'grades', 'summary', 'progress', 'system'],
    entities: [['quiz'], ['grade', 'quiz result', 'result']],
    requirements: [
      { includes: 'create quizzes from a question bank', kind: 'functional', priority: 'should' },
      { includes: 'see my quiz results', kind: 'functional', priority: 'should' },
      { includes: 'weekly summary', kind: 'functional', priority: 'should' },
      { includes: 'export grades', kind: 'functional', priority: 'must' },
    ],
  },
  {
    name: 'freelancer budgeting',
    text:
      'A budgeting app for freelancers with irregular income. Users connect their bank accounts, and transactions are ' +
      'categorised automatically. Each transaction has an amount, a date, a merchant and a category. Freelancers set aside ' +
      'a share of every payment for taxes. The app must never store bank passwords and must use read-only access. ' +
      "Accountants can be invited to view a client's transactions.",
    actors: [['freelancers'], ['accountants']],
    notActors: ['transactions', 'bank accounts', 'passwords', 'taxes', 'payment', 'merchant', 'income', 'app'],
    entities: [['transaction'], ['bank account', 'account'], ['payment']],
    requirements: [
      { includes: 'never store bank passwords', kind: 'non-functional', priority: 'must' },
      { includes: 'Accountants can be invited', kind: 'functional', priority: 'should' },
    ],
  },
  {
    name: 'greenhouse monitoring (IoT)',
    text:
      'Smart greenhouse monitoring for small growers. Soil sensors report moisture and temperature every five minutes over ' +
      'LoRa. If moisture drops below a threshold, the irrigation valve opens automatically and the grower gets a push ' +
      'notification. Growers can set thresholds per bed. The gateway must keep working offline for up to 48 hours and sync ' +
      'when the connection returns.',
    actors: [['growers']],
    notActors: ['sensors', 'soil sensors', 'valve', 'irrigation valve', 'gateway', 'thresholds', 'notification', 'connection'],
    entities: [['sensor', 'soil sensor'], ['threshold'], ['valve', 'irrigation valve']],
    requirements: [
      { includes: 'Growers can set thresholds', kind: 'functional', priority: 'should' },
      { includes: 'keep working offline', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'cooperative puzzle game',
    text:
      'A cooperative puzzle game for two players on one phone. Each player controls a robot, and robots must push crates ' +
      'onto switches to open doors. Levels get harder as players collect gears. Players can replay any level to beat their ' +
      'best time. The game should run at 60 frames per second on mid-range phones.',
    actors: [['players']],
    notActors: ['robot', 'robots', 'crates', 'switches', 'doors', 'gears', 'levels', 'game', 'phones'],
    entities: [['level'], ['robot'], ['gear', 'crate']],
    requirements: [
      { includes: 'Players can replay any level', kind: 'functional', priority: 'should' },
      { includes: '60 frames per second', kind: 'non-functional', priority: 'should' },
    ],
  },
  {
    name: 'parking permit application (government form)',
    text:
      'An online form for residents to apply for a parking permit. Applicants enter their vehicle registration and proof of ' +
      'address, and pay the permit fee by card. Council officers review each application within five working days. The form ' +
      'must meet WCAG 2.1 AA. Applicants should receive an email when their application is approved or rejected.',
    actors: [['residents'], ['applicants'], ['council officers', 'officers']],
    notActors: ['vehicle', 'permit', 'parking permit', 'card', 'form', 'application', 'fee'],
    entities: [['application'], ['permit', 'parking permit'], ['vehicle', 'vehicle registration']],
    requirements: [
      { includes: 'must meet WCAG', kind: 'non-functional', priority: 'must' },
      { includes: 'Applicants should receive an email', kind: 'functional', priority: 'should' },
    ],
  },
  {
    name: 'warehouse inventory PRD',
    text: [
      'Requirements for the warehouse inventory service:',
      '1. The system shall record every stock movement with a timestamp, a quantity and the operator who made it.',
      '2. The system shall alert the warehouse manager when stock of an item falls below its reorder point.',
      '3. Pickers shall scan the shelf barcode before taking items.',
      '4. The system should suggest a picking route for each order.',
      '5. The system shall respond to scanner requests within 200 ms.',
      '6. Audit logs shall be retained for seven years.',
    ].join('\n'),
    actors: [['warehouse manager'], ['pickers']],
    notActors: ['scanner', 'scanner requests', 'stock movement', 'item', 'items', 'shelf', 'barcode', 'route', 'audit logs', 'system'],
    entities: [['stock movement', 'movement'], ['item'], ['order']],
    requirements: [
      { includes: 'record every stock movement', kind: 'functional', priority: 'must' },
      { includes: 'alert the warehouse manager', kind: 'functional', priority: 'must' },
      { includes: 'Pickers shall scan', kind: 'functional', priority: 'must' },
      { includes: 'suggest a picking route', kind: 'functional', priority: 'should' },
      { includes: 'within 200 ms', kind: 'non-functional', priority: 'must' },
      { includes: 'retained for seven years', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'hiring pipeline user stories',
    text:
      'As a hiring manager, I want to post a job opening so that candidates can apply. As a recruiter, I want to move ' +
      'candidates between interview stages. As a candidate, I want to upload my CV and track my application status. ' +
      'Interviewers should leave structured feedback after each interview.',
    actors: [['hiring manager'], ['recruiter'], ['candidate'], ['interviewers']],
    notActors: ['job opening', 'opening', 'cv', 'stages', 'interview stages', 'application', 'feedback', 'interview'],
    entities: [['job opening'], ['interview', 'interview stage'], ['application']],
    requirements: [
      { includes: 'post a job opening', kind: 'functional', priority: 'should' },
      { includes: 'Interviewers should leave structured feedback', kind: 'functional', priority: 'should' },
    ],
  },
  {
    name: 'farm-to-restaurant produce',
    text:
      'Farmers list surplus produce each morning, restaurants order crates for next-day delivery, and a driver collects ' +
      'them on a fixed route. Prices are set by the farmer. Restaurants pay monthly by invoice.',
    actors: [['farmers'], ['restaurants'], ['driver']],
    notActors: ['crates', 'produce', 'route', 'invoice', 'prices', 'delivery'],
    entities: [['crate'], ['invoice', 'payment'], ['delivery', 'produce']],
  },
  {
    name: 'food bank volunteer rota',
    text:
      'A volunteer rota for a food bank. Coordinators publish shifts for the week, volunteers sign up for the shifts that ' +
      'suit them, and the app sends a reminder the evening before. Coordinators need to see who is missing for each shift. ' +
      'Donations are logged by weight and category.',
    actors: [['coordinators'], ['volunteers']],
    notActors: ['shifts', 'reminder', 'donations', 'rota', 'volunteer rota', 'food bank', 'app'],
    entities: [['shift'], ['donation'], ['reminder']],
    requirements: [{ includes: 'Coordinators need to see', kind: 'functional', priority: 'must' }],
  },
  {
    name: 'rental repairs',
    text:
      'Tenants report repairs with photos, and the landlord assigns a contractor to each repair. Contractors propose a visit ' +
      'time that the tenant confirms. Each repair has a status, a description, a cost and photos. Landlords must be able to ' +
      'see all open repairs per building.',
    actors: [['tenants'], ['landlord'], ['contractors']],
    notActors: ['repairs', 'photos', 'visit', 'visit time', 'building', 'status'],
    entities: [['repair'], ['building', 'visit', 'photo']],
    requirements: [{ includes: 'Landlords must be able to see all open repairs', kind: 'functional', priority: 'must' }],
  },
  {
    name: 'event ticketing',
    text:
      'Event organisers create ticketed events and sell tickets through a checkout page. Attendees receive a QR code by ' +
      'email, and door staff scan the code to check them in. Organisers can issue refunds up to 48 hours before the event. ' +
      'Payment data must be handled by a PCI-compliant provider.',
    actors: [['event organisers', 'organisers'], ['attendees'], ['door staff', 'staff']],
    notActors: ['tickets', 'events', 'refunds', 'qr code', 'code', 'checkout page', 'page'],
    entities: [['event'], ['ticket'], ['refund']],
    requirements: [
      { includes: 'Organisers can issue refunds', kind: 'functional', priority: 'should' },
      { includes: 'PCI-compliant provider', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'shop support inbox',
    text:
      'A customer support inbox for online shops. Shop owners connect their email and chat channels, and support agents ' +
      'answer conversations from one queue. Agents can tag conversations, assign them to colleagues and reply with saved ' +
      'templates. Managers see response times per agent. Replies must be sent within 2 seconds of clicking send.',
    actors: [['shop owners'], ['support agents', 'agents'], ['managers']],
    notActors: ['conversations', 'templates', 'channels', 'queue', 'replies', 'inbox', 'customer support inbox'],
    entities: [['conversation'], ['template'], ['channel', 'chat channel']],
    requirements: [
      { includes: 'Agents can tag conversations', kind: 'functional', priority: 'should' },
      { includes: 'within 2 seconds', kind: 'non-functional', priority: 'must' },
    ],
  },
  {
    name: 'household meal planner',
    text:
      'A meal planner for busy households: family members plan the week’s dinners together, and the app builds a shared ' +
      'shopping list from the recipes they pick. Anyone in the household can tick items off while shopping.',
    actors: [['family members', 'members', 'households']],
    notActors: ['planner', 'meal planner', 'dinners', 'shopping list', 'list', 'recipes', 'items', 'app'],
    entities: [['recipe'], ['shopping list', 'item'], ['dinner', 'meal']],
    requirements: [{ includes: 'tick items off', kind: 'functional', priority: 'should' }],
  },
];

// ---------------------------------------------------------------------------------------------------------------

const normal = (phrase: string): string =>
  tokenize(phrase)
    .map((word) => singularize(word.replace(/'s$/, '')))
    .join(' ');
const head = (phrase: string): string => normal(phrase).split(' ').at(-1) ?? '';

describe('text analysis corpus', () => {
  it('has enough varied samples', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
  });

  for (const sample of CORPUS) {
    describe(sample.name, () => {
      const analysis = analyzeText(sample.text);
      const actors = analysis.actors.map(normal);
      const entities = analysis.entities.map((entity) => normal(entity.name));

      it('finds the people and organisations involved', () => {
        for (const options of sample.actors) {
          const found = options.some((option) => actors.includes(normal(option)));
          expect(found, `one of ${options.join(' / ')} among actors ${JSON.stringify(analysis.actors)}`).toBe(true);
        }
      });

      it('never takes a thing for an actor', () => {
        const forbidden = new Set(sample.notActors.map(normal));
        const forbiddenHeads = new Set(sample.notActors.filter((phrase) => !phrase.includes(' ')).map(normal));
        for (const actor of analysis.actors) {
          const bad = forbidden.has(normal(actor)) || forbiddenHeads.has(head(actor));
          expect(bad, `"${actor}" is not an actor (actors ${JSON.stringify(analysis.actors)})`).toBe(false);
        }
      });

      it('finds the things data is kept about', () => {
        for (const options of sample.entities) {
          const found = options.some((option) => entities.some((name) => name === normal(option) || (!option.includes(' ') && name.endsWith(` ${normal(option)}`))));
          expect(found, `one of ${options.join(' / ')} among entities ${JSON.stringify(analysis.entities.map((e) => e.name))}`).toBe(true);
        }
      });

      it('finds the requirement sentences with their kind and priority', () => {
        for (const expected of sample.requirements ?? []) {
          const requirement = analysis.requirements.find((r) => r.text.includes(expected.includes));
          expect(requirement, `a requirement with "${expected.includes}" among ${JSON.stringify(analysis.requirements.map((r) => r.text))}`).toBeDefined();
          expect({ kind: requirement?.kind, priority: requirement?.priority }, expected.includes).toEqual({ kind: expected.kind, priority: expected.priority });
        }
        for (const text of sample.notRequirements ?? []) expect(analysis.requirements.some((r) => r.text.includes(text))).toBe(false);
      });

      it('asks clarifying questions about real actors, never about things', () => {
        const questions = clarifyingQuestionsTask.builtin({ idea: sample.text }, {}).questions.map((q) => q.question);
        const forbidden = new Set(sample.notActors.map(normal));
        for (const question of questions) {
          for (const pattern of [/^Where will (.+?) use it/, /how many (.+?) do you expect/i, /works for (.+?): which number/]) {
            const people = pattern.exec(question)?.[1];
            if (people) expect(forbidden.has(normal(people)) || forbidden.has(head(people)), question).toBe(false);
          }
        }
      });
    });
  }
});

describe('a sentence with two modal clauses', () => {
  const idea =
    'A platform where allotment gardeners swap surplus vegetables with neighbours. Gardeners list produce with photos; ' +
    'neighbours reserve pickups. The system must send pickup reminders and should rate gardeners.';

  it('states two requirements, each with its own priority', () => {
    const analysis = analyzeText(idea);
    expect(analysis.requirements.map(({ text, priority }) => ({ text, priority }))).toEqual([
      { text: 'The system must send pickup reminders.', priority: 'must' },
      { text: 'The system should rate gardeners.', priority: 'should' },
    ]);
    for (const text of [...analysis.requirements.map((r) => r.text), ...analysis.actions.map((a) => a.action)]) {
      expect(text).not.toMatch(/\band (?:should|must)\b/i);
    }
  });

  it('splits "shall A, and must B" and "must A and B must C" too', () => {
    expect(analyzeText('The system shall export reports, and must log every change.').requirements.map((r) => [r.text, r.priority])).toEqual([
      ['The system shall export reports.', 'must'],
      ['The system must log every change.', 'must'],
    ]);
    expect(analyzeText('The app must send alerts and admins should approve refunds.').requirements.map((r) => [r.text, r.priority])).toEqual([
      ['The app must send alerts.', 'must'],
      ['Admins should approve refunds.', 'should'],
    ]);
  });

  it('gives an actor one action per modal clause', () => {
    const analysis = analyzeText('Gardeners must list produce and should rate neighbours.');
    expect(analysis.actions.map(({ actor, action, priority }) => `${actor}: ${action} (${priority})`)).toEqual([
      'gardeners: list produce (must)',
      'gardeners: rate neighbours (should)',
    ]);
  });
});

describe('the tool-sharing idea', () => {
  const idea = 'An app for neighbourhood tool sharing: people lend drills and ladders to neighbours, with deposits and reminders.';

  it('names neighbours as the actors, the tools, deposits and reminders as entities, and the loan the lending implies', () => {
    const analysis = analyzeText(idea);
    expect(analysis.actors).toEqual(['neighbours']);
    expect(analysis.entities.map((entity) => entity.name)).toEqual(['loan', 'drill', 'ladder', 'deposit', 'reminder']);
    expect(analysis.actions.map(({ actor, action }) => `${actor}: ${action}`)).toEqual(['people: lend drills and ladders to neighbours']);
  });

  it('asks its clarifying questions about neighbours and loans', () => {
    expect(clarifyingQuestionsTask.builtin({ idea }, {}).questions.map((q) => q.question)).toEqual([
      'Where will neighbours use it: on a phone, in a web browser, or inside a tool they already use, and roughly how many neighbours do you expect in the first year?',
      'What would show that it works for neighbours: which number should change (for example how often people lend drills and ladders to neighbours), and by how much, in the first three months?',
      'What must be kept about each loan, who may see it, and for how long?',
    ]);
  });
});
