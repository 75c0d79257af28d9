import { REASONS } from '../engine/families.js';
import { factsOf } from '../engine/facts.js';
import { relevantFacts } from '../engine/relevance.js';
import { decidingFeature, ranked, scoreOptions } from '../engine/scoring.js';
import { quoted } from '../engine/words.js';
import type { SingleAnswerInput, SingleAnswerOutput } from './schema.js';

/**
 * The offline single-model baseline: one generalist advisor with no lens and a neutral appetite for risk, weighing
 * every feature a little. It may well differ from the panel, which is the point of keeping it.
 */
export function singleAnswerOffline(input: SingleAnswerInput): SingleAnswerOutput {
  const advisor = {
    code: 'single-advisor',
    name: 'A single advisor',
    family: 'domain' as const,
    expertise: 'general business judgement',
    lens: 'the balance of upside, cost and risk',
    checks: [],
    riskAppetite: 0,
    systemPrompt: '',
  };
  const order = ranked(scoreOptions(advisor, input.problem, input.options, input.seed));
  const best = order[0]!;
  const next = order[1];
  const deciding = next ? decidingFeature(best, next) : undefined;
  const reason = deciding ? REASONS[deciding.feature][deciding.more ? 'more' : 'less'] : 'no other option is clearly better';
  // The one fact that bears most on the decision, by the same relevance rule as the panel's; none when none does.
  const fact = relevantFacts(factsOf(input.problem), { statement: input.problem.statement, options: input.options.map((o) => o.label), project: input.problem.project }, {}, input.seed)[0];
  const sentences = [`I would choose ${quoted(best.label)}, because ${reason}.`];
  if (fact) sentences.push(`The main fact to weigh: ${fact.properStart ? fact.text : `${fact.text.charAt(0).toLowerCase()}${fact.text.slice(1)}`}`);
  if (next) sentences.push(`${quoted(next.label)} is the main alternative, and the answer could change with figures the problem does not give.`);
  return { optionId: best.id, reasoning: sentences.join(' ') };
}
