import { compareOn } from '../engine/families.js';
import { factsOf } from '../engine/facts.js';
import { optionFeatures, type Feature } from '../engine/features.js';
import { quoted } from '../engine/words.js';
import type { ModeratorInput, ModeratorOutput } from './schema.js';

/**
 * The offline moderator, the panel's devil's advocate: it picks the option most unlike the consensus, makes its case
 * on the feature where the two differ most, points at what the consensus rests on without evidence (the project's
 * measure or open question when there is one), and ends with the question the panel must answer next round.
 */
export function moderateOffline(input: ModeratorInput): ModeratorOutput {
  const counts = new Map<string, number>();
  for (const p of input.positions) if (p.position) counts.set(p.position, (counts.get(p.position) ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const consensusId = input.consensus ?? majority ?? input.options[0]!.id;
  const consensus = input.options.find((o) => o.id === consensusId) ?? input.options[0]!;
  const rows = optionFeatures(input.options.map((o) => o.label));
  const at = input.options.indexOf(consensus);
  let best: { index: number; feature: Feature; gap: number } | undefined;
  input.options.forEach((option, i) => {
    if (i === at) return;
    for (const feature of Object.keys(rows[i]!) as Feature[]) {
      const gap = Math.abs(rows[i]![feature] - rows[at]![feature]);
      if (!best || gap > best.gap) best = { index: i, feature, gap };
    }
  });
  const alternative = input.options[best?.index ?? (at === 0 ? 1 : 0)]!;
  const feature = best?.feature ?? 'risk';
  const more = rows[input.options.indexOf(alternative)]![feature] > rows[at]![feature];
  const theCase = compareOn(feature, quoted(alternative.label), quoted(consensus.label), more);
  const supporters = counts.get(consensus.id) ?? 0;
  const evidence = new Set(input.positions.filter((p) => p.position === consensus.id).flatMap((p) => p.evidence));
  const project = input.problem.project;
  const metric = project?.metrics[0];
  const open = project?.openQuestions[0];
  const facts = factsOf(input.problem);
  const untested = metric
    ? `Nobody has said how ${quoted(consensus.label)} would move ${quoted(metric.name)}`
    : open
      ? `The project still leaves open ${quoted(open.replace(/[.!?]+$/, '')).replace(/\.$/, '')}, and the consensus treats it as settled`
      : facts.length === 0
        ? 'The problem gives no figures at all, so the agreement rests on reasoning rather than evidence'
        : `The agreement rests on the same few facts repeated, not on new evidence`;
  const challenge = `${theCase.charAt(0).toUpperCase()}${theCase.slice(1)}. What evidence would show that ${quoted(consensus.label)} is still the better choice once that is counted?`;
  const content = [
    `**Devil's advocate.** The panel has converged on ${quoted(consensus.label)}${supporters > 1 ? ' with little new evidence since the last round' : ''}. Before it settles, here is the strongest case against it.`,
    `- **The case for ${alternative.label}:** ${theCase}.`,
    `- **What is untested:** ${untested}.`,
    evidence.size === 0 ? '- **What is missing:** the supporters of the consensus cite no facts of their own.' : '',
    '',
    `**The question for the next round:** ${challenge.split('. ').slice(-1)[0]}`,
  ]
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
  return { targetOption: consensus.id, challenge, content };
}
