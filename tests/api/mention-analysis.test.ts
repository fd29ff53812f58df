import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import { reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import { ANALYSIS_VERSION, loadAnalyzer } from '../../src/sentiment';
import { formClient, type Session } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { ENGLISH } from '../../src/core/i18n/translator';
import { priorityReasonText } from '../../src/inbox/priority-reason';

/**
 * Analysis people can trust (the API and the pages around it): each label is stored with the analyzer's
 * confidence (at ingest and by re-analysis), a label below the workspace's threshold is shown as uncertain
 * and raises no priority, and GET /mentions/{id} says what decided a label.
 */
let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let owner: Session;
let analyze: Awaited<ReturnType<typeof loadAnalyzer>>['analyze'];
const pages = () => formClient(t);

const NEGATIVE = 'This blender is overpriced junk, it broke after a week and support never answered.';
const POSITIVE = 'Love the new update, the app is fast and beautiful!';
const GERMAN = 'Der Mixer ist überteuert und nach einer Woche kaputt.';
const UNSCORED = 'acme 今日は';
const COMPLAINT = 'acme charged me twice, worst service ever, I want a refund';

let n = 0;
const post = (text: string, extra: Partial<SocialPost> = {}) =>
  socialPost({
    externalId: `ma-${++n}`,
    text,
    createdAt: new Date(Date.now() - 60_000),
    author: socialAuthor({ externalId: `a-${n}`, handle: `author${n}`, followers: 100 }),
    ...extra,
  });
const ingest = (workspaceId: string, posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId, sourceId: null, platform: 'x', topics: [] }, posts);

const stored = async (text: string) =>
  (
    await t.db
      .select()
      .from(mentions)
      .where(and(eq(mentions.workspaceId, ws.workspace.id), eq(mentions.text, text)))
  )[0]!;
const setThreshold = (confidenceThreshold: number) =>
  t.request('PUT', '/api/v1/analysis/settings', { token: ws.token, body: { confidenceThreshold } });

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Trusted Analysis');
  owner = await t.browserSession(ws.owner.email);
  ({ analyze } = await loadAnalyzer());
  await ingest(ws.workspace.id, [post(NEGATIVE), post(POSITIVE), post(GERMAN), post(UNSCORED), post(COMPLAINT)]);
});
afterAll(() => t?.close());

describe('the stored confidence', () => {
  it('keeps the analyzer’s confidence with each label at ingest, and none for an unscored post', async () => {
    for (const text of [NEGATIVE, POSITIVE, GERMAN]) {
      const m = await stored(text);
      const a = analyze(text);
      expect(m.sentimentLabel).toBe(a.label);
      // Stored as a real (float4): equal to the analyzer's three places.
      expect(m.sentimentConfidence).toBeCloseTo(a.confidence, 5);
      expect(m.sentimentConfidence).toBeGreaterThan(0);
    }
    expect(await stored(UNSCORED)).toMatchObject({ sentimentLabel: 'unscored', sentimentConfidence: null });
  });

  it('answers it in the Mentions API beside the label', async () => {
    const res = await t.request('GET', '/api/v1/mentions?limit=50', { token: ws.token });
    expect(res.status).toBe(200);
    const byText = new Map(res.json.items.map((m: { text: string }) => [m.text, m]));
    expect((byText.get(NEGATIVE) as { sentiment: { confidence: number } }).sentiment.confidence).toBeCloseTo(
      analyze(NEGATIVE).confidence,
      5,
    );
    expect((byText.get(UNSCORED) as { sentiment: { confidence: null } }).sentiment.confidence).toBeNull();
  });

  it('writes the new confidence when re-analysis scores a stored mention again', async () => {
    const other = await t.seedWorkspace('Reanalysed Confidence');
    await ingest(other.workspace.id, [post(NEGATIVE), post(GERMAN)]);
    // As an analyzer that said nothing of its confidence stored them.
    await t.db
      .update(mentions)
      .set({ analysisVersion: 0, sentimentConfidence: null })
      .where(eq(mentions.workspaceId, other.workspace.id));
    await reanalyzeMentions(t.db, { workspaceId: other.workspace.id });
    const after = await t.db.select().from(mentions).where(eq(mentions.workspaceId, other.workspace.id));
    expect(after).toHaveLength(2);
    for (const m of after) {
      expect(m.analysisVersion).toBe(ANALYSIS_VERSION);
      expect(m.sentimentConfidence).toBeCloseTo(analyze(m.text).confidence, 5);
    }
  });
});

describe('GET /api/v1/mentions/{id}', () => {
  it('explains the label: the deciding words with their weights, the probabilities and the model', async () => {
    const m = await stored(NEGATIVE);
    const res = await t.request('GET', `/api/v1/mentions/${m.id}`, { token: ws.token });
    expect(res.status, res.text).toBe(200);
    const a = analyze(NEGATIVE);
    expect(res.json).toMatchObject({ id: m.id, text: NEGATIVE, sentiment: { label: a.label } });
    expect(res.json.analysis).toMatchObject({
      label: a.label,
      score: expect.any(Number),
      version: ANALYSIS_VERSION,
      currentVersion: ANALYSIS_VERSION,
      outdated: false,
      override: null,
      effectiveLabel: a.label,
      uncertain: false,
      threshold: 0.5,
      explanation: { by: 'model', label: a.label, about: expect.stringContaining('trained on') },
    });
    expect(res.json.analysis.confidence).toBeCloseTo(a.confidence, 5);
    const e = res.json.analysis.explanation;
    expect(e.probabilities.negative + e.probabilities.neutral + e.probabilities.positive).toBeCloseTo(1, 2);
    expect(e.contributions).toEqual(a.explanation!.contributions);
    // The words that pushed it negative are the text's own, strongest first.
    const words = e.contributions.filter((c: { kind: string }) => c.kind === 'word');
    expect(words.some((c: { text: string; weight: number }) => NEGATIVE.includes(c.text) && c.weight < 0)).toBe(true);
    const sizes = e.contributions.map((c: { weight: number }) => Math.abs(c.weight));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });

  it('says when the stored analysis is an older analyzer version’s, and explains with today’s', async () => {
    const m = await stored(GERMAN);
    await t.db.update(mentions).set({ analysisVersion: 1 }).where(eq(mentions.id, m.id));
    const res = await t.request('GET', `/api/v1/mentions/${m.id}`, { token: ws.token });
    expect(res.json.analysis).toMatchObject({ version: 1, currentVersion: ANALYSIS_VERSION, outdated: true });
    expect(res.json.analysis.explanation.contributions.map((c: { text: string }) => c.text)).toEqual(
      analyze(GERMAN).explanation!.contributions.map((c) => c.text),
    );
    await t.db.update(mentions).set({ analysisVersion: ANALYSIS_VERSION }).where(eq(mentions.id, m.id));
  });

  it('has no explanation for a language the analyzer does not score', async () => {
    const res = await t.request('GET', `/api/v1/mentions/${(await stored(UNSCORED)).id}`, { token: ws.token });
    expect(res.json.analysis).toMatchObject({ label: 'unscored', confidence: null, explanation: null });
  });

  it('reads the label with the workspace’s own vocabulary', async () => {
    const own = await t.seedWorkspace('Blender Fans');
    await ingest(own.workspace.id, [post(NEGATIVE)]);
    const term = await t.request('POST', '/api/v1/analysis/lexicon', {
      token: own.token,
      body: { term: 'junk', language: null, weight: 3 },
    });
    expect(term.status, term.text).toBe(201);
    const [m] = await t.db.select().from(mentions).where(eq(mentions.workspaceId, own.workspace.id));
    const res = await t.request('GET', `/api/v1/mentions/${m!.id}`, { token: own.token });
    expect(res.json.analysis.explanation.contributions).toContainEqual(
      expect.objectContaining({ kind: 'lexicon', text: 'junk' }),
    );
  });

  it('is 404 for another workspace’s mention or an unknown id, and needs a sign-in', async () => {
    const id = (await stored(NEGATIVE)).id;
    const stranger = await t.seedWorkspace('Strangers');
    const theirs = await t.request('GET', `/api/v1/mentions/${id}`, { token: stranger.token });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.code).toBe('MENTION_NOT_FOUND');
    expect((await t.request('GET', '/api/v1/mentions/not-an-id', { token: ws.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/mentions/${id}`)).status).toBe(401);
  });

  it('is in the OpenAPI document, with the threshold setting', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).json;
    expect(doc.paths['/api/v1/mentions/{id}']?.get?.responses?.['200']).toBeDefined();
    expect(doc.paths['/api/v1/analysis/settings']?.put).toBeDefined();
    expect(doc.components.schemas.MentionAnalysis.properties.explanation).toBeDefined();
  });
});

describe('the confidence threshold', () => {
  it('lets only an admin set it, between 0 and 1, and keeps two places', async () => {
    const analyst = await t.seedUser(ws.workspace.id, 'analyst', 'analyst@trusted.test');
    expect(
      (
        await t.request('PUT', '/api/v1/analysis/settings', {
          token: analyst.token,
          body: { confidenceThreshold: 0.7 },
        })
      ).status,
    ).toBe(403);
    expect((await setThreshold(1.5)).status).toBe(422);
    expect((await setThreshold(0.655)).json).toEqual({ confidenceThreshold: 0.66 });
    expect((await t.request('GET', '/api/v1/analysis/settings', { token: analyst.token })).json).toEqual({
      confidenceThreshold: 0.66,
    });
    // The settings page's form sets it too.
    const saved = await pages().send('/settings/analysis', { confidenceThreshold: '0.5' }, owner);
    expect(saved).toMatchObject({ status: 303, location: '/settings/analysis?ok=saved' });
    expect((await pages().get('/settings/analysis', owner)).html).toContain('value="0.5"');
    const refused = await pages().send('/settings/analysis', { confidenceThreshold: '2' }, owner);
    expect(refused.status).toBe(422);
  });

  it('shows a label below it as uncertain on the mention stream, the inbox and the conversation page', async () => {
    const m = await stored(NEGATIVE);
    const shown = `negative? (uncertain, ${Math.round(m.sentimentConfidence! * 100) / 100})`;
    // Just above this label's confidence: it alone of the negatives is unsure enough to be uncertain.
    expect((await setThreshold(Math.ceil(m.sentimentConfidence! * 100 + 0.5) / 100)).status).toBe(200);
    const stream = (await pages().get('/inbox/mentions', owner)).html;
    expect(stream).toContain(shown);
    const inbox = (await pages().get('/inbox', owner)).html;
    expect(inbox).toMatch(/data-testid="conversation-sentiment" data-uncertain="true"[^>]*>negative\? \(uncertain/);
    const conversation = (await pages().get(`/inbox/c/${m.conversationId}`, owner)).html;
    expect(conversation).toContain(shown);
    // Never turned neutral, and a staff correction is never uncertain.
    expect(conversation).not.toContain('sentiment-neutral');
    await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token: ws.token, body: { label: 'negative' } });
    const corrected = (await pages().get(`/inbox/c/${m.conversationId}`, owner)).html;
    expect(corrected).toContain('negative (corrected)');
    expect(corrected).not.toContain(shown);
    await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token: ws.token, body: { label: null } });
    expect((await setThreshold(0.5)).status).toBe(200);
  });

  it('takes an uncertain label out of a conversation’s priority, and says so in its reason', async () => {
    // The row keeps the reason as codes; in English it reads as the API says it.
    const conversation = async () => {
      const row = (
        await t.db
          .select()
          .from(conversations)
          .where(eq(conversations.id, (await stored(COMPLAINT)).conversationId!))
      )[0]!;
      return { ...row, priorityReason: priorityReasonText(ENGLISH, row.priorityReason) };
    };
    const sure = await conversation();
    expect(sure.priorityReason).toMatch(/^Very negative \(confidence 0\.\d+\), complaint$/);
    expect(sure.priority).toBe('high');
    await setThreshold(1);
    const unsure = await conversation();
    expect(unsure.priorityReason).toMatch(/^Complaint, negative\? \(uncertain, 0\.\d+\) not counted$/);
    expect(unsure.priority).toBe('normal');
    await setThreshold(0.5);
    expect(await conversation()).toMatchObject({ priority: 'high', priorityReason: sure.priorityReason });
  });
});

describe('why a label', () => {
  it('answers the disclosure’s fragment with the deciding words, and a page of its own without script', async () => {
    const m = await stored(NEGATIVE);
    const fragment = await pages().get(`/inbox/mentions/${m.id}/why?fragment=1`, owner);
    expect(fragment.status).toBe(200);
    expect(fragment.html).not.toContain('<html');
    expect(fragment.html).toContain('By the model trained on semeval-2013-2016, vader-tweets, movie-snippets, and ');
    // Who decided is said in the reader's language: the data sets' names as a German list.
    const german = await t.app.request(`/inbox/mentions/${m.id}/why?fragment=1`, {
      headers: { cookie: owner.cookie, 'accept-language': 'de' },
    });
    expect(await german.text()).toContain(
      'Entschieden vom Modell, trainiert mit semeval-2013-2016, vader-tweets, movie-snippets und nyt-snippets.',
    );
    const top = analyze(NEGATIVE).explanation!.contributions.find((c) => c.kind === 'word')!;
    expect(fragment.html).toMatch(new RegExp(`${top.text}</span> <span class="points minus">−`));
    expect(fragment.html).toContain('Probabilities: negative');
    const page = await pages().get(`/inbox/mentions/${m.id}/why`, owner);
    expect(page.html).toContain('<h1>Why negative?</h1>');
    expect(page.html).toContain(`href="/inbox/c/${m.conversationId}#post-${m.id}"`);
    const stranger = await t.seedWorkspace('Why Strangers');
    const theirs = await pages().get(`/inbox/mentions/${m.id}/why`, await t.browserSession(stranger.owner.email));
    expect(theirs.status).toBe(404);
  });

  it('puts a “Why negative?” disclosure under the post on the conversation page and in the stream', async () => {
    const m = await stored(NEGATIVE);
    const disclosure = new RegExp(
      `<details class="why" id="why-${m.id}" data-why="/inbox/mentions/${m.id}/why" data-testid="why">` +
        '<summary class="small">' +
        'Why negative\\?</summary><div class="why-body" aria-live="polite"',
    );
    expect((await pages().get(`/inbox/c/${m.conversationId}`, owner)).html).toMatch(disclosure);
    expect((await pages().get('/inbox/mentions', owner)).html).toMatch(disclosure);
    // Nothing to explain for a language the analyzer does not score.
    const unscored = await stored(UNSCORED);
    expect((await pages().get('/inbox/mentions', owner)).html).not.toContain(`/inbox/mentions/${unscored.id}/why`);
  });
});
