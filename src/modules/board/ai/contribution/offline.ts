import { withIndefinite } from '../../../../core/text/compose/index.js';
import { FAMILIES, REASONS, compareOn } from '../engine/families.js';
import type { Feature } from '../engine/features.js';
import { factsOf } from '../engine/facts.js';
import {
  assumptionFor,
  checkLine,
  checksFor,
  confidenceWords,
  countWord,
  factsForRound,
  lensSentence,
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

function factLines(facts: readonly { text: string }[]): string[] {
  return facts.map((fact) => `- ${fact.text}`);
}

export function contributeOffline(input: ContributionInput): ContributionOutput {
  const { persona, problem, round } = input;
  const family = FAMILIES[persona.family];
  const scored = scoreOptions(persona, problem, input.options, input.seed);
  const pulled = withPeers(input, scored);
  const order = ranked(pulled);
  const chosen = order[0]!;
  const rival = order[1];
  const previous = input.own?.position ?? null;
  const changed = previous !== null && previous !== chosen.id && input.options.some((o) => o.id === previous);
  const missing = missingNeed(persona, problem);
  const facts = factsForRound(rankFacts(persona, factsOf(problem), problem, input.seed), round.number);
  const deciding = rival ? decidingFeature(chosen, rival) : undefined;
  const roundFeatures = rival ? differences(chosen, rival) : [];
  // Each round leads with another difference, so a later round says something the first did not.
  const angle: { feature: Feature; more: boolean } | undefined = roundFeatures.length ? roundFeatures[(round.number - 1) % roundFeatures.length] : undefined;
  const label = quoted(chosen.label);
  const rivalLabel = rival ? quoted(rival.label) : undefined;
  const reason = deciding ? REASONS[deciding.feature][deciding.more ? 'more' : 'less'] : 'no other option named does better on what I weigh';
  const opponent = strongestOpponent(input.others, chosen.id);
  const metric = problem.project?.metrics[0]?.name;

  // The claim: one sentence, the position and its main reason, said differently by round.
  let claim: string;
  if (round.kind === 'initial' || input.others.length === 0) claim = `From ${withIndefinite(family.view)} view, ${label} is the better choice, because ${reason}.`;
  else if (changed) claim = `I now back ${label}: the panel's case outweighs the margin I saw for my earlier choice, and ${reason}.`;
  else if (round.kind === 'challenge' && opponent) claim = `${opponent.label}'s case does not overturn ${label}, because ${reason}.`;
  else if (round.kind === 'convergence') claim = `I stay with ${label}, provided the plan keeps its weak side in check.`;
  else claim = `I still favour ${label}, because ${reason}.`;

  // Evidence: facts of the problem and project, then one reasoned consequence, labelled as such.
  const evidence = facts.map((fact) => fact.text);
  if (angle && rival) evidence.push(`Reasoned consequence, not a measured fact: ${compareOn(angle.feature, label, rivalLabel!, angle.more)}.`);
  if (evidence.length === 0) evidence.push(`The problem names ${input.options.map((o) => quoted(o.label)).join(' and ')} and gives no further facts, so this view rests on reasoning alone.`);

  const assumptions = [assumptionFor(chosen, rival)];
  if (missing) assumptions.push(`Nothing the problem leaves out reverses this: ${missing}.`);

  const confidence = confidenceOf(chosen, rival, missing !== undefined, input, changed);
  const previousLabel = previous ? input.options.find((o) => o.id === previous)?.label : undefined;
  const movers = input.others.filter((peer) => peer.position === chosen.id).map((peer) => peer.label);
  const changeReason = changed
    ? `${movers.length ? movers.join(' and ') : 'The panel'} made the stronger case for ${label}, and my margin for ${previousLabel ? quoted(previousLabel) : 'my earlier choice'} was small from ${withIndefinite(family.view)} view.`
    : null;
  const proposal = proposalFor(input, order);

  // The contribution as said, in Markdown.
  const parts: string[] = [`**${chosen.label}.** ${claim}`];
  if (round.kind === 'initial' || input.others.length === 0) parts.push(lensSentence(persona));
  else parts.push(panelSentence(input, chosen));
  if (input.moderator) parts.push(`The moderator asks: ${input.moderator.challenge.trim()} My answer: ${answerToModerator(input, chosen, rival)}`);
  if (round.kind === 'challenge' && opponent) parts.push(rebuttal(opponent, chosen, rival, input));
  if (changed && changeReason) parts.push(`I have changed my position. ${changeReason}`);
  const bullets: string[] = [...factLines(facts)];
  const used = new Set<Feature>();
  if (angle && rival) {
    bullets.push(`- **Reasoned, not measured:** ${compareOn(angle.feature, label, rivalLabel!, angle.more)}.`);
    used.add(angle.feature);
  }
  for (const check of checksFor(persona, problem, round.number - 1, 2)) bullets.push(checkLine(check, persona, chosen, rival, used));
  if (missing) bullets.push(`- **What I do not know:** ${missing}.`);
  parts.push(bullets.join('\n'));
  if (round.kind === 'convergence' || round.kind === 'challenge') {
    const weak = rival ? decidingFeature(rival, chosen)?.feature : undefined;
    parts.push(`If the panel goes with ${label}, ${mitigation(weak, metric)}.`);
  }
  if (proposal) parts.push(`I put a new option to the panel: **${proposal.label}**. ${proposal.description}`);
  parts.push(`I hold this with ${confidenceWords(confidence)} confidence; it assumes that ${lowerFirst(assumptions[0]!.replace(/\.$/, ''))}.`);

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

function panelSentence(input: ContributionInput, chosen: ScoredOption): string {
  const agree = input.others.filter((peer) => peer.position === chosen.id).length;
  const total = input.others.length;
  if (agree === total) return `The whole panel now leans to ${quoted(chosen.label)}, which is a reason to test it harder, not to relax.`;
  if (agree === 0) return `No one else on the panel backs ${quoted(chosen.label)} yet, so I add what the others have not weighed.`;
  return `${capitalized(countWord(agree))} of the ${countWord(total)} other experts also back ${quoted(chosen.label)}; here is what the earlier round left out.`;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function rebuttal(opponent: PeerDigest, chosen: ScoredOption, rival: ScoredOption | undefined, input: ContributionInput): string {
  const theirs = input.options.find((o) => o.id === opponent.position);
  const their = theirs ? quoted(theirs.label) : 'their option';
  const gap = theirs && rival && theirs.id === rival.id ? decidingFeature(chosen, rival) : undefined;
  const why = gap ? compareOn(gap.feature, quoted(chosen.label), their, gap.more) : `${quoted(chosen.label)} still scores better on what I weigh`;
  return `${opponent.label} argues for ${their}: “${clip(opponent.claim.replace(/[“"]/g, '‘').replace(/”/g, '’'), 220).replace(/[.!?]+$/, '')}.” That is a fair point, but ${lowerFirst(why)}.`;
}

function answerToModerator(input: ContributionInput, chosen: ScoredOption, rival: ScoredOption | undefined): string {
  if (input.moderator?.targetOption === chosen.id && rival) {
    const weak = decidingFeature(rival, chosen);
    return weak ? `the challenge lands on ${weak.feature === 'cost' ? 'the spend' : `the ${weak.feature}`} of ${quoted(chosen.label)}, and I accept it; I keep the position but ${mitigation(weak.feature, input.problem.project?.metrics[0]?.name)}.` : `I do not see a feature on which ${quoted(rival.label)} wins, so I keep my position.`;
  }
  return `the challenge is aimed elsewhere, and it strengthens my case for ${quoted(chosen.label)}.`;
}

/** Keeps the content between MIN_WORDS and MAX_WORDS: drops trailing bullets when long, adds the check context when short. */
function fit(parts: string[], input: ContributionInput, chosen: ScoredOption): string {
  let content = parts.join('\n\n');
  if (wordCount(content) < MIN_WORDS) {
    const others = input.options.filter((o) => o.id !== chosen.id).map((o) => quoted(o.label));
    content += `\n\nI weighed ${quoted(chosen.label)} against ${others.join(' and ')} on what ${FAMILIES[input.persona.family].concern} can bear, and on how easily each could be undone if it goes wrong. Where the problem gives no figure, I said so rather than guess.`;
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
