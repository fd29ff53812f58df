import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import { newestFirst } from '../db/keyset';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { contactFacts } from '../contacts';
import { mentionById, mentionError, mentionFacts } from '../mentions';
import { communityError } from './errors';
import { ideaEvidence, ideas, ideaSuggestionDismissals } from './schema';

/**
 * Harvesting ideas from what people say elsewhere: mentions the intent model is sure ask for a feature
 * (or that staff tagged so) wait in a queue until staff link them to an idea (they become its evidence and
 * their author one of its supporters), turn them into a new idea, or set them aside.
 */
export interface Suggestion {
  id: string;
  platform: string;
  text: string;
  url: string | null;
  postedAt: Date;
  authorName: string | null;
  authorHandle: string | null;
  authorFollowers: number | null;
  contactId: string | null;
  /** The analyzer's key terms of the post: what it is about (the queue shows them, and matches ideas by them). */
  keyTerms: string[];
  /** Why it waits here: the analyzer was sure it asks for a feature, or a teammate marked it so. */
  reason: 'analyzer' | 'staff';
}

export async function suggestedIdeas(
  db: Db,
  workspaceId: string,
  o: { limit: number; offset: number },
): Promise<{ items: Suggestion[]; total: number }> {
  const m = mentionFacts(workspaceId, { withoutDeleted: true });
  // The analyzer tags a feature request at precision first; the board asks more (the model's stricter
  // suggestion threshold, stored with the analysis), so consumer wishes ("I need a kit kat") stay out. A staff
  // correction stands. Filtered, counted and paged in SQL (the partial index mentions_idea_suggestions_idx).
  const waiting = sql`${m.platform} <> 'community' and 'feature_request' = any(${m.intents})
    and (${m.suggestsIdea} or ${m.intentsOverride} is not null)
    and not exists (select 1 from idea_evidence e where e.mention_id = ${m.id})
    and not exists (select 1 from idea_suggestion_dismissals d where d.mention_id = ${m.id})`;
  const [list, counted] = await Promise.all([
    db.execute(sql`
      select ${m.id}, ${m.platform}, ${m.text}, ${m.url}, ${m.postedAt}, ${m.authorName}, ${m.authorHandle},
        ${m.authorFollowers}, ${m.contactId}, ${m.keyTerms}, ${m.intentsOverride} is not null as by_staff
      from ${m}
      where ${waiting}
      order by ${newestFirst(m.postedAt)}, ${newestFirst(m.id)}
      limit ${o.limit} offset ${o.offset}`),
    db.execute(sql`select count(*)::int as n from ${m} where ${waiting}`),
  ]);
  const kept = rows<{
    id: string;
    platform: string;
    text: string;
    url: string | null;
    posted_at: string | Date;
    author_name: string | null;
    author_handle: string | null;
    author_followers: number | null;
    contact_id: string | null;
    key_terms: string[] | null;
    by_staff: boolean;
  }>(list);
  return {
    items: kept.map((r) => ({
      id: r.id,
      platform: r.platform,
      text: r.text,
      url: r.url,
      postedAt: new Date(r.posted_at),
      authorName: r.author_name,
      authorHandle: r.author_handle,
      authorFollowers: r.author_followers,
      contactId: r.contact_id,
      keyTerms: r.key_terms ?? [],
      reason: r.by_staff ? ('staff' as const) : ('analyzer' as const),
    })),
    total: rows<{ n: number }>(counted)[0]?.n ?? 0,
  };
}

/** A mention named in a body is a bad field when unknown; one named in the path is simply not there. */
async function mentionOf(db: Db, workspaceId: string, mentionId: string, named: 'body' | 'path' = 'body') {
  const m = await mentionById(db, workspaceId, mentionId);
  if (!m && named === 'path') throw mentionError('MENTION_NOT_FOUND');
  if (!m) throw communityError('EVIDENCE_MENTION_UNKNOWN', { field: 'mentionId' });
  return m;
}

/** Links a mention to an idea as evidence; its author joins the idea's supporters. */
export async function addEvidence(
  db: Db,
  actor: Actor,
  ideaId: string,
  mentionId: string,
  now: Date,
  mentionNamed: 'body' | 'path' = 'body',
) {
  const [idea] = await db
    .select()
    .from(ideas)
    .where(and(eq(ideas.workspaceId, actor.workspaceId), eq(ideas.id, ideaId)));
  if (!idea) throw communityError('IDEA_NOT_FOUND');
  const target = idea.mergedIntoId ?? idea.id;
  await mentionOf(db, actor.workspaceId, mentionId, mentionNamed);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ideaEvidence)
      .values({ workspaceId: actor.workspaceId, ideaId: target, mentionId, addedBy: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [existing] = await tx.select().from(ideaEvidence).where(eq(ideaEvidence.mentionId, mentionId));
      if (existing?.ideaId !== target) throw communityError('EVIDENCE_OF_ANOTHER_IDEA', { ideaId: existing?.ideaId });
      return existing;
    }
    await recordAudit(tx, actor, {
      action: 'idea.evidence_added',
      targetType: 'idea',
      targetId: target,
      details: { mentionId },
    });
    return row;
  });
}

/** A new idea in staff's words from a mention that asks for it, with the mention as its first evidence. */
export async function createIdeaFromMention(
  db: Db,
  actor: Actor,
  mentionId: string,
  input: { title: string; body: string; categoryId?: string | null },
  now: Date,
  mentionNamed: 'body' | 'path' = 'body',
) {
  await mentionOf(db, actor.workspaceId, mentionId, mentionNamed);
  // One transaction: a mention that is already another idea's evidence leaves no idea behind.
  return db.transaction(async (tx) => {
    const [idea] = await tx
      .insert(ideas)
      .values({
        workspaceId: actor.workspaceId,
        createdByUserId: actor.userId,
        title: input.title,
        body: input.body,
        categoryId: input.categoryId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await addEvidence(tx, actor, idea!.id, mentionId, now);
    return idea!;
  });
}

export async function dismissSuggestion(db: Db, actor: Actor, mentionId: string) {
  await mentionOf(db, actor.workspaceId, mentionId, 'path');
  await db
    .insert(ideaSuggestionDismissals)
    .values({ workspaceId: actor.workspaceId, mentionId, dismissedBy: actor.userId })
    .onConflictDoNothing();
}

/**
 * What backs an idea: votes, the mentions linked to it, its supporters (voters' contacts and the
 * authors of its evidence) with their reach and lifecycle stages, and how people felt saying it.
 */
export async function ideaEvidenceSummary(db: Db, workspaceId: string, ideaId: string) {
  // Evidence counts whatever became of the post since (deleted ones too).
  const m = mentionFacts(workspaceId);
  const c = contactFacts('c');
  const linked = rows<{
    id: string;
    platform: string;
    text: string;
    url: string | null;
    posted_at: string | Date;
    author_name: string | null;
    author_handle: string | null;
    contact_id: string | null;
    sentiment: string | null;
  }>(
    await db.execute(sql`
      select ${m.id}, ${m.platform}, ${m.text}, ${m.url}, ${m.postedAt}, ${m.authorName}, ${m.authorHandle},
        ${m.contactId}, ${m.label} as sentiment
      from idea_evidence e join ${m} on ${m.id} = e.mention_id
      where e.workspace_id = ${workspaceId}::uuid and e.idea_id = ${ideaId}::uuid order by ${m.postedAt} desc`),
  );
  const [support] = rows<{
    supporters: number;
    reach: number | null;
    stages: Record<string, number> | null;
    mean: number | null;
    positive: number;
    neutral: number;
    negative: number;
  }>(
    await db.execute(sql`
      with people as (
        select mem.contact_id from idea_votes v join community_members mem on mem.id = v.member_id
        where v.idea_id = ${ideaId}::uuid and mem.contact_id is not null
        union
        select ${m.contactId} from idea_evidence e join ${m} on ${m.id} = e.mention_id
        where e.idea_id = ${ideaId}::uuid and ${m.contactId} is not null
      ),
      said as (
        select ${m.sentiment} as s from idea_evidence e join ${m} on ${m.id} = e.mention_id
        where e.idea_id = ${ideaId}::uuid
        union all
        select ${m.sentiment} from ideas i join ${m} on ${m.id} = i.mention_id
        where i.id = ${ideaId}::uuid or i.merged_into_id = ${ideaId}::uuid
        union all
        select ${m.sentiment} from idea_comments ic join ${m} on ${m.id} = ic.mention_id
        where ic.idea_id = ${ideaId}::uuid and ic.visibility = 'visible'
      )
      select
        (select count(*)::int from people) as supporters,
        (select sum(${c.followers})::int from ${c} join people p on p.contact_id = ${c.id}) as reach,
        (select jsonb_object_agg(stage, n) from (
          select ${c.lifecycleStage} as stage, count(*)::int as n from ${c} join people p on p.contact_id = ${c.id}
          group by 1
        ) x) as stages,
        (select avg(s)::float8 from said) as mean,
        (select count(*)::int from said where s > 0.05) as positive,
        (select count(*)::int from said where s between -0.05 and 0.05) as neutral,
        (select count(*)::int from said where s < -0.05) as negative`),
  );
  return {
    mentions: linked.map((m) => ({
      id: m.id,
      platform: m.platform,
      text: m.text,
      url: m.url,
      postedAt: new Date(m.posted_at),
      authorName: m.author_name,
      authorHandle: m.author_handle,
      contactId: m.contact_id,
      sentiment: m.sentiment,
    })),
    supporters: support?.supporters ?? 0,
    reach: support?.reach ?? 0,
    stages: support?.stages ?? {},
    sentiment: {
      mean: support?.mean ?? null,
      positive: support?.positive ?? 0,
      neutral: support?.neutral ?? 0,
      negative: support?.negative ?? 0,
    },
  };
}
