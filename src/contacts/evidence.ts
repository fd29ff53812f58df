import type { DuplicateReason } from './schema';

/**
 * Pure evidence about who an author is: the emails and website in a profile, a name made
 * comparable, and how sure a set of weak hints makes us. No I/O: linking (link.ts) asks the
 * database, this decides.
 */

const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** Emails written in a bio ("reach me: ana@example.com", "ana [at] example.com" is not taken). */
export function emailsIn(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set((text.match(EMAIL_RE) ?? []).map((e) => e.toLowerCase().replace(/\.$/, '')))];
}

// Hosts that say where a profile lives, not whose website it is.
const PLATFORM_HOSTS = new RegExp(
  String.raw`(?:^|\.)(?:x\.com|twitter\.com|t\.co|bsky\.app|bsky\.social|reddit\.com|redd\.it|ycombinator\.com|` +
    String.raw`linktr\.ee|instagram\.com|facebook\.com|tiktok\.com|youtube\.com|youtu\.be|linkedin\.com|` +
    String.raw`github\.com|medium\.com|substack\.com|mastodon\.social|threads\.net)$`,
);

const URL_RE = /\bhttps?:\/\/[^\s<>"')]+|\bwww\.[^\s<>"')]+/gi;

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    return u.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The author's own website domain: their profile link or the first link in the bio, unless it is
 * a social platform (or the instance their profile lives on).
 */
export function websiteDomain(
  author: { url: string | null; bio: string | null },
  profileHost: string | null = null,
): string | null {
  const candidates = [author.url, ...(author.bio?.match(URL_RE) ?? [])];
  for (const c of candidates) {
    const host = hostOf(c);
    if (host?.includes('.') && !PLATFORM_HOSTS.test(host) && host !== profileHost) return host;
  }
  return null;
}

/** Lower-case letters and digits, one space between words: "  Ana  María 🌻 " -> "ana maría". */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A name worth comparing: two words, or one of six letters or more ("Bob" alone says nothing), and
 * no digits ("user 4821" and "user 4822" are generated, not alike).
 */
export function comparableName(normalized: string): boolean {
  if (/\d/.test(normalized)) return false;
  return normalized.includes(' ') ? normalized.length >= 5 : normalized.length >= 6;
}

const WEIGHT: Record<DuplicateReason['code'], number> = {
  same_profile_url: 0.9,
  same_email: 0.95,
  same_avatar: 0.7,
  same_handle: 0.6,
  same_domain: 0.4,
  similar_name: 0.5,
};

/** Independent hints add up: 1 - product of (1 - weight), rounded to two places. */
export function confidenceOf(reasons: DuplicateReason[], nameSimilarity = 1): number {
  let miss = 1;
  for (const r of reasons)
    miss *= 1 - (r.code === 'similar_name' ? WEIGHT.similar_name * nameSimilarity : WEIGHT[r.code]);
  return Math.round((1 - miss) * 100) / 100;
}

/** The pair in uuid order, so one suggestion stands for both directions. */
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);
