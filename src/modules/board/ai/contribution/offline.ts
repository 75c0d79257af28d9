import { joinList, splitSentences } from '../../../../core/text/index.js';
import { withIndefinite } from '../../../../core/text/compose/index.js';
import { FAMILIES, advantageOf, compareOn } from '../engine/families.js';
import type { Feature } from '../engine/features.js';
import { factsOf, problemText, stemsOf, type Fact } from '../engine/facts.js';
import { settlingFigure } from '../engine/kinds.js';
import { fallbackReason, saidOf, tradeOff } from '../engine/trade-offs.js';
import {
  assumptionFor,
  checkLine,
  checksFor,
  confidenceWords,
  countWord,
  factReading,
  factsForRound,
  lensSentence,
  missingAssumption,
  missingNeed,
  mitigation,
  rankFacts,
} from '../engine/persona-view.js';
import { decidingFeature, differences, ranked, scoreOptions, type ScoredOption } from '../engine/scoring.js';
import { clip, gerundPhrase, lowerFirst, quoted, wordCount } from '../engine/words.js';
import type { PeerDigest } from '../inputs.js';
import type { ContributionInput, ContributionOutput } from './schema.js';

/**
 * The offline contribution: the persona scores the options by what its discipline weighs (engine/scoring), cites
 * the facts of the problem and the project its discipline cares about (engine/facts), applies its own checks, and
 * says what it does not know. Later rounds read the anonymous peers: a challenge round answers the strongest
 * opposing claim by its label, and the position moves only when the peers' support outweighs the persona's own
 * margin, which the change reason names. Same input, same contribution.
 */
const STICKINESS = 0.1;
const PEER_PULL = 0.1;
const EVIDENCE_PULL = 0.03;
const MAX_WORDS = 250;
const MIN_WORDS = 80;

type Pulled = ScoredOption & { base: number };

function withPeers(input: ContributionInput, scored: readonly ScoredOption[]): Pulled[] {
  return scored.map((option) => {
    let score = option.score;
    if (input.own?.position === option.id) score += STICKINESS;
    for (const peer of input.others) if (peer.position === option.id) score += PEER_PULL + EVIDENCE_PULL * Math.min(peer.evidence.length, 4);
    if (input.moderator?.targetOption === option.id) score -= 0.05;
    return { ...option, base: option.score, score };
  });
}

/** The opposing peer with the most evidence behind its claim; ties by label. */
function strongestOpponent(others: readonly PeerDigest[], position: string): PeerDigest | undefined {
  return [...others]
    .filter((peer) => peer.position !== null && peer.position !== position && peer.claim.trim() !== '')
    .sort((a, b) => b.evidence.length - a.evidence.length || b.claim.length - a.claim.length || a.label.localeCompare(b.label))[0];
}

function confidenceOf(chosen: ScoredOption, rival: ScoredOption | undefined, missing: boolean, input: ContributionInput, changed: boolean): number {
  const margin = rival ? Math.min(Math.max(chosen.score - rival.score, 0), 1) : 0.5;
  let confidence = 0.5 + 0.25 * margin - (missing ? 0.08 : 0);
  const agreeing = input.others.filter((peer) => peer.position === chosen.id).length;
  if (input.others.length > 0) confidence += 0.1 * (agreeing / input.others.length) - 0.05;
  if (changed) confidence -= 0.05;
  if (input.moderator) confidence -= 0.04;
  return Math.round(Math.min(0.85, Math.max(0.3, confidence)) * 100) / 100;
}

function proposalFor(input: ContributionInput, order: readonly ScoredOption[]): ContributionOutput['proposal'] {
  if (input.round.kind !== 'exploration' || order.length < 2) return null;
  const [first, second] = [order[0]!, order[1]!];
  if (first.score - second.score > 0.35) return null;
  const small = first.features.reversibility >= second.features.reversibility ? first : second;
  const large = small === first ? second : first;
  const larger = lowerFirst(large.label);
  let label: string;
  if (/^Do not /.test(small.label)) label = `Run a time-boxed pilot before deciding on ${gerundPhrase(large.label)}`;
  else if (small.features.control < large.features.control - 0.3) label = `${small.label} now, keeping the option of ${gerundPhrase(large.label)} later`;
  else if (small.features.scale < large.features.scale - 0.3) label = `${small.label}, with a set date to decide on ${gerundPhrase(large.label)}`;
  else return null;
  if (label.length > 120 || input.options.some((o) => o.label.toLowerCase() === label.toLowerCase())) return null;
  return {
    label,
    description: `A middle path: it starts with the more reversible step, ${quoted(small.label)}, and decides on ${quoted(larger)} with the results in hand.`,
  };
}

/** The project's measure among the facts that bear on the decision, if one does: the figure a plan should move. */
function relevantMetric(relevant: readonly Fact[], problem: ContributionInput['problem']): string | undefined {
  const fact = relevant.find((f) => f.kind === 'metric');
  return fact ? problem.project?.metrics.find((m) => fact.source.startsWith(m.name.toLowerCase().replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim()))?.name : undefined;
}

/** "Expert A", "Experts A, B and C"; other labels as a plain list. */
export function expertList(labels: readonly string[]): string {
  const letters = labels.map((label) => /^Expert (\S+)$/.exec(label)?.[1]).filter((l): l is string => l !== undefined);
  if (labels.length > 1 && letters.length === labels.length) return `Experts ${joinList(letters)}`;
  return joinList(labels);
}

/**
 * The features on which the chosen option beats its rival in this persona's eyes, biggest gap first: the angles a
 * round's reasoning can take. When the persona holds its position for the panel's sake and its own weights find no
 * such feature, every difference, biggest first.
 */
function personaAngles(chosen: ScoredOption, rival: ScoredOption): Array<{ feature: Feature; more: boolean; favours: boolean }> {
  const gap = (f: Feature) => chosen.contributions[f] - rival.contributions[f];
  const all = differences(chosen, rival).map((d) => ({ ...d, favours: gap(d.feature) > 0 }));
  const favouring = all.filter((d) => d.favours).sort((a, b) => gap(b.feature) - gap(a.feature));
  return favouring.length ? favouring : all;
}

/** A reason clause ("it is easier to undo …") said of the option: "“A” is easier to undo …". */
function reasonOf(reason: string, label: string): string {
  return /^it /.test(reason) ? `${label} ${reason.slice(3)}` : reason;
}

export function contributeOffline(input: ContributionInput): ContributionOutput {
  const { persona, problem, round } = input;
  const family = FAMILIES[persona.family];
  const view = withIndefinite(family.view);
  const concern = family.concern;
  const scored = scoreOptions(persona, problem, input.options, input.seed);
  const pulled = withPeers(input, scored);
  const order = ranked(pulled);
  const chosen = order[0]!;
  const rival = order[1];
  const previous = input.own?.position ?? null;
  const changed = previous !== null && previous !== chosen.id && input.options.some((o) => o.id === previous);
  const missing = missingNeed(persona, problem);
  const frame = { statement: problem.statement, options: input.options.map((o) => o.label), subQuestions: input.subQuestions, project: problem.project };
  const relevant = rankFacts(persona, factsOf(problem), frame, input.seed);
  const facts = factsForRound(relevant, round.number);
  const deciding = rival ? decidingFeature(chosen, rival) : undefined;
  const angles = rival ? personaAngles(chosen, rival) : [];
  // Each round leads with another difference, in the order this persona weighs them.
  const angle: { feature: Feature; more: boolean; favours: boolean } | undefined = angles.length ? angles[(round.number - 1) % angles.length] : undefined;
  const label = quoted(chosen.label);
  const rivalLabel = rival ? quoted(rival.label) : undefined;
  const heldByPanel = !deciding && rival !== undefined && chosen.base < rival.base;
  // The reason is always a concrete trade-off or the figure that would settle it, never "nothing does better".
  const reason = deciding
    ? tradeOff(chosen, rival, deciding.feature, deciding.more)
    : rival
      ? fallbackReason(chosen, rival, problemText(problem), heldByPanel)
      : `it is the one course the problem names, and ${missing ?? 'the problem gives no figure against it'}`;
  const opponent = strongestOpponent(input.others, chosen.id);
  const metric = relevantMetric(relevant, problem);
  const weak = rival ? decidingFeature(rival, chosen)?.feature : undefined;

  // The claim: one sentence, the position and its main reason from this persona's discipline, said differently by round.
  let claim: string;
  if (round.kind === 'initial' || input.others.length === 0) claim = `From ${view} view, ${label} is the better choice, because ${reason}.`;
  else if (changed) claim = `From ${view} view I now back ${label}: the panel's case outweighs the margin I saw for my earlier choice, and ${reason}.`;
  else if (round.kind === 'challenge' && opponent) claim = `${opponent.label}'s case does not overturn ${label} from ${view} view, because ${reason}.`;
  else if (round.kind === 'convergence') claim = `I stay with ${label} because, for ${concern}, ${reason}.`;
  else claim = `From ${view} view I still favour ${label}, because ${reason}.`;

  // Evidence: the facts that bear on the decision, then one reasoned consequence, labelled as such.
  const evidence = facts.map((fact) => fact.text);
  if (angle && rival) evidence.push(`Reasoned consequence, not a measured fact: ${compareOn(angle.feature, label, rivalLabel!, angle.more)}.`);
  if (evidence.length === 0) evidence.push(`The problem names ${joinList(input.options.map((o) => quoted(o.label)))} and gives no further facts, so this view rests on reasoning alone.`);

  const assumptions = [assumptionFor(chosen, rival)];
  if (missing) {
    // The missing figure's assumption, unless the first one already says it ("Demand is strong enough…").
    const extra = missingAssumption(persona, chosen.label);
    const optionWords = stemsOf(input.options.map((o) => o.label).join(' '));
    const words = (text: string) => [...stemsOf(text)].filter((w) => !optionWords.has(w));
    const first = new Set(words(assumptions[0]!));
    if (!words(extra).some((w) => first.has(w))) assumptions.push(extra);
  }

  const confidence = confidenceOf(chosen, rival, missing !== undefined, input, changed);
  const previousLabel = previous ? input.options.find((o) => o.id === previous)?.label : undefined;
  const movers = input.others.filter((peer) => peer.position === chosen.id).map((peer) => peer.label);
  const changeReason = changed
    ? `${movers.length ? expertList(movers) : 'The panel'} made the stronger case for ${label}, and my margin for ${previousLabel ? quoted(previousLabel) : 'my earlier choice'} was small from ${view} view.`
    : null;
  const proposal = proposalFor(input, order);

  // The contribution as said, in Markdown: every sentence carries this persona's discipline, lens or checks.
  const parts: string[] = [`**${chosen.label}.** ${claim}`];
  if (round.kind === 'initial' || input.others.length === 0) parts.push(lensSentence(persona));
  else parts.push(panelSentence(input, chosen, rival, view));
  if (input.moderator) parts.push(`**On the moderator's challenge:** ${answerToModerator(input, chosen, rival, concern, deciding, weak, metric)}`);
  if (round.kind === 'challenge' && opponent) parts.push(rebuttal(opponent, chosen, rival, input, view));
  if (changed && changeReason) parts.push(`I have changed my position: ${lowerFirst(changeReason)}`);
  const bullets: string[] = facts.map((fact) => `- ${factReading(fact, persona, label)}`);
  const used = new Set<Feature>();
  if (angle && rival) {
    const point = angle.favours ? advantageOf(angle.feature, label, rivalLabel!, angle.more) : compareOn(angle.feature, label, rivalLabel!, angle.more);
    bullets.push(`- **Reasoned, not measured:** for ${concern}, what counts is that ${point}.`);
    used.add(angle.feature);
  }
  // Between options of different kinds, the figure that would decide it, named and never assumed.
  const settling = rival ? settlingFigure([chosen.label, rival.label], problemText(problem)) : undefined;
  if (settling?.missing && (round.number === 1 || persona.family === 'finance')) bullets.push(`- **What would settle it:** for ${concern}, ${settling.figure}; the problem gives no such figure, so I do not assume one.`);
  checksFor(persona, problem, round.number - 1, 2).forEach((check, i) => bullets.push(checkLine(check, persona, chosen, rival, used, i === 0)));
  if (missing) bullets.push(`- **What I do not know:** ${missing}.`);
  parts.push(bullets.join('\n'));
  if ((round.kind === 'convergence' || round.kind === 'challenge') && !input.moderator) parts.push(`If the panel goes with ${label}, then for ${concern} I would ${mitigation(weak, metric)}.`);
  if (proposal) parts.push(`From ${view} view I put a new option to the panel: **${proposal.label}** — ${lowerFirst(proposal.description)}`);
  parts.push(`I hold this with ${confidenceWords(confidence)} confidence from ${view} view; it assumes that ${lowerFirst(assumptions[0]!.replace(/\.$/, ''))}.`);

  return {
    position: chosen.id,
    claim: clip(claim, 600),
    evidence: evidence.slice(0, 4).map((e) => clip(e, 600)),
    assumptions: assumptions.slice(0, 3).map((a) => clip(a, 400)),
    confidence,
    positionChanged: changed,
    changeReason: changeReason ? clip(changeReason, 600) : null,
    proposal,
    content: fit(parts, input, chosen),
  };
}

function panelSentence(input: ContributionInput, chosen: ScoredOption, rival: ScoredOption | undefined, view: string): string {
  const agree = input.others.filter((peer) => peer.position === chosen.id).length;
  const total = input.others.length;
  const label = quoted(chosen.label);
  if (agree === total) {
    const against = rival ? decidingFeature(rival, chosen) : undefined;
    const weakSide = against && rival ? advantageOf(against.feature, quoted(rival.label), label, against.more) : rival ? saidOf(fallbackReason(rival, chosen, problemText(input.problem), false), rival.label) : `no other course is named to test it against`;
    return `The whole panel now leans to ${label}, so from ${view} view I test it where it is weakest: ${weakSide}.`;
  }
  if (agree === 0) return `No one else on the panel backs ${label} yet, so I add what the others have not weighed from ${view} view.`;
  return `${capitalized(countWord(agree))} of the ${countWord(total)} other experts also back ${label}; from ${view} view, here is what the earlier round left out.`;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function rebuttal(opponent: PeerDigest, chosen: ScoredOption, rival: ScoredOption | undefined, input: ContributionInput, view: string): string {
  const theirs = input.options.find((o) => o.id === opponent.position);
  const their = theirs ? quoted(theirs.label) : 'their option';
  const gap = theirs && rival && theirs.id === rival.id ? decidingFeature(chosen, rival) : undefined;
  const why = gap ? advantageOf(gap.feature, quoted(chosen.label), their, gap.more) : rival ? fallbackReason(chosen, rival, problemText(input.problem), false) : `${quoted(chosen.label)} is the one course the problem names`;
  const said = clip((splitSentences(opponent.claim)[0] ?? opponent.claim).replace(/[“"]/g, '‘').replace(/”/g, '’'), 220).replace(/[.!?…]+$/, '');
  return `${opponent.label} argues for ${their}, saying “${said}”; from ${view} view that is a fair point, but ${lowerFirst(why)}.`;
}

function answerToModerator(
  input: ContributionInput,
  chosen: ScoredOption,
  rival: ScoredOption | undefined,
  concern: string,
  deciding: { feature: Feature; more: boolean } | undefined,
  weak: Feature | undefined,
  metric: string | undefined,
): string {
  const label = quoted(chosen.label);
  const target = input.options.find((o) => o.id === input.moderator?.targetOption);
  if (target && target.id !== chosen.id) return `for ${concern} it is aimed at ${quoted(target.label)}, and it strengthens my case for ${label}.`;
  const condition = mitigation(weak, metric);
  if (!rival) return `for ${concern} no other option is named, so I keep ${label} and would ${condition}.`;
  if (!deciding) return `for ${concern} the challenge has force, and I keep ${label} only because ${fallbackReason(chosen, rival, problemText(input.problem), true)}, provided we ${condition}.`;
  const strength = reasonOf(tradeOff(chosen, rival, deciding.feature, deciding.more), label);
  return `for ${concern} the challenge weighs less than the fact that ${strength}; I keep ${label}, but would ${condition}.`;
}

/** Keeps the content between MIN_WORDS and MAX_WORDS: drops trailing bullets when long, adds the check context when short. */
function fit(parts: string[], input: ContributionInput, chosen: ScoredOption): string {
  let content = parts.join('\n\n');
  if (wordCount(content) < MIN_WORDS) {
    const others = input.options.filter((o) => o.id !== chosen.id).map((o) => quoted(o.label));
    content += `\n\nI weighed ${quoted(chosen.label)} against ${joinList(others)} on what ${FAMILIES[input.persona.family].concern} can bear and on how easily each could be undone, and where the problem gives no figure I said so rather than guess.`;
  }
  if (wordCount(content) > MAX_WORDS) {
    const lines = content.split('\n');
    while (wordCount(lines.join('\n')) > MAX_WORDS && lines.length > 3) {
      let drop = -1;
      lines.forEach((line, i) => {
        if (line.startsWith('- ')) drop = i;
      });
      if (drop < 0) break;
      lines.splice(drop, 1);
    }
    content = lines.join('\n');
  }
  return content;
}
