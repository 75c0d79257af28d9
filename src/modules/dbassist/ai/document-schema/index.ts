import { defineObjectTask } from '../../../../core/ai/task.js';
import { documentSchemaOffline } from './offline.js';
import { documentSchemaPrompt } from './prompt.js';
import { documentSchemaInput, documentSchemaOutput, type DocumentSchemaInput, type DocumentSchemaOutput } from './schema.js';

export type { ColumnInput, DocumentSchemaInput, DocumentSchemaOutput, SchemaDocInput, TableDocInput } from './schema.js';
export { identifierWords, rowNoun } from './names.js';

/**
 * Documentation of one table (a description and one per column) or of the whole database, in the 'short' or
 * 'full' template. Column descriptions are data-dictionary entries, often noun phrases ("The customer this order
 * belongs to"), so the gate reads them as labels; the table description is Markdown.
 */
export const documentSchemaTask = defineObjectTask<DocumentSchemaInput, DocumentSchemaOutput>({
  name: 'dbassist-document-schema',
  generationType: 'dbassist',
  description: 'Documentation of a database table and its columns (or of the whole database) from its schema, keys, comments and sampled statistics',
  input: documentSchemaInput,
  output: documentSchemaOutput,
  buildPrompt: documentSchemaPrompt,
  prose: (output) => [
    { path: 'description', text: output.description, kind: 'markdown' as const },
    ...output.columns.map((column, i) => ({ path: `columns.${i}.description`, text: column.description, kind: 'title' as const })),
  ],
  builtin: (input) => documentSchemaOffline(input),
});
