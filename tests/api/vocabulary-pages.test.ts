import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let owner: { cookie: string; csrf: string };
let analyst: { cookie: string; csrf: string };
const FORM = 'application/x-www-form-urlencoded';

const get = async (who: { cookie: string }, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text() };
};
const post = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string> = {}) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Vocab Pages');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@vocabpages.test');
  owner = await t.browserSession('owner@vocabpages.test');
  analyst = await t.browserSession('analyst@vocabpages.test');
  await ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    ['These new boards are sick', 'Landed a sick kickflip today'].map((text, i) =>
      socialPost({
        externalId: `p-${i}`,
        text,
        createdAt: new Date(Date.UTC(2026, 10, 2 + i)),
        author: socialAuthor({ externalId: `a-${i}` }),
      }),
    ),
  );
});
afterAll(() => t.close());

describe('Settings > Vocabulary page', () => {
  it('offers a labelled form with a preview, and a status that is announced', async () => {
    const page = await get(owner, '/settings/vocabulary');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label[^>]*>\s*Term or phrase\s*<input name="term"/);
    expect(page.html).toMatch(/<label[^>]*>\s*Language\s*<select name="language"/);
    expect(page.html).toMatch(/<label[^>]*>\s*Weight \(−4 to \+4\)\s*<input name="weight"/);
    expect(page.html).toContain('formaction="/settings/vocabulary/preview"');
    expect(page.html).toMatch(/role="status" aria-live="polite" data-testid="vocabulary-pending"/);
    expect(page.html).toContain('aria-current="page">Vocabulary');
  });

  it('previews what a term would change, keeping what was typed, and saves nothing', async () => {
    const res = await post(owner, '/settings/vocabulary/preview', { term: 'sick', language: '', weight: '3' });
    expect(res.status).toBe(200);
    expect(res.html).toContain('data-testid="lexicon-preview"');
    expect(res.html).toMatch(/&quot;sick&quot; would change \d of 2 mentions/);
    expect(res.html).toContain('value="sick"');
    expect(res.html).toContain('value="3"');
    expect(res.html).not.toContain('data-testid="lexicon-row"');
  });

  it('adds a term, says how many mentions are re-scored, and removes it', async () => {
    const added = await post(owner, '/settings/vocabulary', { term: 'sick', language: 'en', weight: '2.5' });
    expect(added.status).toBe(303);
    expect(added.location).toBe('/settings/vocabulary?ok=added&marked=2');
    const page = await get(owner, `${added.location}`);
    expect(page.html).toContain('Term added. 2 mentions with it are being re-scored.');
    expect(page.html.match(/data-testid="lexicon-row"/g)).toHaveLength(1);
    expect(page.html).toContain('English');
    expect(page.html).toContain('+2.5');
    await t.deps.events.idle();
    const id = /action="\/settings\/vocabulary\/([0-9a-f-]{36})\/delete"/.exec(page.html)![1]!;
    const removed = await post(owner, `/settings/vocabulary/${id}/delete`);
    // Re-scored with the term by now, they are marked again to lose it.
    expect(removed.location).toBe('/settings/vocabulary?ok=removed&marked=2');
    await t.deps.events.idle();
    expect((await get(owner, '/settings/vocabulary')).html).not.toContain('data-testid="lexicon-row"');
  });

  it('explains a refused term in the form, with focus on the term', async () => {
    const bad = await post(owner, '/settings/vocabulary', { term: 'rad', language: '', weight: '9' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('role="alert"');
    expect(bad.html).toMatch(/Weight: [^<]*4/);
    expect(bad.html).toMatch(/<input name="term"[^>]*value="rad"[^>]*autofocus/);
    const unread = await post(owner, '/settings/vocabulary', { term: "don't", language: '', weight: '1' });
    expect(unread.status).toBe(422);
    expect(unread.html).toContain('The analyzer does not read &quot;don&#39;t&quot; as written');
  });

  it('shows analysts the vocabulary without the form, and refuses their posts', async () => {
    const page = await get(analyst, '/settings/vocabulary');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('name="term"');
    expect((await post(analyst, '/settings/vocabulary', { term: 'rad', weight: '1' })).status).toBe(403);
    expect((await post(analyst, '/settings/vocabulary/preview', { term: 'rad', weight: '1' })).status).toBe(403);
  });
});
