import type { PersonaFamily } from '../../../shared/board-kinds.js';
import { MAX_PANEL, MIN_PANEL } from '../board.contract.js';

/** What selection reads of a persona. */
export type PanelCandidate = {
  code: string;
  name: string;
  family: PersonaFamily;
  expertise: string;
  riskAppetite: number;
  keywords: readonly string[];
};

export type PanelChoice = { code: string; reason: string };

export type PanelRequest = {
  problem: string;
  subQuestions: ReadonlyArray<{ id: string; text: string; families: readonly PersonaFamily[] }>;
  seed: number;
};

/**
 * Seats 3–5 personas whose expertise covers the sub-questions, with why each was chosen.
 * (A first version: one persona per family the sub-questions name, in catalog order.)
 */
export function selectPanel(candidates: readonly PanelCandidate[], request: PanelRequest): PanelChoice[] {
  const wanted = [...new Set(request.subQuestions.flatMap((q) => q.families))];
  const chosen: PanelChoice[] = [];
  for (const family of wanted) {
    const persona = candidates.find((c) => c.family === family && !chosen.some((x) => x.code === c.code));
    if (persona) chosen.push({ code: persona.code, reason: `Covers ${family}.` });
  }
  for (const persona of candidates) {
    if (chosen.length >= MIN_PANEL) break;
    if (!chosen.some((x) => x.code === persona.code)) chosen.push({ code: persona.code, reason: 'Adds another lens.' });
  }
  return chosen.slice(0, MAX_PANEL);
}
