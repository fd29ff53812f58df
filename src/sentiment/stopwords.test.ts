import { describe, expect, it } from 'vitest';
import { keyTerms } from './aspects';
import { STOPWORDS } from './stopwords';
import { tokenize } from './tokens';

describe('STOPWORDS', () => {
  it.each(['und', 'nicht', 'wieder', 'avec', 'toujours', 'pero', 'todavía', 'questo', 'também', 'niet', 'ook'])(
    'holds the other languages’ function word %j (stopwords-iso)',
    (word) => {
      expect(STOPWORDS.has(word)).toBe(true);
    },
  );

  it.each(['war', 'car', 'man', 'state', 'door', 'battery'])(
    'leaves the English word %j a possible key term',
    (word) => {
      expect(STOPWORDS.has(word)).toBe(false);
    },
  );

  it('keeps the hand-written English list', () => {
    for (const w of ['the', "don't", 'gonna', 'lol']) expect(STOPWORDS.has(w)).toBe(true);
  });
});

describe('keyTerms in other languages', () => {
  it.each([
    ['Die Lieferung ist wieder zu spät und der Kundenservice antwortet nicht', ['lieferung', 'kundenservice']],
    ['El servicio al cliente no responde y la entrega llegó rota', ['servicio', 'cliente', 'entrega']],
    ['Le service client ne répond pas et la livraison est en retard', ['service', 'client', 'livraison']],
  ])('picks the content words of %j', (text, terms) => {
    expect(keyTerms(tokenize(text))).toEqual(expect.arrayContaining(terms));
    for (const t of keyTerms(tokenize(text))) expect(STOPWORDS.has(t)).toBe(false);
  });
});
