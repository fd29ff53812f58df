import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveEvent, publish } from '../../src/inbox/live';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
// The clock the live route reads, moved by the tests.
let now = Date.now();

/**
 * Opens /api/v1/live and reads until `ready`. The body is the client's side of the stream: the
 * server can write only as fast as it is read, so a client that stops reading holds the writes up.
 */
async function openStream() {
  const res = await t.app.request('/api/v1/live', { headers: { authorization: `Bearer ${ws.token}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  const readOnce = async () => {
    const { value, done } = await reader.read();
    if (!done) text += new TextDecoder().decode(value);
    return done;
  };
  while (!text.includes('event: ready')) await readOnce();
  const events = () => text.split('event: conversation').length - 1;
  return {
    events,
    /** Reads until the server ends the stream (true) or `count` events came (false). */
    readUntilEndOr: async (count: number) => {
      for (;;) {
        if (await readOnce()) return true;
        if (events() >= count) return false;
      }
    },
    cancel: () => reader.cancel(),
  };
}

const events = (n: number, from = 0): LiveEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'conversation',
    id: `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
    change: 'updated',
  }));

beforeAll(async () => {
  t = await createTestContext({ clock: () => new Date(now) });
  ws = await t.seedWorkspace('Live Slow');
});
afterAll(() => t.close());

describe('a live client that stops reading', () => {
  it('is dropped, its queue freed, once its unsent events pass the byte limit; a reading client gets all', async () => {
    t.deps.settings.liveMaxBufferBytes = 4_000;
    try {
      const slow = await openStream();
      const normal = await openStream();
      expect(t.deps.live.clients(ws.workspace.id)).toBe(2);
      // About 100 bytes each: 200 events are five times the limit. The reading client keeps up.
      for (let i = 0; i < 200; i += 5) {
        await publish(t.db, ws.workspace.id, events(5, i));
        expect(await normal.readUntilEndOr(i + 5)).toBe(false);
      }
      expect(normal.events()).toBe(200);
      expect(t.deps.live.clients(ws.workspace.id)).toBe(1);
      // What it had been sent before it fell behind, then the end: its browser reconnects and resyncs.
      expect(await slow.readUntilEndOr(200)).toBe(true);
      expect(slow.events()).toBeLessThan(200);
      await normal.cancel();
    } finally {
      delete t.deps.settings.liveMaxBufferBytes;
    }
  });

  it('is dropped once its oldest unsent event is older than the lag limit, though small', async () => {
    t.deps.settings.liveMaxLagMs = 30_000;
    try {
      const slow = await openStream();
      const normal = await openStream();
      const reading = normal.readUntilEndOr(60);
      // An event a second, a few hundred bytes in all: only the lag can tell the slow client apart.
      for (let i = 0; i < 60; i++) {
        await publish(t.db, ws.workspace.id, events(1, i));
        now += 1_000;
      }
      expect(await reading).toBe(false);
      expect(t.deps.live.clients(ws.workspace.id)).toBe(1);
      expect(await slow.readUntilEndOr(60)).toBe(true);
      expect(slow.events()).toBeLessThan(60);
      await normal.cancel();
    } finally {
      delete t.deps.settings.liveMaxLagMs;
    }
  });
});
