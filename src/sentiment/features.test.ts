import { describe, expect, it } from 'vitest';
import { FeatureBuffer, hashFeatures, sparseFeatures } from './features';
import { NEGATIONS } from './english';
import { analyze } from './analyze';
import { tokenize } from './tokens';

describe('hashed features', () => {
  it('are the same written into a reused buffer as into fresh arrays, however long the text before', () => {
    const buffer = new FeatureBuffer();
    // Longer than the buffer's first size: it grows, and the next, shorter text still reads only its own.
    hashFeatures(tokenize('unbelievably disappointing experience '.repeat(40)), NEGATIONS, 20, buffer);
    const short = tokenize('not good at all :(');
    hashFeatures(short, NEGATIONS, 20, buffer);
    const fresh = sparseFeatures(short, NEGATIONS, 20);
    expect(Array.from(buffer.index.subarray(0, buffer.length))).toEqual(fresh.index);
    expect(Array.from(buffer.value.subarray(0, buffer.length))).toEqual(fresh.value);
    expect(Array.from(buffer.token.subarray(0, buffer.length))).toEqual(fresh.token);
    // Unit length.
    expect(fresh.value.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 10);
  });

  it('drops the features of the tokens named, keeping the others in order', () => {
    const tokens = tokenize('sick board');
    const buffer = hashFeatures(tokens, NEGATIONS, 20, new FeatureBuffer());
    const all = Array.from(buffer.token.subarray(0, buffer.length));
    buffer.drop(new Set([0]));
    expect(Array.from(buffer.token.subarray(0, buffer.length))).toEqual(all.filter((t) => t !== 0));
  });

  it('give one text the same verdict whatever was scored before it', () => {
    const text = 'The update is slow and the app keeps crashing';
    const before = analyze(text);
    analyze('Absolutely wonderful service, thank you so much!!! '.repeat(30));
    const after = analyze(text);
    expect([after.label, after.score, after.confidence]).toEqual([before.label, before.score, before.confidence]);
  });
});
