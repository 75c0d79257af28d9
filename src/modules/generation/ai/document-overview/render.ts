import { oneLine } from '../../../../core/text/index.js';
import { MarkdownWriter, priorityWord, type RenderOptions } from '../document-writer/index.js';
import type { DocumentOverview } from './schema.js';

// The overview as Markdown, the document a project keeps.

export function renderOverview(overview: DocumentOverview, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, overview.title);
  md.raw(`_${oneLine(overview.tagline).replace(/[_*]/g, '')}_`);
  md.heading(2, 'Summary').paragraph(overview.summary);
  md.heading(2, 'Problem').paragraph(overview.problem);
  md.heading(2, 'Solution').paragraph(overview.solution);
  md.heading(2, 'Who it is for');
  for (const group of overview.audience) md.heading(3, group.name).bullets(group.needs, 'Needs to be learned in interviews.');
  md.heading(2, 'Key features').table(['Feature', 'What it does', 'Priority'], overview.keyFeatures.map((f) => [f.name, f.description, priorityWord[f.priority]]));
  md.heading(2, 'Goals').bullets(overview.goals);
  md.heading(2, 'Why it wins').bullets(overview.differentiators, 'To be worked out against the alternatives.');
  md.heading(2, 'Risks').table(['Risk', 'Mitigation'], overview.risks.map((r) => [r.risk, r.mitigation]), 'No risks identified yet.');
  md.heading(2, 'Success metrics').bullets(overview.successMetrics);
  md.heading(2, 'Next steps').numbered(overview.nextSteps);
  return md.toString();
}
