import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metaWebhookEvents, verifyMetaSignature } from './webhook-events';

const bytes = (s: string) => new TextEncoder().encode(s);
const sig = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('Meta webhook signatures', () => {
  it('holds for the raw body under any configured secret, and for nothing else', () => {
    const body = '{"object":"page","entry":[]}';
    expect(verifyMetaSignature(bytes(body), sig(body, 'threads-secret'), ['app-secret', 'threads-secret'])).toBe(true);
    expect(
      verifyMetaSignature(bytes(body), sig(body, 'app-secret').toUpperCase().replace('SHA256', 'sha256'), [
        'app-secret',
      ]),
    ).toBe(true);
    expect(verifyMetaSignature(bytes(`${body} `), sig(body, 'app-secret'), ['app-secret'])).toBe(false);
    expect(verifyMetaSignature(bytes(body), sig(body, 'app-secret'), [])).toBe(false);
    expect(verifyMetaSignature(bytes(body), undefined, ['app-secret'])).toBe(false);
    expect(verifyMetaSignature(bytes(body), 'sha1=abc', ['app-secret'])).toBe(false);
  });
});

describe('Meta webhook events', () => {
  it("reads an Instagram comment as a comment on its media, threaded by the media, and skips the account's own", () => {
    const events = metaWebhookEvents({
      object: 'instagram',
      entry: [
        {
          id: '1784',
          time: 1_765_000_000,
          changes: [
            {
              field: 'comments',
              value: { id: 'c1', text: 'Love it @acme', from: { id: 'u9', username: 'lena' }, media: { id: 'm1' } },
            },
            {
              field: 'comments',
              value: { id: 'c2', text: 'Thanks!', from: { id: '1784', username: 'acme' }, media: { id: 'm1' } },
            },
            { field: 'story_insights', value: { media_id: 'm1', reach: 3 } },
          ],
        },
      ],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'upsert',
      platform: 'instagram',
      accountId: '1784',
      post: { externalId: 'c1', threadExternalId: 'm1', replyToExternalId: 'm1', author: { handle: 'lena' } },
    });
  });

  it('reads feed hides, removals and reactions as what they are, and an unknown body as nothing', () => {
    const feed = (value: Record<string, unknown>) => ({
      object: 'page',
      entry: [{ id: '42', time: 1_723_226_000, changes: [{ field: 'feed', value }] }],
    });
    expect(metaWebhookEvents(feed({ item: 'comment', verb: 'hide', comment_id: '1_2', post_id: '42_1' }))).toEqual([
      { kind: 'hidden', platform: 'facebook', accountId: '42', externalId: '1_2', hidden: true, at: 1_723_226_000 },
    ]);
    expect(metaWebhookEvents(feed({ item: 'post', verb: 'remove', post_id: '42_1' }))).toEqual([
      { kind: 'remove', platform: 'facebook', accountId: '42', externalId: '42_1' },
    ]);
    expect(metaWebhookEvents(feed({ item: 'reaction', verb: 'add', post_id: '42_1', reaction_type: 'like' }))).toEqual(
      [],
    );
    expect(metaWebhookEvents({ hello: 'world' })).toEqual([]);
    expect(metaWebhookEvents(null)).toEqual([]);
  });

  it("reads Threads' envelope: a reply for the root post's owner, a mention for the one mentioned, a delete", () => {
    const reply = {
      app_id: '123',
      topic: 'moderate',
      target_id: '78901',
      time: 1_723_226_877,
      values: {
        field: 'replies',
        value: {
          id: '8901234',
          username: 'lena',
          text: 'Is it waterproof?',
          media_type: 'TEXT_POST',
          permalink: 'https://www.threads.net/@lena/post/Pp',
          replied_to: { id: '78901' },
          root_post: { id: '78901', owner_id: '555', username: 'acme' },
          timestamp: '2024-08-07T10:33:16+0000',
        },
      },
    };
    expect(metaWebhookEvents(reply)).toMatchObject([
      {
        kind: 'upsert',
        platform: 'threads',
        accountId: '555',
        post: { externalId: '8901234', kind: 'comment', threadExternalId: '78901', author: { handle: 'lena' } },
      },
    ]);
    const mention = {
      ...reply,
      topic: 'interaction',
      target_id: 555,
      values: { field: 'mentions', value: { ...reply.values.value, replied_to: undefined, root_post: undefined } },
    };
    expect(metaWebhookEvents(mention)).toMatchObject([{ kind: 'upsert', accountId: '555', post: { kind: 'post' } }]);
    const gone = { ...reply, values: { field: 'delete', value: { id: '8901234', owner: { owner_id: '555' } } } };
    expect(metaWebhookEvents(gone)).toEqual([
      { kind: 'remove', platform: 'threads', accountId: '555', externalId: '8901234' },
    ]);
  });

  it("reads Instagram's mentions as posts to fetch, and drops ids that are not Meta ids", () => {
    const delivery = (value: unknown) => ({
      object: 'instagram',
      entry: [{ id: '1784100', time: 1_700_000_000, changes: [{ field: 'mentions', value }] }],
    });
    expect(metaWebhookEvents(delivery({ media_id: '17901', comment_id: 17902 }))).toEqual([
      { kind: 'lookup', platform: 'instagram', accountId: '1784100', ref: { mediaId: '17901', commentId: '17902' } },
    ]);
    expect(metaWebhookEvents(delivery({ media_id: '17901' }))).toEqual([
      { kind: 'lookup', platform: 'instagram', accountId: '1784100', ref: { mediaId: '17901' } },
    ]);
    expect(metaWebhookEvents(delivery({ media_id: '1){id},access_token' }))).toEqual([]);
  });
});
