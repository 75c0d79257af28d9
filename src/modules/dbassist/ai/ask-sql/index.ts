import { defineObjectTask } from '../../../../core/ai/task.js';
import { askSqlOffline } from './offline.js';
import { askSqlPrompt } from './prompt.js';
import { askSqlInput, askSqlOutput, type AskSqlInput, type AskSqlOutput } from './schema.js';

export type { AskColumn, AskForeignKey, AskSqlInput, AskSqlOutput, AskTable, AskValue } from './schema.js';

/**
 * SQL from a question about a connection: one SELECT with an explanation and the tables it reads, or no SQL and the
 * parts of the question that could not be matched to the schema.
 */
export const askSqlTask = defineObjectTask<AskSqlInput, AskSqlOutput>({
  name: 'dbassist-ask-sql',
  generationType: 'dbassist',
  description: 'One SQL query answering a question about a database, from the tables, foreign keys, documentation, values and example queries retrieved for it',
  input: askSqlInput,
  output: askSqlOutput,
  buildPrompt: askSqlPrompt,
  prose: (output) => [{ path: 'explanation', text: output.explanation, kind: 'markdown' as const }],
  builtin: (input) => askSqlOffline(input),
});
