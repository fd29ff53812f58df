import { describe, expect, it } from 'vitest';
import { ChartCache } from '../../src/reports/chart-cache';

/** A drawing that counts how often it was asked for. */
function drawing(picture: string) {
  const calls = { n: 0 };
  const draw = async () => {
    calls.n++;
    return picture;
  };
  return { calls, draw };
}

describe('the chart cache', () => {
  it('draws a slot once for the same numbers and again when they change', async () => {
    const cache = new ChartCache();
    const a = drawing('A');
    expect(await cache.get('ws|30d|volume', [1, 2, 3], a.draw)).toBe('A');
    expect(await cache.get('ws|30d|volume', [1, 2, 3], a.draw)).toBe('A');
    expect(a.calls.n).toBe(1);
    const b = drawing('B');
    // One mention more, or the same count under another label: other numbers, another picture.
    expect(await cache.get('ws|30d|volume', [1, 2, 4], b.draw)).toBe('B');
    expect(await cache.get('ws|30d|volume', [{ positive: 1, negative: 0 }], b.draw)).toBe('B');
    expect(await cache.get('ws|30d|volume', [{ positive: 0, negative: 1 }], b.draw)).toBe('B');
    expect(b.calls.n).toBe(3);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 4, slots: 1 });
  });

  it('keeps slots apart: another workspace or language never gets this one’s picture', async () => {
    const cache = new ChartCache();
    await cache.get('ws1|en|volume', [1], drawing('ws1').draw);
    expect(await cache.get('ws2|en|volume', [1], drawing('ws2').draw)).toBe('ws2');
    expect(await cache.get('ws1|de|volume', [1], drawing('de').draw)).toBe('de');
    expect(cache.stats().slots).toBe(3);
  });

  it('forgets the least recently used slot beyond its number of slots', async () => {
    const cache = new ChartCache(2);
    await cache.get('a', 1, drawing('a').draw);
    await cache.get('b', 1, drawing('b').draw);
    await cache.get('a', 1, drawing('a2').draw); // a is used again: b is now the oldest
    await cache.get('c', 1, drawing('c').draw);
    expect(cache.stats().slots).toBe(2);
    const again = drawing('b2');
    expect(await cache.get('b', 1, again.draw)).toBe('b2');
    expect(again.calls.n).toBe(1);
    expect(await cache.get('c', 1, drawing('never').draw)).toBe('c');
  });

  it('stays within its bytes, and answers but does not keep a picture larger than all of them', async () => {
    const cache = new ChartCache(100, 10);
    await cache.get('a', 1, drawing('12345').draw);
    await cache.get('b', 1, drawing('12345').draw);
    await cache.get('c', 1, drawing('123').draw);
    expect(cache.stats()).toMatchObject({ slots: 2, bytes: 8 });
    expect(await cache.get('d', 1, drawing('x'.repeat(11)).draw)).toBe('x'.repeat(11));
    expect(cache.stats()).toMatchObject({ slots: 2, bytes: 8 });
  });
});
