import { describe, expect, it } from 'vitest';
import { DatabaseTimeout, isDatabaseUnavailable } from './unavailable';

const withCode = (code: string) => Object.assign(new Error('x'), { code });
// drizzle wraps the driver's error: the code sits on the cause.
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('isDatabaseUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '08006', '57P01', '53300', '57014'])(
    'says %s means the database is away',
    (code) => {
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
    },
  );

  it('counts a probe that timed out', () => {
    expect(isDatabaseUnavailable(new DatabaseTimeout('late'))).toBe(true);
  });

  it.each(['23505', '22P02', '42P01'])('leaves %s (a statement the database refused) to the usual handling', (code) => {
    expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
  });

  it('leaves errors without a code alone', () => {
    expect(isDatabaseUnavailable(new TypeError('x.map is not a function'))).toBe(false);
  });
});
