import { describe, expect, it } from 'vitest';
import { startHeartbeat } from './heartbeat';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 2_000 && !ok(); i++) await sleep(2);
};

describe('startHeartbeat', () => {
  it('beats until stopped, then never again', async () => {
    let beats = 0;
    const hb = startHeartbeat(async () => void beats++, 1);
    await until(() => beats >= 3);
    hb.stop();
    const seen = beats;
    await sleep(20);
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(beats).toBe(seen);
  });

  it('never stacks a beat on one still running', async () => {
    let running = 0;
    let most = 0;
    let beats = 0;
    let release: () => void = () => {};
    const hb = startHeartbeat(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => (release = r));
      running--;
      beats++;
    }, 1);
    await until(() => running === 1);
    // Many ticks pass while the first beat hangs (a slow database).
    await sleep(20);
    expect(most).toBe(1);
    release();
    await until(() => beats >= 1 && running === 1);
    hb.stop();
    release();
    expect(most).toBe(1);
  });

  it('reports a failed beat and keeps beating', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const hb = startHeartbeat(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
      },
      1,
      (err) => errors.push(err),
    );
    await until(() => calls >= 2);
    hb.stop();
    expect(errors).toEqual([new Error('database away')]);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
