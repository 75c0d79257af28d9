import type { AppContext } from '../../core/context.js';
import { asSystem } from '../../core/db/tenancy.js';
import { AppError } from '../../core/errors.js';
import type { ZodApp } from '../../core/http/request-context.js';
import { stripeEventSchema, stripeWebhookAnswerSchema } from './billing.contract.js';
import { handleStripeEvent } from './stripe-events.service.js';
import { verifyStripeSignature } from './stripe-signature.js';

const tags = ['billing'];

/** POST /billing/stripe/webhook: what Stripe calls. Unauthenticated; the Stripe-Signature header is the credential. */
export async function billingRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db, config } = context;

  // The signature covers the exact bytes Stripe sent, so this scope takes every body as text, unparsed.
  await api.register(async (scope: ZodApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
      '/billing/stripe/webhook',
      {
        schema: {
          tags,
          summary:
            'Stripe billing events (checkout.session.completed, customer.subscription.updated and .deleted): verified with the Stripe-Signature header and STRIPE_WEBHOOK_SECRET, applied once per event id',
          security: [],
          response: { 200: stripeWebhookAnswerSchema },
        },
      },
      async (request) => {
        const secrets = config.billing.stripeWebhookSecrets;
        if (secrets.length === 0) {
          throw new AppError('SERVICE_UNAVAILABLE', 'Stripe webhooks are not configured on this server: set STRIPE_WEBHOOK_SECRET to the endpoint’s signing secret');
        }
        const payload = typeof request.body === 'string' ? request.body : '';
        const header = request.headers['stripe-signature'];
        const check = verifyStripeSignature(payload, Array.isArray(header) ? header.join(',') : header, secrets, config.billing.stripeToleranceSeconds);
        if (!check.ok) throw new AppError('BAD_REQUEST', check.reason, { details: { field: 'Stripe-Signature' } });

        let json: unknown;
        try {
          json = JSON.parse(payload);
        } catch {
          throw new AppError('INVALID_JSON', 'The event is not JSON');
        }
        const parsed = stripeEventSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new AppError('VALIDATION_FAILED', `The event is not a Stripe event: ${issue.path.join('.') || 'body'} ${issue.message}`, {
            details: [{ field: issue.path.join('.') || 'body', message: issue.message }],
          });
        }
        return asSystem(db, (tx) =>
          handleStripeEvent(tx, parsed.data, { ipAddress: request.ip ?? null, userAgent: request.headers['user-agent'] ?? 'Stripe webhook' }),
        );
      },
    );
  });
}
