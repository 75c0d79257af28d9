import { describeFailures, gateTexts } from '../text/quality/index.js';
import type { AiTask } from './task.js';

/**
 * The gateway's quality gate over a task's human text (the task's `prose` hook): repaired text is written back at
 * its path, and what the repair could not fix comes back as a problem naming each field, for the error message or
 * for the configured model's one retry.
 */
export type GateVerdict<Output> = { ok: true; value: Output; repaired: string[] } | { ok: false; problem: string };

function setAtPath(target: unknown, path: string, value: string): unknown {
  if (path === '') return value;
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return target;
    node = next as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? '';
  if (typeof node[last] === 'string') node[last] = value;
  return target;
}

export function gateOutput<Output>(task: AiTask<unknown, Output>, output: Output): GateVerdict<Output> {
  const prose = task.prose as ((value: Output) => ReturnType<NonNullable<AiTask['prose']>>) | undefined;
  if (!prose) return { ok: true, value: output, repaired: [] };
  const result = gateTexts(prose(output));
  if (result.failures.length) return { ok: false, problem: describeFailures(result.failures) };
  const repairedFields = result.fields.filter((f) => f.repaired);
  if (repairedFields.length === 0) return { ok: true, value: output, repaired: [] };
  let value: unknown = typeof output === 'string' ? output : structuredClone(output);
  for (const field of repairedFields) value = setAtPath(value, field.path, field.text);
  return { ok: true, value: value as Output, repaired: repairedFields.map((f) => f.path) };
}
