import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ProviderName } from './ai.schema.js';

/** Which model to call and how to reach it: the server's configuration, or an organization's own. */
export type ProviderSettings = {
  provider: ProviderName;
  model: string;
  baseUrl: string | undefined;
  apiKey: string | undefined;
};

export const BUILTIN_MODEL = 'atelier-offline-1';
export const OLLAMA_DEFAULT_URL = 'http://127.0.0.1:11434/v1';

const defaultModels: Record<ProviderName, string | undefined> = {
  builtin: BUILTIN_MODEL,
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  ollama: 'llama3.2',
  // An OpenAI-compatible server names its own models: AI_MODEL is needed, the first request tells if it is wrong.
  'openai-compatible': 'default',
};

export function defaultModelOf(provider: ProviderName): string {
  return defaultModels[provider] ?? BUILTIN_MODEL;
}

/** Where requests go, for messages that tell a person what to check. */
export function endpointOf(settings: ProviderSettings): string {
  switch (settings.provider) {
    case 'builtin':
      return 'this server (offline engine)';
    case 'openai':
      return settings.baseUrl ?? 'https://api.openai.com/v1';
    case 'anthropic':
      return settings.baseUrl ?? 'https://api.anthropic.com/v1';
    case 'ollama':
      return settings.baseUrl ?? OLLAMA_DEFAULT_URL;
    case 'openai-compatible':
      return settings.baseUrl ?? '(no base URL)';
  }
}

/**
 * An AI SDK language model for a remote provider. Ollama is reached through its OpenAI-compatible endpoint
 * (/v1/chat/completions), which needs no extra package and reports token usage.
 *
 * The OpenAI-compatible models are built able to send a JSON Schema `response_format` (`supportsStructuredOutputs`);
 * whether a call does is the gateway's choice (AI_STRUCTURED_OUTPUT, see structured-output.ts).
 */
export function createLanguageModel(settings: ProviderSettings): LanguageModel {
  const { provider, model, baseUrl, apiKey } = settings;
  switch (provider) {
    case 'openai':
      // The chat completions API: every OpenAI-compatible proxy a team may put in between speaks it.
      return createOpenAI({ apiKey: apiKey ?? '', ...(baseUrl ? { baseURL: baseUrl } : {}) }).chat(model);
    case 'anthropic':
      return createAnthropic({ apiKey: apiKey ?? '', ...(baseUrl ? { baseURL: baseUrl } : {}) })(model);
    case 'ollama':
      // Ollama needs no key; one is sent when configured, for an Ollama behind an authenticating proxy.
      return createOpenAICompatible({
        name: 'ollama',
        baseURL: baseUrl ?? OLLAMA_DEFAULT_URL,
        ...(apiKey ? { apiKey } : {}),
        includeUsage: true,
        supportsStructuredOutputs: true,
      }).chatModel(model);
    case 'openai-compatible':
      if (!baseUrl) throw new Error('An openai-compatible provider needs a base URL');
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: baseUrl,
        ...(apiKey ? { apiKey } : {}),
        includeUsage: true,
        supportsStructuredOutputs: true,
      }).chatModel(model);
    case 'builtin':
      throw new Error('The built-in engine is not an AI SDK model');
  }
}
