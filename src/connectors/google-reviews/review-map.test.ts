import { describe, expect, it } from 'vitest';
import { originalReviewText, starValue } from './review-map';
import { fromRecheckKey, parseReviewName, reviewRef } from './review-names';

describe('Google review text and names', () => {
  it("keeps the reviewer's words and drops Google's translation, whichever comes first", () => {
    expect(originalReviewText('(Translated by Google) Good\n\n(Original)\nGut')).toBe('Gut');
    expect(originalReviewText('Gut\n\n(Translated by Google)\nGood')).toBe('Gut');
    expect(originalReviewText('Zeile 1\nZeile 2\n\n(Translated by Google)\nLine 1\nLine 2')).toBe('Zeile 1\nZeile 2');
  });

  it('leaves a comment without the markers as it is, and never returns nothing for a translation alone', () => {
    expect(originalReviewText('  I loved the (Original) recipe  ')).toBe('  I loved the (Original) recipe  ');
    expect(originalReviewText('(Translated by Google) Good')).toBe('(Translated by Google) Good');
  });

  it('reads star ratings, with none for an unspecified one', () => {
    expect(['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].map((s) => starValue(s))).toEqual([1, 2, 3, 4, 5]);
    expect(starValue('STAR_RATING_UNSPECIFIED')).toBeNull();
    expect(starValue(undefined)).toBeNull();
  });

  it('finds the review a mention names only from its own resource name or location, never a guessed one', () => {
    expect(parseReviewName('accounts/1/locations/2/reviews/AbC_d-9')).toEqual({ locationId: '2', reviewId: 'AbC_d-9' });
    expect(parseReviewName('accounts/1/locations/2/reviews/../x')).toBeNull();
    expect(reviewRef('AbC', { name: 'accounts/1/locations/2/reviews/AbC' })).toEqual({
      locationId: '2',
      reviewId: 'AbC',
    });
    expect(reviewRef('AbC', { locationId: '7' })).toEqual({ locationId: '7', reviewId: 'AbC' });
    expect(reviewRef('AbC', {})).toBeNull();
    expect(reviewRef('a/b', { locationId: '7' })).toBeNull();
    expect(fromRecheckKey('7/AbC')).toEqual({ locationId: '7', reviewId: 'AbC' });
    expect(fromRecheckKey('7/AbC/x')).toBeNull();
  });
});
