import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imports } from '../../src/imports/schema';
import { UPLOAD_CUT_OFF } from '../../src/imports/import.service';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function pageOf(email: string) {
  const login = await t.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return (await t.app.request('/settings/imports', { headers: { cookie } })).text();
}

describe('a failed import’s note on Settings > Imports', () => {
  it('is said in the reader’s language when the page knows it, and shown as written when not', async () => {
    const ws = await t.seedWorkspace('Fehlschlag');
    const failed = (filename: string, error: string) => ({
      workspaceId: ws.workspace.id,
      filename,
      format: 'csv' as const,
      mapping: {},
      size: 10,
      status: 'failed' as const,
      error,
    });
    await t.db
      .insert(imports)
      .values([
        failed('cut.csv', UPLOAD_CUT_OFF),
        failed('db.csv', 'The import failed (database error 23505); see the log, ref 1f2e'),
        failed('internal.csv', 'The import failed (internal error); see the log, ref 3c4d'),
        failed('other.csv', 'Something only the log explains'),
      ]);
    const english = await pageOf('owner@fehlschlag.test');
    expect(english).toContain(
      '<p class="flash error">The import failed (database error 23505); see the log, ref 1f2e</p>',
    );

    expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language: 'de' } })).status).toBe(200);
    const german = await pageOf('owner@fehlschlag.test');
    for (const note of [
      'Der Upload brach ab, bevor die ganze Datei ankam: Laden Sie die Datei noch einmal hoch',
      'Der Import ist fehlgeschlagen (Datenbankfehler 23505); siehe Server-Protokoll, Ref. 1f2e',
      'Der Import ist fehlgeschlagen (interner Fehler); siehe Server-Protokoll, Ref. 3c4d',
      'Something only the log explains',
    ])
      expect(german).toContain(`<p class="flash error">${note}</p>`);
    expect(german).not.toContain('The import failed');
    expect(german).not.toContain(UPLOAD_CUT_OFF);

    // The API keeps the note in English.
    const api = await t.request('GET', '/api/v1/imports', { token: ws.token, headers: { 'accept-language': 'de' } });
    expect(api.json.items.map((i: { error: string }) => i.error)).toContain(UPLOAD_CUT_OFF);
  });
});
