import { withRoleArticle } from '../../../../core/text/compose/index.js';
import { capitalize } from '../../../../core/text/index.js';
import { MarkdownWriter, sourceText, type RenderOptions } from '../document-writer/index.js';
import type { DocumentPrd, Story } from './schema.js';

// The PRD as Markdown, the document a project keeps.

export function renderPrd(prd: DocumentPrd, options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, prd.title);
  md.heading(2, 'Summary').paragraph(prd.summary);
  md.heading(2, 'Problem').paragraph(prd.problem);
  md.heading(2, 'Goals').bullets(prd.goals);
  md.heading(2, 'Non-goals').bullets(prd.nonGoals);
  md.heading(2, 'Users and personas');
  for (const persona of prd.personas) {
    md.heading(3, persona.name).paragraph(persona.description);
    md.paragraph('Goals:').bullets(persona.goals, 'To be learned in interviews.');
    md.paragraph('Pain points:').bullets(persona.painPoints, 'To be learned in interviews.');
  }
  md.heading(2, 'User stories');
  md.table(['ID', 'Story', 'Priority'], prd.userStories.map((s) => [s.id, storyLine(s), s.priority]));
  for (const story of prd.userStories) {
    md.heading(3, `${story.id} ${capitalize(wantOf(story))}`);
    md.paragraph(storyLine(story));
    md.fields([['Priority', story.priority], ['Source', sourceText(story.sources, options)]]);
    md.paragraph('Acceptance criteria:').bullets(story.acceptanceCriteria);
  }
  md.heading(2, 'Requirement pool');
  for (const level of ['P0', 'P1', 'P2'] as const) {
    const rows = prd.requirements.filter((r) => r.priority === level);
    if (rows.length === 0) continue;
    md.heading(3, `${level} ${level === 'P0' ? 'Must have for launch' : level === 'P1' ? 'Should have soon after' : 'Nice to have'}`);
    md.table(['ID', 'Requirement', 'Kind', 'Stories'], rows.map((r) => [r.id, r.description, r.kind, r.stories.join(', ')]));
  }
  md.heading(2, 'Success metrics').table(['Metric', 'Target'], prd.successMetrics.map((m) => [m.metric, m.target]));
  md.heading(2, 'Open questions').numbered(prd.openQuestions, 'None.');
  return md.toString();
}

/** What the story wants, as a bare infinitive ("borrow a tool"), whether or not it was written with "to". */
function wantOf(story: Story): string {
  return story.want.trim().replace(/^(?:I want\s+)?to\s+/i, '').replace(/[.]+$/, '');
}

function storyLine(story: Story): string {
  const persona = story.persona.trim().replace(/^(?:an?|the)\s+/i, '');
  const benefit = story.soThat.trim().replace(/^so that\s+/i, '').replace(/[.]+$/, '');
  return `As ${withRoleArticle(persona)}, I want to ${wantOf(story)} so that ${benefit.charAt(0).toLowerCase()}${benefit.slice(1)}.`;
}
