import { sql } from 'drizzle-orm';
import type { SocialPost } from '../core/social-post';
import { identityKey } from '../contacts';
import { markThreadedSql, storedConfidence } from '../mentions';
import { toJsonParam } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import type { Analysis } from '../sentiment';
import type { Platform } from '../core/platforms';
import { priorityColumns, type PriorityFacts, reprioritised, savePriorities } from './priority-columns';
import type { ConversationFacts } from './rules';

/**
 * Threading at ingest: each new mention joins the conversation of its platform thread and author
 * (created when it is the first), in two statements per chunk. A new post in a closed or snoozed
 * conversation reopens it; spam stays spam. Returns what changed, for the flow's next steps:
 * prioritise (prioritiseThreaded), route (routing.ts) and the events it raises.
 */

export interface ThreadedMention {
  mentionId: string;
  post: SocialPost;
  analysis: Analysis;
  topicIds: string[];
  contactId: string | null;
}

/** A conversation a chunk of mentions created, reopened or added to. */
export interface ThreadedConversation {
  id: string;
  created: boolean;
  reopened: boolean;
  /** Its merged state as the statement left it: what re-prioritising reads. */
  state: PriorityFacts & { priority_pinned: boolean };
  /** What routing rules match on, for a conversation this chunk created (null otherwise). */
  facts: ConversationFacts | null;
}

/** The platform thread a post belongs to: its root when the platform says, else the post itself. */
export const threadKeyOf = (post: SocialPost) => post.threadExternalId ?? post.replyToExternalId ?? post.externalId;

export async function threadMentions(
  db: Db,
  workspaceId: string,
  platform: Platform,
  items: ThreadedMention[],
  now: Date,
  confidenceThreshold: number,
): Promise<ThreadedConversation[]> {
  if (items.length === 0) return [];
  const groups = new Map<string, ThreadedMention[]>();
  for (const item of items) {
    const key = `${threadKeyOf(item.post)}\u0000${identityKey(item.post.author) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const input = [...groups.entries()].map(([key, list]) => {
    const [threadKey, authorKey] = key.split('\u0000') as [string, string];
    const sorted = [...list].sort((a, b) => a.post.createdAt.getTime() - b.post.createdAt.getTime());
    const first = sorted[0]!;
    const latest = sorted.at(-1)!;
    return {
      thread_key: threadKey,
      author_key: authorKey,
      contact_id: latest.contactId,
      n: list.length,
      first_at: first.post.createdAt.toISOString(),
      last_at: latest.post.createdAt.toISOString(),
      latest_mention_id: latest.mentionId,
      subject: (latest.post.title ?? latest.post.text).replace(/\s+/g, ' ').slice(0, 200),
      author_name: latest.post.author.name?.slice(0, 300) ?? null,
      author_handle: latest.post.author.handle?.slice(0, 200) ?? null,
      author_followers: latest.post.author.followers,
      topic_ids: [...new Set(list.flatMap((i) => i.topicIds))],
      intents: [...new Set(list.flatMap((i) => i.analysis.intents))],
      sentiment_label: latest.analysis.label,
      sentiment_score: latest.analysis.label === 'unscored' ? null : latest.analysis.score,
      sentiment_confidence: storedConfidence(latest.analysis),
      language: latest.analysis.language,
    };
  });
  // What a new conversation's priority is; a conversation that already exists is re-prioritised
  // below from its merged state (more intents, an older wait).
  const withPriority = input.map((r) => ({
    ...r,
    ...priorityColumns(
      {
        intents: r.intents,
        sentimentLabel: r.sentiment_label,
        sentimentScore: r.sentiment_score,
        sentimentConfidence: r.sentiment_confidence,
        authorFollowers: r.author_followers,
        waitingSince: new Date(r.first_at),
        firstInboundAt: new Date(r.first_at),
        slaStartedAt: new Date(r.first_at),
      },
      now,
      confidenceThreshold,
    ),
  }));
  // Each new mention, with the conversation key it joins.
  const mentionKeys = [...groups.entries()].flatMap(([key, list]) => {
    const [thread_key, author_key] = key.split('\u0000') as [string, string];
    return list.map((i) => ({ id: i.mentionId, thread_key, author_key }));
  });
  const changed = rows<
    PriorityFacts & {
      thread_key: string;
      author_key: string;
      created: boolean;
      reopened: boolean;
      priority_pinned: boolean;
    }
  >(
    await db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${toJsonParam(withPriority)}::jsonb) as r(thread_key text, author_key text,
          contact_id uuid, n integer, first_at timestamptz, last_at timestamptz, latest_mention_id uuid, subject text,
          author_name text, author_handle text, author_followers integer, topic_ids uuid[], intents text[],
          sentiment_label text, sentiment_score real, sentiment_confidence real, language text, priority text,
          priority_rank integer,
          priority_reason text, first_response_due_at timestamptz, resolution_due_at timestamptz)
      ),
      -- One unique-index lookup per input row, however stale the table's statistics: the "limit 1"
      -- keeps the planner from flattening this into a join that reads all of a platform's conversations.
      prior as (
        select c.id, c.status from input r cross join lateral (
          select id, status from conversations c
          where c.workspace_id = ${workspaceId}::uuid and c.platform = ${platform}
            and c.thread_key = r.thread_key and c.author_key = r.author_key limit 1
        ) c
      ),
      upserted as (
        insert into conversations as c (workspace_id, platform, thread_key, author_key, contact_id, mention_count,
          latest_mention_id, subject, author_name, author_handle, author_followers, topic_ids, intents, sentiment_label,
          sentiment_score, sentiment_confidence, language, first_inbound_at, last_inbound_at, waiting_since,
          last_activity_at, sla_started_at, priority, priority_rank, priority_reason, first_response_due_at,
          resolution_due_at)
        select ${workspaceId}::uuid, ${platform}, r.thread_key, r.author_key, r.contact_id, r.n, r.latest_mention_id,
          r.subject, r.author_name, r.author_handle, r.author_followers, coalesce(r.topic_ids, '{}'),
          coalesce(r.intents, '{}'), r.sentiment_label, r.sentiment_score, r.sentiment_confidence, r.language,
          r.first_at, r.last_at, r.first_at, r.last_at, r.first_at, r.priority, r.priority_rank, r.priority_reason,
          r.first_response_due_at, r.resolution_due_at
        from input r
        on conflict (workspace_id, platform, thread_key, author_key) do update set
          mention_count = c.mention_count + excluded.mention_count,
          contact_id = coalesce(excluded.contact_id, c.contact_id),
          latest_mention_id = case when excluded.last_inbound_at >= c.last_inbound_at
            then excluded.latest_mention_id else c.latest_mention_id end,
          subject = case when excluded.last_inbound_at >= c.last_inbound_at then excluded.subject else c.subject end,
          sentiment_label = case when excluded.last_inbound_at >= c.last_inbound_at
            then excluded.sentiment_label else c.sentiment_label end,
          sentiment_score = case when excluded.last_inbound_at >= c.last_inbound_at
            then excluded.sentiment_score else c.sentiment_score end,
          sentiment_confidence = case when excluded.last_inbound_at >= c.last_inbound_at
            then excluded.sentiment_confidence else c.sentiment_confidence end,
          language = coalesce(excluded.language, c.language),
          author_name = coalesce(excluded.author_name, c.author_name),
          author_handle = coalesce(excluded.author_handle, c.author_handle),
          author_followers = coalesce(excluded.author_followers, c.author_followers),
          topic_ids = (select array(select distinct unnest(c.topic_ids || excluded.topic_ids))),
          intents = (select array(select distinct unnest(c.intents || excluded.intents))),
          first_inbound_at = least(c.first_inbound_at, excluded.first_inbound_at),
          last_inbound_at = greatest(c.last_inbound_at, excluded.last_inbound_at),
          waiting_since = coalesce(c.waiting_since, excluded.waiting_since),
          last_activity_at = greatest(c.last_activity_at, excluded.last_activity_at),
          status = case when c.status in ('closed', 'snoozed') then 'open' else c.status end,
          snoozed_until = case when c.status in ('closed', 'snoozed') then null else c.snoozed_until end,
          resolved_at = case when c.status = 'closed' then null else c.resolved_at end,
          -- A closed conversation written to again starts a new SLA cycle from that post.
          sla_started_at = case when c.status = 'closed' then excluded.first_inbound_at else c.sla_started_at end,
          updated_at = ${now.toISOString()}::timestamptz
        returning c.id, c.thread_key, c.author_key, (xmax = 0) as created, c.priority_pinned, c.intents,
          c.sentiment_label, c.sentiment_score, c.sentiment_confidence,
          ${confidenceThreshold}::real as confidence_threshold, c.author_followers, c.waiting_since, c.first_inbound_at,
          c.sla_started_at
      ),
      changed as (
        select u.*, coalesce(p.status in ('closed', 'snoozed'), false) as reopened
        from upserted u left join prior p on p.id = u.id
      ),
      -- The new mentions point at their conversation (mentions owns the column) and new or reopened
      -- conversations say so in their history: in this same statement, one round trip for the chunk.
      linked as (
        ${markThreadedSql(sql`(
          select l.id as mention_id, ch.id as conversation_id
          from jsonb_to_recordset(${toJsonParam(mentionKeys)}::jsonb) as l(id uuid, thread_key text, author_key text)
          join changed ch on ch.thread_key = l.thread_key and ch.author_key = l.author_key
        )`)}
      ),
      logged as (
        insert into conversation_events (workspace_id, conversation_id, kind, details)
        select ${workspaceId}::uuid, ch.id, case when ch.created then 'created' else 'reopened' end, '{}'::jsonb
        from changed ch where ch.created or ch.reopened
      )
      select * from changed`),
  );
  const inputByKey = new Map(input.map((r) => [`${r.thread_key}\u0000${r.author_key}`, r]));
  return changed.map(({ thread_key, author_key, created, reopened, ...state }) => {
    const key = `${thread_key}\u0000${author_key}`;
    const r = inputByKey.get(key)!;
    return {
      id: state.id,
      created,
      reopened,
      state,
      facts: created
        ? {
            platform,
            topicIds: r.topic_ids,
            sentimentScore: r.sentiment_score,
            intents: r.intents,
            followers: r.author_followers,
            text: (groups.get(key) ?? []).map((i) => `${i.post.title ?? ''} ${i.post.text}`).join('\n'),
            language: r.language,
          }
        : null,
    };
  });
}

/** Conversations that already existed get their priority from their merged state, unless staff pinned it. */
export async function prioritiseThreaded(tx: Db, threaded: ThreadedConversation[], now: Date): Promise<void> {
  await savePriorities(
    tx,
    threaded.filter((c) => !c.created && !c.state.priority_pinned).map((c) => reprioritised(c.state, now)),
  );
}
