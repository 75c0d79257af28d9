import { MarkdownWriter, type RenderOptions } from '../document-writer/index.js';
import type { DocumentTech } from './schema.js';

// The technical design as Markdown, the document a project keeps.

export function renderTech(tech: DocumentTech, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, tech.title);
  md.heading(2, 'Architecture');
  md.fields([['Style', tech.architecture.style]]);
  md.paragraph(tech.architecture.summary);
  md.paragraph(tech.architecture.rationale);
  md.heading(2, 'Components').table(['Component', 'Responsibility', 'Technology'], tech.components.map((c) => [c.name, c.responsibility, c.technology]));
  md.heading(2, 'Data model');
  for (const entity of tech.dataModel) {
    md.heading(3, entity.entity);
    md.table(['Attribute', 'Type'], entity.attributes.map((a) => [a.name, a.type]));
    if (entity.relations.length) md.bullets(entity.relations);
  }
  md.heading(2, 'Integrations').table(['System', 'Purpose', 'Approach'], tech.integrations.map((i) => [i.system, i.purpose, i.approach]), 'No outside systems are needed for the first release.');
  md.heading(2, 'Security').bullets(tech.security);
  md.heading(2, 'Scalability').bullets(tech.scalability);
  md.heading(2, 'Stack suggestion').table(['Layer', 'Choice', 'Why'], tech.stack.map((s) => [s.layer, s.choice, s.reason]));
  md.heading(2, 'Technical risks').table(['Risk', 'Mitigation'], tech.risks.map((r) => [r.risk, r.mitigation]), 'None identified yet.');
  return md.toString();
}
