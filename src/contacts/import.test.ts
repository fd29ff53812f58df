import { describe, expect, it } from 'vitest';
import {
  type ExistingContact,
  type ImportedContact,
  parseContactMappingText,
  planImport,
  readCsv,
  readCsvHeader,
  resolveContactMapping,
  validateRow,
} from './import';

const STAGES = ['subscriber', 'lead', 'customer', 'advocate', 'detractor', 'other'];
const ctx = { stages: STAGES, owners: new Map([['ana@team.test', 'user-ana']]) };
const row = (values: Record<string, string>, line = 2) => ({ line, values });

describe('resolveContactMapping', () => {
  it('reads a HubSpot export by its column names', () => {
    const columns = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Company Name',
      'Job Title',
      'Lifecycle Stage',
      'City',
      'Contact owner',
    ];
    expect(resolveContactMapping(columns)).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      phone: 'Phone Number',
      company: 'Company Name',
      title: 'Job Title',
      lifecycleStage: 'Lifecycle Stage',
      location: 'City',
    });
  });

  it('reads a Salesforce export by its column names', () => {
    const columns = [
      'Salutation',
      'First Name',
      'Last Name',
      'Title',
      'Account Name',
      'Email',
      'Mobile Phone',
      'Mailing City',
      'Lead Source',
    ];
    expect(resolveContactMapping(columns)).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      title: 'Title',
      company: 'Account Name',
      email: 'Email',
      phone: 'Mobile Phone',
      location: 'Mailing City',
    });
  });

  it('matches plain and snake_case names, and reads back our own custom:<key> columns', () => {
    expect(resolveContactMapping(['name', 'email', 'lifecycle_stage', 'custom:plan'])).toEqual({
      name: 'name',
      email: 'email',
      lifecycleStage: 'lifecycle_stage',
      'custom:plan': 'custom:plan',
    });
  });

  it('lets an explicit mapping win, null drop a guess, and custom:<key> take any column', () => {
    expect(
      resolveContactMapping(['Email', 'E-mail (work)', 'City', 'Plan'], {
        email: 'E-mail (work)',
        location: null,
        'custom:plan': 'Plan',
      }),
    ).toEqual({ email: 'E-mail (work)', 'custom:plan': 'Plan' });
  });

  it('refuses a mapping to a column the file lacks, and a file with no name or email column', () => {
    expect(() => resolveContactMapping(['Email'], { company: 'Org' })).toThrow(/no column "Org"/);
    expect(() => resolveContactMapping(['Company', 'Phone'])).toThrow(/no name or email column/);
  });
});

describe('readCsv', () => {
  it('numbers records by the line they start on, counting CRLF, blank lines and quoted line breaks', () => {
    const csv = ['name,notes', 'Ana,one', '"Bo","two', 'lines"', '', 'Cy,three', ',', 'Di,four'].join('\r\n');
    expect(readCsv(csv).map((r) => [r.line, r.values.name])).toEqual([
      [2, 'Ana'],
      [3, 'Bo'],
      [6, 'Cy'],
      [8, 'Di'],
    ]);
  });

  it('explains a broken file instead of guessing', () => {
    expect(() => readCsv('name\n"unclosed\n')).toThrow(/not valid CSV: Quote Not Closed/);
    expect(() => readCsvHeader('')).toThrow(/empty/);
  });
});

describe('validateRow', () => {
  const map = {
    firstName: 'First',
    lastName: 'Last',
    email: 'Email',
    phone: 'Phone',
    lifecycleStage: 'Stage',
    tags: 'Tags',
    ownerEmail: 'Owner',
    'custom:plan': 'Plan',
  };

  it('joins first and last names, splits emails, phones and tags on ; or , and lower-cases emails', () => {
    const r = validateRow(
      row({
        First: 'Ana',
        Last: 'Silva',
        Email: 'Ana@X.test; ana@home.test,ANA@x.test',
        Phone: '+1 555 0100;+44 20 7946 0000',
        Stage: 'Customer',
        Tags: 'vip, beta',
        Owner: 'ANA@team.test',
        Plan: 'pro',
      }),
      map,
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      contact: {
        line: 2,
        name: 'Ana Silva',
        emails: ['ana@x.test', 'ana@home.test'],
        phones: ['+1 555 0100', '+44 20 7946 0000'],
        company: null,
        title: null,
        location: null,
        lifecycleStage: 'customer',
        ownerId: 'user-ana',
        tags: ['vip', 'beta'],
        customFields: { plan: 'pro' },
      },
    });
  });

  it.each([
    [{ Email: 'bob@', First: 'Bob' }, '"bob@": not an email address (column Email)'],
    [
      { Email: 'bob@x.test', Stage: 'prospect' },
      'unknown lifecycle stage "prospect" (column Stage); known: subscriber, lead, customer, advocate, ' +
        'detractor, other',
    ],
    [{ Phone: '+1 555 0100', Tags: 'vip' }, 'no name and no email'],
    [{ First: 'Cy', Phone: 'n/a' }, '"n/a": not a phone number (column Phone)'],
    [{ First: 'Di', Owner: 'nobody@team.test' }, 'no active teammate has the email "nobody@team.test" (column Owner)'],
    [{ First: 'x'.repeat(301) }, 'longer than 300 characters (column First)'],
    [{ First: 'Ed', Phone: '12' }, '"12": too short for a phone number (column Phone)'],
    [{ First: 'Gil', Plan: 'x'.repeat(2001) }, 'longer than 2000 characters (column Plan)'],
    [
      { First: 'Fay', Tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(';') },
      'more than 50 tags (column Tags)',
    ],
  ])('refuses %o: %s', (values, message) => {
    expect(validateRow(row(values), map, ctx)).toMatchObject({ ok: false, message });
  });

  it('takes off the apostrophe our export puts before formula-like cells', () => {
    const r = validateRow(row({ First: "'=HYPERLINK(1)", Phone: "'+1 555 0100" }), map, ctx);
    expect(r.ok && [r.contact.name, r.contact.phones]).toEqual(['=HYPERLINK(1)', ['+1 555 0100']]);
  });
});

describe('planImport', () => {
  const imported = (line: number, c: Partial<ImportedContact>): ImportedContact => ({
    line,
    name: '',
    emails: [],
    phones: [],
    company: null,
    title: null,
    location: null,
    lifecycleStage: null,
    ownerId: null,
    tags: [],
    customFields: {},
    ...c,
  });
  const existing = (id: string, c: Partial<ExistingContact>): ExistingContact => ({
    id,
    name: '',
    emails: [],
    phones: [],
    company: null,
    title: null,
    location: null,
    ownerId: null,
    tags: [],
    customFields: {},
    ...c,
  });

  it('makes one contact of rows that share an email, even through a chain', () => {
    const plan = planImport(
      [
        imported(2, { name: 'Ana', emails: ['a@x.test'] }),
        imported(3, { emails: ['b@x.test'], company: 'Acme' }),
        imported(4, { emails: ['a@x.test', 'b@x.test'], title: 'CTO' }),
        imported(5, { name: 'Solo' }),
      ],
      [],
      'subscriber',
    );
    expect(plan).toMatchObject({ imported: 2, merged: 2, updates: [] });
    expect(plan.inserts).toEqual([
      expect.objectContaining({
        name: 'Ana',
        emails: ['a@x.test', 'b@x.test'],
        company: 'Acme',
        title: 'CTO',
        lifecycleStage: 'subscriber',
      }),
      expect.objectContaining({ name: 'Solo', emails: [] }),
    ]);
  });

  it("fills an existing contact's empty fields and joins its lists, never overwriting what it has", () => {
    const before = existing('c1', {
      name: 'Dana Ruiz',
      emails: ['dana@x.test'],
      company: 'Acme',
      tags: ['vip'],
      customFields: { plan: 'pro' },
    });
    const plan = planImport(
      [
        imported(2, {
          name: 'D. Ruiz',
          emails: ['DANA@x.test'.toLowerCase(), 'd@home.test'],
          company: 'Globex',
          title: 'CTO',
          tags: ['beta'],
          customFields: { plan: 'free', region: 'eu' },
          lifecycleStage: 'customer',
        }),
      ],
      [before],
      'subscriber',
    );
    expect(plan).toMatchObject({ imported: 0, merged: 1, inserts: [] });
    expect(plan.updates).toEqual([
      {
        id: 'c1',
        name: 'Dana Ruiz',
        emails: ['dana@x.test', 'd@home.test'],
        phones: [],
        company: 'Acme',
        title: 'CTO',
        location: null,
        ownerId: null,
        tags: ['vip', 'beta'],
        customFields: { plan: 'pro', region: 'eu' },
      },
    ]);
  });

  it('picks the oldest of several matching contacts and leaves a contact the file adds nothing to alone', () => {
    const plan = planImport(
      [
        imported(2, { emails: ['new@x.test', 'old@x.test'], name: 'N' }),
        imported(3, { emails: ['same@x.test'], name: 'Same' }),
      ],
      [
        existing('old', { emails: ['old@x.test'], name: 'Old' }),
        existing('newer', { emails: ['new@x.test'], name: 'Newer' }),
        existing('same', { emails: ['same@x.test'], name: 'Same' }),
      ],
      'lead',
    );
    expect(plan.updates.map((u) => [u.id, u.emails])).toEqual([['old', ['old@x.test', 'new@x.test']]]);
    expect(plan).toMatchObject({ imported: 0, merged: 2 });
  });
});

describe('parseContactMappingText', () => {
  it('reads field=column pairs, custom fields included, and names a bad pair', () => {
    expect(parseContactMappingText('email=E-mail, custom:plan=Plan')).toEqual({
      email: 'E-mail',
      'custom:plan': 'Plan',
    });
    expect(() => parseContactMappingText('colour=x')).toThrow(/Mapping "colour=x": use field=column/);
  });
});
