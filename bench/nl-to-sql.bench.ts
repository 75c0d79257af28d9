/**
 * Execution accuracy of the built-in questions-to-SQL engine per sample database, scored as defog's sql-eval does:
 * each question's generated SQL and its reference run on the same PGlite copy of the database and the results are
 * compared (test/fixtures/nl-to-sql/<database>.json). Prints one line per database, the misses, and the time per
 * question. Asserts nothing.
 *
 *   npm run bench:nl-to-sql
 *   BENCH_SETS=chinook npm run bench:nl-to-sql   # one set
 *   BENCH_LIVE=0 npm run bench:nl-to-sql         # values from sampled statistics only, no lookup in the data
 */
import { runQuestionSet } from '../test/support/nl-to-sql-eval.js';

const SETS = (process.env.BENCH_SETS ?? 'chinook,northwind,pagila').split(',').filter(Boolean);
const LIVE = process.env.BENCH_LIVE !== '0';

const lines: string[] = [];
for (const name of SETS) {
  const started = performance.now();
  const { results, accuracy } = await runQuestionSet(name, { live: LIVE });
  const seconds = (performance.now() - started) / 1000;
  const right = results.filter((r) => r.correct).length;
  const refused = results.filter((r) => r.output.sql === null).length;
  lines.push(`${name.padEnd(10)} execution accuracy ${(accuracy * 100).toFixed(1)}% (${right}/${results.length}), no SQL for ${refused}, ${((seconds * 1000) / results.length).toFixed(0)} ms per question with loading`);
  for (const miss of results.filter((r) => !r.correct)) {
    console.log(`  miss [${name}] ${miss.question}\n       ${miss.output.sql?.replace(/\s+/g, ' ') ?? `not understood: ${miss.output.notUnderstood.join(', ')}`}${miss.error ? `\n       error: ${miss.error}` : ''}`);
  }
}
console.log(`\nQuestions to SQL, built-in engine (${LIVE ? 'values looked up in the data' : 'sampled values only'}):`);
for (const line of lines) console.log(`  ${line}`);
