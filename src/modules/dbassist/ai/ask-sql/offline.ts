import { joinList } from '../../../../core/text/index.js';
import { interpret } from './interpret.js';
import { buildLexicon } from './lexicon.js';
import { readQuestion } from './question.js';
import type { AskSqlInput, AskSqlOutput } from './schema.js';
import { writeSql } from './write-sql.js';

/**
 * The built-in engine: a semantic parser over the tables given. It reads the question against the schema's own words,
 * builds a plan (what is counted or measured, grouped by what, filtered how, ordered and cut where) and writes it as
 * SQL joined along foreign keys. When a part of the question means nothing it can name, it answers no SQL and says
 * which part, rather than guess.
 */
export function askSqlOffline(input: AskSqlInput): AskSqlOutput {
  const lexicon = buildLexicon(input.tables);
  const read = readQuestion(input.question, lexicon, input.values);
  const { plan, notUnderstood } = interpret(read, lexicon);
  if (!plan) return refusal(notUnderstood);
  const written = writeSql(plan, input.engine);
  if ('problem' in written) return refusal([written.problem]);
  return { sql: written.sql, explanation: written.explanation, tables: written.tables, notUnderstood: [] };
}

function refusal(parts: string[]): AskSqlOutput {
  const quoted = parts.map((part) => `"${part}"`);
  return {
    sql: null,
    explanation: `No SQL was written: ${joinList(quoted)} could not be matched to the tables, columns or values of this database. Rephrase with the names the schema uses.`,
    tables: [],
    notUnderstood: parts,
  };
}
