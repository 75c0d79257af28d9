import { advantageOf, advantageWeight } from '../engine/families.js';
import { factsOf, problemText } from '../engine/facts.js';
import { settlingFigure, traitOf } from '../engine/kinds.js';
import { saidOf } from '../engine/trade-offs.js';
import { features, optionFeatures, type Feature } from '../engine/features.js';
import { relevantFacts } from '../engine/relevance.js';
import { quoted } from '../engine/words.js';
import type { ModeratorInput, ModeratorOutput } from './schema.js';

/**
 * The offline moderator, the panel's devil's advocate: it picks the option most unlike the consensus, makes its case
 * on the feature where the two differ most, points at what the consensus rests on without evidence (the project's
 * measure or open question when there is one), and ends with the question the panel must answer next round.
 */
/** Text as a fact's `source` holds it: lower-cased, unquoted, one line, no end punctuation. */
const f = (text: string) => text.toLowerCase().replace(/[“”"]/g, '').replace(/\s+/g, ' ').replace(/[.!?]+$/, '').trim();

export function moderateOffline(input: ModeratorInput): ModeratorOutput {
  const counts = new Map<string, number>();
  for (const p of input.positions) if (p.position) counts.set(p.position, (counts.get(p.position) ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const consensusId = input.consensus ?? majority ?? input.options[0]!.id;
  const consensus = input.options.find((o) => o.id === consensusId) ?? input.options[0]!;
  const rows = optionFeatures(input.options.map((o) => o.label));
  const at = input.options.indexOf(consensus);
  // The alternative with the strongest case: its advantages over the consensus (reach, speed, upside, a smaller
  // stake…), each weighed by how much it argues for the alternative, never the consensus's own strengths.
  type Strength = { feature: Feature; more: boolean; value: number };
  const strengthsOf = (i: number): Strength[] =>
    features
      .map((feature) => {
        const difference = rows[i]![feature] - rows[at]![feature];
        const more = difference > 0;
        return { feature, more, value: Math.abs(difference) < 0.15 ? 0 : Math.abs(difference) * advantageWeight(feature, more) };
      })
      .filter((s) => s.value > 0)
      .sort((a, b) => b.value - a.value);
  let bestIndex = at === 0 ? 1 : 0;
  let bestValue = -1;
  input.options.forEach((_, i) => {
    if (i === at) return;
    const value = strengthsOf(i)[0]?.value ?? 0;
    if (value > bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  });
  const alternative = input.options[bestIndex]!;
  const strengths = strengthsOf(bestIndex).slice(0, 2);
  const altLabel = quoted(alternative.label);
  const consensusLabel = quoted(consensus.label);
  const theCase = strengths.length
    ? strengths
        .map((s, i) => {
          // The alternative's own trade-off where its kind has one ("it can be in use within weeks"), else the general one.
          const trait = traitOf(alternative.label, s.feature, s.more ? 1 : -1, consensus.label, 'pro');
          if (trait) return i === 0 ? saidOf(trait, alternative.label) : trait;
          return i === 0 ? advantageOf(s.feature, altLabel, consensusLabel, s.more) : advantageOf(s.feature, 'it', consensusLabel, s.more);
        })
        .join(', and ')
    : fallbackCase(alternative.label, consensus.label, problemText(input.problem));
  const supporters = counts.get(consensus.id) ?? 0;
  const evidence = new Set(input.positions.filter((p) => p.position === consensus.id).flatMap((p) => p.evidence));
  const project = input.problem.project;
  const name = project?.name.trim() || 'the project';
  const facts = factsOf(input.problem);
  // What the consensus has not shown: the most relevant measure, target or open question of the project.
  const anchor = relevantFacts(facts, { statement: input.problem.statement, options: input.options.map((o) => o.label), project }, {}, input.seed).find((f) => ['metric', 'constraint', 'question'].includes(f.kind));
  const metric = anchor?.kind === 'metric' ? project?.metrics.find((m) => f(m.name) === anchor.source || anchor.source.startsWith(f(m.name))) : undefined;
  const constraint = anchor?.kind === 'constraint' ? project?.constraints.find((c) => f(c.text) === anchor.source) : undefined;
  const open = anchor?.kind === 'question' ? project?.openQuestions.find((q) => f(q) === anchor.source) : undefined;
  const untested = metric
    ? `Nobody has said how ${consensusLabel} would move ${quoted(metric.name)}`
    : constraint
      ? `Nobody has shown that ${consensusLabel} meets ${name}’s ${constraint.category === 'other' ? '' : `${constraint.category} `}constraint, ${quoted(constraint.text)}`
      : open
        ? `${name} still leaves open ${quoted(open)}, and the consensus treats it as settled`
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

/** The case for an alternative the features cannot tell from the consensus: the figure that would decide between them. */
function fallbackCase(alternative: string, consensus: string, text: string): string {
  const settling = settlingFigure([alternative, consensus], text);
  if (settling) return `${quoted(alternative)} differs from ${quoted(consensus)} in kind, and the choice turns on ${settling.figure}${settling.missing ? ', which nobody has put a number on' : ''}`;
  return `${quoted(alternative)} costs, risks and commits no more than ${quoted(consensus)} as named, and no figure in the problem separates them`;
}
