import { describe, expect, it } from 'vitest';
import { emoticonValence, joinEmoticon } from './emoticons';
import { tokenize } from './tokens';

describe('emoticonValence', () => {
  it.each([':)', ':-)', ';)', ':D', 'xD', 'XDD', '<3', '^^', '^_^'])('reads %j as happy', (face) => {
    expect(emoticonValence(face)).toBeGreaterThan(0);
  });

  it.each([':(', ':-(', ':/', '-.-', '-_-', 'T_T', '</3'])('reads %j as unhappy', (face) => {
    expect(emoticonValence(face)).toBeLessThan(0);
  });

  it.each(['cool', 'lol', 'so', 'Hallo'])('does not take the word %j for a face', (word) => {
    expect(emoticonValence(word)).toBeUndefined();
  });
});

describe('joinEmoticon', () => {
  it.each([
    ['^^', 1.6],
    ['-.-', -1.4],
  ])('joins the pieces wink-nlp splits %j into', (face, valence) => {
    const tokens = tokenize(`ok ${face}`);
    expect(joinEmoticon(tokens, 1)).toEqual({ valence, length: tokens.length - 1 });
  });

  it('reads no face from a closing bracket before a colon', () => {
    const tokens = tokenize('(Foto): toll');
    const bracket = tokens.findIndex((t) => t.value === ')');
    expect(joinEmoticon(tokens, bracket)).toBeNull();
  });
});
