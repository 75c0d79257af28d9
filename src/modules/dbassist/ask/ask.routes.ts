import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { askAnswerSchema, askSchema } from '../dbassist.contract.js';
import { askQuestion } from './ask.service.js';

const tags = ['databases'];
const connectionParams = z.object({ id: z.string() });

/** POST /connections/{id}/ask: a question about the connection's data → SQL, its explanation and tables (editors and up). */
export async function askRoutes(api: ZodApp, context: AppContext): Promise<void> {
  api.post(
    '/connections/:id/ask',
    {
      schema: {
        tags,
        summary: 'SQL answering a question about the connection (editors and up), from retrieved tables, docs, values and saved queries; nothing is run',
        params: connectionParams,
        body: askSchema,
        response: { 200: askAnswerSchema },
      },
    },
    async (request) => askQuestion(context, requireUserActor(request), request.params.id, request.body),
  );
}
