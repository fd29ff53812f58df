import type { z } from 'zod';
import { ConnectorError, type SkippedItem } from './types';
import type { SocialPost } from '../core/social-post';

/**
 * Reading a platform's "200" at the connector edge. A proxy's HTML page, `{}`, `data` that is not a
 * list or posts reduced to their ids are not "nothing new": taken as such they end a pass early
 * and move the cursor past unread pages. Each is an error in our words, thrown before any cursor
 * is returned, so the poller keeps the last committed one and the next poll reads the page again.
 */
const unreadable = (label: string, why: string, platform: string) =>
  new ConnectorError('transient', `${label} ${why}`, { platform });

const looksHtml = (text: string, contentType?: string | null) =>
  /html/i.test(contentType ?? '') || /^\s*(<!doctype html|<html|<head|<body)/i.test(text);

/** Why a body is not JSON, said plainly: an HTML page or something else. */
export function notJson(label: string, platform: string, text: string, contentType?: string | null): ConnectorError {
  return looksHtml(text, contentType)
    ? unreadable(label, 'answered an HTML page, not JSON', platform)
    : unreadable(label, 'answered something that is not JSON', platform);
}

/** Parses a body as JSON or throws notJson. */
export function parseJson(label: string, platform: string, text: string, contentType?: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notJson(label, platform, text, contentType);
  }
}

/** The answer as the endpoint's schema says, else "<label> answered JSON without <what>". */
export function expectShape<S extends z.ZodType>(
  schema: S,
  body: unknown,
  label: string,
  platform: string,
  what: string,
): z.infer<S> {
  if (typeof body === 'string') throw notJson(label, platform, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unreadable(label, `answered JSON without ${what}`, platform);
  return parsed.data;
}

/**
 * Turns a page's items into posts, skipping each item that lacks what a mention needs (never
 * inventing a text, an author or a date for it). A page whose every item is unusable is a broken
 * answer, not a page of skips: an ids-only reply must not be taken for the platform's word.
 */
export function usablePosts<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  toPost: (item: T) => SocialPost,
  label: string,
  platform: string,
): { posts: SocialPost[]; skipped: SkippedItem[] } {
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      posts.push(toPost(parsed.data));
      continue;
    }
    const id = (item as { id?: unknown; uri?: unknown; objectID?: unknown } | null) ?? {};
    const externalId = String(id.id ?? id.uri ?? id.objectID ?? '').slice(0, 100);
    const missing = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'item'))].slice(0, 5).join(', ');
    skipped.push({ externalId, reason: `missing or invalid: ${missing}` });
  }
  if (items.length > 0 && posts.length === 0) {
    throw unreadable(label, 'answered posts without the fields a mention needs (text, author or date)', platform);
  }
  return { posts, skipped };
}
