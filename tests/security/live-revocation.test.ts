import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/accounts/schema';
import { listen } from '../helpers/http-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: { url: string; close: () => Promise<void> };
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;

/** Opens /api/v1/live over real HTTP; `ended` settles when the server closes the stream. */
async function openStream(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/live`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  let beats = 0;
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'closed by the server';
        text += new TextDecoder().decode(value);
        beats = text.split(': keep-alive').length - 1;
        if (text.includes('event: ready')) markReady!();
      }
    } catch {
      return 'aborted by the test';
    }
  })();
  await ready;
  return { ended, beats: () => beats, abort: () => controller.abort() };
}

const waitUntil = async (pred: () => boolean) => {
  while (!pred()) await new Promise((r) => setTimeout(r, 10));
};

beforeAll(async () => {
  t = await createTestContext();
  server = await listen(t);
  ws = await t.seedWorkspace('Live Guard');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('an open live stream', () => {
  it('ends at once when its session logs out', async () => {
    const agent = await t.seedUser(ws.workspace.id, 'agent', 'logout@liveguard.test');
    const stream = await openStream(agent.token);
    expect((await t.request('POST', '/api/v1/auth/logout', { token: agent.token })).status).toBeLessThan(300);
    expect(await stream.ended).toBe('closed by the server');
  });

  it('ends at once when its API key is revoked', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', {
      token: ws.token,
      body: { name: 'reader', role: 'analyst' },
    });
    const stream = await openStream(created.json.key);
    expect((await t.request('DELETE', `/api/v1/api-keys/${created.json.id}`, { token: ws.token })).status).toBe(200);
    expect(await stream.ended).toBe('closed by the server');
  });

  it('ends at once when its user is disabled by an admin', async () => {
    const agent = await t.seedUser(ws.workspace.id, 'agent', 'disabled@liveguard.test');
    const stream = await openStream(agent.token);
    expect(
      (await t.request('PATCH', `/api/v1/users/${agent.user.id}`, { token: ws.token, body: { disabled: true } }))
        .status,
    ).toBe(200);
    expect(await stream.ended).toBe('closed by the server');
  });

  it('ends on its next heartbeat when the session is gone without this process hearing of it', async () => {
    t.deps.settings.liveHeartbeatMs = 50;
    try {
      const agent = await t.seedUser(ws.workspace.id, 'agent', 'elsewhere@liveguard.test');
      const stream = await openStream(agent.token);
      // Another instance logged it out: only the row is gone.
      await t.db.delete(sessions).where(eq(sessions.userId, agent.user.id));
      expect(await stream.ended).toBe('closed by the server');
    } finally {
      t.deps.settings.liveHeartbeatMs = 25_000;
    }
  });

  it('stays open across heartbeats while its credential holds, and when others log out', async () => {
    t.deps.settings.liveHeartbeatMs = 30;
    try {
      const agent = await t.seedUser(ws.workspace.id, 'agent', 'stays@liveguard.test');
      const other = await t.seedUser(ws.workspace.id, 'agent', 'leaves@liveguard.test');
      const stream = await openStream(agent.token);
      await t.request('POST', '/api/v1/auth/logout', { token: other.token });
      await waitUntil(() => stream.beats() >= 3);
      stream.abort();
      expect(await stream.ended).toBe('aborted by the test');
    } finally {
      t.deps.settings.liveHeartbeatMs = 25_000;
    }
  });
});
