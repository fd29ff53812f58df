import { sql } from 'drizzle-orm';
import type { SocialAuthor } from '../core/social-post';
import { clip, toJsonParam, toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import type { Platform } from '../core/platforms';
import { comparableName, confidenceOf, emailsIn, hostOf, normalizeName, orderedPair, websiteDomain } from './evidence';
import { duplicateReason } from './reasons';
import type { DuplicateReason } from './schema';

/**
 * Linking at ingest, for a page of posts (one platform): every author becomes an identity, and
 * every identity belongs to one contact. A new identity joins an existing contact only on strong
 * evidence (an email the platform verified, the same website domain and name); otherwise it gets a
 * contact of its own, and hints become duplicate suggestions for staff: an email written in the bio
 * (strong, but anyone can write anyone's email there), the same handle elsewhere, the same profile
 * url or avatar, a similar name. Batched: a handful of statements a page.
 */

export interface AuthorLink {
  identityId: string;
  contactId: string;
}

/** The identity key: the platform's account id, or "@handle" where the platform gives none. */
export function identityKey(author: SocialAuthor): string | null {
  if (author.externalId) return author.externalId;
  if (author.handle) return `@${author.handle.toLowerCase()}`;
  return null;
}

interface NewAuthor {
  key: string;
  author: SocialAuthor;
  /** Verified by the platform: these link, and become the contact's emails. */
  emails: string[];
  /** Written in the bio: these only suggest. */
  bioEmails: string[];
  domain: string | null;
  name: string;
  contactId: string;
  /** True when strong evidence put it on an existing contact (or another new author's). */
  linked: boolean;
}

const profileRow = (key: string, a: SocialAuthor) => ({
  external_id: key,
  handle: clip(a.handle, 200),
  display_name: clip(a.name, 300),
  bio: clip(a.bio, 2000),
  bio_emails: a.bio === null ? null : emailsIn(a.bio),
  url: clip(a.url, 1000),
  avatar_url: clip(a.avatarUrl, 1000),
  followers: a.followers,
  verified: a.verified,
});

export async function linkAuthors(
  db: Db,
  workspaceId: string,
  platform: Platform,
  authors: SocialAuthor[],
  seenAt: Date,
): Promise<Map<string, AuthorLink>> {
  const byKey = new Map<string, SocialAuthor>();
  for (const a of authors) {
    const key = identityKey(a);
    if (key) byKey.set(key, a);
  }
  const links = new Map<string, AuthorLink>();
  if (byKey.size === 0) return links;

  // 1. Known identities: refresh the profile (latest values win), keep the contact. A row whose profile is
  // unchanged but for its follower count (which drifts by the minute) and whose last sighting is under a minute
  // old is left alone: a busy poll or an import sees the same authors page after page, and rewriting each of
  // them every page was a fifth of an import's writes.
  const known = rows<{ id: string; contact_id: string; external_id: string }>(
    await db.execute(sql`
      with r as (
        select * from jsonb_to_recordset(${toJsonParam([...byKey].map(([k, a]) => profileRow(k, a)))}::jsonb)
          as r(external_id text, handle text, display_name text, bio text, bio_emails text[], url text,
            avatar_url text, followers integer, verified boolean)
      ), found as (
        select i.id, i.contact_id, i.external_id from identities i join r on i.external_id = r.external_id
        where i.workspace_id = ${workspaceId}::uuid and i.platform = ${platform}
      ), refreshed as (
        update identities i set handle = coalesce(r.handle, i.handle),
          display_name = coalesce(r.display_name, i.display_name),
          bio = coalesce(r.bio, i.bio), bio_emails = coalesce(r.bio_emails, i.bio_emails), url = coalesce(r.url, i.url),
          avatar_url = coalesce(r.avatar_url, i.avatar_url),
          followers = coalesce(r.followers, i.followers), verified = r.verified,
          last_seen_at = greatest(i.last_seen_at, ${seenAt.toISOString()}::timestamptz)
        from r
        where i.workspace_id = ${workspaceId}::uuid and i.platform = ${platform} and i.external_id = r.external_id
          and (i.last_seen_at < ${seenAt.toISOString()}::timestamptz - interval '1 minute'
            or (coalesce(r.handle, i.handle), coalesce(r.display_name, i.display_name), coalesce(r.bio, i.bio),
              coalesce(r.bio_emails, i.bio_emails), coalesce(r.url, i.url), coalesce(r.avatar_url, i.avatar_url))
              is distinct from (i.handle, i.display_name, i.bio, i.bio_emails, i.url, i.avatar_url)
            or r.verified is distinct from i.verified)
      )
      select id, contact_id, external_id from found`),
  );
  for (const k of known) links.set(k.external_id, { identityId: k.id, contactId: k.contact_id });

  const fresh: NewAuthor[] = [];
  for (const [key, author] of byKey) {
    if (links.has(key)) continue;
    const profileHost = platform === 'mastodon' ? hostOf(author.url) : null;
    fresh.push({
      key,
      author,
      emails: [...new Set((author.verifiedEmails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))],
      bioEmails: emailsIn(author.bio),
      domain: websiteDomain(author, profileHost),
      name: normalizeName(author.name),
      contactId: crypto.randomUUID(),
      linked: false,
    });
  }
  if (fresh.length === 0) return links;

  // 2. Strong evidence against existing contacts: a verified email, or the same website and name.
  const emails = [...new Set(fresh.flatMap((f) => f.emails))];
  const domains = [...new Set(fresh.flatMap((f) => (f.domain ? [f.domain] : [])))];
  const candidates =
    emails.length || domains.length
      ? rows<{ id: string; name: string; emails: string[]; website_domain: string | null }>(
          await db.execute(sql`
          select id, name, emails, website_domain from contacts
          where workspace_id = ${workspaceId}::uuid and merged_into_id is null
            and (emails && ${toPgArray(emails)}::text[] or website_domain = any(${toPgArray(domains)}::text[]))
          order by created_at`),
        )
      : [];
  const byEmail = new Map<string, string>();
  const byDomainName = new Map<string, string>();
  for (const c of candidates) {
    for (const e of c.emails) if (!byEmail.has(e)) byEmail.set(e, c.id);
    const n = normalizeName(c.name);
    if (c.website_domain && n && !byDomainName.has(`${c.website_domain} ${n}`))
      byDomainName.set(`${c.website_domain} ${n}`, c.id);
  }
  const created: NewAuthor[] = [];
  for (const f of fresh) {
    const match =
      f.emails.map((e) => byEmail.get(e)).find(Boolean) ??
      (f.domain && f.name ? byDomainName.get(`${f.domain} ${f.name}`) : undefined);
    if (match) {
      f.contactId = match;
      f.linked = true;
      continue;
    }
    // The same person twice in one page (two platforms' posts are never in one page, but an
    // import may hold both): the first one's new contact is evidence for the next.
    created.push(f);
    for (const e of f.emails) byEmail.set(e, f.contactId);
    if (f.domain && f.name) byDomainName.set(`${f.domain} ${f.name}`, f.contactId);
  }

  // 3. New contacts, then the identities; a concurrent poll that stored the same identity first wins.
  const newContacts = created.filter((f) => !f.linked);
  if (newContacts.length) {
    const contactRows = newContacts.map((f) => ({
      id: f.contactId,
      name: clip(f.author.name ?? f.author.handle, 300),
      emails: f.emails,
      domain: f.domain,
    }));
    await db.execute(sql`
      insert into contacts (id, workspace_id, name, emails, website_domain, lifecycle_stage)
      select r.id, ${workspaceId}::uuid, coalesce(r.name, ''), coalesce(r.emails, '{}'::text[]), r.domain, 'subscriber'
      from jsonb_to_recordset(${toJsonParam(contactRows)}::jsonb)
        as r(id uuid, name text, emails text[], domain text)`);
  }
  const identityRows = fresh.map((f) => ({ ...profileRow(f.key, f.author), contact_id: f.contactId }));
  const inserted = rows<{ id: string; contact_id: string; external_id: string }>(
    await db.execute(sql`
      insert into identities (workspace_id, contact_id, platform, external_id, handle, display_name, bio, bio_emails,
        url, avatar_url, followers, verified, first_seen_at, last_seen_at)
      select ${workspaceId}::uuid, r.contact_id, ${platform}, r.external_id, r.handle, r.display_name, r.bio,
        coalesce(r.bio_emails, '{}'::text[]), r.url, r.avatar_url, r.followers, coalesce(r.verified, false),
        ${seenAt.toISOString()}::timestamptz, ${seenAt.toISOString()}::timestamptz
      from jsonb_to_recordset(${toJsonParam(identityRows)}::jsonb) as r(contact_id uuid,
        external_id text, handle text, display_name text, bio text, bio_emails text[], url text, avatar_url text,
        followers integer, verified boolean)
      on conflict (workspace_id, platform, external_id) do nothing
      returning id, contact_id, external_id`),
  );
  for (const i of inserted) links.set(i.external_id, { identityId: i.id, contactId: i.contact_id });
  const lost = fresh.filter((f) => !links.has(f.key));
  if (lost.length) {
    const again = rows<{ id: string; contact_id: string; external_id: string }>(
      await db.execute(sql`
        select id, contact_id, external_id from identities
        where workspace_id = ${workspaceId}::uuid and platform = ${platform}
          and external_id = any(${toPgArray(lost.map((f) => f.key))}::text[])`),
    );
    for (const i of again) links.set(i.external_id, { identityId: i.id, contactId: i.contact_id });
    const orphans = lost.filter((f) => !f.linked).map((f) => f.contactId);
    if (orphans.length)
      await db.execute(
        sql`delete from contacts c where c.id = any(${toPgArray(orphans)}::uuid[])
          and not exists (select 1 from identities i where i.contact_id = c.id)`,
      );
  }

  // Strong links teach the contact what it did not know yet (the website of an email match).
  const learned = fresh.filter((f) => f.linked && links.get(f.key)?.contactId === f.contactId);
  if (learned.length) {
    const learnedRows = learned.map((f) => ({ id: f.contactId, emails: f.emails, domain: f.domain }));
    await db.execute(sql`
      update contacts c
        set emails = (select array(select distinct e from unnest(c.emails || coalesce(r.emails, '{}'::text[])) e)),
        website_domain = coalesce(c.website_domain, r.domain), updated_at = now()
      from jsonb_to_recordset(${toJsonParam(learnedRows)}::jsonb) as r(id uuid, emails text[], domain text)
      where c.id = r.id`);
  }

  await suggestDuplicates(
    db,
    workspaceId,
    platform,
    newContacts.filter((f) => links.get(f.key)?.contactId === f.contactId),
  );
  return links;
}

/** Evidence short of a link for the new contacts: raised as suggestions, never acted on. */
async function suggestDuplicates(db: Db, workspaceId: string, platform: Platform, fresh: NewAuthor[]) {
  if (fresh.length === 0) return;
  const found = new Map<string, { pair: [string, string]; reasons: DuplicateReason[]; similarity: number }>();
  const add = (a: string, b: string, reason: DuplicateReason, similarity = 1) => {
    if (a === b) return;
    const pair = orderedPair(a, b);
    const k = pair.join(' ');
    const s = found.get(k) ?? { pair, reasons: [], similarity: 1 };
    if (!s.reasons.some((r) => r.code === reason.code)) s.reasons.push(reason);
    if (reason.code === 'similar_name') s.similarity = similarity;
    found.set(k, s);
  };
  // A bio email another contact has (or another account claims too): strong, yet only a suggestion.
  const bioEmails = [...new Set(fresh.flatMap((f) => f.bioEmails))];
  const claimed = bioEmails.length
    ? rows<{ contact_id: string; emails: string[] }>(
        await db.execute(sql`
          (select c.id as contact_id, c.emails from contacts c
            where c.workspace_id = ${workspaceId}::uuid and c.merged_into_id is null
              and c.emails && ${toPgArray(bioEmails)}::text[] limit 100)
          union all
          -- A shared address (support@...) in many bios would otherwise pair every new account with all of them.
          (select i.contact_id, i.bio_emails from identities i
            join contacts c on c.id = i.contact_id and c.merged_into_id is null
            where i.workspace_id = ${workspaceId}::uuid and i.bio_emails && ${toPgArray(bioEmails)}::text[]
            limit 100)`),
      )
    : [];
  for (const f of fresh) {
    for (const o of claimed) {
      const email = f.bioEmails.find((e) => o.emails.includes(e));
      if (email) add(f.contactId, o.contact_id, duplicateReason('same_email', { email, platform }));
    }
  }
  const handles = fresh.flatMap((f) => (f.author.handle ? [f.author.handle.toLowerCase()] : []));
  const urls = fresh.flatMap((f) => (f.author.url ? [f.author.url] : []));
  const avatars = fresh.flatMap((f) => (f.author.avatarUrl ? [f.author.avatarUrl] : []));
  const others = rows<{
    contact_id: string;
    platform: string;
    handle: string | null;
    url: string | null;
    avatar_url: string | null;
  }>(
    await db.execute(sql`
      select i.contact_id, i.platform, lower(i.handle) as handle, i.url, i.avatar_url from identities i
      join contacts c on c.id = i.contact_id and c.merged_into_id is null
      where i.workspace_id = ${workspaceId}::uuid and (
        (lower(i.handle) = any(${toPgArray(handles)}::text[]) and i.platform <> ${platform})
        or i.url = any(${toPgArray(urls)}::text[]) or i.avatar_url = any(${toPgArray(avatars)}::text[]))`),
  );
  for (const f of fresh) {
    const handle = f.author.handle?.toLowerCase();
    for (const o of others) {
      if (handle && o.handle === handle && o.platform !== platform)
        add(f.contactId, o.contact_id, duplicateReason('same_handle', { handle, platform, otherPlatform: o.platform }));
      if (f.author.url && o.url === f.author.url)
        add(f.contactId, o.contact_id, duplicateReason('same_profile_url', { url: f.author.url }));
      if (f.author.avatarUrl && o.avatar_url === f.author.avatarUrl)
        add(f.contactId, o.contact_id, duplicateReason('same_avatar', {}));
    }
  }
  const names = fresh.filter((f) => comparableName(f.name));
  if (names.length) {
    // Set for this (ingest) transaction only: the index then hands back only close names.
    await db.execute(sql`set local pg_trgm.similarity_threshold = 0.6`);
    const nameRows = names.map((f) => ({ contact_id: f.contactId, name: f.name }));
    const similar = rows<{ contact_id: string; other_id: string; other_name: string; sim: number }>(
      await db.execute(sql`
        select n.contact_id, c.id as other_id, c.name as other_name, similarity(lower(c.name), n.name) as sim
        from jsonb_to_recordset(${toJsonParam(nameRows)}::jsonb) as n(contact_id uuid, name text)
        join lateral (select id, name from contacts c
          where c.workspace_id = ${workspaceId}::uuid and c.merged_into_id is null
            and lower(c.name) % n.name and c.id <> n.contact_id
          order by similarity(lower(c.name), n.name) desc limit 5) c on true
        where similarity(lower(c.name), n.name) >= 0.6`),
    );
    for (const s of similar)
      add(s.contact_id, s.other_id, duplicateReason('similar_name', { name: s.other_name }), Number(s.sim));
  }
  if (found.size === 0) return;
  const suggestions = [...found.values()].map((s) => ({
    a: s.pair[0],
    b: s.pair[1],
    reasons: s.reasons,
    confidence: confidenceOf(s.reasons, s.similarity),
  }));
  await db.execute(sql`
    insert into duplicate_suggestions (workspace_id, contact_a, contact_b, reasons, confidence)
    select ${workspaceId}::uuid, r.a, r.b, r.reasons, r.confidence
    from jsonb_to_recordset(${toJsonParam(suggestions)}::jsonb)
      as r(a uuid, b uuid, reasons jsonb, confidence real)
    on conflict (workspace_id, contact_a, contact_b) do nothing`);
}
