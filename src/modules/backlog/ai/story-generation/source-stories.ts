import { z } from 'zod';
import { capitalize, oneLine } from '../../../../core/text/index.js';
import type { StoryPriority } from '../../backlog.contract.js';
import type { StoryGenerationInput } from './schema.js';

/**
 * The stories a document already holds, read from its structured content when its generator left one, else from its
 * Markdown: a PRD's user stories ("### US-3 Approve a quote", "As a customer, I want to … so that …", its priority and
 * criteria), an SRS's functional requirements ("#### FR-2 Book a slot", "The system shall …"), and in any other
 * document the headings numbered like requirements ("### REQ-4 Export a report").
 */
export type SourceStory = {
  /** The document's own id for it: US-3, FR-2. */
  ref: string;
  /** Verb first: "Approve a quote". */
  title: string;
  /** The person it is for, singular, lower case ("customer"), when the document says. */
  persona?: string;
  /** What they want, a bare infinitive ("approve a quote"). */
  want?: string;
  /** Why, a clause ("the work can start"). */
  soThat?: string;
  /** The requirement's own sentence, for an SRS. */
  statement?: string;
  priority?: StoryPriority;
  criteria: string[];
};

const PRIORITY: Record<string, StoryPriority> = {
  p0: 'high',
  p1: 'medium',
  p2: 'low',
  must: 'high',
  should: 'medium',
  could: 'low',
  high: 'high',
  medium: 'medium',
  low: 'low',
};

/** P0/P1/P2, Must/Should/Could or high/medium/low as the backlog's priority; undefined for anything else. */
export function priorityOf(text: string | undefined): StoryPriority | undefined {
  const word = text?.trim().toLowerCase().match(/^(p[012]|must|should|could|high|medium|low)\b/)?.[1];
  return word ? PRIORITY[word] : undefined;
}

/** "to approve a quote." → "approve a quote". */
export function bareWant(want: string): string {
  return oneLine(want).replace(/^(?:I want\s+)?to\s+/i, '').replace(/[.]+$/, '');
}

const clauseText = (text: string): string => oneLine(text).replace(/^so that\s+/i, '').replace(/[.]+$/, '');
const personaText = (text: string): string => oneLine(text).replace(/^(?:an?|the)\s+/i, '').toLowerCase();

const prdContent = z.object({
  userStories: z.array(
    z.object({
      id: z.string(),
      persona: z.string(),
      want: z.string(),
      soThat: z.string(),
      priority: z.string(),
      acceptanceCriteria: z.array(z.string()),
    }),
  ),
});

const srsContent = z.object({
  specificRequirements: z.object({
    functional: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), priority: z.string(), acceptanceCriteria: z.array(z.string()) })),
  }),
});

function fromContent(content: unknown): SourceStory[] | undefined {
  const prd = prdContent.safeParse(content);
  if (prd.success && prd.data.userStories.length) {
    return prd.data.userStories.map((story) => {
      const want = bareWant(story.want);
      const priority = priorityOf(story.priority);
      return {
        ref: story.id,
        title: capitalize(want),
        persona: personaText(story.persona),
        want,
        soThat: clauseText(story.soThat),
        ...(priority ? { priority } : {}),
        criteria: story.acceptanceCriteria.map(oneLine).filter(Boolean),
      };
    });
  }
  const srs = srsContent.safeParse(content);
  if (srs.success && srs.data.specificRequirements.functional.length) {
    return srs.data.specificRequirements.functional.map((fr) => {
      const priority = priorityOf(fr.priority);
      return {
        ref: fr.id,
        title: capitalize(oneLine(fr.title)),
        statement: oneLine(fr.description),
        ...(priority ? { priority } : {}),
        criteria: fr.acceptanceCriteria.map(oneLine).filter(Boolean),
      };
    });
  }
  return undefined;
}

/** A heading that names a numbered story or requirement: "US-3 Approve a quote", "FR-12: Export". */
const NUMBERED_HEADING = /^#{2,6}\s+(?:\*\*)?([A-Z][A-Z0-9]{0,7}-\d{1,4})\b[\s:.\-–—]*(.+?)(?:\*\*)?\s*$/;
const STORY_LINE = /^As an? (.+?),? I (?:want|need|would like) (?:to )?(.+?),? so that (.+?)\.?$/i;
const FIELD = /\*\*([A-Za-z ]+):\*\*\s*([^·*]+)/g;

/** The numbered sections of a Markdown document, each with its story line, priority field and bullets. */
export function fromMarkdown(markdown: string): SourceStory[] {
  const stories: SourceStory[] = [];
  let current: SourceStory | undefined;
  let headingLevel = 0;
  let inCode = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode) continue;
    const heading = NUMBERED_HEADING.exec(line);
    if (heading) {
      current = { ref: heading[1]!, title: capitalize(oneLine(heading[2]!.replace(/\*+/g, ''))), criteria: [] };
      headingLevel = line.indexOf(' ');
      stories.push(current);
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      // A heading of the same or a higher level ends the section; a deeper one belongs to it.
      if (current && line.indexOf(' ') <= headingLevel) current = undefined;
      continue;
    }
    if (!current || !line) continue;
    const story = STORY_LINE.exec(line);
    if (story && !current.want) {
      current.persona = personaText(story[1]!);
      current.want = bareWant(story[2]!);
      current.soThat = clauseText(story[3]!);
      continue;
    }
    for (const field of line.matchAll(FIELD)) {
      if (field[1]!.trim().toLowerCase() === 'priority') {
        const priority = priorityOf(field[2]);
        if (priority) current.priority = priority;
      }
    }
    const bullet = /^(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line);
    if (bullet) current.criteria.push(oneLine(bullet[1]!));
    else if (!current.statement && /^[A-Z].*[.!]$/.test(line) && !line.startsWith('**') && !/:$/.test(line)) current.statement = oneLine(line);
  }
  // Non-functional requirements hold for the whole product: they are criteria of other stories, not stories.
  return stories.filter((s) => s.title.length > 1 && !/^NFR-/.test(s.ref));
}

/**
 * "As a …, I want to … so that …" wherever it stands (a paragraph, a list item, a table cell), for a document whose
 * stories are not under numbered headings; each is numbered S-1, S-2 … in order, a repeated one kept once.
 */
export function storyLinesOf(markdown: string): SourceStory[] {
  const seen = new Set<string>();
  const stories: SourceStory[] = [];
  for (const raw of markdown.split('\n')) {
    for (const cell of raw.split('|')) {
      const text = oneLine(cell.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\*+/g, ''));
      const story = STORY_LINE.exec(text);
      if (!story) continue;
      const want = bareWant(story[2]!);
      if (seen.has(want.toLowerCase())) continue;
      seen.add(want.toLowerCase());
      const priority = priorityOf(/\|\s*(P[012]|Must|Should|Could|High|Medium|Low)\s*\|/i.exec(raw)?.[1]);
      stories.push({
        ref: `S-${stories.length + 1}`,
        title: capitalize(want),
        persona: personaText(story[1]!),
        want,
        soThat: clauseText(story[3]!),
        ...(priority ? { priority } : {}),
        criteria: [],
      });
    }
  }
  return stories;
}

/**
 * The document's stories: its structured content first, else its numbered sections, else its story lines; none
 * for the model alone (or a document with no stories, which the model's use cases then stand in for).
 */
export function sourceStoriesOf(source: StoryGenerationInput['source']): SourceStory[] {
  if (source.kind === 'model') return [];
  const fromStructure = fromContent(source.content);
  if (fromStructure) return fromStructure;
  const sections = fromMarkdown(source.markdown);
  return sections.length ? sections : storyLinesOf(source.markdown);
}
