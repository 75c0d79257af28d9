import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { erdQuerySchema, erdSchema, saveErdSchema, savedErdSchema } from '../dbassist.contract.js';
import { splitTableList } from './viewpoint.js';
import { prepareErdSave, requireSavableErd, saveErd, schemaErd } from './erd.service.js';

const tags = ['databases'];
const schemaParams = z.object({ schemaId: z.string() });

export async function erdRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/schemas/:schemaId/erd',
    {
      schema: {
        tags,
        summary:
          'Mermaid erDiagram of a schema version, or of the tables listed in `tables` ("namespace.table" or a bare name when only one namespace has it); a name that matches no table answers 400 naming it',
        params: schemaParams,
        querystring: erdQuerySchema,
        response: { 200: erdSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const tables = request.query.tables === undefined ? undefined : splitTableList(request.query.tables);
      return withUser(db, userId, (tx) => schemaErd(tx, request.params.schemaId, tables));
    },
  );

  api.post(
    '/schemas/:schemaId/erd/save',
    {
      schema: {
        tags,
        summary:
          "Save the ER diagram (the whole version, or the tables listed) into a project's diagrams (editors of a project of the same organization)",
        params: schemaParams,
        body: saveErdSchema,
        response: { 201: savedErdSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const prepared = await withUser(db, actor.userId, (tx) => prepareErdSave(tx, actor.userId, request.params.schemaId, request.body));
      // Mermaid's parser runs outside the transaction; nothing is written when it refuses the code.
      await requireSavableErd(prepared.erd);
      const saved = await withUser(db, actor.userId, async (tx) => saveErd(tx, actor, await prepareErdSave(tx, actor.userId, request.params.schemaId, request.body), request.body));
      return reply.status(201).send(saved);
    },
  );
}
