import type { PromptParts } from '../../../../core/ai/task.js';
import type { DocumentSchemaInput, SchemaDocInput, TableDocInput } from './schema.js';

const RULES = [
  'Be specific: name the tables and columns, say what a row is, what it belongs to and what refers to it.',
  'Be honest: when a meaning is inferred from a name alone, say "probably"; never invent business rules, figures or values that the facts below do not show.',
  'Sampled values may be masked (personal data): repeat them only as given, never guess the real value.',
  'Write plain, grammatical English; put table and column names in backticks.',
];

function templateRule(input: DocumentSchemaInput): string {
  if (input.scope === 'schema') {
    return input.template === 'short'
      ? 'Template "short": the description is one paragraph on what the database is about and its main tables. columns is empty.'
      : 'Template "full": the description has the sections "## Purpose", "## Main tables" (a bullet list) and "## Data notes". columns is empty.';
  }
  return input.template === 'short'
    ? 'Template "short": the table description is one paragraph; each column description is one sentence.'
    : 'Template "full": the table description has the sections "## Purpose", "## Columns" (a bullet list, one item per column), "## Relationships" and "## Data notes"; each column description has up to four sentences (meaning, nulls, uniqueness, sampled values).';
}

function tableFacts(input: TableDocInput): string {
  const { table } = input;
  const lines = [
    `Engine: ${input.engine}. Table \`${table.namespace ? `${table.namespace}.` : ''}${table.name}\` (${table.kind}), about ${table.rowEstimate ?? 'an unknown number of'} rows.`,
    table.comment ? `Its comment: ${table.comment}` : 'It has no comment.',
    `Primary key: ${table.primaryKey.length ? table.primaryKey.join(', ') : 'none'}.`,
    ...table.foreignKeys.map((fk) => `Foreign key (${fk.columns.join(', ')}) references ${fk.refTable} (${fk.refColumns.join(', ')}) on delete ${fk.onDelete}.`),
    ...table.referencedBy.map((ref) => `Referenced by ${ref.table} (${ref.columns.join(', ')}).`),
    ...table.uniques.map((u) => `Unique: (${u.join(', ')}).`),
    ...table.indexes.map((i) => `Index ${i.name}${i.unique ? ' (unique)' : ''} on (${i.columns.join(', ')}).`),
    ...table.checks.map((c) => `Check: ${c}`),
    table.viewSources.length ? `The view reads: ${table.viewSources.join(', ')}.` : '',
    'Columns:',
    ...table.columns.map((c) => `- ${JSON.stringify(c)}`),
    `Other tables of the database: ${input.neighbours.slice(0, 300).join(', ') || 'none'}.`,
  ];
  return lines.filter(Boolean).join('\n');
}

function schemaFacts(input: SchemaDocInput): string {
  return [
    `Engine: ${input.engine}. Database "${input.databaseName}", namespaces ${input.namespaces.join(', ') || 'none'}, ${input.tables.length} tables and views:`,
    ...input.tables.slice(0, 1000).map((t) => `- ${JSON.stringify(t)}`),
  ].join('\n');
}

/** What a remote model gets to document one table (or the database as a whole). */
export function documentSchemaPrompt(input: DocumentSchemaInput): PromptParts {
  return {
    system: 'You are a database engineer writing the data dictionary of a database for colleagues who will query it.',
    prompt: [
      input.scope === 'table'
        ? 'Document the table below: a description of the table and one description per column (every column, in the given order, with its exact name).'
        : 'Document the database below as a whole: what it is about and its main tables.',
      templateRule(input),
      ...RULES,
      '',
      input.scope === 'table' ? tableFacts(input) : schemaFacts(input),
    ].join('\n'),
  };
}
