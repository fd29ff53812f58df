import twitterText from 'twitter-text';
import type { Platform } from '../../core/platforms';

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

const LIMITS: Partial<Record<Platform, number>> = { x: 280, mastodon: 500, bluesky: 300, reddit: 10_000, demo: 1_000 };
const URL_RE = /\bhttps?:\/\/\S+/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export const canReplyOn = (platform: Platform) => LIMITS[platform] !== undefined;

export function replyLength(platform: Platform, text: string): number {
  if (platform === 'x') return twitterText.parseTweet(text).weightedLength;
  if (platform === 'mastodon') return [...text.replace(URL_RE, 'x'.repeat(23))].length;
  if (platform === 'bluesky') return [...segmenter.segment(text)].length;
  return [...text].length;
}

export function checkReply(platform: Platform, text: string): LengthCheck {
  const limit = LIMITS[platform];
  if (limit === undefined) return { ok: false, length: 0, limit: 0, message: `Replies cannot be sent on ${platform}` };
  const length = replyLength(platform, text);
  if (text.trim().length === 0) return { ok: false, length, limit, message: 'The reply is empty' };
  if (length > limit)
    return {
      ok: false,
      length,
      limit,
      message: `The reply is ${length} characters as ${platform} counts them; the limit is ${limit}`,
    };
  return { ok: true, length, limit, message: null };
}
