import { jsonSchema, Output, type JSONSchema7, type JSONValue } from 'ai';
import { z } from 'zod';
import type { AiConfig } from '../../config.js';
import type { ProviderName } from './ai.schema.js';
import type { ObjectTask } from './task.js';

/**
 * Structured output. The output's JSON Schema reaches the model one of two ways:
 * - native: the provider's own structured output, driven by the AI SDK — OpenAI `response_format` json_schema,
 *   Anthropic a forced tool (or `output_config.format` on the models that have it), Ollama `format` (through the
 *   `response_format` its OpenAI-compatible endpoint maps onto it);
 * - prompt: the schema in the prompt, for OpenAI-compatible servers that have no native form.
 * Either way the answer's JSON is found and validated here with the task's zod schema, and a validation failure
 * becomes the text fed back to the model for its one repair.
 */
const MAX_ISSUES_FED_BACK = 8;

export type StructuredOutputMode = 'native' | 'prompt';

/**
 * AI_STRUCTURED_OUTPUT when set; else native, except for OpenAI-compatible servers (llama.cpp, vLLM, LM Studio,
 * proxies), which may or may not take a JSON Schema response format: the prompt works on all of them.
 */
export function structuredOutputMode(config: Pick<AiConfig, 'structuredOutput'>, provider: ProviderName): StructuredOutputMode {
  return config.structuredOutput ?? (provider === 'openai-compatible' ? 'prompt' : 'native');
}

/** The outermost `{…}` of a text, or undefined when it has none. */
function objectSpan(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}

/**
 * The JSON a model answered, tolerating a Markdown code fence or prose around one object. The object as a whole is
 * tried before the first fence's content, because a string value may itself hold a fence (Mermaid or code inside
 * the JSON) that would otherwise be mistaken for the wrapper.
 */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const candidates = [objectSpan(text), fenced === undefined ? undefined : objectSpan(fenced)].filter((c): c is string => c !== undefined);
  if (candidates.length === 0) throw new SyntaxError('the answer contains no JSON object');
  let failure: unknown;
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES_FED_BACK)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function parseOutput<Output>(task: ObjectTask<unknown, Output>, text: string): { ok: true; value: Output } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = task.output.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: describeIssues(parsed.error) };
}

type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema of what a task answers (its zod output, as zod 4 converts it). */
export function outputJsonSchema(task: ObjectTask<unknown, unknown>): JsonSchema {
  return z.toJSONSchema(task.output, { io: 'output', unrepresentable: 'any' });
}

export function objectInstructions(task: ObjectTask<unknown, unknown>): string {
  const schema = JSON.stringify(outputJsonSchema(task));
  return `\n\nAnswer with one JSON object only — no prose, no Markdown — that matches this JSON Schema:\n${schema}`;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of a schema node with `visit` applied to each of its sub-schemas (the keywords zod emits). */
function mapSubschemas(node: JsonSchema, visit: (child: unknown) => unknown): JsonSchema {
  const copy: JsonSchema = { ...node };
  for (const key of ['properties', '$defs', 'definitions']) {
    const map = node[key];
    if (isSchema(map)) copy[key] = Object.fromEntries(Object.entries(map).map(([name, child]) => [name, visit(child)]));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    const list = node[key];
    if (Array.isArray(list)) copy[key] = list.map(visit);
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (isSchema(node[key])) copy[key] = visit(node[key]);
  }
  return copy;
}

/**
 * Whether OpenAI's strict mode can take the schema: every object closed (`additionalProperties: false`) with every
 * property required, every value typed, and no composition but anyOf. Optional fields, records and `z.unknown()`
 * cannot be strict; such a schema is sent non-strict rather than refused.
 */
export function canBeStrict(schema: unknown): boolean {
  if (!isSchema(schema)) return false;
  if (['oneOf', 'allOf', 'not', 'if', 'patternProperties'].some((key) => key in schema)) return false;
  if (!['type', 'anyOf', '$ref', 'enum', 'const'].some((key) => key in schema)) return false; // any value
  if (schema.type === 'object' || 'properties' in schema) {
    const names = Object.keys(isSchema(schema.properties) ? schema.properties : {});
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    if (schema.additionalProperties !== false || names.some((name) => !required.has(name))) return false;
  }
  const children: unknown[] = [];
  mapSubschemas(schema, (child) => children.push(child));
  return children.every(canBeStrict);
}

/** Value constraints strict mode rejects (some on some models): they move into the description, zod checks them after. */
const VALUE_CONSTRAINTS = ['minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems'];

/**
 * The schema as strict mode takes it: the shape (types, properties, required, enums) is enforced while decoding;
 * the value constraints are described in words and enforced by the zod validation and its repair.
 */
export function strictJsonSchema(schema: JsonSchema): JsonSchema {
  const node = mapSubschemas(schema, (child) => (isSchema(child) ? strictJsonSchema(child) : child));
  const described = VALUE_CONSTRAINTS.filter((key) => key in node).map((key) => `${key} ${JSON.stringify(node[key])}`);
  for (const key of VALUE_CONSTRAINTS) delete node[key];
  if (described.length > 0) node.description = [node.description, `(${described.join(', ')})`].filter(Boolean).join(' ');
  return node;
}

/** What generateText and streamText take to ask a provider natively for a task's object. */
export type NativeOutput = {
  output: ReturnType<typeof Output.object<unknown>>;
  providerOptions: Record<string, Record<string, JSONValue>>;
};

export function nativeOutput(task: ObjectTask<unknown, unknown>, provider: ProviderName): NativeOutput {
  const schema = outputJsonSchema(task);
  // Strict only where its rules are known (OpenAI). Ollama, vLLM and llama.cpp constrain decoding to the whole
  // schema whatever `strict` says; Anthropic's adapter in the AI SDK adjusts the schema itself.
  const strict = provider === 'openai' && canBeStrict(schema);
  return {
    // No validation in the SDK: the gateway validates with zod, so a wrong answer gets the same repair as in prompt mode.
    output: Output.object({
      schema: jsonSchema<unknown>((strict ? strictJsonSchema(schema) : schema) as JSONSchema7),
      name: task.name,
      description: task.description,
    }),
    providerOptions: { openai: { strictJsonSchema: strict }, openaiCompatible: { strictJsonSchema: false } },
  };
}

