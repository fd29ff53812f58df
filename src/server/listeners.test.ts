import { describe, expect, it } from 'vitest';
import { oneAtATime } from './listeners';

describe('a listener woken by a burst of events', () => {
  it('runs once for the burst that arrives while it runs, not once per event', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const wake = oneAtATime(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
      return runs;
    });
    const first = wake();
    const burst = [wake(), wake(), wake(), wake()];
    release();
    expect(await Promise.all([first, ...burst])).toEqual([2, 2, 2, 2, 2]);
    expect(runs).toBe(2);
    // Idle again: the next event starts a fresh run.
    expect(await wake()).toBe(3);
  });
});
