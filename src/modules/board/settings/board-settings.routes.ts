import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { boardSettingsSchema, organizationParams, updateBoardSettingsBody } from '../board.contract.js';
import { getBoardSettings, updateBoardSettings } from './board-settings.service.js';

const tags = ['board'];

/** GET and PUT /board/settings/{organizationId}. */
export async function registerBoardSettingsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const path = '/board/settings/:organizationId';

  api.get(
    path,
    { schema: { tags, summary: 'The organization’s board defaults: cost and token caps, rounds, vote rule, persona models (members)', params: organizationParams, response: { 200: boardSettingsSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getBoardSettings(tx, userId, request.params.organizationId));
    },
  );

  api.put(
    path,
    {
      schema: {
        tags,
        summary: 'Change the organization’s board defaults (admins); fields left out keep their value',
        params: organizationParams,
        body: updateBoardSettingsBody,
        response: { 200: boardSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateBoardSettings(tx, actor, request.params.organizationId, request.body));
    },
  );
}
