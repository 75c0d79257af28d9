-- Billing (seed 003 §7): Stripe webhook events, received once each, and the subscriptions they describe. An account is
-- pro (app.users.subscription_tier, whose generated is_pro makes chat credits unlimited in app.consume_chat_credit)
-- while one of its subscriptions is active or trialing. Written only by atelier_system: the webhook acts for nobody.

-- Every verified event, keyed by Stripe's event id: a replayed event finds its row and changes nothing.
CREATE TABLE app.stripe_events (
  id           text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
  type         text NOT NULL CHECK (length(type) BETWEEN 1 AND 255),
  livemode     boolean NOT NULL DEFAULT false,
  -- Stripe's `created` of the event.
  created_at   timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  -- The account the event applied to, when one was found.
  user_id      uuid REFERENCES app.users (id) ON DELETE SET NULL,
  -- applied: the account's plan or subscription changed; unchanged: nothing to change; ignored: a type Atelier does
  -- not act on; no_account: no account matched; stale: older than what the subscription already reflects.
  outcome      text NOT NULL CHECK (outcome IN ('applied', 'unchanged', 'ignored', 'no_account', 'stale')),
  -- The plan the account was left on, and what happened, as a person reads it.
  plan         text CHECK (plan IN ('free', 'pro', 'enterprise')),
  message      text CHECK (length(message) <= 1000)
);
CREATE INDEX stripe_events_user_idx ON app.stripe_events (user_id, received_at);
CREATE INDEX stripe_events_received_idx ON app.stripe_events (received_at);

-- Seed 003's stripe_subscriptions: the latest known state of each subscription of an account.
CREATE TABLE app.stripe_subscriptions (
  id           text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
  user_id      uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  customer_id  text CHECK (length(customer_id) BETWEEN 1 AND 255),
  status       text NOT NULL CHECK (status IN ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due',
                                               'canceled', 'unpaid', 'paused')),
  -- Stripe's `created` of the event that set the status: an older event arriving late does not undo a newer one.
  status_at    timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_subscriptions_user_idx ON app.stripe_subscriptions (user_id);
CREATE TRIGGER stripe_subscriptions_touch BEFORE UPDATE ON app.stripe_subscriptions
  FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- Subscription events find the account by its Stripe customer; one customer is one account.
CREATE UNIQUE INDEX users_stripe_customer_key ON app.users (stripe_customer_id) WHERE stripe_customer_id IS NOT NULL;

-- Events are read and written by atelier_system only; the runtime role is denied explicitly. An account reads its own
-- subscriptions.
ALTER TABLE app.stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_events_none ON app.stripe_events FOR ALL TO atelier_app USING (false) WITH CHECK (false);

ALTER TABLE app.stripe_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.stripe_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_subscriptions_own ON app.stripe_subscriptions FOR SELECT TO atelier_app
  USING (user_id = (SELECT app.current_user_id()));

GRANT SELECT ON app.stripe_subscriptions TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON app.stripe_events, app.stripe_subscriptions TO atelier_system;
