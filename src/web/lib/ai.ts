import type { AiProvider, Generation } from '../api/client';

/** Short names, for tables and one-line summaries. */
export const providerNames: Record<AiProvider, string> = {
  builtin: 'Offline engine',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  ollama: 'Ollama',
  'openai-compatible': 'OpenAI-compatible server',
};

/** The choices of the provider select: what each one is, and what it costs. */
export const providerOptionLabels: Record<AiProvider, string> = {
  builtin: 'Built-in offline engine — free, runs on this server',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  ollama: 'Ollama (local)',
  'openai-compatible': 'OpenAI-compatible server (vLLM, llama.cpp, LM Studio…)',
};

/** The model each provider uses when none is named (the server's own defaults). */
export const defaultModels: Record<AiProvider, string> = {
  builtin: 'atelier-offline-1',
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  ollama: 'llama3.2',
  'openai-compatible': '',
};

export const defaultBaseUrls: Partial<Record<AiProvider, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  ollama: 'http://127.0.0.1:11434/v1',
};

export const OFFLINE_ENGINE_NOTE =
  'Answers come from Atelier’s offline engine: templates and text analysis on this server, no external language model.';

/** "fake-gpt via OpenAI-compatible server", or "Atelier’s offline engine" — never a model name for the built-in engine. */
export function describeModel(provider: AiProvider, model: string): string {
  if (provider === 'builtin') return 'Atelier’s offline engine';
  return `${model} via ${providerNames[provider]}`;
}

const featureNames: Record<string, string> = {
  'project-brief': 'Project brief',
  'clarifying-questions': 'Clarifying questions',
  'extract-insights': 'Insights',
  'answer-question': 'Questions & answers',
};

/** A ledger feature (the task that made the call) for people: "project-brief" → "Project brief". */
export function featureLabel(generationType: string): string {
  return featureNames[generationType] ?? generationType.replace(/[-_.]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A call's cost, or that it has no price (a model the server's pricing table does not list). */
export function isUnpriced(generation: Pick<Generation, 'metadata' | 'provider'>): boolean {
  return generation.provider !== 'builtin' && generation.metadata.unpriced === true;
}
