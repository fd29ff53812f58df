import type { Platform } from '../../src/core/platforms';
import { startFakeBluesky } from '../fakes/bluesky-server';
import type { FakeRequest, FakeServer } from '../fakes/fake-http';
import { startFakeMastodon } from '../fakes/mastodon-server';
import { startFakeReddit } from '../fakes/reddit-server';
import { startFakeX } from '../fakes/x-server';

/**
 * The platforms that take replies, each behind its fake, set up the same way for the reply fault
 * tests: a source's config and credentials, a post to answer, what the fake holds under a post
 * from our account, and the requests that look a reply up.
 */
export interface ReplyPlatform {
  platform: Platform;
  server: FakeServer;
  source: { config: Record<string, unknown>; credentials: Record<string, unknown> };
  /** A post that matches the topic "acme"; its platform id. */
  addParent(text: string): string;
  /** Our replies the fake holds under that post: their ids. */
  posted(parentId: string): string[];
  /** A request that looks for a reply on the platform. */
  isLookup(req: FakeRequest): boolean;
  /** Replies are taken at once but answered only after this long. */
  setReplyDelay(ms: number): void;
  /** Duplicates accepted: X's duplicate rule off, Mastodon's Idempotency-Key forgotten. */
  acceptDuplicates(): void;
}

export const REPLY_PLATFORMS = ['x', 'mastodon', 'bluesky', 'reddit'] as const;
export type ReplyPlatformName = (typeof REPLY_PLATFORMS)[number];

let seq = 0;

export async function startReplyPlatform(platform: ReplyPlatformName): Promise<ReplyPlatform> {
  switch (platform) {
    case 'x': {
      const x = await startFakeX();
      const credentials = { bearerToken: 'b', appKey: 'k', appSecret: 's', accessToken: 'at', accessSecret: 'as' };
      return {
        platform,
        server: x,
        source: { config: { baseUrl: x.url }, credentials },
        addParent: (text) => x.addTweet({ text }, { id: String(5_000_000 + ++seq), username: `cust${seq}` }).id,
        posted: (parentId) => x.replies.filter((r) => r.in_reply_to_tweet_id === parentId).map((r) => r.id),
        isLookup: (req) => req.method === 'GET' && req.path === '/2/users/me',
        setReplyDelay: (ms) => {
          x.replyDelayMs = ms;
        },
        acceptDuplicates: () => {
          x.rejectDuplicates = false;
        },
      };
    }
    case 'mastodon': {
      const m = await startFakeMastodon();
      return {
        platform,
        server: m,
        source: { config: { baseUrl: m.url }, credentials: { accessToken: 'test-token' } },
        addParent: (text) => m.addStatus({ content: `<p>${text}</p>` }, { username: `cust${++seq}` }).id,
        posted: (parentId) =>
          m.statuses.filter((s) => s.in_reply_to_id === parentId && s.account.id === m.me.id).map((s) => s.id),
        isLookup: (req) => req.method === 'GET' && req.path.endsWith('/context'),
        setReplyDelay: (ms) => {
          m.replyDelayMs = ms;
        },
        acceptDuplicates: () => {
          m.honorIdempotencyKeys = false;
        },
      };
    }
    case 'bluesky': {
      const b = await startFakeBluesky();
      return {
        platform,
        server: b,
        source: {
          config: { baseUrl: b.url },
          credentials: { identifier: b.account.handle, appPassword: b.account.appPassword },
        },
        addParent: (text) => b.addPost({ text }, { handle: `cust${++seq}.bsky.social` }).uri,
        posted: (parentId) =>
          b.created
            .filter((c) => (c.record.reply as { parent?: { uri?: string } } | undefined)?.parent?.uri === parentId)
            .map((c) => c.uri),
        isLookup: (req) => req.path === '/xrpc/com.atproto.repo.getRecord',
        setReplyDelay: (ms) => {
          b.replyDelayMs = ms;
        },
        // A PDS never takes a second record at one key; other keys it always takes.
        acceptDuplicates: () => undefined,
      };
    }
    case 'reddit': {
      const r = await startFakeReddit();
      const credentials = {
        clientId: 'test-client',
        clientSecret: 'test-secret',
        username: 'acme_support',
        password: 'hunter2',
      };
      return {
        platform,
        server: r,
        source: { config: { baseUrl: r.url, authBaseUrl: r.url, subreddits: ['acme'] }, credentials },
        addParent: (text) =>
          `t3_${r.addPost({ title: text, author: `cust${++seq}`, created_utc: Math.floor(Date.now() / 1000) }).id}`,
        posted: (parentId) =>
          r.items
            .filter((i) => i.kind === 't1' && i.data.parent_id === parentId && i.data.author === 'acme_support')
            .map((i) => i.data.name),
        isLookup: (req) => req.method === 'GET' && req.path.startsWith('/user/'),
        setReplyDelay: (ms) => {
          r.replyDelayMs = ms;
        },
        // Reddit takes the same comment twice as it is.
        acceptDuplicates: () => undefined,
      };
    }
  }
}

/** The part of a post's id its link carries (Bluesky: the record key; Reddit: without t1_). */
export const linkPart = (id: string) => id.replace(/^t1_/, '').replace(/^at:\/\/.*\//, '');
