import type { AppModule } from '../../core/module.js';
import { identityRoutes } from './identity.routes.js';

export { emailSchema, userSchema, type UserView } from './identity.contract.js';
export { toUserView, type UserRow } from './identity.service.js';
export { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

/** Accounts, sign-in, sessions and the signed-in user. */
export const identityModule: AppModule = { name: 'identity', routes: identityRoutes };
