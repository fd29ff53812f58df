import { describe, expect, it } from 'vitest';
import { spamFlags } from './spam';

const now = new Date('2026-05-01T12:00:00Z');
const old = new Date('2026-01-01T00:00:00Z');
const fresh = new Date('2026-05-01T11:00:00Z');

describe('spam rules', () => {
  it('lets a plain post from a new account through', () => {
    expect(spamFlags({ text: 'Please add dark mode', memberCreatedAt: fresh, recentTexts: [], now })).toEqual([]);
  });

  it('holds any link from an account younger than a day, and many links from anyone', () => {
    expect(
      spamFlags({ text: 'cheap pills at https://spam.example', memberCreatedAt: fresh, recentTexts: [], now }),
    ).toEqual(['links', 'new_account']);
    expect(
      spamFlags({ text: 'see https://docs.example for details', memberCreatedAt: old, recentTexts: [], now }),
    ).toEqual([]);
    expect(
      spamFlags({
        text: 'http://a.example http://b.example www.c-site.com',
        memberCreatedAt: old,
        recentTexts: [],
        now,
      }),
    ).toEqual(['links']);
  });

  it('holds the same text posted again, ignoring case and spacing', () => {
    expect(spamFlags({ text: 'Buy  NOW', memberCreatedAt: old, recentTexts: ['buy now'], now })).toEqual(['repeat']);
  });
});
