import { parseText } from '../../../../core/text/nlp/index.js';
import type { PersonaProfile, Problem } from '../inputs.js';
import { checkFeatures, compareOn, FAMILIES } from './families.js';
import type { Feature } from './features.js';
import { problemText, stemsOf, type Fact } from './facts.js';
import { relevantFacts, type DecisionFrame } from './relevance.js';
import { decidingFeature, differences, type ScoredOption } from './scoring.js';
import { keywords, lowerFirst, overlap, quoted } from './words.js';

/** The pieces of a persona's text that depend on its discipline, lens and checks. */

export function personaWords(persona: PersonaProfile): Set<string> {
  return keywords(`${persona.expertise} ${persona.lens} ${persona.checks.join(' ')}`);
}

/** The facts that bear on the decision in this persona's eyes, most relevant first; empty when none does. */
export function rankFacts(persona: PersonaProfile, facts: readonly Fact[], frame: DecisionFrame, seed: number): Fact[] {
  return relevantFacts(facts, frame, { family: persona.family, lens: stemsOf(`${persona.expertise} ${persona.lens} ${persona.checks.join(' ')}`), code: persona.code }, seed);
}

/**
 * The facts one round cites: round 1 the one or two most relevant; a later round one relevant fact round 1 did not
 * cite, in turn, or none — a later round never repeats a fact and never reaches for one that does not bear on it.
 */
export function factsForRound(relevant: readonly Fact[], roundNumber: number, per = 2): Fact[] {
  if (roundNumber <= 1) return relevant.slice(0, per);
  const pool = relevant.slice(per, per + 3);
  return pool.length ? [pool[(roundNumber - 2) % pool.length]!] : [];
}

/** A cited fact with what it means for this persona's concern, as one sentence. */
export function factReading(fact: Fact, persona: PersonaProfile, chosenLabel: string): string {
  const concern = FAMILIES[persona.family].concern;
  const clause = fact.text.replace(/[.!?…]*(”?)[.!?]*$/u, '$1').replace(/[.!?](”)$/u, '$1');
  const quantity = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|dozen|half)\b/i.test(fact.source);
  let reading: string;
  if ((fact.kind === 'metric' || fact.kind === 'constraint') && quantity) reading = `for ${concern} that is the yardstick ${chosenLabel} has to be judged against`;
  else if (fact.kind === 'constraint' && fact.category === 'budget') reading = `for ${concern} that is the limit either option has to fit within`;
  else if (fact.kind === 'constraint' && fact.category === 'schedule') reading = `for ${concern} it sets how long ${chosenLabel} has to show results`;
  else if (fact.kind === 'constraint') reading = `for ${concern} it holds whichever option is chosen`;
  else if (fact.kind === 'metric') reading = `for ${concern} it is how ${chosenLabel} would be judged`;
  else if (fact.kind === 'question') reading = `for ${concern} it is still open, and the choice should not assume an answer`;
  else if (['statement', 'context', 'answer'].includes(fact.kind)) reading = `for ${concern} it is the firmest fact the problem gives`;
  else reading = `for ${concern} that is where the choice lands first`;
  return `${clause}, and ${reading}.`;
}

/** What must hold for the persona's position when its discipline's figure is missing, as a plain statement. */
export function missingAssumption(persona: PersonaProfile, chosenLabel: string): string {
  return FAMILIES[persona.family].needs.assumes.replace('{option}', quoted(chosenLabel)).replace(/^“/, '“');
}

/** What this discipline needs and the problem does not give, as a clause; undefined when it is given. */
export function missingNeed(persona: PersonaProfile, problem: Problem): string | undefined {
  const needs = FAMILIES[persona.family].needs;
  return needs.present.test(problemText(problem)) ? undefined : needs.missing;
}

/** The persona's lens as a sentence of its own. */
export function lensSentence(persona: PersonaProfile): string {
  const lens = persona.lens.trim().replace(/[.!?]+$/, '');
  if (!lens) return `I look at this as ${FAMILIES[persona.family].view} would.`;
  const startsAsClause = /^(?:I|We|My|Our)\b/.test(lens) && (parseText(`${lens}.`)[0]?.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ?? false);
  return startsAsClause ? `${lens.charAt(0).toUpperCase()}${lens.slice(1)}.` : `My lens is ${lens.charAt(0).toLowerCase()}${lens.slice(1)}.`;
}

/** The checks this persona applies, the ones that share words with the problem first; `offset` rotates them by round. */
export function checksFor(persona: PersonaProfile, problem: Problem, offset: number, count: number): string[] {
  const words = keywords(problemText(problem));
  const checks = persona.checks.map((c) => c.trim()).filter((c) => c !== '');
  const ordered = checks.map((check, i) => ({ check, value: overlap(keywords(check), words) - i * 0.01 })).sort((a, b) => b.value - a.value).map((c) => c.check);
  if (ordered.length === 0) return [];
  return Array.from({ length: Math.min(count, ordered.length) }, (_, i) => ordered[(offset + i) % ordered.length]!);
}

/**
 * A check applied to the chosen option and its nearest rival, as a list item in Markdown. The check labels a
 * comparison only when the comparison is about what the check names (its words name a feature on which the two
 * options differ); otherwise the check is said as what the persona looks at, and that the problem does not settle it.
 */
export function checkLine(check: string, persona: PersonaProfile, chosen: ScoredOption, rival: ScoredOption | undefined, used: Set<Feature> = new Set(), first = true): string {
  const name = check.trim().replace(/[.!?:;]+$/, '');
  const asked = /\?$/.test(check.trim());
  const label = quoted(chosen.label);
  if (!rival) return `- ${asked ? `I ask “${name}?”` : `I check ${lowerFirst(name)}`}, against doing nothing, since ${label} is the only option named.`;
  const all = differences(chosen, rival).filter((d) => !used.has(d.feature));
  const diff = checkFeatures(check).map((feature) => all.find((d) => d.feature === feature)).find((d) => d !== undefined);
  if (diff) {
    used.add(diff.feature);
    const head = asked ? `**${name}?**` : `**${name.charAt(0).toUpperCase()}${name.slice(1)}:**`;
    const against = chosen.contributions[diff.feature] < rival.contributions[diff.feature] ? `, which on its own would favour ${quoted(rival.label)}` : '';
    return `- ${head} ${compareOn(diff.feature, label, quoted(rival.label), diff.more)}${against}.`;
  }
  const lead = first ? 'What I check first is' : 'I also check';
  if (asked) return `- ${first ? 'The first thing I ask' : 'I also ask'} is “${name}?”, which the problem does not answer, and I would want it answered before committing to ${label}.`;
  return `- ${lead} ${lowerFirst(name)}, which the problem does not settle, and I would want it settled before committing to ${label}.`;
}

/** What must be true for the chosen option to be right, from the feature it wins on. */
export function assumptionFor(chosen: ScoredOption, rival: ScoredOption | undefined): string {
  const label = quoted(chosen.label);
  const deciding = rival ? decidingFeature(chosen, rival) : undefined;
  if (!deciding) return `The options as labelled describe the real choice, and no figure the problem leaves out reverses the ranking.`;
  const { feature, more } = deciding;
  const table: Record<Feature, [string, string]> = {
    scale: [`Demand is strong enough to justify ${label} from the start.`, `What is learned from ${label} carries over to a larger step later.`],
    speed: ['Acting early matters more here than learning first.', 'Waiting does not cost the opportunity.'],
    reversibility: [`If ${label} disappoints, it can be wound down without lasting damage.`, `Committing fully to ${label} is what makes it work.`],
    cost: [`The extra spend on ${label} pays back within a period the company can fund.`, `The cheaper path of ${label} is enough to show whether the idea works.`],
    upside: [`The gain from ${label} is real and not only hoped for.`, 'What already works is worth more than the upside given up.'],
    control: [`The team can take on ${label} alongside its current work.`, `A provider can meet the need on terms the organisation can leave.`],
    risk: [`The organisation can absorb the downside of ${label} if it fails.`, 'The downside avoided is larger than the upside given up.'],
  };
  return table[feature][more ? 0 : 1];
}

/** A way to limit the chosen option's weak side, by the feature the rival wins on. */
export function mitigation(feature: Feature | undefined, metric: string | undefined): string {
  const measure = metric ? `which change in ${quoted(metric)} would show it worked` : 'which figure would show it worked';
  switch (feature) {
    case 'scale':
      return `stage it, so each step waits for the last one's result, and agree now ${measure}`;
    case 'speed':
      return `set a date to decide on the next step, so caution does not turn into drift`;
    case 'reversibility':
      return `set a review date and a stop criterion before starting, and agree now ${measure}`;
    case 'cost':
      return 'cap the spend and review it against results at fixed points';
    case 'upside':
      return `agree now ${measure}, so the gain is tested rather than assumed`;
    case 'control':
      return 'keep an exit clause and keep our own copy of the data';
    case 'risk':
    default:
      return 'name an owner for the main risk and a trigger that stops the plan';
  }
}

export function confidenceWords(confidence: number): string {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.6) return 'fair';
  if (confidence >= 0.45) return 'moderate';
  return 'low';
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export function countWord(n: number): string {
  return COUNT_WORDS[n] ?? 'many';
}
