import { parseText } from '../../../../core/text/nlp/index.js';
import type { PersonaProfile, Problem } from '../inputs.js';
import { compareOn, FAMILIES, featureOf } from './families.js';
import type { Feature } from './features.js';
import { problemText, type Fact } from './facts.js';
import { decidingFeature, differences, type ScoredOption } from './scoring.js';
import { decisionSentence } from './options.js';
import { keywords, overlap, quoted, unit } from './words.js';

/** The pieces of a persona's text that depend on its discipline, lens and checks. */

export function personaWords(persona: PersonaProfile): Set<string> {
  return keywords(`${persona.expertise} ${persona.lens} ${persona.checks.join(' ')}`);
}

/** The facts in the order this persona would cite them: its discipline's first, then what its lens shares. */
export function rankFacts(persona: PersonaProfile, facts: readonly Fact[], problem: Problem, seed: number): Fact[] {
  const own = personaWords(persona);
  const decision = keywords(decisionSentence(problem.statement));
  const score = (fact: Fact) =>
    (fact.families.includes(persona.family) ? 3 : 0) + overlap(fact.words, own) + 0.7 * overlap(fact.words, decision) + (fact.fromProject ? 0.5 : 0) + 0.3 * unit(`${persona.code}:${fact.key}`, seed);
  return [...facts].map((fact) => ({ fact, value: score(fact) })).sort((a, b) => b.value - a.value || a.fact.key.localeCompare(b.fact.key)).map((entry) => entry.fact);
}

/**
 * The facts for one round: two new ones per round, at least one from the project when there is a project, so a
 * later round cites what an earlier one did not.
 */
export function factsForRound(ordered: readonly Fact[], roundNumber: number, per = 2): Fact[] {
  if (ordered.length === 0) return [];
  const project = ordered.filter((f) => f.fromProject);
  const other = ordered.filter((f) => !f.fromProject);
  const pickFrom = (list: readonly Fact[], index: number) => (list.length ? list[index % list.length] : undefined);
  const round = roundNumber - 1;
  const chosen: Fact[] = [];
  const a = project.length ? pickFrom(project, round) : pickFrom(other, round * per);
  const b = project.length ? pickFrom(other.length ? other : project, other.length ? round : round + 1) : pickFrom(other, round * per + 1);
  for (const fact of [a, b]) if (fact && !chosen.includes(fact)) chosen.push(fact);
  return chosen.slice(0, per);
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

/** A check applied to the chosen option and its nearest rival, as a list item in Markdown. */
export function checkLine(check: string, persona: PersonaProfile, chosen: ScoredOption, rival: ScoredOption | undefined, used: Set<Feature> = new Set()): string {
  const name = check.replace(/[.!?:;]+$/, '');
  const head = /\?$/.test(check.trim()) ? `**${name}?**` : `**${name.charAt(0).toUpperCase()}${name.slice(1)}:**`;
  if (!rival) return `- ${head} ${quoted(chosen.label)} is the only option named, so the check is against doing nothing.`;
  const wanted = featureOf(check) ?? topFeature(persona);
  const all = differences(chosen, rival).filter((d) => !used.has(d.feature));
  const diff = all.find((d) => d.feature === wanted) ?? all[0];
  if (diff) used.add(diff.feature);
  if (!diff) return `- ${head} the labels alone do not separate ${quoted(chosen.label)} from ${quoted(rival.label)} here; it takes figures the problem does not give.`;
  return `- ${head} ${compareOn(diff.feature, quoted(chosen.label), quoted(rival.label), diff.more)}.`;
}

function topFeature(persona: PersonaProfile): Feature {
  const weights = Object.entries(FAMILIES[persona.family].weights) as Array<[Feature, number]>;
  return weights.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0]?.[0] ?? 'risk';
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
