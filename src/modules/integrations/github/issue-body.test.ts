import { describe, expect, it } from 'vitest';
import { criteriaChecklist, issueHash, renderIssue, type StoryForIssue } from './issue-body.js';

const story: StoryForIssue = {
  id: '11111111-1111-4111-8111-111111111111',
  projectId: '22222222-2222-4222-8222-222222222222',
  key: 'MBA-12',
  title: 'Reset a forgotten password',
  description: 'As a member I want to reset my password.',
  acceptanceCriteria: '- Given a known email, when I ask for a reset, then a link is mailed.\n- [x] Given an expired link\n  when I open it, then I am told so.',
  priority: 'high',
};

describe('issue body', () => {
  it('renders the description, the criteria as a task list, a priority label and a link back', () => {
    const issue = renderIssue(story, 'https://atelier.example.com/');
    expect(issue.title).toBe('Reset a forgotten password');
    expect(issue.labels).toEqual(['priority: high']);
    expect(issue.body).toContain('As a member I want to reset my password.');
    expect(issue.body).toContain('### Acceptance criteria\n\n- [ ] Given a known email, when I ask for a reset, then a link is mailed.\n- [x] Given an expired link when I open it, then I am told so.');
    expect(issue.body).toContain(`[MBA-12](https://atelier.example.com/projects/${story.projectId}/backlog/stories/${story.id})`);
  });

  it('numbers and star bullets become tasks; empty criteria leave no section', () => {
    expect(criteriaChecklist('1. one\n* two\n\nthree')).toBe('- [ ] one\n- [ ] two\n- [ ] three');
    expect(renderIssue({ ...story, acceptanceCriteria: ' \n' }, 'http://x').body).not.toContain('Acceptance criteria');
  });

  it('hashes what would be pushed: equal for the same story, different after an edit', () => {
    const a = issueHash(renderIssue(story, 'http://x'));
    expect(issueHash(renderIssue({ ...story }, 'http://x'))).toBe(a);
    expect(issueHash(renderIssue({ ...story, title: 'Other' }, 'http://x'))).not.toBe(a);
    expect(issueHash(renderIssue({ ...story, priority: 'low' }, 'http://x'))).not.toBe(a);
  });

  it('cuts a body longer than GitHub takes', () => {
    const issue = renderIssue({ ...story, description: 'x'.repeat(80_000) }, 'http://x');
    expect(issue.body.length).toBeLessThanOrEqual(65_536);
    expect(issue.body).toContain('MBA-12');
  });
});
