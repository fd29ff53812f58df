import { describe, expect, it } from 'vitest';
import { restliEncode, restliList, restliRecord } from './linkedin-client';
import { nextUtcMidnight } from './linkedin-errors';
import { commentUrnParts, littleTextToPlain } from './linkedin-items';

describe('LinkedIn wire helpers', () => {
  it('encodes URNs the Rest.li 2.0 way, structural characters included', () => {
    expect(restliEncode('urn:li:organization:2414183')).toBe('urn%3Ali%3Aorganization%3A2414183');
    expect(restliEncode('urn:li:comment:(urn:li:activity:123,456)')).toBe(
      'urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A123%2C456%29',
    );
    expect(restliEncode("it's 株式会社 & more")).toBe('it%27s%20%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE%20%26%20more');
    expect(restliList(['urn:li:share:1', 'SHARE_MENTION'])).toBe('List(urn%3Ali%3Ashare%3A1,SHARE_MENTION)');
    expect(restliRecord({ start: 1, end: 2.9 })).toBe('(start:1,end:2)');
  });

  it('splits a comment URN into its post and its id', () => {
    expect(commentUrnParts('urn:li:comment:(urn:li:activity:7001,7002)')).toEqual({
      object: 'urn:li:activity:7001',
      id: '7002',
    });
    expect(commentUrnParts('urn:li:comment:(urn:li:ugcPost:9,10)')?.object).toBe('urn:li:ugcPost:9');
    expect(commentUrnParts('urn:li:share:1')).toBeNull();
  });

  it("renders LinkedIn's little text as people read it", () => {
    expect(littleTextToPlain('Hi @[Acme Corp](urn:li:organization:1) and @[Jo \\[JD\\]](urn:li:person:x)!')).toBe(
      'Hi @Acme Corp and @Jo [JD]!',
    );
    expect(littleTextToPlain('{hashtag|\\#|launch} day \\(finally\\) \\*')).toBe('#launch day (finally) *');
    expect(littleTextToPlain('plain text stays')).toBe('plain text stays');
  });

  it('knows when the day starts again at LinkedIn: midnight UTC', () => {
    expect(nextUtcMidnight(new Date('2026-12-31T23:59:59Z'))).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(nextUtcMidnight(new Date('2026-03-10T00:00:00Z'))).toEqual(new Date('2026-03-11T00:00:00Z'));
  });
});
