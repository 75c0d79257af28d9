import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING, costOf, loadPricing } from './pricing.js';

describe('pricing', () => {
  it('prices a call from its tokens, matching dated model names by prefix', () => {
    expect(costOf(DEFAULT_PRICING, 'gpt-4o-mini', 1_000_000, 0)).toBe(0.15);
    expect(costOf(DEFAULT_PRICING, 'gpt-4o-mini-2024-07-18', 1000, 2000)).toBe(0.00135);
    // gpt-4o-mini is a longer match than gpt-4o
    expect(costOf(DEFAULT_PRICING, 'gpt-4o-mini-x', 1_000_000, 0)).toBe(0.15);
    expect(costOf(DEFAULT_PRICING, 'llama3.2', 500, 500)).toBeUndefined();
  });

  it('reads a pricing file over the defaults and names what is wrong with a bad one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-pricing-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ 'my-model': { inputPerMillion: 1, outputPerMillion: 2 } }));
    const table = loadPricing(good);
    expect(costOf(table, 'my-model', 1_000_000, 1_000_000)).toBe(3);
    expect(table['gpt-4o']).toBeDefined();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ 'my-model': { inputPerMillion: -1, outputPerMillion: 2 } }));
    expect(() => loadPricing(bad)).toThrow(/my-model\.inputPerMillion/);
    fs.writeFileSync(bad, '{');
    expect(() => loadPricing(bad)).toThrow(/cannot be read as JSON/);
    fs.rmSync(dir, { recursive: true });
  });
});
