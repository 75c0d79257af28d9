import { describe, expect, it } from 'vitest';
import {
  bareInfinitive,
  clause,
  givenWhenThen,
  indefiniteArticle,
  isTeamName,
  nounPhrase,
  parseVerbPhrase,
  pastParticiple,
  predicate,
  sentence,
  THEY,
  thirdPerson,
  roleSubject,
  withRoleArticle,
} from './index.js';

describe('articles by sound', () => {
  it.each([
    ['hour', 'an'],
    ['user', 'a'],
    ['honest answer', 'an'],
    ['university', 'a'],
    ['one-off fee', 'a'],
    ['email', 'an'],
    ['SMS', 'an'],
    ['URL', 'a'],
    ['8-week plan', 'an'],
    ['18,000', 'an'],
    ['1,800', 'a'],
    ['member', 'a'],
    ['European client', 'a'],
    ['item', 'an'],
  ])('%s takes "%s"', (word, article) => expect(indefiniteArticle(word)).toBe(article));
});

describe('team names', () => {
  it('reads a group named by what it does, an acronym or a word without a plural as a team, and a person as one of many', () => {
    expect(['Staff', 'HR', 'Reception', 'Finance', 'Housekeeping'].filter(isTeamName)).toEqual(['Staff', 'HR', 'Reception', 'Finance', 'Housekeeping']);
    expect(['Member', 'Volunteer', 'Crew', 'Team leader', 'Admin'].filter(isTeamName)).toEqual([]);
    expect(['staff', 'member', 'HR', 'editor'].map(withRoleArticle)).toEqual(['staff', 'a member', 'HR', 'an editor']);
    expect(['staff', 'member', 'HR', 'reception'].map(roleSubject)).toEqual([
      { text: 'staff', number: 'plural' },
      { text: 'the member', number: 'singular' },
      { text: 'HR', number: 'singular' },
      { text: 'reception', number: 'singular' },
    ]);
  });
});

describe('noun phrases', () => {
  it('puts the article and the number together', () => {
    expect(nounPhrase({ head: 'user', determiner: 'a' }).text).toBe('a user');
    expect(nounPhrase({ head: 'hour', determiner: 'a' }).text).toBe('an hour');
    expect(nounPhrase({ head: 'library', number: 'plural', determiner: 'a' }).text).toBe('libraries');
    expect(nounPhrase({ head: 'booking request', number: 'plural', determiner: 'the' }).text).toBe('the booking requests');
  });
  it('never repeats a modifier the head already has', () => {
    expect(nounPhrase({ head: 'signed-in volunteer', determiner: 'a', modifiers: ['signed-in'] }).text).toBe('a signed-in volunteer');
    expect(nounPhrase({ head: 'volunteer', determiner: 'a', modifiers: ['signed-in', 'signed-in'] }).text).toBe('a signed-in volunteer');
  });
  it('takes the article of the first word after the modifiers', () => {
    expect(nounPhrase({ head: 'member', determiner: 'a', modifiers: ['active'] }).text).toBe('an active member');
  });
});

describe('verbs agree with their subject', () => {
  it.each([
    ['return', 'returns'],
    ['carry', 'carries'],
    ['watch', 'watches'],
    ['go', 'goes'],
    ['have', 'has'],
    ['be', 'is'],
    ['sign in', 'signs in'],
    ['pay', 'pays'],
  ])('third person of %s is %s', (lemma, form) => expect(thirdPerson(lemma)).toBe(form));
  it.each([
    ['export', 'exported'],
    ['send', 'sent'],
    ['stop', 'stopped'],
    ['submit', 'submitted'],
    ['approve', 'approved'],
    ['copy', 'copied'],
    ['visit', 'visited'],
    ['check out', 'checked out'],
    ['pay', 'paid'],
    ['write', 'written'],
  ])('past participle of %s is %s', (lemma, form) => expect(pastParticiple(lemma)).toBe(form));

  it('agrees in number, with modals, in the passive and negated', () => {
    const member = nounPhrase({ head: 'member', determiner: 'the' });
    expect(clause(member, { lemma: 'return', rest: 'the drill' })).toBe('the member returns the drill');
    expect(clause(THEY, { lemma: 'return', rest: 'the drill' })).toBe('they return the drill');
    expect(predicate({ lemma: 'export', modal: 'can', passive: true }, 'plural')).toBe('can be exported');
    expect(predicate({ lemma: 'renew', passive: true, negative: true }, 'singular')).toBe('is not renewed');
    expect(predicate({ lemma: 'renew', negative: true }, 'singular')).toBe('does not renew');
    expect(bareInfinitive({ lemma: 'book', rest: 'a tool' })).toBe('book a tool');
  });
});

describe('reading a verb phrase', () => {
  it('finds the lemma of a third-person verb and keeps what follows', () => {
    expect(parseVerbPhrase('submits the booking request')).toEqual({ lemma: 'submit', rest: 'the booking request' });
    expect(parseVerbPhrase('returns the drill')).toEqual({ lemma: 'return', rest: 'the drill' });
    expect(parseVerbPhrase('book a tool')).toMatchObject({ lemma: 'book', rest: 'a tool' });
  });
  it('keeps a modal and the passive', () => {
    expect(parseVerbPhrase('can be exported')).toEqual({ modal: 'can', lemma: 'export', passive: true });
    expect(parseVerbPhrase('must not share the address')).toEqual({ modal: 'must', negative: true, lemma: 'share', rest: 'the address' });
  });
  it('refuses text that does not start with a verb', () => {
    expect(parseVerbPhrase('the booking')).toBeUndefined();
    expect(parseVerbPhrase('')).toBeUndefined();
  });
  it('realises a read phrase for another subject', () => {
    const vp = parseVerbPhrase('submits the booking request');
    expect(vp && clause(THEY, vp)).toBe('they submit the booking request');
  });
});

describe('sentences', () => {
  it('capitalises, ends with one mark and leaves out empty parts', () => {
    expect(sentence('the member', undefined, 'returns the drill')).toBe('The member returns the drill.');
    expect(sentence('Is it open?')).toBe('Is it open?');
    expect(sentence('a list,', '')).toBe('A list.');
  });
  it('builds Given/When/Then from its parts', () => {
    const volunteer = nounPhrase({ head: 'volunteer', determiner: 'a', modifiers: ['signed-in'] });
    const when = clause(THEY, { lemma: 'export', rest: 'the rota' });
    const then = clause(nounPhrase({ head: 'rota', determiner: 'the' }), { lemma: 'download', passive: true, rest: 'as a file' });
    expect(givenWhenThen({ given: volunteer.text, when, then })).toBe(
      'Given a signed-in volunteer, when they export the rota, then the rota is downloaded as a file.',
    );
  });
});
