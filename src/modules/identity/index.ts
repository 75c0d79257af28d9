export { identityRoutes } from './identity.routes.js';
export { emailSchema, userSchema, type UserView } from './identity.contract.js';
export { toUserView, type UserRow } from './identity.service.js';
export { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
