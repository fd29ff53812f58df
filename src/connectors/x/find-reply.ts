import { decodeHTML } from 'entities';
import type { TwitterApi } from 'twitter-api-v2';
import { sameReplyText } from '../reply-match';
import { ConnectorError, type ReplyResult } from '../types';

/**
 * Finds a reply we may have posted on X: the connected account's own timeline
 * (GET /2/users/:id/tweets, newest first, from when the reply was queued), a post that replied to
 * the parent with our text. The timeline is read, not search: it shows a post at once, search
 * only once indexed.
 */
/** X reaches back 3,200 posts of a timeline, 100 a page. */
const MAX_PAGES = 32;
/** Clocks differ: a post may carry a time a little before the one we queued the reply at. */
const CLOCK_SLACK_MS = 5 * 60_000;

interface TimelineTweet {
  id?: unknown;
  text?: unknown;
  referenced_tweets?: { type?: unknown; id?: unknown }[];
}
interface TimelinePage {
  data?: unknown;
  meta?: { next_token?: unknown };
}

const unreadable = (what: string) =>
  new ConnectorError('transient', `X answered ${what} we could not read`, { platform: 'x' });

export async function findXReply(
  api: TwitterApi,
  parentId: string,
  text: string,
  queuedAt: Date | undefined,
): Promise<ReplyResult | null> {
  const me = (await api.v2.get<{ data?: { id?: unknown } }>('users/me')).data?.id;
  if (typeof me !== 'string') throw unreadable('an account');
  const startTime = queuedAt
    ? new Date(queuedAt.getTime() - CLOCK_SLACK_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
    : undefined;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.v2.get<TimelinePage>(`users/${me}/tweets`, {
      max_results: 100,
      'tweet.fields': 'referenced_tweets,created_at',
      exclude: 'retweets',
      ...(startTime ? { start_time: startTime } : {}),
      ...(token ? { pagination_token: token } : {}),
    });
    // A timeline with nothing in the window has no `data` at all.
    const tweets = res.data ?? [];
    if (!Array.isArray(tweets)) throw unreadable('a timeline');
    const hit = (tweets as TimelineTweet[]).find(
      (t) =>
        typeof t.id === 'string' &&
        typeof t.text === 'string' &&
        (t.referenced_tweets ?? []).some((r) => r.type === 'replied_to' && r.id === parentId) &&
        sameReplyText(decodeHTML(t.text), text),
    );
    if (hit) return { externalId: hit.id as string, url: `https://x.com/i/web/status/${hit.id}` };
    token = typeof res.meta?.next_token === 'string' ? res.meta.next_token : undefined;
    if (!token) break;
  }
  return null;
}
