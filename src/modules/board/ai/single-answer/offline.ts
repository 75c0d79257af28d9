import { factsOf, problemText } from '../engine/facts.js';
import { settlingFigure } from '../engine/kinds.js';
import { fallbackReason, tradeOff } from '../engine/trade-offs.js';
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
  const text = problemText(input.problem);
  // The same concrete trade-offs as the panel's, never "nothing is clearly better".
  const reason = next ? (deciding ? tradeOff(best, next, deciding.feature, deciding.more) : fallbackReason(best, next, text, false)) : 'it is the one course the problem names';
  const settling = settlingFigure(input.options.map((o) => o.label), text);
  // The one fact that bears most on the decision, by the same relevance rule as the panel's; none when none does.
  const fact = relevantFacts(factsOf(input.problem), { statement: input.problem.statement, options: input.options.map((o) => o.label), project: input.problem.project }, {}, input.seed)[0];
  const sentences = [`I would choose ${quoted(best.label)}, because ${reason}.`];
  if (fact) sentences.push(`The main fact to weigh: ${fact.properStart ? fact.text : `${fact.text.charAt(0).toLowerCase()}${fact.text.slice(1)}`}`);
  if (next && settling?.missing) sentences.push(`${quoted(next.label)} is the main alternative; what would settle it is ${settling.figure}, which the problem does not give.`);
  else if (next && settling) sentences.push(`${quoted(next.label)} is the main alternative, and the choice turns on ${settling.figure}.`);
  else if (next) sentences.push(`${quoted(next.label)} is the main alternative, and the answer could change with figures the problem does not give.`);
  return { optionId: best.id, reasoning: sentences.join(' ') };
}
