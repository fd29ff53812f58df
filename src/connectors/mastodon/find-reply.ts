import { createHash } from 'node:crypto';
import type { mastodon } from 'masto';
import { sameReplyText } from '../reply-match';
import type { ReplyResult } from '../types';

/**
 * Finds a reply we may have posted on Mastodon: among the parent's context descendants, a status
 * of the token's account that answers the parent directly and carries our text.
 * (GET /api/v1/statuses/:id/context; the account from verify_credentials.)
 */
export async function findMastodonReply(
  api: mastodon.rest.Client,
  parentId: string,
  status: string,
  toPlain: (html: string | null | undefined) => string,
): Promise<ReplyResult | null> {
  const me = await api.v1.accounts.verifyCredentials();
  const context = await api.v1.statuses.$select(parentId).context.fetch();
  const hit = (Array.isArray(context?.descendants) ? context.descendants : []).find(
    (s) => s.account?.id === me.id && s.inReplyToId === parentId && sameReplyText(toPlain(s.content), status),
  );
  return hit ? { externalId: hit.id, url: hit.url ?? hit.uri ?? null } : null;
}

/**
 * Mastodon answers a repeated Idempotency-Key (same account, within an hour) with the status it
 * already made. The key names the outbox row; without one, the parent and the text.
 */
export function idempotencyKey(parentId: string, status: string, replyId: string | undefined): string {
  return createHash('sha256')
    .update(replyId ? `reply:${replyId}` : `${parentId}\n${status}`)
    .digest('hex');
}
