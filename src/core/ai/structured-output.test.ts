import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canBeStrict, extractJson, strictJsonSchema } from './structured-output.js';

describe('extractJson', () => {
  it('reads a bare object, one in a json fence, and one with prose around it', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('Here it is:\n```json\n{"a":2}\n```\nDone.')).toEqual({ a: 2 });
    expect(extractJson('Sure! {"a":3} Hope that helps.')).toEqual({ a: 3 });
  });

  it('keeps a code fence that is part of a string value', () => {
    const answer = JSON.stringify({ title: 'Flow', mermaid: '```mermaid\nflowchart TD\n  A --> B\n```' });
    expect(extractJson(answer)).toEqual({ title: 'Flow', mermaid: '```mermaid\nflowchart TD\n  A --> B\n```' });
    expect(extractJson('```json\n' + answer + '\n```')).toEqual(JSON.parse(answer));
  });

  it('falls back to the fenced object when prose around it holds braces', () => {
    expect(extractJson('Use {curly} braces like this:\n```json\n{"a":4}\n```\nand {that}.')).toEqual({ a: 4 });
  });

  it('names the problem when there is no object', () => {
    expect(() => extractJson('no json here')).toThrow(/no JSON object/);
    expect(() => extractJson('{not json}')).toThrow(SyntaxError);
  });
});

describe('strict JSON Schema for OpenAI', () => {
  const closed = z.object({
    title: z.string().min(1).max(80),
    steps: z.array(z.object({ name: z.string().regex(/^S-\d+$/), days: z.number().min(0.5) })).min(1).max(5),
    kind: z.enum(['a', 'b']),
  });
  const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;

  it('takes a schema whose objects are all closed and fully required', () => {
    expect(canBeStrict(schemaOf(closed))).toBe(true);
    expect(canBeStrict(schemaOf(z.object({ maybe: z.union([z.string(), z.null()]) })))).toBe(true);
  });

  it('refuses optional fields, records, open objects and untyped values', () => {
    expect(canBeStrict(schemaOf(z.object({ note: z.string().optional() })))).toBe(false);
    expect(canBeStrict(schemaOf(z.object({ tags: z.record(z.string(), z.string()) })))).toBe(false);
    expect(canBeStrict(schemaOf(z.looseObject({ a: z.string() })))).toBe(false);
    expect(canBeStrict(schemaOf(z.object({ nested: z.array(z.object({ data: z.unknown() })) })))).toBe(false);
  });

  it('keeps the shape and moves value constraints into the descriptions', () => {
    const strict = strictJsonSchema(schemaOf(closed)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(strict.required).toEqual(['title', 'steps', 'kind']);
    expect(strict.additionalProperties).toBe(false);
    expect(strict.properties.title).toEqual({ type: 'string', description: '(minLength 1, maxLength 80)' });
    expect(strict.properties.steps).toMatchObject({ type: 'array', description: '(minItems 1, maxItems 5)' });
    expect(strict.properties.steps.items.properties.name).toEqual({ type: 'string', description: '(pattern "^S-\\\\d+$")' });
    expect(strict.properties.kind).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(JSON.stringify(strict)).not.toMatch(/"(minLength|maxLength|minItems|maxItems|pattern|minimum)":/);
  });
});
