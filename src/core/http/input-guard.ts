import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * One check of every request's input before any route's schema sees it: text PostgreSQL cannot store (U+0000, and
 * lone UTF-16 surrogates, which text and jsonb both refuse) and JSON nested deeper than any client needs (deep
 * nesting overflows the stack of whatever recurses over it next: validation, JSON.stringify, the database driver).
 * Both answer 400 VALIDATION_FAILED naming the field, instead of a 500 from the driver.
 */

/** The deepest free-form JSON a request may carry: objects and arrays inside each other, counted from the body. */
export const MAX_JSON_DEPTH = 32;

type Location = 'params' | 'querystring' | 'body';

export type InputProblem = { field: string; message: string };

// U+0000, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with `text` for PostgreSQL, or undefined; `what` is '' for a value and 'a key' for an object's key. */
function unstorable(text: string, what: '' | 'a key'): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  const character = match[0] === '\u0000' ? 'the character U+0000' : 'an unpaired UTF-16 surrogate';
  return what ? `must not have a key containing ${character}` : `must not contain ${character}`;
}

/** A node of the walk; the path of the value is rebuilt from its parents only when it is reported. */
type Node = { value: unknown; key: string | undefined; parent: Node | undefined; depth: number };

function pathOf(node: Node | undefined): string[] {
  const keys: string[] = [];
  for (let at = node; at; at = at.parent) if (at.key !== undefined) keys.push(at.key);
  return keys.reverse();
}

function fieldOf(keys: string[], fallback: string): string {
  return keys.length ? keys.join('.') : fallback;
}

/**
 * The first string (value or key) PostgreSQL cannot store, or the first object or array deeper than `maxDepth`, in
 * `input`, walked without recursion so no nesting can overflow the stack. `fallback` names the whole input when the
 * problem is at its root.
 */
export function findInputProblem(input: unknown, fallback: string, maxDepth = MAX_JSON_DEPTH): InputProblem | undefined {
  const stack: Node[] = [{ value: input, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const message = unstorable(value, '');
      if (message) return { field: fieldOf(pathOf(node), fallback), message };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const depth = node.depth + 1;
    if (depth > maxDepth) {
      // Name the outermost field: the full path of a 10,000-deep value would be as long as the value.
      // An array at the root has no field name to give: the input as a whole is named.
      const keys = Array.isArray(input) ? [] : pathOf(node).slice(0, 1);
      return { field: fieldOf(keys, fallback), message: `must not nest objects and arrays more than ${maxDepth} levels deep` };
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value as Record<string, unknown>);
    // Pushed in reverse so the first field is looked at first.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!;
      const child: Node = { value: item, key, parent: node, depth };
      if (!Array.isArray(value)) {
        const message = unstorable(key, 'a key');
        if (message) return { field: fieldOf(pathOf(node), fallback), message };
      }
      stack.push(child);
    }
  }
  return undefined;
}

const locationLabel: Record<Location, string> = { params: 'path', querystring: 'query', body: 'body' };

function checkRequest(request: FastifyRequest): void {
  const inputs: [Location, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [where, input] of inputs) {
    const problem = findInputProblem(input, locationLabel[where]);
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `Invalid ${locationLabel[where]}: ${problem.field}: ${problem.message}`, {
        details: [{ field: problem.field, message: problem.message, in: where }],
      });
    }
  }
}

/** Refuses unstorable text and over-deep JSON in the path, the query and the body of every route, before validation. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    checkRequest(request);
  });
}
