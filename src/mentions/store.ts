import { sql } from 'drizzle-orm';
import type { SocialPost } from '../core/social-post';
import { type Analysis, hashtagTerms } from '../sentiment';
import { clip, toJsonParam } from '../db/params';
import { rows as rowsOf } from '../db/rows';
import type { Db } from '../db/types';
import type { Platform } from '../core/platforms';
import { mentions } from './schema';

export interface PostToStore {
  post: SocialPost;
  topicIds: string[];
  /** The sentiment pipeline's result; absent only where a caller stores raw posts on purpose. */
  analysis?: Analysis;
  /** The author's identity and contact (src/contacts/link.ts). */
  link?: { identityId: string; contactId: string };
}

export interface StoreResult {
  fetched: number;
  inserted: number;
  /** Already stored before (edited or not). */
  duplicates: number;
  /** Already stored, and the platform changed its text or deleted it since. */
  edited: number;
  insertedIds: string[];
  /** The new rows, for what follows the store in the same transaction (contact totals). */
  insertedRows: { id: string; externalId: string; contactId: string | null; postedAt: Date }[];
  /** External ids of stored rows this page rewrote (an edit or a deletion on the platform). */
  editedExternalIds: string[];
  /** Those rows as stored: an edit keeps the post's first time and contact (what the rollups count under). */
  editedRows: { id: string; externalId: string; contactId: string | null; postedAt: Date }[];
}

// Keeps a hostile or broken platform from filling the database with one post.
export const MAX_TEXT = 40_000;

/** The confidence stored with a label: none for `unscored` (the analyzer said nothing to be sure of). */
export const storedConfidence = (a: { label: string; confidence: number }) =>
  a.label === 'unscored' ? null : a.confidence;

/** A post's text as it is stored (what report rollups read hashtags from). */
export const clipText = (text: string) => clip(text, MAX_TEXT) ?? '';

/**
 * The text the analyzer reads of a post: its title (if any) on the line above its text. Ingest, re-analysis,
 * the vocabulary preview, "why" and the corrections export all read this, so they describe the same text.
 */
export const analysedText = (p: { title?: string | null; text: string }) =>
  p.title ? `${p.title}\n${p.text}` : p.text;

/** The store keeps only part of this text: the mention is marked, and shown as such with a link to the original. */
export const isTruncated = (text: string) => text.length > MAX_TEXT;

/**
 * Stores a page of posts idempotently: unique on (workspace, platform, external id), so a page
 * polled twice (after a crash between commit and cursor save) adds nothing twice. Edited posts
 * update in place; deleted ones are marked, never removed.
 */
export async function storePosts(
  db: Db,
  target: { workspaceId: string; sourceId: string | null; platform: Platform },
  items: PostToStore[],
): Promise<StoreResult> {
  // One statement may not touch a row twice: keep the last copy of a repeated id.
  const unique = [...new Map(items.map((i) => [i.post.externalId, i])).values()];
  if (unique.length === 0)
    return {
      fetched: items.length,
      inserted: 0,
      duplicates: items.length,
      edited: 0,
      insertedIds: [],
      insertedRows: [],
      editedExternalIds: [],
      editedRows: [],
    };
  const rows = unique.map(({ post, topicIds, analysis, link }) => ({
    external_id: post.externalId,
    url: post.url,
    kind: post.kind,
    title: clip(post.title, 1000),
    text: clip(post.text, MAX_TEXT),
    text_truncated: isTruncated(post.text),
    lang: post.lang,
    posted_at: post.createdAt.toISOString(),
    author_external_id: post.author.externalId,
    author_handle: clip(post.author.handle, 200),
    author_name: clip(post.author.name, 300),
    author_followers: post.author.followers,
    author_bio: clip(post.author.bio, 2000),
    author_url: clip(post.author.url, 1000),
    author_avatar_url: clip(post.author.avatarUrl, 1000),
    author_verified: post.author.verified,
    reply_to_external_id: post.replyToExternalId,
    thread_external_id: post.threadExternalId,
    metrics: post.metrics,
    place_id: post.place?.id ?? null,
    place_name: post.place?.name ?? null,
    raw: post.raw ?? null,
    topic_ids: topicIds,
    deleted: post.deleted,
    sentiment_score: analysis?.score ?? null,
    sentiment_label: analysis?.label ?? null,
    sentiment_confidence: analysis ? storedConfidence(analysis) : null,
    language: analysis?.language ?? null,
    intents: analysis?.intents ?? [],
    suggests_idea: analysis?.suggestsIdea ?? false,
    aspects: analysis?.aspects ?? [],
    key_terms: analysis?.keyTerms ?? [],
    hashtags: hashtagTerms(clipText(post.text)),
    analysis_version: analysis?.version ?? null,
    contact_id: link?.contactId ?? null,
    identity_id: link?.identityId ?? null,
  }));
  // The whole page travels as one JSON parameter and is unpacked by PostgreSQL: building a
  // 100-row, 25-column VALUES list in JS cost more than the insert itself (measured: 15 -> 4 ms).
  const result = await db.execute(sql`
    insert into ${mentions} (workspace_id, source_id, platform, external_id, url, kind, title, text, text_truncated,
      lang, posted_at, author_external_id, author_handle, author_name, author_followers, author_bio, author_url,
      author_avatar_url, author_verified, reply_to_external_id, thread_external_id, metrics, place_id, place_name, raw,
      topic_ids, deleted_at,
      sentiment_score, sentiment_label, sentiment_confidence, language, intents, suggests_idea, aspects, key_terms,
      hashtags, analysis_version, contact_id, identity_id)
    select ${target.workspaceId}::uuid, ${target.sourceId}::uuid, ${target.platform}, r.external_id, r.url,
      coalesce(r.kind, 'post'), r.title, coalesce(r.text, ''), coalesce(r.text_truncated, false), r.lang, r.posted_at,
      r.author_external_id, r.author_handle, r.author_name, r.author_followers, r.author_bio, r.author_url,
      r.author_avatar_url, coalesce(r.author_verified, false), r.reply_to_external_id, r.thread_external_id,
      coalesce(r.metrics, '{}'::jsonb), r.place_id, r.place_name, r.raw, coalesce(r.topic_ids, '{}'::uuid[]),
      case when r.deleted then now() end,
      r.sentiment_score, r.sentiment_label, r.sentiment_confidence, r.language, coalesce(r.intents, '{}'::text[]),
      coalesce(r.suggests_idea, false), coalesce(r.aspects, '[]'::jsonb), coalesce(r.key_terms, '{}'::text[]),
      coalesce(r.hashtags, '{}'::text[]), r.analysis_version, r.contact_id, r.identity_id
    from jsonb_to_recordset(${toJsonParam(rows)}::jsonb) as r(external_id text, url text, kind text, title text,
      text text, text_truncated boolean, lang text, posted_at timestamptz, author_external_id text, author_handle text,
      author_name text, author_followers integer, author_bio text, author_url text, author_avatar_url text,
      author_verified boolean, reply_to_external_id text, thread_external_id text, metrics jsonb, place_id text,
      place_name text, raw jsonb,
      topic_ids uuid[], deleted boolean, sentiment_score real, sentiment_label text, sentiment_confidence real,
      language text, intents text[], suggests_idea boolean,
      aspects jsonb, key_terms text[], hashtags text[], analysis_version integer, contact_id uuid, identity_id uuid)
    on conflict (workspace_id, platform, external_id) do update set
      text = excluded.text, text_truncated = excluded.text_truncated, title = excluded.title,
      metrics = excluded.metrics, raw = excluded.raw, topic_ids = excluded.topic_ids,
      place_name = coalesce(excluded.place_name, mentions.place_name),
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      sentiment_confidence = excluded.sentiment_confidence,
      language = excluded.language, intents = excluded.intents, suggests_idea = excluded.suggests_idea,
      aspects = excluded.aspects,
      key_terms = excluded.key_terms, hashtags = excluded.hashtags, analysis_version = excluded.analysis_version,
      contact_id = coalesce(mentions.contact_id, excluded.contact_id),
      identity_id = coalesce(mentions.identity_id, excluded.identity_id),
      edited_at = case when mentions.text is distinct from excluded.text
        or mentions.metrics->'rating' is distinct from excluded.metrics->'rating'
        then now() else mentions.edited_at end,
      deleted_at = coalesce(mentions.deleted_at, excluded.deleted_at)
    -- Untouched re-deliveries are not rewritten at all (cheaper, and edited_at stays true). A review's stars
    -- changed by its author, or a response to it that appeared on the platform, are news though.
    where mentions.text is distinct from excluded.text
      or mentions.metrics->'rating' is distinct from excluded.metrics->'rating'
      or mentions.metrics->'replied' is distinct from excluded.metrics->'replied'
      or (excluded.deleted_at is not null and mentions.deleted_at is null)
    returning id, external_id, contact_id, posted_at, (xmax = 0) as inserted`);
  const changed = rowsOf<{
    id: string;
    external_id: string;
    contact_id: string | null;
    posted_at: string | Date;
    inserted: boolean;
  }>(result);
  const asRow = (r: (typeof changed)[number]) => ({
    id: r.id,
    externalId: r.external_id,
    contactId: r.contact_id,
    postedAt: r.posted_at instanceof Date ? r.posted_at : new Date(r.posted_at),
  });
  const insertedRows = changed.filter((r) => r.inserted);
  const insertedIds = insertedRows.map((r) => r.id);
  const editedRows = changed.filter((r) => !r.inserted);
  return {
    fetched: items.length,
    inserted: insertedIds.length,
    duplicates: items.length - insertedIds.length,
    edited: changed.length - insertedIds.length,
    insertedIds,
    insertedRows: insertedRows.map(asRow),
    editedExternalIds: editedRows.map((r) => r.external_id),
    editedRows: editedRows.map(asRow),
  };
}
