import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, type Session } from '../helpers/forms';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The browser script writes no English of its own: the page hands it its words in the viewer's language
 * (a JSON block in the page shell), and the script fills in their `{slots}`.
 */

let t: TestContext;
let german: Session;
let english: Session;

const scriptWords = async (who: Session) => {
  const page = await formClient(t).get('/inbox', who);
  expect(page.status).toBe(200);
  const block = /<script type="application\/json" id="client-messages">(.*?)<\/script>/s.exec(page.html);
  expect(block, 'the page hands the script its words').not.toBeNull();
  return JSON.parse(block![1]!) as Record<string, string>;
};

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Words');
  const { token } = await t.seedUser(ws.workspace.id, 'agent', 'greta@words.test');
  expect((await t.request('PATCH', '/api/v1/me', { token, body: { language: 'de' } })).status).toBe(200);
  german = await t.browserSession('greta@words.test');
  english = await t.browserSession(ws.owner.email);
});
afterAll(() => t.close());

describe('the browser script’s words', () => {
  it('are German on a German page, with the slots the script fills', async () => {
    const words = await scriptWords(german);
    expect(words).toMatchObject({
      typing: '{name} schreibt eine Antwort …',
      viewing: '{name} sieht sich die Unterhaltung an',
      loading: 'Wird geladen …',
      replyNotQueued: 'Die Antwort konnte nicht in die Warteschlange gestellt werden ({status}).',
    });
    const englishWords = await scriptWords(english);
    // Every message is translated, none left in English.
    for (const [key, text] of Object.entries(words)) expect(text, key).not.toBe(englishWords[key]);
  });

  it('are English for an English viewer', async () => {
    expect(await scriptWords(english)).toMatchObject({
      typing: '{name} is typing a reply…',
      offline: 'Could not reach the server. Your reply is still here: send it again (it will not be posted twice).',
    });
  });
});
