import { MarkdownWriter, type RenderOptions } from '../document-writer/index.js';
import type { DocumentMarketing } from './schema.js';

// The marketing plan as Markdown, the document a project keeps.

export function renderMarketing(plan: DocumentMarketing, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, plan.title);
  md.heading(2, 'Positioning');
  md.paragraph(plan.positioning.statement);
  md.fields([['Category', plan.positioning.category]]);
  md.paragraph('Alternatives people use today:').bullets(plan.positioning.alternatives, 'None named yet.');
  md.heading(2, 'Audience segments');
  for (const segment of plan.audienceSegments) {
    md.heading(3, segment.name).paragraph(segment.description);
    md.paragraph('Needs:').bullets(segment.needs);
    md.paragraph('Where to reach them:').bullets(segment.whereToReach);
  }
  md.heading(2, 'Value proposition').paragraph(`**${plan.valueProposition.headline.replace(/\*/g, '')}**`).bullets(plan.valueProposition.points);
  md.heading(2, 'Channels');
  for (const channel of plan.channels) md.heading(3, channel.channel).paragraph(channel.why).bullets(channel.tactics);
  md.heading(2, 'Launch plan');
  for (const phase of plan.launchPlan) {
    md.heading(3, `${phase.phase} (${phase.timing})`);
    md.fields([['Goal', phase.goal]]);
    md.bullets(phase.activities);
  }
  md.heading(2, 'Messaging').table(['Audience', 'Message', 'Proof points'], plan.messaging.map((m) => [m.audience, m.message, m.proofPoints.join(' ')]));
  md.heading(2, 'Metrics').bullets(plan.metrics);
  return md.toString();
}
