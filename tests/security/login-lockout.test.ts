import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

// Every password check the app makes is counted, to show guesses are refused before the hash.
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/accounts/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/accounts/password')>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      checks.n++;
      return real.verifyPassword(password, stored);
    },
    // An unknown account's guess is checked against a decoy hash (the same work): a check all the same.
    verifyDecoy: async (...args: Parameters<typeof real.verifyDecoy>) => {
      checks.n++;
      return real.verifyDecoy(...args);
    },
  };
});

let now = new Date('2026-11-25T10:00:00Z');
let t: TestContext;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestContext({ env: { TRUST_PROXY: '1' }, clock: () => now });
  workspaceId = (await t.seedWorkspace('Lockout')).workspace.id;
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip: string) =>
  t.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

/** A wrong password from `ip` until it is checked (waiting out any delay), as a patient stranger would. */
async function fail(email: string, ip: string) {
  for (;;) {
    const res = await attempt(email, 'a-wrong-password', ip);
    if (res.status === 401) return;
    expect(res.status).toBe(429);
    now = new Date(now.getTime() + Number(res.headers.get('retry-after')) * 1000);
  }
}

describe('login lock-out by strangers', () => {
  it('lets the right password in from address B after 10 failures for the account from address A', async () => {
    await t.seedUser(workspaceId, 'agent', 'ana@lockout.test');
    for (let i = 0; i < 10; i++) await fail('ana@lockout.test', '203.0.113.1');
    // A itself is now stopped...
    expect((await attempt('ana@lockout.test', PASSWORD, '203.0.113.1')).status).toBe(429);
    // ...but Ana, at another address, is not locked out of her own account.
    const res = await attempt('ana@lockout.test', PASSWORD, '198.51.100.7');
    expect(res.status).toBe(200);
    expect(res.json.token).toEqual(expect.any(String));
  });

  it('meets wrong passwords from B with a growing delay of seconds, not a 15-minute lock', async () => {
    await t.seedUser(workspaceId, 'agent', 'bo@lockout.test');
    for (let i = 0; i < 10; i++) await fail('bo@lockout.test', '203.0.113.2');
    const B = '198.51.100.8';
    // A typo or three from B are checked at once, as they would be without any attacker.
    for (let i = 0; i < 4; i++) expect((await attempt('bo@lockout.test', `typo-${i}`, B)).status).toBe(401);
    const first = await attempt('bo@lockout.test', 'typo-again', B);
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThan(60);

    now = new Date(now.getTime() + firstWait * 1000);
    expect((await attempt('bo@lockout.test', 'typo-after-waiting', B)).status).toBe(401);
    const second = await attempt('bo@lockout.test', 'typo-again', B);
    expect(second.status).toBe(429);
    const secondWait = Number(second.headers.get('retry-after'));
    expect(secondWait).toBeGreaterThan(firstWait);
    expect(secondWait).toBeLessThan(60);

    // After the delay, B's right password works.
    now = new Date(now.getTime() + secondWait * 1000);
    expect((await attempt('bo@lockout.test', PASSWORD, B)).status).toBe(200);
  });
});

describe('parallel guessing', () => {
  it('checks at most 10 of 25 parallel wrong passwords from one address for one account', async () => {
    await t.seedUser(workspaceId, 'agent', 'cy@lockout.test');
    const before = checks.n;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt('cy@lockout.test', `guess-${i}`, '203.0.113.3')),
    );
    const checked = checks.n - before;
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(checked);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(25 - checked);
  });

  it('checks at most 10 of 25 parallel wrong passwords from one address across accounts', async () => {
    const before = checks.n;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt(`nobody${i}@lockout.test`, 'a-wrong-password', '203.0.113.4')),
    );
    const checked = checks.n - before;
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(checked);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(25 - checked);
  });
});
