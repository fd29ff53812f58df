import { describe, expect, it } from 'vitest';
import { compileQuery, CompileError, type SearchPlatform } from './compile';
import { matchTopics, matches, prepareText } from './match';
import { formatQuery, parseQuery, QueryError } from './query';

describe('parseQuery', () => {
  it.each([
    ['acme', 'acme'],
    ['Acme Cloud', 'acme cloud'],
    ['"Acme Cloud"', '"acme cloud"'],
    ['acme OR globex', 'acme OR globex'],
    ['acme -job -"now hiring"', 'acme -job -"now hiring"'],
    ['#Acme @AcmeHQ', '#acme @acmehq'],
    ['(widget OR gadget) acme', '(widget OR gadget) acme'],
    ['acme -(job OR hiring)', 'acme -(job OR hiring)'],
    ['“curly quotes”', '"curly quotes"'],
  ])('reads %s as %s', (input, canonical) => {
    expect(formatQuery(parseQuery(input))).toBe(canonical);
  });

  it.each([
    ['', 'Query is empty'],
    ['"acme', 'Unclosed quote'],
    ['(acme', 'Unclosed parenthesis'],
    ['acme)', 'Unexpected )'],
    ['acme OR', 'OR needs something on both sides'],
    ['-acme', 'A query needs at least one word to look for, not only exclusions'],
    ['#not-a-tag!', 'Not a hashtag'],
    ['x'.repeat(1001), 'longer than 1000'],
  ])('rejects %j with "%s"', (input, message) => {
    expect(() => parseQuery(input)).toThrow(QueryError);
    expect(() => parseQuery(input)).toThrow(message);
  });
});

describe('matching posts locally', () => {
  const hit = (query: string, text: string, authorHandle?: string) =>
    matches(parseQuery(query), prepareText({ text, authorHandle }));

  it.each([
    ['acme', 'I love ACME products', true],
    ['acme', 'acmes are great', false], // whole words only
    ['acme', "Acme's support is slow", true],
    ['acme', 'Big fan of #Acme', true], // a hashtag body is also a word
    ['#acme', 'I love acme', false], // a #hashtag query wants the hashtag
    ['#acme', 'Loving it #ACME!', true],
    ['"acme cloud"', 'the Acme   Cloud outage', true],
    ['"acme cloud"', 'acme has a cloud', false],
    ['acme -job', 'acme is hiring, job ad', false],
    ['acme -"now hiring"', 'acme: now hiring!', false],
    ['acme -"now hiring"', 'acme is hiring now', true],
    ['@acmehq', 'thanks @AcmeHQ for the fix', true],
    ['@acmehq', 'a post by them', true, 'AcmeHQ'],
    ['@acmehq', 'thanks @acmehq@mastodon.social', true],
    ['@acmehq', 'email me at me@acmehq.com', false],
    ['(widget OR gadget) acme', 'acme gadget broke', true],
    ['(widget OR gadget) acme', 'acme thing broke', false],
    ['e-bike', 'my new E-Bike rocks', true],
    ['アクメ', '今日はアクメの新製品を買った', true],
    ['café', 'best CAFÉ in town', true],
  ])('%s against %j is %s', (query, text, expected, author?: string) => {
    expect(hit(query, text, author)).toBe(expected);
  });

  it('returns the ids of every topic a post hits', () => {
    const topics = [
      { id: 'brand', query: parseQuery('acme OR @acmehq') },
      { id: 'rival', query: parseQuery('globex') },
      { id: 'jobs', query: parseQuery('acme hiring') },
    ];
    expect(matchTopics(topics, { text: 'Acme vs Globex, who wins?' })).toEqual(['brand', 'rival']);
  });
});

describe('compileQuery', () => {
  const q = 'acme -job (widget OR "gadget pro") #launch @acmehq';
  it.each<[SearchPlatform, string[], string[]]>([
    ['x', ['acme -job (widget OR "gadget pro") #launch (@acmehq OR from:acmehq)'], []],
    ['reddit', ['acme AND NOT job AND (widget OR "gadget pro") AND #launch AND "acmehq"'], []],
    ['bluesky', ['acme widget #launch @acmehq', 'acme "gadget pro" #launch @acmehq'], []],
    ['hackernews', ['acme widget #launch @acmehq', 'acme "gadget pro" #launch @acmehq'], []],
    ['mastodon', [], ['launch']],
    ['threads', ['acme widget launch acmehq', 'acme gadget pro launch acmehq'], []],
    ['instagram', [], ['launch']],
    ['youtube', ['acme widget #launch @acmehq | acme "gadget pro" #launch @acmehq'], []],
  ])('writes %s syntax', (platform, queries, hashtags) => {
    expect(compileQuery(parseQuery(q), platform)).toEqual({ queries, hashtags });
  });

  it('reads a one-word branch as its hashtag on Instagram, which searches nothing else', () => {
    expect(compileQuery(parseQuery('Acme OR "acme cloud" OR #AcmeBoots'), 'instagram')).toEqual({
      queries: [],
      hashtags: ['acme', 'acmeboots'],
    });
  });

  it('searches Mastodon for branches without a hashtag', () => {
    expect(compileQuery(parseQuery('acme OR "acme cloud" OR #acme'), 'mastodon')).toEqual({
      queries: ['acme', '"acme cloud"'],
      hashtags: ['acme'],
    });
  });

  it('refuses a query that expands into too many searches', () => {
    const wide = '(a OR b OR c) (d OR e OR f) (g OR h)';
    expect(() => compileQuery(parseQuery(wide), 'bluesky')).toThrow(CompileError);
    expect(() => compileQuery(parseQuery(wide), 'x')).not.toThrow();
  });

  it('refuses an X search longer than 512 characters', () => {
    const long = Array.from({ length: 60 }, (_, i) => `brandname${i}`).join(' OR ');
    expect(() => compileQuery(parseQuery(long), 'x')).toThrow(/X allows 512/);
  });
});
