import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { guardCell, toCsv, unguardCell } from './csv';

describe('guardCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', '\'=HYPERLINK("http://evil.test","click")'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-0.42', '-0.42'],
    ['Ana = happy', 'Ana = happy'],
  ])('writes %j as %j', (value, cell) => {
    expect(guardCell(value)).toBe(cell);
  });
});

describe('unguardCell', () => {
  it('takes off only the apostrophe guardCell put on', () => {
    for (const v of ['=1+1', '@x', '-2+3', 'plain', "'quoted", "'-5", '-0.4'])
      expect(unguardCell(guardCell(v))).toBe(v);
  });
});

describe('toCsv', () => {
  it('guards text cells and header names, and leaves numbers and empty cells alone', () => {
    const text = toCsv([["=cmd|' /C calc'!A0", -0.5, null, '@me', undefined]], ['id', '=bad', 'c', 'd', 'e']);
    expect(parse(text)).toEqual([
      ['id', "'=bad", 'c', 'd', 'e'],
      ["'=cmd|' /C calc'!A0", '-0.5', '', "'@me", ''],
    ]);
  });
});
