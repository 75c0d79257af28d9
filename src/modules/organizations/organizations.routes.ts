import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { asSystem, withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { addMember, changeMemberRole, findUserIdByEmail, listMembers, removeMember } from './members.service.js';
import {
  addMemberBody,
  changeMemberRoleBody,
  createOrganizationBody,
  memberPageSchema,
  memberParams,
  memberSchema,
  organizationPageSchema,
  organizationParams,
  organizationSchema,
  pageQuery,
  updateOrganizationBody,
} from './organizations.contract.js';
import {
  createOrganizationForUser,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.js';

const tags = ['organizations'];
const noContent = z.null().describe('No content');

export async function organizationsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.post(
    '/organizations',
    { schema: { tags, summary: 'Create an organization (you become its owner)', body: createOrganizationBody, response: { 201: organizationSchema } } },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const organization = await withUser(db, actor.userId, (tx) => createOrganizationForUser(tx, actor, request.body));
      return reply.status(201).send(organization);
    },
  );

  api.get(
    '/organizations',
    { schema: { tags, summary: 'Organizations you are a member of', querystring: pageQuery, response: { 200: organizationPageSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listOrganizations(tx, userId, request.query));
    },
  );

  api.get(
    '/organizations/:id',
    { schema: { tags, summary: 'One organization, with your role in it', params: organizationParams, response: { 200: organizationSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getOrganization(tx, userId, request.params.id));
    },
  );

  api.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Rename, re-slug or change settings (admins and owners)',
        params: organizationParams,
        body: updateOrganizationBody,
        response: { 200: organizationSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateOrganization(tx, actor, request.params.id, request.body));
    },
  );

  api.delete(
    '/organizations/:id',
    { schema: { tags, summary: 'Delete an organization with its projects (owners; not a personal one)', params: organizationParams, response: { 204: noContent } } },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deleteOrganization(tx, actor, request.params.id));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/organizations/:id/members',
    {
      schema: {
        tags,
        summary: 'Members in the order they joined',
        params: organizationParams,
        querystring: pageQuery,
        response: { 200: memberPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listMembers(tx, userId, request.params.id, request.query));
    },
  );

  api.post(
    '/organizations/:id/members',
    {
      schema: {
        tags,
        summary: 'Add an existing account by email (admins; only owners grant owner)',
        params: organizationParams,
        body: addMemberBody,
        response: { 201: memberSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const userIdForEmail = await asSystem(db, (tx) => findUserIdByEmail(tx, request.body.email));
      const member = await withUser(db, actor.userId, (tx) =>
        addMember(tx, actor, request.params.id, request.body, userIdForEmail),
      );
      return reply.status(201).send(member);
    },
  );

  api.patch(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (admins below owner; owners any; the last owner stays)',
        params: memberParams,
        body: changeMemberRoleBody,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) =>
        changeMemberRole(tx, actor, request.params.id, request.params.userId, request.body.role),
      );
    },
  );

  api.delete(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (admins below owner; owners any) or leave (your own id)',
        params: memberParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => removeMember(tx, actor, request.params.id, request.params.userId));
      return reply.status(204).send(null);
    },
  );
}
