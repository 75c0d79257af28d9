import { describe, expect, it } from 'vitest';
import { analyzeText, asGroup, extractKeyTerms, findActors, findEntities, findRequirements, priorityOf, topicsOf } from './index.js';

describe('extractKeyTerms', () => {
  it('ranks repeated phrases first, keeps acronyms and drops words only seen inside a chosen phrase', () => {
    const terms = extractKeyTerms('The GDPR audit covers time tracking. Time tracking data feeds the GDPR report. Reports are sent weekly.', 5);
    expect(terms[0]).toEqual({ term: 'time tracking', weight: 1, count: 2, nounLike: true });
    expect(terms.map((t) => t.term)).toContain('GDPR');
    expect(terms.map((t) => t.term)).not.toContain('tracking');
    for (const term of terms) {
      expect(term.weight).toBeGreaterThan(0);
      expect(term.weight).toBeLessThanOrEqual(1);
    }
  });

  it('merges singular and plural forms and ignores stop words, fillers and numbers', () => {
    const terms = extractKeyTerms('Invoices are great. The invoice is sent. We really need 42 invoices.');
    expect(terms[0]?.term).toBe('invoices');
    expect(terms[0]?.count).toBe(3);
    expect(terms.map((t) => t.term)).not.toContain('42');
    expect(terms.map((t) => t.term)).not.toContain('really');
  });

  it('is empty for text without content words', () => {
    expect(extractKeyTerms('the and of it')).toEqual([]);
  });
});

describe('findActors', () => {
  it('finds roles from user stories, modal subjects and role nouns, with their modifiers', () => {
    expect(
      findActors(
        'As a project manager, I want to approve timesheets. The admin can manage users. Customers should receive receipts. ' +
          'Drivers accept orders from the dispatcher.',
      ),
    ).toEqual(['project manager', 'admin', 'users', 'customers', 'drivers', 'dispatcher']);
    expect(findActors('A marketplace where dog owners book walkers.')).toEqual(['dog owners', 'walkers']);
  });

  it('does not take things or verbs for people', () => {
    expect(findActors('The server sends the order number to the printer and the filter shows a reminder.')).toEqual([]);
    expect(findActors('Dog owners can browse walker profiles.')).toEqual(['dog owners']);
    expect(findActors('It is better and faster than other tools.')).toEqual([]);
  });
});

describe('findEntities', () => {
  it('reads entities and attributes from "has", "with", possessives, "of" and compounds', () => {
    expect(
      findEntities(
        'Each invoice has a number, an amount and a due date. Customers create orders with a delivery address and a note. ' +
          "The order total is shown. The warehouse keeps stock. The walker's rating is public. The duration of each walk is fixed.",
      ),
    ).toEqual([
      { name: 'invoice', attributes: ['number', 'amount', 'due date'] },
      { name: 'order', attributes: ['delivery address', 'note', 'total'] },
      { name: 'warehouse', attributes: ['stock'] },
      { name: 'walker', attributes: ['rating'] },
      { name: 'walk', attributes: ['duration'] },
    ]);
  });

  it('keeps repeated determined nouns and multi-word names', () => {
    const entities = findEntities('Each time entry has a date and hours. The booking is confirmed. Every booking is paid.');
    expect(entities[0]).toEqual({ name: 'time entry', attributes: ['date', 'hours'] });
    expect(entities.map((e) => e.name)).toContain('booking');
  });
});

describe('findRequirements', () => {
  it('numbers functional and non-functional requirements separately, with a priority from the wording', () => {
    expect(
      findRequirements(
        'Users must be able to reset their password. The page should load within 300 ms. Admins could export reports. ' +
          'It would be nice to support dark mode. All data must be encrypted and GDPR compliant. This will save time. Do we need SSO?',
      ),
    ).toEqual([
      { id: 'FR-1', text: 'Users must be able to reset their password.', kind: 'functional', priority: 'must' },
      { id: 'NFR-1', text: 'The page should load within 300 ms.', kind: 'non-functional', priority: 'should' },
      { id: 'FR-2', text: 'Admins could export reports.', kind: 'functional', priority: 'could' },
      { id: 'FR-3', text: 'It would be nice to support dark mode.', kind: 'functional', priority: 'could' },
      { id: 'NFR-2', text: 'All data must be encrypted and GDPR compliant.', kind: 'non-functional', priority: 'must' },
    ]);
  });

  it('maps modal verbs to MoSCoW priorities', () => {
    expect(priorityOf('The system shall log in users.')).toBe('must');
    expect(priorityOf('Users need to confirm.')).toBe('must');
    expect(priorityOf('Users can share boards.')).toBe('should');
    expect(priorityOf('Users may add a photo.')).toBe('could');
    expect(priorityOf('Ideally users should get a digest.')).toBe('could');
  });

  it('marks uptime, accessibility and security statements as non-functional', () => {
    const kinds = findRequirements('The service must be available 99.9% of the time. Screens must work with screen readers. Passwords must be stored securely.').map((r) => r.kind);
    expect(kinds).toEqual(['non-functional', 'non-functional', 'non-functional']);
    expect(findRequirements('Walkers can set their availability.').map((r) => r.kind)).toEqual(['functional']);
  });
});

describe('analyzeText', () => {
  it('finds what each actor does', () => {
    const analysis = analyzeText(
      'A marketplace where dog owners book walkers. Walkers should be able to set their availability. As a dog owner, I want to rate each walk.',
    );
    expect(analysis.actors).toEqual(['dog owners', 'walkers']);
    expect(analysis.actions.map(({ actor, action, priority }) => ({ actor, action, priority }))).toEqual([
      { actor: 'dog owners', action: 'book walkers', priority: 'should' },
      { actor: 'walkers', action: 'set their availability', priority: 'should' },
      { actor: 'dog owners', action: 'rate each walk', priority: 'should' },
    ]);
    expect(topicsOf(analysis)).toEqual(['marketplace']);
  });

  it('keeps lists of verbs, possessives and "lets X" actions whole, and skips objects that look like subjects', () => {
    const actions = analyzeText(
      "Patients can book, move and cancel appointments online. Doctors should receive a summary of the next day's appointments. " +
        'The tool lets support agents search past tickets. Receptionists see the schedule, parents pick one.',
    ).actions.map(({ actor, action }) => `${actor}: ${action}`);
    expect(actions).toEqual([
      'patients: book, move and cancel appointments online',
      "doctors: receive a summary of the next day's appointments",
      'support agents: search past tickets',
      'receptionists: see the schedule',
      'parents: pick one',
    ]);
  });

  it('gives the same result for the same text', () => {
    const text = 'Nurses swap shifts. Each shift has a ward and a date. Managers must approve swaps within a day.';
    expect(analyzeText(text)).toEqual(analyzeText(text));
  });
});

describe('asGroup', () => {
  it('names an actor as a group of people', () => {
    expect([asGroup('driver'), asGroup('dog owners'), asGroup('staff')]).toEqual(['drivers', 'dog owners', 'staff']);
  });
});
