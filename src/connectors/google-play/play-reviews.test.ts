import { describe, expect, it } from 'vitest';
import { developerReplyText, playReviewSchema, playReviewToSocial, splitTitle } from './play-reviews';

const review = (userComment: Record<string, unknown>, extra: unknown[] = []) => ({
  reviewId: 'gp:AOqpTOF1',
  authorName: 'Jane Bloggs',
  comments: [{ userComment }, ...extra],
});

describe('Google Play review mapping', () => {
  it('splits a title from the body at the first tab, and never leaves the text empty', () => {
    expect(splitTitle('Great\tWorks offline')).toEqual({ title: 'Great', text: 'Works offline' });
    expect(splitTitle('No title here')).toEqual({ title: null, text: 'No title here' });
    expect(splitTitle('Only a title\t')).toEqual({ title: null, text: 'Only a title' });
    expect(splitTitle('\tOnly a body')).toEqual({ title: null, text: 'Only a body' });
    expect(splitTitle('A\tB\tC')).toEqual({ title: 'A', text: 'B\tC' });
  });

  it('reads the time from seconds as a string plus nanos, and the stars and our reply', () => {
    const parsed = playReviewSchema.parse(
      review({ text: 'Nice', lastModified: { seconds: '1443676826', nanos: 713000000 }, starRating: 5 }, [
        { developerComment: { text: 'Thanks!', lastModified: { seconds: '1443676900' } } },
      ]),
    );
    const post = playReviewToSocial(parsed, 'com.example.app');
    expect(post.createdAt.toISOString()).toBe('2015-10-01T05:20:26.713Z');
    expect(post.metrics).toEqual({ rating: 5, replied: 1 });
    expect(post.url).toBe('https://play.google.com/store/apps/details?id=com.example.app&reviewId=gp%3AAOqpTOF1');
  });

  it('rejects a review without the user comment, its text or its time, naming what is missing', () => {
    const noText = playReviewSchema.safeParse(review({ lastModified: { seconds: '1' } }));
    expect(noText.success).toBe(false);
    expect(noText.error?.issues[0]?.path).toEqual(['userComment', 'text']);
    expect(playReviewSchema.safeParse(review({ text: 'hi' })).success).toBe(false);
    expect(playReviewSchema.safeParse({ reviewId: 'x', comments: [] }).success).toBe(false);
    expect(
      playReviewSchema.safeParse(review({ text: 'hi', lastModified: { seconds: '1' }, starRating: 9 })).success,
    ).toBe(false);
  });

  it("finds our reply's text even where the user's part cannot be read", () => {
    expect(developerReplyText({ comments: [{ userComment: {} }, { developerComment: { text: 'Hi' } }] })).toBe('Hi');
    expect(developerReplyText({ comments: [{ userComment: { text: 'x' } }] })).toBeNull();
    expect(developerReplyText(null)).toBeNull();
  });
});
