import { sameReplyText } from '../reply-match';
import { ConnectorError, type ReplyResult } from '../types';
import type { Listing, RedditClient } from './reddit.client';

/**
 * Finds a reply we may have posted on Reddit: the account's own comments (GET
 * /user/{name}/comments, newest first, raw_json=1 so bodies come unescaped), one whose parent is
 * the thing we answered and whose body is our text. Reading stops at comments older than the reply.
 */
/** Reddit lists the newest 1,000 comments of an account, 100 a page. */
const MAX_PAGES = 10;
/** Clocks differ: a comment may carry a time a little before the one we queued the reply at. */
const CLOCK_SLACK_S = 300;

interface CommentData {
  name?: unknown;
  parent_id?: unknown;
  body?: unknown;
  permalink?: unknown;
  created_utc?: unknown;
}

export async function findRedditReply(
  api: RedditClient,
  username: string,
  parentId: string,
  text: string,
  queuedAt: Date | undefined,
): Promise<ReplyResult | null> {
  const oldest = queuedAt ? queuedAt.getTime() / 1000 - CLOCK_SLACK_S : -Infinity;
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = await api.get<Listing<{ kind: string; data: CommentData }>>(
      `/user/${encodeURIComponent(username)}/comments`,
      {
        sort: 'new',
        limit: 100,
        raw_json: 1,
        ...(after ? { after } : {}),
      },
    );
    if (listing?.kind !== 'Listing' || !Array.isArray(listing.data?.children)) {
      throw new ConnectorError('transient', 'Reddit answered JSON without the listing of our comments.', {
        platform: 'reddit',
      });
    }
    const comments = listing.data.children.filter((c) => c?.kind === 't1').map((c) => c.data);
    const hit = comments.find(
      (c) =>
        c.parent_id === parentId &&
        typeof c.name === 'string' &&
        typeof c.body === 'string' &&
        sameReplyText(c.body, text),
    );
    if (hit) {
      const url = typeof hit.permalink === 'string' ? `https://www.reddit.com${hit.permalink}` : null;
      return { externalId: hit.name as string, url };
    }
    const last = comments.at(-1)?.created_utc;
    if (typeof last === 'number' && last < oldest) break;
    after = listing.data.after ?? undefined;
    if (!after) break;
  }
  return null;
}
