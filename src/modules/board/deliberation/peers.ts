import type { PeerDigest } from '../ai/index.js';
import type { PanelSeat } from '../board.contract.js';
import { latestByPersona } from './decision-parts.js';
import { clip, type DeliberationRun } from './run-context.js';
import type { ContributionRow } from './session-store.js';
import { anonymizeFor } from './shuffle.js';

/** What a persona reads of the others: in the rounds after the first, and when it votes. */

const peerDigest = (row: ContributionRow, label: string): PeerDigest => ({
  label,
  position: row.position,
  claim: clip(row.claim || row.content, 2000),
  evidence: row.evidence.slice(0, 6).map((e) => clip(e, 600)),
});

/** The others' latest contributions in the debate, anonymous and shuffled for `reader`. */
export function peersFor(
  run: DeliberationRun,
  seats: readonly PanelSeat[],
  reader: string,
  round: number,
  before: readonly ContributionRow[],
): PeerDigest[] {
  const latest = [...latestByPersona(before).values()].filter((r) => seats.some((s) => s.code === r.personaCode));
  latest.sort((a, b) => a.personaCode.localeCompare(b.personaCode));
  return anonymizeFor(reader, latest, (r) => r.personaCode, run.session.seed, round).map(({ label, item }) => peerDigest(item, label));
}
