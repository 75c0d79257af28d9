import { MODERATOR_CODE, type SessionDetail, type StopReason, type VoteRule } from './board.contract.js';

/**
 * A session's decision as a Markdown document: what was asked, who deliberated and why, where each persona ended,
 * how the votes were counted, what is recommended and against what, and what it cost. What "save to project" stores
 * and GET …/decision.md downloads.
 */

const ruleNames: Record<VoteRule, string> = {
  borda: 'Borda count (n−1 points for a first place, down to 0 for the last)',
  approval: 'Approval (one point for every option a persona finds acceptable)',
  plurality: 'Plurality (one point for a first place)',
};

const stopReasons: Record<StopReason, string> = {
  max_rounds: 'the rounds reached the session’s maximum',
  low_novelty: 'new contributions stopped adding new arguments',
  stalled_disagreement: 'the disagreement stalled: positions stopped moving',
  consensus: 'the panel converged',
  budget: 'the cost or token cap was reached, which forced the synthesis',
};

/** Text on one line of a table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Text on one line of a list item. */
function line(text: string): string {
  return text.replace(/\r?\n+/g, ' ').trim();
}

function usd(value: number): string {
  return `$${value.toFixed(value < 1 ? 4 : 2)}`;
}

/** The problem's first line, short enough for a title or a file name. */
export function decisionTitle(problem: string): string {
  const first = line(problem.split(/\r?\n/)[0] ?? problem);
  return `Decision: ${first.length > 120 ? `${first.slice(0, 117).trimEnd()}…` : first}`;
}

/** The record of a decided session; `decision` must be set. */
export function renderDecisionRecord(session: SessionDetail): string {
  const decision = session.decision;
  if (!decision) throw new Error(`Board session ${session.id} has no decision to record`);
  const out: string[] = [];
  const optionLabel = (id: string) => session.options.find((option) => option.id === id)?.label ?? id;
  const personaName = (code: string) => (code === MODERATOR_CODE ? 'Moderator' : (session.panel.find((seat) => seat.code === code)?.name ?? code));

  out.push(`# ${decisionTitle(session.problemStatement)}`, '');
  out.push(`Board session ${session.id}, asked ${session.createdAt.slice(0, 10)}; status ${session.status}.`, '');

  out.push('## Problem', '', session.problemStatement.trim(), '');
  const context = Object.entries(session.problemContext ?? {});
  if (context.length > 0) {
    out.push('## Context', '');
    for (const [key, value] of context) out.push(`- **${line(key)}**: ${line(typeof value === 'string' ? value : JSON.stringify(value))}`);
    out.push('');
  }

  out.push('## Panel', '', '| Persona | Discipline | Model | Why seated |', '| --- | --- | --- | --- |');
  for (const seat of session.panel) out.push(`| ${cell(seat.name)} | ${seat.family} | ${cell(seat.model)} | ${cell(seat.reason)} |`);
  out.push('');

  if (session.subQuestions.length > 0) {
    out.push('## Sub-questions', '');
    session.subQuestions.forEach((question, index) => out.push(`${index + 1}. ${line(question.text)}${question.families.length ? ` (${question.families.join(', ')})` : ''}`));
    out.push('');
  }

  const clarifications = session.clarifications;
  if (clarifications.length > 0) {
    out.push('## Clarifications', '');
    for (const question of clarifications) out.push(`- ${line(question.question)} — ${question.skipped || question.answer === null ? '_skipped_' : line(question.answer)}`);
    out.push('');
  }

  if (session.options.length > 0) {
    out.push('## Options', '');
    for (const option of session.options) {
      const by = option.proposedBy ? ` (proposed by ${personaName(option.proposedBy)})` : '';
      out.push(`- **${option.id}. ${line(option.label)}**${by}: ${line(option.description)}`);
    }
    out.push('');
  }

  const spoken = session.contributions.filter((c) => c.personaCode !== MODERATOR_CODE && c.duplicateOf === null);
  out.push('## Rounds', '', `${decision.rounds} round${decision.rounds === 1 ? '' : 's'}. Where each persona ended:`, '');
  for (const seat of session.panel) {
    const last = spoken.filter((c) => c.personaCode === seat.code).at(-1);
    if (!last) {
      out.push(`- **${cell(seat.name)}**: no contribution`);
      continue;
    }
    const position = last.position ? ` — for ${optionLabel(last.position)}` : '';
    const confidence = last.confidence === null ? '' : `, confidence ${last.confidence.toFixed(2)}`;
    out.push(`- **${cell(seat.name)}** (round ${last.roundNumber}${confidence})${position}: ${line(last.claim || last.content)}`);
  }
  out.push('');

  const interventions = session.contributions.filter((c) => c.phase === 'moderator_intervention');
  out.push('## Moderator interventions', '');
  if (interventions.length === 0) out.push('None: the panel did not converge without new evidence.');
  for (const intervention of interventions) out.push(`- Round ${intervention.roundNumber}: ${line(intervention.claim || intervention.content)}`);
  out.push('');

  const tally = decision.tally;
  out.push('## Tally', '', `Rule: ${ruleNames[tally.rule]}. ${tally.ballots} ballot${tally.ballots === 1 ? '' : 's'}.`, '');
  out.push('| Option | Points | First choices |', '| --- | ---: | ---: |');
  for (const score of tally.scores) out.push(`| ${cell(`${score.optionId}. ${score.label}`)} | ${score.points} | ${score.firstChoices} |`);
  out.push('');
  if (tally.tiedWith.length > 0) out.push(`Tied with the winner on points: ${tally.tiedWith.map(optionLabel).join(', ')} (broken by first choices, then by option order).`, '');
  if (tally.selfVotesExcluded > 0) out.push(`${tally.selfVotesExcluded} ballot entr${tally.selfVotesExcluded === 1 ? 'y' : 'ies'} not counted: a persona ranked its own proposal.`, '');

  out.push('## Recommendation', '', `**${line(decision.recommendation.label)}**`, '', decision.recommendation.summary.trim(), '');

  out.push('## Minority report', '');
  const minority = decision.minorityReport;
  if (minority) out.push(`**${line(minority.personaName)}** argues for **${line(minority.label)}**:`, '', minority.argument.trim(), '');
  else out.push('No dissent: every persona backed the recommendation.', '');

  out.push('## Assumptions', '');
  if (decision.assumptions.length === 0) out.push('None stated.');
  for (const assumption of decision.assumptions) out.push(`- ${line(assumption)}`);
  out.push('');

  out.push('## Baselines', '');
  const single = decision.baselines.singleModel;
  out.push(single ? `- **A single model** (${cell(single.model)}, asked once): ${line(single.label)} — ${line(single.reasoning)}` : '- **A single model**: not computed.');
  const majority = decision.baselines.roundOneMajority;
  out.push(
    majority
      ? `- **Round 1’s majority** (blind answers): ${line(majority.label)} (${Object.entries(majority.counts).map(([id, count]) => `${optionLabel(id)}: ${count}`).join(', ')})`
      : '- **Round 1’s majority**: not computed.',
  );
  out.push('');

  out.push('## What the deliberation changed', '', decision.changes.summary.trim(), '');
  for (const change of decision.changes.positionChanges) {
    out.push(`- ${line(change.personaName)} moved from ${line(optionLabel(change.from))} to ${line(optionLabel(change.to))}: ${line(change.because)}`);
  }
  if (decision.changes.positionChanges.length > 0) out.push('');

  out.push('## Cost', '');
  out.push(`- Contributions: ${session.contributions.length}, costing ${usd(session.totalCost)} and ${session.totalTokens} tokens; votes: ${session.votes.length}`);
  out.push(`- Every call of the session (framing, contributions, votes, baseline, synthesis): ${usd(session.spentUsd)} of a ${usd(session.budgetUsd)} cap, ${session.spentTokens} tokens${session.tokenCap === null ? '' : ` of a ${session.tokenCap} cap`}`);
  out.push('');

  const stop = decision.stopReason ?? session.stopReason;
  out.push('## Why the rounds stopped', '', stop ? `Stopped because ${stopReasons[stop]}${decision.budgetReached && stop !== 'budget' ? '; the budget was also reached' : ''}.` : 'Not recorded.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
