import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentions } from '../../src/mentions/schema';
import { reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import { ANALYSIS_VERSION } from '../../src/sentiment/analyze';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let owner: string;
let analyst: string;
let sourceId: string;

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Senti');
  owner = ws.token;
  analyst = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@senti.test')).token;
  await t.request('POST', '/api/v1/topics', { token: owner, body: { name: 'Acme', kind: 'brand', query: 'acme' } });
  sourceId = (
    await t.request('POST', '/api/v1/sources', {
      token: owner,
      body: { platform: 'x', name: 'X', config: { baseUrl: x.url }, credentials: { bearerToken: 't' } },
    })
  ).json.id;
  x.addTweet({ text: 'I love my new acme phone, the camera is amazing!' });
  x.addTweet({ text: 'acme: Das Produkt ist leider total kaputt und der Support antwortet nicht. Sehr enttäuscht!' });
  x.addTweet({ text: 'acme 今日は新製品を買ったけど、すぐに壊れた。' });
  x.addTweet({ text: 'acme please add dark mode, "it would be great", really' });
  await t.request('POST', `/api/v1/sources/${sourceId}/poll`, { token: owner });
});
afterAll(async () => {
  await x.close();
  await t.close();
});

const byText = async (start: string) =>
  (await t.request('GET', '/api/v1/mentions?limit=50', { token: owner })).json.items.find((m: { text: string }) =>
    m.text.startsWith(start),
  );

describe('POST /api/v1/analyze', () => {
  it('analyses one text', async () => {
    const res = await t.request('POST', '/api/v1/analyze', {
      token: analyst,
      body: { text: 'The battery life is terrible' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ label: 'negative', language: 'en', version: expect.any(Number) });
  });

  it('analyses many texts, answering in the same order', async () => {
    const res = await t.request('POST', '/api/v1/analyze', {
      token: analyst,
      body: { texts: ['great!', 'awful', '今日は晴れです。とても気持ちがいい一日でした。'] },
    });
    expect(res.json.map((a: { label: string }) => a.label)).toEqual(['positive', 'negative', 'unscored']);
  });

  it('answers 413 for more than 1,000 texts and 422 for a text that is too long or no text', async () => {
    expect(
      (
        await t.request('POST', '/api/v1/analyze', {
          token: analyst,
          body: { texts: Array.from({ length: 1001 }, () => 'x') },
        })
      ).status,
    ).toBe(413);
    const long = await t.request('POST', '/api/v1/analyze', {
      token: analyst,
      body: { texts: ['ok', 'x'.repeat(10_001)] },
    });
    expect(long.status).toBe(422);
    expect(long.json.error.details).toEqual({ index: 1 });
    expect((await t.request('POST', '/api/v1/analyze', { token: analyst, body: {} })).status).toBe(422);
    expect((await t.request('POST', '/api/v1/analyze', { body: { text: 'x' } })).status).toBe(401);
  });
});

describe('analysis in the ingest flow', () => {
  it('stores score, label, language, intents and aspects with every mention', async () => {
    const happy = await byText('I love my new acme phone');
    expect(happy).toMatchObject({
      language: 'en',
      sentiment: { label: 'positive', effectiveLabel: 'positive', override: null, analysisVersion: ANALYSIS_VERSION },
    });
    expect(happy.intents).toContain('praise');
    expect(happy.aspects).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: 'camera', sentiment: 'positive' })]),
    );
    expect((await byText('acme: Das Produkt')).sentiment.label).toBe('negative');
    expect(await byText('acme 今日は')).toMatchObject({ language: 'ja', sentiment: { label: 'unscored' } });
    expect((await byText('acme please add dark mode')).intents).toContain('feature_request');
  });

  it('filters mentions by sentiment, intent and language', async () => {
    const neg = await t.request('GET', '/api/v1/mentions?sentiment=negative', { token: owner });
    expect(neg.json.items.map((m: { language: string }) => m.language)).toEqual(['de']);
    expect(
      (await t.request('GET', '/api/v1/mentions?intent=feature_request', { token: owner })).json.items,
    ).toHaveLength(1);
    expect((await t.request('GET', '/api/v1/mentions?language=ja', { token: owner })).json.items).toHaveLength(1);
  });
});

describe('staff corrections', () => {
  it('keeps an override, filters by it and exports it as labelled data', async () => {
    const m = await byText('acme please add dark mode');
    const res = await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, {
      token: owner,
      body: { label: 'negative' },
    });
    expect(res.status).toBe(200);
    expect(res.json.sentiment).toMatchObject({ override: 'negative', effectiveLabel: 'negative' });
    const neg = await t.request('GET', '/api/v1/mentions?sentiment=negative', { token: owner });
    expect(neg.json.items.map((i: { id: string }) => i.id)).toContain(m.id);

    const csv = await t.app.request('/api/v1/mentions/labels.csv', { headers: { authorization: `Bearer ${owner}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    const [header, row] = body.trim().split('\n');
    expect(header).toBe('id,platform,language,text,label,model_label,model_score,analysis_version,labelled_at');
    // The text holds a comma and quotes: the CSV quotes it properly.
    expect(row).toContain(`${m.id},x,en,"acme please add dark mode, ""it would be great"", really",negative,`);
  });

  it('keeps corrected intents, followed by filters, conversation and priority; null restores the model’s', async () => {
    const m = await byText('I love my new acme phone');
    const ids = async (path: string) =>
      (await t.request('GET', path, { token: owner })).json.items.map((i: { id: string }) => i.id);
    const conversation = async () =>
      (await t.request('GET', '/api/v1/conversations?status=any&q=phone', { token: owner })).json.items[0];
    expect((await conversation()).intents).toContain('praise');

    const res = await t.request('PATCH', `/api/v1/mentions/${m.id}/intents`, {
      token: owner,
      body: { intents: ['purchase_intent', 'question'] },
    });
    expect(res.json).toMatchObject({
      intentsOverride: ['question', 'purchase_intent'],
      effectiveIntents: ['question', 'purchase_intent'],
      intents: expect.arrayContaining(['praise']),
    });
    expect(await ids('/api/v1/mentions?intent=purchase_intent')).toContain(m.id);
    expect(await ids('/api/v1/mentions?intent=praise')).not.toContain(m.id);
    expect(await conversation()).toMatchObject({
      intents: expect.arrayContaining(['question', 'purchase_intent']),
      priorityReason: expect.stringContaining('Question, purchase intent'),
    });
    expect((await conversation()).intents).not.toContain('praise');

    expect(
      (await t.request('PATCH', `/api/v1/mentions/${m.id}/intents`, { token: owner, body: { intents: ['shouting'] } }))
        .status,
    ).toBe(422);
    await t.request('PATCH', `/api/v1/mentions/${m.id}/intents`, { token: owner, body: { intents: null } });
    expect(await ids('/api/v1/mentions?intent=praise')).toContain(m.id);
    expect((await conversation()).intents).toContain('praise');
  });

  it('lets analysts read but not correct (403)', async () => {
    const m = await byText('I love my new acme phone');
    expect(
      (await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token: analyst, body: { label: 'negative' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('PATCH', `/api/v1/mentions/${m.id}/intents`, { token: analyst, body: { intents: [] } })).status,
    ).toBe(403);
  });

  it('clears an override with null', async () => {
    const m = await byText('acme please add dark mode');
    const res = await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token: owner, body: { label: null } });
    expect(res.json.sentiment).toMatchObject({ override: null, effectiveLabel: m.sentiment.label });
  });
});

describe('re-analysis', () => {
  it('re-scores mentions of an older analyzer version, with progress, leaving overrides alone', async () => {
    const m = await byText('I love my new acme phone');
    await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token: owner, body: { label: 'neutral' } });
    await t.db.update(mentions).set({ analysisVersion: 0, sentimentLabel: 'negative', sentimentScore: -0.9 });
    const progress: number[] = [];
    const r = await reanalyzeMentions(t.db, { batch: 2, onProgress: (p) => progress.push(p.done) });
    expect(r.total).toBeGreaterThanOrEqual(4);
    expect(progress).toEqual([0, 2, 4, ...progress.slice(3)]);
    const [row] = await t.db.select().from(mentions).where(eq(mentions.id, m.id));
    expect(row).toMatchObject({
      analysisVersion: ANALYSIS_VERSION,
      sentimentLabel: 'positive',
      sentimentOverride: 'neutral',
    });
    expect((await reanalyzeMentions(t.db)).total).toBe(0);
  });
});
