import { describe, expect, it } from 'vitest';
import { checkReply } from './length';

describe("each platform's length rule for replies", () => {
  it("counts a Google review response in UTF-8 bytes, as Google's 4,096 limit does", () => {
    // ü and ß take two bytes each: 7 bytes a greeting.
    const german = 'Grüße'.repeat(100);
    expect(checkReply('google_reviews', german)).toMatchObject({ ok: true, length: 700, limit: 4_096 });
    // 1,366 Chinese characters are 4,098 bytes: one character too many for Google, though far under 4,096 chars.
    expect(checkReply('google_reviews', '谢'.repeat(1_366))).toMatchObject({ ok: false, length: 4_098 });
    expect(checkReply('google_reviews', '谢'.repeat(1_365)).ok).toBe(true);
  });

  it('takes 350 characters on Google Play and 5,970 on the App Store, counted as characters', () => {
    expect(checkReply('google_play', 'x'.repeat(351))).toMatchObject({ ok: false, limit: 350 });
    expect(checkReply('app_store', '谢'.repeat(5_970))).toMatchObject({ ok: true, length: 5_970 });
  });

  it('limits a reply in the demo to what X takes, counted as X counts (its posts are replayed from X)', () => {
    expect(checkReply('demo', 'a'.repeat(281))).toMatchObject({ ok: false, length: 281, limit: 280 });
    // A link counts 23 however long it is, as on X.
    expect(checkReply('demo', `see https://example.com/${'p'.repeat(200)}`)).toMatchObject({ ok: true, length: 27 });
  });
});
