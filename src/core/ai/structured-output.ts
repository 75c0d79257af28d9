import { z } from 'zod';
import type { ObjectTask } from './task.js';

/**
 * Structured output, provider-agnostic: the output's JSON Schema travels in the prompt, the answer's JSON is found
 * and validated here, and a validation failure becomes the text fed back to the model for its one repair.
 */
const MAX_ISSUES_FED_BACK = 8;

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

export function objectInstructions(task: ObjectTask<unknown, unknown>): string {
  const schema = JSON.stringify(z.toJSONSchema(task.output, { io: 'output', unrepresentable: 'any' }));
  return `\n\nAnswer with one JSON object only — no prose, no Markdown — that matches this JSON Schema:\n${schema}`;
}

