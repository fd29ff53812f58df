import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { tokenize } from './tokens';

const detect = (text: string) => detectLanguage(text, tokenize(text)).code;

describe('detectLanguage', () => {
  it.each([
    'Neu im Blog: die Bundesregierung erkannte bereits 2010 Probleme bei der Datenschutzregel',
    'Ich will nur wissen, wann mein Paket kommt, das war so nicht abgemacht',
    'Wie geht’s euch? Bei uns gibt’s heute Kuchen im Garten',
    'Besten Dank im Voraus für die schnelle Antwort',
  ])('does not let "im", "will" or "\'s" call a German post English: %j', (text) => {
    expect(detect(text)).toBe('de');
  });

  it.each(['Süß ^^', 'Große Enttäuschung über die Größe', 'Hübscher Knoten'])(
    'does not call a post with umlauts or ß English: %j',
    (text) => {
      expect(detect(text)).not.toBe('en');
    },
  );

  it.each(['geil!!', 'Respekt!', 'Du Depp', 'Voll nervig -.-'])(
    'tells one- and two-word German posts by the words only German knows: %j',
    (text) => {
      expect(detect(text)).toBe('de');
    },
  );

  it('reads the words of hashtags when a post has nothing else', () => {
    expect(detect('#auf #bus #warten #keine #lust #aber #wir #kochen')).toBe('de');
  });

  it.each([
    'I will be there at 5, im running late',
    "It's the best day ever, love it",
    'The war in the north is over, they say',
    'I could die for a good pizza right now',
    'Yay progress!',
    'A lame comedy.',
  ])('keeps English posts English, German-looking words and all: %j', (text) => {
    expect(detect(text)).toBe('en');
  });

  it.each([
    ['Me encanta este producto, funciona genial', 'es'],
    ["Le service client ne répond jamais, c'est nul", 'fr'],
    ['Questo prodotto è fantastico e arriva sempre in tempo', 'it'],
    ['O produto chegou atrasado e não funciona', 'pt'],
    ['Dit product werkt niet en de klantenservice reageert niet', 'nl'],
  ])('tells the other scored languages: %j is %s', (text, code) => {
    expect(detect(text)).toBe(code);
  });

  it('names a language it does not score', () => {
    expect(detect('今日はアクメの新製品を買ったけど、すぐに壊れた。最悪です。')).toBe('ja');
  });

  it('has no language for faces and emoji alone', () => {
    expect(detect(':) :) 🔥🔥')).toBeNull();
  });
});
