import { apiRequest } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  emailOnlyBody,
  loginBody,
  messageSchema,
  registerBody,
  registrationReceiptSchema,
  resetPasswordBody,
  sessionGrantSchema,
  updateMeBody,
  userEnvelopeSchema,
  userSchema,
} from '../../../modules/identity/identity.contract';

/** The identity API: registration, sign-in, password reset and the signed-in user's account (/me). */

export type User = ResponseOf<typeof userSchema>;
export type SessionGrant = ResponseOf<typeof sessionGrantSchema>;
type UserEnvelope = ResponseOf<typeof userEnvelopeSchema>;
type Message = ResponseOf<typeof messageSchema>;
type RegistrationReceipt = ResponseOf<typeof registrationReceiptSchema>;

export const identityApi = {
  register: (input: RequestOf<typeof registerBody>) => apiRequest<RegistrationReceipt>('POST', '/auth/register', { body: input }),
  verifyEmail: (token: string) => apiRequest<UserEnvelope>('POST', '/auth/verify-email', { body: { token } }),
  login: (input: RequestOf<typeof loginBody>) => apiRequest<SessionGrant>('POST', '/auth/login', { body: input }),
  logout: () => apiRequest<void>('POST', '/auth/logout'),
  resendVerification: (email: RequestOf<typeof emailOnlyBody>['email']) =>
    apiRequest<Message>('POST', '/auth/resend-verification', { body: { email } }),
  forgotPassword: (email: RequestOf<typeof emailOnlyBody>['email']) => apiRequest<Message>('POST', '/auth/forgot-password', { body: { email } }),
  resetPassword: (input: RequestOf<typeof resetPasswordBody>) => apiRequest<Message>('POST', '/auth/reset-password', { body: input }),
  me: (signal?: AbortSignal) => apiRequest<User>('GET', '/me', { signal }),
  updateMe: (patch: RequestOf<typeof updateMeBody>) => apiRequest<User>('PATCH', '/me', { body: patch }),
};
