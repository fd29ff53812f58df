import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { failureNote, redactError, sqlState } from './redact-error';

/** The shape drizzle throws: the SQL and every value in the message, the values again as fields. */
function drizzleError() {
  const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
    code: '23505',
    detail: 'Key (email)=(ana@example.test) already exists.',
    query: 'insert into users (email, password_hash) values ($1, $2)',
    params: ['ana@example.test', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
  });
  const err = new Error(
    `Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: ` +
      'ana@example.test,$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    { cause: driver },
  );
  return Object.assign(err, { query: driver.query, params: driver.params });
}

describe('redactError', () => {
  it('keeps the SQL and the driver code, never the values', () => {
    const out = redactError(drizzleError()) as Record<string, unknown>;
    const text = JSON.stringify(out);
    expect(text).not.toContain('argon2id');
    expect(text).not.toContain('ana@example.test');
    expect(out).toMatchObject({
      message: 'Failed query: insert into users (email, password_hash) values ($1, $2)',
      query: 'insert into users (email, password_hash) values ($1, $2)',
      cause: { code: '23505' },
    });
    expect(String(out.stack)).toMatch(/^Error: Failed query: insert into users[^\n]*\n\s+at /);
  });

  it('passes other values through', () => {
    expect(redactError('plain words')).toBe('plain words');
    expect(redactError({ any: 'object' })).toEqual({ any: 'object' });
  });
});

describe('failureNote', () => {
  it('names the step and the database code, and points to the log', () => {
    expect(sqlState(drizzleError())).toBe('23505');
    expect(failureNote(drizzleError(), 'Storing the posts', 'ab12cd34')).toBe(
      'Storing the posts failed (database error 23505); see the log, ref ab12cd34',
    );
    expect(failureNote(new TypeError('x is undefined'), 'Polling', 'r1')).toBe(
      'Polling failed (internal error); see the log, ref r1',
    );
    expect(
      failureNote(new AppError('TOO_MANY_ROWS', 'invalid', 'The file has too many rows'), 'Saving the contacts', 'r2'),
    ).toBe('The file has too many rows');
  });
});
