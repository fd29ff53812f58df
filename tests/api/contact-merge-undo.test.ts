import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialAuthor } from '../../src/core/social-post';
import { identities } from '../../src/contacts/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import type { Platform } from '../../src/core/platforms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let n = 0;
const START = Date.now() - 3 * 86_400_000;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Merge Undo');
});
afterAll(() => t.close());

const ingest = (platform: Platform, text: string, a: Partial<SocialAuthor>) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics: [] }, [
    socialPost({ externalId: `mu-${++n}`, text, createdAt: new Date(START + n * 60_000), author: socialAuthor(a) }),
  ]);
const contactOf = async (platform: Platform, externalId: string) =>
  (
    await t.db
      .select()
      .from(identities)
      .where(
        and(
          eq(identities.workspaceId, ws.workspace.id),
          eq(identities.platform, platform),
          eq(identities.externalId, externalId),
        ),
      )
  )[0]!.contactId;
const mentionContact = async (text: string) =>
  (await t.db.select().from(mentions).where(eq(mentions.text, text)))[0]!.contactId;

describe('undoing a contact merge', () => {
  it('gives back the posts that came by a moved identity after the merge, not only the ones it moved', async () => {
    await ingest('x', 'acme on x, before the merge', { externalId: 'x-kim', handle: 'kim_x', name: 'Kim' });
    await ingest('mastodon', 'acme on mastodon, before the merge', {
      externalId: 'm-kim',
      handle: 'kim_m',
      name: 'Kim M',
    });
    const survivor = await contactOf('x', 'x-kim');
    const other = await contactOf('mastodon', 'm-kim');
    const merged = await t.request('POST', '/api/v1/contacts/merge', {
      token: ws.token,
      body: { into: survivor, from: [other] },
    });
    expect(merged.status).toBe(200);
    await ingest('mastodon', 'acme on mastodon, after the merge', {
      externalId: 'm-kim',
      handle: 'kim_m',
      name: 'Kim M',
    });
    expect(await mentionContact('acme on mastodon, after the merge')).toBe(survivor);

    expect(
      (await t.request('POST', `/api/v1/contacts/merges/${merged.json.mergeId}/undo`, { token: ws.token })).status,
    ).toBe(200);
    expect(await mentionContact('acme on mastodon, before the merge')).toBe(other);
    expect(await mentionContact('acme on mastodon, after the merge')).toBe(other);
    expect(await mentionContact('acme on x, before the merge')).toBe(survivor);
  });
});
