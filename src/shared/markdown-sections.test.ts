import { describe, expect, it } from 'vitest';
import { slugifyHeading } from './block-ids.js';
import { splitMarkdownSections } from './markdown-sections.js';

describe('splitMarkdownSections', () => {
  it('splits at ATX headings with block ids from the heading path', () => {
    const markdown = [
      'Prepared for Acme.',
      '',
      '# Introduction',
      'Why this exists.',
      '## Purpose',
      'The purpose.',
      '# Specific Requirements',
      '## Functional Requirements',
      '### FR-1 Login',
      'Users log in.',
      '## Non-functional Requirements ##',
      'Fast.',
      '',
    ].join('\n');
    const sections = splitMarkdownSections(markdown);
    expect(sections.map(({ blockId, position, heading, level }) => ({ blockId, position, heading, level }))).toEqual([
      { blockId: 'intro', position: 0, heading: null, level: 0 },
      { blockId: 'introduction', position: 1, heading: 'Introduction', level: 1 },
      { blockId: 'introduction/purpose', position: 2, heading: 'Purpose', level: 2 },
      { blockId: 'specific-requirements', position: 3, heading: 'Specific Requirements', level: 1 },
      { blockId: 'specific-requirements/functional-requirements', position: 4, heading: 'Functional Requirements', level: 2 },
      { blockId: 'specific-requirements/functional-requirements/fr-1-login', position: 5, heading: 'FR-1 Login', level: 3 },
      { blockId: 'specific-requirements/non-functional-requirements', position: 6, heading: 'Non-functional Requirements', level: 2 },
    ]);
    expect(sections[0]!.bodyMd).toBe('Prepared for Acme.');
    expect(sections[5]!.bodyMd).toBe('Users log in.');
    expect(sections[3]!.bodyMd).toBe('');
  });

  it('has no intro section when the document starts with a heading, and none at all for an empty document', () => {
    expect(splitMarkdownSections('\n\n# Title\nBody').map((s) => s.blockId)).toEqual(['title']);
    expect(splitMarkdownSections('')).toEqual([]);
    expect(splitMarkdownSections('  \n\n')).toEqual([]);
    expect(splitMarkdownSections('Just text, no heading.')).toEqual([
      { blockId: 'intro', position: 0, heading: null, level: 0, bodyMd: 'Just text, no heading.' },
    ]);
  });

  it('ignores # inside fenced code blocks of either kind, until the matching fence closes', () => {
    const markdown = [
      '# Setup',
      '```bash',
      '# install dependencies',
      'npm install',
      '```',
      '~~~~',
      '# still code',
      '~~~',
      '# and still code: a shorter fence does not close',
      '~~~~',
      '## After',
      'Done.',
    ].join('\n');
    const sections = splitMarkdownSections(markdown);
    expect(sections.map((s) => s.blockId)).toEqual(['setup', 'setup/after']);
    expect(sections[0]!.bodyMd).toContain('# install dependencies');
    expect(sections[0]!.bodyMd).toContain('# and still code');
  });

  it('leaves out lines that only look like headings', () => {
    const markdown = ['#hashtag is text', '    # indented code', '####### seven is too many', '> # quoted', '- # in a list', '   ### Three spaces'].join('\n');
    const sections = splitMarkdownSections(markdown);
    expect(sections.map((s) => s.heading)).toEqual([null, 'Three spaces']);
    expect(sections[0]!.bodyMd.split('\n')).toHaveLength(5);
  });

  it('deduplicates block ids with -2, -3 and keeps the preamble id free', () => {
    const markdown = 'Preamble\n# Intro\n## Notes\n# Notes\n## Notes\n# Intro\n## Notes\n#\nempty heading\n# 🚀';
    expect(splitMarkdownSections(markdown).map((s) => s.blockId)).toEqual([
      'intro',
      'intro-2',
      'intro/notes',
      'notes',
      'notes/notes',
      'intro-3',
      'intro/notes-2',
      'section',
      'section-2',
    ]);
  });

  it('keeps block ids within 200 characters, with the most specific segments', () => {
    const long = 'word '.repeat(30);
    const markdown = ['# A', '## B ' + long, '### C ' + long, '#### D ' + long, '##### E ' + long, '###### F ' + long].join('\n');
    const ids = splitMarkdownSections(markdown).map((s) => s.blockId);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(200);
    expect(ids.at(-1)).toMatch(/\/f-word-word/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('normalises line endings and slugs headings with inline Markdown and accents', () => {
    const sections = splitMarkdownSections('# **Café** `API` [Docs](https://example.com)\r\nBody\r\n');
    expect(sections).toEqual([{ blockId: 'cafe-api-docs', position: 0, heading: '**Café** `API` [Docs](https://example.com)', level: 1, bodyMd: 'Body' }]);
    expect(slugifyHeading('3.1 Functional Requirements')).toBe('3-1-functional-requirements');
    expect(slugifyHeading('Обзор системы')).toBe('обзор-системы');
  });
});
