import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { ownerActor } from '../../src/core/actor';
import type { Platform } from '../../src/core/platforms';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest';
import { saveConfidenceThreshold } from '../../src/accounts';
import { setConfidenceThreshold } from '../../src/reanalysis/confidence-threshold.service';
import { overrideSentiment } from '../../src/reanalysis/corrections.service';
import { updateWorkspaceSettings } from '../../src/accounts/workspaces.service';
import { rebuildRollups } from '../../src/reports';
import { dayOf, daySql } from '../../src/reports/rollup-rules';
import type { MentionFactsQuery } from '../../src/mentions';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

/**
 * Property: what the one flow counts into the report rollups as posts arrive (the rules' TypeScript side,
 * src/reports/rollup-rules.ts), what staff corrections move there (their SQL side) and what a rebuild
 * recounts from the stored mentions from scratch (their SQL side again) are the same rows: every day,
 * channel, platform, language, label (`uncertain` below the workspace's confidence threshold, which an admin
 * may change between pages), topic, term and author. Generated posts in many scripts (umlauts,
 * combining marks, emoji, CJK, digits, hashtags) on several platforms and board channels, some edited by
 * the platform, some corrected by staff before or after an edit, some corrections taken back; in workspaces
 * of several time zones (a day is the zone's, midnight to midnight), whose zone an admin may change between
 * pages (the rollups are then recounted in the background).
 */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const PIECES = [
  'Acme',
  'Kaffee',
  'café',
  'Cafe\u0301',
  'Müll',
  'Stör',
  'ung',
  'naïve',
  'x\u0308',
  'ß',
  'Ελλάδα',
  'кофе',
  '日本',
  '🙂',
  '👍🏽',
  '🇩🇪',
  '15',
  '2024',
  'a_b',
  'great',
  'love',
  'terrible',
  'awful',
  'battery',
  'service',
  'price',
  'schlecht',
  'gut',
  'Kundendienst',
];
const GLUE = [' ', ' ', ', ', '! ', '\n', ' #', '#', ' (#', ') ', '&amp;', ' https://a.test/p#frag '];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 9 })
  .map((parts) => parts.map(([piece, glue]) => piece + glue).join(''));

/**
 * Around midnight and month ends in UTC and the zones below, and on the days Berlin and Los Angeles change
 * their clocks (a 23-hour day): a day or month off would show.
 */
const INSTANTS = [
  '2025-12-31T23:59:59Z',
  '2026-01-01T00:00:00Z',
  '2026-01-31T23:30:00Z',
  '2026-02-01T00:30:00Z',
  '2026-02-28T12:00:00Z',
  '2026-02-28T18:45:00Z',
  '2026-03-08T07:30:00Z',
  '2026-03-28T23:30:00Z',
  '2026-03-29T21:59:59Z',
  '2026-03-29T22:00:00Z',
].map((s) => new Date(s));

const ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'] as const;

const PLATFORMS: Platform[] = ['x', 'bluesky', 'community'];
const LABELS = ['positive', 'neutral', 'negative', null] as const;

/** A post as first delivered (an edit may come with another time or author: the store keeps the first). */
const post = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  key: fc.integer({ min: 0, max: 5 }),
  text,
  at: fc.constantFrom(...INSTANTS),
  // 3: an author without an id or handle (no contact).
  author: fc.integer({ min: 0, max: 3 }),
  // Arrives with the edits rather than before them.
  late: fc.boolean(),
});

const scenario = fc.record({
  posts: fc.uniqueArray(post, { minLength: 1, maxLength: 8, selector: (p) => `${p.platform}:${p.key}` }),
  edits: fc.array(
    fc.record({
      pick: fc.nat(),
      text,
      at: fc.option(fc.constantFrom(...INSTANTS), { nil: undefined }),
      author: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  corrections: fc.array(fc.record({ pick: fc.nat(), label: fc.constantFrom(...LABELS), afterEdits: fc.boolean() }), {
    maxLength: 4,
  }),
  // The workspace's confidence threshold as posts arrive, and the one an admin sets between the two pages.
  threshold: fc.constantFrom(0, 0.5, 0.7, 0.95),
  newThreshold: fc.option(fc.constantFrom(0, 0.45, 0.6, 0.9, 1), { nil: undefined }),
  // The workspace's time zone as posts arrive, and the one an admin sets between the two pages.
  timeZone: fc.constantFrom(...ZONES),
  newTimeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
});
type Post = { platform: Platform; key: number; text: string; at: Date; author: number; late: boolean };

/** On the board, reviews are stored as `review:<id>`; the rest of the board is another channel. */
const externalIdOf = (p: Post) =>
  p.platform === 'community' ? `${p.key % 2 ? 'idea' : 'review'}:${p.key}` : `p-${p.key}`;

const authorOf = (p: Post) =>
  p.author === 3
    ? socialAuthor()
    : socialAuthor({ externalId: `a-${p.author}`, handle: `author${p.author}`, name: `Author ${p.author}` });

/** Every non-zero row of the four rollups of a workspace, as comparable text. */
async function rollups(workspaceId: string) {
  const ws = sql`workspace_id = ${workspaceId}::uuid and n <> 0`;
  const read = async (q: ReturnType<typeof sql>) =>
    rows<{ r: string }>(await t.db.execute(q))
      .map((x) => x.r)
      .sort();
  return {
    daily: await read(sql`select concat_ws('|', day, channel, platform, language, label, n) as r
      from report_daily where ${ws}`),
    topics: await read(sql`select concat_ws('|', topic_id, day, channel, platform, language, label, n) as r
      from report_topic_daily where ${ws}`),
    terms: await read(sql`select concat_ws('|', topic_id, day, channel, platform, language, kind, term, label, n) as r
      from report_terms_daily where ${ws}`),
    authors: await read(sql`select concat_ws('|', topic_id, contact_id, day, channel, platform, language, n) as r
      from report_author_daily where ${ws}`),
  };
}

let runs = 0;
let withUncertain = 0;

async function ingest(workspaceId: string, topics: Awaited<ReturnType<typeof activeTopics>>, posts: Post[]) {
  for (const platform of PLATFORMS) {
    const page = posts.filter((p) => p.platform === platform);
    if (page.length === 0) continue;
    await ingestPosts(
      t.deps,
      { workspaceId, sourceId: null, platform, topics },
      page.map((p) => socialPost({ externalId: externalIdOf(p), text: p.text, createdAt: p.at, author: authorOf(p) })),
    );
  }
}

describe('report rollups, counted as posts arrive and as a rebuild recounts them', () => {
  it('are the same rows for generated posts, edits and corrections', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ posts, edits, corrections, threshold, newThreshold, ...zones }) => {
        const { workspace, user } = await createWorkspaceWithOwner(
          t.db,
          { workspaceName: `Rollups ${++runs}`, email: `owner${runs}@rollups.test`, name: 'Owner', password: PASSWORD },
          TEST_PASSWORD_PARAMS,
        );
        const actor = ownerActor(workspace, user.id);
        await saveConfidenceThreshold(t.db, workspace.id, threshold);
        await updateWorkspaceSettings(t.deps, actor, { timeZone: zones.timeZone });
        await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
        await createTopic(t.db, actor, { name: 'Kaffee', kind: 'product', query: 'kaffee OR café OR #müll' });
        const topics = await activeTopics(t.db, workspace.id);

        await ingest(
          workspace.id,
          topics,
          posts.filter((p) => !p.late),
        );
        const correct = async (afterEdits: boolean) => {
          const stored = rows<{ id: string }>(
            await t.db.execute(
              sql`select id from mentions where workspace_id = ${workspace.id}::uuid order by platform, external_id`,
            ),
          );
          for (const c of corrections.filter((x) => x.afterEdits === afterEdits))
            if (stored.length)
              await overrideSentiment(t.db, actor, stored[c.pick % stored.length]!.id, c.label, new Date());
        };
        await correct(false);
        if (newThreshold !== undefined) await setConfidenceThreshold(t.db, actor, newThreshold, new Date());
        if (zones.newTimeZone !== undefined) {
          await updateWorkspaceSettings(t.deps, actor, { timeZone: zones.newTimeZone });
          // The recount runs after the change's commit, in the background: wait for it.
          await t.deps.events.idle();
        }
        const edited = edits.map((e) => {
          const p = posts[e.pick % posts.length]!;
          return { ...p, text: e.text, at: e.at ?? p.at, author: e.author ?? p.author };
        });
        await ingest(workspace.id, topics, [...posts.filter((p) => p.late), ...edited]);
        await correct(true);

        const counted = await rollups(workspace.id);
        if (counted.daily.some((r) => r.includes('|uncertain|'))) withUncertain++;
        await rebuildRollups(t.db, workspace.id);
        expect(counted).toEqual(await rollups(workspace.id));
      }),
      { numRuns: 20, seed: 20261215 },
    );
    // The runs did count uncertain labels, so the property held for them too.
    expect(withUncertain).toBeGreaterThan(0);
  }, 240_000);
});

describe('the day a mention counts on', () => {
  it("is the same date in TypeScript as in SQL, in every zone, on a clock change's day too", async () => {
    // Any instant of the years reports cover, and the hours around the changes of 2026 (29 March and
    // 25 October in Berlin, 8 March and 1 November in Los Angeles), to the second.
    const around = (iso: string) =>
      fc.integer({ min: -36 * 3600, max: 36 * 3600 }).map((s) => new Date(Date.parse(iso) + s * 1000));
    const instant = fc.oneof(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
      around('2026-03-29T01:00:00Z'),
      around('2026-10-25T01:00:00Z'),
      around('2026-03-08T10:00:00Z'),
      around('2026-11-01T09:00:00Z'),
    );
    const zones = [...ZONES, 'Pacific/Chatham', 'America/St_Johns', 'Australia/Lord_Howe'];
    await fc.assert(
      fc.asyncProperty(fc.array(instant, { minLength: 1, maxLength: 50 }), async (instants) => {
        // The rule's SQL side over a column of instants standing in for mentions' posting times.
        const m = { postedAt: sql`a.at::timestamptz` } as unknown as MentionFactsQuery;
        for (const zone of zones) {
          const sqlDays = rows<{ at: string; day: string }>(
            await t.db.execute(sql`
              select a.at, to_char(${daySql(m, zone)}, 'YYYY-MM-DD') as day
              from unnest(${`{${instants.map((i) => i.toISOString()).join(',')}}`}::text[]) as a(at)`),
          );
          expect(sqlDays).toHaveLength(instants.length);
          for (const r of sqlDays) expect([r.at, zone, dayOf(new Date(r.at), zone)]).toEqual([r.at, zone, r.day]);
        }
      }),
      { numRuns: 40, seed: 20261201 },
    );
  });
});
