/** The AI providers an organization can choose. Shared by the database schema, the contracts and the web page. */
export const providerNames = ['builtin', 'openai', 'anthropic', 'ollama', 'openai-compatible'] as const;
export type ProviderName = (typeof providerNames)[number];
