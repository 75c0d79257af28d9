import { describe, expect, it } from 'vitest';
import { ADDRESS_DELAY_AFTER_FAILURES, ADDRESS_DELAY_MAX_MS, addressDelayMs, inWords } from './login-throttle.js';

describe('login throttle', () => {
  it('delays an address only past many failures, growing, and never by more than a few seconds', () => {
    expect(addressDelayMs(0)).toBe(0);
    expect(addressDelayMs(ADDRESS_DELAY_AFTER_FAILURES - 1)).toBe(0);
    expect(addressDelayMs(ADDRESS_DELAY_AFTER_FAILURES)).toBe(100);
    expect(addressDelayMs(ADDRESS_DELAY_AFTER_FAILURES + 10)).toBe(200);
    expect(addressDelayMs(ADDRESS_DELAY_AFTER_FAILURES + 30)).toBe(800);
    let previous = 0;
    for (let failures = 0; failures <= 1000; failures++) {
      const delay = addressDelayMs(failures);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(ADDRESS_DELAY_MAX_MS);
      previous = delay;
    }
    expect(addressDelayMs(1000)).toBe(ADDRESS_DELAY_MAX_MS);
  });

  it('says when to try again in words', () => {
    expect(inWords(1)).toBe('1 second');
    expect(inWords(45)).toBe('45 seconds');
    expect(inWords(60)).toBe('1 minute');
    expect(inWords(61)).toBe('2 minutes');
    expect(inWords(900)).toBe('15 minutes');
  });
});
