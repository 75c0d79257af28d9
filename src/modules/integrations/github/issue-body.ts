import crypto from 'node:crypto';

/**
 * What a story looks like as a GitHub issue: its title, a Markdown body (the key, the description, the acceptance
 * criteria as a task list, a link back to the story in Atelier) and a priority label. The hash of the three is kept
 * with the link, so a story whose issue would not change is not pushed again.
 */
export type StoryForIssue = {
  id: string;
  projectId: string;
  key: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  priority: 'high' | 'medium' | 'low';
};

export type RenderedIssue = { title: string; body: string; labels: string[] };

/** GitHub's limit on an issue body is 65 536 characters; a longer story is cut with a note. */
const MAX_BODY = 65_000;

export const priorityLabel = (priority: StoryForIssue['priority']) => `priority: ${priority}`;

export function storyUrl(publicUrl: string, story: Pick<StoryForIssue, 'id' | 'projectId'>): string {
  return `${publicUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(story.projectId)}/backlog/stories/${encodeURIComponent(story.id)}`;
}

/**
 * Acceptance criteria as a Markdown task list: one item per line, bullets and numbers dropped, a line already ticked
 * (`- [x]`) stays ticked, an indented line continues the item above it.
 */
export function criteriaChecklist(criteria: string): string {
  const items: Array<{ done: boolean; text: string }> = [];
  for (const raw of criteria.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) continue;
    const continues = /^\s{2,}\S/.test(raw) && items.length > 0 && !/^\s*([-*+]|\d+[.)])\s/.test(raw);
    const task = /^\s*(?:[-*+]|\d+[.)])?\s*\[( |x|X)\]\s+(.*)$/.exec(raw);
    if (continues) {
      items[items.length - 1]!.text += ` ${raw.trim()}`;
    } else if (task) {
      items.push({ done: task[1] !== ' ', text: task[2]!.trim() });
    } else {
      items.push({ done: false, text: raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim() });
    }
  }
  return items.map((item) => `- [${item.done ? 'x' : ' '}] ${item.text}`).join('\n');
}

export function renderIssue(story: StoryForIssue, publicUrl: string): RenderedIssue {
  const sections: string[] = [];
  const description = story.description.trim();
  sections.push(description || '_No description._');
  const checklist = criteriaChecklist(story.acceptanceCriteria);
  if (checklist) sections.push(`### Acceptance criteria\n\n${checklist}`);
  const footer = `---\nAtelier story [${story.key}](${storyUrl(publicUrl, story)}) · priority ${story.priority}`;
  let body = sections.join('\n\n');
  if (body.length + footer.length + 2 > MAX_BODY) body = `${body.slice(0, MAX_BODY - footer.length - 40)}\n\n_(cut: open the story for the rest)_`;
  return { title: story.title.slice(0, 256), body: `${body}\n\n${footer}`, labels: [priorityLabel(story.priority)] };
}

/** The hash of what an issue would be set to; equal hashes mean nothing to push. */
export function issueHash(issue: RenderedIssue): string {
  const canonical = JSON.stringify([issue.title, issue.body, [...issue.labels].sort()]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}
