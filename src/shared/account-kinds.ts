/** The states of a user account and the subscription tiers. Shared by the database schema and the contracts. */
export const userStatuses = ['pending', 'active', 'inactive'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const subscriptionTiers = ['free', 'pro', 'enterprise'] as const;
export type SubscriptionTier = (typeof subscriptionTiers)[number];
