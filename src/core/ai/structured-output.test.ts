import { describe, expect, it } from 'vitest';
import { extractJson } from './structured-output.js';

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
