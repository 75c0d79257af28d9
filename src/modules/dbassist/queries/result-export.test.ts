import { describe, expect, it } from 'vitest';
import { csvChunks, jsonChunks, jsonKeys } from './result-export.js';

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

async function* rowsOf(rows: unknown[][]): AsyncGenerator<unknown[]> {
  for (const row of rows) yield row;
}

const columns = (...names: string[]) => names.map((name) => ({ name, dataType: 'text' }));

describe('result export', () => {
  it('gives every column its own JSON key, also when a renamed duplicate would clash with a real column', () => {
    expect(jsonKeys(columns('id', 'name', 'id', 'id_2', 'id'))).toEqual(['id', 'name', 'id_3', 'id_2', 'id_4']);
  });

  it('writes an empty result as an empty JSON array and a CSV of the header alone', async () => {
    expect(JSON.parse(await text(jsonChunks(columns('a'), rowsOf([]))))).toEqual([]);
    expect(await text(csvChunks(columns('a', 'b'), rowsOf([])))).toBe('a,b\r\n');
  });

  it('guards formula-like text in CSV but leaves signed numbers, nulls and JSON values readable', async () => {
    const csv = await text(csvChunks(columns('v'), rowsOf([['@SUM(A1)'], ['-12.50'], ['+3'], [null], [{ a: 1 }], ["'=x"]])));
    expect(csv.split('\r\n')).toEqual(['v', "'@SUM(A1)", '-12.50', '+3', '', '"{""a"":1}"', "''=x", '']);
  });
});
