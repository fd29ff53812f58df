import type { AtpAgent } from '@atproto/api';
import { replyRecordKey } from './reply-rkey';

/**
 * A reply's post written at the record key of its outbox row (com.atproto.repo.createRecord with
 * `rkey`), and read back by that key (com.atproto.repo.getRecord, from the PDS itself, which knows
 * its own records at once, unlike the AppView). A second create at the key is refused by the PDS,
 * so a repeat can never make a second post; the refusal is recognised by reading the key back.
 */
const POST = 'app.bsky.feed.post';

export interface OutboxKey {
  replyId: string;
  queuedAt: Date;
}

/** The record where the reply is, or null when there is none at its key. */
export async function findReplyRecord(agent: AtpAgent, key: OutboxKey): Promise<{ uri: string } | null> {
  try {
    const rkey = replyRecordKey(key.replyId, key.queuedAt);
    const res = await agent.com.atproto.repo.getRecord({ repo: agent.assertDid, collection: POST, rkey });
    return { uri: res.data.uri };
  } catch (e) {
    if ((e as { error?: unknown }).error === 'RecordNotFound') return null;
    throw e;
  }
}

/**
 * Creates the post at its key. When the create fails for a reason the account did not cause
 * (`mayBeRepeat`), the key is read back: a post already there is this reply, made by an earlier
 * attempt, and is the answer.
 */
export async function createReplyRecord(
  agent: AtpAgent,
  key: OutboxKey,
  record: Record<string, unknown>,
  mayBeRepeat: (e: unknown) => boolean,
): Promise<{ uri: string }> {
  try {
    const res = await agent.com.atproto.repo.createRecord({
      repo: agent.assertDid,
      collection: POST,
      rkey: replyRecordKey(key.replyId, key.queuedAt),
      record: { $type: POST, createdAt: new Date().toISOString(), ...record },
    });
    return { uri: res.data.uri };
  } catch (e) {
    if (!mayBeRepeat(e)) throw e;
    const existing = await findReplyRecord(agent, key).catch(() => null);
    if (existing) return existing;
    throw e;
  }
}
