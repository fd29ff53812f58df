import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, KIND_STATUS, makeErrors, renderMessage, templateParams } from './errors';

const SAMPLE = defineErrors({
  REPLY_TOO_LONG: { kind: 'invalid', en: 'The reply is {length} characters; {platform} allows {limit}' },
  REPLY_EMPTY: { kind: 'invalid', en: 'The reply is empty' },
  EXAMPLE_IN_BRACES: { kind: 'invalid', en: 'Map a column, e.g. {"email": "E-mail address"}' },
  SLOW_DOWN: { kind: 'rate_limited', en: 'Try again in {seconds} s' },
});
const sampleError = makeErrors(SAMPLE);

describe('makeErrors', () => {
  it('makes an AppError with the code, its kind, the message filled in, its params and details', () => {
    const e = sampleError('REPLY_TOO_LONG', { length: 281, platform: 'x', limit: 280 }, { field: 'text' });
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      code: 'REPLY_TOO_LONG',
      kind: 'invalid',
      message: 'The reply is 281 characters; x allows 280',
      params: { length: 281, platform: 'x', limit: 280 },
      details: { field: 'text' },
    });
    expect(e.status).toBe(422);
  });

  it('takes the details first when the message has no parameters', () => {
    const e = sampleError('REPLY_EMPTY', { field: 'text' });
    expect(e).toMatchObject({ message: 'The reply is empty', params: {}, details: { field: 'text' } });
    expect(sampleError('REPLY_EMPTY').details).toBeNull();
  });

  it('keeps braced text that is no parameter name as it is', () => {
    expect(sampleError('EXAMPLE_IN_BRACES').message).toBe('Map a column, e.g. {"email": "E-mail address"}');
    expect(templateParams(SAMPLE.EXAMPLE_IN_BRACES.en)).toEqual([]);
  });

  it('carries Retry-After seconds for a rate limit', () => {
    const e = sampleError('SLOW_DOWN', { seconds: 30 }).retryingAfter(30);
    expect([e.status, e.retryAfter, e.message]).toEqual([429, 30, 'Try again in 30 s']);
  });

  it('is checked by the compiler: the code must be in the table and the parameters the template’s', () => {
    // @ts-expect-error a code of no table
    expect(() => sampleError('NO_SUCH_CODE')).toThrow();
    // @ts-expect-error {limit} is missing
    expect(() => sampleError('REPLY_TOO_LONG', { length: 1, platform: 'x' })).toThrow(/needs \{limit\}/);
    // @ts-expect-error the parameters are not optional
    expect(() => sampleError('SLOW_DOWN')).toThrow(/needs \{seconds\}/);
  });
});

describe('renderMessage', () => {
  it('fills every {name}, numbers too', () => {
    expect(renderMessage('{a} and {b}', { a: 'x', b: 2 })).toBe('x and 2');
  });

  it('refuses to render a template with a parameter missing', () => {
    expect(() => renderMessage('{a} and {b}', { a: 'x' })).toThrow('The message "{a} and {b}" needs {b}');
  });

  it('does not read a value as a template', () => {
    expect(renderMessage('Unknown {unknown}', { unknown: '{{first_name}} {x}' })).toBe('Unknown {{first_name}} {x}');
  });
});

describe('KIND_STATUS', () => {
  it('gives each kind one HTTP status, client errors 4xx and the rest 5xx', () => {
    for (const [kind, status] of Object.entries(KIND_STATUS))
      expect(status, kind).toBeGreaterThanOrEqual(['internal', 'unavailable'].includes(kind) ? 500 : 400);
  });
});
