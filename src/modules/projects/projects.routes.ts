import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import {
  createProjectBody,
  listProjectsQuery,
  projectPageSchema,
  projectParams,
  projectSchema,
  replaceProjectBody,
  updateProjectBody,
} from './projects.contract.js';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  replaceProject,
  restoreProject,
  updateProject,
} from './projects.service.js';

const tags = ['projects'];

export async function projectsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a project (editors and up; in your personal organization unless organizationId is given)',
        body: createProjectBody,
        response: { 201: projectSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const project = await withUser(db, actor.userId, (tx) => createProject(tx, actor, request.body));
      return reply.status(201).send(project);
    },
  );

  api.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Projects newest first, of one organization or all of yours',
        querystring: listProjectsQuery,
        response: { 200: projectPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listProjects(tx, userId, request.query));
    },
  );

  api.get(
    '/projects/:id',
    { schema: { tags, summary: 'One project (deleted ones too)', params: projectParams, response: { 200: projectSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getProject(tx, request.params.id));
    },
  );

  api.put(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Replace the editable fields (editors and up); absent fields take their defaults, an absent key is kept',
        params: projectParams,
        body: replaceProjectBody,
        response: { 200: projectSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => replaceProject(tx, actor, request.params.id, request.body));
    },
  );

  api.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Change the named fields (editors and up); null clears a nullable field',
        params: projectParams,
        body: updateProjectBody,
        response: { 200: projectSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateProject(tx, actor, request.params.id, request.body));
    },
  );

  api.delete(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete (admins, owners, or the project’s owner): status deleted, hidden from lists, restorable',
        params: projectParams,
        response: { 200: projectSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => deleteProject(tx, actor, request.params.id));
    },
  );

  api.post(
    '/projects/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a deleted project back with the status it had',
        params: projectParams,
        response: { 200: projectSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => restoreProject(tx, actor, request.params.id));
    },
  );
}
