import { sql } from 'drizzle-orm';
import { decodeKeyset, page } from '../db/keyset';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { mentionFacts } from '../mentions';
import { getContactRow } from './contacts.service';

/**
 * Every interaction of a contact across channels, newest first, keyset-paginated. Sources today:
 * their mentions and staff notes; the inbox, community and reply features add theirs to the union.
 */
export interface TimelineItem {
  kind: 'mention' | 'note';
  id: string;
  at: string;
  platform: string | null;
  text: string;
  url: string | null;
  handle: string | null;
  sentiment: string | null;
  intents: string[];
  authorId: string | null;
  /** The inbox conversation a post joined (null: listening only, or a note). */
  conversationId: string | null;
  /** The board idea a community idea or comment belongs to (null for anything else). */
  ideaId: string | null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IDEA_KEY = new RegExp(`^idea:(${UUID})$`, 'i');
const IDEA_IN_URL = new RegExp(`/ideas/(${UUID})(?:[/?#]|$)`, 'i');

/**
 * The board idea a community post belongs to: an idea is stored under `idea:<id>`, a comment under
 * `comment:<id>` with its idea's board address as its url (community/analysis.ts). Pure.
 */
export function boardIdeaOf(platform: string | null, externalId: string | null, url: string | null): string | null {
  if (platform !== 'community' || !externalId) return null;
  const own = IDEA_KEY.exec(externalId);
  if (own) return own[1]!.toLowerCase();
  if (!externalId.startsWith('comment:') || !url) return null;
  return IDEA_IN_URL.exec(url)?.[1]?.toLowerCase() ?? null;
}

export async function contactTimeline(
  db: Db,
  workspaceId: string,
  contactId: string,
  opts: { limit: number; cursor?: string },
) {
  const c = await getContactRow(db, workspaceId, contactId);
  const after = opts.cursor ? decodeKeyset(opts.cursor) : null;
  const cond = after
    ? sql`where (t.at < ${after.at.toISOString()}::timestamptz
        or (t.at = ${after.at.toISOString()}::timestamptz and t.id < ${after.id}::uuid))`
    : sql``;
  // Deleted posts stay in the timeline (the totals leave them out).
  const m = mentionFacts(workspaceId, { contactIds: [contactId] });
  const r = rows<{
    kind: 'mention' | 'note';
    id: string;
    at: string | Date;
    platform: string | null;
    text: string;
    url: string | null;
    handle: string | null;
    sentiment: string | null;
    intents: string[] | null;
    author_id: string | null;
    conversation_id: string | null;
    external_id: string | null;
  }>(
    await db.execute(sql`
      select * from (
        select 'mention' as kind, ${m.id}, ${m.postedAt} as at, ${m.platform}, ${m.text}, ${m.url},
          ${m.authorHandle} as handle, ${m.label} as sentiment, ${m.intents} as intents, null::uuid as author_id,
          ${m.conversationId} as conversation_id, ${m.externalId} as external_id
        from ${m}
        union all
        select 'note', n.id, n.created_at, null, n.body, null, null, null, null, n.author_id, null, null
        from contact_notes n where n.workspace_id = ${workspaceId}::uuid and n.contact_id = ${contactId}::uuid
      ) t ${cond}
      order by t.at desc, t.id desc limit ${opts.limit + 1}`),
  );
  const items: TimelineItem[] = r.map((x) => ({
    kind: x.kind,
    id: x.id,
    at: (x.at instanceof Date ? x.at : new Date(x.at)).toISOString(),
    platform: x.platform,
    text: x.text,
    url: x.url,
    handle: x.handle,
    sentiment: x.sentiment,
    intents: x.intents ?? [],
    authorId: x.author_id,
    conversationId: x.conversation_id,
    ideaId: boardIdeaOf(x.platform, x.external_id, x.url),
  }));
  const p = page(items, opts.limit, (i) => ({ at: new Date(i.at), id: i.id }));
  return {
    items: p.items,
    next: p.next,
    attribution: { firstTouchChannel: c.firstTouchChannel, firstTouchAt: c.firstTouchAt?.toISOString() ?? null },
    lastActivityAt: c.lastActivityAt?.toISOString() ?? null,
  };
}

/** Weekly mean sentiment of the contact's mentions (staff overrides as -1 / 0 / 1), for the chart. */
export async function sentimentHistory(db: Db, workspaceId: string, contactId: string) {
  const m = mentionFacts(workspaceId, { contactIds: [contactId], withoutDeleted: true });
  const r = rows<{ week: string | Date; mean: number; n: number }>(
    await db.execute(sql`
      select date_trunc('week', ${m.postedAt}) as week, avg(${m.sentiment})::float8 as mean, count(*)::int as n
      from ${m} where ${m.sentiment} is not null
      group by 1 order by 1`),
  );
  return r.map((x) => ({
    week: (x.week instanceof Date ? x.week : new Date(x.week)).toISOString().slice(0, 10),
    mean: Math.round(Number(x.mean) * 1000) / 1000,
    count: x.n,
  }));
}
