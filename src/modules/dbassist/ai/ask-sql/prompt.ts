import type { PromptParts } from '../../../../core/ai/task.js';
import type { AskSqlInput } from './schema.js';

const RULES = [
  'Write exactly one read-only SELECT statement (no INSERT, UPDATE, DELETE, DDL, locking clause or second statement) in the dialect of the engine named below.',
  'Use only the tables and columns listed; join along the foreign keys listed; qualify column names with their table.',
  'Values named in the question that were found in the data are listed with their column: compare with them exactly as written.',
  'When a part of the question cannot be answered from these tables, answer sql null, name that part in notUnderstood and say so in the explanation; never guess a table or column.',
  'The explanation is plain English: what the rows are, the filters, the grouping and the order.',
];

function tableLines(input: AskSqlInput): string[] {
  return input.tables.flatMap((table) => [
    `Table ${table.namespace ? `${table.namespace}.` : ''}${table.name} (${table.kind})${table.description ? `: ${table.description.split('\n')[0]}` : ''}`,
    `  primary key: ${table.primaryKey.join(', ') || 'none'}`,
    ...table.foreignKeys.map((fk) => `  foreign key (${fk.columns.join(', ')}) references ${fk.refNamespace ? `${fk.refNamespace}.` : ''}${fk.refTable} (${fk.refColumns.join(', ')})`),
    ...table.columns.map((c) => {
      const sample = c.examples.length ? ` e.g. ${c.examples.slice(0, 5).map((e) => JSON.stringify(e)).join(', ')}` : '';
      const range = c.min !== null && c.max !== null ? ` range ${c.min} … ${c.max}` : '';
      return `  - ${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}${c.description ? ` — ${c.description.split('\n')[0]}` : ''}${sample}${range}`;
    }),
  ]);
}

/** What a remote model gets: the retrieved tables, the values found, similar saved queries, then the question. */
export function askSqlPrompt(input: AskSqlInput): PromptParts {
  return {
    system: 'You are a careful data analyst who turns questions about a database into one correct SQL query.',
    prompt: [
      ...RULES,
      '',
      `Engine: ${input.engine}.`,
      ...tableLines(input),
      input.values.length ? 'Values found in the data:' : '',
      ...input.values.map((v) => `  ${v.table}.${v.column} = ${JSON.stringify(v.value)}`),
      input.examples.length ? 'Queries that answered similar questions on this database:' : '',
      ...input.examples.flatMap((e) => [`  Q: ${e.question}`, `  SQL: ${e.sql.replace(/\s+/g, ' ')}`]),
      '',
      `Question: ${input.question}`,
    ].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n'),
  };
}
