import type { SocialAuthor, SocialPost } from '../core/social-post';
import { cleanJson, cleanText, jsonDepth, MAX_JSON_DEPTH } from '../core/safe-text';

/**
 * The gate every platform post passes before the pipeline touches it. A post the database could not
 * take (a NUL byte, a lone surrogate, a date of 1e300, 5 billion followers, JSON nested 10,000 deep)
 * must not fail the page it came in: text is cleaned, numbers out of range are dropped, and a post
 * that cannot be a mention at all is rejected alone, with its reason.
 */
export type PostCheck = { ok: true; post: SocialPost } | { ok: false; externalId: string; reason: string };

const MAX_INT = 2_147_483_647;
const MAX_ID = 512;
const EARLIEST = Date.UTC(1990, 0, 1);
/** Clocks drift and feeds schedule: a post may be dated a little ahead, not months. */
const AHEAD_MS = 2 * 86_400_000;

const cleanNullable = (s: string | null | undefined): string | null => (typeof s === 'string' ? cleanText(s) : null);

const count = (n: unknown): number | null =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_INT ? n : null;

function cleanAuthor(a: SocialAuthor | undefined): SocialAuthor {
  return {
    externalId: cleanNullable(a?.externalId),
    handle: cleanNullable(a?.handle),
    name: cleanNullable(a?.name),
    followers: count(a?.followers),
    bio: cleanNullable(a?.bio),
    url: cleanNullable(a?.url),
    avatarUrl: cleanNullable(a?.avatarUrl),
    verified: a?.verified === true,
    // Only strings, and a handful: what the platform verified links the account (contacts/link.ts).
    ...(Array.isArray(a?.verifiedEmails)
      ? {
          verifiedEmails: a.verifiedEmails
            .filter((e): e is string => typeof e === 'string')
            .map(cleanText)
            .slice(0, 10),
        }
      : {}),
  };
}

/** Checks and cleans one post; `now` bounds how far in the future a post may be dated. */
export function checkPost(post: SocialPost, now: Date): PostCheck {
  const externalId = typeof post.externalId === 'string' ? cleanText(post.externalId) : '';
  const reject = (reason: string): PostCheck => ({ ok: false, externalId: externalId.slice(0, 100), reason });
  if (!externalId) return reject('no id');
  if (externalId.length > MAX_ID) return reject(`id longer than ${MAX_ID} characters`);
  const at = post.createdAt instanceof Date ? post.createdAt.getTime() : Number.NaN;
  if (!Number.isFinite(at)) return reject('no valid date');
  if (at < EARLIEST || at > now.getTime() + AHEAD_MS) return reject(`date out of range (${describe(at)})`);
  const text = typeof post.text === 'string' ? cleanText(post.text) : '';
  const title = cleanNullable(post.title);
  // An answer that carries only ids (or nothing to read) must never overwrite a stored mention's text.
  if (!text.trim() && !title?.trim() && !post.deleted) return reject('no text');
  if (jsonDepth(post.raw) > MAX_JSON_DEPTH) return reject(`raw JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(post.metrics ?? {})) {
    const n = count(v);
    if (n !== null) metrics[cleanText(k)] = n;
  }
  return {
    ok: true,
    post: {
      ...post,
      externalId,
      url: cleanNullable(post.url),
      title,
      text,
      lang: cleanNullable(post.lang),
      author: cleanAuthor(post.author),
      replyToExternalId: cleanNullable(post.replyToExternalId),
      threadExternalId: cleanNullable(post.threadExternalId),
      metrics,
      deleted: post.deleted === true,
      ...cleanPlace(post.place),
      raw: cleanJson(post.raw ?? null),
    },
  };
}

/** A review's product or place: an id (kept short) and a name, or nothing. */
function cleanPlace(place: SocialPost['place']): Pick<SocialPost, 'place'> {
  const id = typeof place?.id === 'string' ? cleanText(place.id).trim().slice(0, 200) : '';
  if (!id) return {};
  return { place: { id, name: cleanNullable(place?.name)?.slice(0, 300) ?? null } };
}

const describe = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().slice(0, 10);
};
