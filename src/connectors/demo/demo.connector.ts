import { decodeHTML } from 'entities';
import { z } from 'zod';
import type { Connector } from '../types';
import type { SocialPost } from '../../core/social-post';
import sample from './sample-posts.json' with { type: 'json' };
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * Demo replay: streams a bundled sample of real public posts (MIT-licensed, see LICENSE.md) as if
 * they were arriving live, so a fresh install shows a working inbox with no keys and no network.
 */
export const demoConfigSchema = z.object({
  /** Posts per poll. */
  batch: z.number().int().min(1).max(100).default(8),
  /** Start over when the sample is used up (with new ids: each round is "new" posts). */
  loop: z.boolean().default(true),
});
export type DemoConfig = z.infer<typeof demoConfigSchema>;
export const demoCredentialsSchema = z.object({});

const POSTS = (sample as { posts: { id: string; text: string }[] }).posts;

const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Eli',
  'Fatima',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kemal',
  'Lena',
  'Mateo',
  'Nia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
];
const LAST = ['Silva', 'Okafor', 'Müller', 'Nguyen', 'Kowalski', 'Haddad', 'Tanaka', 'Rossi', 'Dubois', 'Jensen'];

/** A stable invented author per sample post (the dataset has none). */
export function demoAuthor(n: number): SocialPost['author'] {
  const first = FIRST[n % FIRST.length]!;
  // Each step changes both names (a stream in order should not read as one family), and each of the 200
  // authors keeps a name of their own: for one first name, k = floor(n / 20) walks all the family names.
  const last = LAST[(n + Math.floor(n / FIRST.length)) % LAST.length]!;
  const handle = `${first}_${last}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z_]/g, '');
  return {
    externalId: `demo-user-${n % 200}`,
    handle,
    name: `${first} ${last}`,
    // Skewed like real audiences: most authors are small, a few are large.
    followers: Math.round(50 * 1.9 ** (n % 13)),
    bio: null,
    url: null,
    avatarUrl: null,
    verified: n % 41 === 0,
  };
}

export const demoConnector: Connector<DemoConfig, Record<string, never>> = {
  platform: 'demo',
  label: 'Demo replay',
  configSchema: demoConfigSchema,
  credentialsSchema: demoCredentialsSchema,
  searches: false,

  async poll({ config, cursor, now }) {
    const start = Number((cursor as { next?: number } | null)?.next ?? 0);
    const end = config.loop ? start + config.batch : Math.min(start + config.batch, POSTS.length);
    const posts: SocialPost[] = [];
    for (let i = start; i < end; i++) {
      const item = POSTS[i % POSTS.length]!;
      const round = Math.floor(i / POSTS.length);
      posts.push({
        externalId: `${item.id}-${round}`,
        url: null,
        kind: 'post',
        title: null,
        text: decodeHTML(item.text),
        lang: 'en',
        // Spread over the last minutes, so the list looks like a live stream.
        createdAt: new Date(now.getTime() - (end - 1 - i) * 7_000),
        author: demoAuthor(i % 200),
        replyToExternalId: null,
        threadExternalId: null,
        metrics: { likes: (i * 7) % 23, reposts: (i * 3) % 5 },
        deleted: false,
        raw: { sampleId: item.id, round, text: item.text },
      });
    }
    return { posts, cursor: { next: end }, more: false };
  },

  // The demo's "platform" is the app itself: a reply is accepted and kept, so the whole inbox
  // (outbox, status, first response time) can be tried without an account anywhere.
  async reply({ inReplyTo }) {
    return { externalId: `demo-reply-${inReplyTo.externalId}-${crypto.randomUUID()}`, url: null };
  },

  async verify() {
    return verifiedAs(true, null, vw.demo, { count: POSTS.length });
  },
};
