import { capitalize } from '../../../../core/text/index.js';
import { MarkdownWriter, priorityWord, sourceText, type RenderOptions } from '../document-writer/index.js';
import type { DocumentSrs } from './schema.js';

// The SRS as Markdown, the document a project keeps.

export function renderSrs(srs: DocumentSrs, options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  const { introduction: intro, overallDescription: overall, specificRequirements: specific, appendices } = srs;
  md.heading(1, srs.title);
  md.heading(2, '1 Introduction');
  md.heading(3, '1.1 Purpose').paragraph(intro.purpose);
  md.heading(3, '1.2 Scope').paragraph(intro.scope);
  md.heading(3, '1.3 Definitions, acronyms and abbreviations').table(['Term', 'Definition'], intro.definitions.map((d) => [d.term, d.definition]), 'None.');
  md.heading(3, '1.4 References').bullets(intro.references, 'None.');
  md.heading(3, '1.5 Overview').paragraph(intro.overview);
  md.heading(2, '2 Overall description');
  md.heading(3, '2.1 Product perspective').paragraph(overall.productPerspective);
  md.heading(3, '2.2 Product functions').bullets(overall.productFunctions);
  md.heading(3, '2.3 User classes and characteristics');
  for (const userClass of overall.userClasses) md.heading(4, userClass.name).paragraph(userClass.description).bullets(userClass.characteristics);
  md.heading(3, '2.4 Operating environment').bullets(overall.operatingEnvironment);
  md.heading(3, '2.5 Design and implementation constraints').bullets(overall.constraints);
  md.heading(3, '2.6 Assumptions and dependencies');
  md.paragraph('Assumptions:').bullets(overall.assumptions);
  md.paragraph('Dependencies:').bullets(overall.dependencies, 'No outside systems are needed.');
  md.heading(2, '3 Specific requirements');
  md.heading(3, '3.1 External interface requirements');
  const kinds = ['user', 'software', 'hardware', 'communications'] as const;
  for (const kind of kinds) {
    const items = specific.externalInterfaces.filter((i) => i.kind === kind).map((i) => i.description);
    if (items.length) md.paragraph(`${capitalize(kind)} interfaces:`).bullets(items);
  }
  md.heading(3, '3.2 Functional requirements');
  md.table(['ID', 'Requirement', 'Priority'], specific.functional.map((fr) => [fr.id, fr.title, priorityWord[fr.priority]]));
  for (const fr of specific.functional) {
    md.heading(4, `${fr.id} ${fr.title}`);
    md.paragraph(fr.description);
    md.fields([['Priority', priorityWord[fr.priority]], ['Basis', fr.origin], ['Source', sourceText(fr.sources, options)]]);
    md.paragraph('Acceptance criteria:').bullets(fr.acceptanceCriteria);
  }
  md.heading(3, '3.3 Non-functional requirements');
  md.table(['ID', 'Category', 'Priority', 'Basis'], specific.nonFunctional.map((n) => [n.id, capitalize(n.category), priorityWord[n.priority], n.origin]));
  for (const nfr of specific.nonFunctional) {
    md.heading(4, `${nfr.id} ${capitalize(nfr.category)}`);
    md.paragraph(nfr.description);
    md.fields([['Measure', nfr.measure], ['Priority', priorityWord[nfr.priority]], ['Basis', nfr.origin], ['Source', sourceText(nfr.sources, options)]]);
  }
  md.heading(3, '3.4 Data requirements');
  md.table(['Entity', 'Description', 'Attributes'], specific.dataRequirements.map((d) => [d.entity, d.description, d.attributes.join(', ')]), 'No data requirements are stated.');
  md.heading(2, 'Appendix A Glossary').table(['Term', 'Meaning'], appendices.glossary.map((g) => [g.term, g.definition]), 'No terms.');
  md.heading(2, 'Appendix B Open issues').numbered(appendices.openIssues, 'None.');
  return md.toString();
}
