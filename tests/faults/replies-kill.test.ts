import type { ChildProcess } from 'node:child_process';
import { adminSql as adminSqlOn, freePort, startNodeApp } from '../helpers/node-app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../helpers/pg-urls';
import {
  linkPart,
  REPLY_PLATFORMS,
  type ReplyPlatform,
  type ReplyPlatformName,
  startReplyPlatform,
} from './reply-platforms';

/**
 * kill -9 with replies in flight. The real Node entry (`npm start`) runs on a fresh data dir
 * (PGlite; PostgreSQL when TEST_DATABASE_URL is set) against the platform fakes, which accept
 * duplicates and take each reply at once but answer only much later. 50 replies per platform are
 * queued through the API; while requests are still arriving the process is killed with SIGKILL,
 * restarted on the same data, and the client retries its requests with their Idempotency-Keys.
 * Every reply ends `sent` with the platform's post id and link, and each fake holds exactly one
 * reply under each post: what reached the platform before the kill is found there, not re-posted.
 */
const PER_PLATFORM = 50;
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `t_reply_kill_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'social-crm-reply-kill-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let port = 0;
let base = '';
let child: ChildProcess | null = null;
let token = '';
const platforms = new Map<ReplyPlatformName, ReplyPlatform>();
/** Per platform: the posts answered, in order, and the reply ids the API gave. */
const parents = new Map<ReplyPlatformName, string[]>();
const replyIds = new Map<string, { platform: ReplyPlatformName; parentId: string }>();

const adminSql = (statement: string) => adminSqlOn(pgUrl!, statement);

async function startApp(): Promise<ChildProcess> {
  return startNodeApp(port, {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: pgUrl ? databaseUrl(pgUrl, pgName) : '',
    APP_SECRET: 'reply-kill-app-secret-reply-kill-app-secret',
    // The same instance after the restart, so its own stale leases can be let go at start.
    INSTANCE_ID: 'reply-kill-test',
    ADMIN_EMAIL: 'owner@example.com',
    ADMIN_PASSWORD: 'a-very-good-password',
    OUTBOUND_ALLOWLIST: '127.0.0.1',
  });
}

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Runs `work` over `items`, `n` at a time, in order of start. */
async function inBatches<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const replyText = (platform: string, i: number) => `Thanks for telling us, we are on it (${platform} ${i}).`;
const requests: { platform: ReplyPlatformName; parentId: string; conversationId: string; i: number }[] = [];
/** A client's request to reply; a process killed under it answers nothing (null). */
const queue = (r: (typeof requests)[number]) =>
  api(
    'POST',
    `/conversations/${r.conversationId}/replies`,
    { text: replyText(r.platform, r.i) },
    { 'idempotency-key': `kill-${r.platform}-${r.i}` },
  ).catch(() => null);
const postedOn = (name: ReplyPlatformName) =>
  parents.get(name)!.reduce((sum, id) => sum + platforms.get(name)!.posted(id).length, 0);
const postedCount = () => REPLY_PLATFORMS.reduce((sum, name) => sum + postedOn(name), 0);

beforeAll(async () => {
  if (pgUrl) await adminSql(`create database ${pgName}`);
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  for (const name of REPLY_PLATFORMS) {
    const p = await startReplyPlatform(name);
    p.acceptDuplicates();
    platforms.set(name, p);
    parents.set(
      name,
      Array.from({ length: PER_PLATFORM }, (_, i) => p.addParent(`acme help needed ${name} ${i}`)),
    );
  }
  child = await startApp();
  token = (await api('POST', '/auth/login', { email: 'owner@example.com', password: 'a-very-good-password' })).json
    .token;
  expect((await api('POST', '/topics', { name: 'Acme', kind: 'brand', query: 'acme' })).status).toBe(201);
  for (const [name, p] of platforms) {
    const source = await api('POST', '/sources', { platform: name, name, ...p.source });
    expect(source.status).toBe(201);
    // Polled until the 50 posts are conversations (a scheduled poll may hold the source: 409).
    for (;;) {
      await api('POST', `/sources/${source.json.id}/poll`);
      const list = await api('GET', `/conversations?status=any&platform=${name}&limit=100`);
      if (list.json.items.length >= PER_PLATFORM) {
        for (const conv of list.json.items as { id: string }[]) {
          const thread = (await api('GET', `/conversations/${conv.id}`)).json.thread as {
            kind: string;
            externalId?: string;
          }[];
          const parentId = thread.find((item) => item.kind === 'inbound')!.externalId!;
          requests.push({ platform: name, parentId, conversationId: conv.id, i: parents.get(name)!.indexOf(parentId) });
        }
        break;
      }
      await sleep(200);
    }
  }
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.on('exit', r));
  }
  for (const p of platforms.values()) await p.server.close();
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl) await adminSql(`drop database if exists ${pgName} with (force)`);
});

describe(`kill -9 with replies in flight (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('posts each reply exactly once on X, Mastodon, Bluesky and Reddit, and records its id and link', async () => {
    expect(requests).toHaveLength(PER_PLATFORM * REPLY_PLATFORMS.length);
    expect(requests.every((r) => r.i >= 0)).toBe(true);
    // The platforms take every reply at once and answer only long after the kill.
    for (const p of platforms.values()) p.setReplyDelay(30_000);
    // Interleaved, so every platform has requests in flight when the kill comes.
    const order = [...requests].sort((a, b) => a.i - b.i || a.platform.localeCompare(b.platform));
    let queued = false;
    const queueing = inBatches(order, 8, async (r) => void (await queue(r))).then(() => {
      queued = true;
    });
    // Killed while requests are still arriving: half of them taken by the platforms, at least 10 on each.
    while (!queued && (postedCount() < order.length / 2 || REPLY_PLATFORMS.some((name) => postedOn(name) < 10)))
      await sleep(20);
    child!.kill('SIGKILL');
    await new Promise((r) => child!.on('exit', r));
    await queueing;
    // Nothing answers any more: the process that held the replies is gone.
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    const atKill = postedCount();

    for (const p of platforms.values()) p.setReplyDelay(0);
    child = await startApp();
    // The client retries every request with its key: the same row when it was made, else a new one.
    await inBatches(order, 8, async (r) => {
      const res = await queue(r);
      expect(res?.status).toBe(202);
      replyIds.set(res!.json.id, { platform: r.platform, parentId: r.parentId });
    });
    expect(replyIds.size).toBe(order.length);

    // Until every reply settles: those left mid-send are taken up by the outbox job.
    type Row = {
      id: string;
      status: string;
      platformPostId: string | null;
      url: string | null;
      uncertain: boolean;
      error: string | null;
    };
    let rows: Row[] = [];
    for (;;) {
      rows = [];
      for (const id of replyIds.keys()) rows.push((await api('GET', `/replies/${id}`)).json);
      if (rows.every((r) => r.status === 'sent' || r.status === 'failed')) break;
      await sleep(1_000);
    }

    for (const [name, p] of platforms) {
      const counts = parents.get(name)!.map((id) => p.posted(id).length);
      expect(counts, `${name}: replies under each post`).toEqual(counts.map(() => 1));
    }
    for (const row of rows) {
      const { platform, parentId } = replyIds.get(row.id)!;
      const [postId] = platforms.get(platform)!.posted(parentId);
      expect(row, `${platform} reply ${row.id}`).toMatchObject({
        status: 'sent',
        uncertain: false,
        platformPostId: postId,
      });
      expect(row.url).toContain(linkPart(postId!));
    }
    // What reached the platforms before the kill was found there after the restart.
    const found = rows.filter((r) => /earlier attempt had posted it/.test(r.error ?? ''));
    for (const name of REPLY_PLATFORMS) {
      expect(
        found.some((r) => replyIds.get(r.id)!.platform === name),
        `${name}: a reply found by lookup`,
      ).toBe(true);
    }
    console.info(
      `reply kill -9: ${atKill} of ${order.length} replies had reached the platforms unanswered at the kill; ` +
        `${found.length} found by lookup after the restart; ${order.length - found.length} posted after it`,
    );
  }, 600_000);
});
