import { eq, isNull, or } from 'drizzle-orm';
import { JobFailure } from '../../../core/jobs/index.js';
import type { PersonaProfile } from '../ai/index.js';
import { MIN_PANEL, MODERATOR_CODE, type PanelSeat } from '../board.contract.js';
import { personas } from '../board.schema.js';
import { selectPanel } from '../personas/select-panel.js';
import { appendSessionEvent } from '../session-events.js';
import { readBoardSettings } from '../settings/board-settings.service.js';
import { organizationModel, personaModel } from '../settings/persona-models.js';
import { clip, type DeliberationRun } from './run-context.js';
import { advanceSession } from './session-store.js';

type PersonaRow = typeof personas.$inferSelect;

/** The seated panel as the later phases read it. */
export type SeatedPanel = {
  seats: PanelSeat[];
  /** Each seat's persona as the tasks read it, by code. */
  profiles: Map<string, PersonaProfile>;
  /** The name a code shows under in the decision (the moderator included). */
  nameOf: (code: string) => string;
  /** The model a persona runs on, when the organization chose one for it (else the organization's own). */
  modelFor: (code: string) => string | undefined;
};

/**
 * Phase 2: seats the panel when the session has none yet (selectPanel over the personas the organization sees, each
 * seat with the model it will run on) and moves the session to round 1.
 */
export async function seatPanel(run: DeliberationRun): Promise<SeatedPanel> {
  const { sessionId } = run;
  let session = await run.refresh();
  const organizationId = session.organizationId;
  const catalog = await run.inTx((tx) =>
    tx
      .select()
      .from(personas)
      .where(or(isNull(personas.organizationId), eq(personas.organizationId, organizationId))),
  );
  if (session.panel.length === 0) {
    const candidates = catalog.filter((p, _, all) => p.organizationId !== null || !all.some((o) => o.code === p.code && o.organizationId !== null));
    const choices = selectPanel(candidates, { problem: session.problemStatement, subQuestions: session.subQuestions, seed: session.seed });
    if (choices.length < MIN_PANEL) {
      throw new JobFailure('BOARD_PANEL_TOO_SMALL', `The board needs at least ${MIN_PANEL} personas to seat; ${choices.length} could be chosen`);
    }
    const seats = await seatsFor(run, choices, candidates);
    run.noteSession(
      await run.inTx(async (tx) => {
        const row = await advanceSession(tx, sessionId, { panel: seats, phase: 'initial_round', roundNumber: 1 });
        await appendSessionEvent(tx, sessionId, 'panel', { panel: row.panel });
        return row;
      }),
    );
  } else if (session.phase === 'problem_decomposition' || session.phase === 'persona_selection') {
    const roundNumber = Math.max(1, session.roundNumber);
    run.noteSession(await run.inTx((tx) => advanceSession(tx, sessionId, { phase: 'initial_round', roundNumber })));
  }
  session = run.session;
  const seats: PanelSeat[] = session.panel;
  const profiles = new Map(seats.map((seat) => [seat.code, profileOf(seat, catalog)]));
  const nameOf = (code: string) => (code === MODERATOR_CODE ? 'Moderator' : (seats.find((s) => s.code === code)?.name ?? code));

  const { personaModels } = await run.inTx((tx) => readBoardSettings(tx, organizationId));
  const modelFor = (code: string): string | undefined => personaModels[code] ?? personaModels['*'];

  return { seats, profiles, nameOf, modelFor };
}

/** A seat's persona as the tasks read it: the organization's own version of the code first, else the built-in one. */
function profileOf(seat: PanelSeat, catalog: readonly PersonaRow[]): PersonaProfile {
  const row = catalog.find((p) => p.code === seat.code && p.organizationId !== null) ?? catalog.find((p) => p.code === seat.code);
  return {
    code: seat.code,
    name: clip(seat.name, 255),
    family: seat.family,
    expertise: clip(row?.expertise ?? seat.expertise, 500),
    lens: clip(row?.lens ?? seat.expertise, 500),
    checks: (row?.checks ?? []).slice(0, 6).map((c) => clip(c, 200)),
    riskAppetite: row?.riskAppetite ?? 0,
    systemPrompt: clip(row?.systemPrompt ?? `You are ${seat.name}: ${seat.expertise}.`, 20_000),
  };
}

async function seatsFor(
  run: DeliberationRun,
  choices: ReadonlyArray<{ code: string; reason: string }>,
  candidates: readonly PersonaRow[],
): Promise<PanelSeat[]> {
  const organizationId = run.organizationId;
  const { settings, orgModel } = await run.inTx(async (tx) => ({
    settings: await readBoardSettings(tx, organizationId),
    orgModel: await organizationModel(tx, run.context, organizationId),
  }));
  return choices.map((choice) => {
    const persona = candidates.find((c) => c.code === choice.code)!;
    return {
      code: persona.code,
      name: persona.name,
      family: persona.family,
      expertise: persona.expertise,
      reason: choice.reason,
      model: personaModel(settings, persona.code, orgModel),
    };
  });
}
