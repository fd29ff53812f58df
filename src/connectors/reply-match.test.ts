import { describe, expect, it } from 'vitest';
import { replyTextKey, sameReplyText } from './reply-match';

describe('sameReplyText', () => {
  it.each([
    [
      'X shortened the link',
      'Read https://t.co/AbC123 for details',
      'Read https://example.com/help/refunds?id=1 for details',
    ],
    ['X led with the @name it replies to', '@ana_dev Sorry, we are on it!', 'Sorry, we are on it!'],
    [
      'Mastodon shows a remote mention without its domain',
      '@ana Thanks for the report',
      '@ana@other.example Thanks for the report',
    ],
    ['spacing and line breaks differ', 'Thanks!\n\nWe are on it.', 'Thanks! We are on it. '],
    ['the same accented text in another Unicode form', 'Cafe\u0301 ouvert', 'Café ouvert'],
  ])('matches when %s', (_, posted, ours) => {
    expect(sameReplyText(posted, ours)).toBe(true);
  });

  it.each([
    ['another text', 'Sorry, we are on it!', 'Sorry, we are looking at it!'],
    ['a different case', 'thanks', 'Thanks'],
    ['an extra word', 'Thanks a lot', 'Thanks'],
    ['an empty post against an empty reply', '', ''],
    ['a post of only a mention', '@ana', '@bob'],
  ])('does not match %s', (_, posted, ours) => {
    expect(sameReplyText(posted, ours)).toBe(false);
  });

  it('keeps an email address, which is not a mention', () => {
    expect(replyTextKey('Write to help@acme.test please')).toBe('Write to help@acme.test please');
  });
});
