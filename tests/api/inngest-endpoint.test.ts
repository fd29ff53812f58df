import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ env: { INNGEST_DEV: '1' } });
});
afterAll(() => t.close());

describe('/api/inngest with an Inngest server configured', () => {
  it('serves the functions for the Inngest server to discover', async () => {
    const res = await t.request('GET', '/api/inngest');
    expect(res.status).toBe(200);
    // The scheduled jobs but the poller (11), poll fan-out and per-source poll, one per event listener (5: queued
    // mail, received webhooks, a source needing a person, a vocabulary change, a workspace's new time zone; the live
    // inbox's listener runs in process).
    expect(res.json).toMatchObject({ function_count: 18, mode: 'dev' });
  });

  it('is not served when the in-process runner is in charge', async () => {
    const plain = await createTestContext();
    try {
      expect((await plain.request('GET', '/api/inngest')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
