import { newSecretToken, hashSecret } from '../../src/core/auth/secrets.js';
import { userSessions, users } from '../../src/core/db/platform.schema.js';
import { asSystem, withUser } from '../../src/core/db/tenancy.js';
import { newId } from '../../src/core/ids.js';
import { createOrganization } from '../../src/modules/organizations/index.js';
import type { TestApp } from './test-app.js';

export type TestUser = { id: string; name: string; email: string; token: string; personalOrgId: string };

let sequence = 0;

/**
 * An active, verified account with its personal organization and a logged-in session whose access token is known,
 * made straight in the database so tests do not depend on the registration flow.
 */
export async function createUser(t: Pick<TestApp, 'database'>, options: { name?: string; email?: string } = {}): Promise<TestUser> {
  const { db } = t.database;
  sequence += 1;
  const id = newId();
  const name = options.name ?? `User ${sequence}`;
  const email = options.email ?? `user-${sequence}-${id.slice(-8)}@example.test`;
  await asSystem(db, async (tx) => {
    await tx.insert(users).values({ id, name, email, status: 'active', emailVerified: true, emailVerifiedAt: new Date() });
  });
  const actor = { userId: id, ipAddress: '127.0.0.1', userAgent: 'factories' };
  const personal = await withUser(db, id, (tx) => createOrganization(tx, actor, { name: `${name}'s workspace`, isPersonal: true }));
  const token = newSecretToken('at');
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
  await withUser(db, id, async (tx) => {
    await tx.insert(userSessions).values({
      id: newId(),
      userId: id,
      accessTokenHash: hashSecret(token),
      accessExpiresAt: inAnHour,
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
      ipAddress: '127.0.0.1',
      userAgent: 'factories',
    });
  });
  return { id, name, email, token, personalOrgId: personal.id };
}
