import type { ModelSource, ProjectModel } from './project-model.contract.js';

const sourceWords: Record<ModelSource['kind'], string> = {
  idea: 'the idea',
  answer: 'an answer',
  document: 'a document',
  instruction: 'an instruction',
  correction: 'a correction',
  inferred: 'inferred',
};

function sourcesLine(sources: ModelSource[]): string[] {
  if (!sources.length) return [];
  const parts = sources.map((s) => (s.label ? `${sourceWords[s.kind]} (${s.label})` : sourceWords[s.kind]));
  return [`- Sources: ${[...new Set(parts)].join('; ')}`];
}

/** One line of text per line of Markdown: a stray newline in a field would otherwise start a heading or a list. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The model as canonical Markdown: the same model always reads the same, items in the model's order, references
 * shown by name (so renaming an entity shows wherever it is used). The history's diff compares two of these, and
 * other modules may show it as the model's text.
 */
export function renderModelMarkdown(model: ProjectModel): string {
  const entityName = (id: string | undefined) => (id === undefined ? '' : (model.entities.find((e) => e.id === id)?.name ?? id));
  const actorName = (id: string) => (id === 'system' ? 'System' : (model.actors.find((a) => a.id === id)?.name ?? id));
  const out: string[] = ['# Project model', ''];
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    out.push(`## ${title}`, '', ...lines, '');
  };

  section('Summary', model.summary ? [flat(model.summary)] : []);
  section('Problem', model.problem ? [flat(model.problem)] : []);

  section(
    'Actors',
    model.actors.flatMap((a) => [
      `### ${flat(a.name)} (${a.kind})`,
      '',
      ...(a.description ? [flat(a.description), ''] : []),
      ...a.needs.map((need) => `- Needs to ${flat(need).replace(/^to\s+/i, '')}`),
      ...sourcesLine(a.sources),
      '',
    ]),
  );

  section(
    'Entities',
    model.entities.flatMap((e) => {
      const relationships = model.relationships.filter((r) => r.from === e.id);
      return [
        `### ${flat(e.name)}`,
        '',
        ...(e.description ? [flat(e.description), ''] : []),
        ...e.attributes.map((a) => {
          const type = a.type === 'reference' && a.references ? `reference to ${entityName(a.references)}` : a.type === 'enum' && a.values?.length ? `one of ${a.values.join(', ')}` : a.type;
          return `- ${flat(a.name)}: ${type}${a.required ? ', required' : ''}${a.description ? ` — ${flat(a.description)}` : ''}`;
        }),
        ...(e.states.length ? [`- States: ${e.states.join(' → ')}`] : []),
        ...relationships.map((r) => `- ${flat(e.name)} ${flat(r.label)} ${entityName(r.to)} (${r.cardinality})`),
        ...sourcesLine(e.sources),
        '',
      ];
    }),
  );

  section(
    'Use cases',
    model.useCases.flatMap((u) => [
      `### ${flat(u.name)}`,
      '',
      `- Actor: ${actorName(u.actor)}`,
      ...(u.entity ? [`- Entity: ${entityName(u.entity)}`] : []),
      `- Priority: ${u.priority}`,
      ...(u.trigger ? [`- Trigger: ${flat(u.trigger)}`] : []),
      ...(u.outcome ? [`- Outcome: ${flat(u.outcome)}`] : []),
      ...u.steps.map((s, i) => `${i + 1}. ${actorName(s.actor)} ${flat(s.action)}${s.entity ? ` (${entityName(s.entity)})` : ''}`),
      ...sourcesLine(u.sources),
      '',
    ]),
  );

  section(
    'Rules',
    model.rules.map((r) => `- ${flat(r.text)}${r.entity ? ` (${entityName(r.entity)})` : ''}${r.confirmed ? ' — confirmed' : ''}`),
  );
  section('Success metrics', model.metrics.map((m) => `- ${flat(m.name)}${m.target ? `: ${flat(m.target)}` : ''}`));
  section('Constraints', model.constraints.map((c) => `- ${c.category}: ${flat(c.text)}`));
  section('Glossary', model.glossary.map((t) => `- ${flat(t.term)}: ${flat(t.definition)}`));
  section('Open questions', model.openQuestions.map((q) => `- ${flat(q.question)}`));

  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
