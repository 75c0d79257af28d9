import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { exportProject } from './project-export.service.js';

export async function exportsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/projects/:projectId/export.zip',
    {
      schema: {
        tags: ['exports'],
        summary:
          'The whole project as a ZIP (members): documents/*.md, diagrams/*.mmd, wireframes/*.html and a README.md index',
        params: z.object({ projectId: z.string() }),
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const file = await withUser(db, actor.userId, (tx) => exportProject(tx, actor, request.params.projectId));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.zip.buffer, file.zip.byteOffset, file.zip.byteLength));
    },
  );
}
