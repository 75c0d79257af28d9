import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { BoardSettings, PanelSeat } from '../board.contract.js';
import { personas } from '../board.schema.js';
import { organizationModel, personaModel } from '../settings/persona-models.js';

/** A 400 naming one body field, in the usual error shape. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}

/**
 * The seats of a panel the person chose: every code must be a built-in persona or one of the session's organization
 * (its own wins over a built-in of the same code); an unknown code is a 400 naming personaCodes and the code.
 */
export async function chosenPanel(
  tx: Tx,
  context: AppContext,
  input: { organizationId: string; codes: readonly string[]; settings: BoardSettings; chosenBy: string },
): Promise<PanelSeat[]> {
  const rows = await tx
    .select()
    .from(personas)
    .where(and(inArray(personas.code, [...input.codes]), or(isNull(personas.organizationId), eq(personas.organizationId, input.organizationId))));
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (!byCode.has(row.code) || row.organizationId !== null) byCode.set(row.code, row);
  }
  const unknown = input.codes.find((code) => !byCode.has(code));
  if (unknown !== undefined) {
    throw invalidField('personaCodes', `"${unknown}" is not a persona of the board; GET /board/personas lists them`);
  }
  const model = await organizationModel(tx, context, input.organizationId);
  return input.codes.map((code) => {
    const persona = byCode.get(code)!;
    return {
      code,
      name: persona.name,
      family: persona.family,
      expertise: persona.expertise,
      reason: `Chosen by ${input.chosenBy}`,
      model: personaModel(input.settings, code, model),
    };
  });
}
