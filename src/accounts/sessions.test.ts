import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/helpers/test-app';
import { sessions } from './schema';
import { createSession, resolveSession, revokeSession } from './sessions.service';

let t: TestContext;
let owner: { id: string; workspaceId: string };
const now = new Date('2026-11-25T12:00:00Z');

beforeAll(async () => {
  t = await createTestContext();
  owner = (await t.seedWorkspace('Sess')).owner;
});
afterAll(() => t.close());

describe('sessions', () => {
  it('resolve until they expire, then not at all', async () => {
    const s = await createSession(t.db, owner, { ttlMs: 60_000, now });
    expect((await resolveSession(t.db, s.token, new Date(now.getTime() + 59_000)))?.user.id).toBe(owner.id);
    expect(await resolveSession(t.db, s.token, new Date(now.getTime() + 61_000))).toBeNull();
  });

  it('store only a hash of the token', async () => {
    const s = await createSession(t.db, owner, { ttlMs: 60_000, now });
    const rows = await t.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === s.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('are gone once revoked', async () => {
    const s = await createSession(t.db, owner, { ttlMs: 60_000, now });
    await revokeSession(t.db, s.token);
    expect(await resolveSession(t.db, s.token, now)).toBeNull();
  });
});
