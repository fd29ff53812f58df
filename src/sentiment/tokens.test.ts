import { describe, expect, it } from 'vitest';
import { hasRunOfThree, tokenize } from './tokens';

const values = (text: string) => tokenize(text).map((t) => t.value);

describe('tokenize', () => {
  it.each([
    ['Größe Straße über hält', ['Größe', 'Straße', 'über', 'hält']],
    ['Ärger mit der Türöffnung', ['Ärger', 'mit', 'der', 'Türöffnung']],
  ])('keeps umlauts and ß inside words: %j', (text, words) => {
    expect(values(text)).toEqual(words);
  });

  it('keeps a hashtag with umlauts as one hashtag token', () => {
    expect(tokenize('#Störung bei der Bahn')[0]).toEqual({ value: '#Störung', lower: '#störung', type: 'hashtag' });
  });

  it.each([
    ["l'application", ["l'", 'application']],
    ["n'est pas", ["n'", 'est', 'pas']],
    ['l’app', ['l’', 'app']],
    ["dell'app c'è", ["dell'", 'app', "c'", 'è']],
  ])('splits French and Italian elisions off the word: %j', (text, words) => {
    expect(values(text)).toEqual(words);
  });

  it('spells the elided article one way for lookups', () => {
    expect(tokenize('l’app').map((t) => t.lower)).toEqual(["l'", 'app']);
  });

  it.each([
    ["don't", ['do', "n't"]],
    ["it's", ['it', "'s"]],
    ["c'mon", ["c'mon"]],
  ])('leaves English contractions as wink-nlp splits them: %j', (text, words) => {
    expect(values(text)).toEqual(words);
  });

  it('reads Spanish opening marks as punctuation before the word', () => {
    expect(tokenize('¡Qué bien! ¿Por qué?').map((t) => [t.value, t.type])).toEqual([
      ['¡', 'punctuation'],
      ['Qué', 'word'],
      ['bien', 'word'],
      ['!', 'punctuation'],
      ['¿', 'punctuation'],
      ['Por', 'word'],
      ['qué', 'word'],
      ['?', 'punctuation'],
    ]);
  });
});

describe('hasRunOfThree', () => {
  it.each([
    ['sooo', true],
    ['!!!', true],
    ['gooood', true],
    ['good', false],
    ['aab', false],
    ['', false],
  ])('%j → %s', (word, expected) => {
    expect(hasRunOfThree(word)).toBe(expected);
  });
});
