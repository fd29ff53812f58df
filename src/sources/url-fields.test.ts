import { describe, expect, it } from 'vitest';
import { movedUrlFields, originOf, urlFields } from './url-fields';

describe('urlFields', () => {
  it('finds keys named like addresses and absolute URL values, and nothing else', () => {
    const found = urlFields({
      baseUrl: 'https://api.x.com/',
      feedUrl: 'https://blog.example/feed',
      mirror: 'http://m.example/',
      query: 'acme',
      timeoutMs: 100,
    });
    expect([...found.keys()]).toEqual(['baseUrl', 'feedUrl', 'mirror']);
  });
});

describe('originOf', () => {
  it.each([
    ['https://A.example:443/x?y', 'https://a.example'],
    ['http://a.example:8080/', 'http://a.example:8080'],
    ['http://[::1]:80/', 'http://[::1]'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
});

describe('movedUrlFields', () => {
  it.each([
    ['the same host, another path', { baseUrl: 'https://api.x.com/' }, { baseUrl: 'https://api.x.com/2/' }, []],
    [
      'the same host with its default port spelled out',
      { feedUrl: 'https://f.example/rss' },
      { feedUrl: 'https://F.example:443/atom' },
      [],
    ],
    ['another host', { baseUrl: 'https://api.x.com/' }, { baseUrl: 'https://evil.example/' }, ['baseUrl']],
    ['another port', { baseUrl: 'https://h.example/' }, { baseUrl: 'https://h.example:8443/' }, ['baseUrl']],
    ['another scheme', { feedUrl: 'https://h.example/f' }, { feedUrl: 'http://h.example/f' }, ['feedUrl']],
    [
      'a second address moved',
      { baseUrl: 'https://oauth.reddit.com', authBaseUrl: 'https://www.reddit.com' },
      { baseUrl: 'https://oauth.reddit.com', authBaseUrl: 'https://evil.example' },
      ['authBaseUrl'],
    ],
    [
      'an address added',
      { baseUrl: 'https://bsky.social' },
      { baseUrl: 'https://bsky.social', publicBaseUrl: 'https://evil.example' },
      ['publicBaseUrl'],
    ],
    ['no addresses at all', { batch: 8 }, { batch: 9 }, []],
  ] as const)('%s → %j', (_name, before, after, moved) => {
    expect(movedUrlFields(before, after)).toEqual(moved);
  });
});
