import {
  boardContributionTask,
  boardFramingTask,
  boardModeratorTask,
  boardVoteTask,
  type ContributionOutput,
  type OptionInput,
  type PersonaProfile,
  type Problem,
} from '../../src/modules/board/ai/index.js';
import type { RoundKind } from '../../src/shared/board-kinds.js';

/**
 * A whole board session run on the offline engine alone, as the deliberation job would feed it: framing for the
 * sub-questions, a blind first round, later rounds that read the others anonymously (labels rotated per persona), the
 * moderator after the challenge round when the panel agrees, and a ballot from each persona's last position.
 */
const KINDS: RoundKind[] = ['initial', 'exploration', 'challenge', 'convergence'];
const LETTERS = 'ABCDEFGHIJ';

export type OfflineRound = {
  number: number;
  kind: RoundKind;
  inputs: Array<ReturnType<typeof boardContributionTask.input.parse>>;
  outputs: ContributionOutput[];
};

export function offlineSession(problem: Problem, options: OptionInput[], panel: readonly PersonaProfile[], seed = 7, rounds = 4) {
  const framing = boardFramingTask.builtin(boardFramingTask.input.parse({ problem, mayAsk: false, seed }), {});
  const subQuestions = framing.subQuestions.map((q, i) => ({ id: `q${i + 1}`, text: q.text, families: q.families }));
  const played: OfflineRound[] = [];
  let latest: ContributionOutput[] = [];
  let moderator: { challenge: string; targetOption: string | null } | null = null;
  let intervention: ReturnType<typeof boardModeratorTask.builtin> | null = null;
  for (let number = 1; number <= rounds; number++) {
    const kind = KINDS[Math.min(number - 1, KINDS.length - 1)]!;
    const inputs = panel.map((persona, i) => {
      const others =
        number === 1
          ? []
          : latest
              .map((o, j) => ({ o, j }))
              .filter(({ j }) => j !== i)
              .map(({ o }, k, all) => ({ label: `Expert ${LETTERS[(k + i) % all.length]}`, position: o.position, claim: o.claim, evidence: o.evidence }));
      const own = number === 1 ? null : { position: latest[i]!.position, claim: latest[i]!.claim, confidence: latest[i]!.confidence };
      return boardContributionTask.input.parse({ persona, problem, subQuestions, options, round: { number, kind }, own, others, moderator, seed });
    });
    const outputs = inputs.map((input) => boardContributionTask.builtin(input, {}));
    played.push({ number, kind, inputs, outputs });
    latest = outputs;
    moderator = null;
    if (kind === 'challenge') {
      const positions = outputs.map((o, i) => ({ label: `Expert ${LETTERS[i]}`, position: o.position, claim: o.claim, evidence: o.evidence }));
      const counts = new Map<string, number>();
      for (const o of outputs) counts.set(o.position, (counts.get(o.position) ?? 0) + 1);
      const consensus = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      intervention = boardModeratorTask.builtin(boardModeratorTask.input.parse({ problem, options, roundNumber: number, positions, consensus, seed }), {});
      moderator = { challenge: intervention.challenge, targetOption: intervention.targetOption };
    }
  }
  const ballots = panel.map((persona, i) => {
    const input = boardVoteTask.input.parse({
      persona,
      problem,
      options: options.map((o) => ({ ...o, own: false })),
      own: { position: latest[i]!.position, claim: latest[i]!.claim, confidence: latest[i]!.confidence },
      others: latest.filter((_, j) => j !== i).map((o, k) => ({ label: `Expert ${LETTERS[k]}`, position: o.position, claim: o.claim, evidence: o.evidence })),
      seed,
    });
    return { input, output: boardVoteTask.builtin(input, {}) };
  });
  return { subQuestions, rounds: played, intervention, ballots };
}
