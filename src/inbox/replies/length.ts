import twitterText from 'twitter-text';
import type { AppError } from '../../core/errors';
import type { Platform } from '../../core/platforms';
import { inboxError } from '../errors';

/**
 * Each platform's length rule, counted the way the platform counts: X weights characters and
 * counts every link as 23 (twitter-text, X's own library); Mastodon counts links as 23 too;
 * Bluesky counts graphemes. Pure, so the composer and the server agree.
 */
export interface LengthCheck {
  ok: boolean;
  length: number;
  limit: number;
  message: string | null;
}

// Facebook comments take 8,000 characters, Instagram comments 2,200, Threads posts 500; LinkedIn comments
// 1,250, YouTube comments 10,000; review responses: Google Business Profile 4,096 bytes, the App Store 5,970,
// Google Play 350. The demo replays posts from X (connectors/demo), so its replies are counted and limited as X's.
const LIMITS: Partial<Record<Platform, number>> = {
  x: 280,
  mastodon: 500,
  bluesky: 300,
  reddit: 10_000,
  facebook: 8_000,
  instagram: 2_200,
  threads: 500,
  linkedin: 1_250,
  youtube: 10_000,
  google_reviews: 4_096,
  app_store: 5_970,
  google_play: 350,
  demo: 280,
};
const URL_RE = /\bhttps?:\/\/\S+/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

export const canReplyOn = (platform: Platform) => LIMITS[platform] !== undefined;

export function replyLength(platform: Platform, text: string): number {
  if (platform === 'x' || platform === 'demo') return twitterText.parseTweet(text).weightedLength;
  if (platform === 'mastodon') return [...text.replace(URL_RE, 'x'.repeat(23))].length;
  if (platform === 'bluesky') return [...segmenter.segment(text)].length;
  // Google's owner responses are limited in bytes (UTF-8): 4,096 of them are 1,365 Chinese characters.
  if (platform === 'google_reviews') return utf8.encode(text).length;
  return [...text].length;
}

export function checkReply(platform: Platform, text: string): LengthCheck {
  const problem = replyProblem(platform, text);
  const limit = LIMITS[platform] ?? 0;
  const length = limit ? replyLength(platform, text) : 0;
  return { ok: problem === null, length, limit, message: problem?.message ?? null };
}

/** Why a reply cannot be sent as it is, as the error the outbox refuses it with (null: it can). */
export function replyProblem(platform: Platform, text: string): AppError | null {
  const limit = LIMITS[platform];
  if (limit === undefined)
    return inboxError('REPLY_PLATFORM_UNSUPPORTED', { platform }, { field: 'text', length: 0, limit: 0 });
  const length = replyLength(platform, text);
  const details = { field: 'text', length, limit };
  if (text.trim().length === 0) return inboxError('REPLY_EMPTY', details);
  if (length > limit) return inboxError('REPLY_TOO_LONG', { length, platform, limit }, details);
  return null;
}
