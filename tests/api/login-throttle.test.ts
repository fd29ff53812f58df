import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let now = new Date('2026-11-25T10:00:00Z');
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ env: { TRUST_PROXY: '1' }, clock: () => now });
  await t.seedWorkspace('Throttle');
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip: string) =>
  t.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

describe('login throttling', () => {
  it('answers 429 with Retry-After to one address that keeps guessing one account', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await attempt('owner@throttle.test', `wrong-${i}`, '10.1.0.1')).status).toBe(401);
    const fifth = await attempt('owner@throttle.test', 'wrong-5', '10.1.0.1');
    expect(fifth.status).toBe(429);
    expect(fifth.json.error.code).toBe('TOO_MANY_LOGINS');
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(fifth.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  it('keeps refusing that address, even the right password, until its delay has passed', async () => {
    expect((await attempt('owner@throttle.test', PASSWORD, '10.1.0.1')).status).toBe(429);
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect((await attempt('owner@throttle.test', PASSWORD, '10.1.0.1')).status).toBe(200);
  });

  it('throttles one address that guesses across many accounts', async () => {
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(`guess${i}@throttle.test`, 'nope-nope-nope', '10.2.0.1')).status).toBe(401);
    }
    expect((await attempt('owner@throttle.test', PASSWORD, '10.2.0.1')).status).toBe(429);
    // Another address is not affected.
    expect((await attempt('owner@throttle.test', PASSWORD, '10.2.0.2')).status).toBe(200);
  });

  it('lets that address in again once the 15-minute window has passed', async () => {
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect((await attempt('owner@throttle.test', PASSWORD, '10.2.0.1')).status).toBe(200);
  });
});
