-- Reverses 0013_billing. Plans already set on accounts stay.
DROP INDEX app.users_stripe_customer_key;
DROP TABLE app.stripe_subscriptions;
DROP TABLE app.stripe_events;
