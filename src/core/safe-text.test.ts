import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText, jsonDepth, jsonTextProblem, textProblem } from './safe-text';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('textProblem', () => {
  it.each([
    ['plain text, émoji 😀, tabs\tand\nlines', null],
    ['a\u0000b', 'contains a NUL character'],
    ['lone \ud800 high', 'contains a lone surrogate (not valid Unicode)'],
    ['lone \udc00 low', 'contains a lone surrogate (not valid Unicode)'],
  ])('%j -> %j', (s, problem) => {
    expect(textProblem(s)).toBe(problem);
  });
});

describe('cleanText', () => {
  it('drops NUL and other controls but keeps tab, newline and carriage return; mends lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\rf\u001fg')).toBe('abc\td\ne\rfg');
    expect(cleanText('x\ud800y😀')).toBe('x\ufffdy😀');
  });
});

describe('jsonTextProblem', () => {
  it('names the field, through arrays and objects, keys included', () => {
    expect(jsonTextProblem({ texts: ['fine', 'bad\u0000'] })).toEqual({
      field: 'texts.1',
      problem: 'contains a NUL character',
    });
    expect(jsonTextProblem({ author: { name: 'x\udfff' } })).toEqual({
      field: 'author.name',
      problem: 'contains a lone surrogate (not valid Unicode)',
    });
    expect(jsonTextProblem({ 'k\u0000': 1 })).toEqual({
      field: 'k',
      problem: 'has a key that contains a NUL character',
    });
    expect(jsonTextProblem({ ok: ['a', 1, null, { b: true }] })).toBeNull();
  });

  it('refuses hostile nesting without overflowing the stack', () => {
    expect(jsonTextProblem({ x: nested(100_000) })?.problem).toBe('nests deeper than 64 levels');
    expect(jsonTextProblem(nested(64))).toBeNull();
  });
});

describe('jsonDepth and cleanJson', () => {
  it('counts depth without recursion and cleans every string and key', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [{}] })).toBe(3);
    expect(jsonDepth(nested(100_000))).toBe(65);
    expect(cleanJson({ 'a\u0000': ['b\ud800', 1, { c: 'd\u0000' }] })).toEqual({ a: ['b\ufffd', 1, { c: 'd' }] });
  });

  it('cleans a value dirty only deep inside or in one key, and hands a clean value back uncopied', () => {
    expect(cleanJson({ a: [1, { b: ['ok', 'x\u0007y'] }] })).toEqual({ a: [1, { b: ['ok', 'xy'] }] });
    expect(cleanJson({ ok: 1, 'k\ud800': 2 })).toEqual({ ok: 1, 'k\ufffd': 2 });
    const clean = { text: 'Grüße 👋', tags: ['a', 'b'], n: 3, none: null, nested: { x: 'tab\there' } };
    expect(cleanJson(clean)).toBe(clean);
    expect(cleanText('line\nclean')).toBe('line\nclean');
  });
});
