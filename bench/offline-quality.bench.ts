/**
 * How well the offline engine reads ideas into a project model, over the quality corpus (bench/corpus/ideas): per idea
 * and in total, for the development ideas and the held-out ones separately, entity recall and precision against the
 * domain's real records (synonym- and plural-insensitive), actor recall and key-action coverage by use cases; then the
 * time to build a model from a 2,000-word input after warm-up. Then what is drawn from each model: ER diagram entity
 * recall and precision, key actions that became a requirement or a story, chat answers to the stated facts, and the
 * texts the quality gate refuses; and the share of use cases readers judged sensible and with the right actor (among
 * those a judgement still names). No assertions (the corpus test holds the floors).
 *
 *   npm run bench:quality
 *   BENCH_VERBOSE=1 npx tsx bench/offline-quality.bench.ts     # also lists what each model found
 *   QUALITY_CORPUS=/path/to/ideas npm run bench:quality        # measures another set of ideas of the same form
 */
import { performance } from 'node:perf_hooks';
import { projectModelTask } from '../src/modules/project-model/index.js';
const buildProjectModel = (input: Parameters<typeof projectModelTask.builtin>[0]) => projectModelTask.builtin(input, {});
import { loadCorpus, type CorpusItem } from './corpus/corpus.js';
import { artifactMeasures, artifactsOf } from './corpus/artifacts.js';
import { runMeasures, type Evaluated, type MeasureResult } from './corpus/measures.js';
import { judgedUseCases } from './corpus/judged.js';

function evaluate(items: CorpusItem[]): Evaluated[] {
  return items.map((item) => ({ item, model: buildProjectModel({ projectName: item.name, idea: item.idea, answers: item.answers }) }));
}

function cell(value: number | undefined): string {
  return value === undefined ? '   –' : value.toFixed(2).padStart(4);
}

function printTable(title: string, evaluated: Evaluated[], results: MeasureResult[]): void {
  const width = Math.max(...evaluated.map(({ item }) => item.file.length), 10);
  console.log(`\n${title}`);
  console.log(`${'idea'.padEnd(width)}  ${results.map((r) => r.name).join(' | ')}`);
  for (const { item } of evaluated) {
    console.log(`${item.file.padEnd(width)}  ${results.map((r) => cell(r.perItem.get(item.file)).padEnd(r.name.length)).join(' | ')}`);
  }
  console.log(`${'TOTAL'.padEnd(width)}  ${results.map((r) => cell(r.total).padEnd(r.name.length)).join(' | ')}`);
}

function printFindings(evaluated: Evaluated[]): void {
  for (const { item, model } of evaluated) {
    console.log(`\n# ${item.file}`);
    console.log(`  actors:    ${model.actors.map((a) => `${a.name}${a.kind === 'system' ? ' (system)' : ''}`).join(', ')}`);
    console.log(`  entities:  ${model.entities.map((e) => e.name).join(', ')}`);
    console.log(`  use cases: ${model.useCases.map((u) => u.name).join('; ')}`);
    console.log(`  rules:     ${model.rules.map((r) => `${r.text}${r.quantity ? ` [${r.quantity.value} ${r.quantity.unit}]` : ''}`).join(' / ')}`);
    console.log(`  metrics:   ${model.metrics.map((m) => `${m.name} → ${m.target}`).join(' / ')}`);
    console.log(`  constraints: ${model.constraints.map((c) => `${c.category}: ${c.text}`).join(' / ')}`);
    console.log(`  open:      ${model.openQuestions.map((q) => q.question).join(' / ')}`);
  }
}

function timing(items: CorpusItem[]): void {
  const words = items.flatMap((item) => [item.idea, ...item.answers.map((a) => a.answer)]).join('\n').split(/\s+/);
  const idea = words.slice(0, 2000).join(' ');
  const input = { projectName: 'Timing', idea, answers: [] };
  buildProjectModel(input);
  const runs = 10;
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) buildProjectModel(input);
  console.log(`\n2,000-word input: ${((performance.now() - started) / runs).toFixed(1)} ms per model after warm-up`);
}

const coldStart = performance.now();
buildProjectModel({ projectName: 'Warm-up', idea: 'Members borrow tools from the library.' });
console.log(`first model (loads the tagger and WordNet): ${(performance.now() - coldStart).toFixed(0)} ms`);

// QUALITY_CORPUS=<folder> measures another set of ideas of the corpus's form.
const corpus = loadCorpus(process.env.QUALITY_CORPUS);
for (const split of ['dev', 'holdout'] as const) {
  const evaluated = evaluate(corpus.filter((item) => item.split === split));
  printTable(`${split} (${evaluated.length} ideas): the project model`, evaluated, runMeasures(evaluated));
  if (process.env.BENCH_VERBOSE) printFindings(evaluated);
  printTable(`${split}: what is drawn from it (the last column counts refused texts)`, evaluated, artifactMeasures(evaluated.map(({ item, model }) => artifactsOf(item, model))));
  const judged = judgedUseCases(evaluated);
  if (judged.judged > 0) {
    console.log(`\n${split}: use cases as readers judged them (${judged.judged} judged, ${judged.unjudged} named differently since or new)`);
    console.log(`  sensible ${judged.sensible.total.toFixed(3)} · right actor ${judged.rightActor.total.toFixed(3)}`);
  }
}
timing(corpus);
