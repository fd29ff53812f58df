import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { labelFromRules } from './decide';
import { read } from './reading';

const label = (t: string) => analyze(t).label;
/** The rules' own score: the model reads it as one of its features (./features.ts). */
const score = (t: string) => read(t, 'en').rules!.compound;

describe('analyze: social-text sentiment rules', () => {
  it.each([
    ['I love this phone', 'positive'],
    ['This phone is terrible', 'negative'],
    ['The phone arrived on Tuesday', 'neutral'],
    ['not good at all', 'negative'],
    ['Great camera, but the battery life sucks', 'negative'],
    ['😍😍', 'positive'],
    ['😡', 'negative'],
    [':)', 'positive'],
    ['so tired of this :(', 'negative'],
    ['#fail', 'negative'],
    ['new phone #lovethis', 'positive'],
    ["can't wait for the launch", 'positive'],
    ['Got the new headphones!', 'positive'],
  ])('%j is %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('has rules that read a negated complaint ("not bad") as mildly positive', () => {
    expect(labelFromRules(score('the update is not bad'))).toBe('positive');
  });

  it('makes intensifiers stronger and dampeners weaker', () => {
    expect(score('the service is very good')).toBeGreaterThan(score('the service is good'));
    expect(score('the service is slightly good')).toBeLessThan(score('the service is good'));
  });

  it('reads elongated words and ALL CAPS as emphasis', () => {
    expect(score('this is soooo goooood')).toBeGreaterThan(score('this is so good'));
    expect(score('this is GREAT news')).toBeGreaterThan(score('this is great news'));
  });

  it('weighs what follows "but" over what comes before', () => {
    expect(score('the screen is ugly but the sound is great')).toBeGreaterThan(0);
  });

  it('does not score URLs or @handles', () => {
    expect(analyze('@happy_hour see https://great.example.com/love').label).toBe('neutral');
  });

  it('decodes HTML entities before reading', () => {
    const a = analyze('I &lt;3 this &amp; that');
    expect(a.label).toBe('positive');
    expect(a.keyTerms).not.toContain('amp');
  });

  it('lists hashtags, mentions, urls and emoji', () => {
    const a = analyze('Thanks @acme! #win 🎉 https://acme.example/p');
    expect(a).toMatchObject({
      hashtags: ['#win'],
      mentions: ['@acme'],
      urls: ['https://acme.example/p'],
      emoji: ['🎉'],
    });
  });
});

describe('analyze: languages', () => {
  it('scores a German complaint negative', () => {
    const a = analyze('Das Produkt ist leider total kaputt und der Support antwortet nicht. Sehr enttäuscht!');
    expect(a).toMatchObject({ language: 'de', label: 'negative' });
  });

  it.each([
    ['Me encanta este producto, funciona genial', 'es', 'positive'],
    ['Ce service est vraiment nul, je suis déçu', 'fr', 'negative'],
    ['Questo prodotto è fantastico', 'it', 'positive'],
    ['Dit product is echt slecht', 'nl', 'negative'],
  ])('scores %j as %s, %s', (text, language, expected) => {
    expect(analyze(text)).toMatchObject({ language, label: expected });
  });

  it('labels a Japanese post unscored, not neutral', () => {
    const a = analyze('今日はアクメの新製品を買ったけど、すぐに壊れた。最悪です。');
    expect(a).toMatchObject({ language: 'ja', label: 'unscored', score: 0 });
  });

  it('takes a short plain post as English rather than guessing', () => {
    expect(analyze('Yay progress!').language).toBe('en');
  });

  it('does not call a short English line French or Dutch when no word of theirs is in it', () => {
    expect(analyze('A lame comedy.').language).toBe('en');
    expect(analyze('A lame comedy.').label).toBe('negative');
    expect(analyze('Trouble, indeed.').language).toBe('en');
  });

  it('still tells short posts in the other scored languages by their own words', () => {
    expect(analyze('Schlechter Service').language).toBe('de');
    expect(analyze('Echt slecht').language).toBe('nl');
  });
});

describe('analyze: intents and aspects', () => {
  it.each([
    ['How do I reset my password?', ['question']],
    ['The app keeps crashing, worst update ever', ['complaint']],
    ['Thank you @acme, the support team is amazing!', ['praise']],
    ['please add dark mode', ['feature_request']],
    ['thinking of buying the new acme watch, how much is it?', ['question', 'purchase_intent']],
    ["I'm cancelling my subscription, switching to Globex", ['churn_risk']],
    ['it would be amazing if Acme did engraving on the teapots', ['feature_request']],
    // Which model to get is what a purchase needs to know: purchase intent (tests/fixtures/README.md).
    ['which Acme model is best for a hilly commute?', ['question', 'purchase_intent']],
    ['Acme support replaced my kettle, no questions asked. customer for life', ['praise']],
    ['what are the plans? see https://acme.example/faq?id=3', ['question']],
    ['new blog post https://acme.example/post?id=3', []],
  ])('%j wants %j', (text, intents) => {
    expect(analyze(text).intents).toEqual(intents);
  });

  it('attaches sentiment to the product terms it talks about', () => {
    const a = analyze('The battery life is terrible but the camera is amazing');
    expect(a.aspects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ term: 'battery life', sentiment: 'negative' }),
        expect.objectContaining({ term: 'camera', sentiment: 'positive' }),
      ]),
    );
  });

  it('carries its analysis version', () => {
    expect(analyze('x').version).toBeGreaterThanOrEqual(1);
  });
});
