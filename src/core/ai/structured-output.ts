import { z } from 'zod';
import type { ObjectTask } from './task.js';

/**
 * Structured output, provider-agnostic: the output's JSON Schema travels in the prompt, the answer's JSON is found
 * and validated here, and a validation failure becomes the text fed back to the model for its one repair.
 */
const MAX_ISSUES_FED_BACK = 8;

/** The JSON a model answered, tolerating a Markdown code fence or prose around one object. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidate = fenced?.[1] ?? text;
  const start = candidate.indexOf('{');
  const end = candidate.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SyntaxError('the answer contains no JSON object');
  return JSON.parse(candidate.slice(start, end + 1));
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

