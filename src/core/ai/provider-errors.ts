import { APICallError, RetryError } from 'ai';
import { AppError } from '../errors.js';
import { endpointOf, type ProviderSettings } from './providers.js';

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 6) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function networkCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

/** What a server says when it does not take a JSON Schema response format (or its tool or output_config form). */
const STRUCTURED_OUTPUT_WORDS = /response_?format|json_?schema|schema|structured|output_config|output_format|tool/i;

/**
 * Turns whatever a provider call threw into an AppError whose message says which provider failed and what to
 * check (the key, the model, the base URL, the server). Never includes the API key. `native`: the call asked for
 * structured output natively, so a 400 about it names AI_STRUCTURED_OUTPUT.
 */
export function toProviderError(error: unknown, settings: ProviderSettings, timedOut: boolean, native = false): AppError {
  if (error instanceof AppError) return error;
  const who = `${settings.provider} (${endpointOf(settings)}, model ${settings.model})`;
  if (timedOut) {
    return new AppError('AI_TIMEOUT', `The AI provider ${who} did not answer in time; try again, or raise AI_TIMEOUT_MS`);
  }
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last)) {
    const status = last.statusCode;
    const retried = RetryError.isInstance(error) ? ` after ${error.errors.length} attempts` : '';
    if (status === 401 || status === 403) {
      return new AppError(
        'AI_PROVIDER_ERROR',
        `The AI provider ${who} refused the API key (HTTP ${status}): check AI_API_KEY or the organization's API key`,
        { details: { provider: settings.provider, status } },
      );
    }
    if (status === 404) {
      return new AppError('AI_PROVIDER_ERROR', `The AI provider ${who} does not know this model or endpoint (HTTP 404): check the model name and the base URL`, {
        details: { provider: settings.provider, status },
      });
    }
    if (status === 429) {
      return new AppError('AI_PROVIDER_ERROR', `The AI provider ${who} is rate limiting requests (HTTP 429)${retried}; wait and try again, or check the account's quota`, {
        details: { provider: settings.provider, status },
      });
    }
    const said = `${last.message} ${last.responseBody ?? ''}`;
    if (native && (status === 400 || status === 422) && STRUCTURED_OUTPUT_WORDS.test(said)) {
      return new AppError(
        'AI_PROVIDER_ERROR',
        `The AI provider ${who} refused the structured output request (HTTP ${status}: ${last.message.slice(0, 200)}); ` +
          'if this server does not support JSON Schema response formats, set AI_STRUCTURED_OUTPUT=prompt to send the schema in the prompt instead',
        { details: { provider: settings.provider, status, setting: 'AI_STRUCTURED_OUTPUT' } },
      );
    }
    if (status !== undefined) {
      return new AppError('AI_PROVIDER_ERROR', `The AI provider ${who} answered HTTP ${status}${retried}: ${last.message.slice(0, 300)}`, {
        details: { provider: settings.provider, status },
      });
    }
  }
  const code = networkCode(error);
  if (code || /fetch failed|cannot connect|ECONNREFUSED|ENOTFOUND|socket/i.test(String((last as Error)?.message))) {
    return new AppError(
      'AI_PROVIDER_ERROR',
      `Cannot reach the AI provider ${who}${code ? ` (${code})` : ''}: check the base URL and that the server is running and reachable`,
      { details: { provider: settings.provider, ...(code ? { network: code } : {}) } },
    );
  }
  const message = last instanceof Error ? last.message : String(last);
  return new AppError('AI_PROVIDER_ERROR', `The AI provider ${who} failed: ${message.slice(0, 300)}`, {
    details: { provider: settings.provider },
  });
}
