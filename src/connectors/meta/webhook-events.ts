import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import { fbCommentToSocial, fbPostToSocial } from './facebook-posts';
import { graphTime } from './graph-client';
import type { MetaPlatform } from './graph-errors';
import type { WebhookRef } from '../types';

/**
 * Meta's webhooks, read: the signature check and the events a delivery carries, in platform-neutral terms.
 * Pure: the route verifies and stores the delivery, a job hands these events to the one flow.
 */

/**
 * `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the raw body keyed with the app secret (the Facebook
 * app's, or the Threads app's for Threads), compared in constant time. Any configured secret may match.
 */
export function verifyMetaSignature(rawBody: Uint8Array, header: string | null | undefined, secrets: string[]) {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!m) return false;
  const given = m[1]!.toLowerCase();
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = bytesToHex(hmac(sha256, utf8ToBytes(secret), rawBody));
    // Every secret is tried, and every character compared: the time taken says nothing about the match.
    ok = sameText(expected, given) || ok;
  }
  return ok;
}

function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** What one webhook event asks of us, for the account (`accountId`: Page, Instagram account, Threads profile). */
export type MetaWebhookEvent =
  | { kind: 'upsert'; platform: MetaPlatform; accountId: string; post: SocialPost }
  | { kind: 'remove'; platform: MetaPlatform; accountId: string; externalId: string }
  /** `at`: when Meta says it happened (the entry's time, Unix seconds): hide and unhide may arrive swapped. */
  | { kind: 'hidden'; platform: MetaPlatform; accountId: string; externalId: string; hidden: boolean; at: number }
  /** Instagram's @mentions name the media or comment only: the post is fetched with the account's token. */
  | { kind: 'lookup'; platform: MetaPlatform; accountId: string; ref: WebhookRef };

const fbFeedValue = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: z.string().optional(),
  comment_id: z.string().optional(),
  parent_id: z.string().optional(),
  message: z.string().optional(),
  from: z.object({ id: z.string(), name: z.string().default('') }).optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
  post: z.object({ permalink_url: z.string().optional() }).optional(),
});

const igCommentValue = z.object({
  id: z.string(),
  text: z.string(),
  from: z.object({ id: z.string(), username: z.string().default('') }),
  media: z.object({ id: z.string() }),
  parent_id: z.string().optional(),
});

const change = z.object({ field: z.string(), value: z.unknown() });
const entry = z.object({ id: z.string(), time: z.number().optional(), changes: z.array(change).default([]) });
const envelope = z.object({ object: z.string(), entry: z.array(entry) });

/** Threads sends one event a delivery, without `entry`: {app_id, topic, target_id, values: {field, value}}. */
const threadsEnvelope = z.object({
  topic: z.string(),
  target_id: z.union([z.string(), z.number()]).transform(String),
  values: z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) }),
});
const threadsMedia = z.object({
  id: z.string(),
  username: z.string().min(1),
  text: z.string().min(1),
  timestamp: z.string(),
  permalink: z.string().optional(),
  replied_to: z.object({ id: z.string() }).optional(),
  root_post: z.object({ id: z.string(), owner_id: z.union([z.string(), z.number()]).transform(String) }).optional(),
});

/** The events of one delivery (`object: page | instagram`, entry[].changes[]; or Threads' own envelope). */
export function metaWebhookEvents(body: unknown): MetaWebhookEvent[] {
  const threads = threadsEnvelope.safeParse(body);
  if (threads.success) return threadsEvent(threads.data);
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return [];
  const out: MetaWebhookEvent[] = [];
  for (const e of parsed.data.entry) {
    for (const c of e.changes) {
      if (parsed.data.object === 'page' && c.field === 'feed') out.push(...pageFeedEvent(e.id, c.value, e.time ?? 0));
      if (parsed.data.object === 'instagram' && c.field === 'comments')
        out.push(...igCommentEvent(e.id, c.value, e.time));
      if (parsed.data.object === 'instagram' && c.field === 'mentions') out.push(...igMentionEvent(e.id, c.value));
    }
  }
  return out;
}

function pageFeedEvent(pageId: string, value: unknown, time: number): MetaWebhookEvent[] {
  const v = fbFeedValue.safeParse(value);
  if (!v.success) return [];
  const { item, verb } = v.data;
  const id = item === 'comment' ? v.data.comment_id : v.data.post_id;
  if (!id || !['comment', 'post', 'status', 'photo', 'video'].includes(item)) return [];
  const base = { platform: 'facebook' as const, accountId: pageId };
  if (verb === 'remove' || verb === 'delete') return [{ kind: 'remove', ...base, externalId: id }];
  if (verb === 'hide' || verb === 'unhide')
    return [{ kind: 'hidden', ...base, externalId: id, hidden: verb === 'hide', at: time }];
  if (verb !== 'add' && verb !== 'edited' && verb !== 'edit') return [];
  // The Page's own comments and posts are ours (replies the outbox has), and words are what a mention needs.
  const { from, message } = v.data;
  if (!from || from.id === pageId || !message) return [];
  const created = graphTime(v.data.created_time ?? Math.floor(Date.now() / 1000)).toISOString();
  if (item === 'comment') {
    const postId = v.data.post_id ?? id;
    const parent = v.data.parent_id && v.data.parent_id !== postId ? { id: v.data.parent_id } : undefined;
    const post = { id: postId, message: null, url: v.data.post?.permalink_url ?? null };
    return [
      {
        kind: 'upsert',
        ...base,
        post: fbCommentToSocial({ id, message, created_time: created, from, ...(parent ? { parent } : {}) }, post),
      },
    ];
  }
  return [{ kind: 'upsert', ...base, post: fbPostToSocial({ id, message, created_time: created, from }) }];
}

const igMentionValue = z.object({
  media_id: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{1,30}$/)),
  comment_id: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{1,30}$/))
    .optional(),
});

/** `mentions`: the account was @mentioned in a caption (media_id) or a comment (comment_id too). */
function igMentionEvent(igUserId: string, value: unknown): MetaWebhookEvent[] {
  const v = igMentionValue.safeParse(value);
  if (!v.success) return [];
  return [
    {
      kind: 'lookup',
      platform: 'instagram',
      accountId: igUserId,
      ref: { mediaId: v.data.media_id, ...(v.data.comment_id ? { commentId: v.data.comment_id } : {}) },
    },
  ];
}

function igCommentEvent(igUserId: string, value: unknown, time: number | undefined): MetaWebhookEvent[] {
  const v = igCommentValue.safeParse(value);
  if (!v.success || v.data.from.id === igUserId) return [];
  const c = v.data;
  const post: SocialPost = {
    externalId: c.id,
    url: null,
    kind: 'comment',
    title: null,
    text: c.text,
    lang: null,
    createdAt: time ? new Date(time * 1000) : new Date(),
    author: {
      externalId: c.from.id,
      handle: c.from.username || null,
      name: null,
      followers: null,
      bio: null,
      url: c.from.username ? `https://www.instagram.com/${c.from.username}` : null,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: c.parent_id ?? c.media.id,
    threadExternalId: c.media.id,
    metrics: {},
    deleted: false,
    raw: { ...c, post: { id: c.media.id, message: null, url: null } },
  };
  return [{ kind: 'upsert', platform: 'instagram', accountId: igUserId, post }];
}

/**
 * A Threads reply or mention becomes a post of the profile it concerns: for a reply the root post's owner,
 * for a mention the mentioned profile (`target_id`); a delete names its owner.
 */
function threadsEvent(e: z.infer<typeof threadsEnvelope>): MetaWebhookEvent[] {
  const { field, value } = e.values;
  if (field === 'delete') {
    const owner = (value.owner as { owner_id?: unknown } | undefined)?.owner_id;
    const id = value.id;
    if (typeof id !== 'string' || (typeof owner !== 'string' && typeof owner !== 'number')) return [];
    return [{ kind: 'remove', platform: 'threads', accountId: String(owner), externalId: id }];
  }
  if (field !== 'replies' && field !== 'mentions') return [];
  const m = threadsMedia.safeParse(value);
  if (!m.success) return [];
  const accountId = field === 'replies' ? m.data.root_post?.owner_id : e.target_id;
  if (!accountId) return [];
  const post: SocialPost = {
    externalId: m.data.id,
    url: m.data.permalink ?? null,
    kind: m.data.replied_to ? 'comment' : 'post',
    title: null,
    text: m.data.text,
    lang: null,
    createdAt: graphTime(m.data.timestamp),
    author: {
      externalId: null,
      handle: m.data.username,
      name: null,
      followers: null,
      bio: null,
      url: `https://www.threads.net/@${m.data.username}`,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: m.data.replied_to?.id ?? null,
    threadExternalId: m.data.root_post?.id ?? m.data.id,
    metrics: {},
    deleted: false,
    raw: m.data,
  };
  return [{ kind: 'upsert', platform: 'threads', accountId, post }];
}
