import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { hashtagsIn, hashtagTerms } from './hashtags';

describe('the hashtag rule', () => {
  it.each([
    ['#Störung bei der Abfuhr #Müll', ['störung', 'müll']],
    ['#café and #Cafe\u0301 are one tag', ['café']],
    ['#日本 #Ελλάδα #кофе #naïve', ['日本', 'ελλάδα', 'кофе', 'naïve']],
    ['#iPhone15 #2024 #123abc #a_b', ['iphone15', '123abc', 'a_b']],
    ['a#b, &#39;quoted&#39; and https://x.test/page#anchor', []],
    ['#Acme! (#acme) #ACME.', ['acme']],
  ])('finds in %j: %j', (text, terms) => {
    expect(hashtagTerms(text)).toEqual(terms);
  });

  it('keeps tags as written (in NFC) for the analysis', () => {
    expect(hashtagsIn('Bei der #Störung, #Cafe\u0301')).toEqual(['#Störung', '#Café']);
  });
});

describe('the analyser with non-ASCII hashtags', () => {
  it('lists whole hashtags and keeps them whole among the key terms', () => {
    const a = analyze('#Störung bei der Müllabfuhr, schon wieder #Müll überall');
    expect(a.hashtags).toEqual(['#Störung', '#Müll']);
    expect(a.keyTerms).toEqual(expect.arrayContaining(['störung', 'müll', 'müllabfuhr']));
    expect(a.keyTerms).not.toEqual(expect.arrayContaining(['örung']));
    expect(a.keyTerms).not.toEqual(expect.arrayContaining(['üll']));
  });

  it('finds the same hashtags as the report rollups count', () => {
    for (const text of [
      '#naïve #日本 love it',
      'no tags here',
      '#2024 was #großartig',
      'see https://a.test/#x #real',
    ]) {
      expect([...new Set(analyze(text).hashtags.map((t) => t.slice(1).toLowerCase()))]).toEqual(hashtagTerms(text));
    }
  });
});
