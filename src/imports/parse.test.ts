import { describe, expect, it } from 'vitest';
import { parseImport } from './parse';
import { ENGLISH, translatorFor } from '../core/i18n/translator';
import { rowProblem, rowProblemText } from './row-problems';

describe('parseImport', () => {
  it('reads a CSV with guessed columns, quoted newlines and unicode', () => {
    const csv =
      'id,text,created_at,author,followers\n' +
      '1,"Hello, ""acme"" 👋",2026-11-01T10:00:00Z,@ana,"1,200"\n' +
      '2,"two\nlines ✨",1762000000,ben,5\n';
    const { rows, errors, mapping } = parseImport(csv, 'csv');
    expect(errors).toEqual([]);
    expect(mapping).toMatchObject({
      externalId: 'id',
      text: 'text',
      createdAt: 'created_at',
      authorHandle: 'author',
      authorFollowers: 'followers',
    });
    expect(rows.map((r) => r.post.text)).toEqual(['Hello, "acme" 👋', 'two\nlines ✨']);
    expect(rows[0]!.post.author).toMatchObject({ handle: 'ana', followers: 1200 });
    expect(rows[1]!.post.createdAt.toISOString()).toBe('2025-11-01T12:26:40.000Z');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('uses an explicit column mapping and nested JSON paths for JSON Lines', () => {
    const jsonl = [
      '{"msg":"hi acme","ts":"2026-01-01","user":{"screen_name":"zoe","followers_count":9},"network":"x","sid":"77"}',
      '',
    ].join('\n');
    const { rows } = parseImport(jsonl, 'jsonl', {
      text: 'msg',
      createdAt: 'ts',
      authorHandle: 'user.screen_name',
      authorFollowers: 'user.followers_count',
      platform: 'network',
      externalId: 'sid',
    });
    expect(rows[0]).toMatchObject({
      platform: 'x',
      post: { externalId: '77', text: 'hi acme', author: { handle: 'zoe', followers: 9 } },
    });
  });

  it('reports each bad row with its line and a reason, and keeps the good ones', () => {
    const csv =
      'text,date,followers\nfine,2026-01-01,1\n,2026-01-01,1\n' +
      'bad date,yesterday-ish,1\nbad followers,2026-01-01,lots\n';
    const { rows, errors } = parseImport(csv, 'csv');
    expect(rows).toHaveLength(1);
    expect(errors.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 3, message: 'empty text (column text)' },
      { line: 4, message: 'unreadable date "yesterday-ish" (column date)' },
      { line: 5, message: 'followers must be a number, got "lots"' },
    ]);
  });

  it('flags lines of JSON Lines that are not objects', () => {
    const { rows, errors } = parseImport('{"text":"ok"}\nnot json\n[1,2]\n', 'jsonl');
    expect(rows).toHaveLength(1);
    expect(errors.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 2, message: 'not valid JSON' },
      { line: 3, message: 'not a JSON object' },
    ]);
  });

  it('gives rows without ids a stable id, so a second import of the file adds nothing', () => {
    const csv = 'text,date\nsame,2026-01-01\n';
    expect(parseImport(csv, 'csv').rows[0]!.post.externalId).toBe(parseImport(csv, 'csv').rows[0]!.post.externalId);
  });

  it('asks for a text column when it cannot find one', () => {
    expect(parseImport('a,b\n1,2\n', 'csv').errors[0]!.message).toBe('No text column: map one with text=<column>');
  });
});

describe('a row’s problem', () => {
  it('keeps its code and values, and is said in the reader’s language', () => {
    const [problem] = parseImport('text,followers\nhi,lots\n', 'csv').errors;
    expect(problem).toEqual({
      line: 2,
      code: 'followers_not_number',
      values: { value: '"lots"' },
      message: 'followers must be a number, got "lots"',
    });
    expect(rowProblemText(translatorFor('de'), problem!)).toBe('Follower müssen eine Zahl sein, erhalten: "lots"');
    expect(rowProblemText(ENGLISH, problem!)).toBe('followers must be a number, got "lots"');
    expect(rowProblemText(translatorFor('de'), rowProblem(1, 'too_many_rows', { rows: 250_001, max: 200_000 }))).toBe(
      'Die Datei hat 250.001 Zeilen; höchstens 200.000 werden auf einmal importiert',
    );
  });

  it('stored before the codes, is shown in the English it was stored in', () => {
    expect(rowProblemText(translatorFor('de'), { line: 3, message: 'not valid JSON' })).toBe('not valid JSON');
  });
});
