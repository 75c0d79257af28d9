import type { StoryProposal } from '../../backlog.contract.js';
import { isGivenWhenThen } from './criteria.js';

/**
 * The points a story's size suggests, on the 1, 2, 3, 5, 8 scale, and its INVEST check. Size signals: the steps of
 * its use case, the rules and required fields of the record it changes, the other records its steps touch, and how
 * many criteria it has to meet.
 */
export const POINT_SCALE = [1, 2, 3, 5, 8] as const;

export type SizeSignals = { steps: number; rules: number; entities: number; criteria: number };

export function pointsFor(size: SizeSignals): number {
  const score = size.steps + 2 * size.rules + 2 * Math.max(0, size.entities - 1) + Math.max(0, size.criteria - 2);
  if (score <= 2) return 1;
  if (score <= 4) return 2;
  if (score <= 7) return 3;
  if (score <= 10) return 5;
  return 8;
}

/** Beyond these a story is worth splitting. */
const MAX_STEPS = 6;
const MAX_CRITERIA = 6;

export type InvestSubject = {
  ref: string;
  title: string;
  text: string;
  benefit: boolean;
  criteria: readonly string[];
  storyPoints: number | null;
  steps: number;
};

/**
 * The INVEST check of one story among the others proposed with it: dependent when it names another of them (by its
 * id or its title), too big when it has many steps or criteria or the top of the scale, untestable without a
 * Given/When/Then criterion.
 */
export function investCheck(story: InvestSubject, others: ReadonlyArray<{ ref: string; title: string }>): StoryProposal['invest'] {
  const lower = story.text.toLowerCase();
  const named = others.find(
    (other) =>
      other.ref !== story.ref &&
      ((other.ref && new RegExp(`\\b${other.ref.replace(/[^A-Za-z0-9-]/g, '')}\\b`).test(story.text)) ||
        (other.title.split(/\s+/).length >= 3 && other.title.toLowerCase() !== story.title.toLowerCase() && lower.includes(other.title.toLowerCase()))),
  );
  const testable = story.criteria.filter(isGivenWhenThen).length;
  const big = story.steps > MAX_STEPS || story.criteria.length > MAX_CRITERIA || (story.storyPoints ?? 0) >= 8;
  return [
    named
      ? { criterion: 'independent', ok: false, note: `It mentions “${named.title}”, so plan the two together or split the dependency out.` }
      : { criterion: 'independent', ok: true, note: 'It names no other proposed story.' },
    { criterion: 'negotiable', ok: true, note: 'Its criteria state results and leave the design open.' },
    story.benefit
      ? { criterion: 'valuable', ok: true, note: 'It says what the person gains.' }
      : { criterion: 'valuable', ok: false, note: 'It does not say what anyone gains, so add the benefit before accepting it.' },
    story.storyPoints === null
      ? { criterion: 'estimable', ok: false, note: 'Nothing in it shows its size yet.' }
      : { criterion: 'estimable', ok: true, note: `Its size signals suggest ${story.storyPoints} point${story.storyPoints === 1 ? '' : 's'}.` },
    big
      ? { criterion: 'small', ok: false, note: `It has ${story.steps} steps and ${story.criteria.length} criteria, so consider splitting it.` }
      : { criterion: 'small', ok: true, note: 'It fits in one sprint.' },
    testable
      ? { criterion: 'testable', ok: true, note: `It has ${testable} Given/When/Then criteri${testable === 1 ? 'on' : 'a'}.` }
      : { criterion: 'testable', ok: false, note: 'It has no Given/When/Then criterion yet, so it cannot be tested.' },
  ];
}
