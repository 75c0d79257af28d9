import { describe, expect, it } from 'vitest';
import { checkText, describeFailures, gateTexts, repairText } from './index.js';

const codes = (text: string, kind: 'prose' | 'title' | 'markdown' = 'prose') => checkText(text, kind).map((p) => p.code);

describe('the quality gate refuses broken text, naming the problem', () => {
  it.each([
    ['Given a signed-in signed-in volunteer, when they sign in, then the rota opens.', 'doubled-word'],
    ['The the member returns the drill.', 'doubled-word'],
    ['The member returns the {{entity}}.', 'template-token'],
    ['The member returns the ${entity}.', 'template-token'],
    ['The member returns the <entity>.', 'template-token'],
    ['The member returns undefined today.', 'template-token'],
    ['The member returns null today.', 'template-token'],
    ['The loan lasts NaN weeks.', 'template-token'],
    ['The member sees [object Object] on the screen.', 'template-token'],
    ["ID — As used in '| ID | Story | Priority |'; the full form is to be confirmed.", 'table-syntax'],
    ['Given a member, when they be exported, then the file opens.', 'verb-form'],
    ['Reports can exported by the treasurer.', 'verb-form'],
    ['The member must sees the tool before booking.', 'verb-form'],
    ['Volunteers want to returns the drill.', 'verb-form'],
    ['The reliable and accurate record of every loan in the library.', 'no-verb'],
  ])('%s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('refuses metadata in titles', () => {
    expect(codes('FR-18 Priority: P1 · Source: the answer', 'title')).toContain('title-metadata');
    expect(codes('P1 · Book a tool', 'title')).toContain('title-metadata');
    expect(codes('Book a tool', 'title')).toEqual([]);
  });

  it('lets good text through', () => {
    for (const text of [
      'The member returns the drill.',
      'Given a signed-in member, when they return the drill, then the loan is closed.',
      'Reports can be exported as a spreadsheet.',
      'The staff record returns at the counter.',
      'We asked that they be told in advance.',
      'A loan lasts one week.',
      'Put Drop In in front of its first users.',
      'Nobody had had a loan before.',
      'The moderator’s question and the waitlist data change the balance.',
      'We age the wheels, then sell them on to shops and restaurants.',
      'Swimmers move up to advanced after three badges.',
    ]) {
      expect(checkText(text, 'prose'), text).toEqual([]);
    }
  });
});

describe('Markdown', () => {
  const doc = [
    '# Tool library',
    '',
    '## Requirements',
    '',
    '| ID | Requirement | Priority |',
    '| --- | --- | --- |',
    '| FR-1 | Book a tool | Must |',
    '',
    'The member books a tool.',
    '',
    '- Monthly uptime from external monitoring',
    '',
    '```mermaid',
    'graph TD; A-->B; the the',
    '```',
    '',
    'Use `null` in code only.',
  ].join('\n');

  it('checks prose lines and titles, skipping fences, table headers and inline code', () => {
    expect(checkText(doc, 'markdown')).toEqual([]);
  });
  it('finds problems in prose lines, cells and headings', () => {
    expect(codes(`${doc}\n\nThe member books the the tool.`, 'markdown')).toContain('doubled-word');
    expect(codes(`${doc}\n\nSee | ID | Story | here.`, 'markdown')).toContain('table-syntax');
    expect(codes(doc.replace('Book a tool', 'Book a {{x}}'), 'markdown')).toContain('template-token');
    expect(codes(doc.replace('## Requirements', '## Priority: P1'), 'markdown')).toContain('title-metadata');
  });
  it('finds empty headings', () => {
    expect(codes('# Title\n\n## Empty\n\n## Full\n\nText is here.', 'markdown')).toEqual(['empty-heading']);
    expect(codes('# Title\n\n## Parent\n\n### Child\n\nText is here.', 'markdown')).toEqual([]);
  });
});

describe('repair, then check again', () => {
  it('collapses doubled words and drops template tokens', () => {
    expect(repairText('Given a signed-in signed-in volunteer, the the rota opens.', 'prose')).toBe('Given a signed-in volunteer, the rota opens.');
    expect(repairText('The member returns the drill {{later}}.', 'prose')).toBe('The member returns the drill.');
    // A fragment among sentences is left out; a text of fragments only is left for the check to refuse.
    expect(repairText('The member returns the drill. About 500 drills a day. The product records it.', 'prose')).toBe('The member returns the drill. The product records it.');
    expect(repairText('About 500 drills a day.', 'prose')).toBe('About 500 drills a day.');
    expect(repairText('```\nthe the\n```\nthe the end', 'markdown')).toBe('```\nthe the\n```\nthe end');
    // A name's last word before the same word in lower case is no doubling; at a sentence's start it is.
    expect(repairText('We put Drop In in front of users. In in the end it works.', 'prose')).toBe('We put Drop In in front of users. In the end it works.');
  });
  it('passes what it could repair and names what it could not', () => {
    const result = gateTexts([
      { path: 'title', text: 'Book a a tool', kind: 'title' },
      { path: 'criteria.0', text: 'Given a member, when they be exported, then it works.', kind: 'prose' },
    ]);
    expect(result.fields[0]).toMatchObject({ text: 'Book a tool', repaired: true });
    expect(result.failures.map((f) => f.path)).toEqual(['criteria.0']);
    expect(describeFailures(result.failures)).toBe('criteria.0: wrong verb form “they be”');
  });
});
