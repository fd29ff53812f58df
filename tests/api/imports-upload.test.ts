import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createImport,
  failAbandonedUploads,
  LEASE_MS,
  runImport,
  UPLOAD_CUT_OFF,
} from '../../src/imports/import.service';
import { importChunks, imports } from '../../src/imports/schema';
import { releaseOwnLeases } from '../../src/jobs/leases';
import { conversations } from '../../src/inbox/schema';
import { mentions } from '../../src/mentions/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * How a file gets in: a raw body (curl --data-binary) is stored piece by piece while it is still
 * arriving; an upload whose uploader dies is failed with the reason instead of waiting as "queued";
 * a runner that loses its import to another does not mark it failed.
 */
let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let now = new Date();

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  ws = await t.seedWorkspace('Uploads');
});
afterAll(() => t.close());

const MiB = 1024 * 1024;
const csvLines = (prefix: string, from: number, to: number) => {
  let out = '';
  for (let i = from; i < to; i++)
    out += `${prefix}${i},"acme upload row ${i} ${'x'.repeat(1000)}",2026-11-20T10:00:00Z,u${i}\n`;
  return out;
};
const importRow = async (id: string) => (await t.db.select().from(imports).where(eq(imports.id, id)))[0]!;
const pieces = async (id: string) =>
  Number((await t.db.select({ n: count() }).from(importChunks).where(eq(importChunks.importId, id)))[0]!.n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitDone(id: string) {
  for (;;) {
    const row = await importRow(id);
    if (row.status === 'done' || row.status === 'failed') return row;
    await sleep(50);
  }
}

describe('a raw file body (text/csv)', () => {
  it('is stored piece by piece while the rest of it is still arriving, then imported whole', {
    timeout: 120_000,
  }, async () => {
    now = new Date();
    const encoder = new TextEncoder();
    const head = encoder.encode(`id,text,created_at,author\n${csvLines('raw', 0, 1_300)}`);
    expect(head.length).toBeGreaterThan(1.2 * MiB);
    let release!: () => void;
    const rest = new Promise<void>((r) => {
      release = r;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(head);
        // The end of the file is held back until a piece of it is in the database: a server that
        // read the whole body first would wait here for ever.
        await rest;
        controller.enqueue(encoder.encode(csvLines('raw', 1_300, 1_400)));
        controller.close();
      },
    });
    const answer = t.app.request('/api/v1/imports?filename=export.csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    let stored: { id: string } | undefined;
    while (!stored) {
      [stored] = await t.db
        .select({ id: imports.id })
        .from(imports)
        .where(and(eq(imports.workspaceId, ws.workspace.id), eq(imports.filename, 'export.csv')));
      if (stored && (await pieces(stored.id)) === 0) stored = undefined;
      if (!stored) await sleep(20);
    }
    expect((await importRow(stored.id)).size).toBeNull();
    release();
    const res = await answer;
    expect(res.status).toBe(202);
    const done = await waitDone(stored.id);
    expect(done).toMatchObject({ status: 'done', format: 'csv', inserted: 1_400, failed: 0, leaseToken: null });
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(mentions)
      .where(eq(mentions.workspaceId, ws.workspace.id))) as [{ n: number }];
    expect(Number(n)).toBe(1_400);
  });

  it('takes JSON Lines by its content type and the mapping from the query', async () => {
    const res = await t.app.request(`/api/v1/imports?mapping=${encodeURIComponent('{"text":"body"}')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/x-ndjson' },
      body: '{"id":"j1","body":"acme from jsonl","created_at":"2026-11-20T10:00:00Z"}\n',
    });
    expect(res.status).toBe(202);
    const done = await waitDone(((await res.json()) as { id: string }).id);
    expect(done).toMatchObject({ status: 'done', format: 'jsonl', filename: 'upload', inserted: 1 });
  });

  it('answers 422 in the error shape for a form without a file', async () => {
    const form = new FormData();
    form.set('format', 'csv');
    const res = await t.app.request('/api/v1/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}` },
      body: form,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('imported mentions and the inbox', () => {
  const conversationCount = async () =>
    Number(
      (
        await t.db
          .select({ n: count() })
          .from(conversations)
          .where(and(eq(conversations.workspaceId, ws.workspace.id), eq(conversations.platform, 'import')))
      )[0]!.n,
    );
  const upload = async (prefix: string, query: string) => {
    const rows = [1, 2, 3].map(
      (i) => `{"id":"${prefix}${i}","text":"acme ${prefix} ${i}","created_at":"2026-11-20T10:00:00Z"}`,
    );
    const res = await t.app.request(`/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/x-ndjson' },
      body: `${rows.join('\n')}\n`,
    });
    expect(res.status).toBe(202);
    return waitDone(((await res.json()) as { id: string }).id);
  };

  it('keeps exported history out of the inbox unless the import asks for conversations', async () => {
    const before = await conversationCount();
    const history = await upload('hist', 'filename=history.jsonl');
    expect(history).toMatchObject({ status: 'done', inserted: 3, openConversations: false });
    expect(await conversationCount()).toBe(before);
    const inbox = await upload('open', 'filename=open.jsonl&inbox=true');
    expect(inbox).toMatchObject({ status: 'done', inserted: 3, openConversations: true });
    expect(await conversationCount()).toBe(before + 3);
  });
});

describe('an upload whose uploader died', () => {
  /** An upload that sends its first piece and then never another: the uploader hangs or is gone. */
  function startStalledUpload(instanceId: string) {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`id,text\n${'s1,"acme"\n'.repeat(120_000)}`));
      },
    });
    void createImport(
      t.db,
      ws.actor,
      { filename: `stalled-${instanceId}.csv`, format: 'csv', mapping: {}, content: body as never },
      { clock: () => now, instanceId, heartbeatMs: 3_600_000 },
    ).catch(() => {});
  }
  async function stalledRow(instanceId: string) {
    for (;;) {
      const [row] = await t.db
        .select()
        .from(imports)
        .where(eq(imports.filename, `stalled-${instanceId}.csv`));
      if (row && (await pieces(row.id)) > 0) return row;
      await sleep(20);
    }
  }

  it('is failed with the reason once its lease runs out, and its pieces are deleted', async () => {
    now = new Date();
    startStalledUpload('uploader-a');
    const row = await stalledRow('uploader-a');
    expect(row).toMatchObject({ status: 'queued', size: null, leaseHolder: 'uploader-a' });
    // Still within its lease: an upload in progress is left alone.
    expect(await failAbandonedUploads(t.db, now)).toBe(0);
    expect((await importRow(row.id)).status).toBe('queued');
    now = new Date(now.getTime() + LEASE_MS + 1000);
    expect(await failAbandonedUploads(t.db, now)).toBe(1);
    expect(await importRow(row.id)).toMatchObject({ status: 'failed', error: UPLOAD_CUT_OFF, leaseToken: null });
    expect(await pieces(row.id)).toBe(0);
  });

  it('is failed at once when its own instance restarts, without waiting for the lease', async () => {
    now = new Date();
    startStalledUpload('uploader-b');
    const row = await stalledRow('uploader-b');
    await releaseOwnLeases({ db: t.db, clock: () => now }, 'uploader-b');
    expect(await failAbandonedUploads(t.db, now)).toBe(1);
    expect(await importRow(row.id)).toMatchObject({ status: 'failed', error: UPLOAD_CUT_OFF });
  });
});

describe('an import taken over by another runner', () => {
  it('is left running for that runner, not marked failed, and its batch is not counted', async () => {
    now = new Date();
    const row = await createImport(t.db, ws.actor, {
      filename: 'taken.csv',
      format: 'csv',
      mapping: {},
      content: `id,text,created_at,author\n${csvLines('tk', 0, 50)}`,
    });
    // The other runner claims the import the moment this one has read its rows.
    const stolen = await runImport(
      {
        ...t.deps,
        db: new Proxy(t.db, {
          get(target, key, receiver) {
            if (key !== 'transaction') return Reflect.get(target, key, receiver);
            return async (...args: Parameters<typeof target.transaction>) => {
              await target
                .update(imports)
                .set({ leaseToken: 'other-runner', leaseHolder: 'node-b' })
                .where(eq(imports.id, row.id));
              return target.transaction(...args);
            };
          },
        }),
      },
      row.id,
    );
    expect(stolen).toMatchObject({ status: 'running', leaseToken: 'other-runner', processed: 0, inserted: 0 });
    expect(stolen?.error).toBeNull();
  });
});
