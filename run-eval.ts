import { runQuestionSet } from './test/support/nl-to-sql-eval.js';
const name = process.argv[2]!;
const { results, accuracy } = await runQuestionSet(name);
for (const r of results) {
  console.log(`${r.correct ? 'OK ' : 'BAD'} ${r.question}`);
  if (!r.correct) console.log(`    ${r.output.sql?.replace(/\n/g, ' ') ?? 'null'} | ${r.output.notUnderstood.join(' / ')} ${r.error ?? ''}`);
}
console.log(name, (accuracy * 100).toFixed(1));
